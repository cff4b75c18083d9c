"""A date followed by a relative clause that tells what its subject did on it (issue 9: whose date it is). "Cast
your mind back to January 10, 2025, when DeepSeek put out R1": "when" is no opener of a clause of its own
(dsfact.matching.subordinate), and the comma before it no clause mark between the date and that clause's words,
which reach the date as the words of a clause that tells before it what it is the date of would ("R1 came out on
January 20"). So for "in May 2023, the day on which Liang founded DeepSeek" and "回到2025年1月10日，那一天DeepSeek
发布了R1". Only a clause whose subject is a name, first after the relative word: "On January 27, when investors
weighed DeepSeek's release of R1" tells the investors' day, not R1's release; and not a clause that sets its event
before or after the date ("when R1 had come out a week earlier", "the day after DeepSeek released R1"). The words
live in dsfact/lang/time.words [relative-time]."""
from __future__ import annotations

import bisect

from dsfact.lang import words_of
from dsfact.matching.wordtables import word_starting

_LEAD = " ,，"
_ARTICLES = ("the ", "a ")


def _relative_word(text, start: int, sentence_end: int) -> int:
    """Where a relative word (time.words [relative-time]) after a date ending at `start` ends, when it follows the
    date's comma (0 otherwise: "on January 10 when ..." sets no relative clause off from the date)."""
    folded = text.folded
    i = start
    while i < sentence_end and folded[i] in _LEAD:
        i += 1
    if "," not in folded[start:i] and "，" not in folded[start:i]:
        return 0
    word = word_starting(folded[i:i + 24], words_of("time", "relative-time", longest_first=True))
    return i + len(word) if word else 0


def relative_end(text, start: int) -> int:
    """Where the relative word ends when the words after a date (ending at `start`) open with one after the date's
    comma, a name right after it (0 otherwise): the clause it opens is the date's. `text`: the TextCues that read
    the date."""
    folded = text.folded
    sentence_end = text.sentences[text.sentence_of(start - 1)].end
    at = _relative_word(text, start, sentence_end)
    if not at:
        return 0
    head = folded[at:sentence_end].lstrip(_LEAD)
    for article in _ARTICLES:
        head = head.removeprefix(article)
    name_at = sentence_end - len(head)
    if not any(h.start == name_at and any(text.index.naming(h.cue)) for h in text.hits_in(name_at, sentence_end)):
        return 0  # "when investors weighed ...": the clause's subject is no name of the story
    elsewhere = words_of("time", "relative-time", "elsewhere")
    if any(word_starting(folded, elsewhere, k) for k in _starts(folded, at, clause_end(text, at, sentence_end))):
        return 0  # "when R1 had come out a week earlier": another day's event
    return at


def _starts(folded: str, start: int, end: int):
    """The offsets in folded[start:end] where a word begins."""
    return (k for k in range(start, end) if not folded[k - 1].isalnum() or not folded[k].isascii())


def clause_end(text, at: int, sentence_end: int) -> int:
    """The end of the clause that begins at `at`: the next clause mark, or the sentence's end."""
    marks = text._marks
    k = bisect.bisect_left(marks, at)
    return marks[k] if k < len(marks) and marks[k] < sentence_end else sentence_end


def date_clause_span(text, q) -> tuple[int, int]:
    """The clause of date q (`text`, the TextMatcher that read it) as its event words are looked for: its own clause,
    and the relative clause after it that tells what happened on it ("January 10, 2025, when DeepSeek put out
    R1": "put out" is the date's event, not another clause's), past a run-in label that opens its sentence ("【要闻】1月20日，
    深度求索发布R1": dateclause.run_in_label)."""
    start, end = text.reader().clause_span(q.start)
    if start <= text.sentences[text.sentence_of(q.start)].start:
        from dsfact.matching.dateclause import run_in_label

        start = run_in_label(text.folded, start, q.start)
    rel = relative_end(text, q.end)
    if rel:
        end = max(end, clause_end(text, rel, text.sentences[text.sentence_of(q.start)].end))
    return start, end


def relative_of_other(text, q) -> bool:
    """Whether date q opens, after its comma, a relative clause (time.words [relative-time]) that relative_end does
    not give it: one whose subject is no name of the story ("On January 27, when investors digested DeepSeek's
    release of R1, Nvidia fell 17%", "1月27日，那天投资人消化了R1发布的消息") or whose event lies on another day ("By
    January 27, when R1 had been released a week earlier"). The event words there are not the date's: it may agree
    with a claim those words bind it to, but never contradicts one."""
    if q.unit != "date":
        return False
    return bool(_relative_word(text, q.end, text.sentences[text.sentence_of(q.start)].end)) \
        and not relative_end(text, q.end)

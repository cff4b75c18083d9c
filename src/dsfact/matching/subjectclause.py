"""A clause that only names the subject, between a date that opens its sentence and the verb it dates; and the
clauses that go on with that verb.

"2024年12月26日，杭州的深度求索这家中国初创公司，发布了DeepSeek-V3", "2024年12月26日，深度求索，一家杭州初创公司，
發布了V3", "On December 26, 2024, DeepSeek, a Chinese start-up, released V3": the date is the release's, as in
"2024年12月26日，深度求索发布了V3"; the clauses between hold the subject's name (in English also one no cue
covers, capitalised words: "In May 2023, Liang Wenfeng, a quant investor from Zhanjiang, set up DeepSeek"),
or a description of it ended by a noun of lang/time.words [subject-clause] (公司, start-up, entrepreneur; in English
perhaps then its place: "from Zhanjiang"), and no figure nor a word of a claim's metric. They
are read as no clause mark between the date and its verb (dsfact.matching.afterword.after_distance).

A clause after the one the date dates that opens with a word joining a second verb to the first, of the same subject
and time (lang/sentences.words [shares-predicate]: 并, 并且, "and"), and tells no time and holds no figure of its
own, is dated by it too: "2023年，梁文锋离开基金，并创办了DeepSeek", "2023年，梁文鋒離開基金，並創辦了DeepSeek", "In
2023, Liang left the fund, and founded DeepSeek" date the founding (dsfact.matching.evidence: the metric word of
such a clause is in the date's clause). A clause of a later step ("随后", "then") or with a time of its own
("并于两年后", "and in 2024") is not.
"""
from __future__ import annotations

import bisect
import functools

from dsfact.matching.cues import METRIC
from dsfact.numbers.patterns import lazy

REACH = 24  # characters of a description at most, once the names are left out
_QUOTES = " \t\"'“”「」『』‘’"


@functools.cache
def _nouns() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return tuple(sorted(words_of("time", "subject-clause"), key=len, reverse=True))


def subject_clauses(text, q, hit, after_q: int) -> tuple[int, int]:
    """How many clauses between date q's clause (its first mark after it: marks[after_q]) and the clause of the
    word `hit` after it only name a subject, and how many characters they span (`text` a TextCues); (0, 0)
    unless every one of them does."""
    marks = text._marks
    last = bisect.bisect_left(marks, hit.start)  # the mark that opens hit's clause: marks[last - 1]
    between = range(after_q, last - 1)
    if not between:
        return 0, 0
    for k in between:
        if not _names_only(text, marks[k] + 1, marks[k + 1]):
            return 0, 0
    return len(between), marks[last - 1] - marks[after_q]


def past_subject_clauses(text, a: int, end: int, stop: int) -> int:
    """Where the clause text[a:end], the next one after a date that stands alone, ends once the clauses that only
    name a subject are read past (no further than `stop`, its sentence's end): "2024年12月26日，深度求索，发布了V3"
    tells the date of the clause after the name."""
    marks = text._marks
    while end < stop and _names_only(text, a, end):
        k = bisect.bisect_right(marks, end)
        a, end = end + 1, (marks[k] if k < len(marks) and marks[k] < stop else stop)
    return end


def _names_only(text, a: int, b: int) -> bool:
    """Whether text[a:b] holds no figure and no metric word, and is a name, or a description ended by a noun of
    [subject-clause], once its names are left out."""
    if a >= b or text.figures_in(a, b):
        return False
    folded = text.folded
    kept, at, named = [], a, False
    for h in text.hits_in(a, b):
        if any(role == METRIC for _, role in text.roles_of(h)):
            return False
        if text.index.names(h.cue):
            kept.append(folded[at:h.start])
            at, named = h.end, True
    rest = "".join((*kept, folded[at:b])).strip(_QUOTES)
    if not rest:
        return named
    raw = text.text[a:b].strip(_QUOTES)
    if raw.isascii():
        if _PROPER.fullmatch(raw):
            return True  # "In April 2023, Liang Wenfeng, ...": a name no cue covers; "Zhanjiang, Guangdong,": its place
        rest = _PLACED.sub("", rest)  # "a young investor from Zhanjiang": the description's place
    if len(rest) > (LATIN_REACH if raw.isascii() else REACH) or any(c in rest for c in ".。!！?？;；:："):
        return False
    return rest.endswith(_nouns())


LATIN_REACH = 32  # characters of an English description at most ("a millennial entrepreneur")
_PROPER = lazy(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}")  # a name of capitalised words, as an English text writes it
_PLACED = lazy(r" (?:from|in|based in|of) [a-z][\w'’.-]*(?: [a-z][\w'’.-]*){0,2}$")  # (folded)


@functools.cache
def _joiners() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return words_of("sentences", "shares-predicate", longest_first=True)


def past_shared_clauses(text, end: int, stop: int) -> int:
    """Where the clauses after the mark `end` that go on with the verb of the clause before it end ([shares-predicate],
    no time and no figure of their own; no further than `stop`, the sentence's end); `end` when there is none."""
    from dsfact.matching.timewords import time_tags
    from dsfact.matching.wordtables import word_starting

    marks, folded = text._marks, text.folded
    while end < stop:
        k = bisect.bisect_right(marks, end)
        b = marks[k] if k < len(marks) and marks[k] < stop else stop
        head = folded[end + 1:b].lstrip(_QUOTES)
        lead = word_starting(head, _joiners())
        if lead is None \
                or text.figures_in(end + 1, b) or time_tags(folded, end + 1, b):
            return end
        end = b
    return end

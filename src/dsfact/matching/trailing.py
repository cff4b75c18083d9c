"""A phrase of a move after a comma with no subject of its own (", plunging 19.1%", "，重挫19.1%") tells the
move of the subject of the clause before it, that clause's first name: "Broadcom dragged down the Nasdaq,
falling 17.4%" is Broadcom's fall, not the Nasdaq's, though the Nasdaq is named nearer. The words that open
such a phrase are language data (dsfact/lang/sentences.words [trailing-move])."""
from __future__ import annotations

import bisect
from functools import lru_cache

from dsfact.matching.pertext import remembered
from dsfact.matching.wordtables import Words, whole_words, word_starting


@lru_cache(maxsize=1)
def _opening_words() -> Words:
    """The words that open such a phrase, looked up where the phrase begins."""
    from dsfact.lang import words_of

    return Words(words_of("sentences", "trailing-move"))


@lru_cache(maxsize=1)
def _other_move():
    """Words after which a trailing move may be another body's (sentences.words [trailing-other-move]): verbs
    that move their object, words of a companion in the move; each whole, Chinese ones anywhere."""
    from dsfact.lang import words_of

    return whole_words(words_of("sentences", "trailing-other-move"), chinese=True)


@lru_cache(maxsize=1)
def _holders() -> tuple[str, ...]:
    """The words of the subject's own shares that may stand before the move word (", with its shares
    tumbling 17%"), longest first."""
    from dsfact.lang import words_of

    return words_of("sentences", "trailing-holder", longest_first=True)


def _past_holder(folded: str, i: int) -> int:
    """Where the move word may begin: past white space and any holder words at offset i."""
    while i < len(folded) and folded[i].isspace():
        i += 1
    word = word_starting(folded, _holders(), i)
    return i if word is None else i + len(word)


def trails_another(text, q, ci: int) -> bool:
    """Whether figure q stands in such a phrase, right after a clause of its sentence whose first name (not
    the object of a word before it) is another body than claim ci's subject and which names ci's subject
    after it: the figure is that other body's move."""
    found = _phrase_subject(text, q)
    if found is None:
        return False
    first, names, comma = found
    naming = text.index.naming
    if ci in naming(first.cue)[1]:
        return False  # the clause's subject is ci's own
    if ci in naming(names[-1].cue)[1] and _sourced(text.folded, names[-1].start, names[-1].end, comma):
        return False  # "纳指大跌主要来自英伟达，跌幅17%": the move of the name given as its source
    return any(ci in naming(h.cue)[1] for h in names if h.start > first.start)


def trails_own(text, q, ci: int, loose: set | None = None) -> bool:
    """Whether figure q stands in such a phrase and the clause before it opens with claim ci's subject: "Nvidia
    shares dragged US stocks down, falling 17%" is Nvidia's fall, though another body (the object, "US stocks")
    is named nearer the figure; unless the object is the source the phrase tells the move of (_sourced). After a verb
    that moves its object or a word of a companion (sentences.words [trailing-other-move]: "dragged TSMC lower",
    "along with Broadcom") the claim joins `loose`: the figure may vouch for it, never contradict it."""
    found = _phrase_subject(text, q)
    if found is None:
        return False
    first, names, comma = found
    naming = text.index.naming
    last = names[-1]
    own = ci in naming(first.cue)[1] and (last is first or ci in naming(last.cue)[1]
                                          or not _sourced(text.folded, last.start, last.end, comma))
    if own and loose is not None and _other_move().search(text.folded, first.end, comma):
        loose.add(ci)  # "Nvidia shares dragged TSMC lower, sinking 13%": maybe the object's move, so it only vouches
    return own


def _phrase_subject(text, q):
    """For figure q in a phrase of a move that opens its clause and names nobody: the subject of the clause
    before it (its first name, neither governed nor compared; a subordinate clause's, _subordinate_subject),
    that clause's names and the comma that ends it; None for a figure in no such phrase. Worked out once per
    figure (trails_own and trails_another ask it for each claim)."""
    return remembered(text, "_phrase_subjects", q, _find_phrase_subject)


def _find_phrase_subject(text, q):
    """_phrase_subject, worked out."""
    marks = text._marks
    k = bisect.bisect_right(marks, q.start)
    sentence = text.sentences[text.sentence_of(q.start)]
    if not k or marks[k - 1] < sentence.start:
        return None
    folded = text.folded
    start = marks[k - 1] + 1
    if not _opening_words().opens(folded, _past_holder(folded, start), True):
        return None
    end = min(marks[k] if k < len(marks) else sentence.end, sentence.end)
    naming = text.index.naming
    if any(any(naming(h.cue)) for h in text.hits_in(start, end)):
        return None  # the phrase names someone: its own subject
    before = max(marks[k - 2] + 1, sentence.start) if k > 1 else sentence.start
    from dsfact.matching.bodies import governed
    from dsfact.matching.comparison import is_comparison

    names = [h for h in text.hits_in(before, marks[k - 1]) if any(naming(h.cue))]
    # not the object of a word before it, nor a name set against the subject ("纳斯达克上市公司英伟达": the exchange)
    first = next((h for h in names if not governed(folded, h.start) and not is_comparison(folded, h.start, h.end)), None)
    if first is None:
        return None
    return _subordinate_subject(text, q, names, first, marks[k - 1]), names, marks[k - 1]  # "The Nasdaq tumbled as Nvidia dived 17%, losing $593B"


def _subordinate_subject(text, q, names: list, first, comma: int):
    """The subject of the last clause a word of names.words [subordinate] opens after `first` (the clause's first
    name) and before the phrase, when that clause tells a figure of its own, in another unit than figure q's (a
    move in percent before the sum it took off), right before the phrase's `comma`: "The Nasdaq tumbled on Monday as Nvidia dived 17%, losing nearly $593 billion of its
    value" tells the value Nvidia's fall took off, as "Nvidia dived 17%, losing $593 billion" does; `first` otherwise
    ("The Nasdaq slid as Nvidia sank, closing down 3.1%": the index keeps its move)."""
    from dsfact.matching.bodies import governed
    from dsfact.matching.subordinate import opens_between

    folded, at = text.folded, first
    for h in names:
        if h.start > at.end and opens_between(folded, at.end, h.start) and not governed(folded, h.start):
            at = h
    if at is first or not any(x.unit != q.unit for x in text.figures_in(at.end, comma)):
        return first
    return at


def _sourced(folded: str, start: int, end: int, comma: int) -> bool:
    """Whether the name at folded[start:end] ends its clause (at `comma`) right after a word of
    sentences.words [trailing-source], maybe with an article between ("came mostly from Nvidia,", "led by the
    Nasdaq's", 主要来自英伟达，)."""
    if folded[end:comma].strip():
        return False
    lo = max(0, start - SOURCE_REACH)
    e = start
    while e > lo and folded[e - 1].isspace():
        e -= 1
    for article in ("the", "a", "an"):
        if folded.endswith(" " + article, lo, e):
            e -= len(article)
            break
    return _source_words().ends(folded, lo, e, True)


SOURCE_REACH = 24  # characters before a name searched for a word of its source


@lru_cache(maxsize=1)
def _source_words() -> Words:
    from dsfact.lang import words_of

    return Words(words_of("sentences", "trailing-source"))

"""A sentence that opens by pointing back with a noun that no subject table reads: its borrowed subject is loose.

"符合歐盟對整體算力期待。該案總投資額預估為30至40億歐元", "符合欧盟的期待。该案总投资额预计为30至40亿欧元",
"The centre meets the EU's goals. This bid would cost €3 to 4 billion": the sentence speaks of the thing its
pointing noun names (該案, a bid; 该中心, a data centre), which the text does not tie to a registered subject. A
subject borrowed from the sentence before, where it is named but not first (the EU, named there only as an
object, after 該中心), may be that thing's owner, its client or nothing of it: the figure binds loosely (it
may agree, never contradict). When the sentence before opens with that subject ("Nvidia rose 7%. That bounce
came after the stock plunged 17%"), the pointing noun names one of its doings, and the subject stays firm. The pointing words are
names.words [pointed-noun] (`before`, and `after`: the words that make one no pointing noun: "this year",
这是, 此外); a noun [pronoun] or [referent] reads ("the project", 该项目, 该公司) is left to those rules
(dsfact.matching.referents). Read by dsfact.matching.sections.carried_loosely.
"""
from __future__ import annotations

import functools

from dsfact.matching.text import INF
from dsfact.matching.wordedges import word_starting

_OPENING = 4  # characters before the name that opens a sentence: "The ", "美国的"
_LEAD = " \t\"'“”「」『』‘’*#>-–—•·"  # what may stand before the opening words: quotes, emphasis, a bullet


@functools.cache
def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    from dsfact.lang import words_of

    listed = words_of("names", "pronoun", "before") + words_of("names", "referent", "before")
    return (words_of("names", "pointed-noun", "before", longest_first=True),
            words_of("names", "pointed-noun", "after", longest_first=True), tuple(sorted(listed, key=len, reverse=True)))


def opens_with(folded: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether folded[start:end], past a lead of quotes, emphasis or a bullet, opens with one of `words` (longest
    first), whole at a Latin edge (wordedges.word_starting)."""
    while start < end and folded[start] in _LEAD:
        start += 1
    if start >= end:
        return False  # (no word of `words` is empty)
    longest, by_first = _by_first(words)
    first = by_first.get(folded[start])
    # only the words of its first character can open it, and only its first characters matter (one past the
    # longest word, for the edge after a word): each figure of a sentence asks of the sentence's opening
    return first is not None and word_starting(folded[start:min(end, start + longest + 1)], first) is not None


_FIRSTS: dict[int, tuple] = {}  # id(words) -> (words, (the longest word's length, {first character: its words}))


def _by_first(words: tuple[str, ...]) -> tuple[int, dict[str, tuple[str, ...]]]:
    """The length of the longest of `words` and `words` by their first character, each bucket in the order of
    `words`, worked out once per word tuple (the callers' tuples are cached, so few: the entry keeps the tuple,
    whose id keys it, alive)."""
    found = _FIRSTS.get(id(words))
    if found is None or found[0] is not words:
        if len(_FIRSTS) > 16:  # (never, with the callers' cached tuples: a bound should a caller build its own)
            _FIRSTS.clear()
        buckets: dict[str, list[str]] = {}
        for w in words:
            buckets.setdefault(w[0], []).append(w)
        found = _FIRSTS[id(words)] = (words, (max(map(len, words), default=0),
                                              {c: tuple(ws) for c, ws in buckets.items()}))
    return found[1]


def _opens_pointing(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] (a sentence before its figure) opens with a pointing word and a noun after it.
    Most sentences open with no pointing word: that is tested first, on the text in place, before the sentence's
    opening is sliced or read for a noun of another rule (each figure of a sentence asks)."""
    pointers, after, listed = _words()
    lead = start
    while lead < end and folded[lead] in _LEAD:
        lead += 1
    if not folded.startswith(pointers, lead, end) or opens_with(folded, start, end, listed):
        return False  # no pointing word; "该公司", "the project": a noun of its own rule
    from dsfact.matching.referents import head_noun_at

    if head_noun_at(folded, lead, end) is not None:
        return False  # "this ambitious initiative", 该大型项目: the project's noun with words of its kind (modifiedhead)
    head = folded[lead:end]
    for w in pointers:
        if not head.startswith(w):
            continue
        rest = head[len(w):]
        if w.isascii():
            if not rest.startswith(" "):
                continue
            rest = rest[1:]
            word = rest.split(" ", 1)[0].rstrip(",.;:")
            return word.isalpha() and word.islower() and not any(rest.startswith(a) and not rest[len(a):len(a) + 1].isalpha()
                                                               for a in after if a.isascii())
        return bool(rest) and "\u4e00" <= rest[0] <= "\u9fff" and not any(rest.startswith(a) for a in after)
    return False


def pointed_elsewhere(text, q, si: int, missing: list[int], subject_d: dict[int, float]) -> list[int]:
    """The claims of `missing` whose subject figure q borrowed (a finite `subject_d`: its sentence names none)
    when q's sentence opens, before q, with a pointing word and a noun no subject table reads."""
    borrowed = [ci for ci in missing if subject_d.get(ci, INF) < INF]
    if not borrowed or si == 0 or not _opens_pointing(text.folded, text.sentences[si].start, q.start):
        return []
    opener = _opener(text, si - 1)  # "Nvidia rose 7%. That bounce came after it plunged 17%": Nvidia's, firmly
    naming = text.index.naming
    named = {ci for hit in text.sentence_hits(si - 1) for ci in naming(hit.cue)[1]}
    return [ci for ci in borrowed if ci in named and ci not in opener]  # (from further back: no object seen)


def _opener(text, back: int) -> tuple[int, ...]:
    """The claims whose subject a name opening sentence `back` names (after a short lead, an article or a
    possessive: "Nvidia rose", "The EU's plan", "據悉，歐盟"): that sentence's subject."""
    from dsfact.matching.referents import head_after_lead

    sentence = text.sentences[back]
    head = head_after_lead(text.folded, sentence.start, sentence.end)
    while head < sentence.end and text.folded[head] in _LEAD:
        head += 1
    naming = text.index.naming
    for hit in text.sentence_hits(back):
        entity, subjects = naming(hit.cue)
        if entity or subjects:
            return tuple(subjects) if hit.start - head <= _OPENING else ()
    return ()

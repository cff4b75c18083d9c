"""A year's spending told as done, in a text of a later year: "Meta, which spent $72 billion in 2025, is looking at
2026 capex guidance of $115 billion to $135 billion", "Meta在2025年花了约720亿美元，2026年计划投入1350亿美元". A
word of past spending right before the figure (time.words [spent-past]; a qualifier may stand between) and the
claim's year in the figure's clause tell what the year came to, not the plan told at its start that a claim of
that year's spending records: the figure may agree but never contradicts. Only where the text writes a later
year: a text of the year itself ("Meta has spent $20 billion in 2025 so far") tells a part of the year, which
dsfact.matching.doubt reads by its other rules."""
from __future__ import annotations

from dsfact.matching.cues import has_cjk
from dsfact.matching.when import WRITTEN_YEAR, written_years

_WORDS: list = []  # [Alternation of time.words [spent-past]], read once
WORD_REACH = 40  # characters before a figure searched for a word of past spending
GAP = 24  # at most this many characters of a qualifier between that word and the figure ("spent about")


def spent_in_year(text, q, year: str) -> bool:
    """Whether figure q (`text`: a TextMatcher) is told as spent, its clause naming the claim's `year` with no
    other figure of q's unit between the two, in a text that writes a year after it."""
    folded = text.folded
    start, end = text.reader().clause_span(q.start)
    if not _spent_before(folded, max(start, q.start - WORD_REACH), q, has_cjk(folded[start:q.end])):
        return False
    named = False
    for m in WRITTEN_YEAR.finditer(text.text, start, end):
        a, b = (m.end(), q.start) if m.end() <= q.start else (q.end, m.start())
        if m.group(1) == year and not any(x.unit == q.unit for x in text.figures_in(a, b)):
            named = True
            break
    return named and any(int(y) > int(year) for y in written_years(text))


def _spent_before(folded: str, pos: int, q, chinese: bool) -> bool:
    """Whether a word of past spending ends before q, only white space or a qualifier of q between."""
    if not _WORDS:
        from dsfact.lang import words_of
        from dsfact.matching.wordtables import Alternation

        _WORDS.append(Alternation(words_of("time", "spent-past")))
    last = None
    for m in _WORDS[0].get(chinese).finditer(folded, pos, q.start):
        last = m
    if last is None:
        return False
    gap = folded[last.end():q.start]
    if not gap.strip():
        return True
    return q.qualifier is not None and len(gap) <= GAP and not any(c.isdigit() or c in ",.;:，。；：" for c in gap)

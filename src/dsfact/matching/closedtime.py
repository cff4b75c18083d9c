"""A time that closes a figure's phrase, or a base phrase of its own: "Meta spent $39 billion on capital expenditure in 2024 and plans up to
$65 billion in 2025". The year after "capital expenditure" stands nearer the $65 billion than the $39 billion,
but a word that joins another predicate ("and", "while", 而; time.words [closing-join]) stands between it and the
later figure and none between it and the earlier one: it is the earlier figure's time. Placed on the later
figure, it left the $39 billion with no time of its own, and a claim of 2025 took it. A year told in a phrase that
sets a figure against a base with no figure of its own ("the $60-80 billion range marks a step up from Meta's capex
last year"; time.words [base-phrase]) is the base's year and places no figure."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.cues import has_cjk
from dsfact.matching.wordtables import whole_words
from dsfact.numbers.patterns import lazy


@lru_cache(maxsize=2)
def _table(name: str) -> tuple[re.Pattern, tuple[str, ...]]:
    """time.words [name] as (one pattern of its Latin words, whole words, longest first; its Chinese words,
    longest first)."""
    from dsfact.lang import words_of

    words = words_of("time", name)
    return whole_words(words), tuple(sorted((w for w in words if has_cjk(w)), key=len, reverse=True))


def _joins() -> tuple[re.Pattern, tuple[str, ...]]:
    return _table("closing-join")


def joined(folded: str, start: int, end: int) -> bool:
    """Whether a joining word stands in folded[start:end]."""
    latin, chinese = _joins()
    return latin.search(folded, start, end) is not None or any(w in folded[start:end] for w in chinese)


def closing_figure(reader, a: int, b: int, k: int, time_units, tag: str = "") -> int | None:
    """The figure that the time words at a:b (of kind `tag`) place: figure k (the nearest in their clause), or,
    when k stands after them beyond a joining word and the amount before them is reached with none, that amount;
    None when they tell a year of a base phrase with no figure of its own."""
    quantities, folded = reader.quantities, reader.folded
    if quantities[k].end <= a and _year_tag(tag) and _of_base(reader, a, b, k, time_units):
        return None
    if quantities[k].start < b or not joined(folded, b, quantities[k].start):
        return k
    lo, _ = reader.clause_span(a)
    j = k - 1
    while j >= 0 and (quantities[j].unit in time_units or quantities[j].end > a):
        j -= 1  # the year itself, and the dates and durations beside it
    if j < 0 or quantities[j].start < lo or _opens(folded, quantities[j].end, a):
        return k
    return j


_LEAD = lazy(r"[\s,，]*(?:(?:in|during|for|by|over|through|at|on|the|of|在|于|於)\s*)*$")


def _opens(folded: str, start: int, end: int) -> bool:
    """Whether a joining word opens the time words that end folded[start:end], with only a preposition after it
    ("$39 billion, and in 2025 ..."): the time then opens the next predicate. A joining word inside the first
    figure's phrase ("$39 billion into servers and data centres in 2024") does not."""
    latin, chinese = _joins()
    last = None
    for m in latin.finditer(folded, start, end):
        last = m.end()
    for w in chinese:
        at = folded.rfind(w, start, end)
        if at >= 0 and (last is None or at + len(w) > last):
            last = at + len(w)
    return last is not None and _LEAD.match(folded, last, end) is not None


def _year_tag(tag: str) -> bool:
    from dsfact.matching.when import year_kind

    return year_kind(tag)[0] is not None or (tag.startswith("date:") and len(tag) == 9 and tag[5:].isdigit())


def _bases() -> tuple[re.Pattern, tuple[str, ...]]:
    return _table("base-phrase")


def _of_base(reader, a: int, b: int, k: int, time_units) -> bool:
    """Whether the year's words at a:b, after figure k, stand in a base phrase with no figure of its own: a base
    word between k and them (English), or right before them (Chinese), and no amount after them in the clause."""
    quantities, folded = reader.quantities, reader.folded
    _, hi = reader.clause_span(a)
    if any(x.start >= b and x.start < hi and x.unit not in time_units for x in quantities[k + 1:]):
        return False  # "up from last year's $39 billion": the year is that figure's
    latin, chinese = _bases()
    if folded[a - 1:a].isascii():
        return latin.search(folded, quantities[k].end, a) is not None
    return folded[max(quantities[k].end, a - 3):a].endswith(chinese)

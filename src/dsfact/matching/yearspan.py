"""A move told over a whole year that its clause names alone: "Nvidia shares have dropped around 1% in 2025",
"the stock rose 171% in 2024", "英伟达股价在2025年下跌约1%", "輝達股價在2025年上漲逾3成". A bare year (no month, no day)
right after the move, joined by a word of time.words [year-move] `between` ("in", "during", "throughout"), or
right before it after one of `before` (在, 於), with only words between, is the span the move is counted over: the
year's change, never one day's move, so a claim tied to a day (Nvidia's fall on 27 January 2025) is not stated by
it, and a claim tied to that year (a year's capital spending) still is. The figure gets the tag of several
sessions (time.words [relative] `several-days`), which reads so; a clause that tells one session ("in a single
day in 2025") keeps the move the day's (dsfact.matching.roles.FigureReader.times). The words are data; this
module holds the mechanism."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.matching.wordtables import spaced
from dsfact.numbers.patterns import lazy

SPAN_TAG = "several-days"  # the tag of a move over more than one session (dsfact.matching.timefits)
CJK_REACH = 8  # characters between a Chinese year and the move after it ("在2025年全年累计下跌")
_HAN_ONLY = lazy(r"[\u4e00-\u9fff]*")


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern, tuple[str, ...]]:
    """time.words [year-move]: the English words between a move and its year, as a pattern of the whole gap; the
    Chinese words right before a year."""
    from dsfact.lang import words_of

    gap = lazy(r"\s+(?:" + spaced(words_of("time", "year-move", "between")) + r")\s+")
    return gap, tuple(words_of("time", "year-move", "before"))


def year_moves(reader, start: int, end: int) -> list[int]:
    """The indexes of the moves in the sentence folded[start:end] of the reader (a FigureReader) that a bare year
    told beside them places over that whole year."""
    gap, before = _words()
    folded, quantities = reader.folded, reader.quantities
    lo, hi = bisect.bisect_left(reader.starts, start), bisect.bisect_left(reader.starts, end)
    found = []
    for i in range(lo, hi):
        x = quantities[i]
        if x.unit != "date" or not (isinstance(x.value, str) and x.value.isdigit() and len(x.value) == 4):
            continue
        if i > lo and _is_move(quantities[i - 1]) and gap.fullmatch(folded, quantities[i - 1].end, x.start):
            found.append(i - 1)  # "dropped around 1% in 2025"
        elif i + 1 < hi and _is_move(quantities[i + 1]) and folded.startswith(before, max(0, x.start - 1), x.start) \
                and quantities[i + 1].start - x.end <= CJK_REACH \
                and _HAN_ONLY.fullmatch(folded, x.end, quantities[i + 1].start) \
                and reader.clause_span(x.start) == reader.clause_span(quantities[i + 1].start):
            found.append(i + 1)  # "在2025年下跌约1%"
    return found


def _is_move(q) -> bool:
    return q.direction is not None and q.unit != "date"

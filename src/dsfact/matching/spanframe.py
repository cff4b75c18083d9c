"""A span told by the sentence before a list of moves: "AI stocks listed in Hong Kong have soared since DeepSeek
launched its model. Kingsoft Cloud soared 61%, and SMIC surged 27%." — "自DeepSeek发布模型以来，港股AI概念股大涨。
金山云上涨61%，中芯国际上涨27%。" — "自DeepSeek發布模型以來，港股AI概念股大漲。金山雲上漲61%，中芯國際上漲27%。"

The frame sentence holds a word of time.words [span-frame] and no amount of its own; the sentence right after it in
its paragraph holds two or more amounts of one unit (its members, listed) and no time word that places any of them.
Those figures are the members' moves over the span, and the span heads their sentence (dsfact.matching.roles:
FigureReader._heads), as a time at its own head would: a claim of one move after the event is not stated by a
cumulative gain. Left unplaced, "61%" contradicted Kingsoft Cloud's 11.2% rise."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.matching.cues import has_cjk

LIST_MIN = 2  # amounts of one unit that make the sentence a list of members' moves


@lru_cache(maxsize=1)
def _frame() -> tuple[re.Pattern, tuple[str, ...]]:
    from dsfact.lang import words_of

    words = words_of("time", "span-frame")
    latin = sorted((w for w in words if not has_cjk(w)), key=len, reverse=True)
    return (re.compile(r"(?<![a-z])(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in latin) + r")(?![a-z])"),
            tuple(w for w in words if has_cjk(w)))


def carry_span(reader, start: int, end: int, time_units) -> None:
    """Head the sentence folded[start:end] with "span" when the sentence before it frames its list of moves."""
    if start <= 0 or reader._heads.get(start):
        return
    lo, hi = bisect.bisect_left(reader.starts, start), bisect.bisect_left(reader.starts, end)
    own = [k for k in range(lo, hi) if reader.quantities[k].unit not in time_units]
    units = [reader.quantities[k].unit for k in own]
    if not units or units.count(units[0]) < LIST_MIN or len(set(units)) > 1 or any(k in reader._times for k in own):
        return
    before, last = reader.sentence_of(start - 1)
    if before >= start or "\n\n" in reader.folded[last:start]:
        return
    k = bisect.bisect_left(reader.starts, before)
    if any(q.unit not in time_units for q in reader.quantities[k:lo] if q.start < last):
        return  # a figure of its own: the frame is that figure's
    words = reader.folded[before:last]
    latin, chinese = _frame()
    if latin.search(words) is not None or any(w in words for w in chinese):
        reader._heads[start] = ["span"]

"""The level a move the sentence tells ends at: "The Nasdaq lost 612.47 points, or 3.07%, to 19,341.83",
"纳指下跌612.47点，跌幅3.07%，至19341.83点", "closed down 3.07% at 19,341.83" (issue 9)."""
from __future__ import annotations

from dsfact.matching.tables import closes_of
from dsfact.model import Quantity


def move_levels(text, q: Quantity, metric: dict[int, float], family: frozenset[int]) -> frozenset[int]:
    """A figure that ends a move the sentence tells (FigureReader.ends_told_move) is a level, and the move's
    words stand for the metric words of the claims of a level of its unit (`metric`, matcher._Cues.metric, by
    claim), which name none of their own here ("closed at", "intraday low"). Where no word of a part of the
    trading day (roles.words [session]: "as much as", 一度, intraday) qualifies the move or the level, the move is
    the day's and the level where it closed: the close's levels are bound firmly (returned) and the day's low
    is none of its claims. Otherwise bound loosely, it may agree with the level of the close or of the day's low,
    never contradict either (dsfact.check._as_variant)."""
    moved = text.reader().ends_told_move(q) if text._quantities and q.direction is None else None
    if moved is None:
        return frozenset()
    claims = text.registry.claims
    levels = [ci for ci in family if claims[ci].kind == "level" and ci not in metric]
    closes = closes_of(text).intersection(levels)
    if closes and _in_session(text, q):
        closes = frozenset()
    lows = text.index.point_levels - closes if closes else frozenset()
    for ci in levels:  # (the close's own word, as a table's column header is: dsfact.matching.evidence)
        if ci not in lows:
            metric[ci] = 0.0 if ci in closes else float(q.start - moved.end)
    return closes


def _in_session(text, q: Quantity) -> bool:
    """Whether a word of a part of the trading day (roles.words [session]) qualifies level q or a move told
    before it in its sentence ("Minutes after the opening bell the Nasdaq had shed 720.3 points, or 3.61%, to
    19,234.04": the day's low, not its close)."""
    reader = text.reader()
    if "session" in reader.roles(q):
        return True
    start = text.sentences[text.sentence_of(q.start)].start
    return any(x.direction is not None and "session" in reader.roles(x) for x in text.figures_in(start, q.start))

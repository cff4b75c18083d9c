"""A time word inside the first figure's clause, after that clause's own words ("英伟达的股价在开盘前就暴跌11%，
整个科技股板块市值蒸发超1万亿美元"), tells that clause's time. It heads the sentence only loosely: a figure of a
later clause that has no time of its own, placed by it on another time than its claim's, may agree with the
claim but never contradicts it (dsfact.matching.matcher._fits)."""
from __future__ import annotations

import bisect

from dsfact.matching.roles import TIME_UNITS
from dsfact.matching.timewords import time_words

OPENING_WORDS = 2  # characters before a time word that still make it the clause's opening ("在", "on")


def placed_loosely(reader, q) -> bool:
    """Whether figure q takes its time only from a time word at its sentence's head that stands inside the
    first figure's clause, after other words of that clause, while q stands in another clause."""
    if reader._times.get(bisect.bisect_left(reader.starts, q.start)):
        return False  # a time of its own
    start, end = reader.sentence_of(q.start)
    quantities = reader.quantities
    k = bisect.bisect_left(reader.starts, start)
    while k < len(quantities) and quantities[k].unit in TIME_UNITS and quantities[k].start < end:
        k += 1
    if k >= len(quantities) or quantities[k].start >= end or quantities[k] is q:
        return False
    first = quantities[k].start
    clause = reader.clause_span(first)
    if clause == reader.clause_span(q.start):
        return False
    words = [m for m, _ in time_words(reader.folded, start, first)]
    if not words or reader.clause_span(words[0].start()) != clause:
        return False  # a clause of its own ("周一，……") heads the whole sentence
    return len(reader.folded[clause[0]:words[0].start()].strip()) > OPENING_WORDS

"""The year a weekday told beside a date gives, in a text of no date of its own: "美股周二（1月27日）……", "stocks rose
on Tuesday, Jan. 27" name 27 January of a year it fell on a Tuesday (2026), not the story's 2025, when it was a
Monday. A market report that gives its day only so is of another year than the claims of the story's days, and
its figures of them (which name no day of their own: "Nvidia也升1.11%") may agree, never contradict. Only a text
whose every weekday beside a date misses the claim's year is read so: one that fits it ("周一（1月27日）") or none at
all places nothing. Read by dsfact.matching.doubt.doubts_time."""
from __future__ import annotations

import datetime

from dsfact.matching.pertext import remembered
from dsfact.matching.timewords import time_words

WEEKDAY = "weekday:"
_JOINS = " \t,，(（)）"  # what stands between a weekday and its date: "周二（1月27日）", "Tuesday, Jan. 27"
_REACH = 12  # characters around a date read for its weekday


def _pairs(text) -> list[tuple[int, int, int]]:
    """(month, day, weekday) of each year-less date of `text` told beside a weekday, found once per text."""
    return remembered(text, "_weekyear", "pairs", _find_pairs)


def _find_pairs(text, _) -> list[tuple[int, int, int]]:
    folded, pairs = text.folded, []
    for x in text._quantities or ():
        if x.unit != "date" or not isinstance(x.value, str) or not x.value.startswith("--"):
            continue
        lo, hi = max(0, x.start - _REACH), min(len(folded), x.end + _REACH)
        for m, kind in time_words(folded, lo, hi):
            if kind.startswith(WEEKDAY) and (m.end() <= x.start and not folded[m.end():x.start].strip(_JOINS)
                                             or m.start() >= x.end and not folded[x.end:m.start()].strip(_JOINS)):
                month, day = x.value[2:].split("-")[:2]
                pairs.append((int(month), int(day), int(kind[len(WEEKDAY):])))
                break
    return pairs


def weekdays_of_other_year(text, time: str) -> bool:
    """Whether `text` (a TextMatcher of no date of its own) tells a weekday beside each of its year-less dates
    that it tells one beside, none of which falls on that weekday in the year of `time` (a claim's day)."""
    if text.day is not None or len(time) < 10:
        return False
    pairs = _pairs(text)
    year = int(time[:4])
    try:
        return bool(pairs) and all(datetime.date(year, month, day).weekday() != weekday for month, day, weekday in pairs)
    except ValueError:
        return False

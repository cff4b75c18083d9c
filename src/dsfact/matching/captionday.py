"""The day a table's caption tells: "Tuesday, January 28, 2025:" or "Close on Tuesday:" right before a table
("| Nasdaq Composite | +2.03% |") says whose day its figures are. A caption
that names a day other than a claim's (a date with its day, or a weekday) places them on that other day, so
that they may agree with the claim but never contradict it; one that names the claim's day, or none, places
nothing here. Read by dsfact.matching.doubt, after the figure's own sentence and the sentences before it."""
from __future__ import annotations

from dsfact.matching.timefits import time_fits
from dsfact.matching.timewords import time_tags
from dsfact.matching.when import date_fits, has_day


def caption_day_elsewhere(text, q, time: str) -> bool:
    """Whether figure q (`text`: a TextMatcher) stands in a table whose caption, a paragraph ending in a
    colon right before it, names a day and not the day of `time` (a claim's day, ISO)."""
    structure = text.structure
    if structure is None:
        return False
    span = structure.caption_of(q.start)
    if span is None:
        return False
    return caption_fits(text, span, time) is False


def caption_fits(text, span: tuple[int, int], time: str) -> bool | None:
    """Whether text[span] (a caption, a header) names the day of `time` (a claim's day, ISO): True when it names
    that day, False when it names only another, None when it names no day (a date with its day, a weekday)."""
    from dsfact.numbers.date_spans import parse_dates

    a, b = span
    dates = [str(x.value) for x in parse_dates(text.text[a:b]) if has_day(str(x.value))]
    weekdays = tuple(t for t in time_tags(text.folded, a, b) if t.startswith("weekday:"))
    if not dates and not weekdays:
        return None
    return any(date_fits(d, time) for d in dates) or bool(weekdays and time_fits(time, weekdays, text.year, text.day))

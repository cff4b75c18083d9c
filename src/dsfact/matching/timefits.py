"""Whether the time words attached to a figure (dsfact.matching.roles: FigureReader.times, time_tags) allow a
claim tied to a day or a year: one rule for the matcher, the doubts and the evidence, which reads each kind of
tag through dsfact.matching.when."""
from __future__ import annotations

import datetime

from dsfact.matching import when


def time_fits(claim_time: str, tags: tuple[str, ...], year: int | None = None, day: str | None = None) -> bool:
    """Whether time words attached to a figure allow a claim tied to `claim_time` ("2025", "2025-01-27").
    A year-relative word is read against `year` (the document's), else the claim's own year; "yesterday",
    "on Monday" against `day`, the document's date (dsfact.matching.when)."""
    if not tags:
        return True
    parts = claim_time.split("-")
    day_tied = len(parts) == 3
    claim_year = int(parts[0]) if parts[0].isdigit() else None
    base = year if year is not None else claim_year
    dates = [tag[5:] for tag in tags if tag.startswith("date:")]
    if dates and not any(when.date_fits(d, claim_time) and when.implied_year(d, day) in (None, claim_year)
                         for d in dates):
        return False  # another day, or the claim's day of another year than the document's date implies
    claim_day = None
    if day_tied:
        claim_day = datetime.date(*map(int, parts))
    for tag in tags:
        if tag.startswith("date:"):
            continue
        if tag.startswith("weekday:"):
            if day_tied and not when.weekday_fits(tag, claim_day, day, bool(dates)):
                return False
            continue
        if tag in when.DAY_KINDS:
            if day_tied and not when.relative_day_fits(tag, claim_day, day, bool(dates)):
                return False
            continue
        back = when.counted_back(tag, claim_time, day, bool(dates))  # "a year ago today", "last January"
        if back is not None:
            if not back:
                return False
            continue
        kind, part = when.year_kind(tag)
        if kind is not None and day_tied:
            if not when.year_word_fits_day(tag, claim_day, year, bool(dates)):
                return False
            continue
        if tag in ("span", "another", "part-year") or (day_tied and tag == "several-days"):
            return False
        offset = when.YEAR_KINDS.get(kind)
        if offset is not None and base is not None and claim_year is not None and base + offset != claim_year:
            return False
    return True


def month_unplaced(claim_time: str, tags: tuple[str, ...], year: int | None = None, day: str | None = None) -> bool:
    """Whether the only time words that keep a figure from a claim tied to a day are "last January" of the claim's
    own month, in a text whose full date is not known ("the start-up that cost Nvidia close to $600 billion of value
    in one session last January", in an undated piece a year on): which January it is goes untold, so the figure
    may agree with the claim, never contradict it (the matcher binds it loosely)."""
    if day and not day.startswith("--"):
        return False
    parts = claim_time.split("-")
    lasts = [tag for tag in tags if tag.startswith(when.LAST_MONTH)]
    if len(parts) < 2 or not parts[1].isdigit() or not lasts \
            or any(int(tag[len(when.LAST_MONTH):]) != int(parts[1]) for tag in lasts):
        return False
    return time_fits(claim_time, tuple(tag for tag in tags if tag not in lasts), year, day)

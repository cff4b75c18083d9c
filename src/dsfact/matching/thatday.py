"""A day a sentence counts from a day named before it: "that day" (当天, 同日), "the next day" (次日), "one
year on" (一周年). Which of a sentence's time tags say so (`refers_back`, `next_day`, `years_on`), the day
"that day" points to (`referred_day`), and whether a claim's day is the day, or the trading day, after the
one named (`follows`). The tags are dsfact.matching.roles's; the days are read through dsfact.matching.when."""
from __future__ import annotations

import datetime

from dsfact.matching.when import DAY_KINDS, LAST_WEEK, SHIFTED, day_before, east_of, has_day, resolve_day

REFERRED_PARAGRAPHS = 1  # "that day" may point to a date of the paragraph before, when its own names none


def refers_back(tags) -> bool:
    """Whether a sentence's time tags point back to a day named before it ("that day", 当天, 同日)."""
    return "that-day" in tags


def next_day(tags) -> bool:
    """Whether a sentence's time tags place it on the day after one named before it ("the next day", 次日)."""
    return "next-day" in tags


def years_on(tags) -> bool:
    """Whether a sentence's time tags place it a year or more after the story's day ("one year on", 一周年)."""
    return "years-on" in tags


def follows(tags, claim_time: str, year_of) -> bool | None:
    """Whether a claim's day is the day after the day `tags` name (a date, a weekday; see referred_day), or
    the trading day after it (Friday's next session is Monday's). A date without its year takes
    year_of(date) (None: no year implied, no claim's day). None when the tags name no date nor weekday."""
    claim_day = datetime.date(*map(int, claim_time.split("-")))
    before = claim_day - datetime.timedelta(days=1)
    session = before
    while session.weekday() >= 5:  # the trading day before it
        session -= datetime.timedelta(days=1)
    days = {before, session}
    judged = None
    for tag in tags:
        if tag.startswith("weekday:"):
            judged = int(tag[8:].rstrip(SHIFTED + LAST_WEEK)) in {d.weekday() for d in days} or bool(judged)
        elif tag.startswith("date:"):
            date = tag[5:]
            told = [date.rstrip(SHIFTED)] + ([day_before(date.rstrip(SHIFTED))] if date.endswith(SHIFTED) else [])
            judged = bool(judged) or any(_on(d, year_of, days) for d in told if d and has_day(d))
    return judged


def _on(date: str, year_of, days: set) -> bool:
    """Whether an ISO date (perhaps without its year: year_of gives it) is one of `days`."""
    year = int(date[:4]) if not date.startswith("--") else year_of(date)
    return year is not None and resolve_day(date, year) in days


def referred_day(text, si: int, reach: int | None = REFERRED_PARAGRAPHS) -> tuple[tuple[str, ...], int] | None:
    """The time tags of the day "that day" in sentence si points to (`text`: a TextMatcher), with where they
    stand: those of the nearest sentence before it that names a day (a date that gives its day, a weekday,
    "yesterday"), in its paragraph or, when none does there, in the `reach` paragraphs before (None: any
    before it); None when no sentence does."""
    from dsfact.matching.timewords import time_tags

    sentences, folded = text.sentences, text.folded
    own = sentences[si].paragraph
    for k in range(si - 1, -1, -1):
        before = sentences[k]
        if reach is not None and before.paragraph < own - reach:
            return None
        tags = [t for t in time_tags(folded, before.start, before.end)
                if t.startswith("weekday:") or t in DAY_KINDS]
        tags += [f"date:{x.value}" + (SHIFTED if east_of(folded, before.start + x.start, before.start + x.end) else "")
                 for x in day_dates(text, before)]
        if tags:
            return tuple(tags), before.start
    return None


def day_dates(text, sentence) -> list:
    """The dates of a sentence that give their day ("3月3日", "March 3, 2025"), not a record's reference point
    ("since March 3"); offsets from the sentence's start."""
    from dsfact.matching.timewords import references
    from dsfact.numbers.date_spans import parse_dates

    skip = references(text.folded, sentence.start, sentence.end)
    return [x for x in parse_dates(text.text[sentence.start:sentence.end])
            if has_day(str(x.value)) and not any(a <= sentence.start + x.start < b for a, b in skip)]

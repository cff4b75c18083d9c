"""A day counted on from one named before: "On January 20, 2025, DeepSeek released R1. ... One week later, Nvidia
stock dropped approximately 17%", "1月20日，DeepSeek发布R1。……一周后，英伟达暴跌17%". A number of days or weeks at
the head of a sentence, before any other figure of it, followed by a word of counting on (time.words
[counted-later]: later, 之后, 后) places the sentence's figures that many days after the nearest day named
before it (dsfact.matching.thatday.referred_day): on a claim's day when the count lands there, on another day
when it does not. A count from a weekday alone lands on no week, and places a figure only away from the claim's
weekday. Read by dsfact.matching.doubt (the day of a figure bound to a claim tied to a day)."""
from __future__ import annotations

import datetime

from dsfact.matching.thatday import REFERRED_PARAGRAPHS, referred_day
from dsfact.matching.when import SHIFTED, resolve_day

DAYS = {"day": 1, "week": 7}  # the units of a count of days, in days
HEAD = 2  # characters that may stand before the count at the sentence's head (a quote mark, a space)


def counted_day(text, si: int, q, time: str) -> str | None:
    """"" when sentence si of `text` (a TextMatcher) counts its figures on from a day named before it to
    `time` (a claim's day, "2025-01-27"); "another day" when the count lands elsewhere; None when the sentence
    does not open with such a count, or no day is named before it that the count can start from."""
    sentence = text.sentences[si]
    count = _opening_count(text, sentence, q)
    if count is None:
        return None
    referred = referred_day(text, si, REFERRED_PARAGRAPHS)
    if referred is None:
        return None
    tags, at = referred
    claim = datetime.date(*map(int, time.split("-")))
    days = [t[5:] for t in tags if t.startswith("date:")]
    if days:
        if any(d.endswith(SHIFTED) for d in days):
            return None  # a day told in East Asian time: its US session is the day before, or that day
        from dsfact.matching.undated import undated_year

        landed = set()
        for d in days:
            year = int(d[:4]) if not d.startswith("-") else undated_year(text, d, at, claim.year)
            start = None if year is None else resolve_day(d, year)
            if start is None:
                return None
            landed.add(start + datetime.timedelta(days=count))
        return "" if landed == {claim} else "another day"
    weekdays = {int(t[8:9]) for t in tags if t.startswith("weekday:") and t[8:9].isdigit()}
    if weekdays and all((w + count) % 7 != claim.weekday() for w in weekdays):
        return "another day"
    return None


def _opening_count(text, sentence, q) -> int | None:
    """The days a sentence opens with a count of, before figure q and any other figure ("One week later,",
    "Two days later", "一周后，"); None when it opens otherwise."""
    from dsfact.lang import words_of

    figures = text.figures_in(sentence.start, sentence.end)
    if not figures or figures[0] is q or figures[0].unit not in DAYS or figures[0].start >= q.start:
        return None
    first = figures[0]
    folded = text.folded
    if len(folded[sentence.start:first.start].strip(" \t\n\"'“‘「『*")) or first.start - sentence.start > HEAD + 8:
        return None
    rest = folded[first.end:first.end + 16].lstrip(" ")
    if not any(rest.startswith(w) and (not w[-1].isalpha() or not rest[len(w):len(w) + 1].isalpha())
               for w in words_of("time", "counted-later", longest_first=True)):
        return None
    if first.value != int(first.value) or first.value <= 0:
        return None
    return int(first.value) * DAYS[first.unit]

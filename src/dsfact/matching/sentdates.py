"""The dates and years a sentence names, read once per sentence (sentence_dates), and whether those that are
not another figure's or another event's fit a claim's time (time_fits_beside, event_dated)."""
from __future__ import annotations

import bisect

from dsfact.matching.timewords import event_dated, inside, references
from dsfact.matching.when import SHIFTED, date_fits, east_of, resolve_day
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

TYPE_CHECKING = False  # True to a type checker; importing typing for it costs 16 million instructions
if TYPE_CHECKING:
    from dsfact.matching.sentences import Sentence
    from dsfact.matching.text import TextCues

_YEAR = lazy(r"(?<![\d.,])(?<![0-9][x×])(?:19|20)\d\d(?![\d.,]\d)")  # (not a factor: "H800x2048")


def time_fits_beside(text: TextCues, time: str, sentence: Sentence, q: Quantity) -> bool:
    """Whether figure q's sentence names no other year or day than the claim's once the dates told of
    another figure are left out: a date with a figure of q's unit between it and q ("Nvidia lost $589 billion
    Monday, more than twice the $279 billion it lost on Sept. 3, 2024"), or in another figure's clause, of any
    unit, and not in q's ("周一市值蒸发5890亿美元，是其2024年9月3日蒸发2790亿美元的两倍多", "closed Tuesday 8.9%
    higher, still below its January 7 record high of $153.13"), is that figure's. The figure then binds only
    loosely: it may agree with the claim, never contradict it."""
    dates = sentence_dates(text, sentence)
    if not dates or text._quantities is None:
        return False
    lo = bisect.bisect_left(text._quantity_starts, sentence.start)
    hi = bisect.bisect_left(text._quantity_starts, sentence.end)
    beside = [x for x in text._quantities[lo:hi] if x.unit != "date" and x.start != q.start]
    others = [x for x in beside if x.unit == q.unit]
    marks = text._marks

    def clause(at: int) -> int:
        return bisect.bisect_right(marks, at)

    def of_other(start: int, end: int) -> bool:
        for x in others:
            if q.end <= x.start and x.end <= start or end <= x.start and x.end <= q.start:
                return True  # another figure of q's unit stands between them
        # "是其2024年9月3日蒸发2790亿美元的两倍多", "closed 8.9% higher, still below the January 7 record high of
        # $153.13": the date is in another figure's clause, of any unit, and not in q's
        return any(clause(x.start) == clause(start) != clause(q.start) for x in beside)

    own = [d for d, start, end in dates if not of_other(start, end) and not event_dated(text.folded, start, end)]
    return len(own) < len(dates) and all(date_fits(d, time) for d in own)


def sentence_dates(text: TextCues, sentence: Sentence) -> list[tuple[str, int, int]]:
    """The dates and years a sentence names, each with where it stands (reference points of a record
    left out), read once per sentence."""
    dates = text._dates.get(sentence.start)
    if dates is None:
        words = text.text[sentence.start:sentence.end]
        if text._quantities is not None:  # the text's own figures: the text is not read twice
            lo = bisect.bisect_left(text._quantity_starts, sentence.start)
            hi = bisect.bisect_left(text._quantity_starts, sentence.end)
            found = [x for x in text._quantities[lo:hi] if x.end <= sentence.end]
            taken = [(x.start - sentence.start, x.end - sentence.start) for x in found]
        else:
            found = text.read_alone(sentence)
            taken = [(x.start, x.end) for x in found]
        base = sentence.start if text._quantities is None else 0
        skip = references(text.folded, sentence.start, sentence.end)  # "its worst day since March 2020"
        dates = [(str(q.value) + (SHIFTED if east_of(text.folded, q.start + base, q.end + base) else ""),
                  q.start + base, q.end + base)
                 for q in found if q.unit == "date" and not inside(q.start + base, skip)]
        for m in _YEAR.finditer(words):  # "for 2023", "CES 2025": a year the engine does not call a date
            if not inside(m.start(), taken) \
                    and not inside(m.start() + sentence.start, skip):
                dates.append((m.group(), m.start() + sentence.start, m.end() + sentence.start))
        text._dates[sentence.start] = dates
    return dates


def weekday_counted(text: TextCues, time: str, sentence: Sentence, tags: tuple) -> bool:
    """Whether figure q's own weekday (its `tags`), counted back from a full date its sentence names, is the claim's
    day: "Tokyo stocks fell on Tuesday, January 28, 2025, after Nvidia's shares dropped 17% on Monday" (an Asian
    page's day, and the US session of the day before, told in the figure's own clause). The sentence's date then
    places the figure no more than its weekday does. A weekday the date itself is ("On Monday, February 3, Nvidia
    fell 4% on Monday") names that date's day, not the claim's; a day counted from the day of writing (昨日, overnight)
    is the matcher's own (dsfact.matching.matcher._own_day)."""
    from dsfact.matching.when import weekday_fits

    weekdays = [t for t in tags if t.startswith("weekday:")]
    if not weekdays or len(time) != 10 or any(t.startswith("date:") for t in tags):
        return False
    claim_day = resolve_day(time, int(time[:4]))
    days = [d.rstrip(SHIFTED) for d, _start, _end in sentence_dates(text, sentence) if len(d.rstrip(SHIFTED)) == 10]
    return claim_day is not None and bool(days) and all(
        any(weekday_fits(t, claim_day, d, False) for t in weekdays) for d in days)

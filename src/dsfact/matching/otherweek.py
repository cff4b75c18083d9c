"""A weekday names a claim's day only in a text written in the claim's week (issue 9). "Nvidia fell 5% on
Monday" in a report of a March tariff rout matches the weekday of a claim tied to Monday 27 January, and
nothing in its sentence says "not that day"; a reader knows it from the rest of the text. A text of no date
of its own that never names the registry's story (dsfact.matching.undated.tells_story) is placed in another
week when it tells another cause of a market's move (time.words [another-week] `causes`: tariffs, a jobs
report, a rate decision, an earnings report) or names, not as a deadline, a full date more than a week after
the claim's day (dsfact.matching.yearcontrast.day_named_last), or names days of the month none of which falls
within a week of the claim's day ("since Thursday, June 20", "on September 3rd": a report of another sell-off). Its figures that only a weekday or nothing
places on the claim's day may agree with the day's claims but never contradict them
(dsfact.matching.doubt.doubts_time). So is one that names the story only as the reference point of a record
("its worst day since the DeepSeek rout", 创下自DeepSeek冲击以来最大跌幅): it measures a later day against the
story's. A text that tells the story ("Nvidia lost $589 billion on Monday after
DeepSeek ...") keeps its weekdays, and so does one with neither mark: a bare statement of the claim is
judged."""
from __future__ import annotations

import datetime
from functools import lru_cache

from dsfact.fold import has_han
from dsfact.matching.pertext import remembered
from dsfact.matching.when import WEEK, resolve_day


def another_week(text, time: str) -> bool:
    """Whether a text places its weekdays in another week than that of a claim tied to the day `time`
    ("2025-01-27"): it has no date of its own, never names the story, and tells another cause of a market's
    move or names a full date more than a week after `time`. Read once per text and claim day."""
    return remembered(text, "_another_week", time, _another_week)


def _another_week(text, time: str) -> bool:
    if text.day:
        return False  # a date of its own places its weekdays (dsfact.matching.when.weekday_fits)
    told = _story_told(text)
    if told:
        return told == _AS_REFERENCE  # "its worst day since the DeepSeek rout": a later day's record
    return tells_other_cause(text.folded) or _named_after(text, time) or _dated_elsewhere(text, time)


_AS_REFERENCE = "reference"


def _story_told(text) -> str:
    """How a text names the registry's story (dsfact.matching.undated.tells_story): "" not at all, "told" as
    its own subject, _AS_REFERENCE only as the reference point of records ("its worst day since the DeepSeek
    rout", "创下自DeepSeek冲击以来最大跌幅"), which measure a later day against the story's."""
    from dsfact.matching.timewords import references
    from dsfact.matching.undated import story_names, tells_story

    if not tells_story(text):
        return ""
    names = story_names(text)
    if not names:
        return "told"  # a registry that names no story
    folded = text.folded
    for at in names:
        sentence = text.sentences[text.sentence_of(at)]
        if not any(a <= at < b and not any(c.isdigit() for c in folded[a:at])
                   for a, b in references(folded, sentence.start, sentence.end)):
            return "told"  # (a date's reference, "since 2020 as DeepSeek ...", names no event)
    return _AS_REFERENCE


def tells_other_cause(folded: str) -> bool:
    """Whether folded text names another cause of a market's move than the registry's story: a tariff, a
    jobs report, a rate decision (time.words [another-week] `causes`)."""
    return _causes().get(has_han(folded)).search(folded) is not None


def _named_after(text, time: str) -> bool:
    """Whether the latest full date a text names, not as a deadline, falls more than a week after `time`."""
    from dsfact.matching.yearcontrast import day_named_last

    last = day_named_last(text)
    if not last:
        return False
    try:
        return (datetime.date.fromisoformat(last) - datetime.date.fromisoformat(time)).days >= WEEK
    except ValueError:
        return False


def written_weeks_away(text, time: str) -> bool:
    """Whether a text dated in full more than a week from `time` never names the registry's story nor the claim's
    day by its date: a report of a March sell-off, dated March 4, whose "the S&P 500 retreated 1.8%" is of its
    own days when nothing of its own places it (dsfact.matching.doubt._day_doubt). A retrospective that tells the
    story keeps such figures in doubt, as before."""
    from dsfact.matching.undated import names_date

    if not text.day or len(text.day) != 10 or _story_told(text):
        return False
    try:
        far = abs((datetime.date.fromisoformat(text.day) - datetime.date.fromisoformat(time[:10])).days) > WEEK
    except ValueError:
        return False
    return far and not names_date(text, time)


def _dated_elsewhere(text, time: str) -> bool:
    """Whether a text names days of the month ("since Thursday, June 20", "on September 3rd", "March 3, 2025") and
    every one of them falls more than a week from `time`, a date without a year read in the claim's year: a report
    of another sell-off, whose "on Monday" is a Monday of its own weeks. Not the dates of history (a year before the
    claim's: an earlier record "set on Sept. 3, 2024"), a record's reference point ("since Dec. 18") nor a deadline."""
    from dsfact.matching.timewords import references
    from dsfact.matching.undated import text_dates
    from dsfact.matching.yearcontrast import deadline

    claim = datetime.date.fromisoformat(time[:10])
    found = False
    for x in text_dates(text):
        if deadline(text.text, x):
            continue  # "Investors must file by March 31, 2025": no day the text tells of
        day = resolve_day(str(x.value), claim.year)  # (a date without its year, in the claim's)
        if day is None or day.year < claim.year:
            continue  # a month or a year names no day; history: "the $279 billion Nvidia lost on Sept. 3, 2024"
        sentence = text.sentences[text.sentence_of(x.start)]
        if any(a <= x.start < b for a, b in references(text.folded, sentence.start, sentence.end)):
            continue  # a record's reference point: "its biggest drop since Dec. 18"
        if abs((day - claim).days) <= WEEK:
            return False
        found = True
    return found


@lru_cache(maxsize=1)
def _causes():
    """time.words [another-week] causes as one Alternation, made on first use."""
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import Alternation

    return Alternation(words_of("time", "another-week", "causes"))

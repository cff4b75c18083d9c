"""A retrospective's figure told under the month of the story it recalls.

A text written months after a claim's day looks back at it: "去年 1 月，DeepSeek 發布的模型曾震撼 AI 界。當時市場擔心……
¶輝達股價暴跌 17%，市值蒸發近 6,000 億美元", "In January 2025, DeepSeek released R1 ... Nvidia lost $589 billion
in a single session". The figure names no time of its own, and the text's own date is another day, so it could
be a move of the day the text was written; but the reader takes the time the passage last named before it, the
story's month, as the figure's. A figure that nothing of its own places is placed on the claim's day when:

- the text is dated well after the claim's day (a retrospective, not a report of the days around it);
- the text names the registry's story (dsfact.matching.undated.story_names), and the figure's sentence names
  no other span, cause or direction than the story's (dsfact.matching.storyday's `elsewhere`) nor tells the
  move after it (time.words [recalled-after]: "Nvidia later fell 8%", 此后);
- walking back from the figure through its sentence and the sentences before it (LOOKBACK sentences at most,
  across one paragraph break at most), the first that tells a time gives dates, every one of which fits the
  claim's day (its month, "去年 1 月" read against the text's date as January 2025, or the day itself), or
  time words of a month or of the first months of a year that fit it ("last January", "The year began with a
  jolt when ...", 今年年初, in a text of that year); a sentence whose time words name a whole year or a day of the
  week ("this year", "on Tuesday") stops the walk, as does one that names another month or day.

It then may contradict as well as agree; otherwise the text's other figures decide, as before (doubt.UNANCHORED).
"""
from __future__ import annotations

import datetime

from dsfact.fold import has_han
from dsfact.matching.timefits import time_fits
from dsfact.matching.timewords import inside, references, time_tags, time_words
from dsfact.matching.when import SHIFTED, date_fits, has_day

LOOKBACK = 4  # sentences read back from the figure's for the time the passage last named
LATER_DAYS = 30  # a text dated this long after the claim's day, at least, looks back at it


def recalled_in_month(text, q, si: int, claim) -> bool:
    """Whether figure q, in sentence si of `text` (a TextMatcher), which nothing of its own places on any day,
    is told under the claim's month by the passage before it, in a retrospective (see the module's docstring)."""
    time = claim.time
    if not _written_later(text.day, time):
        return False
    from dsfact.matching.storyday import _elsewhere
    from dsfact.matching.undated import story_names

    names = story_names(text)
    if not names or _elsewhere(text, q, claim, names) or _told_after(text, q, si):
        return False  # another span, cause or direction; "Nvidia later fell 8%", 此后: a move after the story
    sentences, folded = text.sentences, text.folded
    here = sentences[si].paragraph
    for back in range(si, max(si - 1 - LOOKBACK, -1), -1):
        sentence = sentences[back]
        if here - sentence.paragraph > 1:
            return False
        end = q.start if back == si else sentence.end
        dates = _dates(text, sentence.start, end)
        if dates:
            return all(_in_month(d, time) for d in dates)
        tags = time_tags(folded, sentence.start, end)
        if tags:  # "The year began with a jolt", 今年年初, "last January": a month or the start of a year, read
            # against the text's date; "this year", a weekday: a time the walk cannot place on the claim's day
            return all(_part_of_year(t) for t in tags) and time_fits(time, tuple(tags), text.year, text.day)
    return False


def _told_after(text, q, si: int) -> bool:
    """Whether a word of time.words [recalled-after] stands in figure q's sentence before it, or in its clause."""
    global _AFTER
    if _AFTER is None:
        from dsfact.lang import words_of
        from dsfact.matching.wordtables import Alternation

        _AFTER = Alternation(words_of("time", "recalled-after"))
    folded, sentence = text.folded, text.sentences[si]
    end = max(q.start, text.reader().clause_span(q.start)[1])
    return _AFTER.get(has_han(folded[sentence.start:end])).search(folded, sentence.start, end) is not None


_AFTER = None


def _dates(text, start: int, end: int) -> list[str]:
    """The dates text[start:end] gives, read against the text's own date ("去年 1 月" in a text of January 2026
    is January 2025): a sentence that binds no figure holds no figures of the matcher's, so it is read here."""
    if not time_tags(text.folded, start, end) and not any(c.isdigit() for c in text.text[start:end]):
        return []
    from dsfact.numbers import parse_quantities

    return [str(x.value) for x in parse_quantities(text.text[start:end], ref_date=text.day) if x.unit == "date"]


def _written_later(day: str | None, time: str) -> bool:
    if not day or len(day) != 10 or len(time) < 10:
        return False
    try:
        written, claimed = datetime.date.fromisoformat(day), datetime.date.fromisoformat(time[:10])
    except ValueError:
        return False
    return (written - claimed).days >= LATER_DAYS


def _part_of_year(tag: str) -> bool:
    """Whether a time word's kind names a month or the first or last months of a year (time.words [relative]),
    not a whole year nor a day of the week."""
    return tag.endswith(("-early", "-late")) or tag.startswith(("last-month-", "in-month-"))


def _in_month(date: str, time: str) -> bool:
    """Whether a date the passage names is the claim's day, or its month with no day: a year alone is no month."""
    date = date.rstrip(SHIFTED)
    if has_day(date):
        return date_fits(date, time)
    return len(date) == 7 and not date.startswith("-") and date == time[:7]


def dated_tags(text, start: int, end: int) -> tuple[str, ...]:
    """time_tags of text[start:end], with a time word that stands inside a date's figure given as that date
    ("今年1月" in a text of December 2025 is date:2025-01, not "this year"; "去年1月" in one of 2026 is
    date:2025-01): the date names the month the word only counts its year from, and a year alone is no day."""
    folded = text.folded
    dates = [x for x in text.figures_in(start, end) if x.unit == "date"]
    skip = references(folded, start, end)
    out = []
    for m, kind in time_words(folded, start, end):
        if inside(m.start(), skip):
            continue
        x = next((x for x in dates if x.start <= m.start() < x.end), None)
        out.append(kind if x is None else "date:" + str(x.value))
    return tuple(out)

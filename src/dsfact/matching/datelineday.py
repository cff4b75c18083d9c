"""A Chinese dateline that gives its day alone ("（中央社紐約3日綜合外電報導）", "(华盛顿22日讯)": the story was
written on the 3rd, or the 22nd, of a month it leaves unsaid) places a text's weekdays as a date of its own would:
"美股周一重挫" in a story of the 3rd tells the Monday of the week up to the 3rd. A claim tied to Monday 27 January
can be that Monday only in a story written from the 27th to the 2nd; in one written on any other day of a month,
a weekday, or nothing, names another day (dsfact.matching.doubt._day_doubt), unless the text names the claim's
day by its date ("1月27日") or its day of the month ("27日").

A dateline that gives its month and day but no year ("新华社纽约1月29日电", "NEW YORK, Jan 29 (Reuters) -") dates the story
as a full date does: a figure its own words do not place is that day's, unless the text names the claim's day
(by its weekday, "美股周一大跌", or its date), as the story of the morning after does."""
from __future__ import annotations

WEEK_SPAN = 6  # days after a claim's day on which a story's weekday may still name it


def written_in_another_week(text, time: str) -> bool:
    """Whether `text` (a TextMatcher) of no full date of its own has a dateline of the day alone that no week
    holding the claim's day `time` ("2025-01-27") reaches, and names that day neither by date nor by "27日"."""
    if text.day:
        return False
    found = getattr(text, "_dateline_day", False)
    if found is False:
        from dsfact.document.dated import dateline_day

        found = text._dateline_day = dateline_day(text.text)
    if found is None:
        return False
    import calendar  # here, not at import: it imports the locale module, which a run seldom needs

    year, month, day = (int(p) for p in time.split("-"))
    if (found - day) % calendar.monthrange(year, month)[1] <= WEEK_SPAN:
        return False
    from dsfact.matching.roles import lexicon
    from dsfact.matching.undated import names_date

    return not names_date(text, time) and not any(
        int(m.group(1)) == day for m in lexicon().day_of_month.get(True).finditer(text.folded))


def dated_another_day(text, time: str) -> bool:
    """Whether `text` (a TextMatcher) has a dateline of a month and day ("--01-29") other than the claim's day
    `time` ("2025-01-27"), and names that day neither by its weekday nor by its date."""
    day = text.day
    if not day or len(day) != 7 or not day.startswith("--") or day[2:] == time[5:10]:
        return False
    from dsfact.matching.undated import names_date
    from dsfact.matching.when import names_day

    return not names_day(text.folded, time) and not names_date(text, time)


def before_the_day_named(text, time: str, upto: int) -> bool:
    """Whether `text` (a TextMatcher), datelined on another day than the claim's (`time`, "2025-01-27") by a month
    and day ("--01-28"), names the claim's day by its weekday, but only after offset `upto` (the end of a figure's
    sentence): a story datelined the morning after that tells that morning's figures first ("BOSTON, Jan 28 (Reuters)
    - ... with the S&P 500 up about 0.75%") and the day before's in their own words later ("Nasdaq shares tumbled on
    Monday"). A figure told before that names no day is the dateline's day's, not the claim's."""
    day = text.day
    if not day or len(day) != 7 or not day.startswith("--") or day[2:] == time[5:10]:
        return False
    from dsfact.matching.when import names_day

    return names_day(text.folded, time) and not names_day(text.folded[:upto], time)


def past_dateline(text, sentence) -> int:
    """Where `sentence`'s own words start (an offset in `text`, a TextMatcher): past the dateline that opens it
    when it opens the text's prose ("Tuesday, January 28, 2025 - US tech giant Nvidia saw its stock plummet 17% on
    Monday", "BOSTON, Jan. 28 (Reuters) - ..."). The dateline dates the writing: it places none of the figures
    the sentence tells, nor those of the sentences after it."""
    if text.text[:sentence.start].strip():
        return sentence.start
    from dsfact.document.dated import lead_end

    return sentence.start + lead_end(text.text[sentence.start:sentence.end])


"""The week a text tells of, fixed by a weekday it glosses with its day of the month: "台積電ADR周二（25日）一度重挫"
is of a Tuesday the 25th, so the "周一" of a later paragraph ("台灣加權股價指數周一大漲") is Monday the 24th, not a
claim's Monday the 27th. A weekday names a claim's day only when no such gloss of the text places its week
elsewhere: every gloss gives a day whose week holds another date for the claim's weekday, or a day that is not
that weekday in the claim's month (a Tuesday the 25th is no day of January 2025). A gloss is a day of the month
right after the weekday, in brackets or after a comma ("周二（25日）", "周一(3月4日)", "Tuesday, Nov. 25").
Read by dsfact.matching.when.names_day."""
from __future__ import annotations

import datetime

GAP = 3  # brackets, commas and spaces between a weekday and its gloss
_GLUE = " (（,，"


def week_elsewhere(folded: str, weekdays: list[tuple[int, int]], claim_day: datetime.date) -> bool:
    """Whether the glosses of a text's weekdays (`weekdays`: (end offset, weekday number) of each weekday
    word in `folded`) place its week away from `claim_day`: at least one weekday is glossed, and no gloss
    gives the claim's week."""
    glossed = False
    for end, weekday in weekdays:
        gloss = _gloss(folded, end)
        if gloss is None:
            continue
        glossed = True
        month, day = gloss
        try:
            told = datetime.date(claim_day.year, month or claim_day.month, day)
        except ValueError:
            continue  # (a day the claim's month does not have: another month)
        if told.weekday() != weekday:
            continue  # not that weekday in the claim's month: another month
        if told + datetime.timedelta(days=claim_day.weekday() - weekday) == claim_day:
            return False  # the claim's week ("周二（28日）" beside a Monday the 27th)
    return glossed


def _gloss(folded: str, end: int) -> tuple[int | None, int] | None:
    """(month or None, day) of the day of the month right after the weekday that ends at `end`."""
    gap = 0
    while end + gap < len(folded) and gap < GAP and folded[end + gap] in _GLUE:
        gap += 1
    if not gap:
        return None
    from dsfact.matching.roles import lexicon
    from dsfact.numbers import parse_quantities

    at = end + gap
    seg = folded[at:at + 24]
    found = parse_quantities(seg.title() if seg[:1].isascii() and seg[:1].isalpha() else seg)  # ("nov. 25": folded)
    x = found[0] if found else None
    if x is not None and x.start == 0 and x.unit == "date":
        parts = str(x.value).lstrip("-").split("-")
        if len(str(x.value)) >= 7 and len(parts) >= 2 and all(p.isdigit() for p in parts[-2:]):
            return int(parts[-2]), int(parts[-1])
    m = lexicon().day_of_month.get(True).match(folded, at)
    return (None, int(m.group(1))) if m is not None else None

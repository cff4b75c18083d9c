"""A year's figure placed by "this year" (今年) or "next year" in a text of no date of its own (issue 9): which
year its words mean. Nothing in such a text fixes "this year" but the text itself: the claim's year named
as its own, the story told as days old (dsfact.matching.recentstory), or last year's figure set as the base
it is measured against (dsfact.matching.yearcontrast.after_base_year); a text that names only later years
means another. Split from dsfact.matching.doubt, whose doubts_time asks these of a year's claim."""
from __future__ import annotations

from dsfact.matching.recentstory import year_told_recently
from dsfact.matching.timewords import time_tags
from dsfact.matching.when import WRITTEN_YEAR, written_years, year_kind
from dsfact.matching.yearcontrast import after_base_year
from dsfact.model import Quantity

ANOTHER_DAY = "another day"  # doubts_time: the figure's words place it on another day
UNANCHORED = "unanchored"  # doubts_time: nothing places the figure on any day; the text's other figures decide


def other_year(text, q: Quantity, year: str) -> str:
    """Whether a figure is placed in "this year" (今年) or "next year" by words that the text's own date
    does not anchor (UNANCHORED): with no document date, "this year" in an article written a year later is
    another year, unless the text names the claim's year or its other figures place it there (`corroborated`);
    ANOTHER_DAY in a text that names later years and never the claim's (later_years_named)."""
    if text.year is not None:
        return ""
    own = text.reader().times(q)
    sentence = text.sentences[text.sentence_of(q.start)]
    tags = set(own) | set(time_tags(text.folded, sentence.start, sentence.end))
    if not {year_kind(t)[0] for t in tags} & {"current-year", "next-year", "whole-year"}:
        return ""
    if any(t.startswith("date:") and t[5:9] == year for t in own):
        return ""
    if _names_year(text, q, year, sentence) or after_base_year(text, q, year):  # "..., up from $39 billion in 2024"
        return ""
    recent = year_told_recently(text, tags, year)  # "days after DeepSeek unveiled ...": the story's year
    return recent if recent is not None else ANOTHER_DAY if later_years_named(text, year) else UNANCHORED


def later_years_named(text, year: str) -> bool:
    """Whether a text names a year after `year` and never `year` itself: its "this year" is not `year`, and no
    figure of the claim's year elsewhere in it places it there (an undated 2026 report that quotes this year's
    plan beside a data centre opening in 2027)."""
    later = False
    for written in written_years(text):
        if written == year:
            return False
        later = later or int(written) > int(year)
    return later


def later_years_only(text, q: Quantity, year: str) -> bool:
    """Whether a figure that its sentence places in no year stands in a text that names later years than a
    year's claim and never the claim's own: "Meta's $135 billion capex" under a headline of Meta's 2026
    plans is not its 2025 plan."""
    sentence = text.sentences[text.sentence_of(q.start)]
    if text.reader().times(q) or time_tags(text.folded, sentence.start, sentence.end):
        return False
    return later_years_named(text, year)


def _names_year(text, q: Quantity, year: str, sentence) -> bool:
    """Whether a text of no known date names the claim's year as its own: outside the figure's sentence
    ("up from $72 billion in 2025" beside this year's plan names another year than this one), and with no
    later year named anywhere (an article that speaks of 2026 is not written in 2025)."""
    found = False
    others = None  # whether the figure's sentence holds other figures of its unit, one of which the year may place
    for m in WRITTEN_YEAR.finditer(text.text):
        if int(m.group(1)) > int(year):
            return False
        if m.group(1) != year or found:
            continue
        if sentence.start <= m.start() < sentence.end:
            if others is None:
                others = sum(1 for x in text.figures_in(sentence.start, sentence.end) if x.unit == q.unit) > 1
            if others:
                continue
        found = True
    return found

"""A year's figure that its sentence places in no year, right after a sentence of its paragraph that places a
figure of its kind in a later year than the claim's: "Amazon has announced $200 billion of capex for 2026.
Alphabet follows with $180 billion, while Meta plans to spend around $125 billion." and "亚马逊2026年资本支出指引为
2000亿美元。Meta计划支出约1250亿美元。" list the same later year's plans; Meta's figure is 2026's, not the claim's
2025 plan, whatever years the rest of the text names. A sentence before that names the claim's year or an earlier
one ("Meta spent $39 billion in 2024. It plans $65 billion.") places nothing: a text that moves forward from a
past year to the plan is read as before (dsfact.matching.thisyear)."""
from __future__ import annotations

from dsfact.model import Quantity


def led_by_later_year(text, q: Quantity, year: str) -> bool:
    """Whether figure q, of a claim tied to `year`, stands in a sentence that names no year nor time word of
    its own, right after a sentence of its paragraph that names only years after `year` and holds a figure of
    q's unit. `text`: the TextMatcher that bound q."""
    from dsfact.matching.timewords import time_tags
    from dsfact.matching.when import written_years

    si = text.sentence_of(q.start)
    if si == 0 or not year.isdigit():
        return False
    sentence, lead = text.sentences[si], text.sentences[si - 1]
    if lead.paragraph != sentence.paragraph:
        return False
    if text.reader().times(q) or time_tags(text.folded, sentence.start, sentence.end) \
            or written_years(text, sentence.start, sentence.end):
        return False
    years = written_years(text, lead.start, lead.end)
    if not years or any(int(y) <= int(year) for y in years):
        return False
    return any(x.unit == q.unit and x.unit != "date" for x in text.figures_in(lead.start, lead.end))

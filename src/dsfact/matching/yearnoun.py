"""A year that qualifies a figure's noun (issue 9): "Meta said its 2026 capital spending would reach $115
billion, after $65 billion in 2025", "Meta's 2026 capex of $115 billion", "$115 billion for 2026". The numbers
engine reads "in 2025" and 2026年 as dates, which place a figure; a bare year before the noun of a figure's
clause, or one "for" which the figure is told right after it, is read here. A figure that such a year places in
another year than a year's claim (Meta's 2025 capital expenditure) may agree with the claim but never
contradicts it. Imported only when a figure disagrees with its claim."""
from __future__ import annotations

from dsfact.model import Claim, Quantity
from dsfact.numbers.patterns import lazy

# a year standing alone: not part of a longer number, a figure ("$2026"), a date in Chinese (2026年, which the
# numbers engine reads) or a span of years ("2025-26" is read by its first)
# (?<![\d.,$£¥])(?<!€)((?:19|20)\d\d)..., each branch led by its first digit, the look-behind read after it: re
# skips to a 1 or a 2 in C, where a pattern led by a look-behind is tried at every character
_YEAR = lazy(r"((?:1(?<![\d.,$£¥€]1)9|2(?<![\d.,$£¥€]2)0)\d\d)(?![\d年%]|\.\d|,\d)")
# right after a figure, the year it is told for: "$115 billion for 2026", "$115 billion in fiscal 2026"
_FOR_YEAR = lazy(r"\s*(?:for|in)\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?|fy\s*)?((?:19|20)\d\d)(?![\d年])")


def year_of_figure(text, q: Quantity) -> str | None:
    """The year that qualifies figure q by the words of its clause (text: a TextMatcher): one told right after
    it ("for 2026"), else the nearest bare year before it in its clause ("its 2026 capital spending would
    reach"), not a year of reference ("since 2020"); None when none does."""
    from dsfact.matching.timewords import references

    folded = text.folded
    m = _FOR_YEAR.match(folded, q.end)
    if m is not None:
        return m.group(1)
    start, _ = text.reader().clause_span(q.start)
    sentence = text.sentences[text.sentence_of(q.start)]
    skip = references(folded, sentence.start, sentence.end)
    found = None
    for y in _YEAR.finditer(folded, start, q.start):
        if not any(a <= y.start() < b for a, b in skip) and not _inside_figure(text, y.start(), q):
            found = y.group(1)
    return found


def _inside_figure(text, at: int, q: Quantity) -> bool:
    """Whether offset `at` falls inside a figure other than a date (a count of 2,026 GPUs is no year)."""
    for x in text.figures_in(at, q.start):
        if x.start <= at < x.end and x.unit != "date":
            return True
    return False


def of_another_year(text, q: Quantity, claim: Claim) -> bool:
    """Whether a year's claim (`time`: "2025") is not stated by figure q because the words of its clause tell
    it of another year: "its 2026 capital spending would reach $115 billion" beside Meta's 2025 plan."""
    time = claim.time
    if not time or not time.isdigit():
        return False
    year = year_of_figure(text, q)
    return year is not None and year != time

"""Whether a figure that nothing places in its claim's year is placed there by the figures of its own passage.
"Meta's capital spending this year will reach $135 billion" in a text of no date is placed in the year of a
claim of Meta's 2025 plan only by figures near it that agree with claims of that year: figures of another
part of a long text, or of another excerpt in a collection of them, may be of another year's article (an
undated survey of 2026 quotes 2025's plan in one paragraph and this year's in another). Near is the
figure's paragraph and the paragraphs either side of it; a figure that agrees with a claim of one day of the
year (a market's close) places the whole text, as before (dsfact.matching.doubt.corroborated)."""
from __future__ import annotations

NEAR = 1  # paragraphs either side of a figure whose figures may place it in its claim's year


def unplaced_in_passage(findings: list, pending: list, claims: dict, paragraph_of) -> list:
    """The findings of `pending` (in doubt of their time: dsfact.matching.doubt.UNANCHORED) whose claim is tied
    to a year ("2025") and that no supported finding of `findings` places there (_places). `claims`: each claim by id; `paragraph_of`: offset -> paragraph."""
    from dsfact.model import SUPPORTED

    out = []
    for f in pending:
        year = claims[f.claim].time
        if not (year and year.isdigit()):
            continue
        here = paragraph_of(f.start)
        if not any(g.verdict == SUPPORTED and _places(claims[g.claim].time or "", year, abs(paragraph_of(g.start) - here))
                   for g in findings):
            out.append(f)
    return out


def _places(time: str, year: str, distance: int) -> bool:
    """Whether a supported figure of a claim tied to `time`, `distance` paragraphs from a figure of a claim of
    `year`, places that figure in the year: one of a claim of a day of that year anywhere (a text that reports
    the close of 27 January as news is of that January), one of a claim of the whole year only near it (a
    year's plan is quoted long after the year)."""
    if time.startswith(year + "-"):
        return True
    return time == year and distance <= NEAR


LOOSE_BOUND = 2.0  # a bound this far or further from every figure of its claim's sources agrees loosely


def loose_bound(f) -> bool:
    """Whether finding f's figure is a bound far from its claim's figures: "more than $200 billion" beside a
    loss of $593 billion, "over 5%" beside a fall of 17%, "less than $20 million" beside $5.6 million. It agrees
    with any day of a big enough move, so it places no other figure of its text on its claim's day
    (dsfact.matching.doubt.corroborated)."""
    from dsfact.model import LESS_THAN, MORE_THAN, UP_TO

    q = f.quantity
    if q is None or q.qualifier not in (MORE_THAN, LESS_THAN, UP_TO) or not f.evidence:
        return False
    try:
        mine = abs(float(q.high if q.high is not None and q.qualifier != MORE_THAN else q.value))
        theirs = [abs(float(s.value)) for s in f.evidence]
    except (TypeError, ValueError):
        return False
    if q.qualifier == MORE_THAN:
        return all(mine * LOOSE_BOUND <= v for v in theirs)
    return all(mine >= v * LOOSE_BOUND for v in theirs)

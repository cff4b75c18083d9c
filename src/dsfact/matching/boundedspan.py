"""A period told with a lower bound of a part of a plan: "five new sites bring the project to over $400 billion in
investment over the next three years", "新增五个站点后，星际之门未来三年的投资将超过4000亿美元". The writer says at
least that sum will be spent within that span, a sum below every figure its subject's plan is recorded at: the
span is that part's, and a plan of more over a longer span ($500 billion over four years) holds with it. The
period may agree with a claim of the plan's span but never contradicts it. A plain sum ("will invest $400
billion over the next three years") is the plan told again, and its period stays judged; so is a bound at or
above the plan's figure ("more than $500 billion over five years"). Read by dsfact.matching.doubt."""
from __future__ import annotations

from dsfact.matching.roles import DURATION_UNITS, TIME_UNITS
from dsfact.model import MORE_THAN, Claim, Quantity


def spans_bounded_part(text, q: Quantity, claim: Claim) -> bool:
    """Whether period q (`text`: a TextMatcher) spans, in its clause, an amount told as a lower bound below every
    figure of its subject's plans of that unit in the registry (the claims whose subject is claim's): the span of
    a part of the plan, not of the whole."""
    if q.unit not in DURATION_UNITS:
        return False
    start, end = text.reader().clause_span(q.start)
    for x in text.figures_in(start, end):
        if x.unit in TIME_UNITS or x.qualifier != MORE_THAN or not isinstance(x.value, (int, float)):
            continue
        plans = _plan_figures(text.registry, claim, x.unit)
        if plans and all(x.value < v for v in plans):
            return True
    return False


def _plan_figures(registry, claim: Claim, unit: str) -> list[float]:
    """The figures of unit `unit` that the registry's claims of claim's subject record."""
    return [float(st.value) for c in registry.claims if c.subject == claim.subject and c.unit == unit
            for st in c.statements if isinstance(st.value, (int, float))]

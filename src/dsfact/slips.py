"""A figure that misstates a claim: how far its value is from a claim's statements (`gap`, `SLIP`), and
which claim of a group a price that agrees with none of them states (`group_variant`, `misstated_variant`):
the choices dsfact.check makes after a figure is judged against the claim it was bound to."""
from __future__ import annotations

import math

from dsfact.model import CONTRADICTED, SUPPORTED, Finding, Registry
from dsfact.quantity import convert_value
from dsfact.verdict import judge

SLIP = math.log(2)  # a misstated figure stays within a factor of two of the value it misstates (a digit swapped)


def gap(q, claim) -> float:
    """How far figure q's value is from the nearest statement of a claim, as the log of their ratio (a rate
    read per its claim's base): against the statements in q's own unit where the claim has some (its yuan
    prices beside its dollar ones), else those in the claim's unit; a statement in a third unit is not
    compared."""
    unit = q.unit if any(st.unit == q.unit for st in claim.statements) else claim.unit
    values = [abs(st.value) for st in claim.statements
              if isinstance(st.value, (int, float)) and st.value and st.unit == unit]
    value = convert_value(q, unit) if not isinstance(q.value, str) else None
    if not value or not values:
        return math.inf
    if q.per is not None and claim.per is not None and q.per.unit.lower() == claim.per.unit.lower() and q.per.amount:
        value = value * claim.per.amount / q.per.amount
    return min(abs(math.log(abs(value) / v)) for v in values)


def nearer(q, other, selected) -> bool:
    """Whether figure q's value is nearer (as a ratio) to a statement of `other` than to every statement of
    `selected`: "under $3 million" agrees with R1's $294,000 run only through its slack; it is V3's figure."""
    return gap(q, other) < gap(q, selected)


def group_variant(q, selected, siblings, registry: Registry) -> Finding | None:
    """A figure bound to a group's generic claim (one with no variant: tkp's "R1's price per million
    tokens") that a variant of the group supports states that variant: "$0.55 per million tokens" for R1
    is its cache-miss input price, not a dispute with the generic claim's $0.14. Every variant of the group
    is asked, not only those whose words the figure's sentence holds ("R1 costs $0.55/$2.19 per million
    tokens"). Only a variant among the figure's candidates is asked: one whose subject and metric words
    bound the figure too."""
    group = [c for c in registry.claims if c.group == selected.group]
    for other in group:
        # a variant the figure's own cues bound: R1's run (C70) for "R1 cost $294,000", never for V3's
        if other is not selected and other.variant and other in siblings:
            found = judge(q, other, group, registry)
            if found is not None and found.verdict == SUPPORTED:
                return found
    return misstated_variant(q, selected, [c for c in group if c.variant and c in siblings], registry)


def misstated_variant(q, selected, variants: list, registry: Registry) -> Finding | None:
    """The finding against the variant a price bound to its group's generic claim misstates, when no variant
    agrees (issue 9): the one variant its value is within a factor of two of, or whose digits it gives at
    another power of ten, while it is more than a factor of two further from every statement of the generic
    claim. "R1 charges $0.45 per million input tokens" misstates R1's $0.55 cache-miss input price, not the
    $0.14 its generic claim records; "$0.16 per million tokens", as near the $0.14 cache-hit price as the
    generic one, stays the generic claim's. Only prices per unit are asked: a model's cost is
    dsfact.check._slip_of's."""
    if selected.per is None or not variants:
        return None
    mine = gap(q, selected)
    near = [(far, c) for c in variants for far in [gap(q, c)] if far < SLIP or _decimal_slip(far)]
    if len(near) != 1 or mine < near[0][0] + SLIP:
        return None
    other = near[0][1]
    found = judge(q, other, [other], registry)
    return found if found is not None and found.verdict == CONTRADICTED else None


def misstated_kind(q, selected, family: list, registry: Registry) -> tuple | None:
    """(finding, claim) for the kind of a price a figure bound to its group's generic claim misstates with its
    decimal point moved, when no word near it tells the kind (the kinds of its family,
    dsfact.matching.siblings.price_kind): "OpenAI's o1 charges $60, DeepSeek only $21.9" is R1's $2.19 output price
    with its point slipped, not a price a hundred times the generic claim's $0.14 (which dsfact.matching.magnitude
    would leave unjudged). None unless exactly one kind is a power of ten away and selected's statements are not:
    a price merely near a kind stays the generic claim's, as before."""
    if selected.per is None or _decimal_slip(gap(q, selected)):
        return None
    slipped = [c for c in family if c is not selected and _decimal_slip(gap(q, c))]
    if len(slipped) != 1:
        return None
    found = judge(q, slipped[0], [slipped[0]], registry)
    return (found, slipped[0]) if found is not None and found.verdict == CONTRADICTED else None


def _decimal_slip(gap: float) -> bool:
    """Whether a gap (the log of a ratio) is a whole power of ten, one to three: a decimal point moved."""
    tens = gap / math.log(10)
    return 0.5 < tens < 3.5 and abs(tens - round(tens)) < 1e-6

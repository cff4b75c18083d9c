"""A figure of another order of size than its claim: another quantity, not a wrong statement of the claim.
"The Commission unveiled a €1 billion plan to bring AI into industry" beside a claim of the EU's €200 billion
plan is another plan, and "South Korea will buy 260,000 Nvidia GPUs" another order than the 10,000 it ordered.
A reader does not take an amount of money a hundred times larger or smaller than every source's, or a count
twenty times, for a misreport of theirs (a price, a token count, a ratio may be confused with another
model's or another kind's, and stays judged), unless its digits are theirs with a zero or a scale word slipped ("$5.6 billion" of a $5.6 million cost, 5600萬 of 560萬): such a
slip is still reported (dsfact.numbers.quantity.same_digits, slipped_scale)."""
from __future__ import annotations

import math

from dsfact.model import Claim, Quantity
from dsfact.numbers.words import is_money

FAR = 100.0  # an amount of money this many times every statement of its claim, or as small, is another's
FAR_COUNT = 20.0  # so is a count (of chips, of GPUs) this many times, or as small
SLIP = 0.1  # a ratio this close to a power of ten (either way, as a share of it) may be a slipped zero or scale


def far_off(q: Quantity, claim: Claim) -> bool:
    """Whether figure q is FAR times (a count: FAR_COUNT times) every statement of its claim (of q's unit) or
    more, or as small, and is no slip of a statement's digits: it may agree with nothing and never contradicts."""
    far = FAR if is_money(q.unit) else FAR_COUNT if q.unit == "count" else None
    if far is None or isinstance(q.value, str) or not q.value or q.value <= 0:
        return False
    own = [st for st in claim.statements if (st.unit or claim.unit) == q.unit]
    values = [st.value for st in own if isinstance(st.value, (int, float)) and st.value > 0]
    if not values or len(values) < len(own):
        return False
    low, high = min(values), max(values)
    top = q.high if isinstance(q.high, (int, float)) and q.high > 0 else q.value
    if not (q.value >= far * high or top * far <= low):
        return False
    from dsfact.quantity import same_digits, slipped_scale

    return not any(slipped_scale(q, st) or same_digits(q, st) or _tenfold(q.value / st.value) for st in own)


def _tenfold(ratio: float) -> bool:
    """Whether a ratio lies within SLIP of a power of ten: "$5.50" of a $0.55 price, a zero added."""
    power = 10.0 ** round(math.log10(ratio))
    return abs(ratio / power - 1) <= SLIP


def another_size(matcher, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is of another order of size than its claim (far_off) while its clause
    does not tell the claim's event, one that happens once ("50,000 chips to train V3" is a misreport)."""
    if not far_off(q, claim):
        return False
    from dsfact.matching.events import tells_once  # read only when a figure is far off

    return not tells_once(matcher, q, claim)


def scale_slip(q: Quantity, claim: Claim) -> bool:
    """Whether figure q gives a statement of its claim with its scale word slipped ("less than $6 billion" of a source's
    "less than $6 million", 5600萬 of 560萬: dsfact.numbers.quantity.slipped_scale): the claim's own figure misstated,
    whatever other model the sentence names beside it (a figure of that model's would not share the claim's digits)."""
    from dsfact.quantity import slipped_scale

    return any((st.unit or claim.unit) == q.unit and slipped_scale(q, st) for st in claim.statements)

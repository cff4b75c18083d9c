"""A move told over a span of time, beside a claim of a move with no time of its own: "Meitu's shares have
risen more than 150% this year" (今年以来累计上涨) is not the day's 16.3% rise after DeepSeek's breakthrough
that a claim records, though no date ties that claim to a day. The words are the `span` and `several-days`
time words of dsfact/lang/time.words ("year to date", "since", "over five years", 以来, 累计, 连日来), and
the words of a whole year ("this year", "last year", 今年)."""
from __future__ import annotations

from dsfact.model import Claim, Quantity

_SPANS = ("span", "several-days")


def moved_over_span(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is placed over a span of time by its own time words while its claim, a move, has no
    time: it may agree with the claim but never contradicts it. `text`: the
    TextMatcher that bound q."""
    if claim.time or not any(st.direction for st in claim.statements):
        return False
    if text._quantities is None:
        return False
    from dsfact.matching.when import year_kind

    return any(tag in _SPANS or year_kind(tag)[0] is not None for tag in text.reader().times(q))

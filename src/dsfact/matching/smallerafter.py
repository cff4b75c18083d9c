"""A smaller sum after the whole (issue 9, a part versus the total): a passage that has given a subject's figure
("OpenAI, SoftBank and Oracle formed Stargate, which will invest $500 billion over four years") often goes on, in
a sentence that names no subject of its own, with a smaller figure of the same unit about it ("The newco has $100
billion in investment", "它手上已有1000亿美元", "其中一半已到位"): the money it has now, a first tranche, a part, a
later or earlier state, hardly ever the same claim told again with another figure. Such a figure takes the subject
of the earlier sentence loosely: it may agree with the claim, never contradict it (a larger figure after a smaller
one, one of another unit, a price per unit or a percentage move, is read as before: "Nvidia fell 17%. It lost
$589 billion of market value", "down 15% in the morning ... by the close they had fallen 13%").

The earlier figure is looked for only in the sentences the subject was carried across: from the one that names
it (a few sentences back, at most two paragraph breaks) to the figure's own, and only before the figure."""
from __future__ import annotations

from dsfact.matching.cues import METRIC
from dsfact.matching.text import INF, LOOKBACK_SENTENCES
from dsfact.model import Quantity
from dsfact.numbers.words import is_money

LOOKBACK_PARAGRAPHS = 2  # as dsfact.matching.matcher: a subject is carried this many paragraph breaks at most


def _amount(x: Quantity) -> float | None:
    """The figure's size (a range's high end), or None when it has none to compare (a date)."""
    value = x.high if x.high is not None else x.value
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _sum(x: Quantity) -> bool:
    """Whether x is a sum of money, not a rate ("$1.10 per million tokens": prices of one kind are not parts of
    another's) nor a move or a share (a smaller fall after a larger one is another moment, not a part of it)."""
    return is_money(x.unit) and x.per is None


def _metric_claims(text, x: Quantity) -> set[int]:
    """The claims a word of whose metric stands in figure x's clause ("will invest $500 billion": invest)."""
    start, end = text.reader().clause_span(x.start)
    return {ci for h in text.hits_in(start, end) for ci, role in text.roles_of(h) if role == METRIC}


def below_earlier(text, q: Quantity, si: int, missing: list[int], subject_d: dict[int, float]) -> list[int]:
    """The claims of `missing` whose subject figure q borrowed (a finite `subject_d`) from a sentence before its
    own, when that sentence or one after it, before q's, holds a larger figure of q's unit with a word of the
    claim's metric in its clause: q is a part or another state of it, bound loosely (see the module's docstring).
    A larger figure of something else ("revenue of $164.5 billion" before a capex figure) does not count."""
    borrowed = [ci for ci in missing if subject_d.get(ci, INF) < INF]
    size = _amount(q)
    if not borrowed or size is None or si == 0 or not _sum(q):
        return []
    naming = text.index.naming
    here = text.sentences[si].paragraph
    out: list[int] = []
    whole: set[int] = set()  # claims a larger figure of q's unit, with their metric words, was told of
    for back in range(si - 1, max(si - 1 - LOOKBACK_SENTENCES, -1), -1):
        earlier = text.sentences[back]
        if here - earlier.paragraph > LOOKBACK_PARAGRAPHS:
            break
        for x in text.figures_in(earlier.start, earlier.end):
            if x.unit == q.unit and _sum(x) and (a := _amount(x)) is not None and a > size:
                whole |= _metric_claims(text, x)
        named = {ci for h in text.hits_in(earlier.start, earlier.end) for ci in naming(h.cue)[1]}
        out.extend(ci for ci in borrowed if ci in named and ci in whole and ci not in out)
        borrowed = [ci for ci in borrowed if ci not in named]
        if not borrowed:
            break
    return out

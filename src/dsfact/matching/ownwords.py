"""A figure's own words (its rate: "per million input tokens", "/百万输出tokens") say what it is, before the
words of the figures beside it (issue 9)."""
from __future__ import annotations

import bisect

from dsfact.matching.text import TextCues
from dsfact.model import Quantity


def own_kind_kept(text: TextCues, q: Quantity, metrics: list, exclusions: list) -> list:
    """The (word, claim) exclusions that stand for figure q: not one whose word stands in another figure's own
    words while q's own words hold a metric word of that claim. Each figure's own words say its kind: in "4 yuan
    per million input tokens and 16 yuan per million output tokens", "input" is the first figure's."""
    own = {ci for hit, ci, _d, _how in metrics if q.start <= hit.start and hit.end <= q.end}
    if not own:
        return exclusions
    starts = text._quantity_starts
    exclusions = _last_kind(text, q, exclusions)

    def inside_other(hit) -> bool:
        k = bisect.bisect_right(starts, hit.start) - 1
        x = text._quantities[k] if k >= 0 else None
        return x is not None and x is not q and x.end >= hit.end

    return [(hit, ci) for hit, ci in exclusions if not (ci in own and inside_other(hit))]


def _last_kind(text: TextCues, q: Quantity, exclusions: list) -> list:
    """The exclusions that stand for figure q when it ends a list of prices whose rate names their kinds in
    turn ("$0.55 and $2.19 per million input and output tokens", "$0.55/$2.19 per million input/output
    tokens"): the last price is of the last kind, so the kind words before it in its own words exclude
    nothing for it (the first price takes the first kind, as the words nearest it)."""
    k = bisect.bisect_left(text._quantity_starts, q.start)
    if k == 0 or not text._listed(text._quantities[k - 1], q):
        return exclusions
    inside = sorted({(hit.start, hit.end) for hit, _ci in exclusions if q.start <= hit.start and hit.end <= q.end})
    paired = [b for a, b in zip(inside, inside[1:]) if text.folded[a[1]:b[0]].strip() in ("/", "／")]
    if not paired:
        return exclusions  # no pair of kinds ("input/output") in the figure's rate
    last = paired[-1][0]
    return [(hit, ci) for hit, ci in exclusions if not (q.start <= hit.start and hit.end <= last)]

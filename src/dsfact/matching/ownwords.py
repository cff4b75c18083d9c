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

    def inside_other(hit) -> bool:
        k = bisect.bisect_right(starts, hit.start) - 1
        x = text._quantities[k] if k >= 0 else None
        return x is not None and x is not q and x.end >= hit.end

    return [(hit, ci) for hit, ci in exclusions if not (ci in own and inside_other(hit))]

"""The words of another figure's unit are that figure's: in "Context extension took 119K GPU hours and
post-training 5K", "GPU" is part of "119K GPU hours" and tells nothing of the count 5K beside it (no count of
GPUs). A metric word inside the span of a figure of another unit binds no other figure."""
from __future__ import annotations

import bisect


def in_other_unit(text, q, hit) -> bool:
    """Whether cue word `hit` lies inside the span of another figure than q, of another unit than q's."""
    starts = text._quantity_starts
    k = bisect.bisect_right(starts, hit.start) - 1
    if k < 0:
        return False
    x = text._quantities[k]
    # (a figure where q stands is q read otherwise: "¥16 per million output tokens" read in yuan)
    return x.unit != q.unit and x.start <= hit.start and hit.end <= x.end and not (x.start < q.end and q.start < x.end)

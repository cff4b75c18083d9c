"""The words of another figure's unit are that figure's: in "Context extension took 119K GPU hours and
post-training 5K", "GPU" is part of "119K GPU hours" and tells nothing of the count 5K beside it (no count of
GPUs). A metric word inside the span of a figure of another unit binds no other figure. Nor is a word of a bound
right before a figure a metric word of its own: the "up" of "plunged up to 18%" is a ceiling (numbers.words
[qualifiers] `up-to`), no rise."""
from __future__ import annotations

import bisect

from dsfact.lang import word_set


def figure_holding(text, a: int, b: int):
    """The figure read (by `text`, a TextCues) that begins last at or before offset a, if its span holds text[a:b]:
    a word of its own unit ("2.788 million GPU hours", "16 yuan per million output tokens"); else None."""
    k = bisect.bisect_right(text._quantity_starts, a) - 1
    if k < 0:
        return None
    x = text._quantities[k]
    return x if x.start <= a and b <= x.end else None


def in_other_unit(text, q, hit) -> bool:
    """Whether cue word `hit` lies inside the span of another figure than q, of another unit than q's."""
    x = figure_holding(text, hit.start, hit.end)
    # (a figure where q stands is q read otherwise: "¥16 per million output tokens" read in yuan)
    return x is not None and x.unit != q.unit and not (x.start < q.end and q.start < x.end)


_QUALIFIER_REACH = 24  # characters before a figure a bound's words may take ("by as much as ")


def in_qualifier(text, q, hit) -> bool:
    """Whether cue word `hit` opens a phrase of a bound that runs up to figure q ("up to", "as much as": numbers.words
    [qualifiers] `up-to`), a currency sign aside: the word bounds q, it names no move."""
    if hit.end > q.start or q.start - hit.start > _QUALIFIER_REACH:
        return False
    return text.folded[hit.start:q.start].rstrip(" $€¥£").strip() in word_set("numbers", "qualifiers", "up-to")

"""A word that heads the next clause's figures: the topic of a clause of figures (issue 9: each metric word binds
the figure it governs).

A clause with no figure of its own can name what the next clause's figures are, as a topic before its comment:
"DeepSeek才2.19美元，输入token更便宜，0.55美元对15美元", "R1只要2.19美元，輸入更便宜，0.55美元對15美元",
"DeepSeek charges $2.19, and input is cheaper still: $0.55 against $15". Such a word ("输入", "input") is those
figures' kind, not the kind of a figure before it ($2.19, an output price), and rules no claim out for that one
(dsfact.matching.bodies.governs_other). Read here: the word's clause, after figure q's, holds no figure, and
the next clause of the same sentence opens with a figure of q's unit.
"""
from __future__ import annotations

import bisect

from dsfact.model import Quantity

OPEN_REACH = 6  # characters at most before the next clause's figure ("约", "about", "just")


def heads_next_clause(text, q: Quantity, hit) -> bool:
    """Whether the word `hit`, in a clause after figure q's that holds no figure, is the topic of the next
    clause of q's sentence, which opens with a figure of q's unit (`text` a TextCues)."""
    if hit.start < q.end:
        return False
    marks = text._marks
    clause = bisect.bisect_right(marks, hit.start)
    if clause == bisect.bisect_right(marks, q.start) or clause >= len(marks):
        return False
    lo = marks[clause - 1] if clause > 0 else 0
    hi = marks[clause]
    if text.figures_in(lo, hi):
        return False  # a figure of its own clause: the word is that one's
    after = marks[clause + 1] if clause + 1 < len(marks) else len(text.text)
    following = text.figures_in(hi, after)
    if not following or following[0].unit != q.unit:
        return False
    x = following[0]
    if text.sentence_of(x.start) != text.sentence_of(q.start):
        return False
    return len(text.folded[hi + 1:x.start].strip()) <= OPEN_REACH

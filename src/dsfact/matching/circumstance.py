"""A name told only as the circumstance of an earlier sentence is no subject a later sentence borrows.

"Investors care more about the cluster Musk built, especially amid DeepSeek's push for cheap training. It trained
for 122 days." and "業界對馬斯克搭建的GPU集群更感興趣，尤其是在DeepSeek掀起低成本訓練的浪潮之下。這個系統先訓練了
122天": DeepSeek stands in a phrase of cause or circumstance after the sentence's own first clause, not as what the
sentence speaks of, so a figure of the next sentence that names no subject does not take DeepSeek's (its training
days). The phrase is one of cause (names.words [cause]: "amid", "following", 由于; "DeepSeek冲击") or a Chinese frame of
circumstance, an opener right before the name and a closer ending its clause (names.words [circumstance]: 在……浪潮
之下, 在……背景下). A name in the sentence's first clause is its topic, whatever frames it ("After DeepSeek released
R1, it topped the charts"). Read by dsfact.matching.matcher._names_in, the names an earlier sentence lends."""
from __future__ import annotations

import bisect
from functools import lru_cache

from dsfact.lang import words_of
from dsfact.matching.aside import caused_name

OPENER_REACH = 4  # characters between the frame's opener and the name ("尤其是在DeepSeek", "在中国DeepSeek")
CLAUSE_ENDS = " \t\r\n。.!！?？；;"


@lru_cache(maxsize=1)
def _frame() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return words_of("names", "circumstance", "before"), words_of("names", "circumstance", "after")


def circumstantial(text, hit, start: int, end: int) -> bool:
    """Whether the name at `hit`, in the span text[start:end] (an earlier sentence), stands in a phrase of cause or
    circumstance of a clause after the span's first."""
    marks = text._marks
    k = bisect.bisect_left(marks, hit.start)
    if not k or marks[k - 1] <= start:
        return False  # the span's first clause: its topic
    lo = marks[k - 1]
    folded = text.folded
    if caused_name(folded, hit.start, hit.end, lo):
        return True
    openers, closers = _frame()
    lead = folded[max(lo, hit.start - OPENER_REACH - 2):hit.start]
    if not any(w in lead for w in openers):
        return False
    hi = min(marks[k], end) if k < len(marks) else end
    return folded[hit.end:hi].rstrip(CLAUSE_ENDS).endswith(closers)

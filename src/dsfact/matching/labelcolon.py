"""A word in the label of a figure's line says what the figure is: in "– 输出价格：每百万 Token 36 元", "Output
price: $2.19 per million tokens" or "DeepSeek-V3 输出价格:每百万 Token 8 元" the label's 输出 (output) rules out
the input price the figure's own rate words (每百万 Token) would also fit, though the colon parts the label from
its value as a clause mark does. A label is short and opens its line (after a bullet or a number), with no
clause mark in it; between its colon and the figure stand no clause mark, no line break and no other figure."""
from __future__ import annotations

from dsfact.document.labels import OUTLINE_NUMBER
from dsfact.numbers.patterns import lazy

LABEL_CHARS = 30  # a label this long at most, from its line's start (bullet aside) to its colon
VALUE_CHARS = 24  # characters from the colon to the figure it labels at most
_BULLET = lazy(r"[ \t]*(?:[-*•·–—][ \t]*|\d{1,2}[.)][ \t]+|" + OUTLINE_NUMBER + ")?")  # or "2．", "（二）", "①"
_LABEL_STOPS = frozenset(",，;；:：。.!?！？、()（）|\n")
_VALUE_STOPS = frozenset(",，;；:：。!?！？、|\n")


def in_label(text, q, hit) -> bool:
    """Whether cue `hit` stands in the label of figure q's line (`text`: a TextMatcher)."""
    if hit.end > q.start:
        return False
    folded = text.folded
    colon = max(folded.rfind(":", hit.end, q.start), folded.rfind("：", hit.end, q.start))
    if colon < 0 or q.start - colon > VALUE_CHARS or any(c in _VALUE_STOPS for c in folded[colon + 1:q.start]):
        return False
    line = folded.rfind("\n", 0, colon) + 1
    head = _BULLET.match(folded, line).end()
    if not head <= hit.start or colon - head > LABEL_CHARS or any(c in _LABEL_STOPS for c in folded[head:colon]):
        return False
    return not any(x is not q and colon < x.start < q.start for x in text.figures_in(colon, q.start))

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


def label_marks(text: str, marks: list[int]) -> list[int]:
    """`marks` (a text's clause boundaries) without those inside the label of a "Label: value" line: in "- Input,
    cache hit: $0.14" or "- Input (cache hit): $0.14" the label's comma and brackets part no clauses, so its words
    govern the value after the colon as a one-word label's do. A label opens its line (after a bullet or a number),
    holds no digit and is short; a figure follows its colon within VALUE_CHARS on the same line."""
    drop = set()
    for colon in _colons(text):
        line = text.rfind("\n", 0, colon) + 1
        head = _BULLET.match(text, line).end()
        if colon - head > LABEL_CHARS or any(c.isdigit() or c in "\n.。!?！？;；" for c in text[head:colon]):
            continue
        value = text[colon + 1:colon + 1 + VALUE_CHARS].split("\n", 1)[0]
        if any(c.isdigit() for c in value):
            drop.update(m for m in marks if head <= m < colon)
    return [m for m in marks if m not in drop] if drop else marks


def _colons(text: str):
    for mark in (":", "："):
        at = text.find(mark)
        while at >= 0:
            yield at
            at = text.find(mark, at + 1)

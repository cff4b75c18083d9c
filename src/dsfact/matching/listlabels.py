"""What labels the figure of a list item: a lead line ending in a colon that heads its items' figures as a
column's header does ("Output prices per million tokens:" over "1. DeepSeek-V3: $1.10"), and, in a spec or
key-facts box flattened into a list, the item right before a bare value ("- Pretraining tokens" over "- 14.8T":
a page that sets each label and each value in its own box, <dt> and <dd>, keeps them as items one after the
other). Read by dsfact.matching.structure."""
from __future__ import annotations

from dsfact.numbers.patterns import lazy

_SENTENCE_END = lazy(r"[。!?！？;；]|\.(?![0-9])")  # in a lead line: the end of a sentence before it
# a value alone: a figure with at most a short suffix ("14.8T", "$5.6M", "2,048", "约557.6万美元", "~2 months")
_BARE_VALUE = lazy(r"(?:about |around |~|≈|约|約)?[$€£¥]?\d[\d,.]*\s?[^\s\d]{0,8}(?: [a-z]{1,8})?")
_LABEL_LATIN = 5  # a label is short: at most this many Latin words ...
_LABEL_CJK = 12  # ... or Chinese characters


def measured_by(text: str, lead: tuple[int, int, bool], a: int, b: int) -> bool:
    """Whether the list item text[a:b], a label and its figure ("1. DeepSeek-V3: $1.10"), stands under a lead line
    that ends in a colon ("Output prices per million tokens:"): the lead heads the items' figures as a column's
    header does. A lead that holds a sentence's end ("…缓存命中率为 80%。使用 DeepSeek-V3 模型:") is the end of a
    passage, not a header."""
    from dsfact.document.labels import labelled

    head = text[lead[0]:lead[1]].rstrip()
    return not lead[2] and head.endswith((":", "：")) and _SENTENCE_END.search(head) is None and labelled(text, a, b)[1]


def value_label(text: str, before, block) -> tuple[int, int, bool] | None:
    """The span of list item `before` (a dsfact.document Block) when it labels the item `block` that follows it
    in the same list: `block` holds a bare value and nothing else, and `before` a short label with no digit
    ("Pretraining tokens", "训练成本", "Training hardware:"); None otherwise."""
    if before is None or block.kind != "item" or before.kind != "item" or before.depth != block.depth \
            or before.lead != block.lead or text[before.end:block.start].strip():
        return None
    value = text[block.start:block.end].strip()
    label = text[before.start:before.end].strip().rstrip(":：").strip()
    if not label or any(c.isdigit() for c in label) or _BARE_VALUE.fullmatch(value.lower()) is None:
        return None
    latin = len(label.split()) <= _LABEL_LATIN and label.isascii()
    if not latin and (label.isascii() or len(label) > _LABEL_CJK):
        return None
    return before.start, before.end, False

"""An exclude word that names one of the uses of what a figure counts: "在年底前拥有超过130万块GPU用于模型训练和服务",
"1.3 million GPUs for training and inference". A claim may exclude a word of another of its subject's events
(the chips a model was trained on are not the company's year-end fleet), yet a fleet put to two uses or more,
one of them that event, is still the fleet: the word, after a word of use (roles.words [use] `after`) and joined
to a word of another use (roles.words [uses]) by "and", 和 or the like, rules no claim out. The words are data;
this module holds the mechanism."""
from __future__ import annotations

from dsfact.lang import words_of

REACH = 24  # characters from a figure to the exclude word its phrase of use holds
_JOINERS = ("以及", "和", "与", "及", "、", "/", "and ", "or ", "& ")
_STOPS = frozenset(",，;；:：。.!！?？")


def among_uses(text, q, hit) -> bool:
    """Whether the word at `hit`, after figure q in its clause, is one of two uses or more of what q counts."""
    folded = text.folded
    between = folded[q.end:hit.start]
    if hit.start < q.end or len(between) > REACH or not _STOPS.isdisjoint(between):
        return False
    if not any(w in between for w in words_of("roles", "use", "after")):
        return False
    uses = words_of("roles", "uses")
    after = folded[hit.end:hit.end + 16].lstrip()
    for joiner in _JOINERS:
        if after.startswith(joiner) and after[len(joiner):].lstrip().startswith(uses):
            return True
    before = folded[max(q.end, hit.start - 16):hit.start].rstrip()
    for joiner in _JOINERS:
        if before.endswith(joiner.strip()):
            head = before[:len(before) - len(joiner.strip())].rstrip()
            return any(head.endswith(w) for w in uses)
    return False

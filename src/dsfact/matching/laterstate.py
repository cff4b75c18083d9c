"""A later state told again (issue 9): a text that tells a thing's growth ("secretly doubling its GPU count
from 100,000 to 200,000 NVIDIA H100s", "然后又花了92天擴展到20萬塊") often names the size it grew to again
elsewhere with no word of the growth beside it ("They didn't have enough to run 200,000 GPUs at the old
factory", "馬斯克搭建的20萬塊GPU集群"). A reader takes the repeat for the same later state: it may agree with a
claim of the thing's size, never contradict it. Only counts: a sum of money a plan grows to is read by the
first-tranche rules (dsfact.matching.tranche)."""
from __future__ import annotations

from dsfact.model import Claim, Quantity

_LATER = ("later", "later-to-come")  # roles.words: the roles of a size after a growth


def restates_later(text, q: Quantity, claim: Claim) -> bool:
    """Whether count q, in `text` (a TextMatcher), has the value of another count of the text that words of a
    growth govern (roles.words [later], [later-to-come]), a state the claim does not expect by a deadline
    (dsfact.matching.events.grown_to_expected): the same later state told again."""
    if q.unit != "count" or not text._quantities:
        return False
    reader = text.reader()
    for x in text._quantities:
        if x is q or x.unit != "count" or x.value != q.value:
            continue
        if any(name in reader.roles(x) for name in _LATER):
            from dsfact.matching.events import grown_to_expected  # only when a growth's size is told twice

            return not grown_to_expected(text, x, claim)
    return False

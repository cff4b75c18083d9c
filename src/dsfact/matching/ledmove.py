"""A move the subject leads, not its own (roles.words [led-move]: "Nvidia leads $1 trillion tech wipeout", "Nvidia
led a $1 trillion rout in chip stocks", 英伟达领跌的这场1万亿美元科技股抛售): the figure is the whole group's move, of
which the leader's is a part, so it may agree with a claim of a change but never contradicts one. Yet the group may
itself be a claim's subject, named after the figure in its clause ("its plunge led a 5.1% slide in the Nasdaq",
"领跌的这场3.1%的纳指跌势"): for that claim the figure is its own, judged as any other."""
from __future__ import annotations

from dsfact.matching.cues import SUBJECT
from dsfact.model import Claim, Quantity


def led_group_named(text, q: Quantity, claim: Claim) -> bool:
    """Whether claim's subject is named after figure q in its clause (`text`: a TextMatcher): the group a leader's
    move led is that claim's subject, and q its figure."""
    ci = text.index.position.get(claim.id)
    if ci is None:
        return False
    end = text.reader().clause_span(q.start)[1]
    return any(c == ci and role == SUBJECT for h in text.hits_in(q.end, end) for c, role in text.roles_of(h))

"""The nearest subject wins, for a venture's partners too: "Stargate will pour $500 billion ...; OpenAI and Oracle
have since signed a contract to buy up to 2.5 million AI chips", "星际之门预定四年投入5000亿美元……；OpenAI与甲骨文
上周签下的合约则要购入250万颗AI芯片". Two of a subject's members listed together name it only loosely (dsfact.matching.joint: the
same two partners make deals of their own); when such a pair stands between the figure and the subject's own name
earlier in the sentence, the pair is the figure's nearer subject, and the figure is the pair's deal: it may agree
with the subject's claim by chance, never contradict it. A sentence whose nearest naming is the subject's own name
("Oracle and OpenAI back Stargate, which plans 2 million chips") keeps its figure the subject's."""
from __future__ import annotations

import bisect

from dsfact.matching.cues import SUBJECT
from dsfact.model import Claim, Quantity

_MARKS = " ,，;；:：、\t\n"
_OWNERS = ("'s", "’s", "的", " 's")


def pair_nearer(text, q: Quantity, claim: Claim) -> bool:
    """Whether the nearest naming of claim's subject before figure q in its sentence is a loose list of its
    members (dsfact.matching.joint) that opens a clause, as its subject, with the subject named otherwise earlier
    in that sentence. `text`: a TextMatcher."""
    loose = getattr(text, "loose_members", ())
    ci = text.index.position.get(claim.id)
    if not loose or ci is None:
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    own = [h for h in text.hits_in(sentence.start, q.start)
           if h.end <= q.start and any(c == ci and role == SUBJECT for c, role in text.roles_of(h))]
    k = len(own)
    while k and (own[k - 1].start, own[k - 1].end) in loose:
        k -= 1
    if k == len(own) or not k:
        return False  # the nearest naming is firm, or the pair is the only one
    return _opens_clause(text, own[k].start, sentence.start) and not _describes(text.folded, own[-1].end)


def _opens_clause(text, at: int, floor: int) -> bool:
    """Whether the name at `at` opens its clause: nothing but spaces after the clause mark before it (or the
    sentence's start, `floor`). "…，甲骨文与OpenAI谈定的方案", not "Stargate, backed by OpenAI and SoftBank"."""
    marks = text._marks
    k = bisect.bisect_right(marks, at - 1)
    start = max(marks[k - 1] + 1 if k else floor, floor)
    return not text.folded[start:at].strip(_MARKS)


def _describes(folded: str, end: int) -> bool:
    """Whether the list that ends at `end` owns a noun after it ("OpenAI and SoftBank's venture", OpenAI与软银的合资
    项目): it describes the subject, it is not the clause's agent."""
    return folded.startswith(_OWNERS, end)

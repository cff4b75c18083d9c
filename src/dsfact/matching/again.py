"""A registered figure said again (issue 9): a passage that has stated a claim's figure, bound firmly by
its own cue words, often repeats the same amount later with only a word of the claim's metric beside it
("Stargate will cost $500 billion. ... The government is putting in $500 billion to build AI capacity",
"政府投入了5000亿美元"), or only a noun that recalls it ("The headline figure, half a trillion dollars, ...").
The repeat names no subject of its own, so no other rule binds it; being the same amount as the claim's
figure told before it, in a sentence that names no other company or body before it, it states that claim
again. It is bound loosely: it may agree, never contradict (being the same amount, it only agrees when the
first did)."""
from __future__ import annotations

from dsfact.matching.text import INF
from dsfact.model import Claim, Quantity


def said_again(matcher, q: Quantity, claim: Claim) -> bool:
    """Whether figure q, which no cue word bound, may be `claim`'s figure said again: its sentence holds a
    word of the claim's metric (none of its exclude words near q) and names no subject, company or other
    body before q, and q's role and time fit the claim."""
    si = matcher.sentence_of(q.start)
    family = matcher.index.family(q.unit)
    ci = matcher.index.position[claim.id]
    if ci not in family:
        return False
    cues = matcher._cues(q, si, matcher.sentence_hits(si), family)
    if ci not in cues.metric or ci in cues.excluded or cues.metric[ci] == INF:
        return False
    if cues.named_before or cues.entity < INF or cues.subject_before or matcher._named_before(q, si):
        return False  # "Apple, too, pledged $500 billion": another body's figure of the same size
    roles = matcher.reader().roles(q)
    return matcher._fits(q, claim, roles, matcher.sentences[si])

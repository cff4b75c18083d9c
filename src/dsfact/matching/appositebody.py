"""A figure in a phrase set beside another body is that body's: in "early money is to flow from Abu Dhabi's MGX
fund, a $10 billion vehicle with a stake in Stargate", "funding comes from MGX, a $100 billion fund that also backs
Stargate", "资金来自MGX基金，这是一个参与星际之门、规模100亿美元的投资工具", the phrase after the comma ("a
...", 这是一个……, names.words [apposed-body]) describes the noun before it, and the claim's subject stands
only inside that phrase, as a thing the body joins or backs. The figure is the body's size, not the claim's: it
may agree with the claim but never contradicts it. A phrase set beside the claim's own subject ("Stargate, a $100
billion venture", 星际之门，一个规模1000亿美元的项目) is the claim's and stays judged."""
from __future__ import annotations

from dsfact.lang import words_by_script
from dsfact.matching.cues import SUBJECT
from dsfact.model import Claim, Quantity

REACH = 12  # characters between an English opener ("a", "an") and the figure: "a roughly $10 billion fund"
_CLAUSE_MARKS = ",，;；:：、"


def apposed_to_other(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q (`text`: a TextMatcher) stands in a phrase set after a comma beside a noun that names no
    subject of `claim`'s, while the phrase itself names it."""
    folded = text.folded
    sentence = text.sentences[text.sentence_of(q.start)]
    comma = max(folded.rfind(",", sentence.start, q.start), folded.rfind("，", sentence.start, q.start))
    if comma < 0:
        return False
    opener = _opener(folded, comma + 1, q.start)
    if not opener:
        return False
    anchor = max([sentence.start] + [folded.rfind(c, sentence.start, comma) + 1 for c in _CLAUSE_MARKS])
    if not any(ch.isupper() for ch in text.text[anchor + 1:comma]):
        return False  # the noun before is a named body ("the MGX fund", MGX基金), not an aside ("announced, to applause,")
    return not _names(text, claim, anchor, comma) and _names(text, claim, comma + 1, sentence.end)


def _opener(folded: str, start: int, at: int) -> bool:
    """Whether the phrase from `start` opens with a word of names.words [apposed-body]: an English one
    within REACH of the figure at `at` ("a $10 billion vehicle"), a Chinese one anywhere before it (这是一个……)."""
    latin, chinese = words_by_script("names", "apposed-body")
    head = folded[start:at].lstrip()
    if any(head.startswith(w) for w in chinese):
        return True
    return len(head) <= REACH and any(head == w or head.startswith(w + " ") for w in latin)


def _names(text, claim: Claim, start: int, end: int) -> bool:
    """Whether folded[start:end] holds a subject cue of a claim about claim's subject."""
    claims = text.registry.claims
    return any(role == SUBJECT and 0 <= ci < len(claims) and claims[ci].subject == claim.subject
               for h in text.hits_in(start, end) for ci, role in text.roles_of(h))

"""Figures of another thing than the claim's, told in the claim's own words: the rules dsfact.check._doubt asks
together. A figure in a clause that describes another noun ("OpenAI's top model, which cost $100 million to build",
2023年推出的H800芯片: dsfact.matching.relclause), a part of a whole the passage tells as a sum ("invest €50 billion
... a €150 billion pledge ... a total of €200 billion": dsfact.matching.partsum) and a share of another member of
its base's family (other_base: "at 1/45th the cost of GPT-4" beside a claim of a share of GPT-4o's cost) may agree
with the claim by chance, never contradict it."""
from __future__ import annotations

from dsfact.matching.partsum import adds_to_whole
from dsfact.matching.relclause import of_antecedent
from dsfact.model import Claim, Quantity


def of_other_thing(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is another thing's than claim's: a described noun's (of_antecedent), a part of a told
    total (adds_to_whole), or a share of another base (other_base)."""
    return of_antecedent(text, q, claim) or adds_to_whole(text, q, claim) or other_base(text, q, claim)


def other_base(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q, bound to a claim of a share of another claim's figure (its `derived` ratio_of: DeepSeek's
    cost as a share of GPT-4o's), sets its subject against another member of that base's family: its sentence names
    a model whose name and the base's are one the other's beginning ("GPT-4" beside GPT-4o, "GPT-4o mini") and never
    the base itself. The Nasdaq 100 is not the Composite; GPT-4 is not GPT-4o."""
    parts = (claim.derived or {}).get("ratio_of") if isinstance(claim.derived, dict) else None
    if not parts or len(parts) < 2 or not isinstance(parts[1], str):
        return False
    base = next((c for c in text.registry.claims if c.id == parts[1].split("@", 1)[0]), None)
    position = text.index.position.get(base.id) if base is not None else None
    if position is None:
        return False
    names = [cue.lower() for cue in base.subject_cues]
    sentence, folded = text.sentences[text.sentence_of(q.start)], text.folded
    other = False
    for h in text.hits_in(sentence.start, sentence.end):
        if position in text.index.naming(h.cue)[1]:
            return False  # the base itself is named: "1/20 of GPT-4o's"
        word = folded[h.start:h.end].removesuffix("'s").removesuffix("’s")  # (a cue may hold its possessive)
        other = other or any(word != name and (name.startswith(word) or word.startswith(name)) for name in names)
    return other

"""Choosing between sibling claims: claims of one group state the same thing on another basis (the close
or the intraday low, one model's variants). A figure states the one whose variant word sits nearest it."""
from __future__ import annotations

from dsfact.matching.matcher import Candidate
from dsfact.matching.text import INF, TextCues
from dsfact.model import Claim, Quantity


def choose(q: Quantity, candidates: list[Candidate], text: TextCues) -> tuple[Claim, list[Claim]]:
    """The claim figure q states (from its candidates, best first) and the siblings it was chosen from
    (itself included). "曾一度蒸发超过6000亿美元，收盘时跌幅为17%": each figure takes the variant word
    nearest to it; without one, the group's claim that names no variant, where it has one (the finding
    then states the variant it agrees with: dsfact.check), else the sibling registered first."""
    best = candidates[0].claim
    siblings = [c.claim for c in candidates if best.group and c.claim.group == best.group] or [best]
    position = text.index.position  # claim id -> index, built once per registry
    near = {c.id: text.variant_distance(q, position[c.id]) for c in siblings if c.variant_cues}
    chosen = sorted((d, c.line, c) for c in siblings if near.get(c.id, INF) < INF for d in [near[c.id]])
    if chosen:
        return chosen[0][2], siblings
    generic = _generic(best.group, candidates[0], text) if best.group else None
    if generic is not None and generic not in siblings:
        siblings.append(generic)  # "输入0.55美元": no word says which input price; the group's own claim
    return min(siblings, key=lambda c: c.line) if generic is None else generic, siblings


def _generic(group: str, candidate: Candidate, text: TextCues) -> Claim | None:
    """The claim of a group that names no variant (R1's price per million tokens beside its cache-hit and
    cache-miss input prices), unless an exclude word near the figure ruled it out."""
    claims = text.registry.claims
    excluded = getattr(candidate.cues, "excluded", ())
    for ci in text.index.groups.get(group, ()):
        if not claims[ci].variant and ci not in excluded:
            return claims[ci]
    return None

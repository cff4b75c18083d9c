"""Choosing between sibling claims: claims of one group state the same thing on another basis (the close
or the intraday low, one model's variants). A figure states the one whose variant word sits nearest it."""
from __future__ import annotations

from dsfact.matching.matcher import Candidate
from dsfact.matching.text import INF, TextCues
from dsfact.model import Claim, Quantity


def choose(q: Quantity, candidates: list[Candidate], text: TextCues) -> tuple[Claim, list[Claim]]:
    """The claim figure q states (from its candidates, best first) and the siblings it was chosen from
    (itself included). "曾一度蒸发超过6000亿美元，收盘时跌幅为17%": each figure takes the variant word
    nearest to it; without one, the sibling registered first."""
    best = candidates[0].claim
    siblings = [c.claim for c in candidates if best.group and c.claim.group == best.group] or [best]
    position = text.index.position  # claim id -> index, built once per registry
    near = {c.id: text.variant_distance(q, position[c.id]) for c in siblings if c.variant_cues}
    chosen = sorted((d, c.line, c) for c in siblings if near.get(c.id, INF) < INF for d in [near[c.id]])
    selected = chosen[0][2] if chosen else min(siblings, key=lambda c: c.line)
    return selected, siblings

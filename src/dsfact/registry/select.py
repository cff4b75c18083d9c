"""Choosing claims: by id, by topic, or by a word of their subject, metric or cues."""
from __future__ import annotations

from dsfact.model import Claim, Registry


def select_claims(registry: Registry, query: str | None) -> list[Claim]:
    """Claims named by an id, a topic ("cost", "all"), or a word found in their subject, metric or cues."""
    if not query or query == "all":
        return list(registry.claims)
    exact = registry.claim(query) or registry.claim(query.upper())
    if exact is not None:
        return [exact]
    if query in registry.topics:
        return [c for c in registry.claims if c.topic == query]
    from dsfact.fold import fold_text

    needle = fold_text(query.strip())
    out = []
    for c in registry.claims:
        words = [c.subject, c.metric, *c.subject_cues, *c.metric_cues, c.group or "", c.variant or ""]
        if any(needle in fold_text(w) for w in words):
            out.append(c)
    return out

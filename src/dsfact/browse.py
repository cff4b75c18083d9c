"""`dsfact claims` and `dsfact sources`: which claims a query names, the sources in order of authority,
and how many statements each source makes (dsfact.render.browse draws them)."""
from __future__ import annotations

from dsfact.errors import UsageError
from dsfact.model import Claim, Registry
from dsfact.registry.select import select_claims


def metric_with_variant(claim: Claim) -> str:
    """The metric, and the variant in brackets unless the metric already says it ("at the close")."""
    if claim.variant and claim.variant not in claim.metric:
        return f"{claim.metric} ({claim.variant})"
    return claim.metric


def by_authority(registry: Registry) -> list:
    """Primary records first, then reports, then opinions; registry order within a kind."""
    return sorted(registry.sources.values(), key=lambda s: -s.authority)


def statement_counts(registry: Registry) -> dict[str, int]:
    """Source id -> how many statements of the registry's claims it makes (0 for a source that makes none)."""
    counts = {sid: 0 for sid in registry.sources}
    for claim in registry.claims:
        for st in claim.statements:
            counts[st.source] = counts.get(st.source, 0) + 1
    return counts


def claims_for(registry: Registry, query: str | None) -> list[Claim]:
    """select_claims, or a usage error when the query names none."""
    chosen = select_claims(registry, query)
    if not chosen:
        raise UsageError(f"no claim matches {query!r} (try an id such as C01, a topic, or 'all')")
    return chosen

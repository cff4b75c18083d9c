"""What the sources got wrong: every secondary statement measured against the primary record of its claim
(`dsfact compare`'s primary column, `dsfact audit`'s primary checks, `dsfact sources --scorecard`).

The pair rule is compare's (`compare.compare_pair`), so "agree", "within rounding" and "differ" mean
here what they mean everywhere else.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dsfact.compare import AGREE, DIFFER, NOT_COMPARABLE, WITHIN_ROUNDING, compare_pair, primary_statement, show
from dsfact.model import PRIMARY, Claim, Registry

OUTCOMES = (AGREE, WITHIN_ROUNDING, DIFFER, NOT_COMPARABLE)


@dataclass(frozen=True, slots=True)
class Deviation:
    """One secondary statement against the primary record: how it stands, and by how much."""

    claim: str
    source: str
    stated: str
    primary: str
    primary_source: str
    kind: str  # AGREE, WITHIN_ROUNDING, DIFFER, NOT_COMPARABLE
    gap: float | None
    gap_pct: float | None
    unit: str
    quote: str
    line: int


@dataclass(slots=True)
class Card:
    """One source's record against the primary records."""

    source: str
    kind: str
    publisher: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    deviations: list[Deviation] = field(default_factory=list)

    @property
    def checked(self) -> int:
        return sum(self.counts[k] for k in (AGREE, WITHIN_ROUNDING, DIFFER))


def deviations_of(registry: Registry, claim: Claim) -> list[Deviation]:
    """Every statement of a claim by a source that is not a primary record, against that record."""
    ref = primary_statement(registry, claim)
    if ref is None:
        return []
    out = []
    for st in claim.statements:
        source = registry.sources.get(st.source)
        if source is None or source.kind == PRIMARY:
            continue
        pair = compare_pair(ref, st, claim)
        out.append(Deviation(claim=claim.id, source=st.source, stated=show(st), primary=show(ref),
                             primary_source=ref.source, kind=pair.kind, gap=pair.gap, gap_pct=pair.gap_pct,
                             unit=claim.unit, quote=st.quote, line=st.line))
    return out


def scorecard(registry: Registry) -> list[Card]:
    """Per secondary source: how many of its figures agree with the primary records, agree within
    rounding, differ, or cannot be compared (another unit or subject)."""
    cards = {s.id: Card(source=s.id, kind=s.kind, publisher=s.publisher)
             for s in registry.sources.values() if s.kind != PRIMARY}
    for claim in registry.claims:
        for d in deviations_of(registry, claim):
            card = cards[d.source]
            card.counts[d.kind] += 1
            card.deviations.append(d)
    return list(cards.values())

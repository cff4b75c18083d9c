"""What the sources got wrong: every secondary statement measured against the primary record of its claim
(`dsfact compare`'s primary column, `dsfact audit`'s primary checks, `dsfact sources --scorecard`).

The pair rule is compare's (`compare.compare_pair`), so "agree", "within rounding" and "differ" mean
here what they mean everywhere else.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dsfact.compare import AGREE, DIFFER, NOT_COMPARABLE, WITHIN_ROUNDING, compare_pair, primary_statement, show
from dsfact.model import PRIMARY, Claim, Registry

SCHEMA_VERSION = 1
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


def deviation_to_dict(d: Deviation) -> dict:
    return {"claim": d.claim, "source": d.source, "stated": d.stated, "primary": d.primary,
            "primary_source": d.primary_source, "kind": d.kind, "gap": d.gap,
            "gap_pct": None if d.gap_pct is None else round(d.gap_pct, 3), "quote": d.quote, "line": d.line}


def scorecard_to_dict(cards: list[Card]) -> dict:
    """The JSON form (schema version 1, docs/registry.md)."""
    return {"version": SCHEMA_VERSION, "sources": [
        {"id": c.source, "kind": c.kind, "publisher": c.publisher, "checked": c.checked,
         **{k.replace(" ", "_"): c.counts[k] for k in OUTCOMES},
         "figures": [deviation_to_dict(d) for d in c.deviations]} for c in cards]}


def render_scorecard(registry: Registry, fmt: str, console) -> None:
    """`dsfact sources --scorecard`: a table (a row per source, then its differing figures) or JSON."""
    import json
    import sys

    from dsfact.compare import _gap_words

    cards = scorecard(registry)
    if fmt == "json":
        sys.stdout.write(json.dumps(scorecard_to_dict(cards), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table("Source", "Kind", "Checked", "Agree", "Within rounding", "Differ", "Not comparable",
                  title="Sources against the primary records", title_justify="left")
    for c in cards:
        table.add_row(c.source, c.kind, str(c.checked), str(c.counts[AGREE]), str(c.counts[WITHIN_ROUNDING]),
                      str(c.counts[DIFFER]), str(c.counts[NOT_COMPARABLE]))
    console.print(table)
    wrong = [d for c in cards for d in c.deviations if d.kind == DIFFER]
    if wrong:
        detail = Table("Source", "Claim", "Says", "Primary record", "Off by", title="Figures that differ",
                       title_justify="left")
        for d in wrong:
            detail.add_row(d.source, d.claim, escape(d.stated), f"{escape(d.primary)} ({d.primary_source})",
                           _gap_words(d.gap, d.gap_pct, d.unit))
        console.print(detail)

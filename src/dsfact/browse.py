"""`dsfact claims` and `dsfact sources`: the registry as tables (or JSON)."""
from __future__ import annotations

import json
import sys

from dsfact.errors import UsageError
from dsfact.model import Claim, Registry
from dsfact.quantity import format_value
from dsfact.registry.select import select_claims


def claim_to_dict(claim: Claim) -> dict:
    return {
        "id": claim.id, "topic": claim.topic, "subject": claim.subject, "metric": claim.metric,
        "unit": claim.unit, "time": claim.time, "group": claim.group, "variant": claim.variant,
        "statements": [
            {"source": st.source, "value": st.value, "unit": st.unit, "qualifier": st.qualifier, "high": st.high,
             "direction": st.direction, "quote": st.quote, "cite": st.cite, "attributed_to": st.attributed_to}
            for st in claim.statements
        ],
    }


def metric_with_variant(claim: Claim) -> str:
    """The metric, and the variant in brackets unless the metric already says it ("at the close")."""
    if claim.variant and claim.variant not in claim.metric:
        return f"{claim.metric} ({claim.variant})"
    return claim.metric


def render_claims(registry: Registry, query: str | None, fmt: str, console) -> None:
    chosen = select_claims(registry, query)
    if not chosen:
        raise UsageError(f"no claim matches {query!r} (try an id such as C01, a topic, or 'all')")
    if fmt == "json":
        sys.stdout.write(json.dumps([claim_to_dict(c) for c in chosen], ensure_ascii=False, indent=2) + "\n")
        return
    from rich.markup import escape
    from rich.table import Table

    if len(chosen) == 1:
        claim = chosen[0]
        extra = [x for x in (claim.time, claim.variant) if x and x not in claim.metric]
        console.print(f"[bold]{escape(claim.id)}[/bold] {escape(claim.subject)} — {escape(claim.metric)} "
                      f"({', '.join(escape(x) for x in [claim.unit, *extra])})")
        if claim.note:
            console.print(escape(claim.note))
        table = Table("Source", "Value", "Quote or citation", box=None, pad_edge=False)
        table.columns[2].overflow = "fold"
        for st in claim.statements:
            note = "; ".join(x for x in (f"attributed to {st.attributed_to}" if st.attributed_to else "", st.note or "") if x)
            quote = escape(st.evidence_text) + (f"\n[dim]{escape(note)}[/dim]" if note else "")
            table.add_row(st.source, format_value(st.value, st.unit, st.qualifier, st.high, None, st.direction,
                                                  short=True), quote)
        console.print(table)
        return
    table = Table("Id", "Topic", "Subject", "Metric", "Values by source")
    for claim in chosen:
        by_source: dict[str, list[str]] = {}
        for st in claim.statements:
            shown = format_value(st.value, st.unit, st.qualifier, st.high, None, st.direction, short=True)
            if shown not in by_source.setdefault(st.source, []):
                by_source[st.source].append(shown)
        values = "; ".join(f"{source} {', '.join(shown)}" for source, shown in by_source.items())
        table.add_row(claim.id, claim.topic, claim.subject, metric_with_variant(claim), values)
    console.print(table)


def _by_authority(registry: Registry) -> list:
    """Primary records first, then reports, then opinions; registry order within a kind."""
    return sorted(registry.sources.values(), key=lambda s: -s.authority)


def render_sources(registry: Registry, fmt: str, console) -> None:
    counts = {sid: 0 for sid in registry.sources}
    for claim in registry.claims:
        for st in claim.statements:
            counts[st.source] = counts.get(st.source, 0) + 1
    if fmt == "json":
        rows = [{"id": s.id, "kind": s.kind, "publisher": s.publisher, "title": s.title, "date": s.date,
                 "language": s.language, "file": s.file or None, "url": s.url, "statements": counts.get(s.id, 0)}
                for s in _by_authority(registry)]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    table = Table("Id", "Kind", "Publisher", "Date", "Lang", "Statements", "Title")
    for s in _by_authority(registry):
        table.add_row(s.id, s.kind, s.publisher, s.date, s.language, str(counts.get(s.id, 0)), s.title)
    console.print(table)

"""Render `dsfact claims` and `dsfact sources` (dsfact.browse): the registry as tables, or JSON."""
from __future__ import annotations

import json

from dsfact.browse import by_authority, metric_with_variant, statement_counts
from dsfact.model import Claim, Registry
from dsfact.quantity import format_value
from dsfact.render import captured
from dsfact.render.escape import markup as escape


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


def render_claims_json(claims: list[Claim]) -> str:
    return json.dumps([claim_to_dict(c) for c in claims], ensure_ascii=False, indent=2) + "\n"


def render_claims(claims: list[Claim], console) -> str:
    """One claim in full (its statements, quotes and notes), or a table of several."""
    from rich.table import Table

    if len(claims) == 1:
        claim = claims[0]
        extra = [x for x in (claim.time, claim.variant) if x and x not in claim.metric]
        head = (f"[bold]{escape(claim.id)}[/bold] {escape(claim.subject)} — {escape(claim.metric)} "
                f"({', '.join(escape(x) for x in [claim.unit, *extra])})")
        table = Table("Source", "Value", "Quote or citation", box=None, pad_edge=False)
        table.columns[2].overflow = "fold"
        for st in claim.statements:
            note = "; ".join(x for x in (f"attributed to {st.attributed_to}" if st.attributed_to else "", st.note or "") if x)
            quote = escape(st.evidence_text) + (f"\n[dim]{escape(note)}[/dim]" if note else "")
            table.add_row(escape(st.source), escape(format_value(st.value, st.unit, st.qualifier, st.high, None,
                                                                 st.direction, short=True)), quote)
        return captured(console, head, *([escape(claim.note)] if claim.note else []), table)
    table = Table("Id", "Topic", "Subject", "Metric", "Values by source")
    for claim in claims:
        by_source: dict[str, list[str]] = {}
        for st in claim.statements:
            shown = format_value(st.value, st.unit, st.qualifier, st.high, None, st.direction, short=True)
            if shown not in by_source.setdefault(st.source, []):
                by_source[st.source].append(shown)
        values = "; ".join(f"{source} {', '.join(shown)}" for source, shown in by_source.items())
        table.add_row(*(escape(x) for x in (claim.id, claim.topic, claim.subject, metric_with_variant(claim), values)))
    return captured(console, table)


def sources_to_dict(registry: Registry) -> list[dict]:
    counts = statement_counts(registry)
    return [{"id": s.id, "kind": s.kind, "publisher": s.publisher, "title": s.title, "date": s.date,
             "language": s.language, "file": s.file or None, "url": s.url, "statements": counts.get(s.id, 0)}
            for s in by_authority(registry)]


def render_sources_json(registry: Registry) -> str:
    return json.dumps(sources_to_dict(registry), ensure_ascii=False, indent=2) + "\n"


def render_sources(registry: Registry, console) -> str:
    """A row per source, primary records first: kind, publisher, date, language, statements, title."""
    from rich.table import Table

    counts = statement_counts(registry)
    table = Table("Id", "Kind", "Publisher", "Date", "Lang", "Statements", "Title")
    for s in by_authority(registry):
        table.add_row(*(escape(x) for x in (s.id, s.kind, s.publisher, s.date, s.language, str(counts.get(s.id, 0)),
                                            s.title)))
    return captured(console, table)

"""Render `dsfact sources --scorecard` (dsfact.scorecard): a table per source, then the figures that
differ from the primary records, or JSON. Pure: no analysis here."""
from __future__ import annotations

import json

from dsfact.compare import AGREE, DIFFER, NOT_COMPARABLE, WITHIN_ROUNDING, gap_words
from dsfact.render import captured
from dsfact.render.escape import markup as escape
from dsfact.scorecard import OUTCOMES, Card, Deviation

SCHEMA_VERSION = 1


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


def render_scorecard_json(cards: list[Card]) -> str:
    return json.dumps(scorecard_to_dict(cards), ensure_ascii=False, indent=2) + "\n"


def render_scorecard(cards: list[Card], console) -> str:
    """A row per source with its counts; then a row per figure that differs from its primary record."""
    from rich.table import Table

    table = Table("Source", "Kind", "Checked", "Agree", "Within rounding", "Differ", "Not comparable",
                  title="Sources against the primary records", title_justify="left")
    for c in cards:
        table.add_row(escape(c.source), escape(c.kind), str(c.checked), str(c.counts[AGREE]), str(c.counts[WITHIN_ROUNDING]),
                      str(c.counts[DIFFER]), str(c.counts[NOT_COMPARABLE]))
    out = [table]
    wrong = [d for c in cards for d in c.deviations if d.kind == DIFFER]
    if wrong:
        detail = Table("Source", "Claim", "Says", "Primary record", "Off by", title="Figures that differ",
                       title_justify="left")
        for d in wrong:
            detail.add_row(escape(d.source), escape(d.claim), escape(d.stated),
                           f"{escape(d.primary)} ({escape(d.primary_source)})", escape(gap_words(d.gap, d.gap_pct, d.unit)))
        out.append(detail)
    return captured(console, *out)

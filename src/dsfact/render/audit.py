"""Render a dsfact.audit.Audit: a Rich table and a summary line, or JSON. Pure: no analysis here."""
from __future__ import annotations

import json

from dsfact.audit import CONSISTENT, INCONSISTENT, NOT_COMPARABLE, VERDICTS, WITHIN_ROUNDING, Audit
from dsfact.render import captured
from dsfact.render.escape import markup as _esc

SCHEMA_VERSION = 1
VERDICT_STYLE = {CONSISTENT: "green", WITHIN_ROUNDING: "cyan", INCONSISTENT: "bold red", NOT_COMPARABLE: "yellow"}


def audit_to_dict(audit: Audit) -> dict:
    """The JSON form of an audit (schema version 1, docs/compare-audit.md)."""
    rows = []
    for r in audit.rows:
        rows.append({
            "check": r.check, "claim": r.claim, "subject": r.subject, "metric": r.metric, "source": r.source,
            "quote": r.quote, "line": r.line, "stated": r.stated, "formula": r.formula,
            "recomputed": r.recomputed, "recomputed_text": r.recomputed_text, "verdict": r.verdict,
            "gap": r.gap, "gap_text": r.gap_text, "reason": r.reason, "note": r.note,
            "inputs": [{"ref": i.ref, "text": i.text, "source": i.source, "quote": i.quote} for i in r.inputs],
        })
    return {"version": SCHEMA_VERSION, "registry": audit.registry, "rows": rows, "summary": audit.summary}


def render_audit_json(audit: Audit) -> str:
    return json.dumps(audit_to_dict(audit), ensure_ascii=False, indent=2) + "\n"


def summary_line(audit: Audit) -> str:
    counts = audit.summary
    n = len(audit.rows)
    return f"{n} check{'s' if n != 1 else ''}: " + ", ".join(f"{counts[v]} {v}" for v in VERDICTS)


def render_audit(audit: Audit, console) -> str:
    """One row per audited statement: the claim and the figure as the source states it, its quote, what
    it is measured against (recomputed, or another source's figure), the verdict and the gap."""
    from rich import box
    from rich.table import Table

    table = Table(title="dsfact audit: derived figures and the sources' own figures", title_justify="left",
                  box=box.SQUARE, show_lines=True)
    table.add_column("Claim", ratio=2, min_width=10, overflow="fold")
    table.add_column("Source says", ratio=3, min_width=14, overflow="fold")
    table.add_column("Against", ratio=3, min_width=14, overflow="fold")
    table.add_column("Verdict", ratio=2, min_width=12, overflow="fold")
    for r in audit.rows:
        claim = f"[bold]{_esc(r.claim)}[/bold] {_esc(r.subject)}\n[dim]{_esc(r.check)}[/dim]"
        says = f"{_esc(r.source)} [bold]{_esc(r.stated)}[/bold]\n{_esc(r.quote)}"
        if r.check == "relation" and not r.formula.startswith("same as"):
            against = f"{_esc(r.formula)}\n= [bold]{_esc(r.recomputed_text)}[/bold]"
        else:
            source = r.inputs[0].source if r.inputs else ""
            quote = f"\n{_esc(r.inputs[0].quote)}" if r.inputs and r.inputs[0].quote else ""
            against = f"{_esc(source or '')} [bold]{_esc(r.recomputed_text)}[/bold]{quote}\n[dim]{_esc(r.formula)}[/dim]"
        if r.note:
            against += f"\n[dim]{_esc(r.note)}[/dim]"
        style = VERDICT_STYLE[r.verdict]
        verdict = f"[{style}]{r.verdict}[/{style}]"
        if r.gap_text:
            verdict += f"\ngap {_esc(r.gap_text)}"
        if r.reason:
            verdict += f"\n{_esc(r.reason)}"
        table.add_row(claim, says, against, verdict)
    return captured(console, *([table] if audit.rows else []), summary_line(audit))

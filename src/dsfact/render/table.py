"""Rich tables for people at a terminal: the only module that imports rich for `check`."""
from __future__ import annotations

from dsfact.model import CONTRADICTED, DISPUTED, SUPPORTED, SUPPORTS, Finding, Registry, Report
from dsfact.quantity import format_value
from dsfact.render import summary_line

VERDICT_STYLE = {SUPPORTED: "green", CONTRADICTED: "bold red", DISPUTED: "yellow"}
SOURCE_COLUMN = 16  # "✓ $5.576M, <$6M" and its padding


def make_console(file=None, *, color: bool | None = None, width: int | None = None):
    """A console that writes no colour codes when output is not a terminal or NO_COLOR is set."""
    import os

    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR")) or color is False
    return Console(file=file, no_color=no_color, highlight=False, width=width,
                   force_terminal=True if color else None, soft_wrap=False)


def _cell(f: Finding, source: str) -> str:
    """A tick or cross and the source's value, shortest form ("✓ $5.6M")."""
    stance = f.sources.get(source)
    if stance is None:
        return ""
    values = []
    for st in f.evidence:
        value = short_value(st)
        if st.source == source and value not in values:
            values.append(value)
    mark, style = ("✓", "green") if stance == SUPPORTS else ("✗", "red")
    shown = ", ".join(values[:2]) + (" …" if len(values) > 2 else "")
    return f"[{style}]{mark}[/{style}] {shown}".rstrip()


def render_table(report: Report, registry: Registry, console) -> None:
    """A table per file: location, words, claim, verdict, and a column per source (stacked into one
    column when the terminal is too narrow for them); then a one-line summary."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    for result in report.files:
        if result.error:
            continue
        if not result.findings:
            console.print(f"{escape(result.path)}: no registered figures found")
            continue
        used = [s for s in registry.sources if any(s in f.sources for f in result.findings)]
        wide = console.width >= 44 + SOURCE_COLUMN * len(used)
        table = Table(title=escape(result.path), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("Where", no_wrap=True)
        table.add_column("Text", min_width=8, overflow="fold")
        table.add_column("Claim", no_wrap=True)
        table.add_column("Verdict", no_wrap=True)
        if wide:
            for source in used:
                table.add_column(source, overflow="fold")
        else:
            table.add_column("Sources", overflow="fold")
        for f in result.findings:
            loc = f"{f.location.line}:{f.location.column}" if f.location else ""
            style = VERDICT_STYLE[f.verdict]
            row = [loc, escape(f.text), f.claim, f"[{style}]{f.verdict}[/{style}]"]
            if wide:
                row += [_cell(f, s) for s in used]
            else:
                row.append("\n".join(f"{s} {_cell(f, s)}" for s in used if s in f.sources))
            table.add_row(*row)
        console.print(table)
    console.print(table_summary(report))


def table_summary(report: Report) -> str:
    """The shared summary line, and how many files could not be read (their errors went to stderr)."""
    errors = sum(1 for r in report.files if r.error)
    return summary_line(report) + (f", {errors} not readable" if errors else "")


def short_value(st) -> str:
    return format_value(st.value, st.unit, st.qualifier, st.high, None, st.direction, short=True)

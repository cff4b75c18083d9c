"""Rich tables for people at a terminal: the only module that imports rich for `check`."""
from __future__ import annotations

from dsfact.model import CONTRADICTED, DISPUTED, SUPPORTED, SUPPORTS, Registry, Report

VERDICT_STYLE = {SUPPORTED: "green", CONTRADICTED: "bold red", DISPUTED: "yellow"}


def make_console(file=None, *, color: bool | None = None, width: int | None = None):
    """A console that writes no colour codes when output is not a terminal or NO_COLOR is set."""
    import os

    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR")) or color is False
    return Console(file=file, no_color=no_color, highlight=False, width=width,
                   force_terminal=True if color else None, soft_wrap=False)


def render_table(report: Report, registry: Registry, console) -> None:
    """A table per file: location, words, claim, verdict, and a column per source; then a summary."""
    from rich.table import Table

    for result in report.files:
        if result.error:
            continue
        if not result.findings:
            console.print(f"{result.path}: no registered figures found")
            continue
        used = [s for s in registry.sources if any(s in f.sources for f in result.findings)]
        table = Table(title=result.path, title_justify="left", show_lines=False, expand=False)
        table.add_column("Where", no_wrap=True)
        table.add_column("Text")
        table.add_column("Claim", no_wrap=True)
        table.add_column("Verdict", no_wrap=True)
        for source in used:
            table.add_column(source)
        for f in result.findings:
            loc = f"{f.location.line}:{f.location.column}" if f.location else ""
            cells = []
            for source in used:
                stance = f.sources.get(source)
                shown = {e[1] for e in f.evidence if e[0] == source}
                value = ", ".join(sorted(shown))
                if stance is None:
                    cells.append("")
                else:
                    mark = "✓" if stance == SUPPORTS else "✗"
                    style = "green" if stance == SUPPORTS else "red"
                    cells.append(f"[{style}]{mark}[/{style}] {value}" if value else mark)
            verdict = f"[{VERDICT_STYLE[f.verdict]}]{f.verdict}[/{VERDICT_STYLE[f.verdict]}]"
            table.add_row(loc, _escape(f.text), f.claim, verdict, *cells)
        console.print(table)
    s = report.summary
    files = len(report.files)
    console.print(
        f"{files} file{'s' if files != 1 else ''}: {s[SUPPORTED]} supported, {s[CONTRADICTED]} contradicted, "
        f"{s[DISPUTED]} disputed"
    )


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)

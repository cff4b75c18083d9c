"""Render a dsfact.compare.Comparison: a Rich table (a column per source where the terminal is wide
enough, a line per source where it is not), bar charts, or JSON. Pure: no analysis here."""
from __future__ import annotations

import json
import re

from dsfact.compare import (
    AGREE,
    DIFFER,
    NOT_COMPARABLE,
    WITHIN_ROUNDING,
    Chart,
    Comparison,
    Row,
    Said,
    bar_length,
    deviation_words,
)
from dsfact.render import captured
from dsfact.render.escape import markup as _esc

SCHEMA_VERSION = 1

KIND_STYLE = {AGREE: "green", WITHIN_ROUNDING: "green", DIFFER: "bold red", NOT_COMPARABLE: "yellow", "single": "dim"}
SOURCE_COLUMN = 18  # cells a source column needs to keep a Chinese quote readable
EIGHTHS = " ▏▎▍▌▋▊▉"


def comparison_to_dict(comparison: Comparison) -> dict:
    """The JSON form of a comparison (schema version 1, docs/compare-audit.md)."""
    def said(s: Said) -> dict:
        return {"quote": s.quote, "value": s.value, "unit": s.unit, "text": s.text, "qualifier": s.qualifier,
                "high": s.high, "attributed_to": s.attributed_to}

    rows = []
    for r in comparison.rows:
        a = r.agreement
        rows.append({
            "claim": r.claim, "topic": r.topic, "subject": r.subject, "metric": r.metric, "unit": r.unit,
            "time": r.time, "variant": r.variant,
            "cells": {source: [said(s) for s in items] for source, items in r.cells.items()},
            "primary": ({"source": r.primary_source, **said(r.primary)} if r.primary is not None else None),
            "deviation": {source: [{"kind": p.kind, "gap": p.gap,
                                    "gap_pct": None if p.gap_pct is None else round(p.gap_pct, 3),
                                    "words": deviation_words(p, r.unit)} for p in pairs]
                          for source, pairs in r.deviations.items()},
            "agreement": {"kind": a.kind, "label": a.label, "sources": a.sources, "gap": a.gap,
                          "gap_pct": None if a.gap_pct is None else round(a.gap_pct, 3), "reason": a.reason,
                          "siblings": [{"claim": s.claim, "says": s.text, "reason": s.reason} for s in a.siblings]},
        })
    charts = [{"unit": c.unit, "title": c.title, "log": c.log,
               "bars": [{"claim": b.claim, "label": b.label, "value": b.text if c.unit == "date" else b.value,
                         "high": b.high, "qualifier": b.qualifier, "text": b.text} for b in c.bars]}
              for c in comparison.charts]
    return {"version": SCHEMA_VERSION, "topic": comparison.topic,
            "sources": [{"id": i, "publisher": p, "primary": i in comparison.records} for i, p in comparison.sources],
            "rows": rows, "charts": charts}


def render_comparison_json(comparison: Comparison) -> str:
    return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n"


def _claim_cell(row: Row) -> str:
    extra = ", ".join(x for x in (row.variant, row.time) if x and x not in row.metric)
    return f"[bold]{_esc(row.claim)}[/bold] {_esc(row.subject)}\n[dim]{_esc(row.metric)}{f' ({_esc(extra)})' if extra else ''}[/dim]"


def _said_lines(items, deviations=()):
    parts = []
    for i, s in enumerate(items):
        who = ""
        if s.attributed_to == "unnamed":
            who = " [dim]· subject not named[/dim]"
        elif s.attributed_to:
            who = f" [dim]· said of {_esc(s.attributed_to)}[/dim]"
        off = ""
        if i < len(deviations):
            pair = deviations[i]
            style = "red" if pair.kind == DIFFER else "dim"
            off = f"\n[{style}]{_esc(deviation_words(pair, s.unit))}[/{style}]"
        parts.append(f"[bold]{_esc(s.text)}[/bold]{who}{off}\n{_esc(s.quote)}")
    return KeepFigures("\n".join(parts))


# Where a line of a quote may break: between words, between CJK characters, never inside a figure with
# its scale word and currency ("557.6萬美元", "$5.6 million" breaks only at its space).
_UNIT = re.compile(r"[$＄€£¥]?[0-9０-９][0-9０-９.,，．]*(?:\s?[萬万億亿兆千百十]+)?(?:美元|港元|港幣|人民幣|元)?[%％]?"
                   r"|[A-Za-z][A-Za-z'’\-]*|\s+|.", re.S)


class KeepFigures:
    """A table cell (markup) that wraps between words and CJK characters but never inside a figure:
    Rich alone folds a run of CJK text at any character, digits included."""

    def __init__(self, markup: str) -> None:
        from rich.text import Text

        self.text = Text.from_markup(markup)

    def _units(self, line: str) -> list[tuple[int, int]]:
        return [m.span() for m in _UNIT.finditer(line)]

    def __rich_measure__(self, console, options):
        from rich.cells import cell_len
        from rich.measure import Measurement

        lines = self.text.plain.split("\n")
        widest_unit = max((cell_len(line[a:b]) for line in lines for a, b in self._units(line)
                           if not line[a:b].isspace()), default=1)
        widest_line = max((cell_len(line) for line in lines), default=1)
        return Measurement(min(widest_unit, options.max_width), min(widest_line, options.max_width))

    def __rich_console__(self, console, options):
        from rich.cells import cell_len
        from rich.text import Text

        width = max(1, options.max_width)
        out = []
        for line in self.text.split("\n"):
            plain = line.plain
            breaks, used = [], 0
            for a, b in self._units(plain):
                piece = plain[a:b]
                size = cell_len(piece)
                if used and used + size > width and not piece.isspace():
                    breaks.append(a)
                    used = 0
                used += 0 if (used == 0 and piece.isspace() and breaks) else size
            pieces = line.divide(breaks) if breaks else [line]
            out.extend(p.rstrip() or p for p in pieces)
        yield Text("\n").join(out)


def _agreement_cell(row: Row) -> str:
    a = row.agreement
    style = KIND_STYLE.get(a.kind, "")
    head, sep, rest = a.label.partition("; ")
    text = f"[{style}]{_esc(head)}[/{style}]" if style else _esc(head)
    if sep:
        text += "\n" + "\n".join(f"[yellow]{_esc(x)}[/yellow]" if x.startswith("not comparable") else _esc(x)
                                 for x in rest.split("; "))
    return text


def wide_enough(comparison: Comparison, width: int) -> bool:
    """A column per source fits: claim and agreement columns, and SOURCE_COLUMN cells per source."""
    n = len(comparison.sources) - len(comparison.records) + (1 if comparison.records else 0)
    return width >= 18 + 18 + n * SOURCE_COLUMN + 3 * (n + 2) + 1


def comparison_table(comparison: Comparison, width: int):
    """The comparison as one Rich table, laid out for a terminal `width` cells wide."""
    from rich import box
    from rich.table import Table

    title = f"dsfact compare {_esc(comparison.topic)}: {len(comparison.rows)} claim{'s' if len(comparison.rows) != 1 else ''}"
    if wide_enough(comparison, width):
        table = Table(title=title, title_justify="left", box=box.SQUARE, show_lines=True)
        table.add_column("Claim", ratio=2, min_width=14, overflow="fold")
        if comparison.records:
            table.add_column("Primary record", ratio=3, min_width=12, overflow="fold")
        others = [source for source, _ in comparison.sources if source not in comparison.records]
        for source in others:
            table.add_column(_esc(source), ratio=3, min_width=12, overflow="fold")
        table.add_column("Agreement", ratio=2, min_width=14, overflow="fold")
        for row in comparison.rows:
            cells = [_primary_cell(row)] if comparison.records else []
            cells += [_said_lines(row.cells.get(source, ()), row.deviations.get(source, ())) for source in others]
            table.add_row(_claim_cell(row), *cells, _agreement_cell(row))
        return table
    # narrow: a line per source under each claim
    table = Table(title=title, title_justify="left", box=box.SQUARE, expand=True)
    table.add_column("Claim", ratio=5, min_width=12, overflow="fold")
    table.add_column("Source", no_wrap=True)
    table.add_column("What it says", ratio=8, min_width=16, overflow="fold")
    table.add_column("Agreement", ratio=5, min_width=12, overflow="fold")
    for row in comparison.rows:
        sources = [s for s in row.cells if s not in comparison.records]
        lines = ([("primary", _primary_cell(row))] if row.primary is not None else [])
        lines += [(s, _said_lines(row.cells[s], row.deviations.get(s, ()))) for s in sources]
        for i, (source, said) in enumerate(lines):
            last = i == len(lines) - 1
            table.add_row(_claim_cell(row) if i == 0 else "", _esc(source), said,
                          _agreement_cell(row) if i == 0 else "", end_section=last)
    return table


def _primary_cell(row: Row) -> str:
    if row.primary is None:
        return ""
    return KeepFigures(f"[bold]{_esc(row.primary.text)}[/bold] [dim]{_esc(row.primary_source or '')}[/dim]\n"
                       f"{_esc(row.primary.quote)}")


def chart_table(chart: Chart, width: int):
    """One chart: a line per claim with its label, a bar of block characters, and the figure."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table

    label_width = min(max(cell_len(b.label) for b in chart.bars), 26)
    text_width = max(cell_len(b.text) for b in chart.bars)
    bar_width = max(10, width - label_width - text_width - 9)
    top = max(b.high or b.value for b in chart.bars)
    low = min(b.value for b in chart.bars)
    table = Table(title=_esc(chart.title), title_justify="left", box=box.SIMPLE, show_header=False, pad_edge=False)
    table.add_column("label", max_width=label_width, overflow="ellipsis", no_wrap=True)
    table.add_column("bar", no_wrap=True, width=bar_width)
    table.add_column("value", no_wrap=True)
    if chart.unit == "date":
        for b in chart.bars:
            table.add_row(_esc(b.label), f"[cyan]{timeline_mark(b.value, low, top, bar_width)}[/cyan]", _esc(b.text))
        return table
    for b in chart.bars:
        solid = bar_length(b.value, low, top, bar_width - 1, chart.log)  # a cell kept for ▸
        bar = _blocks(solid)
        if b.high is not None:  # a range: solid to the low end, shaded to the high end
            reach = bar_length(b.high, low, top, bar_width, chart.log)
            bar = "█" * int(solid) + "░" * max(1, int(round(reach - int(solid))))
        elif b.qualifier in ("more than",):
            bar += "▸"
        table.add_row(_esc(b.label), f"[cyan]{bar}[/cyan]", _esc(b.text))
    return table


def timeline_mark(day: float, first: float, last: float, width: int) -> str:
    """A timeline row: a dotted axis with ● where `day` falls between the first and last dates."""
    span = last - first
    at = 0 if span <= 0 else int(round((day - first) / span * (width - 1)))
    return "·" * at + "●" + "·" * (width - 1 - at)


def _blocks(length: float) -> str:
    whole = int(length)
    eighth = int(round((length - whole) * 8))
    if eighth == 8:
        whole, eighth = whole + 1, 0
    return "█" * whole + (EIGHTHS[eighth] if eighth else "")


def render_comparison(comparison: Comparison, console, *, chart: bool = False) -> str:
    """The comparison table, and with chart=True its bar charts (beside it where they fit), as text for
    `console` (its width and colours)."""
    return captured(console, *comparison_renderables(comparison, console, chart=chart))


def comparison_renderables(comparison: Comparison, console, *, chart: bool = False) -> list:
    """What render_comparison draws, one Rich renderable (or string) per print."""
    width = console.width
    table = comparison_table(comparison, width)
    charts = [chart_table(c, min(width, 90)) for c in comparison.charts] if chart else []
    if charts and width >= 200:
        from rich.console import Group
        from rich.measure import Measurement
        from rich.table import Table

        side = Group(*charts)
        chart_width = max(Measurement.get(console, console.options, c).maximum for c in charts)
        grid = Table.grid(padding=(0, 2))
        grid.add_column(ratio=1)
        grid.add_column(width=min(chart_width, 90))
        grid.add_row(table, side)
        return [grid]
    out = [table, *charts]
    if chart and not comparison.charts:
        out.append("no two claims here share a unit or are dates: nothing to chart")
    return out

"""Renderers: pure functions from a Report to text; the only place output formats live."""
from __future__ import annotations


def summary_line(report) -> str:
    """"2 files: 5 supported, 1 contradicted, 0 disputed": the last line of every text format."""
    s = report.summary
    files = len(report.files)
    return (f"{files} file{'s' if files != 1 else ''}: {s['supported']} supported, "
            f"{s['contradicted']} contradicted, {s['disputed']} disputed")

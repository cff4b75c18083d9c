"""One line per finding, as linters print them: path:line:col: verdict claim: message."""
from __future__ import annotations

from dsfact.model import Report


def render_lines(report: Report) -> str:
    out = []
    for result in report.files:
        for f in result.findings:
            loc = f.location
            out.append(f"{result.path}:{loc.line}:{loc.column}: {f.verdict} {f.claim}: {f.message}")
    s = report.summary
    out.append(f"{len(report.files)} file{'s' if len(report.files) != 1 else ''}: {s['supported']} supported, "
               f"{s['contradicted']} contradicted, {s['disputed']} disputed")
    return "\n".join(out) + "\n"

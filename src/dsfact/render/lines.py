"""One line per finding, as linters print them: path:line:col: verdict claim: message."""
from __future__ import annotations

from dsfact.model import Report
from dsfact.render import summary_line


def render_lines(report: Report) -> str:
    out = []
    for result in report.files:
        for f in result.findings:
            loc = f.location
            out.append(f"{result.path}:{loc.line}:{loc.column}: {f.verdict} {f.claim}: {f.message}")
    out.append(summary_line(report))
    return "\n".join(out) + "\n"

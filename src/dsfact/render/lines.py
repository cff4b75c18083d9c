"""One line per finding, as linters print them: path:line:col: severity: verdict claim: message.

With colour (a terminal, or --color always), the location is bold and the verdict coloured as in the
table: plain ANSI codes, so `check --format lines` still imports no Rich.
"""
from __future__ import annotations

from dsfact.model import CONTRADICTED, DISPUTED, SUPPORTED, FileResult, Report, Severity
from dsfact.render import summary_line
from dsfact.render.escape import visible

BOLD, RESET = "\x1b[1m", "\x1b[0m"
VERDICT_COLOR = {CONTRADICTED: "\x1b[1;31m", DISPUTED: "\x1b[33m", SUPPORTED: "\x1b[32m"}
SEVERITY_COLOR = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[2m"}


def render_file_lines(result: FileResult, *, color: bool = False) -> str:
    """The lines of one file's findings (nothing for a file without findings)."""
    out = []
    path = visible(result.path)  # a line feed or ESC in a name must not start a line or move the cursor
    for f in result.findings:
        loc = f.location
        where = f"{path}:{loc.line}:{loc.column}:"
        verdict = f.verdict
        severity = f"{f.severity}:"
        if color:
            where = f"{BOLD}{where}{RESET}"
            verdict = f"{VERDICT_COLOR.get(verdict, '')}{verdict}{RESET}"
            severity = f"{SEVERITY_COLOR.get(f.severity, '')}{severity}{RESET}"
        out.append(f"{where} {severity} {verdict} {visible(f.claim)}: {visible(f.message)}\n")
    return "".join(out)


def render_lines(report: Report, *, color: bool = False) -> str:
    return "".join(render_file_lines(r, color=color) for r in report.files) + summary_line(report) + "\n"

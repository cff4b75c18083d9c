"""GitHub Actions workflow commands: an annotation on the pull request per finding that matters.

    ::error file=draft.md,line=4,col=61,endLine=4,endColumn=66,title=dsfact C07 contradicted::4,096 disagrees…

The level is the finding's severity (error or warning); a supported (info) figure is not annotated (it needs no
one's attention, and GitHub shows only the first ten annotations of each level per step). A file that
could not be read is an error annotation on the file. A last plain line sums up, as in `--format lines`.
"""
from __future__ import annotations

from dsfact.model import FileResult, Report, Severity
from dsfact.render import summary_line
from dsfact.render.escape import github_data, github_property

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


escape_data = github_data  # the names these had before dsfact.render.escape
escape_property = github_property


def annotation_path(path: str) -> str:
    """Paths as GitHub matches them against the repository: forward slashes, no leading './'."""
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def render_file_github(result: FileResult) -> str:
    """The annotations of one file (nothing for a file whose figures are all supported)."""
    out = []
    path = annotation_path(result.path)
    if result.error:
        return (f"::error file={escape_property(path)},title={escape_property('dsfact: unreadable')}::"
                f"{escape_data(result.error)}\n")
    for f in result.findings:
        level = LEVEL.get(f.severity)
        if level is None:
            continue
        loc = f.location
        props = [f"file={escape_property(path)}"]
        if loc is not None:
            props += [f"line={loc.line}", f"col={loc.column}", f"endLine={loc.end_line}",
                      f"endColumn={loc.end_column}"]
        props.append(f"title={escape_property(f'dsfact {f.claim} {f.verdict}')}")
        out.append(f"::{level} {','.join(props)}::{escape_data(f.message)}\n")
    return "".join(out)


def github_summary(report: Report) -> str:
    return f"dsfact: {summary_line(report)}\n"


def render_github(report: Report) -> str:
    return "".join(render_file_github(r) for r in report.files) + github_summary(report)

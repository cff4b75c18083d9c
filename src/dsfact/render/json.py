"""The JSON report (schema version 1, documented in README.md)."""
from __future__ import annotations

import json

from dsfact.model import FileResult, Finding, Notice, Report
from dsfact.render.escape import json_text

SCHEMA_VERSION = 1


def finding_to_dict(f: Finding) -> dict:
    loc = f.location
    return {
        "line": loc.line if loc else None,
        "column": loc.column if loc else None,
        "end_line": loc.end_line if loc else None,
        "end_column": loc.end_column if loc else None,
        "text": f.text,
        "claim": f.claim,
        "value": f.value,
        "unit": f.unit,
        "direction": f.quantity.direction,
        "qualifier": f.quantity.qualifier,
        "verdict": f.verdict,
        "severity": str(f.severity),
        "sources": dict(sorted(f.sources.items())),
        "settled_by": sorted(f.decided_by),
        "message": f.message,
    }


def notice_to_dict(notice: Notice) -> dict:
    """A warning about the file (an unused suppression, an empty file): where, what kind, and the words."""
    return {"code": str(notice.code), "line": notice.line, "column": notice.column, "message": notice.message}


def run_notice_to_dict(notice: Notice) -> dict:
    """A warning about the run rather than one file (the registry's unknown keys): the file it is in too."""
    return {"code": str(notice.code), "path": json_text(notice.path), "line": notice.line, "column": notice.column,
            "message": json_text(notice.message)}


def file_to_dict(result: FileResult) -> dict:
    """A checked file carries its findings and warnings; a file that could not be read carries its error
    instead."""
    path = json_text(result.path)  # a name that is not UTF-8 is written escaped: the document stays valid
    if result.error:
        return {"path": path, "error": json_text(result.error)}
    return {"path": path, "findings": [finding_to_dict(f) for f in result.findings],
            "warnings": [notice_to_dict(w) for w in result.warnings]}


def render_json(report: Report, *, summary_of: Report | None = None, statistics: bool = False) -> str:
    """One JSON document for the whole run. `summary_of` is the report the summary counts (the whole
    run, when --quiet left supported findings out of `report`); with `statistics`, the counts per
    claim and verdict too."""
    doc = {
        "version": SCHEMA_VERSION,
        "files": [file_to_dict(r) for r in report.files],
        "summary": (summary_of or report).summary,
    }
    if report.warnings:  # only when there are any: most runs have none, and their documents stay as they were
        doc["warnings"] = [run_notice_to_dict(w) for w in report.warnings]
    if statistics:
        from dsfact.render import statistics_rows

        doc["statistics"] = [{"claim": c, "verdict": v, "count": n} for c, v, n in statistics_rows(summary_of or report)]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_jsonl_file(result: FileResult) -> str:
    """One line per file, for streaming over an archive."""
    return json.dumps({"version": SCHEMA_VERSION, **file_to_dict(result)}, ensure_ascii=False) + "\n"

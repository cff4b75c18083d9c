"""The JSON report (schema version 1, documented in README.md)."""
from __future__ import annotations

import json

from dsfact.model import FileResult, Finding, Report

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
        "qualifier": f.quantity.qualifier,
        "verdict": f.verdict,
        "sources": dict(sorted(f.sources.items())),
        "message": f.message,
    }


def file_to_dict(result: FileResult) -> dict:
    entry: dict = {"path": result.path, "findings": [finding_to_dict(f) for f in result.findings]}
    if result.error:
        entry["error"] = result.error
    return entry


def render_json(report: Report) -> str:
    """One JSON document for the whole run."""
    doc = {
        "version": SCHEMA_VERSION,
        "files": [file_to_dict(r) for r in report.files],
        "summary": report.summary,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_jsonl_file(result: FileResult) -> str:
    """One line per file, for streaming over an archive."""
    return json.dumps({"version": SCHEMA_VERSION, **file_to_dict(result)}, ensure_ascii=False) + "\n"

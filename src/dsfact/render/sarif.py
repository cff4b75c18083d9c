"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, VS Code's SARIF viewer).

One run; the driver is dsfact with its version; one rule per claim that has a result, in registry
order, its help giving every source's value and quote. A result per finding whose severity is
`error` or `warning` (its level). Supported figures (`info`) are left out: a SARIF result is a problem
to look at, and code scanning would open an alert for every correct figure. Columns count Unicode
code points (`columnKind`), as dsfact's locations do. A file that could not be read is a tool
execution notification. No timestamps, no absolute paths of the machine, keys and lists in a fixed
order: the same input gives the same bytes. A warning about a file (an unused suppression, an
empty file) is a notification of level `warning`, its `descriptor` the warning's code.
"""
from __future__ import annotations

import hashlib
import json
import posixpath

from dsfact.model import Claim, Notice, Registry, Report, Severity
from dsfact.render.escape import json_text, uri_path

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def artifact_uri(path: str) -> str:
    """A relative URI reference for a path as given (forward slashes, percent-encoded from the bytes of
    the name, so a name that is not UTF-8 or holds a control character is a valid URI); an absolute path
    becomes a file: URI."""
    posix = path.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 2 and posix[1] == ":" and posix[2] == "/"):
        from pathlib import PurePath

        return PurePath(path).as_uri()
    return uri_path(posixpath.normpath(posix))


def _rule(claim: Claim, registry: Registry | None) -> dict:
    from dsfact.quantity import format_value

    what = f"{claim.subject} — {claim.metric}"
    lines = [f"{what}. What the sources say:"]
    for st in claim.statements:
        source = registry.sources.get(st.source) if registry else None
        publisher = f" ({source.publisher}, {source.date})" if source and source.date else ""
        value = format_value(st.value, st.unit, st.qualifier, st.high, None, st.direction)
        where = f"“{st.quote}”" if st.quote else f"[{st.cite}]"
        lines.append(f"- {st.source}{publisher}: {value} — {where}")
    rule = {
        "id": claim.id,
        "shortDescription": {"text": what},
        "fullDescription": {"text": f"{what} ({claim.unit}{', ' + claim.time if claim.time else ''})"},
        "help": {"text": "\n".join(lines)},
        "properties": {"topic": claim.topic, "tags": ["fact-check", claim.topic]},
    }
    return rule


def _fingerprint(uri: str, claim: str, text: str, seen: dict) -> str:
    key = (uri, claim, text)
    seen[key] = seen.get(key, 0) + 1
    digest = hashlib.sha256("\0".join((uri, claim, text, str(seen[key]))).encode("utf-8")).hexdigest()
    return digest[:32]


def _notification(notice: Notice, path: str) -> dict:
    """A warning (an unused suppression, an empty file) as a tool execution notification: a remark on the
    run, not a result, so code scanning opens no alert for it."""
    location: dict = {"artifactLocation": {"uri": artifact_uri(notice.path or path)}}
    if notice.line:
        location["region"] = {"startLine": notice.line, **({"startColumn": notice.column} if notice.column else {})}
    return {"level": "warning", "message": {"text": json_text(notice.message)}, "descriptor": {"id": str(notice.code)},
            "locations": [{"physicalLocation": location}]}


def build_sarif(report: Report, registry: Registry | None = None) -> dict:
    """The SARIF log as a dict."""
    from dsfact import __version__

    reported = [(r, f) for r in report.files if not r.error for f in r.findings if f.severity in LEVEL]
    wanted = {f.claim for _, f in reported}
    claims: list[Claim] = []
    if registry is not None:
        claims = [c for c in registry.claims if c.id in wanted]
    known = {c.id for c in claims}
    rules = [_rule(c, registry) for c in claims]
    rules += [{"id": cid, "shortDescription": {"text": cid}} for cid in sorted(wanted - known)]
    index = {rule["id"]: i for i, rule in enumerate(rules)}

    results = []
    seen: dict = {}
    for result, f in reported:
        uri = artifact_uri(result.path)
        region: dict = {}
        if f.location is not None:
            loc = f.location
            region = {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line,
                      "endColumn": loc.end_column, "snippet": {"text": f.text}}
        results.append({
            "ruleId": f.claim,
            "ruleIndex": index[f.claim],
            "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, **({"region": region} if region else {})}}],
            "partialFingerprints": {"dsfactFinding/v1": _fingerprint(uri, f.claim, f.text, seen)},
            "properties": {
                "verdict": f.verdict,
                "severity": str(f.severity),
                "value": f.value,
                "unit": f.unit,
                "sources": dict(sorted(f.sources.items())),
            },
        })

    notifications = [
        {"level": "error", "message": {"text": json_text(r.error)},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}]}
        for r in report.files if r.error
    ]
    failed = bool(notifications)
    notifications += [_notification(w, w.path) for w in report.warnings]  # the registry's, about the run
    notifications += [_notification(w, r.path) for r in report.files if not r.error for w in r.warnings]
    invocation: dict = {"executionSuccessful": not failed}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {"name": "dsfact", "version": __version__, "semanticVersion": __version__,
                            "rules": rules}},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report, registry: Registry | None = None) -> str:
    return json.dumps(build_sarif(report, registry), ensure_ascii=False, indent=2) + "\n"

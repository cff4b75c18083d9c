"""The output formats: golden files for each (byte for byte), SARIF against the 2.1.0 schema, the
workflow-command escaping of GitHub annotations.

Regenerate the golden files after a deliberate change of output with

    DSFACT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_formats.py

and read the diff before committing it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dsfact.cli import main
from dsfact.model import (
    CONTRADICTED,
    DISPUTED,
    SUPPORTED,
    FileResult,
    Finding,
    Location,
    Quantity,
    Report,
    Severity,
)

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
DRAFT = "tests/fixtures/newsroom/tunnel.md"  # relative: golden output must not hold the machine's paths
REGISTRY = "tests/fixtures/newsroom/registry/newsroom.yaml"
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"

FORMATS = {"table": "tunnel.table.txt", "json": "tunnel.json", "lines": "tunnel.lines.txt",
           "github": "tunnel.github.txt", "sarif": "tunnel.sarif", "jsonl": "tunnel.jsonl"}


def run_format(fmt: str, capsys, monkeypatch, *paths: str) -> tuple[int, str, str]:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    code = main(["check", "--format", fmt, "--registry", REGISTRY, "--no-config", *(paths or (DRAFT,))])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(fmt, capsys, monkeypatch):
    code, out, err = run_format(fmt, capsys, monkeypatch)
    assert code == 1, err  # one contradicted figure
    golden = GOLDEN / FORMATS[fmt]
    if os.environ.get("DSFACT_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(out.encode("utf-8"))
    assert golden.exists(), f"{golden} is missing: run with DSFACT_UPDATE_GOLDEN=1 to write it"
    assert out.encode("utf-8") == golden.read_bytes(), f"{fmt} output differs from {golden.name}"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_same_input_same_bytes(fmt, capsys, monkeypatch):
    first = run_format(fmt, capsys, monkeypatch)[1]
    second = run_format(fmt, capsys, monkeypatch)[1]
    assert first == second


def test_golden_paths_are_relative():
    for name in FORMATS.values():
        text = (GOLDEN / name).read_text(encoding="utf-8")
        assert str(ROOT) not in text, name
        assert "\\" not in text.replace("\\n", "").replace('\\"', ""), name


# --- SARIF -----------------------------------------------------------------------------------------

def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_sarif_validates_against_the_2_1_0_schema(capsys, monkeypatch):
    code, out, _ = run_format("sarif", capsys, monkeypatch)
    doc = json.loads(out)
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_the_schema_rejects_a_broken_log():
    validator = _validator()
    assert not validator.is_valid({"version": "2.1.0"})  # no runs
    assert not validator.is_valid({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})  # driver name
    bad_region = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
        {"message": {"text": "m"}, "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "a.md"}, "region": {"startLine": 0}}}]}]}]}
    assert not validator.is_valid(bad_region)


def test_sarif_shape(capsys, monkeypatch):
    doc = json.loads(run_format("sarif", capsys, monkeypatch)[1])
    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "dsfact"
    from dsfact import __version__

    assert driver["version"] == __version__
    # one rule per claim with a result, in registry order; supported figures are not results
    assert [r["id"] for r in driver["rules"]] == ["N02", "N03"]
    assert driver["rules"][0]["shortDescription"]["text"] == "Harbour Tunnel — workers employed at the height of the works"
    assert "wire: 1,200" in driver["rules"][0]["help"]["text"] or "wire (City Wire" in driver["rules"][0]["help"]["text"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("N03", "warning"), ("N02", "error")]
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    loc = results[1]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == DRAFT
    assert loc["region"] == {"startLine": 10, "startColumn": 49, "endLine": 10, "endColumn": 54,
                             "snippet": {"text": "1,500"}}
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert not [k for k in _keys(doc) if "Time" in k or "Utc" in k or "guid" in k.lower()]


def _keys(node):
    if isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from _keys(v)
    elif isinstance(node, list):
        for v in node:
            yield from _keys(v)


def test_sarif_columns_count_code_points(capsys, monkeypatch):
    # The line "The 海底隧道 (Harbour Tunnel) cost $2.4 billion..." puts four CJK characters before
    # the figure: a UTF-16 or UTF-8 count would differ from the code-point column 32.
    monkeypatch.chdir(ROOT)
    from dsfact.registry import load_registries
    from dsfact.render.sarif import build_sarif
    from dsfact.run import check_one

    registry = load_registries((REGISTRY,))
    result = check_one(DRAFT, registry)
    supported = [f for f in result.findings if f.verdict == SUPPORTED]
    assert [(f.location.line, f.location.column) for f in supported] == [(9, 32)]
    line = (ROOT / DRAFT).read_text(encoding="utf-8").splitlines()[8]
    assert line[31:31 + len("$2.4 billion")] == "$2.4 billion"
    doc = build_sarif(Report([result]), registry)
    assert doc["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_sarif_reports_unreadable_files_as_notifications():
    from dsfact.render.sarif import build_sarif

    doc = build_sarif(Report([FileResult(path="drafts/scan.pdf", error="binary file (PDF)")]), None)
    (invocation,) = doc["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == "binary file (PDF)"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/scan.pdf"
    assert _validator().is_valid(doc)


def test_sarif_uris():
    from dsfact.render.sarif import artifact_uri

    assert artifact_uri("drafts/a.md") == "drafts/a.md"
    assert artifact_uri("./drafts/../a.md") == "a.md"
    assert artifact_uri("drafts\\win.md") == "drafts/win.md"
    assert artifact_uri("稿件/初稿 1.md") == "%E7%A8%BF%E4%BB%B6/%E5%88%9D%E7%A8%BF%201.md"
    assert artifact_uri("/srv/news/a.md") == "file:///srv/news/a.md"


# --- GitHub annotations ----------------------------------------------------------------------------

def _finding(verdict: str, message: str, claim: str = "C25", severity: Severity | None = None) -> Finding:
    q = Quantity(text="$589 billion", start=0, end=12, value=589e9, unit="USD")
    if severity is None:
        severity = {CONTRADICTED: Severity.ERROR, DISPUTED: Severity.WARNING}.get(verdict, Severity.INFO)
    return Finding(start=0, end=12, text=q.text, claim=claim, value=q.value, unit="USD", verdict=verdict,
                   sources={}, message=message, quantity=q, location=Location(3, 5, 3, 17), severity=severity)


def test_github_levels_and_escaping():
    from dsfact.render.github import render_github

    report = Report([FileResult(path="./news/a,b:c.md", findings=[
        _finding(CONTRADICTED, "100% wrong:\r\nsee, the wire"),
        _finding(DISPUTED, "sources differ"),
        _finding(SUPPORTED, "fine"),
        _finding(CONTRADICTED, "only one column says so", severity=Severity.WARNING),
    ])])
    lines = render_github(report).splitlines()
    assert lines[0] == ("::error file=news/a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=17,"
                        "title=dsfact C25 contradicted::100%25 wrong:%0D%0Asee, the wire")
    assert lines[1].startswith("::warning file=news/a%2Cb%3Ac.md,line=3,")
    assert lines[1].endswith("title=dsfact C25 disputed::sources differ")
    # the level is the severity: a figure only one opinion contradicts is a warning
    assert lines[2].startswith("::warning ") and lines[2].endswith("title=dsfact C25 contradicted::only one column says so")
    assert len(lines) == 4  # no annotation for a supported figure; a summary line
    assert lines[3] == "dsfact: 1 file: 1 supported, 2 contradicted, 1 disputed"


def test_github_escape_functions():
    from dsfact.render.github import escape_data, escape_property

    assert escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"


def test_github_unreadable_file_is_an_error_annotation():
    from dsfact.render.github import render_github

    out = render_github(Report([FileResult(path="a.md", error="cannot decode: bad byte")]))
    assert out.splitlines()[0] == "::error file=a.md,title=dsfact%3A unreadable::cannot decode: bad byte"


# --- lines -----------------------------------------------------------------------------------------

def test_lines_format(capsys, monkeypatch):
    code, out, _ = run_format("lines", capsys, monkeypatch)
    assert out.splitlines() == [
        f"{DRAFT}:8:40: warning: disputed N03: 2025-06-30 agrees with wire 2025-06-30 but not with daily 2025-07-01 "
        "(Harbour Tunnel, opening date)",
        f"{DRAFT}:9:32: info: supported N01: $2.4 billion agrees with wire $2.4 billion; daily $2.4 billion "
        "(Harbour Tunnel, construction cost)",
        f"{DRAFT}:10:49: error: contradicted N02: 1,500 disagrees with every source: wire 1,200; daily ~1,200 "
        "(Harbour Tunnel, workers employed at the height of the works)",
        "1 file: 1 supported, 1 contradicted, 1 disputed",
    ]


@pytest.mark.parametrize("fail_on, expected", [("contradicted", 1), ("disputed", 1), ("never", 0)])
def test_fail_on(fail_on, expected, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["check", "-f", "lines", "-r", REGISTRY, "--no-config", "--fail-on", fail_on, DRAFT]) == expected


def test_fail_on_disputed_without_contradicted(tmp_path, capsys):
    draft = tmp_path / "d.md"
    draft.write_text("The Harbour Tunnel opens to traffic on June 30.\n", encoding="utf-8")
    reg = str(ROOT / REGISTRY)
    assert main(["check", "-f", "lines", "-r", reg, "--no-config", str(draft)]) == 0
    assert main(["check", "-f", "lines", "-r", reg, "--no-config", "--fail-on", "disputed", str(draft)]) == 1


# --- typed results and warnings --------------------------------------------------------------------

def test_verdicts_stances_and_severities_are_enums_whose_values_are_the_json_words():
    from enum import StrEnum

    from dsfact.model import CONSISTENT, CONTRADICTS, STANCES, SUPPORTS, VERDICTS, Stance, Verdict

    assert issubclass(Verdict, StrEnum) and issubclass(Stance, StrEnum) and issubclass(Severity, StrEnum)
    assert [str(v) for v in VERDICTS] == ["supported", "contradicted", "disputed"]
    assert [str(s) for s in STANCES] == ["supports", "contradicts", "consistent"]
    assert (SUPPORTED, CONTRADICTED, DISPUTED) == (Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.DISPUTED)
    assert (SUPPORTS, CONTRADICTS, CONSISTENT) == (Stance.SUPPORTS, Stance.CONTRADICTS, Stance.CONSISTENT)
    assert json.dumps({Verdict.DISPUTED: Severity.WARNING}) == '{"disputed": "warning"}'


def test_check_gives_findings_with_typed_verdicts_and_stances(monkeypatch):
    from dsfact.model import Stance, Verdict
    from dsfact.registry import load_registries
    from dsfact.run import check_one

    monkeypatch.chdir(ROOT)
    result = check_one(DRAFT, load_registries((REGISTRY,)))
    assert result.findings
    for f in result.findings:
        assert type(f.verdict) is Verdict and type(f.severity) is Severity
        assert all(type(s) is Stance for s in f.sources.values())


UNUSED = "The tunnel has 12 lanes. <!-- dsfact: ignore N02 -->\n"


def _unused_suppression(tmp_path) -> str:
    draft = tmp_path / "unused.md"
    draft.write_text(UNUSED, encoding="utf-8")
    return str(draft)


def test_warnings_reach_the_json_output_as_well_as_stderr(tmp_path, capsys, monkeypatch):
    path = _unused_suppression(tmp_path)
    code, out, err = run_format("json", capsys, monkeypatch, path)
    assert code == 0
    assert f"dsfact: warning: {path}:1: unused suppression: no finding for N02 here" in err
    (entry,) = json.loads(out)["files"]
    assert entry["warnings"] == [{"code": "unused-suppression", "line": 1, "column": None,
                                  "message": "unused suppression: no finding for N02 here"}]
    _, out, _ = run_format("jsonl", capsys, monkeypatch, path)
    assert json.loads(out)["warnings"][0]["code"] == "unused-suppression"


def test_an_empty_file_is_a_warning_without_a_line(tmp_path, capsys, monkeypatch):
    draft = tmp_path / "empty.md"
    draft.write_text("\n", encoding="utf-8")
    _, out, err = run_format("json", capsys, monkeypatch, str(draft))
    assert f"dsfact: warning: {draft}: empty file, nothing to check" in err
    assert json.loads(out)["files"][0]["warnings"] == [
        {"code": "empty-file", "line": None, "column": None, "message": "empty file, nothing to check"}]


def test_warnings_are_sarif_tool_execution_notifications(tmp_path, capsys, monkeypatch):
    path = _unused_suppression(tmp_path)
    code, out, _ = run_format("sarif", capsys, monkeypatch, path)
    doc = json.loads(out)
    assert _validator().is_valid(doc)
    (invocation,) = doc["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True  # a warning is not a failure of the run
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "warning" and note["descriptor"] == {"id": "unused-suppression"}
    assert note["message"]["text"] == "unused suppression: no finding for N02 here"
    location = note["locations"][0]["physicalLocation"]
    assert location["region"] == {"startLine": 1} and location["artifactLocation"]["uri"].endswith("unused.md")
    assert doc["runs"][0]["results"] == []


def test_a_notice_reads_as_the_stderr_line_always_did():
    from dsfact.model import Notice, NoticeCode

    assert str(Notice(NoticeCode.STRAY_ON, "'dsfact: on' without a 'dsfact: off' before it", "a.md", 4)) == \
        "a.md:4: 'dsfact: on' without a 'dsfact: off' before it"
    assert str(Notice(NoticeCode.REGISTRY, "unknown key 'colour'", "claims.yaml", 7, 3)) == \
        "claims.yaml:7:3: unknown key 'colour'"
    assert str(Notice(NoticeCode.EMPTY_FILE, "empty file, nothing to check")) == "empty file, nothing to check"

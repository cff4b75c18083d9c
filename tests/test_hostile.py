"""Hostile input: every bad file or registry gets one line on stderr naming it and the problem, the
documented exit status and no traceback; in a batch every other file is still checked; inputs are
never written to. Runs the real command line (`python -m dsfact`) in a subprocess."""
from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
import time

import pytest

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
GOOD_TEXT = "DeepSeek trained its V3 model on 4,096 Nvidia H800 chips.\n"  # C07 says 2,048: contradicted


def dsfact(*args, cwd, timeout=60, stdin=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "dsfact", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, env=env, stdin=stdin if stdin is not None else subprocess.DEVNULL)


def snapshot(*paths) -> dict:
    """Bytes and modification times of files (a directory: of every file in it)."""
    out = {}
    for p in paths:
        p = str(p)
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                for name in files:
                    full = os.path.join(root, name)
                    if stat.S_ISREG(os.lstat(full).st_mode):
                        out.update(snapshot(full))
        elif os.path.isfile(p):
            with open(p, "rb") as handle:
                out[p] = (handle.read(), os.stat(p).st_mtime_ns)
    return out


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def files_by_path(stdout: str) -> dict[str, dict]:
    return {f["path"]: f for f in json.loads(stdout)["files"]}


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.md"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


# --- bad input files -----------------------------------------------------------------------------

def _missing(tmp_path):
    return tmp_path / "missing.md"


def _empty_dir(tmp_path):
    path = tmp_path / "drafts"
    path.mkdir()
    (path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # a file, but none that is checked
    return path


def _png(tmp_path):
    path = tmp_path / "chart.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return path


def _png_named_md(tmp_path):  # the name says Markdown, the bytes say otherwise
    path = tmp_path / "chart.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return path


def _pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)))
    return path


def _bad_utf8(tmp_path):
    path = tmp_path / "mojibake.txt"
    path.write_bytes("DeepSeek trained V3 on ".encode() + b"\xff\xff\xfe\xff 2,048 chips\n")
    return path


def _nul(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"DeepSeek trained V3 on 2,048 chips.\x00\nmore text\n")
    return path


def _too_large(tmp_path):
    from dsfact.document import MAX_FILE_BYTES  # 50 MB

    path = tmp_path / "archive.txt"
    line = b"The council met again on Tuesday and talked about the weather for a while.\n"
    with path.open("wb") as handle:
        handle.write(line * (MAX_FILE_BYTES // len(line) + 1))
    assert path.stat().st_size > MAX_FILE_BYTES
    return path


BAD_FILES = [
    pytest.param(_missing, "no such file", id="missing-path"),
    pytest.param(_empty_dir, "no files to check", id="directory-without-matching-files"),
    pytest.param(_png, "binary file (PNG", id="png"),
    pytest.param(_png_named_md, "binary file (PNG", id="png-named-md"),
    pytest.param(_pdf, "binary file (PDF", id="pdf"),
    pytest.param(_bad_utf8, "cannot decode", id="invalid-utf8"),
    pytest.param(_nul, "NUL", id="nul-bytes"),
    pytest.param(_too_large, "too large", id="50MB-file"),
]


@pytest.mark.parametrize("make, problem", BAD_FILES)
def test_a_bad_file_is_one_line_and_the_rest_is_checked(make, problem, tmp_path, good):
    bad = make(tmp_path)
    before = snapshot(bad, good)
    started = time.monotonic()
    result = dsfact("check", "--format", "json", bad, good, cwd=tmp_path)
    assert time.monotonic() - started < 20
    assert "Traceback" not in result.stderr
    assert result.returncode == EXIT_ERROR
    lines = error_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("dsfact: error: ")
    assert str(bad) in lines[0] and problem in lines[0], lines[0]
    files = files_by_path(result.stdout)
    assert problem in files[str(bad)]["error"]
    assert [f["claim"] for f in files[str(good)]["findings"]] == ["C07"]  # nothing lost
    assert snapshot(bad, good) == before


@pytest.mark.parametrize("make, problem", BAD_FILES)
def test_a_bad_file_alone_exits_2_in_every_format(make, problem, tmp_path):
    bad = make(tmp_path)
    for fmt in ("lines", "jsonl", "github"):
        result = dsfact("check", "--format", fmt, bad, cwd=tmp_path)
        assert result.returncode == EXIT_ERROR, (fmt, result.stderr)
        assert "Traceback" not in result.stderr
        assert len(error_lines(result.stderr)) == 1 and problem in result.stderr


def test_every_bad_file_of_a_batch_is_reported_and_every_good_one_checked(tmp_path, good):
    bad = [make(tmp_path) for make in (_missing, _empty_dir, _png, _pdf, _bad_utf8, _nul)]
    second = tmp_path / "second.txt"
    second.write_text("深度求索只用了4,096塊H800晶片。\n", encoding="utf-8")
    paths = [bad[0], good, *bad[1:], second]
    before = snapshot(*paths)
    result = dsfact("check", "--format", "jsonl", *paths, cwd=tmp_path)
    assert result.returncode == EXIT_ERROR
    assert "Traceback" not in result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == len(bad)
    for path, line in zip(bad, lines):
        assert str(path) in line
    objects = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    by_path = {o["path"]: o for o in objects if "path" in o}
    assert [f["claim"] for f in by_path[str(good)]["findings"]] == ["C07"]
    assert [f["claim"] for f in by_path[str(second)]["findings"]] == ["C07"]
    for path in bad:
        assert by_path[str(path)]["error"]
    assert snapshot(*paths) == before


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root, which can read a file whatever its permissions")
def test_permission_denied(tmp_path, good):
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD_TEXT, encoding="utf-8")
    secret.chmod(0)
    try:
        result = dsfact("check", "--format", "json", secret, good, cwd=tmp_path)
    finally:
        secret.chmod(0o644)
    assert result.returncode == EXIT_ERROR and "Traceback" not in result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and str(secret) in lines[0] and "permission denied" in lines[0]
    assert [f["claim"] for f in files_by_path(result.stdout)[str(good)]["findings"]] == ["C07"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path, good):
    """Also the root-proof stand-in for an unreadable file: something that cannot be read as a file."""
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    try:
        result = dsfact("check", "--format", "json", pipe, good, cwd=tmp_path, timeout=5)
    except subprocess.TimeoutExpired:
        pytest.fail("dsfact waited for ever on a named pipe")
    assert result.returncode == EXIT_ERROR and "Traceback" not in result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and str(pipe) in lines[0]
    assert [f["claim"] for f in files_by_path(result.stdout)[str(good)]["findings"]] == ["C07"]


def test_an_empty_file_is_named_and_the_rest_is_checked(tmp_path, good):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = dsfact("check", "--format", "json", empty, good, cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode in (EXIT_FINDINGS, EXIT_ERROR)
    assert [f["claim"] for f in files_by_path(result.stdout)[str(good)]["findings"]] == ["C07"]
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and str(empty) in lines[0] and "empty" in lines[0]


def test_an_empty_file_does_not_fail(tmp_path, good):
    """Whatever is said of it, an empty file is no crash and costs the batch nothing."""
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = dsfact("check", "--format", "json", empty, good, cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode in (EXIT_FINDINGS, EXIT_ERROR)
    files = files_by_path(result.stdout)
    assert not files[str(empty)].get("findings")
    assert [f["claim"] for f in files[str(good)]["findings"]] == ["C07"]
    assert empty.read_bytes() == b""


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_a_single_10MB_line_is_checked(tmp_path, good):
    """No line splitting or regex that goes quadratic: the figure at the far end is found."""
    long = tmp_path / "oneline.txt"
    filler = "the council met and talked about the weather " * (10 * 1000 * 1000 // 46)
    long.write_text(filler + GOOD_TEXT.strip(), encoding="utf-8")
    before = snapshot(long, good)
    started = _child_cpu()
    result = dsfact("check", "--format", "json", long, good, cwd=tmp_path, timeout=180)
    cpu = _child_cpu() - started  # CPU seconds, not wall: a busy machine (CI beside other jobs) does not change them
    assert "Traceback" not in result.stderr and result.returncode == EXIT_FINDINGS, result.stderr
    findings = files_by_path(result.stdout)[str(long)]["findings"]
    assert [(f["claim"], f["line"]) for f in findings] == [("C07", 1)]
    assert findings[0]["column"] == len(filler) + GOOD_TEXT.index("4,096") + 1
    assert cpu < 60
    assert snapshot(long, good) == before


def test_deeply_nested_html_is_checked(tmp_path, good):
    page = tmp_path / "page.html"
    depth = 100_000
    page.write_text("<html><body>" + "<div><span>" * depth + "<p>" + GOOD_TEXT + "</p>"
                    + "</span></div>" * depth + "</body></html>\n", encoding="utf-8")
    result = dsfact("check", "--format", "json", page, good, cwd=tmp_path, timeout=120)
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert result.returncode == EXIT_FINDINGS, result.stderr
    files = files_by_path(result.stdout)
    assert [f["claim"] for f in files[str(page)]["findings"]] == ["C07"]
    assert [f["claim"] for f in files[str(good)]["findings"]] == ["C07"]


def test_unclosed_and_broken_markup_is_checked(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<div><p " + "<!--" * 1000 + "<script>" + "<" * 5000 + "\n<p>" + GOOD_TEXT, encoding="utf-8")
    md = tmp_path / "broken.md"
    md.write_text("```\n" * 1001 + "[" * 5000 + "](" * 2000 + "*" * 3000 + "\n\n" + GOOD_TEXT, encoding="utf-8")
    result = dsfact("check", "--format", "json", page, md, cwd=tmp_path, timeout=120)
    assert "Traceback" not in result.stderr
    assert result.returncode in (EXIT_OK, EXIT_FINDINGS), result.stderr


def test_standard_input_with_bad_bytes_is_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "dsfact", "check", "-"], input=b"\x89PNG\r\n\x1a\nrest",
                            capture_output=True, cwd=tmp_path, timeout=60)
    stderr = result.stderr.decode()
    assert result.returncode == EXIT_ERROR and "Traceback" not in stderr
    assert len(error_lines(stderr)) == 1 and "binary file" in stderr


# --- broken registries ---------------------------------------------------------------------------

SOURCE_TEXT = "Shelbyville approved a budget of $120 million for 2024. The city employs 2,150 people.\n"
REGISTRY = """\
version: 1
sources:
  - {id: gazette, file: gazette.txt, publisher: Gazette, title: Budget, date: "2024-03-02", language: en}
claims:
  - id: B1
    topic: cost
    subject: Shelbyville
    metric: city budget
    unit: USD
    cues: {subject: [Shelbyville], metric: [budget]}
    statements:
      - {source: gazette, value: 120000000, quote: "a budget of $120 million"}
  - id: B2
    topic: other
    subject: Shelbyville
    metric: city employees
    unit: count
    cues: {subject: [Shelbyville, the city], metric: [employs, employees]}
    statements:
      - {source: gazette, value: 2150, quote: "employs 2,150 people"}
"""
# (id, registry text, the line the fault is on, words of the message)
REGISTRY_FAULTS = [
    ("yaml-syntax", REGISTRY.replace("metric: [budget]}", "metric: [budget]"), 10, "YAML"),
    ("duplicate-id", REGISTRY.replace("  - id: B2", "  - id: B1"), 13, "duplicate"),
    ("unknown-unit", REGISTRY.replace("unit: count", "unit: dozen"), 13, "unknown unit"),
    ("quote-not-in-source", REGISTRY.replace("employs 2,150 people", "employs 2,151 people"), 20, "quote not found"),
    ("missing-source-file", REGISTRY.replace("file: gazette.txt", "file: lost.txt"), 3, "lost.txt"),
    ("wrong-type", REGISTRY.replace("value: 2150", "value: lots"), 20, "must be a number"),
    ("wrong-type-list", REGISTRY.replace("claims:\n", "claims: 3\nnothing:\n"), 4, "claims"),
]


def _registry(tmp_path, text):
    (tmp_path / "gazette.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sound_registry_is_sound(tmp_path):
    path = _registry(tmp_path, REGISTRY)
    result = dsfact("validate", path, cwd=tmp_path)
    assert result.returncode == EXIT_OK, result.stderr
    draft = tmp_path / "draft.md"
    draft.write_text("Shelbyville approved a budget of $150 million for 2024.\n", encoding="utf-8")
    result = dsfact("check", "--registry", path, "--fail-on", "warning", draft, cwd=tmp_path)
    assert result.returncode == EXIT_FINDINGS and "B1" in result.stdout  # one report disagrees: a warning


def _fault_params(kind):
    out = []
    for name, text, line, words in REGISTRY_FAULTS:
        out.append(pytest.param(text, line, words, id=name))
    return out


@pytest.mark.parametrize("text, line, words", _fault_params("validate"))
def test_validate_names_the_line_of_a_registry_fault(text, line, words, tmp_path):
    path = _registry(tmp_path, text)
    before = snapshot(tmp_path)
    result = dsfact("validate", path, cwd=tmp_path)
    assert result.returncode == EXIT_ERROR
    assert "Traceback" not in result.stderr
    faults = [x for x in error_lines(result.stderr) if f"{path}:" in x and not x.rstrip().endswith(("problem", "problems"))]
    assert len(faults) == 1, result.stderr
    assert f"{path}:{line}:" in faults[0] and words in faults[0], faults[0]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("text, line, words", _fault_params("check"))
def test_check_with_a_broken_registry_is_one_line(text, line, words, tmp_path, good):
    path = _registry(tmp_path, text)
    before = snapshot(tmp_path)
    result = dsfact("check", "--registry", path, good, cwd=tmp_path)
    assert result.returncode == EXIT_ERROR, result.stdout
    assert "Traceback" not in result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("dsfact: error: ") and f"{path}:{line}:" in lines[0] and words in lines[0], lines[0]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("problem, make", [
    ("registry not found", lambda tmp_path: tmp_path / "nowhere.yaml"),
    ("directory", lambda tmp_path: tmp_path),
    ("not UTF-8", lambda tmp_path: (tmp_path / "latin1.yaml", (tmp_path / "latin1.yaml").write_bytes(
        b"version: 1\n# caf\xe9\nsources: []\n"))[0]),
    ("mapping", lambda tmp_path: (tmp_path / "list.yaml", (tmp_path / "list.yaml").write_text("- 1\n- 2\n"))[0]),
    ("", lambda tmp_path: (tmp_path / "empty.yaml", (tmp_path / "empty.yaml").write_text(""))[0]),
])
def test_an_unusable_registry_file_is_one_line(problem, make, tmp_path, good):
    path = make(tmp_path)
    for args in (("check", "--registry", path, good), ("validate", path)):
        result = dsfact(*args, cwd=tmp_path)
        assert result.returncode == EXIT_ERROR, (args, result.stdout)
        assert "Traceback" not in result.stderr
        lines = error_lines(result.stderr)
        assert len(lines) == 1 and str(path) in lines[0] and problem in lines[0], result.stderr


def test_a_damaged_registry_cache_is_rebuilt(tmp_path, good, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("DSFACT_CACHE_DIR", str(cache))
    first = dsfact("check", good, cwd=tmp_path)
    assert first.returncode == EXIT_FINDINGS
    for pickle_file in cache.glob("*"):
        pickle_file.write_bytes(b"\x80\x05garbage")
    second = dsfact("check", good, cwd=tmp_path)
    assert second.returncode == EXIT_FINDINGS and second.stdout == first.stdout
    assert "Traceback" not in second.stderr

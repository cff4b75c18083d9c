"""Issue 10, hostile names in outputs: a file name or a registry string must not forge a GitHub workflow
command, move a terminal's cursor, inject Rich markup, break a SARIF URI or cost the whole report when
it is not UTF-8. Every format and stderr are checked, through the real command in a child process."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEWSROOM = ROOT / "tests" / "fixtures" / "newsroom" / "registry"
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
FORMATS = ("table", "lines", "github", "json", "jsonl", "sarif")
WRONG = "At the height of the works the Harbour Tunnel project employed 1,500 workers.\n"  # N02 is 1,200
FORGED = "e\n::error file=README.md,line=1::FAKE\n.md"
ESCAPED = "a\x1b[2Jb\x07c\x9bd.md"


def dsfact(*args: str, cwd: Path, locale: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "NO_COLOR")}
    env.update({"COLUMNS": "200", "PYTHONPATH": os.pathsep.join(sys.path)})
    if locale:
        env["LC_ALL"] = locale
    return subprocess.run([sys.executable, "-m", "dsfact", *args], cwd=cwd, env=env, capture_output=True,
                          timeout=120)


def newsroom(tmp_path: Path) -> Path:
    """A copy of the newsroom registry (two papers on the Harbour Tunnel) to check against."""
    reg = tmp_path / "registry"
    shutil.copytree(NEWSROOM, reg)
    return reg / "newsroom.yaml"


def check(tmp_path: Path, fmt: str, *paths: str | bytes, locale: str | None = None, registry: Path | None = None):
    registry = registry or newsroom(tmp_path)
    args = [os.fsdecode(p) for p in paths] or ["drafts"]
    return dsfact("check", "--no-config", "-r", str(registry), "-f", fmt, *args, cwd=tmp_path, locale=locale)


def drafts(tmp_path: Path, *names: str | bytes, text: str = WRONG) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir(exist_ok=True)
    for name in names:
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
        with open(path, "wb") as fh:
            fh.write(text.encode("utf-8"))
    return folder


# ───────────────────────────── GitHub workflow commands ─────────────────────────────

def _commands(stream: bytes) -> list[str]:
    return [line for line in stream.decode("utf-8", "replace").splitlines() if line.startswith("::")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_cannot_forge_a_workflow_command(tmp_path, fmt):
    drafts(tmp_path, FORGED)
    drafts(tmp_path, "empty\n::warning file=a.md::X\n.md", text="\n")  # a warning about it goes to stderr
    proc = check(tmp_path, fmt)
    assert proc.returncode == 1, proc.stderr
    for line in _commands(proc.stdout) + _commands(proc.stderr):
        assert fmt == "github", line  # only --format github writes workflow commands at all
        assert line.startswith("::error file=drafts/e%0A%3A%3Aerror file=README.md%2Cline=1%3A%3AFAKE%0A.md,"), line
    assert "FAKE" in proc.stdout.decode("utf-8") or fmt == "table"


# ───────────────────────────── control characters ─────────────────────────────

@pytest.mark.parametrize("fmt", ["lines", "table", "github"])
def test_control_characters_in_a_file_name_are_shown_not_sent(tmp_path, fmt):
    drafts(tmp_path, ESCAPED)
    drafts(tmp_path, "quiet\x1b]0;owned\x07.md", text="")  # an empty file: a warning on stderr
    proc = check(tmp_path, fmt)
    assert proc.returncode == 1, proc.stderr
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    for stream in (out, err):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", stream), stream
    assert r"a\x1b[2Jb\x07c\x9bd.md" in out.replace("%5C", "\\")
    assert r"quiet\x1b]0;owned\x07.md: empty file, nothing to check" in err


def test_escaping_helpers():
    from dsfact.render.escape import markup, visible

    assert visible("plain 稿件.md") == "plain 稿件.md"
    assert visible("a\nb\rc\td\x1b\x7f\x85\u202e\u2028") == r"a\nb\rc\td\x1b\x7f\x85\u202e\u2028"
    assert visible("caf\udce9.md") == r"caf\xe9.md"  # a byte that is not UTF-8, as surrogateescape keeps it
    assert markup("[/x] [link=https://evil.example]y\x1b") == r"\[/x] \[link=https://evil.example]y\x1b"


# ───────────────────────────── Rich markup in registry strings ─────────────────────────────

def hostile_registry(tmp_path: Path) -> Path:
    path = newsroom(tmp_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("id: N02", 'id: "N[/x]02"').replace("id: N03", 'id: "N[/]03"')
    text = text.replace("metric: workers employed at the height of the works",
                        'metric: "workers [link=https://evil.example]employed[/link] [bold red]BOOM"')
    text = text.replace("publisher: The Daily", 'publisher: "The [/] Daily"')
    text = text.replace("title: Tunnel finally ready", 'title: "Tunnel [/bold] ready"')
    text = text.replace("{id: wire,", '{id: "w[/]ire",').replace("{source: wire,", '{source: "w[/]ire",')
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [("claims",), ("claims", "N[/x]02"), ("claims", "workers"), ("sources",),
                                     ("sources", "--scorecard"), ("compare", "all"), ("compare", "all", "--chart"),
                                     ("audit",)])
def test_registry_strings_are_not_rich_markup(tmp_path, command):
    registry = hostile_registry(tmp_path)
    proc = dsfact(*command, "-r", str(registry), cwd=tmp_path)
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert proc.returncode in (0, 1) and "error" not in err, err
    shown = {"claims": "N[/x]02", "sources": "w[/]ire", "compare": "N[/x]02", "audit": "N[/]03"}[command[0]]
    assert shown in out, out
    if command[-1] in ("N[/x]02", "workers", "all"):
        assert "[link=https://evil.example]employed[/link] [bold red]BOOM" in out.replace("\n", "")
    if command == ("sources",):
        assert "The [/] Daily" in out and "Tunnel [/bold] ready" in out


def test_registry_strings_and_file_names_in_the_check_table_are_not_markup(tmp_path):
    drafts(tmp_path, "[bold]x[link=https:evil.example]y.md")
    drafts(tmp_path, "[red]z.md", text="No figures here.\n")
    proc = check(tmp_path, "table", registry=hostile_registry(tmp_path))
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 1, proc.stderr
    assert "w[/]ire" in out and "N[/x]02" in out
    assert "[bold]x[link=https:evil.example]y.md" in out and "[red]z.md: no registered figures" in out


# ───────────────────────────── SARIF URIs ─────────────────────────────

def test_sarif_uris_are_percent_encoded_from_the_bytes_of_the_name(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    names = [FORGED, ESCAPED, "a b#c?d%e.md", b"caf\xe9.md"]
    drafts(tmp_path, *names)
    proc = check(tmp_path, "sarif", locale="C.UTF-8")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout.decode("utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert jsonschema.validators.validator_for(schema)(schema).is_valid(doc)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]}
    assert len(uris) == len(names)
    for uri in uris:
        assert re.fullmatch(r"[A-Za-z0-9/._~%-]+", uri), uri
    want = {b"drafts/" + (n if isinstance(n, bytes) else n.encode("utf-8")) for n in names}
    assert {unquote_to_bytes(u) for u in uris} == want


# ───────────────────────────── a file name that is not UTF-8 ─────────────────────────────

@pytest.mark.parametrize("locale", [None, "C.UTF-8", "C"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_name_that_is_not_utf8_is_reported_escaped(tmp_path, fmt, locale):
    drafts(tmp_path, b"caf\xe9.md")
    drafts(tmp_path, b"vide\xff.md", text="")  # and a warning about another
    proc = check(tmp_path, fmt, locale=locale)
    assert proc.returncode == 1, proc.stderr
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")  # strict: valid UTF-8 or it raises
    assert "Traceback" not in err and "internal error" not in err
    assert r"vide\xff.md: empty file, nothing to check" in err
    if fmt == "json":
        (entry, _) = json.loads(out)["files"]
        assert entry["path"] == "drafts/caf\\xe9.md" and entry["findings"][0]["claim"] == "N02"
    elif fmt == "jsonl":
        assert json.loads(out.splitlines()[0])["path"] == "drafts/caf\\xe9.md"
    elif fmt == "sarif":
        uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uri["uri"] == "drafts/caf%E9.md"
    else:
        assert r"caf\xe9.md" in out

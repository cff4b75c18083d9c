"""`dsfact check`'s output filters, colour, directory walks and streaming, through the installed console
script: --quiet, --statistics, --select/--ignore, --config, --color, .gitignore/.ignore and hidden
folders, file-by-file output in input order, and the progress bar on a terminal."""
import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_git

DSFACT = str(Path(sys.executable).parent / "dsfact")
CLEAN = "DeepSeek trained V3 on 2,048 H800 chips.\n"  # C07 supported
WRONG = "An early draft said DeepSeek trained V3 on 4,096 H800 chips.\n"  # C07 contradicted
FALL = "Nvidia shares fell 27% at the close on Monday.\n"  # C27 contradicted
MIXED = CLEAN + "\n" + WRONG + "\n" + FALL


def dsfact(*args, cwd=None, env=None, input=None):
    full = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full.update(env or {})
    return subprocess.run([DSFACT, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=full,
                          input=input)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- --quiet ---------------------------------------------------------------------------------------

def test_quiet_shows_only_what_needs_attention(tmp_path):
    mixed = write(tmp_path, "mixed.md", MIXED)
    loud = dsfact("check", "-f", "lines", mixed)
    quiet = dsfact("check", "-f", "lines", "--quiet", mixed)
    assert " supported C07" in loud.stdout
    assert quiet.returncode == loud.returncode == 1
    assert " supported " not in quiet.stdout.replace(" supported,", "")
    assert "contradicted C07" in quiet.stdout and "contradicted C27" in quiet.stdout
    assert quiet.stdout.splitlines()[-1] == loud.stdout.splitlines()[-1]  # the summary counts the whole run


@pytest.mark.parametrize("fmt", ["lines", "table", "github"])
def test_quiet_and_clean_prints_nothing(tmp_path, fmt):
    clean = write(tmp_path, "clean.md", CLEAN)
    proc = dsfact("check", "-f", fmt, "-q", clean)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout
    assert dsfact("check", "-f", fmt, clean).stdout != ""


def test_quiet_keeps_machine_formats_whole(tmp_path):
    clean = write(tmp_path, "clean.md", CLEAN)
    doc = json.loads(dsfact("check", "-f", "json", "-q", clean).stdout)
    assert doc["files"][0]["findings"] == [] and doc["summary"]["supported"] == 1


# --- --statistics ----------------------------------------------------------------------------------

def test_statistics_count_per_claim_and_verdict(tmp_path):
    a = write(tmp_path, "a.md", WRONG + "\n" + FALL)
    b = write(tmp_path, "b.md", WRONG + "\n" + CLEAN)
    proc = dsfact("check", "-f", "lines", "--statistics", a, b)
    tail = proc.stdout.split("statistics:\n", 1)[1].splitlines()
    rows = [line.split()[:3] for line in tail]
    assert rows == [["2", "C07", "contradicted"], ["1", "C07", "supported"], ["1", "C27", "contradicted"]]
    doc = json.loads(dsfact("check", "-f", "json", "--statistics", a, b).stdout)
    assert {(s["claim"], s["verdict"], s["count"]) for s in doc["statistics"]} == {
        ("C07", "contradicted", 2), ("C07", "supported", 1), ("C27", "contradicted", 1)}
    refused = dsfact("check", "-f", "sarif", "--statistics", a)
    assert refused.returncode == 2 and refused.stdout == "" and len(refused.stderr.splitlines()) == 1


# --- --select / --ignore ---------------------------------------------------------------------------

def test_select_and_ignore_claims_on_the_command_line(tmp_path):
    mixed = write(tmp_path, "mixed.md", MIXED)
    only = json.loads(dsfact("check", "-f", "json", "--select", "C27", mixed).stdout)
    assert {f["claim"] for f in only["files"][0]["findings"]} == {"C27"}
    both = json.loads(dsfact("check", "-f", "json", "--select", "C27,C07", mixed).stdout)
    assert {f["claim"] for f in both["files"][0]["findings"]} == {"C07", "C27"}
    ignored = dsfact("check", "-f", "json", "--ignore", "C27", "--ignore", "C07", mixed)
    assert ignored.returncode == 0 and json.loads(ignored.stdout)["files"][0]["findings"] == []
    unknown = dsfact("check", "-f", "lines", "--select", "C999", mixed)
    assert "C999" in unknown.stderr and "not a claim" in unknown.stderr


# --- --config PATH ---------------------------------------------------------------------------------

def test_config_names_the_settings_file(tmp_path):
    mixed = write(tmp_path / "drafts", "mixed.md", MIXED)
    settings = write(tmp_path / "elsewhere", "desk.toml", '[tool.dsfact]\nignore = ["C27"]\nfail-on = "never"\n')
    proc = dsfact("check", "-f", "json", "--config", settings, mixed)
    assert proc.returncode == 0, proc.stderr
    assert "C27" not in {f["claim"] for f in json.loads(proc.stdout)["files"][0]["findings"]}
    shown = json.loads(dsfact("config", "-f", "json", "--config", settings, tmp_path / "drafts").stdout)
    assert shown["config_file"] == str(settings)
    missing = dsfact("check", "--config", tmp_path / "nope.toml", mixed)
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1 and "nope.toml" in missing.stderr


# --- --color ---------------------------------------------------------------------------------------

def on_a_terminal(args, env=None, timeout=60) -> str:
    """Run dsfact with stdout and stderr on a pseudo-terminal; what the terminal received."""
    master, slave = pty.openpty()
    full = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full.update({"TERM": "xterm-256color", "COLUMNS": "200"}, **(env or {}))
    proc = subprocess.Popen([DSFACT, *map(str, args)], stdout=slave, stderr=slave, stdin=subprocess.DEVNULL,
                            env=full)
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    proc.wait(timeout=timeout)
    os.close(master)
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_color_in_lines(tmp_path):
    mixed = write(tmp_path, "mixed.md", MIXED)
    assert "\x1b[" in dsfact("check", "-f", "lines", "--color", "always", mixed).stdout
    assert "\x1b[" not in dsfact("check", "-f", "lines", mixed).stdout  # auto, piped
    assert "\x1b[" not in dsfact("check", "-f", "lines", "--color", "never", mixed).stdout
    assert "\x1b[31" in on_a_terminal(["check", "-f", "lines", mixed]) or \
        "\x1b[1;31" in on_a_terminal(["check", "-f", "lines", mixed])
    assert "\x1b[" not in on_a_terminal(["check", "-f", "lines", "--color", "never", mixed])
    assert "\x1b[" not in on_a_terminal(["check", "-f", "lines", mixed], env={"NO_COLOR": "1"})


def test_no_color_removes_bold_and_italics_from_the_table_too(tmp_path):
    mixed = write(tmp_path, "mixed.md", MIXED)
    styled = on_a_terminal(["check", mixed])
    assert "\x1b[1" in styled  # bold red for contradicted
    plain = on_a_terminal(["check", mixed], env={"NO_COLOR": "1"})
    assert "contradicted" in plain and "\x1b[" not in plain
    assert "\x1b[" in dsfact("check", "--color", "always", mixed, env={"NO_COLOR": "1"}).stdout


# --- directory walks -------------------------------------------------------------------------------

def checked(proc) -> set[str]:
    return {Path(f["path"]).as_posix() for f in json.loads(proc.stdout)["files"]}


def test_walks_respect_gitignore_ignore_and_hidden_folders(git_repo):
    root = git_repo
    write(root, ".gitignore", "build/\n*.draft.md\n!keep.draft.md\n")
    write(root, "drafts/.ignore", "scratch.md\n")
    for name in ("story.md", "build/out.md", "a.draft.md", "keep.draft.md", "drafts/ok.md", "drafts/scratch.md",
                 ".obsidian/notes.md", "drafts/.hidden.md"):
        write(root, name, CLEAN)
    proc = dsfact("check", "-f", "json", ".", cwd=root)
    assert checked(proc) == {"story.md", "keep.draft.md", "drafts/ok.md"}, proc.stderr
    # the walk below a folder still obeys the .gitignore above it, up to the top of the checkout
    write(root, "drafts/.gitignore", "")
    write(root, "drafts/x.draft.md", CLEAN)
    assert checked(dsfact("check", "-f", "json", "drafts", cwd=root)) == {"drafts/ok.md"}
    everything = checked(dsfact("check", "-f", "json", "--hidden", "--no-ignore", ".", cwd=root))
    assert {"build/out.md", "a.draft.md", ".obsidian/notes.md", "drafts/.hidden.md", "drafts/scratch.md"} <= everything
    # a file named on the command line is checked whatever the ignore files say
    assert checked(dsfact("check", "-f", "json", "build/out.md", cwd=root)) == {"build/out.md"}
    run_git(root, "status")  # still a valid repository: nothing above was written into .git


# --- streaming and progress ------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, marker", [("lines", "a.md:1:"), ("jsonl", '"path": "'), ("github", "::error file=a.md"),
                                         ("table", "a.md")])
def test_files_are_written_as_they_are_checked_in_input_order(tmp_path, fmt, marker):
    write(tmp_path, "a.md", WRONG)
    write(tmp_path, "b.md", FALL)
    proc = subprocess.Popen([DSFACT, "check", "-f", fmt, "a.md", "b.md", "-"], cwd=tmp_path, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={k: v for k, v in os.environ.items() if k != "NO_COLOR"})
    try:
        # standard input, the last path, is still open: a and b must already be on stdout
        got = b""
        deadline = time.monotonic() + 60
        while b"b.md" not in got and time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    break
                got += chunk
        text = got.decode()
        assert marker in text and "b.md" in text, text
        assert text.index("a.md") < text.index("b.md")
    finally:
        proc.stdin.write(CLEAN.encode())
        proc.stdin.close()
        rest = proc.stdout.read()
        proc.wait(timeout=60)
    assert proc.returncode == 1 and rest  # the rest (stdin's file and the summary) came at the end


def test_a_long_run_shows_a_progress_bar_on_a_terminal_only(tmp_path):
    for i in range(60):
        write(tmp_path, f"f{i:02d}.md", CLEAN)
    master, slave = pty.openpty()
    proc = subprocess.Popen([DSFACT, "check", "-f", "lines", "--jobs", "1", "."], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=slave, env={**os.environ, "TERM": "xterm"})
    os.close(slave)
    err = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            err += data
        elif proc.poll() is not None:
            break
    out = proc.stdout.read()
    proc.wait(timeout=60)
    os.close(master)
    assert b"checking" in err
    assert out.decode().splitlines()[-1] == "60 files: 60 supported, 0 contradicted, 0 disputed"
    piped = dsfact("check", "-f", "lines", ".", cwd=tmp_path)
    assert "checking" not in piped.stderr and piped.stderr == ""


# --- --min-severity --------------------------------------------------------------------------------

DATE = "DeepSeek-V3 was released on December 25.\n"  # C45 disputed: a warning


def test_min_severity_reports_only_findings_at_or_above_it(tmp_path):
    mixed = write(tmp_path, "mixed.md", MIXED + "\n" + DATE)

    def found(*args):
        proc = dsfact("check", "-f", "json", *args, mixed)
        return proc.returncode, sorted((f["claim"], f["severity"]) for f in json.loads(proc.stdout)["files"][0]["findings"])

    code, everything = found()
    assert {s for _, s in everything} >= {"info", "error"}
    for floor, kept in (("warning", {"warning", "error"}), ("error", {"error"})):
        code, some = found("--min-severity", floor)
        assert some == [x for x in everything if x[1] in kept]
    assert found("--min-severity", "error")[0] == 1
    clean = write(tmp_path, "clean.md", CLEAN)
    proc = dsfact("check", "-f", "lines", "--min-severity", "warning", clean)
    assert proc.returncode == 0 and "C07" not in proc.stdout  # below the floor: not reported
    bad = dsfact("check", "--min-severity", "fatal", mixed)
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1

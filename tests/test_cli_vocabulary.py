"""One vocabulary across commands, through the installed console script: --version, -h everywhere,
--registry wherever a registry is read, --format wherever there is output (and exit 2 for a format a
command cannot write), no abbreviations, the nearest option named on a typo, real metavariables,
shell completion for every command."""
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

DSFACT = str(Path(sys.executable).parent / "dsfact")
CITY = FIXTURES / "city" / "city.yaml"
ARTICLE = FIXTURES / "articles" / "en_desk.md"


def dsfact(*args, env=None, cwd=None, input=None):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([DSFACT, *map(str, args)], capture_output=True, text=True, env=full_env, cwd=cwd,
                          input=input)


def commands() -> list[list[str]]:
    """Every command and subcommand, as `dsfact -h` and `dsfact hook -h` list them."""
    def listed(*prefix):
        out = dsfact(*prefix, "-h").stdout
        section = out.split("Commands:", 1)[1]
        return [line.split()[0] for line in section.splitlines() if line.startswith("  ") and line.split()]

    found = [[c] for c in listed() if c != "hook"]
    found += [["hook", c] for c in listed("hook")]
    return found


def test_version_long_and_short():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    for flag in ("--version", "-V"):
        proc = dsfact(flag)
        assert proc.returncode == 0 and proc.stdout == f"dsfact {version}\n", proc


def test_every_command_takes_h_and_shows_real_metavariables():
    names = commands()
    assert {"check", "parse", "validate", "claims", "sources", "compare", "audit", "config"} <= {n[0] for n in names}
    assert ["hook", "install"] in names and ["hook", "uninstall"] in names
    for name in [[]] + names:
        proc = dsfact(*name, "-h")
        assert proc.returncode == 0, (name, proc.stderr)
        assert proc.stdout.lower().startswith("usage"), name
        assert not re.search(r"<\w+(\[\w+\])?>", proc.stdout), (name, proc.stdout)


@pytest.mark.parametrize("args", [
    ["claims", "--format", "lines"], ["sources", "--format", "xml"], ["compare", "--format", "jsn"],
    ["audit", "--format", "lines"], ["parse", "5%", "--format", "sarif"], ["config", "--format", "lines"],
    ["validate", "--format", "table"], ["check", "--format", "xml", ARTICLE],
])
def test_a_format_a_command_cannot_write_is_exit_2_and_one_line(args):
    proc = dsfact(*args)
    assert proc.returncode == 2, proc
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("dsfact: error: ")
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("args, expect", [
    (["claims", "B1", "--format", "json"], lambda out: json.loads(out)[0]["id"] == "B1"),
    (["sources", "--format", "json"], lambda out: [s["id"] for s in json.loads(out)] == ["gazette", "herald"]),
    (["compare", "all", "--format", "json"], lambda out: "B1" in out and "C01" not in out),
    (["audit", "--format", "json"], lambda out: "C01" not in out),
    (["config", "--format", "json"], lambda out: str(CITY) in out),
    (["validate", "--format", "json"], lambda out: json.loads(out)["claims"] == 4 and json.loads(out)["ok"]),
    (["check", "--format", "json", FIXTURES / "city" / "gazette.txt"],
     lambda out: {f["claim"] for f in json.loads(out)["files"][0]["findings"]} <= {"B1", "B2", "B3", "B4"}),
])
def test_every_registry_reading_command_takes_registry(args, expect):
    proc = dsfact(*args, "--registry", CITY)
    assert proc.returncode in (0, 1), proc.stderr
    assert expect(proc.stdout), proc.stdout


def test_check_names_the_nearest_option_and_takes_no_abbreviation():
    proc = dsfact("check", "--form", "lines", ARTICLE)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1
    assert "--form" in proc.stderr and "did you mean --format?" in proc.stderr
    proc = dsfact("check", "--fail", "never", ARTICLE)  # an abbreviation of --fail-on is not taken for it
    assert proc.returncode == 2 and "did you mean --fail-on?" in proc.stderr


def test_usage_errors_of_other_commands_are_one_line():
    for args in (["claims", "--formt", "json"], ["compare", "--chrt"], ["hook", "install", "--chian"]):
        proc = dsfact(*args)
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert proc.stderr.startswith("dsfact: error: ")


def test_check_declared_for_completion_has_the_options_of_the_parser():
    from typer.main import get_command

    from dsfact.cli.check_parser import check_parser
    from dsfact.cli.commands import app

    parsed = {o for a in check_parser()._actions for o in a.option_strings} - {"-h", "--help"}
    declared = {o for p in get_command(app).commands["check"].params for o in getattr(p, "opts", [])
                if o.startswith("-")}
    assert parsed == declared


@pytest.mark.parametrize("words, cword, expected", [
    ("dsfact c", 1, {"check", "claims", "compare", "config"}),
    ("dsfact check --f", 2, {"--format", "--fail-on"}),
    ("dsfact check --format ", 3, {"table", "json", "jsonl", "lines", "github", "sarif"}),
    ("dsfact compare --", 2, {"--registry", "--format", "--chart"}),
    ("dsfact hook ", 2, {"install", "uninstall"}),
])
def test_shell_completion_covers_every_command_check_included(words, cword, expected):
    proc = dsfact(env={"_DSFACT_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)})
    assert proc.returncode == 0, proc.stderr
    assert expected <= set(proc.stdout.split()), proc.stdout


def test_completion_script_is_printed_for_a_shell():
    """The shell named, as a user copying the script into a dotfile names it. Typer takes the name only when
    its shell detection is off; with it on, the flag takes no value and the shell is looked for among the
    process's parents (SHELL is not read), which a test runner's process tree need not hold (a suite started
    under `timeout` in the background failed here), so detection is turned off for the test."""
    proc = dsfact("--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert proc.returncode == 0 and "_DSFACT_COMPLETE=complete_bash" in proc.stdout, proc.stderr

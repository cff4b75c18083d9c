"""`dsfact check`'s common argv read without argparse (check_parser.plain_options) gives exactly what argparse
gives; any other argv is left to argparse, which reads it or reports its fault."""
from __future__ import annotations

import pytest

from dsfact.cli.check_parser import FORMATS, check_parser, plain_options
from dsfact.errors import UsageError

READ_PLAINLY = [
    ["a.md"],
    ["a.md", "b.txt", "dir"],
    ["--format", "lines", "a.md"],
    ["-f", "jsonl", "a.md", "b.md"],
    ["--format=github", "a.md"],
    ["a.md", "b.md", "--format", "json"],
    ["a.md", "-q", "--format", "sarif", "--no-config"],
    ["--format=lines", "--format", "json", "x"],  # the last one counts
    ["-q", "--quiet", "--statistics", "--hidden", "--force-exclude", "--no-ignore", "--no-cache", "a.md"],
    ["", "x"],
    ["lines", "--format", "lines"],
    ["--format", "lines", "--", "a.md", "b.md"],  # the git hook's
    ["--format", "lines", "-q", "--", "-", "--", "-x.md"],
    ["--", "--format", "x"],
    ["a b.md", "c=d.md", "--no-cache"],
    *[["--format", fmt, "draft.md"] for fmt in FORMATS],
]

LEFT_TO_ARGPARSE = [
    [],
    ["-"],
    ["--format", "lines", "--"],
    ["-q", "--"],
    ["a.md", "--", "b.md"],
    ["a.md", "--format", "lines", "b.md"],  # argparse takes one run of paths
    ["-q", "a.md", "-q", "b.md"],
    ["--format", "xml", "a.md"],
    ["--format=", "a.md"],
    ["a.md", "-f"],
    ["-flines", "a.md"],
    ["--form", "lines", "a.md"],
    ["--format", "-q", "a.md"],
    ["--registry", "r.yaml", "a.md"],
    ["--changed", "a.md"],
    ["--jobs", "2", "a.md"],
    ["-h"],
    ["--no-config"],
]


@pytest.mark.parametrize("argv", READ_PLAINLY, ids=" ".join)
def test_the_common_argv_reads_as_argparse_reads_it(argv):
    found = plain_options(argv)
    assert found is not None
    assert found == vars(check_parser().parse_args(argv))


@pytest.mark.parametrize("argv", LEFT_TO_ARGPARSE, ids=" ".join)
def test_any_other_argv_is_left_to_argparse(argv):
    assert plain_options(argv) is None


def test_each_list_option_is_a_fresh_list():
    first, second = plain_options(["a.md"]), plain_options(["b.md"])
    for name in ("include", "exclude", "select", "ignore"):
        assert first[name] == [] and first[name] is not second[name]
    first["include"].append("*.md")
    assert plain_options(["a.md"])["include"] == []


def test_argparse_still_reports_what_it_reads_badly():
    with pytest.raises(UsageError, match="unrecognized arguments: b.md"):
        check_parser().parse_args(["a.md", "--format", "lines", "b.md"])


def test_a_hooks_check_never_imports_argparse(tmp_path):
    import subprocess
    import sys

    draft = tmp_path / "draft.md"
    draft.write_text("DeepSeek trained V3 on 2,048 H800 chips.\n", encoding="utf-8")
    script = ("import sys; from dsfact.cli.entry import main; code = main(sys.argv[1:]); "
              "print('argparse' in sys.modules, code)")
    for argv in (["check", "--format", "lines", str(draft)], ["check", "--format", "lines", "--", str(draft)]):
        out = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, check=True)
        assert out.stdout.splitlines()[-1] == "False 0", out.stdout

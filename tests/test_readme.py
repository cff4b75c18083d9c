"""The README's snippets work as written: the revision its pre-commit and pip snippets name exists in
this repository (a tag matching the package version), and its library example runs."""
import re
import shutil
import subprocess
import tomllib

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
NEWSROOM = (ROOT / "docs" / "newsroom.md").read_text(encoding="utf-8")
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def named_revs() -> set[str]:
    revs = set()
    for text in (README, NEWSROOM):
        revs |= set(re.findall(r"^\s*rev:\s*(\S+)", text, re.M))
        revs |= set(re.findall(r"dsfact\.git@([\w.\-]+)", text))
    return revs


def test_snippets_name_the_tag_of_this_version():
    assert named_revs() == {f"v{VERSION}"}


def test_the_named_rev_resolves_in_this_repository():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an sdist or a copy): no revisions to resolve")
    tags = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tags:
        pytest.skip("this clone fetched no tags (a shallow CI checkout)")
    for rev in named_revs():
        proc = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=ROOT,
                              capture_output=True, text=True)
        assert proc.returncode == 0, f"{rev} does not resolve: the README's snippets would fail"
        hooks = subprocess.run(["git", "cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml"], cwd=ROOT)
        assert hooks.returncode == 0, f"{rev} has no .pre-commit-hooks.yaml for pre-commit to install"


def test_the_library_example_runs(capsys):
    block = README.split("## Library use", 1)[1]
    code = re.search(r"```python\n(.*?)```", block, re.S).group(1)
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out.split()
    assert printed[:4] == ["1", "4,096", "C07", "contradicted"]

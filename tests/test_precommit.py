"""The pre-commit scenario with the real `pre-commit` tool: a newsroom's repository lists dsfact in its
.pre-commit-config.yaml; a commit stating a contradicted figure is refused with a readable message,
a commit of correct figures goes through.

pre-commit installs a hook repository from a git revision, so the test first snapshots this checkout
as it stands (committed or not: the files git lists, tracked and untracked-but-not-ignored) into a
throw-away git repository, and points the newsroom's config at that. pre-commit then builds its own
virtual environment by pip-installing the snapshot (about half a minute; PRE_COMMIT_HOME is a
temporary directory, so nothing of the user's cache is used or touched).

Two proofs: `pre-commit try-repo SNAPSHOT dsfact --files draft.md` (how a newsroom tries a hook before
adopting it), and `pre-commit install` followed by real `git commit`s. Skipped, not failed, when git or
the pre-commit package is missing (the `test` extra installs it).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(sys.platform == "win32", reason="not tried on Windows"),
]
pre_commit = pytest.importorskip("pre_commit", reason="the pre-commit package is not installed")

WRONG = "# Chip trade\n\nAn early draft said DeepSeek trained V3 on 4,096 H800 chips.\n"
RIGHT = "# Chip trade\n\nDeepSeek trained V3 on 2,048 H800 chips.\n"


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL_ENV"))}
    env.update(PRE_COMMIT_HOME=str(home), DSFACT_REGISTRY="", PRE_COMMIT_COLOR="never", NO_COLOR="1")
    return env


def _run(args, cwd: Path, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))} failed ({proc.returncode}):\n{proc.stdout}")
    return proc


def _checkout_files() -> list[str]:
    proc = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                          capture_output=True, env=_env(Path("/nonexistent")))
    if proc.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    return [p for p in proc.stdout.decode().split("\0") if p and (ROOT / p).is_file()]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str, Path]:
    """A git repository holding this checkout as it stands; its commit; a PRE_COMMIT_HOME."""
    base = tmp_path_factory.mktemp("precommit")
    snapshot = base / "dsfact"
    for rel in _checkout_files():
        target = snapshot / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    assert (snapshot / ".pre-commit-hooks.yaml").is_file()
    env = _env(base / "home")
    _run(["git", "init", "-q"], snapshot, env)
    _run(["git", "add", "-A"], snapshot, env)
    _run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false",
          "commit", "-q", "-m", "snapshot"], snapshot, env)
    rev = _run(["git", "rev-parse", "HEAD"], snapshot, env).stdout.strip()
    return snapshot, rev, base / "home"


def _newsroom(path: Path, env: dict) -> Path:
    path.mkdir()
    _run(["git", "init", "-q"], path, env)
    _run(["git", "config", "user.email", "desk@example.com"], path, env)
    _run(["git", "config", "user.name", "Desk"], path, env)
    _run(["git", "config", "commit.gpgsign", "false"], path, env)
    return path


def test_try_repo(hook_repo, tmp_path):
    snapshot, rev, home = hook_repo
    env = _env(home)
    repo = _newsroom(tmp_path / "paper", env)
    (repo / "draft.md").write_text(WRONG, encoding="utf-8")
    pc = [sys.executable, "-m", "pre_commit"]
    refused = _run([*pc, "try-repo", str(snapshot), "dsfact", "--ref", rev, "--files", "draft.md"], repo, env,
                   check=False)
    assert refused.returncode == 1, refused.stdout
    assert "Failed" in refused.stdout
    assert "draft.md:3:44: error: contradicted C07: 4,096 disagrees with the primary record: v3-report 2,048" in refused.stdout
    (repo / "draft.md").write_text(RIGHT, encoding="utf-8")
    passed = _run([*pc, "try-repo", str(snapshot), "dsfact", "--ref", rev, "--files", "draft.md"], repo, env,
                  check=False)
    assert passed.returncode == 0, passed.stdout
    assert "Passed" in passed.stdout


def test_a_commit_with_a_contradicted_figure_is_refused(hook_repo, tmp_path):
    snapshot, rev, home = hook_repo
    env = _env(home)
    repo = _newsroom(tmp_path / "paper", env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {snapshot}\n    rev: {rev}\n    hooks:\n      - id: dsfact\n", encoding="utf-8")
    _run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    _run(["git", "add", ".pre-commit-config.yaml"], repo, env)

    (repo / "draft.md").write_text(WRONG, encoding="utf-8")
    _run(["git", "add", "draft.md"], repo, env)
    refused = _run(["git", "commit", "-m", "draft"], repo, env, check=False)
    assert refused.returncode != 0, refused.stdout
    assert "dsfact (check figures against the claim registry)" in refused.stdout
    assert "Failed" in refused.stdout
    assert "draft.md:3:44: error: contradicted C07: 4,096 disagrees with the primary record: v3-report 2,048; etnet says 2,048 (differs)" in refused.stdout
    assert _run(["git", "rev-list", "--all"], repo, env).stdout == ""  # nothing was committed

    (repo / "draft.md").write_text(RIGHT, encoding="utf-8")
    _run(["git", "add", "draft.md"], repo, env)
    accepted = _run(["git", "commit", "-m", "draft"], repo, env, check=False)
    assert accepted.returncode == 0, accepted.stdout
    assert "Passed" in accepted.stdout
    # a file that is not prose is not passed to the hook
    (repo / "tool.py").write_text(f"# {WRONG}", encoding="utf-8")
    _run(["git", "add", "tool.py"], repo, env)
    assert _run(["git", "commit", "-m", "tool"], repo, env, check=False).returncode == 0


def test_many_files_get_one_summary(hook_repo, tmp_path):
    """pre-commit splits a long file list into batches, one process each, unless the hook asks to run
    serially; dsfact parallelises itself, so one process and one summary line for the whole run."""
    snapshot, rev, home = hook_repo
    env = _env(home)
    repo = _newsroom(tmp_path / "paper", env)
    names = [f"draft{i:02d}.md" for i in range(40)]
    for name in names:
        (repo / name).write_text(RIGHT, encoding="utf-8")
    (repo / names[-1]).write_text(WRONG, encoding="utf-8")
    proc = _run([sys.executable, "-m", "pre_commit", "try-repo", str(snapshot), "dsfact", "--ref", rev,
                 "--files", *names], repo, env, check=False)
    assert proc.returncode == 1, proc.stdout
    summaries = [line for line in proc.stdout.splitlines() if re.match(r"\d+ files?: \d+ supported, ", line)]
    assert summaries == ["40 files: 39 supported, 1 contradicted, 0 disputed"], proc.stdout

"""`dsfact hook install`: a git pre-commit hook for repositories without pre-commit, tried with real
`git commit`s in throw-away repositories."""
from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import git_env, run_git

from dsfact.cli import main
from dsfact.cli.hook import CHAINED, MARKER, OLD, hook_script, hooks_dir

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(sys.platform == "win32", reason="the hook is a sh script"),
]

WRONG = "An early draft said DeepSeek trained V3 on 4,096 H800 chips.\n"  # C07 contradicted
RIGHT = "DeepSeek trained V3 on 2,048 H800 chips.\n"


git = run_git


@pytest.fixture
def repo(git_repo):
    return git_repo


def install(repo: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["hook", "install", "--repo", str(repo), *args])
    out, err = capsys.readouterr()
    return code, out, err


def commit(repo: Path, name: str, text: str, message: str = "edit") -> subprocess.CompletedProcess:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    git(repo, "add", name)
    # git shows a hook's output on its stderr: keep both in .stdout
    return subprocess.run(["git", "commit", "-m", message], cwd=repo, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, env=git_env(), check=False)


def commits(repo: Path) -> int:
    proc = git(repo, "rev-list", "--count", "HEAD", check=False)
    return int(proc.stdout.strip()) if proc.returncode == 0 else 0


def test_install_writes_an_executable_sh_hook(repo, capsys):
    code, out, err = install(repo, capsys)
    assert code == 0, err
    hook = repo / ".git" / "hooks" / "pre-commit"
    assert out == f"dsfact: installed {hook}\n"
    text = hook.read_text()
    assert text.startswith("#!/bin/sh\n") and MARKER in text
    assert sys.executable in text  # this Python, by absolute path: works outside the venv
    assert hook.stat().st_mode & stat.S_IXUSR
    assert subprocess.run(["sh", "-n", str(hook)]).returncode == 0


def test_a_contradicted_figure_is_refused_and_a_correct_one_goes_through(repo, capsys):
    assert install(repo, capsys)[0] == 0
    refused = commit(repo, "drafts/story.md", "# Story\n\n" + WRONG)
    assert refused.returncode != 0
    assert "drafts/story.md:3:44: error: contradicted C07: 4,096 disagrees with the primary record: v3-report 2,048" in refused.stdout
    assert commits(repo) == 0
    accepted = commit(repo, "drafts/story.md", "# Story\n\n" + RIGHT)
    assert accepted.returncode == 0, accepted.stdout
    assert commits(repo) == 1


def test_only_changed_lines_can_block(repo, capsys):
    assert commit(repo, "story.md", "# Story\n\n" + WRONG, "before the hook").returncode == 0
    assert install(repo, capsys)[0] == 0
    edit = commit(repo, "story.md", "# Story\n\n" + WRONG + RIGHT)
    assert edit.returncode == 0, edit.stdout
    assert commits(repo) == 2


def test_files_that_are_not_prose_are_left_alone(repo, capsys):
    assert install(repo, capsys)[0] == 0
    assert commit(repo, "notes.py", f"# {WRONG}").returncode == 0
    assert commit(repo, "README", WRONG).returncode == 0  # not in the default globs


def test_an_existing_hook_is_never_overwritten(repo, capsys):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho theirs\n")
    hook.chmod(0o755)
    code, out, err = install(repo, capsys)
    assert code == 2
    assert f"{hook} already exists and is not dsfact's; not overwritten" in err
    assert "--chain" in err and "--force" in err
    assert hook.read_text() == "#!/bin/sh\necho theirs\n"


def test_chain_runs_the_old_hook_first(repo, capsys):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text('#!/bin/sh\necho "house style hook ran"\nif [ -f BLOCK ]; then exit 7; fi\n')
    hook.chmod(0o755)
    code, out, err = install(repo, capsys, "--chain")
    assert code == 0, err
    assert (repo / ".git" / "hooks" / CHAINED).read_text().startswith("#!/bin/sh\necho \"house style")
    ok = commit(repo, "a.md", RIGHT)
    assert ok.returncode == 0 and "house style hook ran" in ok.stdout
    # the old hook's failure stops the commit before dsfact runs
    (repo / "BLOCK").write_text("")
    blocked = commit(repo, "b.md", RIGHT)
    assert blocked.returncode != 0 and "house style hook ran" in blocked.stdout
    (repo / "BLOCK").unlink()
    # and dsfact still refuses a contradicted figure after the old hook passed
    refused = commit(repo, "c.md", WRONG)
    assert refused.returncode != 0 and "contradicted C07" in refused.stdout
    assert commits(repo) == 1


def test_chained_exit_status_is_passed_on(repo, capsys, tmp_path):
    hooks = repo / ".git" / "hooks"
    (hooks / "pre-commit").write_text("#!/bin/sh\nexit 7\n")
    (hooks / "pre-commit").chmod(0o755)
    assert install(repo, capsys, "--chain")[0] == 0
    proc = subprocess.run(["sh", str(hooks / "pre-commit")], cwd=repo, env=git_env())
    assert proc.returncode == 7


def test_force_replaces_and_keeps_the_old_hook(repo, capsys):
    hooks = repo / ".git" / "hooks"
    (hooks / "pre-commit").write_text("#!/bin/sh\nexit 1\n")
    code, out, err = install(repo, capsys, "--force")
    assert code == 0
    assert (hooks / OLD).read_text() == "#!/bin/sh\nexit 1\n"
    assert MARKER in (hooks / "pre-commit").read_text()
    assert commit(repo, "a.md", RIGHT).returncode == 0


def test_chain_and_force_together_is_a_usage_error(repo, capsys):
    code, out, err = install(repo, capsys, "--chain", "--force")
    assert code == 2 and "choose one" in err


def test_reinstalling_updates_dsfacts_own_hook(repo, capsys):
    assert install(repo, capsys)[0] == 0
    code, out, err = install(repo, capsys)
    assert code == 0 and out.startswith("dsfact: updated ")


def test_reinstalling_keeps_the_chain(repo, capsys):
    hooks = repo / ".git" / "hooks"
    (hooks / "pre-commit").write_text("#!/bin/sh\nexit 0\n")
    assert install(repo, capsys, "--chain")[0] == 0
    assert install(repo, capsys)[0] == 0
    assert CHAINED in (hooks / "pre-commit").read_text()


def test_core_hooks_path_is_respected(repo, capsys):
    git(repo, "config", "core.hooksPath", ".githooks")
    assert hooks_dir(str(repo)) == repo / ".githooks"
    code, out, err = install(repo, capsys)
    assert code == 0 and (repo / ".githooks" / "pre-commit").exists()
    assert not (repo / ".git" / "hooks" / "pre-commit").exists()
    assert commit(repo, "a.md", WRONG).returncode != 0


def test_not_a_repository(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "plain").mkdir()
    code, out, err = install(tmp_path / "plain", capsys)
    assert code == 2 and "not a git repository" in err


def test_the_hook_tells_when_its_python_is_gone(repo):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text(hook_script("/nonexistent/python3", chained=False))
    hook.chmod(0o755)
    proc = subprocess.run(["sh", str(hook)], cwd=repo, capture_output=True, text=True, env=git_env())
    assert proc.returncode == 1 and "/nonexistent/python3 is gone" in proc.stderr


DSFACT = str(Path(sys.executable).parent / "dsfact")


def uninstall(repo: Path) -> subprocess.CompletedProcess:
    """`dsfact hook uninstall`, through the installed console script."""
    return subprocess.run([DSFACT, "hook", "uninstall", "--repo", str(repo)], capture_output=True, text=True,
                          env=git_env())


def test_uninstall_restores_the_chained_hook(repo, capsys):
    hooks = repo / ".git" / "hooks"
    theirs = '#!/bin/sh\necho "house style hook ran"\n'
    (hooks / "pre-commit").write_text(theirs)
    (hooks / "pre-commit").chmod(0o755)
    assert install(repo, capsys, "--chain")[0] == 0
    proc = uninstall(repo)
    assert proc.returncode == 0 and "restored" in proc.stdout, proc.stderr
    assert (hooks / "pre-commit").read_text() == theirs
    assert (hooks / "pre-commit").stat().st_mode & stat.S_IXUSR
    assert not (hooks / CHAINED).exists()
    ok = commit(repo, "a.md", WRONG)  # dsfact no longer runs; the old hook does
    assert ok.returncode == 0 and "house style hook ran" in ok.stdout


def test_uninstall_restores_the_hook_force_replaced(repo, capsys):
    hooks = repo / ".git" / "hooks"
    (hooks / "pre-commit").write_text("#!/bin/sh\nexit 0\n")
    assert install(repo, capsys, "--force")[0] == 0
    assert uninstall(repo).returncode == 0
    assert (hooks / "pre-commit").read_text() == "#!/bin/sh\nexit 0\n" and not (hooks / OLD).exists()


def test_uninstall_removes_a_lone_hook_and_leaves_a_foreign_one(repo, capsys):
    hooks = repo / ".git" / "hooks"
    assert install(repo, capsys)[0] == 0
    assert uninstall(repo).returncode == 0 and not (hooks / "pre-commit").exists()
    assert uninstall(repo).returncode == 0  # nothing to remove is not an error
    (hooks / "pre-commit").write_text("#!/bin/sh\nexit 0\n")
    proc = uninstall(repo)
    assert proc.returncode == 2 and "not dsfact's" in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert (hooks / "pre-commit").read_text() == "#!/bin/sh\nexit 0\n"

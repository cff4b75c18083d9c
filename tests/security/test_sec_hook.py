"""The git pre-commit hook under hostile or awkward conditions: a commit that renames or copies a file,
a staged version that differs from the working tree, an existing hook that is a (dangling) symlink."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import git_env, run_git

from dsfact.cli import main

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(sys.platform == "win32", reason="the hook is a sh script"),
]

WRONG = "An early draft said DeepSeek trained V3 on 4,096 H800 chips.\n"  # C07 contradicted
RIGHT = "DeepSeek trained V3 on 2,048 H800 chips.\n"
BODY = "".join(f"Paragraph {n} of the story, with nothing to check in it.\n\n" for n in range(1, 9))


def hooks(repo: Path) -> Path:
    return repo / ".git" / "hooks"


def install(repo: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["hook", "install", "--repo", str(repo), *args])
    out, err = capsys.readouterr()
    return code, out, err


def git_commit(repo: Path, message: str = "edit") -> subprocess.CompletedProcess:
    return subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, env=git_env(), check=False)


def commits(repo: Path) -> int:
    proc = run_git(repo, "rev-list", "--count", "HEAD", check=False)
    return int(proc.stdout.strip()) if proc.returncode == 0 else 0


# --- install --chain onto what is already there ------------------------------------------------------

def test_chain_onto_a_dangling_symlink_keeps_it_and_installs(git_repo, capsys):
    hook = hooks(git_repo) / "pre-commit"
    hook.symlink_to("../../tools/house-hook")  # not there (yet)
    code, out, err = install(git_repo, capsys, "--chain")
    assert code == 0, err
    chained = hooks(git_repo) / "pre-commit.dsfact-chained"
    assert chained.is_symlink() and os.readlink(chained) == "../../tools/house-hook"
    assert "does not exist" in err
    assert "dsfact pre-commit hook" in hook.read_text() and not hook.is_symlink()
    # the commit goes on (git itself would not run a hook that is not there), and dsfact still checks
    (git_repo / "a.md").write_text(WRONG, encoding="utf-8")
    run_git(git_repo, "add", "a.md")
    refused = git_commit(git_repo)
    assert refused.returncode != 0 and "contradicted C07" in refused.stdout, refused.stdout


def test_chain_onto_a_symlink_never_changes_the_mode_of_its_target(git_repo, capsys, tmp_path):
    target = tmp_path / "shared-hook"
    target.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    target.chmod(0o600)
    (hooks(git_repo) / "pre-commit").symlink_to(target)
    code, _, err = install(git_repo, capsys, "--chain")
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.readlink(hooks(git_repo) / "pre-commit.dsfact-chained") == str(target)


def test_a_hook_already_set_aside_is_never_overwritten(git_repo, capsys):
    directory = hooks(git_repo)
    (directory / "pre-commit").write_text("#!/bin/sh\necho new\n", encoding="utf-8")
    for kept, option in (("pre-commit.dsfact-chained", "--chain"), ("pre-commit.dsfact-old", "--force")):
        (directory / kept).symlink_to("nowhere")  # dangling: exists() says no, but it is a hook to keep
        code, _, err = install(git_repo, capsys, option)
        assert code == 2 and "already exists" in err
        assert os.readlink(directory / kept) == "nowhere"
        assert (directory / "pre-commit").read_text() == "#!/bin/sh\necho new\n"
        (directory / kept).unlink()


def test_a_failed_install_puts_the_old_hook_back(git_repo, capsys, monkeypatch):
    hook = hooks(git_repo) / "pre-commit"
    hook.write_text("#!/bin/sh\necho theirs\n", encoding="utf-8")
    hook.chmod(0o755)
    real_replace = os.replace

    def replace(src, dst):  # the last step (new hook into place) fails, as on a full or read-only disk
        if str(src).endswith("dsfact-tmp"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    code, _, err = install(git_repo, capsys, "--chain")
    assert code == 2 and "No space left" in err
    assert hook.read_text() == "#!/bin/sh\necho theirs\n"
    assert not os.path.lexists(hooks(git_repo) / "pre-commit.dsfact-chained")
    assert not os.path.lexists(hooks(git_repo) / "pre-commit.dsfact-tmp")


def test_a_symlink_planted_at_the_temporary_name_is_not_followed(git_repo, capsys, tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("keep me\n", encoding="utf-8")
    (hooks(git_repo) / "pre-commit.dsfact-tmp").symlink_to(victim)
    code, _, err = install(git_repo, capsys)
    assert code == 0, err
    assert victim.read_text() == "keep me\n"


def test_a_fifo_as_the_hook_does_not_hang_the_install(git_repo):
    os.mkfifo(hooks(git_repo) / "pre-commit")
    proc = subprocess.run([sys.executable, "-m", "dsfact", "hook", "install", "--repo", str(git_repo)],
                          capture_output=True, text=True, env=git_env(), timeout=60)  # it hung, reading the FIFO
    assert proc.returncode == 2 and "not dsfact's" in proc.stderr


# --- what the hook checks: the commit, not the working tree ------------------------------------------

def stage(repo: Path, name: str, text: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    run_git(repo, "add", name)


def test_a_renamed_and_edited_file_is_checked(git_repo, capsys):
    stage(git_repo, "draft.md", "# Story\n\n" + BODY + RIGHT)
    assert git_commit(git_repo, "first").returncode == 0
    assert install(git_repo, capsys)[0] == 0
    run_git(git_repo, "mv", "draft.md", "story.md")
    stage(git_repo, "story.md", "# Story\n\n" + BODY + RIGHT + WRONG)
    assert "R" in run_git(git_repo, "diff", "--cached", "--name-status", "-M").stdout  # git sees a rename
    refused = git_commit(git_repo)
    assert refused.returncode != 0, refused.stdout
    assert "story.md:20:" in refused.stdout and "contradicted C07" in refused.stdout
    assert commits(git_repo) == 1


def test_a_pure_rename_blocks_nothing_already_committed(git_repo, capsys):
    stage(git_repo, "draft.md", WRONG)
    assert subprocess.run(["git", "commit", "-q", "--no-verify", "-m", "old"], cwd=git_repo, env=git_env()).returncode == 0
    assert install(git_repo, capsys)[0] == 0
    run_git(git_repo, "mv", "draft.md", "story.md")
    moved = git_commit(git_repo)
    assert moved.returncode == 0, moved.stdout  # no line changed: as --changed, nothing new to judge


def test_the_staged_content_is_checked_not_the_working_tree(git_repo, capsys):
    assert install(git_repo, capsys)[0] == 0
    stage(git_repo, "a.md", WRONG)
    (git_repo / "a.md").write_text(RIGHT, encoding="utf-8")  # fixed on disk, but not staged
    refused = git_commit(git_repo)
    assert refused.returncode != 0 and "contradicted C07" in refused.stdout, refused.stdout
    stage(git_repo, "b.md", RIGHT)
    run_git(git_repo, "reset", "-q", "a.md")
    (git_repo / "b.md").write_text(WRONG, encoding="utf-8")  # broken on disk, correct in the commit
    accepted = git_commit(git_repo)
    assert accepted.returncode == 0, accepted.stdout


def test_findings_are_on_the_staged_files_lines(git_repo, capsys):
    assert install(git_repo, capsys)[0] == 0
    stage(git_repo, "a.md", "# Story\n\n" + WRONG)
    (git_repo / "a.md").write_text("# Story\n\nA new paragraph.\n\nAnother.\n\n" + WRONG, encoding="utf-8")
    refused = git_commit(git_repo)
    assert "a.md:3:" in refused.stdout and "a.md:7:" not in refused.stdout, refused.stdout


def test_a_staged_file_deleted_from_the_working_tree_is_still_checked(git_repo, capsys):
    assert install(git_repo, capsys)[0] == 0
    stage(git_repo, "a.md", WRONG)
    (git_repo / "a.md").unlink()
    refused = git_commit(git_repo)
    assert refused.returncode != 0 and "contradicted C07" in refused.stdout, refused.stdout


def test_a_copy_is_checked(git_repo, capsys):
    stage(git_repo, "a.md", "# One\n\n" + BODY + RIGHT)
    assert git_commit(git_repo, "first").returncode == 0
    assert install(git_repo, capsys)[0] == 0
    stage(git_repo, "a.md", "# One\n\n" + BODY + RIGHT + "More.\n")
    stage(git_repo, "b.md", "# One\n\n" + BODY + RIGHT + WRONG)
    assert "C" in run_git(git_repo, "diff", "--cached", "--name-status", "-C").stdout  # git sees a copy
    refused = git_commit(git_repo)
    assert refused.returncode != 0 and "b.md:20:" in refused.stdout, refused.stdout


def test_an_excluded_file_is_not_checked_by_the_hook(git_repo, capsys):
    (git_repo / ".dsfact.toml").write_text('exclude = ["archive/*"]\n', encoding="utf-8")
    assert install(git_repo, capsys)[0] == 0
    stage(git_repo, "archive/old.md", WRONG)
    assert git_commit(git_repo).returncode == 0

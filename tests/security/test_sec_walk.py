"""Directory walks under hostile or awkward conditions: a subdirectory that cannot be read, a tree
deeper than Python's recursion limit, ignore files that are not regular files."""
from __future__ import annotations

import os
import sys

import pytest

from dsfact.cli import main

WRONG = "An early draft said DeepSeek trained V3 on 4,096 H800 chips.\n"  # C07 contradicted
RIGHT = "DeepSeek trained V3 on 2,048 H800 chips.\n"
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and FIFOs")


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "-f", "lines", "--no-config", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_tree_deeper_than_the_recursion_limit_is_walked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = "tree"
    os.mkdir(path)
    for _ in range(1200):
        path = os.path.join(path, "d")
        os.mkdir(path)
    with open(os.path.join(path, "deep.md"), "w", encoding="utf-8") as handle:
        handle.write(WRONG)
    try:
        code, out, err = check(capsys, "tree")
    finally:  # pytest's clean-up (shutil.rmtree) recurses as deep as the tree
        os.remove(os.path.join(path, "deep.md"))
        while path:
            os.rmdir(path)
            path = os.path.dirname(path)
    assert code == 1, err
    assert "internal error" not in err and "RecursionError" not in err
    assert "deep.md:1:" in out and "contradicted C07" in out


def _unreadable(monkeypatch, secret: str):
    """os.scandir refuses `secret`, as for a directory of mode 000 (root reads those anyway)."""
    real = os.scandir

    def scandir(path="."):
        if os.path.normpath(os.fspath(path)) == os.path.normpath(secret):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subdirectory_is_an_error_like_an_unreadable_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts" / "locked").mkdir(parents=True)
    (tmp_path / "drafts" / "locked" / "hidden.md").write_text(WRONG, encoding="utf-8")
    (tmp_path / "drafts" / "open.md").write_text(RIGHT, encoding="utf-8")
    _unreadable(monkeypatch, "drafts/locked")
    code, out, err = check(capsys, "drafts")
    assert code == 2, (out, err)
    assert "dsfact: error: drafts/locked: cannot read this directory (permission denied)" in err
    assert "open.md" in out or "1 supported" in out  # the readable files are still checked


def test_an_unreadable_top_directory_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.md").write_text(WRONG, encoding="utf-8")
    _unreadable(monkeypatch, "locked")
    code, _, err = check(capsys, "locked")
    assert code == 2
    assert "locked: cannot read this directory (permission denied)" in err


@POSIX
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads a directory of mode 000")
def test_a_directory_of_mode_000_is_reported(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    locked = tmp_path / "drafts" / "locked"
    locked.mkdir(parents=True)
    (locked / "a.md").write_text(WRONG, encoding="utf-8")
    (tmp_path / "drafts" / "b.md").write_text(RIGHT, encoding="utf-8")
    locked.chmod(0)
    try:
        code, _, err = check(capsys, "drafts")
    finally:
        locked.chmod(0o755)
    assert code == 2 and "drafts/locked: cannot read this directory" in err


@POSIX
def test_an_ignore_file_that_is_a_fifo_or_a_device_is_not_read(tmp_path):
    import subprocess

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.md").write_text(WRONG, encoding="utf-8")
    os.mkfifo(tmp_path / "a" / ".gitignore")  # reading it would wait for a writer forever
    (tmp_path / "a" / ".ignore").symlink_to("/dev/zero")  # reading it would fill the memory
    proc = subprocess.run([sys.executable, "-m", "dsfact", "check", "-f", "lines", "--no-config", "a"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, NO_COLOR="1"))
    assert proc.returncode == 1, proc.stderr
    assert "contradicted C07" in proc.stdout


def test_a_file_named_on_the_command_line_is_checked_whatever_the_config_excludes(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".dsfact.toml").write_text('exclude = ["*"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(WRONG, encoding="utf-8")
    code = main(["check", "-f", "lines", "a.md"])
    out, err = capsys.readouterr()
    assert code == 1 and "contradicted C07" in out, (out, err)
    # a walk still honours it, and --force-exclude applies it to named files (pre-commit's hook)
    assert main(["check", "-f", "lines", "."]) == 2  # nothing left to check in the directory
    assert main(["check", "-f", "lines", "--force-exclude", "a.md"]) == 0

"""`dsfact check --changed [REF]`: only findings on lines changed against a git revision, so an old
article's known disputes do not block today's edit. Each test works in a throw-away repository."""
from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import run_git

from dsfact.changes import ALL_LINES, changed_lines_for
from dsfact.cli import main
from dsfact.errors import UsageError

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = "An early draft said DeepSeek trained V3 on 4,096 H800 chips.\n"  # C07 contradicted, already committed
NEW_WRONG = "Another draft said DeepSeek trained V3 on 8,192 H800 chips.\n"  # C07 contradicted
NEW_RIGHT = "DeepSeek trained V3 on 2,048 H800 chips.\n"  # C07 supported


def git(repo: Path, *args: str) -> str:
    return run_git(repo, *args).stdout


@pytest.fixture
def repo(git_repo, monkeypatch):
    (git_repo / "story.md").write_text("# Story\n\n" + OLD, encoding="utf-8")
    git(git_repo, "add", "story.md")
    git(git_repo, "commit", "-q", "-m", "first")
    monkeypatch.chdir(git_repo)
    return git_repo


def check(capsys, *args: str) -> tuple[int, list[tuple[str, int, str]], str]:
    code = main(["check", "--format", "json", "--no-config", *args])
    out, err = capsys.readouterr()
    doc = json.loads(out) if out.strip() else {"files": []}
    found = [(Path(f["path"]).name, x["line"], x["verdict"]) for f in doc["files"] for x in f["findings"]]
    return code, found, err


def test_an_old_dispute_does_not_block_todays_edit(repo, capsys):
    (repo / "story.md").write_text("# Story\n\n" + OLD + NEW_RIGHT, encoding="utf-8")
    assert check(capsys, "story.md")[:2] == (1, [("story.md", 3, "contradicted"), ("story.md", 4, "supported")])
    assert check(capsys, "--changed", "story.md")[:2] == (0, [("story.md", 4, "supported")])


def test_a_new_wrong_figure_still_fails(repo, capsys):
    (repo / "story.md").write_text("# Story\n\n" + NEW_WRONG + OLD, encoding="utf-8")
    assert check(capsys, "--changed", "story.md")[:2] == (1, [("story.md", 3, "contradicted")])


def test_staged_and_unstaged_changes_both_count(repo, capsys):
    (repo / "story.md").write_text("# Story\n\n" + OLD + NEW_WRONG, encoding="utf-8")
    git(repo, "add", "story.md")
    (repo / "story.md").write_text("# Story\n\n" + OLD + NEW_WRONG + NEW_RIGHT, encoding="utf-8")
    assert check(capsys, "--changed", "story.md")[1] == [("story.md", 4, "contradicted"), ("story.md", 5, "supported")]


def test_an_explicit_ref(repo, capsys):
    (repo / "story.md").write_text("# Story\n\n" + OLD + NEW_RIGHT, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second")
    assert check(capsys, "--changed", "story.md")[1] == []  # nothing changed since HEAD
    assert check(capsys, "--changed", "HEAD~1", "story.md")[1] == [("story.md", 4, "supported")]
    code, found, err = check(capsys, "--changed", "no-such-branch", "story.md")
    assert code == 2 and "--changed no-such-branch: not a git revision" in err


def test_untracked_files_are_new_on_every_line(repo, capsys):
    (repo / "new.md").write_text(OLD + NEW_RIGHT, encoding="utf-8")
    assert check(capsys, "--changed", "new.md", "story.md")[1] == [("new.md", 1, "contradicted"),
                                                                   ("new.md", 2, "supported")]
    git(repo, "add", "new.md")  # staged but never committed: still new on every line
    assert len(check(capsys, "--changed", "new.md")[1]) == 2


def test_a_repository_without_a_commit(tmp_path, capsys, monkeypatch):
    git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert check(capsys, "--changed", "a.md")[1] == [("a.md", 1, "contradicted")]


def test_outside_a_repository_is_a_usage_error(tmp_path, capsys, monkeypatch):
    outside = tmp_path / "nogit"
    outside.mkdir()
    (outside / "a.md").write_text(OLD, encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(outside)
    code = main(["check", "--changed", "a.md"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.strip() == "dsfact: error: --changed compares with git, but a.md is not inside a git repository"


def test_a_directory_and_odd_file_names(repo, capsys):
    (repo / "drafts").mkdir()
    odd = repo / "drafts" / "稿 \"1\".md"
    odd.write_text("# Old\n" + OLD, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "odd")
    odd.write_text("# Old\n" + OLD + NEW_WRONG, encoding="utf-8")
    code, found, _ = check(capsys, "--changed", "", "drafts")
    assert found == [("稿 \"1\".md", 3, "contradicted")]


def test_paths_from_a_subdirectory(repo, capsys, monkeypatch):
    (repo / "desk").mkdir()
    (repo / "desk" / "a.md").write_text(OLD, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "desk")
    (repo / "desk" / "a.md").write_text(OLD + NEW_WRONG, encoding="utf-8")
    monkeypatch.chdir(repo / "desk")
    assert check(capsys, "--changed", "a.md", "../story.md")[1] == [("a.md", 2, "contradicted")]


def test_standard_input_counts_as_new(repo, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(OLD.encode())))
    assert check(capsys, "--changed", "-", "--stdin-filename", "story.md")[1] == [("story.md", 1, "contradicted")]


def test_changed_lines_for(repo):
    (repo / "story.md").write_text("# Story, updated\n\n" + OLD + "more\nlines\n", encoding="utf-8")
    (repo / "loose.md").write_text("x\n", encoding="utf-8")
    lines = changed_lines_for(["story.md", "./loose.md"])
    assert lines["story.md"] == {1, 4, 5}
    assert lines["loose.md"] is ALL_LINES and 12345 in ALL_LINES


def test_deleted_lines_mark_nothing(repo):
    (repo / "story.md").write_text("# Story\n", encoding="utf-8")
    assert changed_lines_for(["story.md"]) == {"story.md": set()}


def test_git_missing(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "empty-bin"))
    with pytest.raises(UsageError, match="needs git"):
        changed_lines_for(["story.md"])


def test_a_changed_word_document_counts_on_every_paragraph(repo):
    docx = pytest.importorskip("docx")

    def save(*paragraphs: str) -> None:
        d = docx.Document()
        for text in paragraphs:
            d.add_paragraph(text)
        d.save(repo / "draft.docx")

    save(OLD.strip())
    git(repo, "add", "draft.docx")
    git(repo, "commit", "-q", "-m", "a draft")
    assert changed_lines_for(["draft.docx"]) == {"draft.docx": set()}
    save(OLD.strip(), NEW_WRONG.strip())
    assert changed_lines_for(["draft.docx"]) == {"draft.docx": ALL_LINES}

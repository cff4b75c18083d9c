"""Documents as newsrooms have them, end to end through `dsfact check`: the same article as plain
text, Markdown and HTML, in UTF-8 (with and without BOM), UTF-16, Big5 and GB18030, gives the same
findings as its plain-text equivalent, each at the line and column where the figure stands in the
original file. Also: directories with include/exclude, standard input, --encoding, and files that
cannot be read."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from dsfact.cli import main

ROOT = Path(__file__).resolve().parent.parent
NEWSROOM = ROOT / "tests" / "fixtures" / "newsroom"



def _load_make_fixtures():
    import importlib.util

    spec = importlib.util.spec_from_file_location("newsroom_make_fixtures", NEWSROOM / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_fixtures = _load_make_fixtures()


def check_json(capsys, *args: str) -> tuple[int, dict, str]:
    code = main(["check", "--format", "json", "--no-config", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def findings_of(doc: dict, path: str | None = None) -> list[dict]:
    files = doc["files"] if path is None else [f for f in doc["files"] if f["path"] == path]
    return [x for f in files for x in f["findings"]]


def summary(findings: list[dict]) -> list[tuple]:
    return [(f["claim"], f["verdict"], f["value"]) for f in findings]


def positions(findings: list[dict]) -> list[tuple]:
    return [(f["claim"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in findings]


def pinned(name: str) -> list[tuple]:
    return [p[:5] for p in PINNED[SAME_AS.get(name, name)]]


# Christmas Day: aena says so, tkp the 27th, and the release commit (the primary record) the 26th
ENGLISH = [("C01", "supported", 5600000.0), ("C07", "contradicted", 4096.0), ("C45", "contradicted", "2024-12-25"),
           ("C25", "supported", 589000000000.0)]
CHINESE = [("C01", "supported", 5576000.0), ("C07", "contradicted", 4096.0), ("C45", "contradicted", "2024-12-25")]

# Where each figure stands in each original file: (claim, line, column, end line, end column, and the
# characters of the original file between them).
PINNED = {
    "article.txt": [("C01", 3, 77, 3, 89, "$5.6 million"), ("C07", 4, 61, 4, 66, "4,096"),
                    ("C45", 5, 29, 5, 40, "December 25"), ("C25", 6, 13, 6, 25, "$589 billion")],
    # Markdown: "**about $5.6 million**" moves the figure two columns, the list item's "- " and the
    # emphasis of "_4,096_" three; the table cell keeps the figure where it stands in its row.
    "article.md": [("C01", 9, 79, 9, 91, "$5.6 million"), ("C07", 11, 64, 11, 69, "4,096"),
                   ("C45", 12, 31, 12, 42, "December 25"), ("C25", 16, 18, 16, 30, "$589 billion")],
    # HTML: an entity counts as the characters it is written with, where the figure starts or ends.
    "article.html": [("C01", 11, 80, 11, 97, "$5.6&nbsp;million"), ("C07", 12, 67, 12, 72, "4,096"),
                     ("C45", 13, 32, 13, 48, "December&nbsp;25"), ("C25", 14, 16, 14, 32, "&#36;589 billion")],
    "zh-hant.txt": [("C01", 3, 23, 3, 31, "557.6萬美元"), ("C07", 4, 12, 4, 18, "4,096塊"),
                    ("C45", 5, 13, 5, 24, "2024年12月25日")],
    # The figure "4,096塊" spans the closing tag of <strong>4,096</strong>塊.
    "zh-hant.html": [("C01", 10, 26, 10, 34, "557.6萬美元"), ("C07", 11, 23, 11, 38, "4,096</strong>塊"),
                     ("C45", 12, 16, 12, 27, "2024年12月25日")],
}
SAME_AS = {  # encoded or reformatted copy -> the file whose positions it has
    "article.utf16le.txt": "article.txt",
    "article.utf8bom.md": "article.md",
    "article.utf16be.md": "article.md",
    "article.crlf.html": "article.html",
    "zh-hant.big5.txt": "zh-hant.txt",
    "zh-hant.big5.html": "zh-hant.html",
    "zh-hans.txt": "zh-hant.txt",
    "zh-hans.gb18030.txt": "zh-hant.txt",
}


def test_encoded_fixtures_match_their_sources():
    for name, data in make_fixtures.build().items():
        assert (NEWSROOM / name).read_bytes() == data, f"{name} is stale: run make_fixtures.py"


@pytest.mark.parametrize("name", sorted(PINNED) + sorted(SAME_AS))
def test_every_format_and_encoding_gives_the_plain_text_findings(name, capsys, monkeypatch):
    monkeypatch.chdir(NEWSROOM)
    code, doc, err = check_json(capsys, name)
    assert code == 1, err
    found = findings_of(doc)
    expected = CHINESE if name.startswith("zh-") else ENGLISH
    assert summary(found) == expected
    assert positions(found) == pinned(name)


@pytest.mark.parametrize("name", sorted(PINNED))
def test_positions_point_at_the_figure_in_the_original(name):
    lines = (NEWSROOM / name).read_text(encoding="utf-8").splitlines()
    for claim, line, col, end_line, end_col, original in PINNED[name]:
        assert line == end_line
        assert lines[line - 1][col - 1:end_col - 1] == original, claim


def test_markdown_skips_front_matter_code_comments_and_links(capsys, monkeypatch):
    # article.md puts contradicted figures (3,000 chips, $9.9 million) in its front matter, a comment,
    # inline code, a fenced block and URLs: none is reported.
    monkeypatch.chdir(NEWSROOM)
    _, doc, _ = check_json(capsys, "article.md")
    assert {f["text"] for f in findings_of(doc)} == {"$5.6 million", "4,096", "December 25", "$589 billion"}
    _, doc, _ = check_json(capsys, "article.html")
    texts = {f["text"] for f in findings_of(doc)}
    assert "3,000" not in " ".join(texts) and len(texts) == 4


def test_html_entities_are_decoded(capsys, monkeypatch):
    monkeypatch.chdir(NEWSROOM)
    _, doc, _ = check_json(capsys, "article.html")
    c01 = [f for f in findings_of(doc) if f["claim"] == "C01"][0]
    assert c01["value"] == 5600000.0 and c01["verdict"] == "supported"
    line = (NEWSROOM / "article.html").read_text(encoding="utf-8").splitlines()[c01["line"] - 1]
    assert line[c01["column"] - 1:c01["end_column"] - 1] == "$5.6&nbsp;million"
    assert c01["text"] == "$5.6 million"


def test_a_directory_is_walked_with_the_default_globs(capsys, monkeypatch):
    monkeypatch.chdir(NEWSROOM.parent)
    code, doc, _ = check_json(capsys, "newsroom", "--registry", str(ROOT / "data" / "claims.yaml"))
    paths = [f["path"] for f in doc["files"]]
    names = {Path(p).name for p in paths}
    assert {"article.txt", "article.md", "article.html", "zh-hant.big5.html", "zh-hans.gb18030.txt"} <= names
    assert not any(n.endswith((".py", ".yaml")) for n in names)
    assert all(not p.startswith("./") for p in paths)


def test_include_and_exclude(capsys, monkeypatch):
    monkeypatch.chdir(NEWSROOM.parent)
    _, doc, _ = check_json(capsys, "newsroom", "--include", "*.html", "--exclude", "*big5*")
    assert sorted(Path(f["path"]).name for f in doc["files"]) == ["article.crlf.html", "article.html", "zh-hant.html"]
    _, doc, _ = check_json(capsys, "newsroom", "--exclude", "registry", "--exclude", "*.md", "--include", "*.txt")
    names = sorted(Path(f["path"]).name for f in doc["files"])
    assert "wire.txt" not in names and "article.txt" in names
    # a file named on the command line is checked whatever its name, excluded or not, unless --force-exclude
    code, doc, _ = check_json(capsys, "newsroom/make_fixtures.py")
    assert [f["path"] for f in doc["files"]] == ["newsroom/make_fixtures.py"]
    code, doc, _ = check_json(capsys, "newsroom/article.md", "--exclude", "*.md")
    assert [f["path"] for f in doc["files"]] == ["newsroom/article.md"]
    code, doc, _ = check_json(capsys, "newsroom/article.md", "--exclude", "*.md", "--force-exclude")
    assert doc["files"] == []


def test_a_directory_with_nothing_to_check_is_an_error(tmp_path, capsys):
    (tmp_path / "notes.py").write_text("x = 1\n")
    code, doc, err = check_json(capsys, str(tmp_path))
    assert code == 2
    assert "no files to check in this directory" in err


@pytest.mark.parametrize("name, stdin_name", [
    ("article.md", "draft.md"), ("article.html", "page.html"), ("article.txt", None),
    ("zh-hant.big5.txt", "x.txt"), ("article.utf16be.md", "a.md"),
])
def test_stdin_with_stdin_filename(name, stdin_name, capsys, monkeypatch):
    data = (NEWSROOM / name).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    args = ["-", "--stdin-filename", stdin_name] if stdin_name else ["-"]
    code, doc, _ = check_json(capsys, *args)
    assert code == 1
    assert doc["files"][0]["path"] == (stdin_name or "-")
    assert positions(findings_of(doc)) == pinned(name)


def test_stdin_markdown_read_as_text_without_a_name(capsys, monkeypatch):
    # Without --stdin-filename standard input is plain text: the front matter's figures count.
    data = (NEWSROOM / "article.md").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    _, doc, _ = check_json(capsys, "-")
    assert len(findings_of(doc)) > 4


def test_forced_encoding(capsys, monkeypatch):
    monkeypatch.chdir(NEWSROOM)
    code, doc, _ = check_json(capsys, "--encoding", "big5", "zh-hant.big5.txt")
    assert summary(findings_of(doc)) == CHINESE
    code, doc, err = check_json(capsys, "--encoding", "utf-8", "zh-hant.big5.txt")
    assert code == 2 and "cannot decode as utf-8" in err
    code, doc, err = check_json(capsys, "--encoding", "klingon", "article.txt")
    assert code == 2 and "unknown encoding" in err


def test_unreadable_files_are_reported_and_the_others_still_checked(tmp_path, capsys):
    good = tmp_path / "good.md"
    good.write_text("An early draft said DeepSeek trained V3 on 4,096 H800 chips.\n", encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    garbage = tmp_path / "bad.md"
    garbage.write_bytes(b"\xff\xfe\xfd" * 7 + b"\x80\x81")  # not UTF-8, UTF-16, GB18030 or Big5
    code, doc, err = check_json(capsys, str(binary), str(garbage), str(good), str(tmp_path / "missing.md"))
    assert code == 2
    by_path = {Path(f["path"]).name: f for f in doc["files"]}
    assert by_path["scan.txt"]["error"] == "binary file (PDF)"
    assert "error" in by_path["bad.md"]
    assert by_path["missing.md"]["error"] == "no such file"
    assert summary(by_path["good.md"]["findings"]) == [("C07", "contradicted", 4096.0)]
    assert f"dsfact: error: {binary}: binary file (PDF)" in err

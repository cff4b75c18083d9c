"""Word drafts: `dsfact check draft.docx` reads paragraphs, headings and table cells (not comments or
tracked deletions) and locates each finding by paragraph number and column."""
from __future__ import annotations

import json
import sys

import pytest

docx = pytest.importorskip("docx")  # the test extra installs it; dsfact[docx] for users

from docx.oxml import parse_xml  # noqa: E402

from dsfact.cli import main  # noqa: E402
from dsfact.document import read_document  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _tracked(paragraph, kind: str, words: str) -> None:
    """Append a tracked insertion or deletion, as Word writes one, to a paragraph."""
    tag = "w:delText" if kind == "del" else "w:t"
    paragraph._p.append(parse_xml(
        f'<w:{kind} {W} w:id="9{len(words)}" w:author="Desk" w:date="2025-01-28T00:00:00Z">'
        f'<w:r><{tag} xml:space="preserve">{words}</{tag}></w:r></w:{kind}>'))


@pytest.fixture
def draft(tmp_path):
    """Paragraph numbers: 1 heading, 2 paragraph, 3 empty, 4-5 the table's first row, 6-7 its second,
    8 a paragraph with tracked changes and a comment, 9 one with a manual line break."""
    d = docx.Document()
    d.add_heading("DeepSeek by the numbers", 1)
    p = d.add_paragraph("DeepSeek trained V3 on 2,048 H800 GPUs for $6.5 million, its report says.")
    d.add_paragraph("")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Company"
    table.cell(0, 1).text = "What happened"
    table.cell(1, 0).text = "Nvidia"
    table.cell(1, 1).text = "Nvidia lost $689 billion of market value on January 27."
    edited = d.add_paragraph("DeepSeek trained V3 on ")
    _tracked(edited, "del", "4,096")
    _tracked(edited, "ins", "2,048")
    edited.add_run(" H800 chips.")
    d.add_comment(p.runs[0], text="The wire said DeepSeek trained V3 on 4,096 H800 chips.", author="Desk")
    broken = d.add_paragraph("Meta plans to have")
    broken.add_run().add_break()
    broken.add_run("1.3 million GPUs by the end of 2025.")
    path = tmp_path / "draft.docx"
    d.save(path)
    return path


def test_a_word_draft_is_checked_by_paragraph_and_column(draft, capsys):
    code = main(["check", "--format", "json", "--no-config", str(draft)])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    [entry] = out["files"]
    got = [(f["line"], f["column"], f["end_column"], f["text"], f["claim"], f["verdict"]) for f in entry["findings"]]
    assert got == [
        (2, 24, 29, "2,048", "C07", "supported"),
        (2, 44, 56, "$6.5 million", "C01", "contradicted"),
        (7, 13, 25, "$689 billion", "C25", "contradicted"),  # a table cell
        (8, 24, 29, "2,048", "C07", "supported"),  # the inserted figure; the deleted 4,096 is not read
        (9, 20, 31, "1.3 million", "C12", "supported"),  # after a manual line break: column in the paragraph
    ]


def test_lines_output_names_paragraph_and_column(draft, capsys):
    main(["check", "--format", "lines", "--no-config", str(draft)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith(f"{draft}:2:44: error: contradicted C01: $6.5 million")


def test_what_the_reader_leaves_out_and_keeps(draft):
    doc = read_document(str(draft))
    assert doc.format == "docx"
    assert "4,096" not in doc.text  # neither the deletion nor the comment
    assert "The wire said" not in doc.text
    assert doc.original.split("\n")[7] == "DeepSeek trained V3 on 2,048 H800 chips."
    assert "Meta plans to have\n1.3 million GPUs" in doc.text  # a manual line break ends a sentence
    assert doc.original.split("\n")[8] == "Meta plans to have 1.3 million GPUs by the end of 2025."
    assert "Company\nWhat happened\n\nNvidia\nNvidia lost" in doc.text  # cells of a row, then the next row
    kinds = [(b.kind, doc.text[b.start:b.end][:14], b.headings) for b in doc.blocks]
    assert kinds[:3] == [("heading", "DeepSeek by th", ()), ("paragraph", "DeepSeek train", ("DeepSeek by the numbers",)),
                         ("cell", "Company", ("DeepSeek by the numbers",))]


def test_without_python_docx_the_message_names_the_install_command(draft, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # as if the extra were not installed
    code = main(["check", "--format", "lines", "--no-config", str(draft)])
    captured = capsys.readouterr()
    assert code == 2
    message = [line for line in (captured.err + captured.out).splitlines() if "python-docx" in line]
    assert len(message) == 1
    assert message[0].endswith(f"{draft}: reading Word documents needs python-docx: pip install 'dsfact[docx]'")


def test_a_file_that_is_not_a_word_document(tmp_path, capsys):
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    code = main(["check", "--format", "lines", "--no-config", str(bad)])
    captured = capsys.readouterr()
    assert code == 2
    assert f"{bad}: not a Word document" in captured.err + captured.out

"""Lines a reader takes one by one: "Label: value" lines, and tables whose header stands apart (a blank
line, lost outer pipes, columns of spaces). The readers keep their line breaks; the cells find their header."""
from __future__ import annotations

from dsfact.document import read_document
from dsfact.document.cells import is_delimiter_row, is_pipe_row, space_cell, table_top
from dsfact.document.labels import breaks_before, labelled


def test_a_label_line_is_told_from_prose():
    for line, want in [("Training cost: $5.576 million", (True, True)), ("训练成本：557.6万美元", (True, True)),
                       ("- GPUs: about 2,048 H800", (True, True)), ("Release: late December", (True, False)),
                       ("As the chief executive put it in an interview: costs fell", (False, False)),
                       ("The model, he said: cheap", (False, False))]:
        assert labelled(line, 0, len(line)) == want, line
    s = "DeepSeek-V3 at a glance\nRelease: late December\nLicence: open\n"
    a, b = 0, s.index("\n")
    assert not breaks_before(s, a, b, b + 1, s.index("\n", b + 1))  # a word value after a lead line: may wrap
    c = s.index("\n", b + 1)
    assert breaks_before(s, b + 1, c, c + 1, len(s) - 1)  # a labelled line after another


def test_markdown_and_plain_text_keep_label_lines_apart():
    md = "## DeepSeek-V3\n\nTraining cost: $5.576 million\nGPUs: 2,048 H800\nGPU hours: 2.788 million\n"
    assert "$5.576 million\nGPUs: 2,048 H800\nGPU hours" in read_document("x.md", data=md.encode()).text
    prose = "## DeepSeek-V3\n\nThe model was cheap to train, the company\nsaid on Monday in a statement.\n"
    assert "company said on Monday" in read_document("x.md", data=prose.encode()).text
    txt = "DeepSeek-V3 at a glance\nTraining cost: $5.576 million\nTraining tokens: 14.8 trillion\n"
    assert read_document("x.txt", data=txt.encode()).text == txt  # not taken for a wrapped paragraph


def test_markdown_pipe_rows_apart_from_their_header_stay_rows():
    md = "| Model | Input (per 1M tokens) |\n\n|---|---|\n| DeepSeek-R1 | $0.55 |\n| OpenAI o1 | $15 |\n"
    text = read_document("x.md", data=md.encode()).text
    assert "|---|---|\n| DeepSeek-R1 | $0.55 |\n| OpenAI o1 | $15 |" in text
    head_only = "| Model | Input (per 1M tokens) |\n|---|---|\n\n| DeepSeek-R1 | $0.55 |\n"
    text = read_document("x.md", data=head_only.encode()).text
    assert text.startswith("| Model | Input (per 1M tokens) |\n|---|---|\n\n| DeepSeek-R1 | $0.55 |")
    alone = "| GPUs | 2,048 |\n|---|---|\n\n> A quote\n"  # a header-only table with no rows after it: its cells
    assert read_document("x.md", data=alone.encode()).text.startswith("GPUs\n2,048")


def test_a_table_top_crosses_one_blank_line_beside_its_delimiter_row():
    s = "| Model | Input |\n\n|---|---|\n| R1 | $0.55 |\n"
    row = s.index("| R1")
    assert table_top(s, row) == 0
    assert table_top("| Model | Input |\n\n| R1 | $0.55 |\n", 19) == 19  # no delimiter row: two tables
    assert table_top("| a | b | c |\n\n|---|---|\n| R1 | $0.55 |\n", 26) == 15  # not as many cells
    assert is_delimiter_row("---|:---:|---", 0, 13) and not is_delimiter_row("a | b | c", 0, 9)
    bare = "Model | Input | Output\n---|---|---\nDeepSeek-R1 | $0.55 | $2.19\n"
    assert all(is_pipe_row(bare, a, a + len(line)) for a, line in _lines(bare))
    assert not is_pipe_row("a | b or c | d in prose\n", 0, 23)


def test_a_table_in_columns_of_spaces_gives_each_cell_its_header():
    s = "Model          Input (per 1M tokens)    Output (per 1M tokens)\nDeepSeek-R1    $0.55                    $2.19\n"
    row = s.index("DeepSeek-R1")
    label, header = space_cell(s, s.index("$2.19"), row)
    assert s[label[0]:label[1]] == "DeepSeek-R1" and s[header[0]:header[1]] == "Output (per 1M tokens)"
    assert space_cell(s, s.index("Input"), 0) is None  # the header row itself
    prose = "He said so.  Then it cost $5.6 million.\nShe said so.  Then it fell 17%.\n"
    assert space_cell(prose, prose.index("17%"), prose.index("She")) is None  # two spaces after a full stop


def _lines(s):
    a = 0
    for line in s.splitlines():
        yield a, line
        a += len(line) + 1


def test_line_tests_answer_as_their_patterns_and_compile_nothing_for_prose():
    from dsfact.document import copied, labels

    lines = ["2025年09月24日 09:12 发布者:eechina", " 2025-01-28 10:05 來源：經濟日報", "2025/01/28 08:30 Reuters", "1999-1-2",
             "2 025-01-28", "The model came out on December 25.", "2．输出：每百万tokens 16元", "  （二）API价格", "① 英伟达收跌17%",
             "  • Hardware used: 2,048 H800 GPUs", "Dec 26, 2024 — V3 released", "- 1月20日：R1发布", "2025: a year",
             "TIMESOFINDIA.COM | Jan 28, 2025, 03.26 AM IST", "Published 27/01/2025, 08:46 pm", "January 28, 2025",
             "新浪财经 | 2025年01月28日 08:30", "Jan 28 - 2025", "", "   ", "12 things", "(3) 英伟达"]
    for line in lines:
        s = "x\n" + line + "\ny"
        a, b = 2, 2 + len(line)
        assert labels.outlined(s, a, b) == (labels._outline().match(s, a, b) is not None), line
        assert labels.dated_entry(s, a, b) == (labels._dated().match(s, a, b) is not None), line
        assert labels.dateline(s, a, b) == (b - a <= 80 and labels._dateline().fullmatch(s, a, b) is not None), line
        e = copied._trimmed(s, a, b)
        assert copied.stamp_line(s, a, b) == (e - a + copied._doubles(s[a:e]) <= copied.TITLE_COLUMNS
                                              and copied._STAMP.match(s[a:e]) is not None), line
    for rx in (labels._outline, labels._dated, labels._dateline):
        rx.cache_clear()
    s = "The company said on Monday\nthat its model cost less.\n"
    read_document("x.md", data=s.encode())
    assert not any(rx.cache_info().currsize for rx in (labels._outline, labels._dated, labels._dateline))

"""A figure's line is found from a table of the text's line breaks, built once, not searched back from each
figure (on a long line of many figures that was quadratic): the table must give what the search gave, and
a table cell's header must be the same either way. So must the clause marks that a pattern opening with their
first character finds."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.matching.columns import header_cell
from dsfact.matching.text import line_start

_PIECES = ["| a | b |", "| 1 | 2 |", "|---|---|", "\n", " ", "\t", "x 5%", "|", "| |", "$3", "\u3000", "文"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16))
def test_line_starts_and_header_cells_are_those_searched_back(pieces):
    raw = "".join(pieces)
    for pos in range(len(raw) + 1):
        assert line_start(raw, pos) == raw.rfind("\n", 0, pos) + 1
        if pos < len(raw):
            assert header_cell(raw, pos, line_start(raw, pos)) == header_cell(raw, pos)


def test_a_header_cell_of_a_table_on_lines_of_its_own():
    raw = "Intro.\n| Item | Cost |\n|---|---|\n| Pumps | $3 million |\n"
    pos = raw.index("$3")
    a, b = header_cell(raw, pos, line_start(raw, pos))
    assert line_start("x\ny", 3) == 2 and line_start(raw, pos) == raw.index("| Pumps")
    assert raw[a:b].strip() == "Cost"


_MARK_PIECES = [",", "，", ";", "；", ":", "：", "、", "(", ")", "（", "）", "—", "-", "–", " ", "\t", "\n", "\u3000",
                "\xa0", "1", "2,048", "a", "文", ".", "。"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MARK_PIECES), max_size=24))
def test_clause_marks_are_those_of_the_alternation_they_replace(pieces):
    import re

    from dsfact.matching.text import _CLAUSE

    raw = "".join(pieces)
    written = re.compile(r"(?<![0-9]),|,(?![0-9])|[，;；:：、()（）—]|\s[-–]\s")  # the pattern as written
    assert [m.span() for m in _CLAUSE.finditer(raw)] == [m.span() for m in written.finditer(raw)]

"""A figure in a pipe table's cell, as plain text keeps it: the header cell above it (`header_cell`, also read by
dsfact.matching.tables and dsfact.matching.discounts), whether that header names another body than a claim's
(`column_of`, for dsfact.matching.passedover.passed_over), and whether a word before it is its row's label
(`row_label`, for the matcher)."""
from __future__ import annotations

import re

from dsfact.document.cells import is_delimiter_row, is_pipe_row, lone_label, table_top
from dsfact.matching.cues import ENTITY, SUBJECT
from dsfact.matching.text import line_start
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

_JOINT = lazy(r"[ \t]+\|")  # the blanks after a row's closing pipe, and the next row's opening one
_ROWS = lazy(r"\|[ \t]+\|")  # two rows joined on one line: "| a | b | | 1 | 2 |"


OWN, OTHER = "own", "other"


def column_of(text, q: Quantity, ci: int) -> str | None:
    """Whose table column figure q stands in, its header read once: OWN when the header names claim ci's subject
    ("| GPUs | 2,048 H800 | 16,384 H100 |" under "| Spec | DeepSeek V3 | Llama 3.1 |": the other headers named
    between that header and the figure are other columns', and pass nothing over); OTHER when it names another
    body or another claim's subject and not claim ci's ("| Input | $2.50 | $0.55 |" under "| Metric | OpenAI
    GPT-4o | DeepSeek R1 |": $2.50 is GPT-4o's); None otherwise (no table, or a header naming no one)."""
    found = header_cell(text.text, q.start, line_start(text.text, q.start))
    if found is None:
        return None
    named = False
    for hit in text.hits_in(*found):
        for c, role in text.roles_of(hit):
            if role == SUBJECT and c == ci:
                return OWN
            named = named or role in (SUBJECT, ENTITY)
    return OTHER if named else None


def header_cell(raw: str, pos: int, start: int | None = None) -> tuple[int, int] | None:
    """The span of the header cell above the table cell at pos, if pos is in a table's body. Rows stand
    on lines of their own, or, where a plain-text paragraph joined its lines, one after another ("| a | b |
    | 1 | 2 |"): then every row has as many cells as the first. `start`: where pos's line begins, if known
    (nothing is then searched back from pos: on a long line that was done once per figure)."""
    if start is None:
        start = raw.rfind("\n", 0, pos) + 1
    k = start
    while k < pos and raw[k].isspace():
        k += 1
    if k == pos or not is_pipe_row(raw, k, _line_end(raw, pos)):  # "| a | b |", or "a | b | c |"
        return None
    first = table_top(raw, start)  # up to the table's first row
    while first < pos and raw[first].isspace():
        first += 1
    if first != start:  # rows on lines of their own
        column = raw.count("|", start, pos) + (lone_label(raw, start) is not None)  # (a label broken off above)
        end = raw.find("\n", first)
    else:  # rows joined on one line: the first row ends where "| |" closes it
        joint = re.search(r"\|[ \t]+\|", raw[first:pos])
        if joint is None or not raw[first + 1:first + joint.start()].split("|")[0].strip():
            return None  # pos is in the first row, or its first cell is empty (its width is unsure)
        end = first + joint.start() + 1
        column = raw.count("|", _body_start(raw, first, end, pos), pos) % raw.count("|", first, end)
    cells = raw[first:end].split("|")
    if not 0 < column < len(cells):
        return None
    a = first + sum(len(c) + 1 for c in cells[:column])
    return a, a + len(cells[column])


def joined_cell(raw: str, pos: int, start: int) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """For a figure at pos in a table whose rows a plain-text paragraph joined on one line (the line begins at
    `start`) and whose first row a delimiter row follows ("| Model | Input | | --- | --- | | V3 | $0.27 |"):
    the spans of its row's first cell (None when the figure is in it or it is empty) and of its column's
    header cell. None without that delimiter row: then which pipe opens a row and which an empty cell is
    unsure."""
    first = start
    while first < pos and raw[first] in " \t":
        first += 1
    joint = _ROWS.search(raw, first, pos)
    if raw[first:first + 1] != "|" or joint is None:
        return None
    end = joint.start() + 1
    body = _body_start(raw, first, end, pos)
    if body == first:
        return None
    header = header_cell(raw, pos, start)
    width = raw.count("|", first, end)
    if header is None or width < 3:
        return None
    k = body
    for _ in range(raw.count("|", body, pos) // width * width):  # past the rows before pos's
        k = raw.find("|", k) + 1
    x = raw.find("|", k) + 1  # past the opening pipe of pos's row
    y = raw.find("|", x, pos + 1)
    while x < y and raw[x] in " \t":
        x += 1
    while y > x and raw[y - 1] in " \t":
        y -= 1
    return ((x, y) if x < y and not x <= pos <= y else None), header


def _body_start(raw: str, first: int, end: int, pos: int) -> int:
    """Where the rows of a table joined on one line are counted from, its first row standing at first:end:
    past the delimiter row that follows that row, whatever its width ("| Model | Input | Output | | --- | --- |
    --- | --- | | V3 | $0.27 | $1.10 |": a delimiter row of a cell more than its header holds no figure, and
    counting its pipes would put every figure after it one column off); `first` when no delimiter row follows."""
    joint = _JOINT.match(raw, end)
    if joint is None or joint.end() > pos:
        return first
    a = joint.end() - 1  # the second row's opening pipe
    close = _ROWS.search(raw, a + 1, pos)
    if close is None or not is_delimiter_row(raw, a, close.start() + 1):
        return first
    return close.end() - 1  # the opening pipe of the first row under it


def _line_end(raw: str, pos: int) -> int:
    end = raw.find("\n", pos)
    return len(raw) if end < 0 else end


def row_label(text: str, q: Quantity, hit) -> bool:
    """Whether a word before figure q is the label of its table row ("| GPU Hours | 2.788M | ~30M |"): it
    governs every cell of the row, even with another figure between. In a table whose rows a paragraph joined on
    one line ("| Spec | V3 | | --- | --- | | Training tokens | 14.8T | | Training cost | $5.6M |"), only the label of
    q's own row is (`joined_cell`), not an earlier row's on the same line."""
    if hit.end > q.start:
        return False
    between = text[hit.end:q.start]
    if "|" not in between or "\n" in between:
        return False
    start = line_start(text, q.start)
    if _ROWS.search(text, start, q.start) is not None:
        cell = joined_cell(text, q.start, start)
        if cell is not None:
            return cell[0] is not None and cell[0][0] <= hit.start and hit.end <= cell[0][1]
    return True

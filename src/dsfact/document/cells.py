"""The cells of a pipe-table row ("| DeepSeek-R1 | $0.55 | $2.19 |"), as a Markdown reader and a plain-text
reader both split it: at pipes not escaped with a backslash, each cell trimmed of spaces and tabs. One
splitter for dsfact.document.markdown (a Markdown table's cells) and dsfact.matching.tables (a plain-text
table's rows)."""
from __future__ import annotations


def row_cells(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of a table row s[a:b] as (start, end) offsets: split at pipes not escaped with a
    backslash, trimmed; the pipes that open and close the row make no empty cell."""
    cells = []
    i = a
    while i < b and s[i] in " \t":
        i += 1
    if i < b and s[i] == "|":
        i += 1
    start = i
    while i <= b:
        if i == b or (s[i] == "|" and s[i - 1] != "\\"):
            x, y = start, i
            while x < y and s[x] in " \t":
                x += 1
            while y > x and s[y - 1] in " \t":
                y -= 1
            if i < b or x < y:
                cells.append((x, y))
            start = i + 1
        i += 1
    return cells


def is_pipe_row(s: str, a: int, b: int) -> bool:
    """Whether the line s[a:b] is a row of a pipe table: it opens or ends with a pipe (past blanks) and
    holds at least three ("| a | b |", "a | b | c |": a table written without its opening pipes), or it
    holds two or more and stands in a block of such lines, right under a delimiter row ("---|---|---") or
    further down ("Model | Input | Output" over "---|---|---" over "DeepSeek-R1 | $0.55 | $2.19": a table
    that lost its outer pipes); such a line is a row of its own, never prose wrapped onto the next."""
    while a < b and s[a] in " \t":
        a += 1
    while b > a and s[b - 1] in " \t\r":
        b -= 1
    if a >= b:
        return False
    pipes = s.count("|", a, b)
    if (s[a] == "|" or s[b - 1] == "|") and pipes >= 3:
        return True
    if s[b - 1] == "|" and pipes <= 2:  # a row's label broken off onto a line of its own ("deepseek-chat |")
        below = s.find("\n", b)
        return below >= 0 and lone_label(s, below + 1) is not None
    return pipes >= 2 and (is_delimiter_row(s, a, b) or _under_delimiter(s, a) or _over_delimiter(s, b))


_BARE_REACH = 50  # lines searched up for the delimiter row of a table that lost its outer pipes


_DASHES = "-—–─－"  # a delimiter row as editors and blog software rewrite it: "|——|————|", "|─|─|"


def is_delimiter_row(s: str, a: int, b: int) -> bool:
    """Whether the line s[a:b] is a table's delimiter row ("|---|:---:|", "---|---|---", "|——|——-|")."""
    cells = s[a:b].strip(" \t\r").strip("|").split("|")
    return len(cells) >= 2 and all(c.strip(" \t").strip(":") and not c.strip(" \t").strip(":").strip(_DASHES)
                                   for c in cells)


def _under_delimiter(s: str, a: int) -> bool:
    """Whether the line that begins at `a` (past blanks) stands in a block of lines of two pipes or more
    under a delimiter row."""
    start = s.rfind("\n", 0, a) + 1
    for _ in range(_BARE_REACH):
        if start == 0:
            return False
        above = s.rfind("\n", 0, start - 1) + 1
        end = start - 1
        if s.count("|", above, end) < 2:
            return False
        if is_delimiter_row(s, above, end):
            return True
        start = above
    return False


def _over_delimiter(s: str, b: int) -> bool:
    """Whether the line that ends at `b` is right over a delimiter row (a header that lost its pipes)."""
    nl = s.find("\n", b)
    if nl < 0:
        return False
    end = s.find("\n", nl + 1)
    return is_delimiter_row(s, nl + 1, len(s) if end < 0 else end)


def table_top(s: str, start: int) -> int:
    """Where the first row of the pipe table whose row begins at `start` (a line's start) begins: up the
    rows on lines of their own, and over one blank line to a header written apart from its table, when the
    row under the blank or the one over it is the delimiter row and both have as many cells ("| Model |
    Input |" / blank line / "|---|---|" / "| R1 | $0.55 |")."""
    first, crossed = start, False
    while first > 0:
        above = s.rfind("\n", 0, first - 1) + 1
        if is_pipe_row(s, above, first - 1) or lone_label(s, first) is not None:
            first = above
            continue
        if crossed or s[above:first - 1].strip(" \t\r") or above == 0:
            break
        top = s.rfind("\n", 0, above - 1) + 1  # the line over the blank one
        end, first_end = above - 1, _end(s, first)
        if not (is_pipe_row(s, top, end) and (is_delimiter_row(s, first, first_end) or is_delimiter_row(s, top, end))
                and len(row_cells(s, top, end)) == len(row_cells(s, first, first_end))):
            break
        first, crossed = top, True
    return first


LABEL_CHARS = 40  # at most this long, a row's label a copied page broke off onto a line of its own


def lone_label(s: str, start: int) -> tuple[int, int] | None:
    """The span of a row's label standing alone on the line over the row that begins at `start`, as copied pages
    break a row after its first cell ("deepseek-chat |" over "64K | - | $0.07 | $0.27 |", "| deepseek-reasoner |"
    over "| ¥1 | ¥4 | ¥16 |"): one short cell closed by its pipe, a pipe row over it and the row under it one cell
    short of that row (the label's). None elsewhere."""
    if start <= 0:
        return None
    above = s.rfind("\n", 0, start - 1) + 1
    line = s[above:start - 1].strip(" \t\r")
    if not line.endswith("|") or line.count("|") > 2 or line.count("|") == 2 and not line.startswith("|"):
        return None
    cells = row_cells(s, above, start - 1)
    if len(cells) != 1 or not 0 < cells[0][1] - cells[0][0] <= LABEL_CHARS or above == 0:
        return None
    top = s.rfind("\n", 0, above - 1) + 1
    if not is_pipe_row(s, top, above - 1):
        return None
    width = len(row_cells(s, top, above - 1)) + (lone_label(s, top) is not None)  # (a row broken the same way)
    return cells[0] if len(row_cells(s, start, _end(s, start))) == width - 1 > 0 else None


def _end(s: str, start: int) -> int:
    end = s.find("\n", start)
    return len(s) if end < 0 else end


_SPACE_REACH = 200  # rows searched up for the header of a table written in columns of spaces
_TOPS: list = [None, {}]  # the text last asked of, and its line starts -> the first row of their table


def _space_top(s: str, start: int, count: int) -> int | None:
    """Where the table in columns of spaces whose row (of `count` cells) begins at `start` has its first row:
    up the lines of as many cells, remembered per line for the last text (each row of a long table asks)."""
    if _TOPS[0] is not s:
        _TOPS[0], _TOPS[1] = s, {}
    tops = _TOPS[1]
    first, walked = start, []
    for _ in range(_SPACE_REACH):
        if first in tops:
            first = tops[first]
            break
        walked.append(first)
        if first == 0:
            break
        above = s.rfind("\n", 0, first - 1) + 1
        if len(space_cells(s, above, first - 1)) != count or is_pipe_row(s, above, first - 1):
            break
        first = above
    else:
        return None
    for line in walked:
        tops[line] = first
    return first

# Plain-text columns: cells parted by a tab or three spaces or more (prose puts two after a full stop)
_GAP = None


def space_cells(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of the line s[a:b] written in columns of spaces: what a tab or three spaces or more part."""
    global _GAP
    if _GAP is None:
        import re

        _GAP = re.compile(r"\t+| {3,}")
    cells, i = [], a
    while i < b and s[i] in " \t":
        i += 1
    while b > i and s[b - 1] in " \t\r":
        b -= 1
    for m in _GAP.finditer(s, i, b):
        cells.append((i, m.start()))
        i = m.end()
    if i < b:
        cells.append((i, b))
    return cells


def space_cell(s: str, pos: int, start: int) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """For a figure at pos on the line that begins at `start`, in a body row of a table written in columns of
    spaces (two lines or more, one after another, each of as many cells, two or more; the first is the
    header): the spans of its row's first cell (None when the figure is in it) and of its column's header
    cell; None elsewhere."""
    end = _end(s, start)
    cells = space_cells(s, start, end)
    if len(cells) < 2 or is_pipe_row(s, start, end):
        return None
    k = next((i for i, (a, b) in enumerate(cells) if a <= pos < b), None)
    if k is None:
        return None
    first = _space_top(s, start, len(cells))
    if first is None:
        return None  # a header further up than _SPACE_REACH rows is no header the row is read with
    if first == start:
        return None  # the header row itself, or a line of its own
    header = space_cells(s, first, _end(s, first))
    return (cells[0] if k else None), header[k]


def is_section_row(s: str, a: int, b: int) -> bool:
    """Whether the pipe row s[a:b] is a section row of its table ("| **Off-peak prices** | | |"): its first
    cell filled, its others (one or more) empty; it heads the rows under it, as a heading does its text."""
    cells = row_cells(s, a, b)
    return len(cells) >= 2 and cells[0][0] < cells[0][1] and all(x == y for x, y in cells[1:])


def section_label(s: str, start: int) -> tuple[int, int] | None:
    """The span of the label of the section row over the pipe row whose line begins at `start` (the nearest
    one, up the rows of its table's body, none past its delimiter row); None when no section row heads it."""
    for above, end in _body_rows_up(s, start):
        if is_section_row(s, above, end):
            return row_cells(s, above, end)[0]
    return None


def _body_rows_up(s: str, start: int):
    """The (start, end) of each pipe row above the line that begins at `start`, nearest first, up the body of its
    table: none past its delimiter row or its top."""
    first = start
    while first > 0:
        above = s.rfind("\n", 0, first - 1) + 1
        end = first - 1
        if not is_pipe_row(s, above, end) or is_delimiter_row(s, above, end):
            return
        yield above, end
        first = above


def _filled(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of the pipe row s[a:b] up to its last filled one (a row padded with empty cells at its end)."""
    cells = row_cells(s, a, b)
    while cells and cells[-1][0] == cells[-1][1]:
        cells.pop()
    return cells


def group_label(s: str, start: int) -> tuple[int, int] | None:
    """The span of the label of the row group over the pipe row whose line begins at `start`, in a table
    flattened from one whose first column spans rows ("DISCOUNT PRICE | 1M INPUT (CACHE HIT) | $0.035 |" over
    "1M INPUT (CACHE MISS) | $0.135 | |": the rows under a group's first lack its spanning cell): the first
    cell of the nearest row up its table that fills more cells than it, past rows that fill as many; None
    when a row that fills fewer, a delimiter row or the table's top comes first."""
    end = s.find("\n", start)
    width = len(_filled(s, start, len(s) if end < 0 else end))
    for above, end in _body_rows_up(s, start):
        cells = _filled(s, above, end)
        if len(cells) > width:
            return cells[0]
        if len(cells) < width:
            return None
    return None


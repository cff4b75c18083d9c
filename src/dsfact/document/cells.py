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
    holds at least three ("| a | b |", "a | b | c |": a table written without its opening pipes); such a
    line is a row of its own, never prose wrapped onto the next."""
    while a < b and s[a] in " \t":
        a += 1
    while b > a and s[b - 1] in " \t\r":
        b -= 1
    return a < b and (s[a] == "|" or s[b - 1] == "|") and s.count("|", a, b) >= 3

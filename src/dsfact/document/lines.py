"""The one line/column index: where each line of a text starts, and the 1-based line and column of
an offset or a span in it. Everything that reports a line or a column (a finding, a directive, a
Markdown block) goes through `LineIndex`.

Lines end at "\\n" only: "\\r\\n" is one line break whose "\\r" is a column of its line, and a lone
"\\r" does not end a line. Columns count Unicode code points.
"""
from __future__ import annotations

from bisect import bisect_right

from dsfact.model import Location


def line_starts(text: str) -> list[int]:
    """The offset where each line of `text` starts: 0, then one past every "\\n"."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


class LineIndex:
    """Line starts of one text, computed once; lines and columns are 1-based."""

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        self.starts = line_starts(text)

    def line(self, offset: int) -> int:
        """The line that holds text[offset] (an offset at the end of the text is on the last line)."""
        return bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of text[offset]."""
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def location(self, start: int, end: int) -> Location:
        """The Location of text[start:end]; `end_column` is one past its last character (an empty
        span ends where it starts)."""
        line, column = self.position(start)
        if end <= start:
            return Location(line, column, line, column)
        end_line, end_column = self.position(end - 1)
        return Location(line, column, end_line, end_column + 1)

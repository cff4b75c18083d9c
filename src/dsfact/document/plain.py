"""Plain text: the file as it is, except that a hard-wrapped paragraph's wrapping line breaks are
spaces (or nothing, between two Chinese characters), so a wrapped sentence is one sentence.

Standard library only; patterns are compiled on first use.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from types import SimpleNamespace

from dsfact.document.cells import is_pipe_row
from dsfact.document.labels import breaks_before
from dsfact.document.model import Block
from dsfact.fold import has_han


def wide(c: str) -> bool:
    """A Chinese or Japanese character or full-width punctuation: a line break between two such is
    not a space (as a browser renders it), since Chinese puts no spaces between words."""
    return "\u3000" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef"


# Plain text: a paragraph is hard-wrapped when most of its lines end near one width (that of its
# longest line); a line break in it wraps the text where the line is that full (the next word would
# not have fitted on it) and does not end a sentence. A paragraph narrower than this is a list, a
# table or verse, whose lines are its units; so are lines with columns of spaces, and bullets.
_MIN_WRAP_WIDTH = 30
_SENTENCE_END = frozenset(".!?:;。！？：；\"”’)）」』")
_CLAUSE_MARKS = ("，", "。", "；", "！", "？")  # Chinese prose marks its clauses; a bare value or label does not


def read_plain(original: str) -> tuple[str, Sequence[int]]:
    """(text, origin) of plain text: the file as it is, except that in a hard-wrapped paragraph a line
    break where the text was wrapped is a space (or nothing, between two Chinese characters), as in
    Markdown. Lines that are not wrapped prose (headlines, lists, one sentence a line) keep their
    line breaks, which end a sentence."""
    joins = _wrap_joins(original)
    if not joins:
        return original, range(len(original) + 1)  # identity, at no memory cost
    parts: list[str] = []
    origin: list[int] = []
    prev = 0
    for a, b, space in joins:  # original[a:b] is the line break ("\r\n" or "\n")
        parts.append(original[prev:a])
        origin.extend(range(prev, a))
        if space:
            parts.append(" ")
            origin.append(a)
        prev = b
    parts.append(original[prev:])
    origin.extend(range(prev, len(original) + 1))
    return "".join(parts), origin


def _wrap_joins(s: str) -> list[tuple[int, int, bool]]:
    """The line breaks of hard-wrapped paragraphs that only wrap the text: (start, end, as a space)."""
    if s.count("\n") < 1:
        return []
    rx = _rx()
    joins: list[tuple[int, int, bool]] = []
    lines: list[tuple[int, int]] = []  # (start, end without the line break) of the paragraph's lines

    def paragraph() -> None:
        if len(lines) < 2:
            return
        widths = [b - a + _doubles(s[a:b]) for a, b in lines]
        width = max(widths)
        if width < _MIN_WRAP_WIDTH or sum(w * 3 >= width * 2 for w in widths[:-1]) * 2 < len(lines) - 1:
            return
        # columns of spaces or pipes (a table), or a comment (a directive covers its line and the next): kept
        # as lines
        columns = [bool(rx.columns.search(s, a, b)) or is_pipe_row(s, a, b) or s.find("<!--", a, b) != -1
                   or s.find("-->", a, b) != -1 for a, b in lines]
        for k in range(len(lines) - 1):
            end, (nxt, nxt_end) = lines[k][1], lines[k + 1]
            if s[end - 1] in _SENTENCE_END or columns[k] or columns[k + 1] or rx.bullet.match(s, nxt, nxt_end) \
                    or breaks_before(s, lines[k][0], end, nxt, nxt_end):  # "GPUs: 2,048 H800": a line of its own
                continue
            first = _unbreakable(s, nxt, nxt_end)
            both_wide = wide(s[end - 1]) and wide(first[0])
            need = len(first) + _doubles(first) + (0 if both_wide else 1)
            # within a tenth of the width: an editor that keeps a figure whole breaks a little early
            if widths[k] + need > width - width // 10 and widths[k] * 3 >= width * 2:
                joins.append((end, s.index("\n", end) + 1, not both_wide))

    pos, n = 0, len(s)
    while pos <= n:
        nl = s.find("\n", pos)
        end = n if nl == -1 else nl
        content_end = end - 1 if end > pos and s[end - 1] == "\r" else end
        body = s[pos:content_end].rstrip()
        if body.strip():
            lines.append((pos, pos + len(body)))
        else:
            paragraph()
            lines = []
        if nl == -1:
            break
        pos = nl + 1
    paragraph()
    return joins


def _doubles(line: str) -> int:
    """How many characters of a line take two columns (East Asian wide and full-width): compared, not
    found by a regex (a class of these ranges, 42,000 characters, costs 3 ms to compile)."""
    if line.isascii():
        return 0
    return sum(1 for c in line if c >= "\u1100" and _double(c))


def _double(c: str) -> bool:
    return ("\u2e80" <= c <= "\ua4cf" or "\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u115f"
            or "\uf900" <= c <= "\ufaff" or "\ufe30" <= c <= "\ufe4f" or "\uff00" <= c <= "\uff60"
            or "\uffe0" <= c <= "\uffe6")


def _unbreakable(s: str, a: int, b: int) -> str:
    """The start of a line up to where it could first be broken: a space, or between two Chinese
    characters (a line may break anywhere between those)."""
    i = a + 1
    while i < b and not s[i].isspace() and not (wide(s[i - 1]) and wide(s[i])):
        i += 1
    return s[a:i]


def broken_by_hand(s: str, a: int, b: int, na: int, nb: int) -> bool:
    """Whether the line break between the line s[a:b] and the next one s[na:nb] was put there by the
    writer, not by wrapping, in Chinese: the line ends with a Chinese character (no mark that carries
    the clause on) and the next line's first piece would have fitted on it within the next line's own
    width, and the next line is prose (it has a clause of its own, marked) that does not open with an
    amount. Chinese is not wrapped by hand, so such a line is a title of its own ("二、R1模型亮相" above
    "2025年1月20日，DeepSeek發布……"), not the first half of a sentence; a label over its value ("訓練成本"
    above "557.6萬美元" or "僅約557.6萬美元，遠低於同行。") still reads as one."""
    if not has_han(s[b - 1]) or not any(s.find(mark, na, nb) != -1 for mark in _CLAUSE_MARKS) or _rx().amount_first.match(s, na, nb):
        return False
    first = _unbreakable(s, na, nb)
    width = b - a + _doubles(s[a:b])
    width_next = nb - na + _doubles(s[na:nb])
    need = len(first) + _doubles(first) + (0 if wide(first[0]) else 1)
    return width + need <= width_next - width_next // 10


def paragraph_blocks(text: str) -> list[Block]:
    """Blocks for text with no other structure: its paragraphs, which blank lines separate. What the regex
    `\\S(?:[^\\n]|\\n(?![ \\t\\r]*\\n))*(?<=\\S)|\\S` finds, found by cutting the text at each line break before a
    blank line and stripping the white space (str.isspace, the regex's \\s) off each piece: five times faster
    than the regex, which tries its alternation at every character."""
    blocks = []
    a = 0
    for b in (*map(re.Match.start, _rx().blank_line.finditer(text)), len(text)):
        piece = text[a:b]
        content = piece.lstrip()
        if content:
            blocks.append(Block(b - len(content), a + len(piece.rstrip()), "paragraph"))
        a = b + 1
    return blocks


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    """The patterns of plain text, each compiled when first used (most texts have no hard-wrapped paragraph to
    read)."""
    from dsfact.numbers.patterns import lazy

    c = lazy
    return SimpleNamespace(
        blank_line=c(r"\n(?=[ \t\r]*\n)"),  # a line break that a blank line follows: no paragraph runs past it
        bullet=c(r"[ \t]*(?:[-*•·]|\d{1,3}[.)、])[ \t]"),
        columns=c(r"\S(?: {3,}|\t)\S"),
        # an amount first (a qualifier, a currency, digits that no 年 or 月 makes a date): a label's value
        amount_first=c(r"[仅僅只约約近逾超过過达達共]{0,3}(?:US|HK|NT|RMB)?[$€£¥]?[0-9０-９][0-9０-９.,]*(?![0-9０-９.,]|\s*[年月])"),
    )

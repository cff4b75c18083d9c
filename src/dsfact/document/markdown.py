"""Read Markdown: block structure from markdown-it-py (CommonMark, with GFM tables and strikethrough,
footnotes and front matter from mdit-py-plugins), inline markup by a scan over the original.

markdown-it says where every block stands (its lines) and what it is (paragraph, heading, list item,
table cell, code, HTML, front matter); it does not say where an inline token stands, and a finding
must be located to the column in the original file. So each block's inline content is found again
in its lines (past list markers, quote markers and indentation), and the inline pass marks, in a mask
over the original, what of it is prose. Everything outside inline content is left out, but the line
breaks between blocks stay, so a blank line still ends a paragraph for the matcher. Inside a
paragraph, list item, block quote or table cell a soft line break is a space: a hard-wrapped sentence
is one sentence. A hard line break ("  " or "\\" at the line end) stays a line break, and table cells
are separated by one.

markdown-it is imported here, and this module only when a Markdown file is read.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from dsfact.document.directives import Comment
from dsfact.document.lines import LineIndex
from dsfact.document.markdown_inline import BREAK, DROP, KEEP, SPACE, Marks, read_inlines
from dsfact.document.model import Block
from dsfact.document.plain import wide

# markdown-it recurses into containers and skips what is nested deeper than this; _walk reads that
# content line by line instead.
_MAX_NESTING = 50
_CONTAINER_OPENS = frozenset(("blockquote_open", "list_item_open", "footnote_reference_open"))


@dataclass(frozen=True, slots=True)
class _Unit:
    """One block's inline content in the original: its segments (one a line), and where it stands."""

    segments: tuple[tuple[int, int], ...]
    kind: str
    headings: tuple[str, ...]
    depth: int
    lead_from: int  # index of the unit whose text leads the list this unit is in, or -1


@lru_cache(maxsize=2)
def _parser(front_matter: bool):
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": _MAX_NESTING}).enable("table").use(footnote_plugin)
    md.disable(["inline", "footnote_tail"])  # blocks only: inline markup is read where its columns are
    if front_matter:
        from mdit_py_plugins.front_matter import front_matter_plugin

        md.use(front_matter_plugin)
    return md


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    c = re.compile
    return SimpleNamespace(
        front_matter_key=c(r"[ \t]*(?:#|[\w\"'.-][^:=\n]*?[ \t]*[:=](?:[ \t]|$))"),
        task=c(r"\[[ xX]\][ \t]"),
        line_markers=c(r"[ \t>]*+(?:(?:[-+*]|\d{1,9}[.)])[ \t]++)?+"),
    )


def read_markdown(s: str) -> tuple[str, list[int], dict[int, int], list[Comment], list[Block]]:
    """(text, origin, entity ends, HTML comments, blocks in text offsets) of a Markdown document."""
    starts = LineIndex(s).starts
    tokens, env = _parse(s)
    marks = Marks(s)
    units, html_ranges = _walk(s, starts, tokens, marks)
    ranges = sorted([(u.segments[0][0], u.segments[-1][1]) for u in units] + html_ranges)
    refs = set(env.get("references", {}))
    comments = read_inlines(s, marks, ranges, refs)
    text, origin, ends = marks.assemble()
    return text, origin, ends, comments, _blocks(text, origin, units)


def _line(s: str, starts: list[int], k: int) -> tuple[int, int]:
    """(start, end) of line k (0-based), without its "\\n" or the "\\r" before it."""
    a = starts[k]
    b = starts[k + 1] - 1 if k + 1 < len(starts) else len(s)
    if b > a and s[b - 1] == "\r":
        b -= 1
    return a, b


def _parse(s: str):
    """markdown-it's tokens for s, and its env (which holds the link reference definitions).

    markdown-it reads a lone "\\r" as a line break; it gets a copy where that is a space, so its line
    numbers are the lines of `s`. YAML front matter ("---") must open with a key, not prose between
    two rules; TOML front matter ("+++"), which the plugin does not know, is blanked here.
    """
    copy = s.replace("\r\n", "\n").replace("\r", " ") if "\r" in s else s
    lines = copy.split("\n", 2)
    rx = _rx()
    if len(lines) > 2 and lines[0].rstrip() in ("---", "+++") and rx.front_matter_key.match(lines[1]):
        if lines[0].rstrip() == "+++":
            rest = copy.split("\n")
            for k in range(1, len(rest)):
                if rest[k].rstrip() == "+++":
                    copy = "\n" * (k + 1) + "\n".join(rest[k + 1 :])
                    break
        env: dict = {}
        tokens = _parser(True).parse(copy, env)
        return tokens, env
    env = {}
    return _parser(False).parse(copy, env), env


def _content_segments(s: str, starts: list[int], first: int, content: str) -> list[tuple[int, int]]:
    """Where each line of a block's inline content stands in the original: markdown-it gives the
    content without list and quote markers and indentation, so each line is found at the end of its
    line (or, for a heading with a closing "##", inside it)."""
    out = []
    for i, piece in enumerate(content.split("\n")):
        a, b = _line(s, starts, first + i)
        want = piece.strip(" \t")
        if not want:
            continue
        line = s[a:b]
        body = line.rstrip(" \t")
        if body.endswith(want):
            k = len(body) - len(want)
        else:
            k = line.find(want)
            if k == -1:  # tabs markdown-it expanded, a lone "\r": take the line past its indentation
                k = len(line) - len(line.lstrip(" \t>"))
                want = line[k:].rstrip(" \t")
        out.append((a + k, a + k + len(want)))
    return out


def _row_cells(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of a table row s[a:b]: split at pipes not escaped with a backslash, trimmed."""
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


def _walk(s: str, starts: list[int], tokens, marks: Marks):
    """Mark every block's inline content as kept and its soft line breaks as spaces; return the units
    and the (start, end) of HTML blocks (whose text is read as inline content, lines and all)."""
    mask = marks.mask
    units: list[_Unit] = []
    html_ranges: list[tuple[int, int]] = []
    headings: list[tuple[int, int]] = []  # (level, unit index) of the headings above
    containers: list[str] = []  # the open containers: "list", "item", "quote", "footnote"
    leads: list[int] = []  # for each open list: the unit that leads it, or -1
    cells: list[tuple[int, int]] = []  # the cells of the table row being read
    heading_level = 0
    in_cell = item_fresh = False  # item_fresh: the next paragraph is the first of a list item
    task = _rx().task
    for t in tokens:
        typ = t.type
        if typ == "inline" and t.map:
            if in_cell:
                if not cells:
                    continue
                segments = [cells.pop(0)]
                kind = "cell"
            else:
                segments = _content_segments(s, starts, t.map[0], t.content)
                kind = "heading" if heading_level else _kind(containers)
            if kind == "item" and item_fresh and segments:
                m = task.match(s, *segments[0])
                if m:  # a task list's "[ ]" or "[x]"
                    segments[0] = (m.end(), segments[0][1])
            item_fresh = False
            segments = [(a, b) for a, b in segments if a < b]
            if not segments:
                continue
            _mark_unit(s, mask, segments)
            if kind == "cell" and units and units[-1].kind == "cell":
                end = units[-1].segments[-1][1]
                if s.find("\n", end, segments[0][0]) == -1:  # the next cell of the same row
                    mask[end] = BREAK
            depth = containers.count("list")
            units.append(_Unit(tuple(segments), kind, tuple(h for _, h in headings), depth,
                               leads[-1] if leads else -1))
            if heading_level:
                while headings and headings[-1][0] >= heading_level:
                    headings.pop()
                headings.append((heading_level, len(units) - 1))
        elif typ in ("th_open", "td_open"):
            in_cell = True
        elif typ in ("th_close", "td_close"):
            in_cell = False
        elif typ == "tr_open" and t.map:
            cells = _row_cells(s, *_line(s, starts, t.map[0]))
        elif typ == "heading_open":
            heading_level = int(t.tag[1:])
        elif typ == "heading_close":
            heading_level = 0
        elif typ in ("bullet_list_open", "ordered_list_open"):
            depth = containers.count("list")
            last = units[-1] if units else None  # a paragraph leads a list; an item, the list nested in it
            leads.append(len(units) - 1 if last and last.depth == depth
                         and last.kind == ("item" if depth else "paragraph") else -1)
            containers.append("list")
        elif typ in ("bullet_list_close", "ordered_list_close"):
            containers.pop()
            leads.pop()
        elif typ in _CONTAINER_OPENS:
            containers.append({"list_item_open": "item", "blockquote_open": "quote"}.get(typ, "footnote"))
            item_fresh = typ == "list_item_open"
            if t.level >= _MAX_NESTING - 1 and t.map:  # markdown-it did not read inside: too deep
                segments = _deep_segments(s, starts, t.map)
                if segments:
                    _mark_unit(s, mask, segments)
                    units.append(_Unit(tuple(segments), "quote", tuple(h for _, h in headings), 0, -1))
        elif typ in ("list_item_close", "blockquote_close", "footnote_reference_close"):
            containers.pop()
        elif typ == "html_block" and t.map:
            first, last = t.map[0], min(t.map[1], len(starts)) - 1
            a, b = starts[first], _line(s, starts, last)[1]
            marks.set(a, b, KEEP)
            html_ranges.append((a, b))
    return units, html_ranges


def _deep_segments(s: str, starts: list[int], lines: list[int]) -> list[tuple[int, int]]:
    """Each line's content past its quote and list markers: for containers nested too deep to parse."""
    marker = _rx().line_markers
    out = []
    for k in range(lines[0], min(lines[1], len(starts))):
        a, b = _line(s, starts, k)
        a = marker.match(s, a, b).end()
        while b > a and s[b - 1] in " \t":
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _kind(containers: list[str]) -> str:
    for c in reversed(containers):
        if c != "list":
            return c
    return "paragraph"


def _mark_unit(s: str, mask: bytearray, segments: list[tuple[int, int]]) -> None:
    """Keep the segments; a soft line break between two is one space, a hard one a line break."""
    for k, (a, b) in enumerate(segments):
        if k + 1 < len(segments) and s[b - 1] == "\\" and (b - 2 < a or s[b - 2] != "\\"):
            b -= 1  # "\\" at the end of a line: a hard break
            hard = True
        else:
            hard = False
        mask[a:b] = bytes(b - a)
        if k + 1 == len(segments):
            break
        nxt = segments[k + 1][0]
        nl = s.find("\n", b, nxt)
        if hard or s.startswith("  ", b) and nl != -1 and not s[b:nl].strip(" \t\r"):
            if nl != -1:
                mask[nl] = KEEP
                if nl and s[nl - 1] == "\r":
                    mask[nl - 1] = KEEP
        else:  # a space; nothing between two Chinese characters (as a browser renders it)
            code = DROP if wide(s[b - 1]) and wide(s[nxt]) else SPACE
            mask[b:nxt] = bytes((code,)) * (nxt - b)


def _blocks(text: str, origin: list[int], units: list[_Unit]) -> list[Block]:
    """The units as Blocks in text offsets, with the text of the headings above and of the lead."""
    spans = []
    for u in units:
        a = bisect.bisect_left(origin, u.segments[0][0], 0, len(text))
        b = bisect.bisect_left(origin, u.segments[-1][1], a, len(text))
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        spans.append((a, b))
    blocks = []
    for u, (a, b) in zip(units, spans):
        headings = tuple(text[slice(*spans[h])] for h in u.headings)
        lead = text[slice(*spans[u.lead_from])] if u.lead_from >= 0 else None
        blocks.append(Block(a, b, u.kind, headings, lead, u.depth))
    return blocks

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

from dsfact.document import (
    Block,
    _entity_tables,
    _line_starts,
    _numeric_entity,
    _raw_text_end,
    _space_nbsp,
    _wide,
)

# Mask codes: what becomes of each original character.
_KEEP, _DROP, _SPACE, _SUBST, _BREAK = 0, 1, 2, 3, 4

# markdown-it recurses into containers and skips what is nested deeper than this; _walk reads that
# content line by line instead.
_MAX_NESTING = 50
_CONTAINER_OPENS = frozenset(("blockquote_open", "list_item_open", "footnote_reference_open"))

Comment = tuple[int, "int | None", int]  # (start, end or None if never closed, end of its body)


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
        md_inline=c(
            r"""
             (?P<code>`+)
            |(?P<comment><!--)
            |(?P<special><!\[CDATA\[|<\?|<![A-Za-z])
            |(?P<autolink><[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>
               |<[A-Za-z0-9.!\#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?
                  (?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>)
            |(?P<tag><(?P<closing>/)?(?P<name>[A-Za-z][A-Za-z0-9\-]*+)
               (?:\s++[A-Za-z_:][A-Za-z0-9_.:\-]*+(?:\s*+=\s*+(?:[^\s"'=<>`]++|'[^']*+'|"[^"]*+"))?+)*+\s*+/?>)
            |(?P<escape>\\[!-/:-@\[-`{-~])
            |(?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
            |(?P<url>(?:https?://|ftp://|www\.)[^\s<>]*)
            |(?P<open>!?\[)
            |(?P<bracket>\])
            |(?P<emph>\*++|_++|~~+)
            """,
            re.X,
        ),
        link_dest=c(
            r"""\(\s*+(?:<[^<>\n]*+>|(?:[^\s()\\]++|\\.|\((?:[^\s()\\]++|\\.)*+\))*+)
                (?:\s++(?:"(?:[^"\\]++|\\.)*+"|'(?:[^'\\]++|\\.)*+'|\((?:[^()\\]++|\\.)*+\)))?+\s*+\)""",
            re.X,
        ),
        ref_label=c(r"\[(?:[^\[\]\\]++|\\.){0,999}+\]"),
        runs=c(rb"\x00+|\x01+|\x02+|\x03|\x04"),
    )


@lru_cache(maxsize=64)
def _closing_backticks(n: int) -> re.Pattern[str]:
    return re.compile(r"(?<!`)`{%d}(?!`)" % n)


class _Marks:
    """What becomes of each original character, and the text built from that.

    Everything starts left out except line breaks; the block walk marks inline content as kept and
    soft line breaks as spaces; the inline pass then leaves out markup within the content.
    """

    __slots__ = ("s", "mask", "subst")

    def __init__(self, s: str) -> None:
        self.s = s
        mask = bytearray(b"\x01" * len(s))
        i = s.find("\n")
        while i != -1:
            mask[i] = _KEEP
            if i and s[i - 1] == "\r":
                mask[i - 1] = _KEEP
            i = s.find("\n", i + 1)
        self.mask = mask
        self.subst: dict[int, tuple[str, int]] = {}

    def set(self, a: int, b: int, code: int) -> None:
        """Mark s[a:b]; its line breaks keep what the block walk made of them."""
        if a >= b:
            return
        s, mask = self.s, self.mask
        i = s.find("\n", a, b)
        if i == -1:
            mask[a:b] = bytes((code,)) * (b - a)
            return
        saved = []
        while i != -1:
            saved.append((i, mask[i]))
            if i > a and s[i - 1] == "\r":
                saved.append((i - 1, mask[i - 1]))
            i = s.find("\n", i + 1, b)
        mask[a:b] = bytes((code,)) * (b - a)
        for k, v in saved:
            mask[k] = v

    def replace(self, a: int, b: int, rep: str) -> None:
        self.mask[a:b] = bytes((_DROP,)) * (b - a)
        self.mask[a] = _SUBST
        self.subst[a] = (rep, b)

    def assemble(self) -> tuple[str, list[int], dict[int, int]]:
        s, mask, subst = self.s, self.mask, self.subst
        parts: list[str] = []
        origin: list[int] = []
        ends: dict[int, int] = {}
        for m in _rx().runs.finditer(mask):
            a, b = m.span()
            code = mask[a]
            if code == _KEEP:
                parts.append(s[a:b])
                origin.extend(range(a, b))
            elif code == _SPACE:
                parts.append(" ")
                origin.append(a)
            elif code == _BREAK:
                parts.append("\n")
                origin.append(a)
            elif code == _SUBST:
                rep, end = subst[a]
                for _ in rep:
                    ends[len(origin)] = end
                    origin.append(a)
                parts.append(rep)
        origin.append(len(s))
        return "".join(parts), origin, ends


def read_markdown(s: str) -> tuple[str, list[int], dict[int, int], list[Comment], list[Block]]:
    """(text, origin, entity ends, HTML comments, blocks in text offsets) of a Markdown document."""
    starts = _line_starts(s)
    tokens, env = _parse(s)
    marks = _Marks(s)
    units, html_ranges = _walk(s, starts, tokens, marks)
    closer = _CommentCloser(s)
    ranges = sorted([(u.segments[0][0], u.segments[-1][1]) for u in units] + html_ranges)
    refs = set(env.get("references", {}))
    comments = _markdown_inlines(s, marks, ranges, refs, closer)
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


def _walk(s: str, starts: list[int], tokens, marks: _Marks):
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
                    mask[end] = _BREAK
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
            marks.set(a, b, _KEEP)
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
                mask[nl] = _KEEP
                if nl and s[nl - 1] == "\r":
                    mask[nl - 1] = _KEEP
        else:  # a space; nothing between two Chinese characters (as a browser renders it)
            code = _DROP if _wide(s[b - 1]) and _wide(s[nxt]) else _SPACE
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


def _is_punct(c: str) -> bool:
    return not c.isalnum() and not c.isspace()


class _CommentCloser:
    """Where the next "-->" is, remembering when there is none (so many "<!--" stay linear)."""

    __slots__ = ("s", "none_after")

    def __init__(self, s: str) -> None:
        self.s = s
        self.none_after = len(s) + 1

    def find(self, start: int) -> int:
        if start >= self.none_after:
            return -1
        i = self.s.find("-->", start)
        if i == -1:
            self.none_after = min(self.none_after, start)
        return i

def _normalize_label(label: str) -> str:
    from markdown_it.common.utils import normalizeReference

    return normalizeReference(label)


def _markdown_inlines(
    s: str, marks: _Marks, ranges: list[tuple[int, int]], refs: set[str], closer: _CommentCloser
) -> list[Comment]:
    """Read inline markup left to right in each block's content; return the HTML comments as
    (start, end or None, body end)."""
    rx = _rx()
    pattern = rx.md_inline
    mask = marks.mask
    n = len(s)
    comments: list[Comment] = []
    no_close: set[tuple[int, int]] = set()  # (run length, limit): no closing run before limit
    pos = 0
    for seg_start, seg_end in ranges:
        pos = max(pos, seg_start)
        stack: list[tuple[int, int]] = []  # open brackets: (position, length of "[" or "![")
        while pos < seg_end:
            m = pattern.search(s, pos, seg_end)
            if m is None:
                break
            a, e = m.span()
            kind = m.lastgroup
            if mask[a] != _KEEP:  # not content: list or quote markers, a soft break
                pos = a + 1
                continue
            pos = e
            if kind == "code":  # a code span does not leave its block
                limit = seg_end
                width = e - a
                close = None
                if (width, limit) not in no_close:
                    close = _closing_backticks(width).search(s, e, limit)
                    if close is None:
                        no_close.add((width, limit))
                if close is not None:
                    marks.set(a, close.end(), _SPACE)
                    pos = close.end()
            elif kind == "comment":
                k = closer.find(a + 2)
                if k == -1:
                    comments.append((a, None, n))
                    pos = a + 4
                else:
                    marks.set(a, k + 3, _DROP)
                    comments.append((a, k + 3, k))
                    pos = k + 3
            elif kind == "special":
                token = m.group()
                end_token = "]]>" if token.startswith("<![") else "?>" if token == "<?" else ">"
                k = s.find(end_token, e)
                if k != -1:
                    marks.set(a, k + len(end_token), _DROP)
                    pos = k + len(end_token)
            elif kind == "autolink":
                marks.set(a, e, _DROP)
            elif kind == "tag":
                name = m.group("name").lower()
                if not m.group("closing") and name in ("script", "style"):
                    c = _raw_text_end(name).search(s, e)
                    if c is not None:
                        gt = s.find(">", c.end())
                        pos = n if gt == -1 else gt + 1
                marks.set(a, pos, _DROP)
            elif kind == "escape":
                marks.set(a, a + 1, _DROP)
            elif kind == "entity":
                rep = _markdown_entity(m.group())
                if rep is not None:
                    marks.replace(a, e, rep)
            elif kind == "url":
                if a > 0 and (s[a - 1].isalnum() or s[a - 1] in "_/@.-"):
                    pos = a + 1
                    continue
                end = _trim_url(s, a, e)
                if end - a > 4:
                    marks.set(a, end, _DROP)
                    pos = end
                else:
                    pos = a + 1
            elif kind == "open":
                stack.append((a, e - a))
            elif kind == "bracket":
                pos = _close_bracket(s, marks, stack, refs, a, e, rx)
            elif kind == "emph":
                if _is_emphasis(s, a, e):
                    marks.set(a, e, _DROP)
    return comments


def _markdown_entity(token: str) -> str | None:
    body = token[1:-1]
    if body.startswith(("#x", "#X")):
        return _space_nbsp(_numeric_entity(body[2:], 16))
    if body.startswith("#"):
        return _space_nbsp(_numeric_entity(body[1:], 10))
    rep = _entity_tables().get(body + ";")
    return None if rep is None else _space_nbsp(rep)


def _trim_url(s: str, a: int, e: int) -> int:
    while e > a:
        c = s[e - 1]
        if c in "?!.,:*_~'\";":
            e -= 1
        elif c == ")" and s.count("(", a, e) < s.count(")", a, e):
            e -= 1
        else:
            break
    return e


def _close_bracket(
    s: str, marks: _Marks, stack: list[tuple[int, int]], refs: set[str], a: int, e: int, rx: SimpleNamespace
) -> int:
    """A "]": a link, image, reference or footnote closes here, or it is only a bracket."""
    if not stack:
        return e
    opener, width = stack.pop()
    if s.startswith("(", e):
        m = rx.link_dest.match(s, e)
        if m:
            marks.set(opener, opener + width, _DROP)
            marks.set(a, m.end(), _DROP)
            return m.end()
    elif s.startswith("[", e):
        m = rx.ref_label.match(s, e)
        if m:
            marks.set(opener, opener + width, _DROP)
            marks.set(a, m.end(), _DROP)
            return m.end()
    if a - opener > 1000:  # longer than any link label
        return e
    label = s[opener + width : a]
    if width == 1 and label.startswith("^") and label[1:] and not any(c.isspace() for c in label):
        marks.set(opener, e, _DROP)  # a footnote reference: [^1]
    elif refs and _normalize_label(label) in refs:
        marks.set(opener, opener + width, _DROP)
        marks.set(a, e, _DROP)
    return e


def _is_emphasis(s: str, a: int, e: int) -> bool:
    """Is this run of * _ or ~~ emphasis markup (by CommonMark's flanking rules)?"""
    before = s[a - 1] if a > 0 else "\n"
    after = s[e] if e < len(s) else "\n"
    ws_b, ws_a = before.isspace(), after.isspace()
    p_b, p_a = _is_punct(before), _is_punct(after)
    left = not ws_a and (not p_a or ws_b or p_b)
    right = not ws_b and (not p_b or ws_a or p_a)
    ch = s[a]
    if ch == "*":
        return (left or right) and not (before.isdigit() and after.isdigit())
    if ch == "_":
        return (left and (not right or p_b)) or (right and (not left or p_a))
    return left or right

"""Read Markdown: block structure from pulldown-cmark (through pyromark: CommonMark, with GFM tables
and footnotes), inline markup by a scan over the original.

pulldown-cmark says where every block stands (its range) and what it is (paragraph, heading, list
item, table cell, code, HTML); its inline events say where each line of a block's content starts,
past list markers, quote markers and indentation. A finding must be located to the column in the
original file, so only those positions are read from it: the inline pass marks, in a mask over the
original, what of each block's content is prose. Everything outside inline content is left out,
but the line breaks between blocks stay, so a blank line still ends a paragraph for the matcher.
Inside a paragraph, list item, block quote or table cell a soft line break is a space: a
hard-wrapped sentence is one sentence. A hard line break ("  " or "\\" at the line end) stays a line
break, and table cells are separated by one. Front matter (YAML "---" or TOML "+++") is left out.

pyromark is imported here, and this module only when a Markdown file is read: it is a compiled
parser that imports in a few milliseconds, where a pure-Python one cost a fifth of dsfact's start.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from types import SimpleNamespace

from dsfact.document.cells import is_pipe_row, lone_label, row_cells
from dsfact.document.copied import copied_block, copied_break
from dsfact.document.directives import Comment
from dsfact.document.labels import breaks_before, link_label, outlined, set_apart
from dsfact.document.lines import LineIndex
from dsfact.document.markdown_inline import BREAK, DROP, KEEP, SPACE, Marks, normalize_label, read_inlines
from dsfact.document.model import Block
from dsfact.document.plain import broken_by_hand, wide
from dsfact.document.tiles import tile_breaks
from dsfact.numbers.patterns import lazy

# Containers nested deeper than this are not walked: their lines are read as one block quote, so the
# walk's work per block stays bounded whatever the depth (the parser itself keeps no Python stack).
_MAX_NESTING = 50
_CONTAINERS = {"List": "list", "Item": "item", "BlockQuote": "quote", "FootnoteDefinition": "footnote"}
_INLINE_TAGS = frozenset(("Emphasis", "Strong", "Strikethrough", "Link", "Image", "Superscript", "Subscript"))
_OPAQUE = frozenset(("CodeBlock", "HtmlBlock", "MetadataBlock", "TableCell"))  # their events are not read


class _Unit:
    """One block's inline content in the original: its segments (one a line), and where it stands.
    (A plain class: a dataclass costs a millisecond to define, at every start.)"""

    __slots__ = ("segments", "kind", "headings", "depth", "lead_from", "row_from", "column_from", "linked")

    def __init__(self, segments: tuple[tuple[int, int], ...], kind: str, headings: tuple[int, ...], depth: int,
                 lead_from: int) -> None:
        self.segments, self.kind, self.headings, self.depth = segments, kind, headings, depth
        self.lead_from = lead_from  # index of the unit whose text leads the list this unit is in, or -1
        self.row_from = -1  # for a table cell: the unit of its row's first cell (its label), or -1
        self.column_from = -1  # for a table body cell: the unit of its column's header cell, or -1
        self.linked = False  # a list item or paragraph that is one link's text (Block.linked)


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    c = lazy  # each compiled on first use: most documents need few of them
    return SimpleNamespace(
        task=c(r"\[[ xX]\][ \t]"),
        line_markers=c(r"[ \t>]*+(?:(?:[-+*]|\d{1,9}[.)])[ \t]++)?+"),
        lone_cr=c(r"\r(?!\n)"),
        surrogate=c("[\ud800-\udfff]"),
        # 1 for a UTF-8 continuation byte: a byte offset less their count is a character offset.
        continuation=bytes(1 if 0x80 <= i < 0xC0 else 0 for i in range(256)),
    )


def read_markdown(s: str) -> tuple[str, list[int], dict[int, int], list[Comment], list[Block]]:
    """(text, origin, entity ends, HTML comments, blocks in text offsets) of a Markdown document."""
    import pyromark

    options = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_FOOTNOTES
    starts = LineIndex(s).starts
    src, at = _source(s, starts)
    marks = Marks(s)
    walk = _Walk(s, starts, marks, at)
    walk.run(pyromark.events_with_range(src, options=options))
    units = walk.units
    ranges = sorted([(u.segments[0][0], u.segments[-1][1]) for u in units] + walk.html_ranges)
    refs = {normalize_label(k) for k in pyromark.reference_definitions(src, options=options)} if "]:" in src else set()
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


def _source(s: str, starts: list[int]):
    """What the parser reads, and a function from its byte offsets to character offsets in `s`.

    Lines end at "\\n" only: a lone "\\r" is a space to the parser, as to the line index. Front
    matter is blank lines. A lone surrogate, which UTF-8 cannot hold, is U+FFFD. Each keeps the
    character offsets of what follows.
    """
    rx = _rx()
    src = rx.lone_cr.sub(" ", s) if "\r" in s else s
    n = _front_matter_lines(src, starts)
    delta = 0
    if n:
        kept = min(n, len(starts) - 1)  # the line breaks of the front matter
        cut = starts[kept]
        delta = cut - kept
        src = "\n" * kept + src[cut:]
    if src.isascii():
        return src, (lambda b: b + delta) if delta else (lambda b: b)
    src = rx.surrogate.sub("\ufffd", src)
    cont = src.encode().translate(rx.continuation)
    before = [0]  # continuation bytes before each 4 KiB boundary: any offset costs at most 4 KiB to count
    for i in range(4096, len(cont) + 1, 4096):
        before.append(before[-1] + cont.count(1, i - 4096, i))

    def at(b: int) -> int:
        q = b >> 12
        return b - before[q] - cont.count(1, q << 12, b) + delta

    return src, at


def _front_matter_lines(src: str, starts: list[int]) -> int:
    """How many lines of front matter open `src` (0 if none). YAML ("---") must open with a key,
    not prose between two rules, and ends at a "---" or "..." line; TOML ("+++") at a "+++" line.
    Without its closing line it is no front matter."""
    if len(starts) < 3:
        return 0
    first = src[: starts[1]].rstrip()
    if first not in ("---", "+++") or not _opens_with_key(src[slice(*_line(src, starts, 1))]):
        return 0
    for k in range(1, len(starts)):
        a, b = _line(src, starts, k)
        line = src[a:b]
        if first == "+++":
            if line.rstrip() == "+++":
                return k + 1
        elif line.startswith("...") and not line[3:].strip(" \t"):
            return k + 1
        else:
            body = line.lstrip(" \t")
            column = 0
            for c in line[: len(line) - len(body)]:
                column = column + 4 - column % 4 if c == "\t" else column + 1
            dashes = len(body) - len(body.lstrip("-"))
            if column < 4 and dashes >= 3 and not body[dashes:].strip(" \t"):
                return k + 1
    return 0


def _opens_with_key(line: str) -> bool:
    """Is this a comment ("# ...") or a key ("title: ...", "title = ...", "tags:")?"""
    body = line.lstrip(" \t")
    if body.startswith("#"):
        return True
    if not body or not (body[0].isalnum() or body[0] in "_\"'.-"):
        return False
    ends = [k for k in (body.find(":"), body.find("=")) if k > 0]
    return bool(ends) and body[min(ends) + 1 : min(ends) + 2] in ("", " ", "\t")


class _Walk:
    """One pass over the parser's events (ranges in bytes of what it read, `at` turns them into
    offsets in `s`): mark every block's inline content as kept and its soft line breaks as spaces;
    collect the units, and the (start, end) of HTML blocks, whose text is read as inline content."""

    def __init__(self, s: str, starts: list[int], marks: Marks, at) -> None:
        self.s, self.starts, self.marks, self.at = s, starts, marks, at
        self.units: list[_Unit] = []
        self.html_ranges: list[tuple[int, int]] = []
        self.headings: list[tuple[int, int]] = []  # (level, unit index) of the headings above
        self.containers: list[str] = []  # the open containers: "list", "item", "quote", "footnote"
        self.leads: list[int] = []  # for each open list: the unit that leads it, or -1
        self.colon_leads: list[int] = []  # for each open list: its last item that ends with a colon, or -1
        self.cells: list[tuple[int, int]] = []  # the cells of the table row being read, last first
        self.row_cells = 0  # how many cells the row being read has
        self.row_first = -1  # the unit of that row's first cell, or -1
        self.in_head = False  # the row being read is the table's header
        self.header: dict[int, int] = {}  # column -> the unit of the table's header cell
        self.section = -1  # the unit of the label of the section row over the body row being read, or -1
        self.width = 0  # how many cells the table's header has
        self.label = -1  # the unit of a body row's lone cell, the label of the row the next line may go on with, or -1
        self.shift = 0  # 1 while reading the cells of a row that goes on from a lone label above it
        self.item_fresh = False  # the next paragraph is the first of a list item
        # The block whose inline content is being read: its kind, the heading (level, start, end),
        # where its content starts (-1 before its first inline event), and for a paragraph, that
        # its start is exact (an inline event's may stand past a backslash escape).
        self.run_kind: str | None = None
        self.heading: tuple[int, int, int] | None = None
        self.first = -1
        self.exact = False
        self.line_starts: list[int] = []  # where each line after a line break starts
        self.after_break = False
        self.last_end = -1
        self.links: list[tuple[int, int]] = []  # the (start, end) of the links of that block, in bytes

    def run(self, events) -> None:
        skip = 0  # how deep inside a block whose events are not read (code, HTML, a cell, too deep)
        for ev, r in events:
            if type(ev) is str:  # a line break or a rule
                if skip:
                    continue
                if ev in ("SoftBreak", "HardBreak"):
                    self.after_break = True
                elif self.run_kind is not None:
                    self.close_run()
            elif "Start" in ev:
                tag = ev["Start"]
                name = tag if type(tag) is str else next(iter(tag))
                if skip:
                    skip += 1
                elif name in _INLINE_TAGS:
                    self.inline(r["start"], r["end"])
                    if name == "Link":
                        self.links.append((r["start"], r["end"]))
                else:
                    skip = self.start(name, tag, r["start"], r["end"])
            elif "End" in ev:
                tag = ev["End"]
                name = tag if type(tag) is str else next(iter(tag))
                if skip:
                    skip -= 1
                    if skip:
                        continue
                if name not in _INLINE_TAGS:
                    self.end(name)
            elif not skip:
                self.inline(r["start"], r["end"])
        if self.run_kind is not None:
            self.close_run()

    def start(self, name: str, tag, a: int, e: int) -> int:
        """A block opens; return 1 when its events are not to be read."""
        if self.run_kind is not None:
            self.close_run()  # a block inside a list item ends the item's own inline content
        at = self.at
        if name == "Paragraph":
            self.open_run(_kind(self.containers), a)
        elif name == "Heading":
            self.open_run("heading", -1)
            self.heading = (int(tag["Heading"]["level"][1:]), at(a), at(e))
        elif name == "Table" and self.rows_apart(at(a), at(e)):
            # a header and its delimiter row with no body, and pipe rows after a blank line: read as the pipe
            # rows they are, so that those rows find their header (dsfact.document.cells.table_top)
            lines = [_line(self.s, self.starts, k) for k in range(self.line_of(at(a)), self.line_of(at(e) - 1) + 1)]
            self.add_unit(lines, "paragraph", 0)
            return 1
        elif name in ("TableHead", "TableRow"):
            line = _line(self.s, self.starts, self.line_of(at(a)))
            self.cells = row_cells(self.s, *line)[::-1]
            self.row_cells, self.row_first, self.in_head = len(self.cells), -1, name == "TableHead"
            # a row broken after its label ("| deepseek-reasoner |" over "| 64K | ¥1 | ¥4 | ¥16 |"): the lone
            # label heads the row under it when that row lacks just the label's cell (dsfact.document.cells.lone_label)
            label, self.label = self.label, -1
            self.shift = int(label >= 0 and not self.in_head and lone_label(self.s, line[0]) is not None)
            if self.shift:
                self.row_first = label
            if self.in_head:
                self.header, self.section, self.width = {}, -1, self.row_cells
            elif len(self.cells) >= 2 and self.cells[-1][0] < self.cells[-1][1] and all(x == y for x, y in self.cells[:-1]):
                self.section = -2  # a section row ("| **Off-peak prices** | | |"): its label leads the rows under it
        elif name == "TableCell":
            self.cell()
        elif name == "List":
            depth = self.containers.count("list")
            units = self.units
            last = units[-1] if units else None  # a paragraph leads a list; an item, the list nested in it
            self.leads.append(len(units) - 1 if last and last.depth == depth
                              and last.kind == ("item" if depth else "paragraph") else -1)
            self.containers.append("list")
            self.colon_leads.append(-1)
        elif name in _CONTAINERS:
            self.containers.append(_CONTAINERS[name])
            self.item_fresh = name == "Item"
            if len(self.containers) >= _MAX_NESTING:  # too deep to walk: its lines are read as they are
                self.deep(at(a), at(e))
                return 1
        elif name == "HtmlBlock":
            self.html_block(at(a), at(e))
        return 1 if name in _OPAQUE else 0

    def rows_apart(self, a: int, e: int) -> bool:
        """Whether the table s[a:e] is only a header and its delimiter row, and a blank line parts it from
        pipe rows under it (its body, written apart)."""
        s, starts = self.s, self.starts
        first, last = self.line_of(a), self.line_of(max(a, e - 1))
        while last > first and not s[slice(*_line(s, starts, last))].strip(" \t"):
            last -= 1
        if last - first != 1 or last + 3 > len(starts):
            return False
        blank, body = _line(s, starts, last + 1), _line(s, starts, last + 2)
        return not s[slice(*blank)].strip(" \t") and is_pipe_row(s, *body)

    def html_block(self, a: int, e: int) -> None:
        """Keep an HTML block's lines whole, markers and all, but not the blank lines it ends with:
        the inline pass reads its tags and comments."""
        s, starts = self.s, self.starts
        first, last = self.line_of(a), self.line_of(e - 1)
        while last > first and not s[slice(*_line(s, starts, last))].strip(" \t"):
            last -= 1
        a, b = starts[first], _line(s, starts, last)[1]
        self.marks.set(a, b, KEEP)
        self.html_ranges.append((a, b))

    def end(self, name: str) -> None:
        if self.run_kind is not None:
            self.close_run()
        if name in _CONTAINERS:
            self.containers.pop()
            if name == "List":
                self.leads.pop()
                self.colon_leads.pop()

    def open_run(self, kind: str, first: int) -> None:
        self.run_kind, self.first, self.exact, self.last_end = kind, first, first >= 0, first
        self.line_starts = []
        self.after_break = False
        self.links = []

    def inline(self, a: int, e: int) -> None:
        """An inline event: the first after a line break says where its line's content starts."""
        if self.run_kind is None:  # a tight list item's content: no paragraph around it
            self.open_run(_kind(self.containers), -1)
        if self.first < 0:
            self.first = a
        elif self.after_break:
            self.line_starts.append(a)
        self.after_break = False
        if e > self.last_end:
            self.last_end = e

    def close_run(self) -> None:
        kind, heading = self.run_kind, self.heading
        self.run_kind = self.heading = None
        if self.first < 0:  # no inline content
            self.item_fresh = False
            return
        segments = self.segments(heading)
        if kind == "item" and self.item_fresh and segments:
            m = _rx().task.match(self.s, *segments[0])
            if m:  # a task list's "[ ]" or "[x]"
                segments[0] = (m.end(), segments[0][1])
        self.item_fresh = False
        count = len(self.units)
        self.add_unit(segments, kind, heading[0] if heading else 0)
        if self.links and len(self.units) > count and kind in ("item", "paragraph"):
            self.units[-1].linked = self.linked(segments[0][0])

    def linked(self, first: int) -> bool:
        """Whether the block being closed, whose content starts at s[first], is one link's text after at most
        a label: a link ends where its content does, and nothing but a label stands before it."""
        at, end = self.at, self.at(self.last_end)
        return any(at(b) == end and link_label(self.s[first:at(a)]) for a, b in self.links)

    def segments(self, heading: tuple[int, int, int] | None) -> list[tuple[int, int]]:
        """Where each line of the content stands: from where the parser says it starts to the end
        of the line (an ATX heading's content ends before its closing "#"s)."""
        s, starts, at = self.s, self.starts, self.at
        first = at(self.first) if self.exact else self.unescaped(at(self.first))
        end = at(self.last_end)
        if heading and self.line_of(heading[1]) == self.line_of(heading[2] - 1):  # "# Title ##"
            return [(first, end)]
        found = {}
        for b in self.line_starts:
            c = self.unescaped(at(b))
            found.setdefault(self.line_of(c), c)
        top = self.line_of(first)
        out = []
        for k in range(top, self.line_of(end - 1) + 1):
            a, b = _line(s, starts, k)
            while b > a and s[b - 1] in " \t":
                b -= 1
            x = first if k == top else found.get(k)
            if x is None:  # inside a code span or a tag that crosses lines: past markers and indentation
                x = b - len(s[a:b].lstrip(" \t>"))
            if x < b:
                out.append((x, b))
        return out

    def unescaped(self, c: int) -> int:
        """An inline event's start, or the backslash before it: an escape's text starts past it."""
        return c - 1 if c > 0 and self.s[c - 1] == "\\" else c

    def line_of(self, c: int) -> int:
        return bisect.bisect_right(self.starts, c) - 1

    def cell(self) -> None:
        if self.cells:
            self.item_fresh = False
            column = self.row_cells - len(self.cells) + self.shift
            count = len(self.units)
            self.add_unit([self.cells.pop()], "cell", 0)
            if len(self.units) == count:
                return  # an empty cell
            unit = self.units[-1]
            if column == 0:
                self.row_first = count
                if self.row_cells == 1 and not self.in_head and self.width > 2:
                    self.label = count  # a lone label: the row under it may go on from it
                if self.section == -2:
                    self.section = count
            elif not self.in_head:
                unit.row_from = self.row_first
                if self.section >= 0:
                    unit.lead_from = self.section
            if self.in_head:
                self.header[column] = count
            else:
                unit.column_from = self.header.get(column, -1)

    def flat_lead(self, unit: _Unit, index: int) -> None:
        """A list flattened by its writer: an item that ends with a colon ("- 头部企业投资分布:", "- DeepSeek-V3:")
        leads the items after it in its list, as the item a nested list hangs from would."""
        if self.colon_leads[-1] >= 0:
            unit.lead_from = self.colon_leads[-1]
        if self.s[unit.segments[-1][0]:unit.segments[-1][1]].rstrip().endswith((":", "：")):
            self.colon_leads[-1] = index

    def add_unit(self, segments: list[tuple[int, int]], kind: str, level: int) -> None:
        s, units = self.s, self.units
        segments = [(a, b) for a, b in segments if a < b]
        if not segments:
            return
        _mark_unit(s, self.marks.mask, segments)
        if kind == "cell" and units and units[-1].kind == "cell":
            end = units[-1].segments[-1][1]
            if s.find("\n", end, segments[0][0]) == -1:  # the next cell of the same row
                self.marks.mask[end] = BREAK
        units.append(_Unit(tuple(segments), kind, tuple(h for _, h in self.headings),
                           self.containers.count("list"), self.leads[-1] if self.leads else -1))
        if kind == "item" and self.colon_leads:
            self.flat_lead(units[-1], len(units) - 1)
        if level:
            headings = self.headings
            while headings and headings[-1][0] >= level:
                headings.pop()
            headings.append((level, len(units) - 1))

    def deep(self, a: int, e: int) -> None:
        """Each line's content past its quote and list markers: for containers nested too deep."""
        s, starts = self.s, self.starts
        marker = _rx().line_markers
        segments = []
        for k in range(self.line_of(a), self.line_of(max(a, e - 1)) + 1):
            x, b = _line(s, starts, k)
            x = marker.match(s, x, b).end()
            while b > x and s[b - 1] in " \t":
                b -= 1
            if x < b:
                segments.append((x, b))
        if segments:
            _mark_unit(s, self.marks.mask, segments)
            self.units.append(_Unit(tuple(segments), "quote", tuple(h for _, h in self.headings), 0, -1))


def _kind(containers: list[str]) -> str:
    for c in reversed(containers):
        if c != "list":
            return c
    return "paragraph"


def _mark_unit(s: str, mask: bytearray, segments: list[tuple[int, int]]) -> None:
    """Keep the segments; a soft line break between two is one space, a hard one a line break."""
    copied = copied_block(s, segments)  # a page's paragraphs, one a line
    tiles = tile_breaks(s, segments)  # "30%⏎Compute vs R1⏎$534.7K⏎RL Cost": a tile ends before each figure
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
        if hard or s.startswith("  ", b) and nl != -1 and not s[b:nl].strip(" \t\r") \
                or nl != -1 and (breaks_before(s, a, b, nxt, segments[k + 1][1])  # "GPUs: 2,048 H800" lines
                                 or outlined(s, nxt, segments[k + 1][1])  # "2．输出：每百万tokens 16元"
                                 or set_apart(s, a, b) or set_apart(s, nxt, segments[k + 1][1])  # "**$27.6 billion**"
                                 or broken_by_hand(s, a, b, nxt, segments[k + 1][1])  # a Chinese title line
                                 or copied_break(s, segments, k, copied)  # a page's paragraph or title a line
                                 or k in tiles
                                 # a table's row is a line of its own: the prose line right after its last row
                                 # ("CNY Pricing:" over the next table) is not run on into it, nor one over its header
                                 # (a table a page joined on one line, "| Model | Input | | --- | --- |", is a pipe row too)
                                 or is_pipe_row(s, a, b) or is_pipe_row(s, nxt, segments[k + 1][1])):
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
        if u.linked:
            blocks.append(Block(a, b, u.kind, headings, lead, u.depth, linked=True))
        elif u.kind == "cell" and (u.row_from >= 0 or u.column_from >= 0):
            row = text[slice(*spans[u.row_from])] if u.row_from >= 0 else None
            column = text[slice(*spans[u.column_from])] if u.column_from >= 0 else None
            blocks.append(Block(a, b, u.kind, headings, lead, u.depth, row, column))
        else:
            blocks.append(Block(a, b, u.kind, headings, lead, u.depth))
    return blocks

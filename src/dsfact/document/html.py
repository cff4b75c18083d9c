"""Read HTML as a browser lays it out: inline elements (b, i, a, span, em, strong...) stay inside the
sentence and white space, line breaks included, collapses to one space (nothing between two Chinese
characters); block elements (p, li, td, h1-h6, br, div, blockquote...) end a unit. White space inside
<pre> is kept as it is.

One linear scan (no recursion, no tree), so any depth of nesting costs nothing. Every character of the
text keeps the index of the original character it stands for, so findings are located in the file.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from types import SimpleNamespace

from dsfact.document.directives import Comment
from dsfact.document.entities import named_entity, numeric_entity, space_nbsp
from dsfact.document.labels import link_label
from dsfact.document.model import Block
from dsfact.document.plain import wide

# Tags that end a line: 2 = a paragraph break ("\n\n"), 1 = a line break.
_HTML_BLOCKS = {
    **dict.fromkeys(("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li"), 2),
    **dict.fromkeys(
        ("ul", "ol", "dl", "table", "hr", "header", "footer", "main", "aside", "nav", "figure",
         "figcaption", "address", "details", "summary", "form", "fieldset", "caption", "body"),
        2,
    ),
    **dict.fromkeys(
        ("br", "tr", "td", "th", "dt", "dd", "section", "article", "blockquote", "pre", "thead", "tbody",
         "tfoot"),
        1,
    ),
}
# Elements whose content is not text: skipped up to their end tag.
_HTML_RAW = frozenset(("script", "style", "title", "textarea", "iframe", "noembed", "noframes", "template", "xmp"))
# What may stand in <head>; any other start tag (or text) begins the body.
_HTML_HEAD = frozenset(("title", "meta", "link", "style", "script", "base", "noscript", "template", "head"))
# Elements that say what kind of block their text is (Block.kind), and the lists that nest items.
_KINDS = {**dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "heading"),
          **dict.fromkeys(("li", "dt", "dd"), "item"), **dict.fromkeys(("td", "th"), "cell"),
          "blockquote": "quote"}
_LISTS = frozenset(("ul", "ol", "dl"))
_PRE = frozenset(("pre", "listing", "plaintext"))


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    c = re.compile
    return SimpleNamespace(
        html_tag=c(
            r"""<(?P<closing>/)?(?P<name>[A-Za-z][^\s/>]*+)
                (?:[\s/]++|=[^\s>]*+|[^\s/>=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+)*+
                (?:>|(?P<eof>\Z))""",
            re.X,
        ),
        html_comment_end=c(r"--!?>"),
        html_entity=c(r"&(?:\#[xX]([0-9A-Fa-f]+);?|\#([0-9]+);?|([A-Za-z][A-Za-z0-9]*);?)"),
        nonspace=c(r"\S"),
        space=c(r"[ \t\n\r\f]+"),
    )


@lru_cache(maxsize=32)
def raw_text_end(name: str) -> re.Pattern[str]:
    """The end tag of a raw-text element (script, style...), whose content is not markup."""
    return re.compile(r"</%s(?=[\s/>])" % re.escape(name), re.I)


class _Table:
    """An open <table>: its header's cell units by column, the unit of the current row's first cell, the
    current column, and how many rows have begun."""

    __slots__ = ("header", "first", "column", "rows")

    def __init__(self) -> None:
        self.header: dict[int, int] = {}
        self.first = -1
        self.column = -1
        self.rows = 0


class _Builder:
    """Builds `text` and `origin` for HTML: white space collapses, line breaks are added for block tags,
    and each unit of text (the text between two breaks) is noted with the elements it stands in."""

    __slots__ = ("s", "parts", "origin", "ends", "pending", "trailing", "space", "space_nl", "last", "pre",
                 "stack", "leads", "units", "tables", "cell", "cell_of", "term", "link", "links")

    def __init__(self, s: str) -> None:
        self.s = s
        self.parts: list[str] = []
        self.origin: list[int] = []
        self.ends: dict[int, int] = {}
        self.pending = 0  # line breaks owed before the next text
        self.trailing = 2  # line breaks since the last non-space character (none owed at the start)
        self.space = -1  # where a run of white space owed as one space starts, or -1
        self.space_nl = False  # that run holds a line break
        self.last = ""  # the last character put in the text
        self.pre = 0  # open <pre> elements: white space kept as it is
        self.stack: list[str] = []  # the open elements of _KINDS and _LISTS
        self.leads: list[int] = []  # for each open list: the unit that leads it, or -1
        self.units: list[tuple[int, str, int, int, int]] = []  # (text start, kind, heading level, depth, lead)
        # Tables: each open <table> (_Table); the cell whose first unit is still to come; and for each cell
        # unit, the units of its row's first cell and of its column's header cell (-1 for none)
        self.tables: list[_Table] = []
        self.cell: tuple[_Table, int] | None = None
        self.cell_of: dict[int, tuple[int, int]] = {}
        self.term = -1  # the unit of the open definition list's last <dt>: the label its <dd> is about, or -1
        self.link = -1  # where the text of the open <a> starts, or -1
        self.links: list[tuple[int, int]] = []  # the (start, end) in the text of each link's text

    # Structure

    def open(self, name: str) -> None:
        if name == "a":
            self.link = len(self.origin)
        if name in _PRE:
            self.pre += 1
        if name == "table":
            self.tables.append(_Table())
        elif self.tables and name in ("tr", "td", "th"):
            table = self.tables[-1]
            if name == "tr":
                table.first, table.column, table.rows = -1, -1, table.rows + 1
            else:
                table.column += 1
                self.cell = (table, table.column)
        if name == "dl":
            self.term = -1
        if name in _LISTS:
            depth = sum(1 for e in self.stack if e in _LISTS)
            last = self.units[-1] if self.units else None
            fits = last is not None and last[3] == depth and last[1] == ("item" if depth else "paragraph")
            self.leads.append(len(self.units) - 1 if fits else -1)
            self.stack.append(name)
        elif name in _KINDS:
            self.stack.append(name)

    def close(self, name: str) -> None:
        if name == "a" and self.link >= 0:
            self.links.append((self.link, len(self.origin)))
            self.link = -1
        if name in _PRE and self.pre:
            self.pre -= 1
        if name == "table" and self.tables:
            self.tables.pop()
            self.cell = None
        if name in self.stack:  # tolerant: an unclosed <li> inside is closed with its list
            while self.stack:
                top = self.stack.pop()
                if top in _LISTS:
                    self.leads.pop()
                if top == name:
                    break

    def _unit(self) -> None:
        """Text begins a new unit: note what it stands in."""
        kind, level, depth, owner = "paragraph", 0, 0, ""
        for e in self.stack:
            if e in _LISTS:
                depth += 1
        for e in reversed(self.stack):
            if e in _KINDS:
                kind, owner = _KINDS[e], e
                level = int(e[1]) if kind == "heading" else 0
                break
        if kind == "cell" and self.cell is not None:
            self._cell_unit(len(self.units))
        elif owner in ("dt", "dd"):
            self._term_unit(len(self.units), owner)
        self.units.append((len(self.origin), kind, level, depth, self.leads[-1] if self.leads else -1))

    def _term_unit(self, k: int, name: str) -> None:
        """Unit k stands in a <dt> (a term) or a <dd> (its definition): a definition's figure is about its term,
        as a cell's is about its row's label ("<dt>Training cost</dt><dd>$5.6 million</dd>")."""
        if name == "dt":
            self.term = k
        elif self.term >= 0:
            self.cell_of[k] = (self.term, -1)

    def _cell_unit(self, k: int) -> None:
        """Unit k is the first of a table cell: note its row's label and its column's header."""
        table, column = self.cell
        self.cell = None
        if column == 0:
            table.first = k
        if table.rows <= 1:  # the table's first row is its header
            table.header[column] = k
        else:
            self.cell_of[k] = (table.first if column else -1, table.header.get(column, -1))

    # Text

    def brk(self, level: int) -> None:
        if level > self.pending:
            self.pending = level
        self.space = -1

    def _flush(self, pos: int) -> None:
        """Owed line breaks, before the text at original[pos] (so `origin` stays in order)."""
        need = self.pending - self.trailing
        if need > 0:
            self.parts.append("\n" * need)
            self.origin.extend([pos] * need)
            self.trailing += need
        self.pending = 0
        self.space = -1

    def _before(self, a: int, first: str) -> None:
        """What is owed before text that starts at original[a] with `first`: breaks, or one space."""
        if self.pending:
            self._flush(a)
        elif self.space != -1:
            if not (self.space_nl and wide(self.last) and wide(first)):
                self.parts.append(" ")
                self.origin.append(self.space)
                self.last = " "
            self.space = -1
        if self.trailing:
            self._unit()

    def keep(self, a: int, b: int) -> None:
        if a >= b:
            return
        if self.pre:
            self._keep_pre(a, b)
            return
        s = self.s
        for m in _rx().space.finditer(s, a, b):
            self._word(a, m.start())
            if not self.trailing and self.space == -1:
                self.space, self.space_nl = m.start(), False
            if self.space != -1 and not self.space_nl:
                self.space_nl = s.find("\n", m.start(), m.end()) != -1
            a = m.end()
        self._word(a, b)

    def _word(self, a: int, b: int) -> None:
        if a >= b:
            return
        self._before(a, self.s[a])
        self.parts.append(self.s[a:b])
        self.origin.extend(range(a, b))
        self.trailing = 0
        self.last = self.s[b - 1]

    def _keep_pre(self, a: int, b: int) -> None:
        """Inside <pre>: the text as it is, line breaks and all."""
        s = self.s
        if self.pending or self.space != -1:
            m = _rx().nonspace.search(s, a, b)
            if m is None:
                self._append(a, b)
                return
            self._append(a, m.start())  # the indentation of its first line
            self._before(m.start(), s[m.start()])
            a = m.start()
        self._append(a, b)

    def _append(self, a: int, b: int) -> None:
        if a >= b:
            return
        chunk = self.s[a:b]
        self.parts.append(chunk)
        self.origin.extend(range(a, b))
        stripped = chunk.rstrip()
        self.trailing = chunk.count("\n", len(stripped)) + (self.trailing if not stripped else 0)
        if stripped:
            self.last = stripped[-1]

    def put(self, rep: str, a: int, b: int) -> None:
        """Text decoded from the entity original[a:b] (a no-break space from one is kept, not collapsed)."""
        if not rep:
            return
        if rep.isspace():
            if self.space != -1 and not self.pending:
                self._before(a, " ")
        else:
            self._before(a, rep[0])
            self.trailing = 0
        for _ in rep:
            self.ends[len(self.origin)] = b
            self.origin.append(a)
        self.parts.append(rep)
        self.last = rep[-1]

    def text(self, a: int, b: int) -> None:
        """original[a:b] as HTML text: entities decoded."""
        s = self.s
        if s.find("&", a, b) == -1:
            self.keep(a, b)
            return
        prev = a
        for m in _rx().html_entity.finditer(s, a, b):
            decoded = _html_entity(m)
            if decoded is None:
                continue
            rep, end = decoded
            self.keep(prev, m.start())
            self.put(rep, m.start(), end)
            prev = end
        self.keep(prev, b)

    def result(self) -> tuple[str, list[int], dict[int, int], list[Block]]:
        self.origin.append(len(self.s))
        text = "".join(self.parts)
        return text, self.origin, self.ends, self._blocks(text)

    def _blocks(self, text: str) -> list[Block]:
        spans = []
        for k, unit in enumerate(self.units):
            a = unit[0]
            b = self.units[k + 1][0] if k + 1 < len(self.units) else len(text)
            while b > a and text[b - 1].isspace():
                b -= 1
            spans.append((a, b))
        blocks = []
        headings: list[tuple[int, int]] = []  # (level, unit index)
        for k, (unit, (a, b)) in enumerate(zip(self.units, spans)):
            _, kind, level, depth, lead = unit
            names = tuple(text[slice(*spans[h])] for _, h in headings)
            row, column = self.cell_of.get(k, (-1, -1))
            blocks.append(Block(a, b, kind, names, text[slice(*spans[lead])] if lead >= 0 else None, depth,
                                text[slice(*spans[row])] if row >= 0 else None,
                                text[slice(*spans[column])] if column >= 0 else None,
                                kind in ("item", "paragraph") and self._linked(text, a, b)))
            if level:
                while headings and headings[-1][0] >= level:
                    headings.pop()
                headings.append((level, k))
        return blocks

    def _linked(self, text: str, a: int, b: int) -> bool:
        """Whether the block text[a:b] is one link's text after at most a label (Block.linked): the last link
        that starts before its end ends at or past it (links do not overlap, and stand in order)."""
        k = bisect.bisect_left(self.links, (b,)) - 1
        if a >= b or k < 0:
            return False
        x, y = self.links[k]
        return b <= y and link_label(text[a:max(a, x)])


def _html_entity(m: re.Match[str]) -> tuple[str, int] | None:
    hex_digits, dec_digits, name = m.group(1), m.group(2), m.group(3)
    if hex_digits is not None:
        return space_nbsp(numeric_entity(hex_digits, 16)), m.end()
    if dec_digits is not None:
        return space_nbsp(numeric_entity(dec_digits, 10)), m.end()
    found = named_entity(name, m.group().endswith(";"))
    if found is None:
        return None
    rep, used = found
    end = m.end() if used == len(name) else m.start() + 1 + used
    return space_nbsp(rep), end


def read_html(s: str) -> tuple[str, list[int], dict[int, int], list[Comment], list[Block]]:
    """(text, origin, entity ends, HTML comments, blocks in text offsets) of an HTML document: one
    linear scan, tags dropped, raw-text elements and <head> skipped, comments collected."""
    rx = _rx()
    out = _Builder(s)
    comments: list[Comment] = []
    n = len(s)
    pos = 0
    in_head = False
    while pos < n:
        lt = s.find("<", pos)
        if lt == -1:
            lt = n
        if lt > pos:
            if in_head and rx.nonspace.search(s, pos, lt):
                in_head = False  # text cannot stand in <head>: the body has begun
            if not in_head:
                out.text(pos, lt)
        if lt >= n:
            break
        if s.startswith("<!--", lt):
            m = rx.html_comment_end.search(s, lt + 2)
            if m is None:
                comments.append((lt, None, n))
                break
            comments.append((lt, m.end(), m.start()))
            pos = m.end()
            continue
        if s.startswith("<![CDATA[", lt):
            k = s.find("]]>", lt + 9)
            pos = n if k == -1 else k + 3
            continue
        nxt = s[lt + 1 : lt + 2]
        if nxt in ("!", "?") or (nxt == "/" and not s[lt + 2 : lt + 3].isalpha()):
            k = s.find(">", lt + 2)  # doctype, processing instruction, bogus comment
            pos = n if k == -1 else k + 1
            continue
        m = rx.html_tag.match(s, lt)
        if m is None:  # "<" not starting a tag: "a < b", "<5%"
            if not in_head:
                out.text(lt, lt + 1)
            pos = lt + 1
            continue
        if m.group("eof") is not None:
            break  # a tag left open at the end of the file
        pos = m.end()
        name = m.group("name").lower()
        if m.group("closing"):
            if name == "head":
                in_head = False
            elif not in_head:
                if name in _HTML_BLOCKS:
                    out.brk(_HTML_BLOCKS[name])
                out.close(name)
            continue
        if in_head and name not in _HTML_HEAD:
            in_head = False
        if name in _HTML_RAW:
            c = raw_text_end(name).search(s, pos)
            if c is None:
                break
            gt = s.find(">", c.end())
            pos = n if gt == -1 else gt + 1
            continue
        if name == "head":
            in_head = True
        elif name == "body":
            in_head = False
        if not in_head:
            if name in _HTML_BLOCKS:
                out.brk(_HTML_BLOCKS[name])
            if not m.group().endswith("/>"):
                out.open(name)
    text, origin, ends, blocks = out.result()
    return text, origin, ends, comments, blocks

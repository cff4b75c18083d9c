"""Read a Word document (.docx, as Word and Google Docs save it) with python-docx, the optional extra
``dsfact[docx]``.

The checked text is the body's paragraphs in reading order, those in table cells included (a cell's
paragraphs after the cell before it, row by row); headers, footers, footnotes and comments are not
read, nor is text deleted with tracked changes (inserted text is, as Word shows it). A Word document
has no lines, so a finding is located by paragraph: `Document.original` holds one paragraph a line,
and a location's line is the paragraph's number (every paragraph counts, empty ones and those in
tables too, from 1) and its column the character in that paragraph. Between paragraphs the text has a
blank line, so each is a paragraph for the matcher; the cells of one table row are separated by one
line break, and a manual line break (Shift+Enter) ends a sentence.
"""
from __future__ import annotations

import io

from dsfact.document.model import Block
from dsfact.errors import InputError

INSTALL = "pip install 'dsfact[docx]'"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T, _TAB, _BR, _CR, _DEL, _MOVE_FROM = (_W + n for n in ("t", "tab", "br", "cr", "del", "moveFrom"))


def read_docx(data: bytes, path: str) -> tuple[str, str, list[int], list[Block]]:
    """(original, text, origin, blocks) of a .docx file's bytes; InputError when python-docx is not
    installed or the bytes are not a Word document."""
    try:
        import docx
    except ImportError:
        raise InputError(path, f"reading Word documents needs python-docx: {INSTALL}") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # a zip that is not a Word document, a damaged part: python-docx raises many kinds
        raise InputError(path, f"not a Word document ({type(e).__name__})") from None
    units = list(_paragraphs(document))
    return _assemble(units)


def _paragraphs(document):
    """(text, kind, heading level, list depth, same row as the previous) for every paragraph in order."""
    from docx.table import Table

    def walk(container, in_cell=False):
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                yield from table(item)
            else:
                yield _paragraph(item, in_cell)

    def table(t):
        for row in t.rows:
            seen = set()
            first = True
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is listed once for each column it spans
                    continue
                seen.add(id(cell._tc))
                for k, unit in enumerate(walk(cell, True)):
                    yield (*unit[:4], not first and k == 0)
                first = False

    yield from walk(document)


def _paragraph(p, in_cell: bool) -> tuple[str, str, int, int, bool]:
    parts = []
    for el in p._p.iter(_T, _TAB, _BR, _CR):
        if any(a.tag in (_DEL, _MOVE_FROM) for a in el.iterancestors()):
            continue  # a tracked deletion
        if el.tag == _T:
            parts.append(el.text or "")
        elif el.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\v")  # a manual line break: a line break in the text, a space in the original
    text = "".join(parts).replace("\n", " ")
    style = (p.style.name if p.style is not None else "") or ""
    level, depth = 0, 0
    if style.startswith("Heading") and style[7:].strip().isdigit():
        level = int(style[7:].strip())
    elif style == "Title":
        level = 1
    num = p._p.pPr.numPr if p._p.pPr is not None else None
    if num is not None or style.startswith("List"):
        ilvl = num.ilvl.val if num is not None and num.ilvl is not None else 0
        depth = 1 + int(ilvl or 0)
    kind = "heading" if level else "cell" if in_cell else "item" if depth else "paragraph"
    return text, kind, level, depth, False


def _assemble(units) -> tuple[str, str, list[int], list[Block]]:
    original_parts: list[str] = []
    parts: list[str] = []
    origin: list[int] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, (text, _kind, _level, _depth, same_row) in enumerate(units):
        if k:
            sep = "\n" if same_row else "\n\n"
            parts.append(sep)
            origin.extend([pos - 1] * len(sep))  # at the line break that ends the previous paragraph
        start = len(origin)
        parts.append(text.replace("\v", "\n"))
        origin.extend(range(pos, pos + len(text)))
        spans.append((start, len(origin)))
        original_parts.append(text.replace("\v", " "))
        pos += len(text) + 1
    original = "\n".join(original_parts)
    origin.append(len(original))
    text = "".join(parts)
    return original, text, origin, _blocks(text, units, spans)


def _blocks(text: str, units, spans) -> list[Block]:
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    lead: str | None = None
    previous: Block | None = None
    for (_, kind, level, depth, _), (a, b) in zip(units, spans):
        body = text[a:b]
        stripped = body.strip()
        if not stripped:
            continue
        a += len(body) - len(body.lstrip())
        b = a + len(stripped)
        if depth and (previous is None or not previous.depth):
            lead = text[previous.start:previous.end] if previous is not None and previous.kind == "paragraph" else None
        block = Block(a, b, kind, tuple(h for _, h in headings), lead if depth else None, depth)
        blocks.append(block)
        previous = block
        if level:
            while headings and headings[-1][0] >= level:
                headings.pop()
            headings.append((level, stripped))
    return blocks

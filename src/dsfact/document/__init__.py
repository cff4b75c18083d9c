"""Read a document to check: decode its bytes, keep its prose, and map every prose character back
to the original file; collect its inline ``dsfact:`` directives.

`Document.text` is what the checker reads. For plain text it is the file itself, except that a
hard-wrapped paragraph's wrapping line breaks are spaces (`read_plain`). For Markdown and
HTML it is the prose only: markup, code, front matter, URLs and comments are left out, and every
character of `text` knows where it came from (`Document.origin`), so a finding is reported at the
line and column where it stands in the original file (`Document.location`).

Sentences and paragraphs come from the document's structure, not its lines: in Markdown a soft
line break inside a paragraph, list item, block quote or table cell is a space (nothing between two
Chinese characters), while the line breaks between blocks stay, so a blank line still ends a
paragraph (`markdown`, which reads the blocks with pyromark, a compiled CommonMark parser). `Document.blocks` lists the
paragraphs, headings, list items and cells in `text` offsets, with the headings above each and a
list's lead line. HTML (`html`) is laid out as a browser does: white space collapses
inside a block, and block elements end a unit.

The modules: `decode` (bytes to text: size cap, binary files, encodings), `plain` (wrapped plain
text), `markdown` and `markdown_inline`, `html`, `docx` (Word, with python-docx), `entities`
(character references), `directives` (parse them, and which findings they suppress), `lines` (the
one line/column index), `model` (Document, Block) and `read` (read_document).

Standard library only (pyromark is imported by `markdown`, for a Markdown file only).
Importing this package does no work: patterns are compiled, and the HTML entity table is imported,
on first use.
"""

from __future__ import annotations

from dsfact.document.decode import MAX_FILE_BYTES, decode_bytes, read_bytes
from dsfact.document.directives import (
    DIRECTIVE_KINDS,
    IGNORE,
    OFF,
    ON,
    Directive,
    Suppressions,
    parse_directives,
    suppressed,
)
from dsfact.document.lines import LineIndex, line_starts
from dsfact.document.model import Block, Document
from dsfact.document.plain import paragraph_blocks, read_plain
from dsfact.document.read import FORMATS, detect_format, read_document

_read_bytes = read_bytes  # the name dsfact.archive imports

__all__ = [
    "MAX_FILE_BYTES",
    "FORMATS",
    "DIRECTIVE_KINDS",
    "IGNORE",
    "OFF",
    "ON",
    "Block",
    "Directive",
    "Document",
    "LineIndex",
    "Suppressions",
    "read_document",
    "read_bytes",
    "detect_format",
    "decode_bytes",
    "line_starts",
    "paragraph_blocks",
    "parse_directives",
    "read_plain",
    "suppressed",
]

"""Read one document: pick its reader by format, decode, take out the prose and its directives, and
leave the invisible format characters out of the prose (dsfact.document.invisible)."""
from __future__ import annotations

from dsfact.document.decode import bounded, decode_bytes, read_bytes
from dsfact.document.directives import directives_from_comments, parse_directives
from dsfact.document.invisible import strip_invisible
from dsfact.document.model import Block, Document
from dsfact.document.plain import paragraph_blocks, read_plain
from dsfact.errors import UsageError

FORMATS = ("text", "markdown", "html", "docx")
_FORMAT_ALIASES = {"md": "markdown", "txt": "text", "plain": "text", "htm": "html", "word": "docx"}
_MARKDOWN_EXTENSIONS = (".md", ".markdown")
_HTML_EXTENSIONS = (".html", ".htm")


def detect_format(path: str) -> str:
    """The format a file name implies: .md/.markdown -> markdown, .html/.htm -> html, .docx -> docx,
    else text."""
    lower = path.lower()
    if lower.endswith(_MARKDOWN_EXTENSIONS):
        return "markdown"
    if lower.endswith(_HTML_EXTENSIONS):
        return "html"
    if lower.endswith(".docx"):
        return "docx"
    return "text"


def read_document(
    path: str,
    *,
    data: bytes | None = None,
    encoding: str | None = None,
    format: str | None = None,  # noqa: A002 - the CLI's word
) -> Document:
    """Read, decode and take apart one document.

    With `data` (stdin), those bytes are read and `path` only names them (and picks the format);
    otherwise the file at `path` is read (never written). Raises InputError for a file that cannot
    be read or decoded and for a malformed dsfact directive; UsageError for an unknown `format`.
    """
    fmt = _resolve_format(path, format)
    data = read_bytes(path) if data is None else bounded(data, path)
    ends: dict[int, int] = {}
    blocks: list[Block] | None = None
    if fmt == "docx":  # no encoding: lines are paragraphs (dsfact.document.docx)
        from dsfact.document.docx import read_docx

        original, text, origin, blocks = read_docx(data, path)
        used = "docx"
        directives = parse_directives(original, path=path)
    else:
        original, used = decode_bytes(data, path, encoding)
    if fmt == "markdown":
        from dsfact.document.markdown import read_markdown  # the Markdown parser is imported only for a Markdown file

        text, origin, ends, comments, blocks = read_markdown(original)
        directives = directives_from_comments(original, comments, path)
    elif fmt == "html":
        from dsfact.document.html import read_html

        text, origin, ends, comments, blocks = read_html(original)
        directives = directives_from_comments(original, comments, path)
    elif fmt == "text":
        text, origin = read_plain(original)
        directives = parse_directives(original, path=path)
    if blocks is None:
        blocks = paragraph_blocks(text)
    text, origin, ends, blocks = strip_invisible(text, origin, ends, blocks)
    from dsfact.document.dated import document_date

    return Document(path, original, text, origin, fmt, used, directives, blocks, _ends=ends,
                    date=document_date(original, text, fmt))


def _resolve_format(path: str, format: str | None) -> str:  # noqa: A002
    if format is None:
        return detect_format(path)
    fmt = _FORMAT_ALIASES.get(format.lower(), format.lower())
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {format!r} (expected text, markdown, html or docx)")
    return fmt

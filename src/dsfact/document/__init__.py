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
paragraph (dsfact.document.markdown, which reads the blocks with markdown-it-py). `Document.blocks` lists the
paragraphs, headings, list items and cells in `text` offsets, with the headings above each and a
list's lead line. HTML (dsfact.document.html) is laid out as a browser does: white space collapses
inside a block, and block elements end a unit.

Standard library only (markdown-it-py is imported by dsfact.document.markdown, for a Markdown file only).
Importing this module does no work: patterns are compiled, and the HTML
entity table is imported, on first use.
"""
from __future__ import annotations

import bisect
import codecs
import math
import os
import re
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace

from dsfact.errors import InputError, UsageError
from dsfact.model import Location

__all__ = [
    "MAX_FILE_BYTES",
    "FORMATS",
    "Block",
    "Directive",
    "Document",
    "read_document",
    "detect_format",
    "decode_bytes",
    "parse_directives",
    "suppressed",
]

#: Files (and stdin) larger than this are refused with an InputError.
MAX_FILE_BYTES = 50 * 1024 * 1024

FORMATS = ("text", "markdown", "html", "docx")
_FORMAT_ALIASES = {"md": "markdown", "txt": "text", "plain": "text", "htm": "html", "word": "docx"}
_MARKDOWN_EXTENSIONS = (".md", ".markdown")
_HTML_EXTENSIONS = (".html", ".htm")

IGNORE, OFF, ON = "ignore", "off", "on"
DIRECTIVE_KINDS = (IGNORE, OFF, ON)

_UNDECODABLE = "cannot decode as UTF-8, UTF-16, GB18030 or Big5 (use --encoding)"

# --------------------------------------------------------------------------------------------
# The types


@dataclass
class Directive:
    """An inline suppression comment: ``<!-- dsfact: ignore C12 -- reason -->``, ``off``, ``on``."""

    kind: str  # "ignore" | "off" | "on"
    claims: tuple[str, ...]  # for ignore: claim ids; empty = all claims
    reason: str | None
    line: int  # 1-based line of the comment (its "<!--") in the original file
    start: int  # code-point span of the whole comment in the original text
    end: int
    end_line: int = 0  # the line the comment ends on (same as `line` unless it spans lines)

    def __post_init__(self) -> None:
        if self.end_line < self.line:
            self.end_line = self.line


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of a document's structure, in `Document.text` offsets: text[start:end] (trimmed).

    `kind` is "paragraph", "heading", "item" (a paragraph of a list item), "quote" (of a block
    quote), "cell" (a table cell) or "footnote". `headings` are the texts of the headings above it,
    outermost first (for a heading, those above it). `depth` is how many lists it stands in (0 outside
    any). `lead` is, for a block in a list, the text of the block just before the list opened (the
    list's lead line: "DeepSeek's costs:" above "- $5.6 million for the final run"; for a nested list,
    the item it hangs from), or None when a heading or nothing stands there. The binding of a figure
    to its subject reads this: a heading or a lead line can carry the subject of the lines below it.
    """

    start: int
    end: int
    kind: str
    headings: tuple[str, ...] = ()
    lead: str | None = None
    depth: int = 0


@dataclass
class Document:
    """A decoded file and the prose in it that is checked."""

    path: str  # as given ("-" or the --stdin-filename for stdin)
    original: str  # the decoded file
    text: str  # what is checked: prose only
    origin: Sequence[int]  # a list or a range; origin[i] = index in `original` of text[i]; len(text) + 1 long (last = end)
    format: str = "text"  # "text" | "markdown" | "html"
    encoding: str = "utf-8"
    directives: list[Directive] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # paragraphs, headings, list items, cells, in order
    # Where a text character stands for more than one original character (an entity such as
    # "&nbsp;"): text index -> original end (exclusive). Others end at origin[i] + 1.
    _ends: dict[int, int] = field(default_factory=dict, repr=False, compare=False)
    _line_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def location(self, start: int, end: int) -> Location:
        """The 1-based line and column in the ORIGINAL file of text[start:end].

        Columns count Unicode code points; `end_column` is one past the last character (for a
        character decoded from an entity, one past the entity). "\\r\\n" is one line break; the
        "\\r" belongs to its line.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span {start}:{end} is outside the text (length {n})")
        o_start = self.origin[start]
        line, column = self.position(o_start)
        if end == start:
            return Location(line, column, line, column)
        last = end - 1
        o_end = self._ends.get(last)
        if o_end is None:
            o_end = self.origin[last] + 1
        if o_end <= o_start:  # cannot happen with a well-formed origin; be safe
            o_end = o_start + 1
        end_line, end_column = self.position(o_end - 1)
        return Location(line, column, end_line, end_column + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of an index into `original`."""
        starts = self._line_starts
        if starts is None:
            starts = self._line_starts = _line_starts(self.original)
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1


def _line_starts(s: str) -> list[int]:
    starts = [0]
    find = s.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


# --------------------------------------------------------------------------------------------
# Reading


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
    if data is None:
        data = _read_bytes(path)
    elif len(data) > MAX_FILE_BYTES:
        raise InputError(path, _too_large(len(data)))
    if fmt == "docx":  # no encoding: lines are paragraphs (dsfact.document.docx)
        from dsfact.document.docx import read_docx

        original, text, origin, blocks = read_docx(data, path)
        return Document(path, original, text, origin, fmt, "docx", parse_directives(original, path=path), blocks)
    original, used = decode_bytes(data, path, encoding)
    ends: dict[int, int] = {}
    blocks: list[Block] | None = None
    if fmt == "markdown":
        from dsfact.document.markdown import read_markdown  # markdown-it is imported only for a Markdown file

        text, origin, ends, comments, blocks = read_markdown(original)
        directives = _directives_from_comments(original, comments, path)
    elif fmt == "html":
        from dsfact.document.html import read_html

        text, origin, ends, comments, blocks = read_html(original)
        directives = _directives_from_comments(original, comments, path)
    else:
        text, origin = read_plain(original)
        directives = parse_directives(original, path=path)
    if blocks is None:
        blocks = paragraph_blocks(text)
    return Document(path, original, text, origin, fmt, used, directives, blocks, _ends=ends)


def _wide(c: str) -> bool:
    """A Chinese or Japanese character or full-width punctuation: a line break between two such is
    not a space (as a browser renders it), since Chinese puts no spaces between words."""
    return "\u3000" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef"


# Plain text: a paragraph is hard-wrapped when most of its lines end near one width (that of its
# longest line); a line break in it wraps the text where the line is that full (the next word would
# not have fitted on it) and does not end a sentence. A paragraph narrower than this is a list, a
# table or verse, whose lines are its units; so are lines with columns of spaces, and bullets.
_MIN_WRAP_WIDTH = 30
_BULLET = re.compile(r"[ \t]*(?:[-*•·]|\d{1,3}[.)、])[ \t]")
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")
_SENTENCE_END = frozenset(".!?:;。！？：；\"”’)）」』")


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
    wide = _rx().wide
    joins: list[tuple[int, int, bool]] = []
    lines: list[tuple[int, int]] = []  # (start, end without the line break) of the paragraph's lines

    def paragraph() -> None:
        if len(lines) < 2:
            return
        widths = [b - a + len(wide.findall(s, a, b)) for a, b in lines]
        width = max(widths)
        if width < _MIN_WRAP_WIDTH or sum(w * 3 >= width * 2 for w in widths[:-1]) * 2 < len(lines) - 1:
            return
        # columns of spaces (a table), or a comment (a directive covers its line and the next): kept as lines
        columns = [bool(_COLUMNS.search(s, a, b)) or s.find("<!--", a, b) != -1 or s.find("-->", a, b) != -1
                   for a, b in lines]
        for k in range(len(lines) - 1):
            end, (nxt, nxt_end) = lines[k][1], lines[k + 1]
            if s[end - 1] in _SENTENCE_END or columns[k] or columns[k + 1] or _BULLET.match(s, nxt, nxt_end):
                continue
            first = _unbreakable(s, nxt, nxt_end)
            both_wide = _wide(s[end - 1]) and _wide(first[0])
            need = len(first) + len(wide.findall(first)) + (0 if both_wide else 1)
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


def _unbreakable(s: str, a: int, b: int) -> str:
    """The start of a line up to where it could first be broken: a space, or between two Chinese
    characters (a line may break anywhere between those)."""
    i = a + 1
    while i < b and not s[i].isspace() and not (_wide(s[i - 1]) and _wide(s[i])):
        i += 1
    return s[a:i]


def paragraph_blocks(text: str) -> list[Block]:
    """Blocks for text with no other structure: its paragraphs, which blank lines separate."""
    blocks = []
    for m in _rx().paragraph.finditer(text):
        blocks.append(Block(m.start(), m.end(), "paragraph"))
    return blocks


def _resolve_format(path: str, format: str | None) -> str:  # noqa: A002
    if format is None:
        return detect_format(path)
    fmt = _FORMAT_ALIASES.get(format.lower(), format.lower())
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {format!r} (expected text, markdown, html or docx)")
    return fmt


def _read_bytes(path: str) -> bytes:
    limit = MAX_FILE_BYTES
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError(path, _too_large(None))
        return data
    try:
        st = os.stat(path)
    except OSError as e:
        raise InputError(path, _os_problem(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a directory")
    if not stat.S_ISREG(st.st_mode):  # a named pipe would wait for a writer for ever
        raise InputError(path, "not a regular file (a pipe, socket or device); pipe text to 'dsfact check -' instead")
    if stat.S_ISREG(st.st_mode) and st.st_size > limit:
        raise InputError(path, _too_large(st.st_size))
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise InputError(path, _os_problem(e)) from None
    if len(data) > limit:  # grew, or not a regular file
        raise InputError(path, _too_large(None))
    return data


def _os_problem(e: OSError) -> str:
    if isinstance(e, (FileNotFoundError, NotADirectoryError)):
        return "no such file"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    if isinstance(e, PermissionError):
        return "permission denied"
    return f"cannot read ({e.strerror or e})"


def _size(n: int, *, up: bool) -> str:
    mb = 1024 * 1024
    if n < mb:
        return f"{n} bytes"
    tenths = n * 10 / mb
    tenths = math.ceil(tenths) if up else math.floor(tenths)
    return f"{tenths / 10:g} MB"


def _too_large(size: int | None) -> str:
    limit = _size(MAX_FILE_BYTES, up=False)
    if size is None:
        return f"file too large (more than {limit}; limit {limit})"
    return f"file too large ({_size(size, up=True)}; limit {limit})"


# --------------------------------------------------------------------------------------------
# Decoding

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"\x7fELF", "executable"),
)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP image"
    return None


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return (text, encoding name). A byte order mark is not part of text.

    Tries, in order: a UTF-8, UTF-16 or UTF-32 byte order mark; BOM-less UTF-16 (told by where its
    NUL bytes fall); strict UTF-8; then GB18030 and Big5, keeping whichever reads as more common
    Chinese characters of its script. `encoding` forces one codec. Binary files raise InputError.
    """
    data = bytes(data)
    kind = _binary_kind(data)
    if kind:
        raise InputError(path, f"binary file ({kind})")
    if encoding is not None:
        return _decode_forced(data, path, encoding)
    if not data:
        return "", "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise InputError(
                path, f"cannot decode as UTF-8 despite its byte order mark (bad byte at offset {e.start + 3})"
            ) from None
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        if data.startswith(bom):
            try:
                return data[4:].decode(name), name
            except UnicodeDecodeError:
                pass  # FF FE 00 00 may be UTF-16 LE text that starts with U+0000; see below
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[2:].decode(name)
            except UnicodeDecodeError as e:
                raise InputError(path, f"cannot decode as UTF-16 ({e.reason} at offset {e.start + 2})") from None
            if "\x00" in text:
                raise InputError(path, "binary file (NUL bytes)")
            return text, name
    if b"\x00" in data:
        sniffed = _sniff_utf16(data)
        if sniffed is None:
            raise InputError(path, "binary file (NUL bytes)")
        return sniffed
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    chinese = _decode_chinese(data)
    if chinese is None:
        raise InputError(path, _UNDECODABLE)
    return chinese


def _decode_forced(data: bytes, path: str, encoding: str) -> tuple[str, str]:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13, zlib...
        raise InputError(path, f"unknown encoding {encoding!r}")
    name = info.name
    try:
        text = data.decode(name)
    except UnicodeDecodeError as e:
        raise InputError(path, f"cannot decode as {name} (bad byte at offset {e.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError(path, "binary file (NUL bytes)")
    return text, name


def _sniff_utf16(data: bytes) -> tuple[str, str] | None:
    """BOM-less UTF-16: mostly-ASCII or CJK text has its NUL bytes on one side of each pair."""
    if len(data) % 2:
        return None
    even = data[0::2].count(0)  # high bytes of big-endian units
    odd = data[1::2].count(0)  # high bytes of little-endian units
    major, minor, name = (odd, even, "utf-16-le") if odd >= even else (even, odd, "utf-16-be")
    if major == 0 or minor * 10 > major:
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or not _plausible_utf16(text):
        return None
    return text, name


def _plausible_utf16(text: str) -> bool:
    """Does text decoded as BOM-less UTF-16 read as text? ASCII bytes taken two at a time make
    ideographs too, but seldom common ones, kana, Hangul or CJK punctuation."""
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f\v")
    if controls * 100 > len(text):
        return False
    wide = [c for c in text if c >= "\x80"]
    if len(wide) * 10 <= len(text) * 7:  # at least 30% ASCII: the NUL pattern says enough
        return True
    simplified, traditional = _common_sets()
    plausible = sum(
        1
        for c in wide
        if c in simplified
        or c in traditional
        or "\u3000" <= c <= "\u30ff"  # CJK punctuation, kana
        or "\uac00" <= c <= "\ud7a3"  # Hangul
        or "\uff00" <= c <= "\uffef"  # full-width forms
    )
    return plausible * 5 >= len(wide)


# The most frequent characters of Chinese text, in each script. Characters both scripts share are in
# both sets; those that differ (这/這, 国/國, 万/萬...) decide. Text decoded with the wrong codec is
# mojibake, which holds few of either.
_COMMON_SIMPLIFIED = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后"
    "作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因"
    "只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应"
    "战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原"
    "东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四总何电数安少报才结反受目量再感建"
    "务做接必场件计管期市直资命金指许统区保至队形社便空决治展马科司五基书非则听却界达光放强即像难权思"
    "象完设式色路记南品告类求据程北边张该交规万取格望觉术领共确传师观清今院让识带导争运飞风步改收根造"
    "言联持组每济车亲极服快办议元英证近失转令准布始未远单影具罗字爱击流备连调深商算质团集百需价党华城"
    "级整府离况亚请技际约示复究线官断精满支视消越器容须增研写称企八功吗包片史委查轻易早除农装广显亿练"
    "训币网钱"
)
_COMMON_TRADITIONAL = (
    "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後"
    "作裡裏用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因"
    "只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應"
    "戰向頭文體政美相見被利什二等產或新己製制身果加西月話合回特代內信表化老給世位次度門任常先海通教兒原"
    "東聲提立及比員解水名真論處走義各入幾口認條平系係氣題活更別打女變四總何電數安少報才結反受目量再感建"
    "務做接必場件計管期市直資命金指許統區保至隊形社便空決治展馬科司五基書非則聽卻界達光放強即像難權思"
    "象完設式色路記南品告類求據程北邊張該交規萬取格望覺術領共確傳師觀清今院讓識帶導爭運飛風步改收根造"
    "言聯持組每濟車親極服快辦議元英證近失轉令準布始未遠單影具羅字愛擊流備連調深商算質團集百需價黨華城"
    "級整府離況亞請技際約示復究線官斷精滿支視消越器容須增研寫稱企八功嗎包片史委查輕易早除農裝廣顯億練"
    "訓幣網錢"
)


@lru_cache(maxsize=1)
def _common_sets() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(_COMMON_SIMPLIFIED), frozenset(_COMMON_TRADITIONAL)


def _decode_chinese(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5 (or its cp950 / HKSCS extensions): whichever decodes strictly and reads
    as more common characters of its script."""
    simplified, traditional = _common_sets()
    candidates = []
    try:
        text = data.decode("gb18030")
        candidates.append((_chinese_score(text, simplified), 1, text, "gb18030"))
    except UnicodeDecodeError:
        pass
    for name in ("big5", "cp950", "big5hkscs"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_chinese_score(text, traditional), 0, text, name))
        break
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c[0], c[1]))
    if best[0][0] == 0:
        # Not one common Chinese character: more likely Latin-1 or cp1252 ("naïve") than Chinese.
        return None
    return best[2], best[3]


def _chinese_score(text: str, common: frozenset[str]) -> tuple[int, int]:
    hits = sum(1 for c in text if c in common)
    # Then: the share of plain CJK ideographs, ASCII and CJK punctuation (mojibake runs to rare
    # symbols, private use and extension blocks).
    plain = sum(
        1
        for c in text
        if c < "\x80" or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
    )
    return hits, plain


# --------------------------------------------------------------------------------------------
# Patterns (compiled on first use)


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    c = re.compile
    return SimpleNamespace(
        wide=c(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"),
        paragraph=c(r"\S(?:[^\n]|\n(?![ \t\r]*\n))*(?<=\S)|\S"),
        # HTML
        # Directives
        reason_sep=c(r"(?:^|\s)--(?:\s|$)"),
        id_split=c(r"\s*,\s*|\s+"),
        claim_id=c(r"[A-Za-z][A-Za-z0-9_.\-]*"),
    )


@lru_cache(maxsize=32)
def _raw_text_end(name: str) -> re.Pattern[str]:
    return re.compile(r"</%s(?=[\s/>])" % re.escape(name), re.I)


# --------------------------------------------------------------------------------------------
# Entities


def _entity_tables():
    from html import entities  # imported on first use: a table of 2,000 names

    return entities.html5


def _numeric_entity(digits: str, base: int) -> str:
    import html

    digits = digits.lstrip("0") or "0"
    num = int(digits, base) if len(digits) <= 8 else 0x110000
    return html.unescape(f"&#x{num:x};")


def _named_entity(name: str, semicolon: bool) -> tuple[str, int] | None:
    """(replacement, length of the name used) for &name; or a legacy &name without ';'."""
    table = _entity_tables()
    if semicolon:
        rep = table.get(name + ";")
        if rep is not None:
            return rep, len(name)
    for k in range(min(len(name), 32), 1, -1):  # legacy names (amp, lt, nbsp...) need no ';'
        rep = table.get(name[:k])
        if rep is not None:
            return rep, k
    return None


_ENTITY_SPACES = str.maketrans({"\xa0": " ", "\n": " ", "\r": " "})


def _space_nbsp(rep: str) -> str:
    """A no-break space from an entity is a space; so is a line break (lines stay the file's)."""
    return rep.translate(_ENTITY_SPACES)


# --------------------------------------------------------------------------------------------
# Directives


def parse_directives(original: str, *, path: str = "<text>") -> list[Directive]:
    """The dsfact directives in every ``<!-- ... -->`` comment of `original`.

    (For plain text. Markdown and HTML documents take theirs from the comments their reader found,
    so a comment inside a code block or a <script> is not a directive.) Raises InputError naming the
    line of a comment that starts with ``dsfact:`` but does not parse.
    """
    comments: list[tuple[int, int | None, int]] = []
    pos = 0
    while True:
        a = original.find("<!--", pos)
        if a == -1:
            break
        k = original.find("-->", a + 4)
        if k == -1:
            comments.append((a, None, len(original)))
            break
        comments.append((a, k + 3, k))
        pos = k + 3
    return _directives_from_comments(original, comments, path)


def _directives_from_comments(
    original: str, comments: list[tuple[int, int | None, int]], path: str
) -> list[Directive]:
    directives: list[Directive] = []
    starts: list[int] | None = None
    for start, end, body_end in comments:
        head = original[start + 4 : min(body_end, start + 4 + 64)].lstrip()
        if not head[:7].lower() == "dsfact:":
            continue
        if starts is None:
            starts = _line_starts(original)
        line = bisect.bisect_right(starts, start)
        if end is None:
            raise InputError(path, f"line {line}: malformed dsfact directive: the comment is not closed with -->")
        end_line = bisect.bisect_right(starts, end - 1)
        directives.append(_parse_directive(original[start + 4 : body_end], line, start, end, end_line, path))
    return directives


def _parse_directive(body: str, line: int, start: int, end: int, end_line: int, path: str) -> Directive:
    rx = _rx()

    def bad(detail: str) -> InputError:
        return InputError(path, f"line {line}: malformed dsfact directive: {detail}")

    rest = body.strip()[len("dsfact:") :].strip()
    reason = None
    m = rx.reason_sep.search(rest)
    if m:
        reason = " ".join(rest[m.end() :].split()) or None
        rest = rest[: m.start()].strip()
    if not rest:
        raise bad("no directive (expected ignore, off or on)")
    word, *more = rest.split(None, 1)
    args = more[0] if more else ""
    kind = word.lower()
    if kind not in DIRECTIVE_KINDS:
        raise bad(f"unknown word {word!r} (expected ignore, off or on)")
    args = args.strip()
    if kind != IGNORE and args:
        raise bad(f"'{kind}' takes no claim ids (found {args!r})")
    claims: list[str] = []
    if args:
        for item in rx.id_split.split(args):
            if not item:
                raise bad("an empty claim id in the list")
            if not rx.claim_id.fullmatch(item):
                raise bad(f"bad claim id {item!r} (ids look like C12; put a reason after ' -- ')")
            if item not in claims:
                claims.append(item)
    return Directive(kind, tuple(claims), reason, line, start, end, end_line)


def suppressed(directives: list[Directive], line: int, claim: str) -> Directive | None:
    """The directive that suppresses a finding for `claim` on `line` (1-based), or None.

    ``ignore`` covers the line(s) of its comment and the line after it; ``ignore`` with ids only
    those claims (an ignore naming the claim is preferred to a bare ``ignore``). ``off`` covers its
    own line up to, not including, the line of the next ``on`` (or the end of the file); an ``off``
    inside an off region and an ``on`` outside one do nothing. Claim ids match exactly.
    """
    blanket = None
    for d in directives:
        if d.kind == IGNORE and d.line <= line <= d.end_line + 1:
            if not d.claims:
                if blanket is None:
                    blanket = d
            elif claim in d.claims:
                return d
    if blanket is not None:
        return blanket
    off: Directive | None = None
    for d in sorted((d for d in directives if d.kind in (OFF, ON)), key=lambda d: d.start):
        if d.kind == OFF:
            if off is None:
                off = d
        elif off is not None:
            if off.line <= line < d.line:
                return off
            off = None
    if off is not None and line >= off.line:
        return off
    return None

"""Bytes to text: read a file (or stdin) under a size cap, refuse binary files, and decode UTF-8,
UTF-16/32 (with or without a byte order mark), GB18030 or Big5, or a codec the caller names.

Standard library only; nothing is done at import time.
"""
from __future__ import annotations

import codecs
import math
import os
import stat
import sys
from functools import lru_cache

from dsfact.errors import InputError

#: Files (and stdin) larger than this are refused with an InputError.
MAX_FILE_BYTES = 50 * 1024 * 1024

_UNDECODABLE = "cannot decode as UTF-8, UTF-16, GB18030 or Big5 (use --encoding)"


def read_bytes(path: str) -> bytes:
    """The bytes of the file at `path` ("-": stdin), at most MAX_FILE_BYTES; InputError otherwise."""
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
            # the size stat gave and a byte more: read(limit + 1) allocates the whole limit (50 MB) for each file
            data = f.read(st.st_size + 1)
            if len(data) > st.st_size:  # it grew since (or stat tells no size: /proc): read on, up to the limit
                data += f.read(limit + 1 - len(data))
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


def bounded(data: bytes, path: str) -> bytes:
    """`data` given by the caller (stdin), refused with an InputError when over MAX_FILE_BYTES."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(path, _too_large(len(data)))
    return data

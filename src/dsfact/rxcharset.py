"""The regex compiler's character classes, built with fewer Python steps (`install`).

Python's regex compiler (re._compiler, Python code) turns each character class into a bitmap. A class
with a character above U+00FF in more than two runs (`[，；：、]`, `[\\w'’-]`, Chinese numerals) becomes a
"big charset": a 64K-character map cut into 256 blocks of 256, each block looked up in a dict by its bytes,
and the blocks in use packed 32 bits to a word with one `int(..., 2)` call per word; a class that opens a
pattern is built twice (again for the search prefix). For the patterns a short article's check compiles
that is a fifth of the compiling (a third for a Chinese article). `_optimize_charset` here returns exactly
what the standard library's returns (the same compiled code, so the same matches): it finds the blocks
that hold a character by searching the map instead of slicing every block, and packs all the words with
one conversion. It is installed only over the function it was written from (`_KNOWN`: Python 3.11 to
3.13's, by its bytecode and constants); anything else is left as it is. Nothing is read from or written
to disk: the compiler still parses and compiles every pattern.
"""
from __future__ import annotations

import re._compiler as _compiler
import sys
from re._constants import BIGCHARSET, CHARSET, LITERAL, NEGATE, RANGE, RANGE_UNI_IGNORE

STDLIB = _compiler._optimize_charset  # the standard library's, kept for the tests and to compare against
_ZERO = bytes(256)


def _digest(fn) -> str:
    """A digest of a function's bytecode, constants and names (`_blake2`: `hashlib` would load OpenSSL)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - CPython builds it in
        from hashlib import blake2b
    code = fn.__code__
    return blake2b(repr((code.co_code, code.co_consts, code.co_names, code.co_varnames)).encode(),
                   digest_size=16).hexdigest()


_KNOWN = frozenset({  # the same source in each, compiled by each
    "985cc7951de597bcca63e179375ce0ed",  # 3.11
    "2cdd00bd00183f1cc2495854439f77cf",  # 3.12
    "3267388a9320a4ba3f11af5d4bb5313b",  # 3.13
})


def installable() -> bool:
    """Whether the running Python's function is one `_optimize_charset` was written from."""
    return _digest(STDLIB) in _KNOWN


def install() -> None:
    """Use `_optimize_charset` in the regex compiler of this process, if `installable`."""
    if installable():
        _compiler._optimize_charset = _optimize_charset


def _charmap(charset, iscased, fixup, fixes):
    """The standard library's first pass, unchanged: the map of characters (256 long, or 65,536 once a
    character above U+00FF is in), the NEGATE ops, the ops kept as they are, whether the case matters."""
    out, tail = [], []
    charmap = bytearray(256)
    hascased = False
    for op, av in charset:
        while True:
            try:
                if op is LITERAL:
                    if fixup:
                        lo = fixup(av)
                        charmap[lo] = 1
                        if fixes and lo in fixes:
                            for k in fixes[lo]:
                                charmap[k] = 1
                        if not hascased and iscased(av):
                            hascased = True
                    else:
                        charmap[av] = 1
                elif op is RANGE:
                    r = range(av[0], av[1] + 1)
                    if fixup:
                        if fixes:
                            for i in map(fixup, r):
                                charmap[i] = 1
                                if i in fixes:
                                    for k in fixes[i]:
                                        charmap[k] = 1
                        else:
                            for i in map(fixup, r):
                                charmap[i] = 1
                        if not hascased:
                            hascased = any(map(iscased, r))
                    else:
                        for i in r:
                            charmap[i] = 1
                elif op is NEGATE:
                    out.append((op, av))
                else:
                    tail.append((op, av))
            except IndexError:
                if len(charmap) == 256:  # a character above U+00FF
                    charmap += b"\0" * 0xFF00
                    continue
                if fixup:  # above U+FFFF: kept as an op (see the standard library's comment)
                    hascased = True
                    if op is RANGE:
                        op = RANGE_UNI_IGNORE
                tail.append((op, av))
            break
    return out, tail, charmap, hascased


def _optimize_charset(charset, iscased=None, fixup=None, fixes=None):
    """re._compiler._optimize_charset's result, computed with fewer Python steps for a big charset."""
    out, tail, charmap, hascased = _charmap(charset, iscased, fixup, fixes)
    runs = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))
            break
        runs.append((p, q))
    if runs is not None:  # literals and ranges
        for p, q in runs:
            out.append((LITERAL, p) if q - p == 1 else (RANGE, (p, q - 1)))
        out += tail
        if hascased or len(out) < len(charset):
            return out, hascased
        return charset, hascased
    if len(charmap) == 256:
        out.append((CHARSET, _bitmap(charmap)))
    else:
        out.append((BIGCHARSET, _big(bytes(charmap))))
    out += tail
    return out, hascased


def _big(charmap: bytes) -> list[int]:
    """The words of a big charset, as the standard library makes them: the number of distinct blocks, the
    block number of each 256 characters (numbered in the order first met), then the distinct blocks'
    bitmaps. The empty blocks between two that hold a character are skipped by one search."""
    comps: dict[bytes, int] = {}
    mapping = bytearray(256)
    chunks = []
    i = 0
    while i < 256:
        p = charmap.find(1, i << 8)
        nxt = 256 if p < 0 else p >> 8
        chunk = _ZERO if i < nxt else charmap[i << 8:(i << 8) + 256]
        number = comps.get(chunk)
        if number is None:
            number = comps[chunk] = len(chunks)
            chunks.append(chunk)
        if i < nxt:
            mapping[i:nxt] = bytes((number,)) * (nxt - i)
            i = nxt
        else:
            mapping[i] = number
            i += 1
    return [len(chunks), *_compiler._bytes_to_codes(mapping), *_bitmap(b"".join(chunks))]


def _bitmap(bits) -> list[int]:
    """re._compiler._mk_bitmap's words (bit k of word j is bits[32 * j + k]), by one conversion of the whole
    map instead of one per word."""
    n = len(bits) // 32
    if not n:
        return []
    value = int(bits.translate(_compiler._BITS_TRANS)[::-1], 2)
    return memoryview(value.to_bytes(4 * n, sys.byteorder)).cast("I").tolist()

"""Character classes of Chinese characters compiled without walking all 65,536 code points.

`re` compiles a class that holds a character past U+00FF in more than two runs ("(?![为本功立])", "[$€£¥]",
and under (?i) every "[A-Za-z]", which then also holds U+0130, U+0131, U+017F and U+212A) into a map of the
whole Basic Multilingual Plane in chunks of 256 characters: `re._compiler._optimize_charset` slices and
hashes each of the 256 chunks in Python, most of them empty, and fills each range of the class one
character at a time. That was more than half of what compiling the patterns of a run cost (about 2.5 M
instructions per class; 134 such classes on a figure-dense text of all three scripts, 25 on one short
English article). `install()` (called through dsfact.wide_charsets_sooner at the first class that holds a
character past U+00FF or is read in any case) puts in its place a copy of the function that skips the runs of empty chunks
with one search and fills ranges by slices: it returns exactly what the original returns for every class
(tests/test_charsets.py compares them), so every pattern compiles to the same code, only sooner. The
function is the same in Python 3.11, 3.12 and 3.13; on any other version the original is left alone.
"""
from __future__ import annotations

import sys

VERIFIED = ((3, 11), (3, 12), (3, 13))  # versions whose _optimize_charset this copy was checked against


def install(original):
    """Use `optimize_charset` in `re` from now on, in place of `original` (`re._compiler._optimize_charset`,
    on the versions it was checked against); return the function now in use."""
    global _C, ORIGINAL
    from re import _compiler

    ORIGINAL = original
    if sys.version_info[:2] not in VERIFIED or _compiler._sre.CODESIZE != 4 or \
            memoryview(b"1234").cast("I").itemsize != 4:  # (a word of a compiled pattern as mk_bitmap makes it)
        _compiler._optimize_charset = original
        return original
    _C = _compiler
    _compiler._optimize_charset = optimize_charset
    return optimize_charset


_C = None
ORIGINAL = None  # the function of `re` this one stands in for, once installed


def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
    """`re._compiler._optimize_charset`, the same result, without Python loops over empty chunks and ranges."""
    C = _C
    LITERAL, RANGE = C.LITERAL, C.RANGE
    out, tail, charmap, hascased = _mapped(charset, iscased, fixup, fixes)
    # compress character map
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
    if runs is not None:
        # use literal/range
        for p, q in runs:
            if q - p == 1:
                out.append((LITERAL, p))
            else:
                out.append((RANGE, (p, q - 1)))
        out += tail
        # if the case was changed or new representation is more compact
        if hascased or len(out) < len(charset):
            return out, hascased
        # else original character set is good enough
        return charset, hascased

    # use bitmap
    if len(charmap) == 256:
        data = mk_bitmap(charmap)
        out.append((C.CHARSET, data))
        out += tail
        return out, hascased

    out.append((C.BIGCHARSET, _chunked(charmap)))
    out += tail
    return out, hascased


def _mapped(charset, iscased, fixup, fixes):
    """The first part of the original: the class's characters marked in a map of 256 characters, or of 65,536 as
    soon as one is past U+00FF; (out, tail, map, hascased) as it leaves them."""
    C = _C
    LITERAL, RANGE, NEGATE = C.LITERAL, C.RANGE, C.NEGATE
    out = []
    tail = []
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
                    r = range(av[0], av[1]+1)
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
                    elif av[1] < len(charmap):  # (the only change here: a slice, not a loop)
                        charmap[av[0]:av[1] + 1] = b"\x01" * (av[1] + 1 - av[0])
                    else:
                        for i in r:
                            charmap[i] = 1
                elif op is NEGATE:
                    out.append((op, av))
                else:
                    tail.append((op, av))
            except IndexError:
                if len(charmap) == 256:
                    # character set contains non-UCS1 character codes (a new map: growing one costs more)
                    wide = bytearray(65536)
                    wide[:256] = charmap
                    charmap = wide
                    continue
                # Character set contains non-BMP character codes.
                if fixup:
                    hascased = True
                    if op is RANGE:
                        op = C.RANGE_UNI_IGNORE
                tail.append((op, av))
            break
    return out, tail, charmap, hascased


def _chunked(charmap) -> list[int]:
    """The words of a BIGCHARSET for a map of 65,536 characters, as the original makes them."""
    C = _C
    # The big charset of the original: the map in chunks of 256 characters, each distinct chunk numbered in the
    # order it first appears. A run of empty chunks takes one search and one slice (the original sliced and
    # looked up each of them).
    charmap = bytes(charmap)
    comps = {}
    mapping = bytearray(256)
    block = 0
    data = bytearray()
    empty = bytes(256)
    i = 0
    while i < 65536:
        p = charmap.find(1, i)
        z = 65536 if p < 0 else p & ~255  # the chunk that holds the next character of the class
        if z > i:
            number = comps.get(empty)
            if number is None:
                number = comps[empty] = block
                block += 1
                data += empty
            mapping[i >> 8:z >> 8] = bytes((number,)) * ((z - i) >> 8)
            i = z
            continue
        chunk = charmap[i: i + 256]
        if chunk in comps:
            mapping[i // 256] = comps[chunk]
        else:
            mapping[i // 256] = comps[chunk] = block
            block += 1
            data += chunk
        i += 256
    data = mk_bitmap(data)
    data[0:0] = [block] + C._bytes_to_codes(mapping)
    return data


_BITS = b"0" + b"1" * 255


def mk_bitmap(bits: bytearray) -> list[int]:
    """`re._compiler._mk_bitmap`: one byte per character (0 or not) as the words of a bitmap, character k at bit
    k % 32 of word k // 32; one conversion of the whole map to a number, not one per word."""
    n = int(bits.translate(_BITS)[::-1], 2)
    return memoryview(n.to_bytes(len(bits) // 8, sys.byteorder)).cast("I").tolist()

"""Fold text for matching: Traditional to Simplified, full-width to ASCII, lower case; lengths kept."""
from __future__ import annotations

_converter = None
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20  # ideographic space


def _t2s():
    global _converter
    if _converter is None:
        import opencc  # a C++ wheel: 0.06 ms per 5,000 characters

        _converter = opencc.OpenCC("t2s")
    return _converter


def has_han(text: str) -> bool:
    """Whether a text holds a Chinese character (CJK Unified Ideographs, Extension A, Compatibility).
    Looked for in its UTF-8 form, by the bytes that begin those characters (a byte search runs in C):
    a regex class of these ranges costs 2 ms to compile in every process that meets a text that is not
    ASCII, and comparing characters in Python is slower than either on a long text."""
    if text.isascii():
        return False
    b = text.encode("utf-8", "surrogatepass")
    # U+4000 to U+9FFF begin with the bytes E4 to E9, U+3400 to U+3FFF with E3 90 to E3 BF, U+F900 to U+FAFF
    # with EF A4 to EF AB
    return (b"\xe4" in b or b"\xe5" in b or b"\xe6" in b or b"\xe7" in b or b"\xe8" in b or b"\xe9" in b
            or _lead(b, b"\xe3", 0x90, 0xBF) or _lead(b, b"\xef", 0xA4, 0xAB))


def _lead(b: bytes, first: bytes, low: int, high: int) -> bool:
    """Whether a character of UTF-8 bytes b begins with the byte `first`, then one from low to high."""
    k = b.find(first)
    while k >= 0:
        if low <= b[k + 1] <= high:
            return True
        k = b.find(first, k + 1)
    return False


_wide_pattern = None


def _wide():
    global _wide_pattern
    if _wide_pattern is None:
        import re

        _wide_pattern = re.compile("[\uff01-\uff5e\u3000]")
    return _wide_pattern


def _narrow(match) -> str:
    return chr(_WIDTH[ord(match.group())])


def fold_width_case(text: str) -> str:
    """`text` folded as fold_text folds it, but for the conversion of Traditional characters: where the two
    folds agree, no Chinese character was converted."""
    return _wide().sub(_narrow, text).lower()


def fold_text(text: str) -> str:
    """Return `text` folded for matching, with the same length, so offsets stay valid."""
    if not text:
        return text
    if text.isascii():  # most English text: nothing to widen or convert
        return text.lower()
    # a regex finds the few full-width characters far faster than str.translate walks every one
    plain = _wide().sub(_narrow, text)
    if has_han(plain):
        converted = _t2s().convert(plain)
        if len(converted) == len(plain):
            plain = converted
        else:  # a phrase conversion changed the length: fold character by character instead
            convert = _t2s().convert
            plain = "".join(c if c.isascii() else (convert(c) if len(convert(c)) == 1 else c) for c in plain)
    lowered = plain.lower()
    if len(lowered) != len(plain):  # "İ" lowers to two characters: lower the others one by one
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in plain)
    return lowered

"""dsfact/_charsets.py: the copy of `re`'s charset compiler returns what the original returns, for every class,
so every pattern compiles to the same code."""
from __future__ import annotations

import random
import re
from re import _compiler, _parser

import pytest
from conftest import ROOT

import dsfact
from dsfact import _charsets
from dsfact.check import check_text


@pytest.fixture(scope="module")
def original():
    dsfact.wide_charsets_sooner(load=True)
    _compiler.compile("[为本功立]")  # installs the copy, where the version is one it was checked against
    if _charsets.ORIGINAL is None or _compiler._optimize_charset is not _charsets.optimize_charset:
        pytest.skip("the original is in use on this version of Python")
    return _charsets.ORIGINAL


_POINTS = [0, 9, 10, 31, 65, 90, 97, 105, 107, 115, 122, 127, 160, 181, 255, 256, 257, 304, 305, 383, 511, 0x212A,
           0x3000, 0x4E00, 0x4E01, 0x9FFF, 0xFF00, 0xFFFE, 0xFFFF, 0x10000, 0x10001, 0x1F600]


def _point(rnd: random.Random) -> int:
    if rnd.random() < 0.5:
        return rnd.choice(_POINTS)
    return rnd.randrange(0, rnd.choice((128, 300, 0x10000, 0x11000)))


def _charset(rnd: random.Random) -> list:
    out = []
    for _ in range(rnd.randint(0, 8)):
        r = rnd.random()
        if r < 0.55:
            out.append((_compiler.LITERAL, _point(rnd)))
        elif r < 0.85:
            a = _point(rnd)
            b = a + rnd.choice((0, 1, 2, 5, 30, 300, 3000))  # (across 0xFF and 0xFFFF from the points near them)
            out.append((_compiler.RANGE, (a, min(b, 0x10FFFF))))
        elif r < 0.93:
            out.append((_compiler.CATEGORY, rnd.choice((_compiler.CATEGORY_DIGIT, _compiler.CATEGORY_SPACE))))
        else:
            out.insert(0, (_compiler.NEGATE, None))
    return out


def test_every_class_compiles_as_the_original_compiles_it(original):
    rnd = random.Random(2026)
    folded = (_compiler._sre.unicode_iscased, _compiler._sre.unicode_tolower, _compiler._EXTRA_CASES)
    ascii_folded = (_compiler._sre.ascii_iscased, _compiler._sre.ascii_tolower, None)
    for _ in range(3000):
        charset = _charset(rnd)
        for args in ((), folded, ascii_folded):
            assert _charsets.optimize_charset(list(charset), *args) == original(list(charset), *args), (charset, args)


def test_the_engine_patterns_compile_to_the_same_code(original):
    seen: list[tuple[str, int]] = []
    compile_ = _compiler.compile

    def noting(p, flags=0):
        if isinstance(p, str):
            seen.append((p, flags))
        return compile_(p, flags)

    re.purge()
    _compiler.compile = noting
    try:
        for name in ("draft_en.md", "draft_zh_hant.md", "draft_zh_hans.md"):
            check_text((ROOT / "examples" / name).read_text(encoding="utf-8"))
    finally:
        _compiler.compile = compile_
    assert seen
    for p, flags in seen:
        fast = _compiler._code(_parser.parse(p, flags), flags)
        _compiler._optimize_charset = original
        try:
            assert _compiler._code(_parser.parse(p, flags), flags) == fast, p
        finally:
            _compiler._optimize_charset = _charsets.optimize_charset

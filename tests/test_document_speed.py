"""strip_invisible first asks a cheaper question (a format character of the Basic Multilingual Plane or a bullet,
else a character beyond that plane) before its pattern: the text must come out as the pattern alone makes it. And
paragraph_blocks cuts a plain text at its blank lines without the regex it was written as: the same spans."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dsfact.document.invisible import _TONED, _invisible, strip_invisible
from dsfact.document.plain import paragraph_blocks
from dsfact.fold import has_han

_PIECES = ["a", "5", "4,", "096", " ", "\n", "萬", "美元", "\u200b", "\xad", "\ufeff", "\U000e0041", "\U0001d173",
           "• ", "● ", "1", "Nvidia", "(wàn)", "(AI)", "é", "\u3000", "𝐀", "\u2011"]


@settings(max_examples=400, deadline=None)
@example("萬 • 1Nvidia lost")
@example("萬4,\U000e0041096")
@example("4,\u200b096 ● 12Nvidia")
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_as_the_pattern_strips(text):
    origin = list(range(len(text) + 1))
    out, kept, _, _ = strip_invisible(text, origin, {}, [])
    hyphened = text.replace("\u2011", "-")
    reading = has_han(text) and any(c in text for c in _TONED)  # (the pattern with the pinyin reading)
    expected = hyphened if text.isascii() else _invisible(reading).sub("", hyphened)
    assert out == expected
    assert len(kept) == len(out) + 1


_PARAGRAPH = re.compile(r"\S(?:[^\n]|\n(?![ \t\r]*\n))*(?<=\S)|\S")  # what paragraph_blocks finds
_LINES = ["a", "b c", " ", "\t", "\r", "\n", "\u3000", "\x1c", "\u2028", "萬", "\f"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=16).map("".join))
def test_paragraphs_as_the_regex_finds(text):
    assert [(b.start, b.end) for b in paragraph_blocks(text)] == [m.span() for m in _PARAGRAPH.finditer(text)]

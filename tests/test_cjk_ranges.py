"""Character classes of the Chinese and East Asian ranges are compared in Python, not compiled into regexes
(each cost milliseconds to compile in every process that met Chinese text): the comparisons must find
what the regexes found. The regexes are compiled here as the modules compiled them before, and both are
asked about random text of ASCII, white space of several kinds, Chinese, Japanese, Korean, full-width,
compatibility and supplementary characters, and the characters at the ranges' edges."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.document.plain import _doubles
from dsfact.fold import has_han
from dsfact.matching.referents import head_after_lead
from dsfact.matching.text import _chinese_spaces

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CHINESE_SPACE = re.compile(r"[\u3400-\u9fff%％](\s+)(?=[\u3400-\u9fff])")
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")

_LATIN_WORD = r"[^\W\d_\u3400-\u9fff]+"
_LEAD = re.compile(r"\s*(?:[\u3400-\u9fff]{1,6}|%s(?:[ '’-]%s){0,3})\s*[,，]" % (_LATIN_WORD, _LATIN_WORD))
_EDGES = "".join(chr(c) for e in (0x1100, 0x115f, 0x2e80, 0x3400, 0x9fff, 0xa4cf, 0xac00, 0xd7a3, 0xf900,
                                  0xfaff, 0xfe30, 0xfe4f, 0xff00, 0xff60, 0xffe0, 0xffe6) for c in (e - 1, e, e + 1))
_CHARS = st.one_of(st.sampled_from("a Z9%％,.\n\t\u3000\u00a0\u2019中國文字あア한가，。"),
                   st.sampled_from(_EDGES), st.characters(), st.sampled_from(["\U0001f600", "\U00020000"]))


@settings(max_examples=600, deadline=None)
@given(st.text(_CHARS, max_size=30))
def test_comparisons_find_what_the_classes_found(text):
    assert has_han(text) == bool(_HAN.search(text))
    assert _chinese_spaces(text) == [m.start(1) for m in _CHINESE_SPACE.finditer(text)]
    assert _doubles(text) == len(_WIDE.findall(text))


_LEADS = st.one_of(st.sampled_from(["据悉", "據報導", "According to", "the report", "AI計畫", "ＡＩ", "O'Neil’s",
                                    "up-to-date", "x9", "_a", "\u4dc0", "\uf900"]), st.text(_CHARS, max_size=8))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(_LEADS, st.sampled_from([" ", ",", "，", "\t", "-", "’", "'"])), max_size=12),
       st.integers(0, 3), st.integers(0, 60))
def test_lead_found_as_the_class_found_it(parts, start, end):
    text = "".join(parts)
    m = _LEAD.match(text, start, min(end, start + 40))
    assert head_after_lead(text, start, end) == (m.end() if m is not None else start)


def test_examples():
    assert has_han("DeepSeek’s V3 訓練") and not has_han("DeepSeek’s V3 — “cheap”") and not has_han("")
    assert _chinese_spaces("英伟达 股价  下跌 5% 之后 H100 芯片") == [3, 6, 13]
    assert _doubles("ＤｅｅｐＳｅｅｋ 训练 한국 v3") == 12

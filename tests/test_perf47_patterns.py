"""Patterns the forty-seventh pass rewrote so that `re` skips to the characters a match begins with (a pattern led by
a look-ahead, a look-behind or a named group is tried at every character): each is compared with its old form, at
every offset of sample texts in both scripts, for the same matches (span, text, kind)."""
from __future__ import annotations

import re

from dsfact.numbers import date_spans
from dsfact.numbers.scan import _Scanner

_TEXTS = [
    "Nvidia lost $589 billion on Monday, January 27, 2025, a 17% fall; an analyst said one in twenty GPUs ran.",
    "On Jan. 27 (Mon) shares fell; by 1/28 they rose 8.9%. Sept. 5, 2024 and 3 December; xMay, MayDay, 5May.",
    "Christmas Eve, ten H800s, a half, Half-year, an eighth, A hundred, Apr 1/27/2025 and 27/01/2025 in April.",
    "英伟达1月27日股价暴跌17%，市值蒸发5890亿美元；每百万tokens 2元，圣诞节前、平安夜后，三千块GPU，十二月。",
    "輝達27日重挫17%，市值蒸發€5,890億、￥16元、₩3、£2、¥4，二〇二五年一月，廿七日，卅日。",
    "",
    "a",
    "an",
    "Ann and Ana ate an apple; twenty-one, Seventy, NINE, zero; Oct-Nov, DEC, dec.",
]


def _old_trigger(r, ascii_only: bool) -> re.Pattern:
    w = r.words
    sayable = (*w.month_names, *w.month_abbreviations, *w.en_small, *w.en_tens, *w.en_fold, "half")
    begins = sorted({x[:3].lower() for x in sayable if len(x) >= 3})
    short = sorted({x.lower() for x in sayable if len(x) < 3} | {"a", "an"})
    latin = {x[0] for x in (*w.month_names, *w.month_abbreviations)} | {"C"}
    latin |= {c for x in (*w.en_small, *w.en_tens, *w.en_fold, "half", "a") for c in (x[0].lower(), x[0].upper())}
    signs = "$" + "".join(w.symbol)
    zh = "一二两三四五六七八九十百千〇零廿卅卌"
    if ascii_only:
        signs = "".join(c for c in signs if c.isascii())
    head = "(?=[0-9" + re.escape(signs) + ("" if ascii_only else zh + "每圣平") + "".join(sorted(latin)) + "])"
    return re.compile(
        head + r"(?:(?P<d>[0-9])|(?P<cur>[" + re.escape(signs) + r"])" +
        ("" if ascii_only else r"|(?P<zh>[" + zh + r"])|(?P<per>每)|(?P<xmas>圣诞|平安夜|Christmas)") +
        (r"|(?P<xmas>Christmas)" if ascii_only else "") +
        r"|(?P<t>(?<![A-Za-z])(?:(?ai:" + "|".join(map(re.escape, begins)) + r")[A-Za-z]*|(?ai:" +
        "|".join(map(re.escape, short)) + r")(?![A-Za-z]))))")


def _found(m) -> tuple | None:
    return None if m is None else (m.span(), m.group(), m.lastgroup)


def test_the_trigger_finds_what_its_look_ahead_form_found():
    r = _Scanner("x", None).r
    found = 0
    for ascii_only in (False, True):
        old, new = _old_trigger(r, ascii_only), r.trigger_ascii if ascii_only else r.trigger
        for text in _TEXTS:
            if ascii_only and not text.isascii():
                continue
            for pos in range(len(text) + 1):
                for end in {len(text), min(len(text), pos + 4)}:
                    m = new.search(text, pos, end)
                    assert _found(m) == _found(old.search(text, pos, end)), (text, pos, end)
                    found += m is not None
            assert len(new.findall(text)) == len(old.findall(text))
    assert found > 500


def test_the_marks_of_a_months_date_are_those_of_its_grouped_form():
    r = _Scanner("x", None).r
    names = "|".join(sorted(map(re.escape, r.words.months_cased), key=len, reverse=True))
    old = re.compile(r"(?P<mon>(?<![A-Za-z])(?:" + names + r")(?![A-Za-z]))|(?P<yue>月)|(?P<xmas>圣诞|平安夜|Christmas)"
                     r"|(?P<num>[0-9](?=[-/.][0-9]{1,2}[-/.][0-9]|/[0-9]{1,2}(?![0-9])))")
    kinds = set()
    for text in _TEXTS:
        for new in {date_spans._cues(r), date_spans._cues(r, text.isascii())}:  # (the ASCII form, for ASCII text)
            for pos in range(len(text) + 1):
                a = [(m.span(), m.group(), m.lastgroup) for m in old.finditer(text, pos)]
                assert [(m.span(), m.group(), date_spans._kind(m.group())) for m in new.finditer(text, pos)] == a, \
                    (text, pos)
                kinds.update(k for *_, k in a)
    assert kinds == {"mon", "yue", "xmas", "num"}

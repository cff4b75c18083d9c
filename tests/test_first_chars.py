"""Patterns searched over whole texts open with a test of the characters their matches begin with
(numbers.patterns.led_by; the story's names, whose branches each open with their own first character, are
tested in test_first_tests45), and a change's "from" words are looked for with str.find before their pattern is
searched (matching.fromto): each must find what the pattern without the test finds, at every offset."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.fold import has_han
from dsfact.lang import load_words
from dsfact.matching import fromto, pricemonth, session
from dsfact.numbers.patterns import led_by

_SPACES = [" ", "  ", "\n", "\t", "\u3000"]
_OTHERS = ["a", "x", "1", "12", "3:05", "11:30", "7", "日", "时", "文", "，", ".", "-", "%", "é", "ⅱ", "'s", "V3"]


def _pieces(words) -> st.SearchStrategy[str]:
    parts = sorted({p for w in words for p in (w, w.upper(), w[:2], w[1:])} | set(_SPACES) | set(_OTHERS))
    return st.lists(st.sampled_from(parts), max_size=14).map("".join)


def _without_lead(pattern: re.Pattern) -> re.Pattern:
    text = pattern.pattern
    assert text.startswith("(?=[")  # the test is there
    return re.compile(text[text.index("])") + 2:], pattern.flags)


def _found(pattern: re.Pattern, text: str, pos: int) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos)]


def _writing(*keys: str) -> list[str]:
    table = load_words("time").get("writing", {})
    return [w for key in keys for w in table.get(key, ())]


_CLOCK = ("clock-before", "clock-am", "clock-pm")
_STAMP = ("stamp-zone-east", "stamp-zone-before", "stamp-am-before", "stamp-pm-before", "clock-hour-marks")
_MONTHS = ["in", "from", "since", "march", "June", "september", "price", "prices", "'s", "’"]
_CASES = {  # each pattern, and the words its text is made of
    "clock": (session._clock, _writing(*_CLOCK)),
    "clock words": (session._clock_words, _writing(*_STAMP) + ["27日", "10", "42分"]),
    "bare month": (lambda: pricemonth._months()[0], _MONTHS),
}


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(_CASES)), st.data())
def test_a_pattern_opened_by_its_first_characters_finds_what_it_found(case, data):
    make, words = _CASES[case]
    pattern = make()
    text = data.draw(_pieces(words))
    pos = data.draw(st.integers(min_value=0, max_value=max(0, len(text))))
    assert _found(pattern, text, pos) == _found(_without_lead(pattern), text, pos)


_WORDS = ["from", "从", "由", "to", "到", "fromage", "afrom"]


@settings(max_examples=300, deadline=None)
@given(_pieces(_WORDS), st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=6))
def test_a_stretch_without_a_from_word_holds_no_match_of_the_openers(text, a, cut):
    end = max(a, len(text) - cut)
    if not fromto._may_open(text, a, end):
        assert fromto._words("before", True).search(text, a, end) is None
    for stop in range(len(text) + 1):  # a head that ends with a match ends with a last part
        if any(m.end() == stop for m in fromto._words("before", True).finditer(text[:stop])):
            assert text[:stop].endswith(fromto._opener_parts()[1])
    if not has_han(text):  # the form without the Chinese words, for a text with none, finds the same
        for key in ("before", "words"):
            assert [m.span() for m in fromto._words(key, False).finditer(text)] == \
                [m.span() for m in fromto._words(key, True).finditer(text)]


def test_no_test_where_a_match_may_begin_with_anything():
    assert led_by() == "" and led_by("at", "") == ""
    assert led_by("at", "by", "北京") == "(?=[ab北])"
    assert re.compile(led_by("]x", "-y") + "(?:\\]x|-y)").findall("a]x -y") == ["]x", "-y"]

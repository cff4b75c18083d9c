"""Patterns with a form for text of ASCII only (their words and marks that are not ASCII left out: they cannot
match there, and the form costs a fraction as much to compile): in such a text, the form must find what the
whole pattern finds, at the same places, with the same groups."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.lang import load_words
from dsfact.matching import session


def _stamp_words() -> list[str]:
    table = load_words("time").get("writing", {})
    keys = ("stamp-zone", "stamp-marks", "clock-am", "clock-pm")
    words = [w for key in keys for w in table.get(key, ())]
    words += [w for ws in load_words("time").get("weekdays", {}).values() for w in ws]
    return sorted({p for w in words if w.isascii() for p in (w, w.upper(), w[:2])})


_PIECES = _stamp_words() + ["10", "4", "42", "05", "59", "60", ":", ".", " ", "\t", "\n", "[", "]", "(", ")", ">", "#",
                            "*", "_", "-", "—", ",", "x", "ET", "nvidia fell 3%"]
_ASCII_PIECES = [p for p in _PIECES if p.isascii()]
_ASCII_TEXT = st.lists(st.sampled_from(_ASCII_PIECES), max_size=16).map("".join)
# a stamp's parts in their order, each perhaps left out or replaced by another piece: lines that are stamps,
# nearly stamps, or neither
_PART = [["", " ", "> ", "## ", "* ", "[", "("], ["", "monday ", "friday, ", "sunday"], ["10", "4", "9", "23"],
         [":", ".", "：", ""], ["42", "05", "60", "5"], ["", " ", "am", " p.m.", " pm"], ["", " et", " eastern time", "et"],
         ["", " ", "*"], [" -", " —", ":", "|", "]", ")", " x", ""]]
_LINE = st.tuples(*(st.sampled_from(options + _ASCII_PIECES[:8]) for options in _PART)).map("".join)
_STAMPED = st.lists(st.one_of(_LINE, _ASCII_TEXT), min_size=1, max_size=4).map("\n".join).filter(str.isascii)


_STAMP_WHOLE = re.compile(session._stamp_pattern(False), re.M)
_STAMP_ASCII = re.compile(session._stamp_pattern(True), re.M)


def _found(pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ASCII_TEXT, _STAMPED))
def test_a_stamp_in_ascii_text_is_found_by_the_ascii_form(text):
    assert _found(_STAMP_ASCII, text) == _found(_STAMP_WHOLE, text)


def test_the_ascii_form_finds_stamps(monkeypatch):
    text = "live updates\n10:42 a.m. et - nvidia shares fell 12%.\n[11:05] the nasdaq was down 3%.\nmonday 3:30 pm: x"
    found = _found(_STAMP_ASCII, text)
    assert len(found) == 3 and found == _found(_STAMP_WHOLE, text)
    assert _STAMP_ASCII.pattern.isascii() and not _STAMP_WHOLE.pattern.isascii()  # the whole one keeps the Chinese words
    assert _STAMP_WHOLE.pattern == session._stamp(False).pattern  # what other text is searched with
    monkeypatch.setattr(session, "_CLOCK", [])  # a process that has built neither
    monkeypatch.setattr(session, "_STAMP_ASCII", [])
    assert session._stamp(True).pattern == _STAMP_ASCII.pattern
    whole = session._stamp(False)
    assert session._stamp(True) is whole  # built for other text, it serves ASCII text too


# Gates before a pattern: a cheap look for what every match needs, the pattern compiled only where it is met.

_GAP_PIECES = ["  ", "\t", " ", "a", "Training", "hardware", "训练", "成本", "$", "€", "5", "2,048", "about ", "约",
               "\n", ",", ")", "x" * 17, "y" * 16]
_RANGE_PIECES = ["", " ", "  ", "\n", "\u3000", "to", "through", "thru", "until", "-", "–", "—", "~", "至", "到", "jan",
                 "jan.", "27", "3", "月", "日", "号", "st", "th", "%", ".5", " percent", "x", "t", "u", "and"]


def _texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


# a label of up to three words of lengths near the limits, a gap (or none), then a figure or not
_LABEL = st.tuples(st.integers(0, 17), st.lists(st.integers(0, 17), max_size=3), st.sampled_from(["\t", "  ", " ", ""]),
                   st.sampled_from(["5", "$5", "about 5", "约5", "x", ""])).map(
    lambda t: "y" * t[0] + "".join(" " + "z" * n for n in t[1]) + t[2] + t[3])


@settings(max_examples=300, deadline=None)
@given(st.one_of(_texts(_GAP_PIECES), _LABEL, st.tuples(_texts(_GAP_PIECES), _LABEL).map("".join)))
def test_a_cell_label_is_looked_for_only_where_a_gap_may_follow(text):
    from dsfact.matching.flatrows import _CELL_LABEL, cell_label

    for at in range(len(text) + 1):
        assert cell_label(text, at) == (_CELL_LABEL.match(text, at) is not None), (text, at)


@settings(max_examples=300, deadline=None)
@given(_texts(_RANGE_PIECES))
def test_a_range_is_matched_only_where_its_word_stands(text):
    from dsfact.matching.when import _RANGE, opens_range

    for end in range(len(text) + 1):
        assert opens_range(text, end) == (_RANGE.match(text, end) is not None), (text, end)


def test_a_dateline_day_needs_its_mark():
    from dsfact.document.dated import _rx

    day = _rx().day_dateline
    assert day.match("(中央社記者張三新竹3日電)") is not None
    assert day.match("(中央社記者張三新竹3電)") is None  # without 日 the pattern cannot match: it is not searched


_WEEKDAY_PIECES = ["monday", "friday", "sunday", "fri", "day", "周一", "星期五", "礼拜", " ", "'s", "close", "x", "年"]


@settings(max_examples=300, deadline=None)
@given(_texts(_WEEKDAY_PIECES))
def test_weekdays_without_han_are_found_as_all_weekdays_find_them(text):
    from dsfact.fold import has_han
    from dsfact.matching import daybefore

    daybefore.move_bases("", 0, 0, False)  # the patterns, read once
    every, without_han = daybefore._BASE[0], daybefore._BASE[1]
    if not has_han(text):
        assert [m.span() for m in without_han.finditer(text)] == [m.span() for m in every.finditer(text)], text
    assert not any(has_han(w) for w in without_han.pattern.split("|"))


_AFTER_PIECES = ["", " ", "  ", "\n", "or more", "or so", "and above", "plus", "Or More", "左右", "以上", "+", "多",
                 "to", " to", "x", "ſ", "K", "o", "a", "s", "1", "%"]


@settings(max_examples=300, deadline=None)
@given(_texts(_AFTER_PIECES))
def test_words_after_a_figure_before_an_ascii_letter_are_the_latin_ones(text):
    from dsfact.numbers.patterns import _rx

    r = _rx()
    letters = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for end in range(len(text)):
        k = end + 1 if text[end].isspace() else end
        if k < len(text) and text[k] in letters:
            whole, latin = r.post_qual.match(text, end), r.post_qual_latin.match(text, end)
            assert (whole and (whole.span(), whole["q"])) == (latin and (latin.span(), latin["q"])), (text, end)

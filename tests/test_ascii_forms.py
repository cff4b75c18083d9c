"""Patterns with a form for text of ASCII only (their words and marks that are not ASCII left out: they cannot
match there, and the form costs a fraction as much to compile): in such a text, the form must find what the
whole pattern finds, at the same places, with the same groups."""
from __future__ import annotations

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


def _found(pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ASCII_TEXT, _STAMPED))
def test_a_stamp_in_ascii_text_is_found_by_the_ascii_form(text):
    assert _found(session._stamp(True), text) == _found(session._stamp(False), text)


def test_the_ascii_form_finds_stamps():
    text = "live updates\n10:42 a.m. et - nvidia shares fell 12%.\n[11:05] the nasdaq was down 3%.\nmonday 3:30 pm: x"
    found = _found(session._stamp(True), text)
    assert len(found) == 3 and found == _found(session._stamp(False), text)
    assert session._stamp(True) is session._stamp(True) and session._stamp(True).pattern.isascii()
    assert not session._stamp(False).pattern.isascii()  # the whole one keeps the Chinese words

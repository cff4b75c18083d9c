"""A word finder's early stages (dsfact.matching.wordstarts) look for a few Chinese first characters with
str.find instead of holding them in their pattern's class: the places they give must be those the one
pattern with the whole class finds, in order, at every bound searched."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.matching.wordstarts import FIND_AT_MOST, Places, _first_chars, _plain_starts, _shortest

_LATIN = ["at", "to", "about", "be", "from", "back-to-back", "can't", "x", "year", "é"]
_CHINESE = list("约近达至较比上下中每新原高低最") + ["达到", "同比", "环比"]
_OTHER = ["/", "-", "$", "é", "9", "ⅱ"]
_FILLER = [" ", "  ", "\n", "a", "ab", "1", "9a", "年", "，", ".", "ee", "toat", "上", "\u3000"]


def _first_chars_regex(latin: set[str], other: set[str]) -> re.Pattern | None:
    """The first stage as one pattern, every character of `other` in its class (as it was compiled before)."""
    alternatives = []
    if latin:
        alternatives.append(r"(?<![a-z0-9])[" + "".join(sorted({re.escape(f[0]) for f in latin})) + "]")
    if other:
        alternatives.append("[" + "".join(re.escape(c) for c in sorted(other)) + "]")
    return re.compile("|".join(alternatives)) if alternatives else None


def _plain_starts_regex(latin: set[str], other: set[str]) -> re.Pattern | None:
    alternatives = []
    if latin:
        alternatives.append(r"(?<![a-z0-9])(?=" + "|".join(map(re.escape, _shortest(latin))) + ")")
    if other:
        alternatives.append("(?=[" + "".join(re.escape(c) for c in sorted(other)) + "])")
    return re.compile("|".join(alternatives)) if alternatives else None


_STAGES = ((_first_chars, _first_chars_regex), (_plain_starts, _plain_starts_regex))
_WORDS = st.tuples(st.sets(st.sampled_from([w for w in _LATIN if w.isascii()])),
                   st.sets(st.sampled_from(_CHINESE + _OTHER)))


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.lists(st.sampled_from(_LATIN + _CHINESE + _OTHER + _FILLER), max_size=16),
       st.integers(0, 5), st.integers(0, 5))
def test_places_are_those_of_the_whole_class(words, pieces, cut_start, cut_end):
    latin, chinese = words
    other = {w[0] for w in chinese}
    text = "".join(pieces)
    pos, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    for stage, regex in _STAGES:
        places, pattern = stage(latin, other), regex(latin, other)
        assert (places is None) == (pattern is None)
        if places is not None:
            assert list(places(text, pos, end)) == [m.start() for m in pattern.finditer(text, pos, end)], text


def test_chinese_first_characters_are_found_by_str_find_up_to_a_dozen():
    few = set("约近达")
    places = _first_chars({"about"}, few | {"$"})
    assert places._chars == "".join(sorted(few)) and "$" in places._rx.pattern
    assert _first_chars(set(), few)._rx is None
    many = {chr(0x4E00 + 7 * k) for k in range(FIND_AT_MOST + 1)}
    assert _first_chars({"about"}, many)._chars == ""  # one class compiled: cheaper than that many searches
    assert isinstance(_plain_starts(set(), few), Places) and _first_chars(set(), set()) is None

"""A change's "from" words are looked for with str.find before their pattern is searched (matching.fromto):
the test must find what the pattern without it finds."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.matching import fromto

_SPACES = [" ", "  ", "\n", "\t", "\u3000"]
_OTHERS = ["a", "x", "1", "12", "3:05", "11:30", "7", "日", "时", "文", "，", ".", "-", "%", "é", "ⅱ", "'s", "V3"]


def _pieces(words) -> st.SearchStrategy[str]:
    parts = sorted({p for w in words for p in (w, w.upper(), w[:2], w[1:])} | set(_SPACES) | set(_OTHERS))
    return st.lists(st.sampled_from(parts), max_size=14).map("".join)


_WORDS = ["from", "从", "由", "to", "到", "fromage", "afrom"]


@settings(max_examples=300, deadline=None)
@given(_pieces(_WORDS), st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=6))
def test_a_stretch_without_a_from_word_holds_no_match_of_the_openers(text, a, cut):
    end = max(a, len(text) - cut)
    if not fromto._may_open(text, a, end):
        assert fromto._words("before").search(text, a, end) is None
    for stop in range(len(text) + 1):  # a head that ends with a match ends with a last part
        if any(m.end() == stop for m in fromto._words("before").finditer(text[:stop])):
            assert text[:stop].endswith(fromto._opener_parts()[1])

"""wordedges.word_starting tries a long tuple of words only by the first character at the offset (an index made
once per tuple): it must answer as the plain loop over every word does, for any tuple, offset and text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.matching import wordedges
from dsfact.matching.wordedges import word_starting

_WORDS = ["old", "older", "o", "the", "th", "this bid", "历史", "历", "该案", "a1", "1", "the project", "x-ray", "该"]
_TEXT = st.lists(st.sampled_from(list("ot hldre历史该案a1x-yb") + ["old", "该案", "the "]), max_size=12).map("".join)


def _plain(text: str, words, i: int) -> str | None:
    """word_starting as it reads every word in turn."""
    n = len(text)
    for w in words:
        e = i + len(w)
        latin_end = w[-1].isascii() and w[-1].isalnum()
        latin_start = w[0].isascii() and w[0].isalnum()
        if text.startswith(w, i) and not (latin_end and e < n and text[e].isalnum()) \
                and not (latin_start and i > 0 and text[i - 1].isalnum()):
            return w
    return None


@settings(max_examples=300, deadline=None)
@given(st.permutations(_WORDS), _TEXT, st.integers(0, 26))
def test_indexed_as_plain(words, text, i):
    words = tuple(words)
    assert word_starting(text, words, i) == _plain(text, words, i)
    assert word_starting(text, list(words), i) == _plain(text, words, i)  # a list is never indexed


def test_two_tuples_in_one_process():
    """Each tuple has its own index: a second tuple of other words (or the same words in another order) is not
    answered from the first's."""
    first = ("older", "old", "o", "ox", "oxen", "omit", "one", "on", "only")
    second = tuple(reversed(first))
    assert word_starting("older rivals", first[1:]) is None and word_starting("old start", first) == "old"
    assert word_starting("only one", first) == "only"
    assert word_starting("only one", second) == "only"
    assert word_starting("on it", second) == "on" and word_starting("on it", first) == "on"
    assert word_starting("one", tuple(w + "x" for w in first)) is None


def test_index_is_bounded():
    for k in range(600):
        assert word_starting("abc", tuple(f"z{k}-{j}" for j in range(9)) + ("abc",)) == "abc"
    assert len(wordedges._BY_FIRST) <= 256


def test_any_word_in_reads_words_as_word_places_does():
    """any_word_in finds a Latin word only whole and a Chinese one anywhere, within its span only."""
    from dsfact.matching.wordedges import any_word_in

    text = "the cost overruns; 软银共同出资"
    assert any_word_in(text, ("cost",)) and not any_word_in(text, ("over",))
    assert any_word_in(text, ("共同",)) and not any_word_in(text, ("共同",), 0, 20)
    assert not any_word_in(text, ("the",), 1) and any_word_in(text[4:], ("cost",))
    assert not any_word_in(text, ())

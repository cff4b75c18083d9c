"""Lists of words searched together (dsfact.matching.wordtables.FinderGroup: the roles' clause words, found
in one pass over a sentence) must find what each list finds searched alone: the same words at the same
places, each list going on after its own last match."""
from __future__ import annotations

from conftest import searched_text
from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.matching.roles import lexicon
from dsfact.matching.wordtables import FAST_AFTER, FIRSTS_UNTIL, TOGETHER_AFTER, FinderGroup

_FRAGMENTS = ["at", "to", "a", "an", "约", "近", "from", "x", "9", "s", "-", "$", "的", "the", "(", "%",
              " ", "\n", "  ", ".", "b", "1", "年"]


def _lists():
    lex = lexicon()
    return [role.clause for role in lex.roles if role.clause is not None] + [lex.time, lex.record]


_LISTS = _lists()
_SPOKEN = sorted({w for a in _LISTS for w in a.words})
_TEXT = st.lists(st.sampled_from(_SPOKEN + _FRAGMENTS), max_size=12)


def _alone(text: str, pos: int, endpos: int, chinese: bool) -> list[list[tuple[int, int, str]]]:
    return [[(m.start(), m.end(), m.group()) for m in a.get(chinese).finditer(text, pos, endpos)] for a in _LISTS]


def _spans(found) -> list[list[tuple[int, int, str]]]:
    return [[(m.start(), m.end(), m.group()) for m in matches] for matches in found]


def _groups(chinese: bool) -> list[FinderGroup]:
    """A group searching with the class of first characters where a word may begin (what it begins with),
    one with the plain pattern, and one with the fast one."""
    firsts, plain, fast = FinderGroup(_LISTS, chinese), FinderGroup(_LISTS, chinese), FinderGroup(_LISTS, chinese)
    plain._prepare()._scanner(FIRSTS_UNTIL)
    fast._prepare()._scanner(FAST_AFTER)
    return [firsts, plain, fast]


_GROUPS = {chinese: _groups(chinese) for chinese in (False, True)}


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.booleans(), st.integers(0, 6), st.integers(0, 6))
def test_a_group_finds_what_each_list_finds(pieces, chinese, cut_start, cut_end):
    text, chinese, pos, endpos = searched_text(pieces, chinese, cut_start, cut_end)
    expected = _alone(text, pos, endpos, chinese)
    for n, group in enumerate(_GROUPS[chinese]):
        if n == 0 and group._scan is not None:
            group._scan._read = 0  # kept searching with the class of first characters
        assert _spans(group.finditer(text, pos, endpos)) == expected, text
    k = len(text) % len(_LISTS)
    only = _spans(FinderGroup(_LISTS, chinese).finditer(text, pos, endpos, k))
    assert only == [expected[k] if i == k else [] for i in range(len(_LISTS))], text


def test_lists_are_searched_alone_until_enough_text_is_read():
    group = FinderGroup(_LISTS, False)
    text = "shares closed at a record " * 40
    while not group.together():
        group.finditer(text, 0, len(text), 0)
    assert group._alone >= TOGETHER_AFTER
    assert _spans(group.finditer(text, 0, len(text))) == _alone(text, 0, len(text), False)


def test_words_of_several_lists_at_one_place():
    # "today" may open a clause word of one list and a time word of another: each list finds its own
    lex = lexicon()
    group = FinderGroup([lex.time, lex.time], False)
    text = "it fell 5% today, and again today"
    found = _spans(group.finditer(text, 0, len(text)))
    assert found[0] == found[1] == _spans([list(lex.time.get(False).finditer(text))])[0]
    assert found[0], "a time word was expected in the sample text"

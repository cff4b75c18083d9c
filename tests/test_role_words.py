"""A role's words before and after a figure are looked up in tables (dsfact.matching.roles._Words), not
compiled into regexes: the look-ups must say what the regexes said. The regexes are built here as the
module built them before, from the same words, and both are asked about random windows of text made of
those words, white space, letters, digits and Chinese characters."""
from __future__ import annotations

import os
import re

from conftest import searched_text
from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.matching.cues import has_cjk
from dsfact.matching.moved import change_words
from dsfact.matching.roles import lexicon
from dsfact.matching.wordtables import _alternation

_FRAGMENTS = ["at", "to", "a", "an", "about", "约", "近", "报", "from", "per", "每", "x", "9", "s", "-", "$",
              "的", "day", "the", "record", "(", "%"]


def _words(chinese: bool) -> list[str]:
    lex = lexicon()
    out = []
    for role in lex.roles:
        for table in (role.before, role.after, lex.between):
            out += [w for w in table.listed() if chinese or not has_cjk(w)]
    return sorted(set(out))


_PIECES = _words(True) + _FRAGMENTS + [" ", "  ", "\n", " \u3000"]


def _regexes(chinese: bool):
    """Each role's words before and after a figure as regexes, as they were compiled before the tables."""
    lex = lexicon()
    keep = (lambda ws: ws) if chinese else (lambda ws: tuple(w for w in ws if not has_cjk(w)))
    between = keep(_listed(lex.between))
    out = []
    for role in lex.roles:
        before = re.compile(r"(?:{})(?:\s*(?:{}))*\s*$".format(_alternation(keep(_listed(role.before))),
                                                               _alternation(between)))
        after = re.compile(r"^\s*(?:{})".format(_alternation(keep(_listed(role.after)))))
        out.append((role, before, after))
    return out


def _listed(words) -> tuple[str, ...]:
    return tuple(sorted(set(words.listed())))


_REGEXES = {chinese: _regexes(chinese) for chinese in (False, True)}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.booleans())
def test_tables_say_what_the_regexes_said(pieces, chinese):
    text = "".join(pieces)
    if not chinese and any(has_cjk(c) for c in text):
        chinese = True  # a text with a Chinese character is always read with the Chinese words
    lex = lexicon()
    starts = lex.between.tail_starts(text, chinese)
    for role, before, after in _REGEXES[chinese]:
        assert role.before.before(text, chinese, starts) == bool(before.search(text)), (role.name, text)
        assert role.after.after(text, chinese) == bool(after.search(text)), (role.name, text)
        padded = text + " "
        assert role.before.before(padded, chinese, lex.between.tail_starts(padded, chinese), at_start=True) \
            == bool(before.fullmatch(padded)), (role.name, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.lists(st.sampled_from(_PIECES), max_size=4), st.booleans())
def test_all_roles_at_once_say_what_each_role_says(before_pieces, after_pieces, chinese):
    # a figure's words are looked up for every role in one pass (TaggedWords): the roles found are those
    # whose own words (and so the regexes above) find a word there
    before, after = "".join(before_pieces), "".join(after_pieces)
    if not chinese and any(has_cjk(c) for c in before + after):
        chinese = True
    lex = lexicon()
    starts = lex.between.tail_starts(before, chinese)
    read = [r for r in lex.roles if r is not lex.conversion and r.head is None]
    assert lex.said_before.before(before, chinese, starts) == \
        {r.name for r in read if r.before.before(before, chinese, starts)}, before
    assert lex.said_after.after(after, chinese) == {r.name for r in read if r.after.after(after, chinese)}, after
    for role, before_rx, after_rx in _REGEXES[chinese]:
        if role in read:
            assert (role.name in lex.said_before.before(before, chinese, starts)) == bool(before_rx.search(before))
            assert (role.name in lex.said_after.after(after, chinese)) == bool(after_rx.search(after))


def test_a_level_word_with_between_words_after_it():
    lex = lexicon()
    level = next(r for r in lex.roles if r.name == "level")
    for text, expected in (("shares closed at about ", True), ("closed at nearly just ", True),
                           ("closedat ", False), ("the price from ", True), ("收盘报约", True),
                           ("they closed at and then ", False)):
        chinese = any(has_cjk(c) for c in text)
        assert level.before.before(text, chinese, lex.between.tail_starts(text, chinese)) == expected, text


def _alternations():
    """Every word list the lexicon finds wherever it stands, with the regex it was compiled into before."""
    from dsfact.matching.wordtables import Alternation

    lex = lexicon()
    found = [a for a in vars(lex).values() if isinstance(a, Alternation)]
    found += [a for role in lex.roles for a in (role.clause, role.near) if a is not None]
    return found + [change_words()]  # (dsfact.matching.moved's words of a change)


_ALTERNATIONS = _alternations()


class _FirstChars:
    """A finder kept searching with the pattern it begins with (the class of its words' first characters),
    however much text the tests have it search."""

    def __init__(self, finder) -> None:
        self._finder = finder

    def finditer(self, *args):
        self._finder._read = 0
        return self._finder.finditer(*args)

    def search(self, *args):
        self._finder._read = 0
        return self._finder.search(*args)


def _finders(alternation, chinese: bool) -> list:
    """A finder of these words searching with the pattern it begins with, one with the plain pattern it takes
    after wordtables.FIRSTS_UNTIL characters, and one with the faster pattern it takes once it has searched
    enough text (wordtables.FAST_AFTER characters)."""
    from dsfact.matching.wordtables import FAST_AFTER, FIRSTS_UNTIL, _Finder

    words = alternation.words if chinese else tuple(w for w in alternation.words if not has_cjk(w))
    firsts, plain, fast = _Finder(words), _Finder(words), _Finder(words)
    firsts._scanner(0)
    plain._scanner(FIRSTS_UNTIL)
    fast._scanner(FAST_AFTER)
    assert len({id(firsts._starts), id(plain._starts), id(fast._starts)}) == 3 or firsts._starts is None
    return [_FirstChars(firsts), plain, fast]


_FINDERS = {chinese: [_finders(a, chinese) for a in _ALTERNATIONS] for chinese in (False, True)}
_SPOKEN = sorted({w for a in _ALTERNATIONS for w in a.words})
_ALTERNATION_REGEXES = {chinese: [re.compile(_alternation(a.words if chinese else
                                                          tuple(w for w in a.words if not has_cjk(w))))
                                   for a in _ALTERNATIONS] for chinese in (False, True)}
_TEXT = st.lists(st.sampled_from(_SPOKEN + _FRAGMENTS + [" ", "\n", "  ", ".", "b", "1", "年"]), max_size=10)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.booleans(), st.integers(0, 6), st.integers(0, 6))
def test_alternations_find_what_the_regexes_found(pieces, chinese, cut_start, cut_end):
    text, chinese, pos, endpos = searched_text(pieces, chinese, cut_start, cut_end)
    for finders, regex in zip(_FINDERS[chinese], _ALTERNATION_REGEXES[chinese]):
        expected = [(m.start(), m.end(), m.group()) for m in regex.finditer(text, pos, endpos)]
        for finder in finders:
            assert [(m.start(), m.end(), m.group()) for m in finder.finditer(text, pos, endpos)] == expected, text
            first = finder.search(text, pos, endpos)
            assert (first is None) == (not expected)
            assert first is None or (first.start(), first.end(), first.group()) == expected[0]


def _variants(word: str, others: list[str]) -> list[str]:
    """Texts around a word that test its edges: a letter or digit glued to it, white space of other kinds
    inside it, a between word after it, another word glued to it."""
    spaced = word.replace(" ", " \n ")
    out = [word, word + "x", "x" + word, "9" + word, word + "9", " " + word + " ", spaced, word + "  ", "(" + word,
           word + " about", word + "about", word + " 约 ", word + " a record ", "z " + word + " an", word[:-1]]
    out += [word + other for other in others] + [other + word for other in others]
    return out


def test_every_word_at_its_edges():
    lex = lexicon()
    words = _words(True)
    for word in words:
        for text in _variants(word, words[::131]):
            starts = lex.between.tail_starts(text, True)
            for role, before, after in _REGEXES[True]:
                assert role.before.before(text, True, starts) == bool(before.search(text)), (role.name, text)
                assert role.after.after(text, True) == bool(after.search(text)), (role.name, text)
    for alternation, finders in zip(_ALTERNATIONS, _FINDERS[True]):
        regex = re.compile(_alternation(alternation.words))
        own = sorted(alternation.words)
        for word in own:
            for text in _variants(word, own[::40]):
                expected = [(m.start(), m.end(), m.group()) for m in regex.finditer(text)]
                for finder in finders:
                    assert [(m.start(), m.end(), m.group()) for m in finder.finditer(text)] == expected


def _comparison_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    lex = lexicon()
    return _listed(lex.compared_before), _listed(lex.compared_after)


_BEFORE_WORDS, _AFTER_WORDS = _comparison_words()
def _keep(words: tuple[str, ...], chinese: bool) -> tuple[str, ...]:
    return words if chinese else tuple(w for w in words if not has_cjk(w))


_COMPARED = {chinese: (re.compile(r"(?:{})\s*$".format(_alternation(_keep(_BEFORE_WORDS, chinese)))),
                       re.compile(r"^\s*(?:{})".format(_alternation(_keep(_AFTER_WORDS, chinese)))))
             for chinese in (False, True)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list(_BEFORE_WORDS + _AFTER_WORDS) + _FRAGMENTS + [" ", "\n", "OpenAI"]),
                max_size=8), st.integers(0, 30), st.integers(0, 30))
def test_comparison_words_are_found_as_the_regexes_found_them(pieces, cut, tail):
    lex = lexicon()
    text = "".join(pieces)
    end = max(0, len(text) - tail)
    pos = min(cut, end)
    chinese = any(has_cjk(c) for c in text[pos:end])
    before, after = _COMPARED[chinese]
    assert lex.compared_before.ends(text, pos, end, chinese) == bool(before.search(text, pos, end)), text
    rest = text[end:]
    chinese = any(has_cjk(c) for c in rest)
    assert lex.compared_after.after(rest, chinese) == bool(_COMPARED[chinese][1].match(rest)), text


def test_a_comparison_word_begins_where_the_search_does():
    lex = lexicon()
    text = "it was compared with OpenAI"
    at = text.index("OpenAI")
    assert lex.compared_before.ends(text, 0, at, False)
    assert not lex.compared_before.ends(text, text.index("ared"), at, False)  # "compared" begins before
    assert lex.compared_before.ends(text, text.index("compared"), at, False)


def test_a_table_the_data_calls_no_role_is_read_as_none():
    """A table of roles.words whose comment says "Not a role" is a word list read by its own module: read as a
    role, its words would mark figures for every reader of roles (the gate counts any role word beside a figure)."""
    import dsfact.lang

    path = os.path.join(os.path.dirname(dsfact.lang.__file__), "roles.words")
    comment, lists = "", []
    for line in open(path, encoding="utf-8").read().splitlines():
        if line.startswith("#"):
            comment += " " + line
        elif line.startswith("["):
            if "not a role" in comment.lower():
                lists.append(line.strip("[]"))
            comment = ""
        elif not line.strip():
            comment = ""
    assert lists and not set(lists) & set(lexicon().by_name)

"""The word lists of dsfact.matching.family (a name's generation and listing words, a multiple's base, the
words of an earmark) and of dsfact.matching.structure (a move's owner, a word of investing) are looked up,
not compiled into regexes: the look-ups must say what the regexes said. The regexes are built here as the
modules built them before, from the same words, and both are asked about random text made of those
words, white space, letters, digits, marks and Chinese characters, at every offset."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.lang import load_words
from dsfact.matching import family, structure
from dsfact.matching.wordtables import whole_word_in, word_then

_TABLES = load_words("roles")


def _table(name: str) -> dict:
    return _TABLES.get(name, {})


def _family_alternation(words) -> str:
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        body = r"\s+".join(map(re.escape, w.split()))
        if w.isascii() and w[:1].isalnum():
            body = r"(?<![a-z0-9])" + body
        if w.isascii() and w[-1:].isalnum():
            body += r"(?![a-z0-9])"
        parts.append(body)
    return "|".join(parts) or "(?!)"


def _earmark_alternation(words) -> str:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        body = r"\s+".join(map(re.escape, w.split()))
        parts.append(rf"{body}(?![a-z0-9])" if w.isascii() else body)
    return "|".join(parts) or "(?!)"


_MEMBER, _EXCHANGE = _table("member"), _table("exchange")
_AFTER = _MEMBER.get("after", ())
_BEFORE = re.compile(rf"(?:{_family_alternation([*_MEMBER.get('before', ()), *_EXCHANGE.get('before', ())])})"
                     r"(?:\s+(?:the|a|an))?\s*$")
_OPENING = {  # family._words() key -> the regex matched at a name's end
    "exchange-after": re.compile(rf"\s*(?:{_family_alternation(_EXCHANGE.get('after', ()))})"),
    "version-after": re.compile(rf"\s*(?:{_family_alternation(_AFTER)})"),
    "cjk-version-after": re.compile(rf"\s*(?:{_family_alternation(_MEMBER.get('words', ()))})"),
}
_NAME_AFTER = re.compile(rf"\s*(?:{_family_alternation([w for w in _AFTER if w.isascii()])})|"
                         rf"(?:{_family_alternation([w for w in _AFTER if not w.isascii() and len(w) > 1])})")
_MULTIPLE_AFTER = sorted(_table("multiple").get("after", ()), key=len, reverse=True)
_BASE_LATIN = "|".join(r"\s+".join(map(re.escape, w.split())) for w in _MULTIPLE_AFTER if w.isascii())
_BASE_CHINESE = "|".join(re.escape(w) for w in _MULTIPLE_AFTER if not w.isascii())
_BASE = re.compile("|".join(p for p in (_BASE_LATIN and rf"(?<![a-z0-9])(?:{_BASE_LATIN})(?![a-z0-9])",
                                        _BASE_CHINESE and rf"^\s*(?:{_BASE_CHINESE})") if p) or "(?!)")
_EARMARK = _table("earmark")
_EARMARK_AFTER = re.compile(rf"\s*(?:{_earmark_alternation(_EARMARK.get('after', ()))})")
_EARMARK_BEFORE = re.compile(rf"(?<![a-z0-9])(?:{_earmark_alternation(_EARMARK.get('before', ()))})\s*$")
_USE = re.compile(rf"\s*(?:{_earmark_alternation(_table('use').get('after', ()))})")

_MOVES = load_words("synonyms")
_NOUNS = {w for name in ("fall", "rise", "wipe") for w in _MOVES.get(name, {}).get("words", ())
          if w.isascii() and " " not in w}
_OWNER = _table("owner")
_OWNED = re.compile(r"\s+(?:[a-z-]+\s+)?(?:" + "|".join(sorted(_NOUNS, key=len, reverse=True))
                    + r")\s+(?:" + "|".join(_OWNER.get("words", ())) + r")\s+(?:the\s+)?(?=\S)")
_VERB = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(_OWNER.get("before", ()), key=len, reverse=True)))
                   + r")\b")
_INTO = re.compile(r"\s+(?:" + "|".join(map(re.escape, sorted(_OWNER.get("after", ()), key=len, reverse=True)))
                   + r")\s+(?:the\s+)?(?=\S)")

_WORDS = sorted({w for table in (_MEMBER, _EXCHANGE, _table("multiple"), _EARMARK, _table("use"), _OWNER)
                 for ws in table.values() for w in ws} | _NOUNS)
_PIECES = [*_WORDS, "the", "a", "an", "the ", "x", "9", "s", "-", "_", "$", "%", "2", "号", "的", "上", "市", "(",
           " ", "  ", "\n", " \u3000", "slide", "broad", "nasdaq", "é"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10))
def test_family_look_ups_say_what_the_regexes_said(pieces):
    text = "".join(pieces)
    words = family._words()
    latin, _ = family.base_words()
    after, before, use = family._earmark_words()
    for i in range(len(text) + 1):
        window = text[max(0, i - 24):i]
        assert family._ends_before_name(words["before"], window) == bool(_BEFORE.search(window)), window
        assert before.ends(window, 0, len(window), True) == bool(_EARMARK_BEFORE.search(window)), window
        for key, regex in _OPENING.items():
            assert words[key].opens(text, i, True) == bool(regex.match(text, i)), (key, text, i)
        assert (words["name-after"].opens(text, i, True) or words["cjk-name-after"].begins(text, i, True)) \
            == bool(_NAME_AFTER.match(text, i)), (text, i)
        assert after.opens(text, i, True) == bool(_EARMARK_AFTER.match(text, i)), (text, i)
        assert use.opens(text, i, True) == bool(_USE.match(text, i)), (text, i)
        for end in {i, len(text), min(len(text), i + 7)} if i > 0 else ():  # (a figure ends after offset 0)
            m, n = latin.search(text, i, end), _BASE.search(text, i, end)
            assert (m and (m.start(), m.end())) == (n and (n.start(), n.end())), (text, i, end)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10))
def test_structure_look_ups_say_what_the_regexes_said(pieces):
    text = "".join(pieces)
    into, verbs = structure._owner_words()[4], structure._owner_words()[3]
    for i in range(len(text) + 1):
        m = _OWNED.match(text, i)
        assert structure.owner_start(text, i) == (m and m.end()), (text, i)
        m = _INTO.match(text, i)
        assert word_then(text, i, into) == (m and m.end()), (text, i)
        for start in {0, max(0, i - 9)}:
            assert whole_word_in(text, start, i, verbs) == bool(_VERB.search(text, start, i)), (text, start, i)


def test_examples_of_each_list():
    words = family._words()
    assert family._ends_before_name(words["before"], "the second-generation the ")
    assert family._ends_before_name(words["before"], "shares listed on a ")
    assert not family._ends_before_name(words["before"], "thirdsecond ")
    assert words["exchange-after"].opens("nasdaq-listed chipmaker", 6, True)
    assert not words["exchange-after"].opens("nasdaqlisted", 6, True)
    assert structure.owner_start("3.1% broad slide in the nasdaq", 4) == len("3.1% broad slide in the ")
    assert structure.owner_start("3.1% slide in the", 4) == len("3.1% slide in ")  # "the" is then a name
    assert structure.owner_start("3.1% slide in ", 4) is None
    assert word_then("$5 into the", 2, ("into",)) == len("$5 into ")  # "the" is then a name
    assert word_then("$5 into the fund", 2, ("into",)) == len("$5 into the ")
    assert whole_word_in("will invest $5", 0, 12, ("invest",)) and not whole_word_in("reinvest $5", 0, 9, ("invest",))
    after, before, use = family._earmark_words()
    assert before.ends("拨出", 0, 2, True) and not before.ends("x拨出", 0, 3, True)
    assert use.opens("5for", 1, True)  # no guard before a word of use, as the regex had none

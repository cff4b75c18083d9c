"""Where a word of a list may begin: the patterns a word finder (dsfact.matching.wordtables) searches a text
with before it looks its words up there, from the cheapest to compile to the fastest to search. Each stage
is a `Places`: called with a text and the bounds searched, it gives the offsets where a word may begin."""
from __future__ import annotations

import re

_START = re.Match.start

FIND_AT_MOST = 12  # characters above Latin-1 that an early stage looks for one by one rather than in a class


class Places:
    """Where a stage finds that a word may begin, in order: the matches of its pattern (None: no pattern), and
    every place of each character of `chars`, found with str.find. `re` compiles a class that holds a character
    above Latin-1 beside two other runs of characters into a map of the whole plane (0.2 to 0.4 ms, ten times
    a class of Latin letters: the Chinese first characters of most word lists); a finder's early stages
    search a few thousand characters, where a dozen searches in C cost less than that map."""

    __slots__ = ("_rx", "_chars")

    def __init__(self, rx: re.Pattern | None, chars: str = "") -> None:
        self._rx, self._chars = rx, chars

    def __call__(self, text: str, pos: int, end: int):
        rx, chars = self._rx, self._chars
        if not chars:
            return map(_START, rx.finditer(text, pos, end))
        found = [] if rx is None else list(map(_START, rx.finditer(text, pos, end)))
        find = text.find
        for c in chars:
            k = find(c, pos, end)
            while k >= 0:
                found.append(k)
                k = find(c, k + 1, end)
        found.sort()
        return found


def _by_find(other: set[str]) -> tuple[list[str], str]:
    """The characters of `other` kept in a class, and those looked for with str.find (those above Latin-1,
    when there are at most FIND_AT_MOST of them)."""
    above = "".join(sorted(c for c in other if c > "\xff"))
    if not above or len(above) > FIND_AT_MOST:
        return sorted(other), ""
    return sorted(c for c in other if c <= "\xff"), above


def _first_chars(latin: set[str], other: set[str]) -> Places | None:
    """Where a word may begin, more loosely than `_plain_starts` and at a tenth of its cost to compile: the
    first character of a Latin first part where no letter or digit stands before it, or a character of
    `other`. Every place `_plain_starts` finds is one of these; a finder looks its words up at each, and
    finds none where no first part begins."""
    kept, found = _by_find(other)
    return _places(_led_by_class(latin, kept, ""), found)


def _led_by_class(latin: set[str], kept: list[str], then: str) -> list[str]:
    """The pattern of a stage, `(?<![a-z0-9])(?=firsts)|[kept]` (`then`: a look-ahead at the Latin first parts, or none
    for their first characters), led by the class of every character a match begins with and consuming it, each
    branch reading it behind: the regex engine skips to those characters in C, where a pattern led by a
    look-behind or a look-ahead is tried at every character (twice the time). The same places: a kept character
    is a place wherever it stands, so the Latin branch's look-behind need not tell a Latin first character."""
    firsts = "".join(sorted({re.escape(f[0]) for f in latin}))
    chars = "".join(re.escape(c) for c in kept)
    latin_branch = r"(?<![a-z0-9].)" + (f"(?<=(?={then}).)" if then else "")
    if not latin:
        return ["[" + chars + "]"] if kept else []
    return ["[" + firsts + chars + "]" + (f"(?:{latin_branch}|(?<=[{chars}]))" if kept else latin_branch)]


def _plain_starts(latin: set[str], other: set[str]) -> Places | None:
    """Where a word may begin: a Latin first part where no letter or digit stands before it, or a character
    of `other` (the regex `_alternation` would try each word at)."""
    kept, found = _by_find(other)
    return _places(_led_by_class(latin, kept, "|".join(map(re.escape, _shortest(latin)))), found)


def _places(alternatives: list[str], chars: str) -> Places | None:
    if not alternatives and not chars:
        return None
    return Places(re.compile("|".join(alternatives)) if alternatives else None, chars)


def _shortest(parts) -> list[str]:
    """The parts that begin with no other (sorted): a look-ahead for "a" finds every place one for "account"
    does, and a pattern costs more to compile the longer it is."""
    kept: list[str] = []
    for part in sorted(parts):  # a part's words sort right after it: only the last part kept can begin one
        if not (kept and part.startswith(kept[-1])):
            kept.append(part)
    return kept


def _starts_pattern(latin: set[str], other: set[str]) -> Places | None:
    """Where a word may begin: a Latin first part (where no letter or digit stands before it: the finder
    looks, a look-behind in each alternative costs much to compile), or a character of `other`. Each
    alternative opens with the character it consumes, so the regex engine skips the places where none can
    begin without trying them ("(?<![a-z0-9])(?=first|...)" tried every first part at every place)."""
    by_char: dict[str, list[str]] = {}
    for first in latin:
        by_char.setdefault(first[0], []).append(first[1:])
    alternatives = []
    for c, rests in sorted(by_char.items()):
        lookahead = "" if "" in rests else "(?=" + "|".join(map(re.escape, _shortest(rests))) + ")"
        alternatives.append(re.escape(c) + lookahead)
    alternatives += [re.escape(c) for c in sorted(other)]
    return _places(alternatives, "")


STAGES = (_first_chars, _plain_starts, _starts_pattern)  # a finder's patterns of where a word may begin, in turn

"""Where a word of a list may begin: the patterns a word finder (dsfact.matching.wordtables) searches a text
with before it looks its words up there, from the cheapest to compile to the fastest to search."""
from __future__ import annotations

import re


def _first_chars(latin: set[str], other: set[str]) -> re.Pattern | None:
    """Where a word may begin, more loosely than `_plain_starts` and at a tenth of its cost to compile: the
    first character of a Latin first part where no letter or digit stands before it, or a character of
    `other`. Every place `_plain_starts` finds is one of these; a finder looks its words up at each, and
    finds none where no first part begins."""
    alternatives = []
    if latin:
        alternatives.append(r"(?<![a-z0-9])[" + "".join(sorted({re.escape(f[0]) for f in latin})) + "]")
    if other:
        alternatives.append("[" + "".join(re.escape(c) for c in sorted(other)) + "]")
    return re.compile("|".join(alternatives)) if alternatives else None


def _plain_starts(latin: set[str], other: set[str]) -> re.Pattern | None:
    """Where a word may begin: a Latin first part where no letter or digit stands before it, or a character
    of `other` (the regex `_alternation` would try each word at)."""
    alternatives = []
    if latin:
        alternatives.append(r"(?<![a-z0-9])(?=" + "|".join(map(re.escape, _shortest(latin))) + ")")
    if other:
        alternatives.append("(?=[" + "".join(re.escape(c) for c in sorted(other)) + "])")
    return re.compile("|".join(alternatives)) if alternatives else None


def _shortest(parts) -> list[str]:
    """The parts that begin with no other (sorted): a look-ahead for "a" finds every place one for "account"
    does, and a pattern costs more to compile the longer it is."""
    kept: list[str] = []
    for part in sorted(parts):  # a part's words sort right after it: only the last part kept can begin one
        if not (kept and part.startswith(kept[-1])):
            kept.append(part)
    return kept


def _starts_pattern(latin: set[str], other: set[str]) -> re.Pattern | None:
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
    return re.compile("|".join(alternatives)) if alternatives else None


STAGES = (_first_chars, _plain_starts, _starts_pattern)  # a finder's patterns of where a word may begin, in turn

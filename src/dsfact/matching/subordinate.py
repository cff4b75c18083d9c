"""A clause after a figure that has a subject of its own (issue 9: the nearest subject wins, within the
figure's clause). "Nvidia's market value took a $600 billion hit as tech stocks tumbled": the clause that
"as" opens is about tech stocks, and the figure before it stays Nvidia's, although no comma marks the
break. The words live in dsfact/lang/names.words [subordinate]; this module holds only the mechanism."""
from __future__ import annotations

import re

from dsfact.lang import word_set, words_by_script, words_of
from dsfact.matching.wordtables import word_starting
from dsfact.numbers.patterns import lazy

_PATTERN: list = []  # the openers' pattern, compiled on first use
_LATIN_BEFORE = lazy(r"([a-z]+)\W*$")


def _pattern() -> re.Pattern:
    if not _PATTERN:
        latin, han = words_by_script("names", "subordinate", longest_first=True)
        _PATTERN.append(re.compile(rf"(?<![a-z0-9'’-])(?:{'|'.join(map(re.escape, latin))})(?![a-z0-9'’-])"
                                   rf"|{'|'.join(map(re.escape, han))}"))
    return _PATTERN[0]


def opens_between(folded: str, start: int, end: int, contrast: bool = False) -> bool:
    """Whether a word of [subordinate] opens a clause in folded[start:end] (the text between a figure and a
    name after it), as an opener and not as part of a phrase ("as much as", "as of", "such as"); `contrast`:
    only one of its `contrast` words ("while", "whereas")."""
    for m in _pattern().finditer(folded, start, end):
        if contrast and m.group() not in word_set("names", "subordinate", "contrast"):
            continue
        if not m.group().isascii():
            return True
        before = _LATIN_BEFORE.search(folded, max(0, m.start() - 16), m.start())
        if before and before.group(1) in word_set("names", "subordinate", "before"):
            continue
        rest = folded[m.end():end].lstrip()
        if word_starting(rest, words_of("names", "subordinate", "after", longest_first=True)):
            continue
        return True
    return False

"""A clause after a figure that has a subject of its own (issue 9: the nearest subject wins, within the
figure's clause). "Nvidia's market value took a $600 billion hit as tech stocks tumbled": the clause that
"as" opens is about tech stocks, and the figure before it stays Nvidia's, although no comma marks the
break. The words live in dsfact/lang/names.words [subordinate]; this module holds only the mechanism."""
from __future__ import annotations

import re

_PATTERN: re.Pattern | None = None
_BEFORE: frozenset[str] = frozenset()
_AFTER: tuple[str, ...] = ()
_LATIN_BEFORE = re.compile(r"([a-z]+)\W*$")


def _tables() -> re.Pattern:
    global _PATTERN, _BEFORE, _AFTER
    if _PATTERN is None:
        from dsfact.lang import words_of

        words = words_of("names", "subordinate", longest_first=True)
        latin = [re.escape(w) for w in words if w.isascii()]
        han = [re.escape(w) for w in words if not w.isascii()]
        _BEFORE = frozenset(words_of("names", "subordinate", "before"))
        _AFTER = words_of("names", "subordinate", "after", longest_first=True)
        _PATTERN = re.compile(rf"(?<![a-z0-9'’-])(?:{'|'.join(latin)})(?![a-z0-9'’-])|{'|'.join(han)}")
    return _PATTERN


def opens_between(folded: str, start: int, end: int) -> bool:
    """Whether a word of [subordinate] opens a clause in folded[start:end] (the text between a figure and a
    name after it), as an opener and not as part of a phrase ("as much as", "as of", "such as")."""
    pattern = _tables()
    for m in pattern.finditer(folded, start, end):
        word = m.group()
        if not word.isascii():
            return True
        before = _LATIN_BEFORE.search(folded, max(0, m.start() - 16), m.start())
        if before and before.group(1) in _BEFORE:
            continue
        rest = folded[m.end():end].lstrip()
        if any(rest.startswith(w) and not rest[len(w):len(w) + 1].isalpha() for w in _AFTER):
            continue
        return True
    return False

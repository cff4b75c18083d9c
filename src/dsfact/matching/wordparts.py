"""A word list grouped by a part each of its words holds, so that one test of `in` on a text rules a whole group out:
a text without the part holds none of the group's words (nor every word of a phrase of them). The part is a word's
longest run of three ASCII letters or more but a few common ones ("the", "for"), else its first character that is
not ASCII (a Chinese word's first character), else its first word. Which part a word is grouped by only decides how
much is ruled out at once, never what is found: each part is a substring of its words. Read by
dsfact.matching.others (names.words' asset and body tables) and dsfact.matching.session (the [writing] words)."""
from __future__ import annotations

import re

_COMMON = frozenset(("the", "for", "are", "and", "its", "this", "they"))  # in too many texts to rule much out


def grouped_by_part(words) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(part, the words of `words` that hold it) in the order the parts first occur, each group in `words`' order."""
    groups: dict[str, list[str]] = {}
    for w in words:
        runs = [r for r in re.findall(r"[a-z]{3,}", w) if r not in _COMMON]
        part = max(runs, key=len) if runs else next((c for c in w if not c.isascii()), (w.split() or [w])[0])
        groups.setdefault(part, []).append(w)
    return tuple((part, tuple(group)) for part, group in groups.items())

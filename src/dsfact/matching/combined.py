"""The parts a sum is said to combine: "The €200 billion sum combines a €150 billion commitment from investors with
€50 billion from the Commission", "这2000亿欧元合并了此前宣布的1500亿欧元承诺与欧盟委员会追加的500亿欧元". After a verb
of combining (roles.words [combines]) whose clause names a larger figure of the same unit before it (the sum), the
smaller figures of that unit are its parts, in the role of roles.words [part]: the investors' €150 billion is not
the plan a claim records. Without the sum before the verb ("the fund combines €150 billion of private money with
public grants") nothing is set apart: the figure may be the whole the writer means. The words are data; this
module holds the mechanism."""
from __future__ import annotations

import bisect
from functools import lru_cache


@lru_cache(maxsize=1)
def _verbs():
    """roles.words [combines] `words`, as one pattern (English words whole; Chinese ones anywhere)."""
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import whole_words

    return whole_words(words_of("roles", "combines", "words"), "a-z", chinese=True)


def combined_part(reader, k: int) -> bool:
    """Whether figure k of the reader (a FigureReader) is one of the parts a larger figure of its unit, before a verb
    of combining in its clause, is said to combine."""
    quantities, folded = reader.quantities, reader.folded
    q = quantities[k]
    if q.direction is not None or q.value is None:
        return False  # a move: "lost $589 billion, combining ..." is told of its own
    lo, _ = reader.clause_span(q.start)
    verb = None
    for m in _verbs().finditer(folded, lo, q.start):
        verb = m
    if verb is None:
        return False
    first = bisect.bisect_left(reader.starts, lo)
    return any(quantities[j].unit == q.unit and quantities[j].value is not None and quantities[j].value > q.value
               and quantities[j].end <= verb.start() for j in range(first, k))

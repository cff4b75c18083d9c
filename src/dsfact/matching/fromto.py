"""The two ends of a change told from one figure to another with the names of their owners: "reducing its
training cost from a reported $78 million for ChatGPT to just $5.6 million", "从ChatGPT的7800万美元降至560万美元".
A name inside the "from" part owns the first figure, not the one after "to" (roles.words [from-to])."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.wordtables import Pattern

_GAP = 24  # characters of words between the "to" word and the figure after it ("to just", "to a mere")


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern, re.Pattern]:
    """The words that open a change's "from" part and those of its "to", as patterns of whole words."""
    from dsfact.lang import words_of

    return tuple(Pattern("{}", words_of("roles", "from-to", key)).get(True) for key in ("before", "words"))


def in_from_part(text, q, hit) -> bool:
    """Whether the name at `hit` stands in the "from" part of a change whose "to" part is figure q, in q's
    clause (`text`, a TextMatcher): a "from" word before the name, then a figure of q's unit, then a "to" word
    with no figure between it and q."""
    folded = text.folded
    start = text.reader().clause_span(q.start)[0]
    if hit.start < start:
        return False
    openers, closers = _words()
    to = None
    for m in closers.finditer(folded, max(hit.end, q.start - _GAP), q.start):
        to = m
    if to is None or any(c.isdigit() for c in folded[to.end():q.start]):
        return False
    opened = [m for m in openers.finditer(folded, start, hit.start)]
    if not opened:
        return False
    a = opened[-1].end()
    return any(a <= x.start and x.end <= to.start() and x.unit == q.unit for x in text.figures_in(a, to.start()))

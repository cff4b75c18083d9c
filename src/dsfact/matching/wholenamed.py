"""The whole a share is told of, named as the claim's own (roles.words [whole-named]). A figure governed by a word of an
untold share of it ([whole-of]: "much of", "some of", 从……中分一杯羹) is the pool a subject takes part of, never judged:
"Stargate's partners want some of the $175 billion investors have reserved". When the claim's subject names that
pool in the figure's own noun phrase ("Nvidia accounted for much of the 5% drop in the Nasdaq", "some of the $600
billion Stargate investment", 从星际之门6000亿美元投资中分一杯羹), the pool is the claim's figure, told whole, and judged."""
from __future__ import annotations

from dsfact.lang import word_set

_AFTER_WORDS = 4  # words of the noun phrase between the figure and the name after it ("drop in the")
_BEFORE = ("", "的")  # between a name and the figure right after it


def whole_named(text, q, claim) -> bool:
    """Whether claim's subject names the whole that figure q is, in q's own noun phrase (see the module's docstring)."""
    ci = text.index.position.get(claim.id)
    if ci is None:
        return False
    start, end = text.reader().clause_span(q.start)
    folded, naming = text.folded, text.index.naming
    stops = word_set("roles", "whole-named", "not")
    for hit in text.hits_in(start, end):
        if ci not in naming(hit.cue)[1]:
            continue
        if hit.end <= q.start and folded[hit.end:q.start].strip() in _BEFORE:
            return True
        if hit.start >= q.end:
            words = folded[q.end:hit.start].split()
            return len(words) <= _AFTER_WORDS and not any(w in stops or not w.isalpha() for w in words)
    return False

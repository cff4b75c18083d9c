"""A part named with the whole it is taken from: "South Korea's government will take 50,000 of the 260,000
Nvidia GPUs", "韩国政府将从26万块英伟达GPU中获得5万块". The smaller figure is a part of the larger one of its unit
beside it, in the role of roles.words [part] (it states no claim's whole): the government's share of a later
order is not the order a claim records. The words are roles.words [part-of]; this module holds the mechanism."""
from __future__ import annotations

import re
from functools import lru_cache

WORDS_BETWEEN = 2  # English words that may stand between "of the" and the whole ("of the roughly 260,000")
REACH_CJK = 16  # characters between the whole and its part in Chinese ("26万块英伟达GPU中获得5万块")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, tuple[str, ...]]:
    from dsfact.lang import words_of

    between = sorted(words_of("roles", "part-of"), key=len, reverse=True)
    english = re.compile(r"\s+(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in between)
                         + rf")(?:\s+[a-z][a-z'-]*){{0,{WORDS_BETWEEN}}}?\s+$")
    return english, tuple(sorted(words_of("roles", "part-of", "after"), key=len, reverse=True))


def part_of_larger(reader, k: int) -> bool:
    """Whether figure k of the reader is a part told with its whole: a larger figure of its unit right after it
    across words of [part-of] (English), or right before it across a stretch that ends in one (Chinese), in its
    clause."""
    quantities, folded = reader.quantities, reader.folded
    q = quantities[k]
    if q.direction is not None:
        return False  # a move: "lost $589 billion of the ..." is the claim's loss
    lo, hi = reader.clause_span(q.start)
    english, chinese = _patterns()
    if k + 1 < len(quantities):
        whole = quantities[k + 1]
        if _larger(whole, q) and whole.start < hi and english.fullmatch(folded, q.end, whole.start):
            return True
    if k > 0:
        whole = quantities[k - 1]
        gap = folded[whole.end:q.start]
        if _larger(whole, q) and whole.start >= lo and len(gap) <= REACH_CJK and gap.rstrip().endswith(chinese) \
                and not any(c in gap for c in "，,。；;"):
            return True
    return False


def _larger(whole, q) -> bool:
    return whole.unit == q.unit and whole.value is not None and q.value is not None and whole.value > q.value

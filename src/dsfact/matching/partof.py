"""A part named with the whole it is taken from: "South Korea's government will take 50,000 of the 260,000
Nvidia GPUs", "韩国政府将从26万块英伟达GPU中获得5万块". The smaller figure is a part of the larger one of its unit
beside it, in the role of roles.words [part] (it states no claim's whole): the government's share of a later
order is not the order a claim records. In English a verb of receiving a share must stand right before the part
("will take 50,000 of the"): "Nvidia accounted for $589 billion of the $1 trillion" is Nvidia's own loss. The larger one is the whole ([whole-of]): it may agree with a claim but
never contradicts it. When the words name the whole as what the subject owns ("trained V3 on 2,048 of its 10,000
GPUs", "用其1万块GPU中的2048块"), only the whole is set apart: the part is the writer's figure, the claim's own.
The words are roles.words [part-of]; this module holds the mechanism."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.wordtables import spaced
from dsfact.numbers.patterns import lazy

WORDS_BETWEEN = 2  # English words that may stand between "of the" and the whole ("of the roughly 260,000")
REACH_CJK = 16  # characters between the whole and its part in Chinese ("26万块英伟达GPU中获得5万块")


VERB_REACH = 24  # characters before an English part in which its verb of receiving stands ("will take 50,000")


@lru_cache(maxsize=1)
def _receiving() -> re.Pattern:
    """roles.words [part-of] `near`: the verbs of receiving a share, as the last words before a part."""
    from dsfact.lang import words_of

    return re.compile(r"(?<![a-z])(?:" + spaced(words_of("roles", "part-of", "near"))
                      + r")(?:\s+(?:about|some|around|roughly|nearly|only|just))?\s+$")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, re.Pattern], tuple[tuple[str, ...], tuple[str, ...]]]:
    """The English words between a part and its whole, and the Chinese ones that end the stretch between a whole and
    its part: each as (a part and its whole, the whole only)."""
    from dsfact.lang import words_of

    def english(key: str) -> re.Pattern:  # (compiled when first searched: most figures have no larger one beside)
        return lazy(r"\s+(?:" + spaced(words_of("roles", "part-of", key))
                          + rf")(?:\s+[a-z][a-z'’-]*){{0,{WORDS_BETWEEN}}}?\s+$")

    def chinese(key: str) -> tuple[str, ...]:
        return tuple(sorted(words_of("roles", "part-of", key), key=len, reverse=True))

    return (english("words"), english("before")), (chinese("after"), chinese("clause"))


def part_of_larger(reader, k: int) -> bool:
    """Whether figure k of the reader is a part told with its whole by words that make it one (not those that
    name the whole as the subject's own)."""
    return _whole(reader, k, owned=False) is not None


def whole_of_part(reader, k: int) -> bool:
    """Whether figure k of the reader is the whole a part beside it is told with (either kind of words). Only a
    larger figure of the part's unit is its whole (_whole): that cheap test first, before the part's words are
    read (each figure asks of both its neighbours, most of them no part of it)."""
    quantities = reader.quantities
    return any(_larger(quantities[k], quantities[j]) and _whole(reader, j, owned=True) == k
               for j in (k - 1, k + 1) if 0 <= j < len(quantities))


def _whole(reader, k: int, owned: bool) -> int | None:
    """The index of the whole figure k is told as a part of: a larger figure of its unit right after it across the
    English words, or right before it across a stretch that ends in the Chinese ones, in its clause; with `owned`,
    the words that name the whole as the subject's own count too."""
    quantities, folded = reader.quantities, reader.folded
    q = quantities[k]
    if q.direction is not None:
        return None  # a move: "lost $589 billion of the ..." is the claim's loss
    lo, hi = reader.clause_span(q.start)
    (english, english_owned), (chinese, chinese_owned) = _patterns()
    if k + 1 < len(quantities):
        whole = quantities[k + 1]
        if _larger(whole, q) and whole.start < hi and (
                english.fullmatch(folded, q.end, whole.start) and _receiving().search(folded, max(lo, q.start - VERB_REACH), q.start)
                or owned and english_owned.fullmatch(folded, q.end, whole.start)):
            return k + 1
    if k > 0 and _larger(quantities[k - 1], q) and quantities[k - 1].start >= lo:  # (before the gap is cut out)
        whole = quantities[k - 1]
        gap = folded[whole.end:q.start]
        ends = chinese + chinese_owned if owned else chinese
        if len(gap) <= REACH_CJK and gap.rstrip().endswith(ends) and not any(c in gap for c in "，,。；;"):
            return k - 1
    return None


def _larger(whole, q) -> bool:
    return whole.unit == q.unit and whole.value is not None and q.value is not None and whole.value > q.value

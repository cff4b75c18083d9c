"""Others' estimate told as what a figure beats or misses, not as the figure: "星际之门的5000亿美元投资计划远超市场预期",
"星際之門的5000億美元計畫遠超市場預期", "Stargate's $500 billion plan far exceeded what analysts expected". The words of
an expectation (roles.words [expectation], [others-estimate]: 市场预期, "analysts expected") right after a word of
comparison (roles.words [beats-estimate]: 远超, 高于, "exceeded", "topped") with at most a few small words between name
the base the figure is measured against: they put no figure in the role of an estimate (dsfact.matching.roles). "高于
分析师预期的510亿美元" keeps the 510亿 an estimate: the words govern the figure after them."""
from __future__ import annotations

from functools import lru_cache

from dsfact.fold import has_han

ROLES = frozenset(("expectation", "others-estimate"))  # the roles of an estimate such a base may be told in
GAP = 8  # characters at most between the word of comparison and the estimate's words ("what", "the", 了)


@lru_cache(maxsize=1)
def _words():
    """roles.words [beats-estimate], an Alternation (each `get(han)`); read once."""
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import Alternation

    return Alternation(words_of("roles", "beats-estimate", longest_first=True))


def beaten_estimate(folded: str, role: str, start: int, end: int, figure_start: int) -> bool:
    """Whether the words of role `role` at folded[start:end] name an estimate that the figure they attach to (at
    `figure_start`), before them, is compared with: a word of comparison ends within GAP characters before them
    (no digit, clause mark or line between) and after the figure."""
    if role not in ROLES or figure_start > start:
        return False
    lo = max(figure_start, start - GAP - 12)
    found = None
    for m in _words().get(has_han(folded[lo:start])).finditer(folded, lo, start):
        found = m
    if found is None:
        return False
    gap = folded[found.end():start]
    return len(gap) <= GAP and not any(c.isdigit() or c in ",，;；。.:：\n" for c in gap)

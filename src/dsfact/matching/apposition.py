"""A name set after a dash beside the figure's own noun is that noun's name, not a clause of its own: in
"the €200 billion plan – InvestAI – was unveiled by the Commission", "高达2000亿欧元的计划 – InvestAI，由欧盟
宣布", the spaced dash that parts clauses elsewhere ("its claim – that V3 cost $6M –") here only names the
plan, so the name is as near the figure as the noun is. The nouns are language data (names.words
[apposed-noun]); only a noun of them, right after the figure, and the dash may stand between."""
from __future__ import annotations

import re

from dsfact.lang import words_by_script

_PATTERN: list = []  # the gap's pattern, compiled on first use


def _pattern() -> re.Pattern:
    if not _PATTERN:
        latin, han = words_by_script("names", "apposed-noun", longest_first=True)
        nouns = "|".join(map(re.escape, (*latin, *han)))
        _PATTERN.append(re.compile(
            rf"(?:\s+(?:[a-z]+\s+)?(?:{nouns})|的?(?:[\u3400-\u9fff]{{0,3}})(?:{nouns}))(?:\s+[-–—]\s*|\s*—\s*)$"))
    return _PATTERN[0]


def apposed(folded: str, q_end: int, hit_start: int, hit_end: int) -> int:
    """1 when the words between figure q (ending at q_end) and a name at hit_start:hit_end are only the
    figure's own noun and a dash ("plan – ", "的计划 – "), and the name stands alone, a mark or the end right
    after it ("– InvestAI,", "– Stargate –"; not "– Stargate's French cousin"): the name apposes the noun,
    no clause mark parts it from the figure; else 0."""
    gap = folded[q_end:hit_start]
    if len(gap) > 24 or not gap or any(c in ",，;；:：()（）.。" for c in gap):
        return 0
    rest = folded[hit_end:hit_end + 3].lstrip(" ")
    if rest and rest[0] not in _CLOSING:
        return 0
    return 1 if _pattern().match(gap) is not None else 0


_CLOSING = ",，;；:：.。-–—)）\n"

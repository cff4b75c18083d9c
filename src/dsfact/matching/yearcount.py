"""A year the numbers engine took for a count (issue 9): in a headline's title case, "Meta Plans Up to $135 Billion
in Capex as 2026 AI Race Heats Up" reads as 2026 of something ("Heats" looks like a plural noun), though it names
the year of the race. A count written as four bare digits of a year of the story's era (2000 to 2039, no comma, no
measure word) whose next words name nothing a claim counts (no chip code, no word of the [gpu] family of
lang/synonyms.words: "2048 GPUs", "2030 H800s" stay counts) is a year the text names (dsfact.matching.when.
written_years), so a text that speaks of 2026 is not read as written in 2025 ("2026 AI Race"). Chinese writes a
year with 年, which the engine reads as a date."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.aside import CHIP_CODE
from dsfact.model import Quantity

_YEAR_DIGITS = re.compile(r"20[0-3][0-9]")
_NEXT = re.compile(r"[\s-]*([a-z][a-z0-9-]*)(?:\s+([a-z][a-z0-9-]*))?(?:\s+([a-z][a-z0-9-]*))?")
_CODE = re.compile(CHIP_CODE + r"s?")


@lru_cache(maxsize=1)
def _counted() -> frozenset[str]:
    from dsfact.lang import load_words

    synonyms = load_words("synonyms")
    return frozenset(w for name in ("gpu", "h100", "h800") for w in synonyms.get(name, {}).get("words", ()))


def year_as_count(folded: str, x: Quantity) -> bool:
    """Whether figure x, read as a count, is a year the text names ("2026 AI Race"): four bare digits of a year
    of the story's era whose next words (folded) name no chip."""
    if x.unit != "count" or x.per is not None or not _YEAR_DIGITS.fullmatch(folded[x.start:x.end]):
        return False
    m = _NEXT.match(folded, x.end)
    if m is None:
        return False  # "2000块", "2026." : a measure word, or nothing named
    words = [w for w in m.groups() if w]
    counted = _counted()
    return not any(w in counted or _CODE.fullmatch(w) for w in words) \
        and not any(" ".join(words[:n]) in counted for n in (2, 3))

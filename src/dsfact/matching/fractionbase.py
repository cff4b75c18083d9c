"""A fraction taken of an earlier state of its subject, not of the body a ratio claim compares with: "needed a
fifth of the compute of its predecessor", "只需要之前算力的1/10", "僅為過去的3%" (roles.words [fraction-base]),
or of another kind of sum ("half of what a mid-size lab budgets", "初创公司预算的一半").
The registry's fractions each compare with one body (GPT-4o's cost, GPT-4o's compute, the leading labs' GPUs); a
cut against what the subject used before is another comparison, and is not judged against them. A base that
names the body the claim compares with ("3% of what OpenAI spent on GPT-4o", "GPT-4o的5%") stays the claim's,
and so does a peer standing for it ("5% of its rivals' spending", 同行的二十分之一: tests/cases/subject9.yaml).
A fraction whose clause goes on to give, after it, a sum that is neither term of the claim's ratio (derived:
ratio_of) is taken of that sum: "以十分之一的成本做到人家要花100億美元才能做的事" is a tenth of ten billion, not of
GPT-4o's cost; "5% of GPT-4o's $100 million" and "5% of GPT-4o's cost, some $5.6 million" stay the claim's."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

CHINESE_REACH = 8  # a Chinese base: at most this many characters before the 的 right before the figure
_STOPS = lazy(r"[，,。；;：:！!？?、（）()\[\]“”\"「」]")


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern, re.Pattern, tuple[str, ...]]:
    """(the Latin words that open a base after the figure, the Latin base words, the Chinese base words)."""
    from dsfact.lang import load_words

    table = load_words("roles").get("fraction-base", {})

    def alternation(words) -> re.Pattern:
        words = sorted((w for w in words if w.isascii()), key=len, reverse=True)
        body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) or "(?!)"
        return re.compile(r"(?<![a-z0-9])(?:" + body + r")(?![a-z0-9])")

    words = table.get("words", ())
    return alternation(table.get("after", ())), alternation(words), tuple(w for w in words if not w.isascii())


def _base_text(text, q: Quantity, start: int, end: int) -> tuple[int, int] | None:
    """Where the base of fraction q is told in its clause text.folded[start:end]: after a word of `after` right
    after the figure ("a fifth of the compute of its predecessor": to the clause's end), or, in Chinese, the
    few characters before a 的 right before the figure ("之前算力的1/10"), not counting a sum that ends at the
    的: the base's own amount ("预算1300万美元的一半"); None when neither."""
    folded = text.folded
    opener, _, _ = _table()
    k = q.end
    while k < end and folded[k] == " ":
        k += 1
    m = opener.match(folded, k, end)
    if m is not None:
        stop = _STOPS.search(folded, m.end(), end)
        return m.end(), stop.start() if stop else end
    k = q.start
    while k > start and folded[k - 1] == " ":
        k -= 1
    if k > start and folded[k - 1] == "的":
        reach = max(start, _before_sum(text, k - 1) - CHINESE_REACH)
        stops = [m.end() for m in _STOPS.finditer(folded, reach, k - 1)]
        return (stops[-1] if stops else reach), k - 1
    return None


def _before_sum(text, at: int) -> int:
    """Where a sum that ends at `at` (spaces aside) starts; `at` itself when none does."""
    folded, k = text.folded, at
    while k > 0 and folded[k - 1] == " ":
        k -= 1
    starts = text._quantity_starts
    i = bisect.bisect_left(starts, k) - 1
    if i >= 0 and text._quantities[i].end == k:
        return text._quantities[i].start
    return at


def _third_sum(text, q: Quantity, ci: int, end: int) -> bool:
    """Whether a sum stands after fraction q in its clause (up to `end`) that agrees with no statement of
    either term of claim ci's ratio (derived: ratio_of), in a unit of theirs: the fraction is of that sum."""
    from dsfact.numbers.quantity import agrees

    refs = {str(r).split("@")[0] for r in ((text.registry.claims[ci].derived or {}).get("ratio_of") or ())}
    terms = [c for c in text.registry.claims if c.id in refs]
    units = {c.unit for c in terms}
    if len(terms) < 2 or not text._quantity_starts:
        return False
    at = bisect.bisect_left(text._quantity_starts, q.end)
    for x in text._quantities[at:]:
        if x.start >= end:
            break
        if x.unit in units and x.direction is None \
                and not any(agrees(x, st, c.per) for c in terms for st in c.statements):
            return True
    return False


def other_fraction_base(text, q: Quantity, ci: int, start: int, end: int, compared: frozenset[str]) -> bool:
    """Whether fraction q (a share or ratio of claim ci, a ratio claim, in the clause text[start:end]) is
    taken of a base a word of [fraction-base] names ("its predecessor", 之前, 过去) that is none of the bodies
    ci compares with (`compared`, less ci's own subject: its names may stand in its metric), or of a sum
    after it that is neither term of ci's ratio (_third_sum)."""
    from dsfact.matching.bodies import alnum

    if _third_sum(text, q, ci, end):
        return True
    span = _base_text(text, q, start, end)
    if span is None:
        return False
    base = text.folded[span[0]:span[1]]
    _, latin, chinese = _table()
    if latin.search(base) is None and not any(w in base for w in chinese):
        return False
    claim = text.registry.claims[ci]
    own = {alnum(w.lower()) for w in claim.subject_cues}
    bodies = {b for b in compared if b not in own}
    return not any(any(key in b or b in key for b in bodies)
                   for key in (alnum(hit.cue) for hit in text.hits_in(*span)) if key not in own)

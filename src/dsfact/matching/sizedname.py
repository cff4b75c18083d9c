"""A name set against a subject past the size told before it: "designed to counter the US's $500 billion Stargate
project", "对标美国5000亿美元的星际之门项目". The comparison word (names.words [comparison] `before`: counter, 对标)
stands before the size, not right before the name, yet the name is only what the subject is set against: it lends
no later sentence its subject (dsfact.matching.matcher._names_in), as "counter Stargate" lends none."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.matching.comparison import is_comparison
from dsfact.numbers.patterns import lazy

REACH = 40  # characters before a name read for the size told before it
OWNER_CHARS = 3  # Chinese characters of an owner told before the size: 美国, 软银
_POSSESSIVE = lazy(r"(?:the\s+)?[a-z][a-z.&-]*['’]s\s*$")  # "the us's " before the size (folded text)


def compared_past_size(text, hit) -> bool:
    """Whether a size figure ends right before the name of cue `hit` (white space or 的 between) and a comparison
    word stands before that size, as before a name (dsfact.matching.comparison.is_comparison)."""
    folded = text.folded
    j = hit.start
    while j > 0 and folded[j - 1] in " 的":
        j -= 1
    if j == hit.start and folded[j - 1:j].isalnum():
        return False
    figures = text.figures_in(max(0, j - REACH), j)
    if not figures or figures[-1].end != j:
        return False
    at = figures[-1].start
    return any(is_comparison(folded, a, hit.end) for a in _owner_starts(folded, at))


def _owner_starts(folded: str, at: int) -> list[int]:
    """Where the comparison word may end before a size at `at`: right before it, or before an owner told before it
    ("counter the US's $500 billion", an English possessive; "对标美国5000亿美元", up to OWNER_CHARS Chinese ones)."""
    found = [at]
    m = _POSSESSIVE.search(folded, max(0, at - REACH), at)
    if m is not None:
        found.append(m.start())
    k = at
    while k > 0 and at - k < OWNER_CHARS and has_han(folded[k - 1]):
        k -= 1
        found.append(k)
    return found

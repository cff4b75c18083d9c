"""A headline of another page: a list item or a paragraph that is one link's text, after at most a label
("Read more:\n- [Nvidia adds 3% as chip stocks steady](url)", "相关阅读：<a>英伟达上涨3%</a>"; Block.linked).
Its figures are the linked story's, of a day the text does not tell: under a story of Tuesday, "Nvidia adds
3%" may be Wednesday's move, or last week's. Such a figure never contradicts a claim tied to a day; it may
still agree with one, and a claim of no day (a price, a count) is judged as anywhere. So is the quoted title of
a work a source list cites ("[3] Bloomberg, "Nvidia's $465 billion wipeout", Jan. 27"), for any claim: its
figures are that work's wording, not the text's statement."""
from __future__ import annotations

from dsfact.numbers.patterns import lazy

# a reference entry's mark at the head of its line: "[3]", "[^3]:", "3.", "³", "[註1]", "注1："
_ENTRY_MARK = lazy(r"[ \t]*(?:[-*][ \t]+)?(?:\[\^?\d{1,3}\]:?|\d{1,3}[.)][ \t]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[[注註]\d{1,3}\]|[注註]\d{1,3}[:：])")
_QUOTES = (("“", "”"), ("《", "》"), ("「", "」"), ('"', '"'))


def headline_elsewhere(text, q, claim) -> bool:
    """Whether figure q, bound by `text` (a TextMatcher) to a claim tied to a day, stands in a block that is a
    link's text; or, for any claim, in the quoted title of a cited work (cited_title)."""
    return bool(text.links) and bool(claim.time) and claim.time.count("-") == 2 \
        and any(a <= q.start < b for a, b in text.links) or cited_title(text.text, q)


def cited_title(t: str, q) -> bool:
    """Whether figure q stands between the quotation marks of a line that opens with a reference entry's mark."""
    start = t.rfind("\n", 0, q.start) + 1
    end = t.find("\n", q.end)
    end = len(t) if end < 0 else end
    if not _ENTRY_MARK.match(t, start, end):
        return False
    for opening, closing in _QUOTES:
        at = t.rfind(opening, start, q.start)
        if at >= 0 and t.find(closing, q.end, end) >= 0 and (opening != closing or t.count(opening, start, q.start) % 2):
            return True
    return False

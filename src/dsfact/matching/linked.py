"""A headline of another page: a list item or a paragraph that is one link's text, after at most a label
("Read more:\n- [Nvidia adds 3% as chip stocks steady](url)", "相关阅读：<a>英伟达上涨3%</a>"; Block.linked).
Its figures are the linked story's, of a day the text does not tell: under a story of Tuesday, "Nvidia adds
3%" may be Wednesday's move, or last week's. Such a figure never contradicts a claim tied to a day; it may
still agree with one, and a claim of no day (a price, a count) is judged as anywhere."""
from __future__ import annotations


def headline_elsewhere(text, q, claim) -> bool:
    """Whether figure q, bound by `text` (a TextMatcher) to a claim tied to a day, stands in a block that is a
    link's text."""
    return bool(text.links) and bool(claim.time) and claim.time.count("-") == 2 \
        and any(a <= q.start < b for a, b in text.links)

"""A bare dollar sign restating a sum marked as US dollars is another dollar: the page's own. "$US593 billion
($948 billion)" on an Australian page, "US$589 billion ($797 billion)" on a Singapore one: the writer marked
the first sum as US dollars because a bare $ means the local dollar, and the bracket gives the same loss in it.
Such a restatement is a conversion whatever the ratio of the two numbers (roles.words [conversion]), and
states no claim recorded in US dollars. So is a bare $ sum restated in brackets by a US-marked one ("$948
billion (US$593 billion)"): the US-marked sum is then the claim's own statement (dsfact.matching.restated). The marks are language data: numbers.words [dollar-prefixes] (US, U.S.
before or after the sign) and [currency-codes] (USD)."""
from __future__ import annotations

from functools import lru_cache

from dsfact.lang import words_of
from dsfact.model import Quantity

US = "USD"


@lru_cache(maxsize=1)
def _us_marks() -> tuple[str, ...]:
    prefixes = [p.lower() for p in words_of("numbers", "dollar-prefixes", US)]
    codes = [c.lower() for c in words_of("numbers", "currency-codes", US)]
    return tuple(sorted({*(p + "$" for p in prefixes), *("$" + p for p in prefixes), *codes}, key=len, reverse=True))


def us_marked(folded: str, q: Quantity) -> bool:
    """Whether sum q is written with a mark of US dollars ("US$589 billion", "$US593 billion", "USD 589 bn")."""
    head = folded[q.start:q.end].lstrip()
    return any(head.startswith(mark) for mark in _us_marks())


def local_dollar(folded: str, previous: Quantity, q: Quantity) -> bool:
    """Whether sum q, a bare $ right after the US-marked sum `previous`, is that sum in the page's own dollar."""
    return previous.unit == q.unit == US and folded[q.start:q.start + 1] == "$" \
        and not us_marked(folded, q) and us_marked(folded, previous)


def local_before(folded: str, q: Quantity, after: Quantity) -> bool:
    """Whether sum q, a bare $, is restated right after by the US-marked sum `after`: q is the page's dollar."""
    return local_dollar(folded, after, q)

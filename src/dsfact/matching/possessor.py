"""Whose sum a possessive before a figure names (issue 9): "SoftBank's $19 billion Stargate investment" may be
one backer's share of the plan, so a figure owned by a company binds a name that carries the claim's metric only
loosely (dsfact.matching.structure.attributive). A country's possessive ("America's $500 billion Stargate
announcement", "the US's $500 billion Stargate plan") names the plan's home, not a backer: the figure is the
plan's own. The countries are names.words [nationality] (English possessives and names; Chinese text puts no
possessive mark before the figure: 美国的5000亿美元星际之门 is read by the name that heads the phrase)."""
from __future__ import annotations

from dsfact.lang import word_set
from dsfact.numbers.patterns import lazy

_OWNED = lazy(r"(\S+?)(?:['’]s|s['’])\s+(?:[a-z]+\s+)?$")  # "SoftBank's $19 billion", "SoftBank's some $19bn"
_REACH = 30  # characters before the figure read for the possessive


def owned_before(folded: str, start: int) -> bool:
    """Whether a possessive of a body other than a country stands right before the figure at `start` (at most one
    word between: "SoftBank's some $19bn"); "America's $500 million" is a country's, no owner's share."""
    found = _OWNED.search(folded, max(0, start - _REACH), start)
    if found is None:
        return False
    owner = found.group(1).lower()
    countries = word_set("names", "nationality")
    return owner not in countries and not any(f"{owner}{mark}" in countries for mark in ("'s", "’s"))

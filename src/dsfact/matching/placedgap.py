"""The short phrase that tells where a figure is put, between it and a word that qualifies it: "invest $100 billion
in the project to start", "put $100 billion into the venture initially". A tranche word there ("to start",
"initially": an exclude word of a plan's total) is still the $100 billion's own, as right after it ("$100
billion to start"): it rules no claim out for the total told in the next clause ("and aim to commit up to $500
billion to Stargate"). The phrase: a preposition of putting in, perhaps an article or possessive, and one or
two words (the thing it is put in), with no clause mark (dsfact.matching.bodies._right_after_figure). English
only: Chinese tells the tranche before the sum (首期投入1000亿美元)."""
from __future__ import annotations

from dsfact.numbers.patterns import lazy

_PLACED = lazy(r"\s*(?:in|into|to|toward|towards)\s+(?:(?:the|a|an|its|their|this|that)\s+)?"
               r"[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*)?\s*$")


def placed_gap(gap: str) -> bool:
    """Whether `gap` (folded, between a figure and a word after it) is only the phrase that tells where the figure is put."""
    return _PLACED.match(gap) is not None

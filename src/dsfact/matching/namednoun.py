"""The noun phrase between a figure and a word that names it: "a $500 billion artificial intelligence
infrastructure project called Stargate" (dsfact.matching.structure.attributive reads three words at most as the
figure's own noun; up to five when none of them leads another noun the figure would belong to)."""
from __future__ import annotations

from dsfact.lang import words_of
from dsfact.numbers.patterns import lazy

NAMING_NOUN_WORDS = 5  # words at most between a figure and a naming word, when none links another noun
_ACRONYM = lazy(r"\s*\((?:[a-z][a-z.&-]{0,7})\)")  # a bracketed short form inside the noun: "intelligence (ai)"


def without_acronyms(words: str) -> str:
    """`words` (folded) without the bracketed short forms inside them: "artificial intelligence (ai) project"."""
    return _ACRONYM.sub("", words)


def naming_noun(latin: list[str]) -> bool:
    """Whether `latin`, the words between a figure and a naming word, may be the figure's own noun phrase: five
    words at most, none of them a word that puts the figure into another noun ("$19 billion for the site of the
    venture called": roles.words [owner] words and after)."""
    linking = set(words_of("roles", "owner")) | set(words_of("roles", "owner", "after"))
    return len(latin) <= NAMING_NOUN_WORDS and not linking.intersection(latin)

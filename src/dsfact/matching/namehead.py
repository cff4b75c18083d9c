"""A name that carries its claim's metric (docs/registry.md), read where the figure's noun phrase ends on it.

Right after the figure, a name that ends its phrase (a clause mark, the end of the text, or a word that opens
a new clause next: names.words [new-clause]) is the head the figure measures: "unveiled the €200 billion
InvestAI, but ...", "宣布€2000亿InvestAI但分散数年", "公布5000億美元星際之門，並……" state the plan's size as
firmly as "the €200 billion InvestAI plan" does. A noun after the name keeps it loose ("a $100 billion
Stargate site" may be a part)."""
from __future__ import annotations

from dsfact.lang import words_by_script

_MARKS = frozenset(",，.。;；:：!！?？、)）]】」』\"”'’")


def heads_phrase(folded: str, name_end: int) -> bool:
    """Whether the name ending at name_end ends the figure's noun phrase: nothing nominal follows it."""
    rest = folded[name_end:name_end + 12].lstrip(" \t")
    if not rest or rest[0] in _MARKS or rest[0] == "\n":
        return True
    latin, han = words_by_script("names", "new-clause", longest_first=True)
    word = rest.split(None, 1)[0].rstrip(",，")
    return word in latin or any(rest.startswith(w) for w in han)


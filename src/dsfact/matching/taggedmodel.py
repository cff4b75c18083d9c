"""A word of a new or latest model followed by the model's own tag names the model: "OpenAI最新版o1模型的相应收费分别为
15美元/百万和60美元/百万", "OpenAI最新版o1模型的定價", "its latest model, o1, charges $60". The words of an unnamed model
(roles.words [unnamed-model]: 最新版, "latest model") then leave nothing unnamed, and the price is that model's, judged
as any other (dsfact.matching.roles). A tag is a Latin word with a digit in it (o1, R1, V3, GPT-4o, o3-mini), right
after the word, past a space, a comma or a quote."""
from __future__ import annotations

from dsfact.numbers.patterns import lazy

ROLE = "unnamed-model"
_TAG = lazy(r"[\s,，“”\"「」]{0,2}(?=[a-z]*[-.]?[0-9])[a-z0-9][a-z0-9.\-]{0,14}(?![a-z0-9])")


def tagged_after(folded: str, role: str, end: int) -> bool:
    """Whether the words of role `role` ending at offset `end` of folded text are those of a model the text names
    by its tag right after them ("最新版o1模型", "latest model, o1")."""
    return role == ROLE and _TAG.match(folded, end) is not None

"""A figure that modifies a noun after it, in one English noun phrase: "a $600 billion artificial-intelligence (AI)
compute initiative", "a new $500 million AI project", "Trump's $500 billion data-centre plan". The noun that
closes the phrase is what the figure measures, however many plain words describe it between: it stands as near
the figure as "$600 billion initiative" would, not as far as its characters are (a bracket's gloss, "(AI)", is
no clause mark there). The phrase opens with a determiner or a possessive right before the figure, perhaps
after one adjective ("a new"); between the figure and the noun only a few words that are no function word
(roles.words [head-noun] `not`: a preposition, a verb of being, a relative word opens something else: "$500
billion in AI investment", "$600 billion that the plan") and no name ("a $19 billion SoftBank commitment": the
name's). A Chinese modifier joins its noun by 的 and is read elsewhere."""
from __future__ import annotations

from dsfact.lang import word_set
from dsfact.numbers.patterns import lazy

_REACH = 70  # characters between the figure and the noun that heads its phrase
_WORDS = 5  # words between them, a gloss aside
_GLOSS = lazy(r"\([a-z0-9 .&'’-]{1,12}\)")  # a short gloss in brackets: "(AI)", "(U.S.)"


def heads_phrase(text, q, hit) -> float | None:
    """How near the noun at `hit` stands to figure q when it heads the noun phrase q modifies (one more than the
    words between, a gloss aside); None when it does not. `text`: a TextCues."""
    folded = text.folded
    if hit.start <= q.end or hit.start - q.end > _REACH or not folded[q.start:hit.end].isascii():
        return None
    gap = _GLOSS.sub(" ", folded[q.end:hit.start])
    words = gap.split()
    stops = word_set("roles", "head-noun", "not")
    if len(words) > _WORDS or not gap[:1].isspace() or any(not w.replace("-", "").isalpha() or w in stops for w in words):
        return None
    if not _opens_phrase(folded[max(0, q.start - 40):q.start]):
        return None
    if any(text.index.names(h.cue) for h in text.hits_in(q.end, hit.start)):
        return None
    return 1.0 + len(words)


def _opens_phrase(before: str) -> bool:
    """Whether the words right before a figure open a noun phrase: a determiner ("a", "the", "its"), perhaps
    then one adjective ("a new"), or a possessive ("Trump's")."""
    words = before.split()
    if not words:
        return False
    if words[-1].endswith(("'s", "’s")) and len(words[-1]) > 2:
        return True
    determiners = word_set("roles", "head-noun", "before")
    return words[-1] in determiners or len(words) > 1 and words[-2] in determiners and words[-1].isalpha() \
        and words[-1] not in word_set("roles", "head-noun", "not")

"""A sum set aside as the claim's own quantity (issue 9): "Meta is allocating $60 billion to $65 billion in
capital expenditures", "Meta今年拨出650亿美元用于资本开支". A word of setting aside before a figure ("allocating",
拨出: roles.words [earmark] `before`) makes it a slice of some total, which may agree with a claim but never
contradicts it (dsfact.matching.family.earmarked_slice); but when the words right after the figure put it into
one of the claim's metric words (roles.words [earmark-own]: "in capital expenditures", "to capital spending",
用于资本开支), the sum set aside is the claim's quantity itself, not a part of it. Read by
dsfact.matching.family.for_own_event."""
from __future__ import annotations

from functools import lru_cache

from dsfact.fold import fold_text
from dsfact.matching.cues import has_cjk
from dsfact.matching.wordtables import Words, word_starting
from dsfact.model import Quantity

REACH = 12  # characters after the figure read for the word that puts it into the metric


def put_in_metric(text, q: Quantity, claim) -> bool:
    """Whether figure q (in `text`, a TextMatcher) is put into one of claim's metric words right after it: a
    word of roles.words [earmark-own] `after`, then (past its `near` words) a metric cue of the claim."""
    if not claim.metric_cues:
        return False
    folded = text.folded
    i = q.end
    while i < len(folded) and folded[i].isspace():
        i += 1
    chinese = has_cjk(folded[i:i + REACH])
    links, between = _links()
    metric = _metric_words(claim.metric_cues)
    for word in links:
        e = i + len(word)
        if not folded.startswith(word, i) or (word.isascii() and folded[e:e + 1].isalnum()):
            continue
        for _ in range(2):
            while e < len(folded) and folded[e].isspace():
                e += 1
            link = word_starting(folded, between, e)
            if link is None:
                break
            e += len(link)
        if metric.begins(folded, e, chinese):
            return True
    return False


@lru_cache(maxsize=1)
def _links() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from dsfact.lang import load_words

    table = load_words("roles").get("earmark-own", {})
    key = lambda w: -len(w)  # noqa: E731 (longest first)
    return (tuple(sorted((fold_text(w) for w in table.get("after", ())), key=key)),
            tuple(sorted((fold_text(w) for w in table.get("near", ())), key=key)))


@lru_cache(maxsize=64)
def _metric_words(cues: tuple[str, ...]) -> Words:
    return Words(tuple(fold_text(w) if not w.isascii() else w.lower() for w in cues))

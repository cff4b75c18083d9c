"""A share told again as a sum: "private investors put in 75%, or €150 billion", "民间投资占75%，即1500亿欧元".
The sum after the restating word (roles.words [share-told]) is that share of a total, a part of it, which
the words do not tell from the whole: it may agree with a claim but never contradicts it. Only a share with
no direction of its own: "Nvidia fell 17%, or $593 billion" restates a move by its sum, the claim's own
figure, and stays judged (so does a whole, 100%)."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.cues import has_cjk
from dsfact.model import Quantity

SHARE_GAP = 12  # at most this many characters between the share and its sum


@lru_cache(maxsize=1)
def _words():
    from dsfact.lang import load_words
    from dsfact.matching.wordtables import Words

    return Words(load_words("roles").get("share-told", {}).get("words", ()))


def share_told(text, q: Quantity) -> bool:
    """Whether figure q, a sum, restates the share told right before it in its sentence (`text`, a
    TextMatcher): a percent below 100 with no direction, then a comma and a word of [share-told]."""
    if q.unit == "pct" or q.unit == "date":
        return False
    si = text.sentence_of(q.start)
    before = [x for x in text.figures_in(text.sentences[si].start, q.start) if x.end <= q.start]
    if not before:
        return False
    share = before[-1]
    if share.unit != "pct" or share.direction is not None or not isinstance(share.value, (int, float)) \
            or share.value >= 100 or share.high is not None:
        return False
    gap = text.folded[share.end:q.start]
    if len(gap) > SHARE_GAP or not gap.lstrip().startswith((",", "，", "、")):
        return False
    words = gap.strip().lstrip(",，、").strip()
    chinese = has_cjk(words)
    return bool(words) and _words().before(words + " ", chinese, _starts(words, chinese), at_start=True)


def _starts(words: str, chinese: bool):
    from dsfact.matching.roles import lexicon

    return lexicon().between.tail_starts(words + " ", chinese)


@lru_cache(maxsize=1)
def _breakdown():
    from dsfact.lang import load_words
    from dsfact.matching.wordtables import Alternation

    return Alternation(load_words("roles").get("breakdown", {}).get("words", ()))


def broken_down(text, q: Quantity) -> bool:
    """Whether figure q is a member of a list its sentence announces as components before it (roles.words
    [breakdown]: "costs for different components detailed as follows: ... $82,000", "成本构成如下：……"): a part of a
    total, whatever the parts add up to. Only a sum or a count: a price per unit, a share or a move ("其中，英伟达
    大跌17%") is no component."""
    if q.unit in ("date", "pct", "ratio") or q.per is not None or q.direction is not None:
        return False
    start = text.sentences[text.sentence_of(q.start)].start
    folded = text.folded
    return _breakdown().get(has_cjk(folded[start:q.start])).search(folded, start, q.start) is not None

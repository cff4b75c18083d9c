"""Names that own a figure from beside it: the name a comparison sets the figure against ("versus $60 for
OpenAI's o1", roles.words [compared-owner]) and, in Chinese, the name a word of investing puts the figure
into, told before it after a word of direction ("软银将向星际之门投资190亿美元", roles.words [recipient]).
dsfact.matching.structure.owner_after gives such a name the figure."""
from __future__ import annotations

import bisect
from functools import lru_cache

from dsfact.lang import words_of
from dsfact.matching.roles import lexicon
from dsfact.matching.wordtables import word_then

_REACH = 24  # characters before a figure a word of comparison may end at


def compared_owner(matcher, q, words: tuple[str, ...]) -> int | None:
    """Where the name that owns figure q begins when a word of comparison stands right before the figure and
    one of `words` ("for") and a name right after it: "versus $60 for OpenAI's o1"."""
    folded = matcher.folded
    m = word_then(folded, q.end, words)
    if m is None or not any(h.start == m for h in matcher.hits_in(m, m + 60)):
        return None
    return m if lexicon().compared_before.ends(folded, max(0, q.start - _REACH), q.start, False) else None


def recipient_before(matcher, q) -> int | None:
    """Where the name begins that a Chinese word of investing ([owner] `before`) puts figure q into, when the name
    stands before the word in q's clause after a word of direction (向, 对) and another body is named before it
    as the investor: "软银将向星际之门投资190亿美元" is SoftBank's share put into Stargate, as "SoftBank will
    invest $19 billion in Stargate" is; None when the clause holds no such name."""
    folded = matcher.folded
    marks = matcher._marks
    k = bisect.bisect_right(marks, q.start) - 1
    start = max(marks[k] if k >= 0 else 0, matcher.sentences[matcher.sentence_of(q.start)].start)
    directions, investing = _words()
    if not any(folded.find(d, start, q.start) >= 0 for d in directions):
        return None
    hits = matcher.hits_in(start, q.start)
    naming = matcher.index.naming
    for i in range(len(hits) - 1, 0, -1):
        hit = hits[i]
        head = folded[max(start, hit.start - 3):hit.start].rstrip()
        if not head.endswith(directions) or not any(folded.find(w, hit.end, q.start) >= 0 for w in investing):
            continue
        # the one who invests, named first, is another body: "DeepSeek对V3的训练投入" names V3's own maker
        owned = set(naming(hit.cue)[1])
        if any((entity or subjects) and not owned.intersection(subjects)
               for entity, subjects in (naming(h.cue) for h in hits[:i] if h.end <= hit.start)):
            return hit.start
    return None


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of direction (roles.words [recipient]) and the Chinese words of investing ([owner] `before`),
    looked up once."""
    return words_of("roles", "recipient"), tuple(w for w in words_of("roles", "owner", "before") if not w.isascii())

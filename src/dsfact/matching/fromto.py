"""The two ends of a change told from one figure to another with the names of their owners: "reducing its
training cost from a reported $78 million for ChatGPT to just $5.6 million", "从ChatGPT的7800万美元降至560万美元".
A name inside the "from" part owns the first figure, not the one after "to" (roles.words [from-to])."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.wordtables import Pattern

_GAP = 24  # characters of words between the "to" word and the figure after it ("to just", "to a mere")


@lru_cache(maxsize=4)
def _words(key: str, chinese: bool) -> re.Pattern:
    """The words that open a change's "from" part ("before") or those of its "to" ("words"), as a pattern of whole
    words, each compiled when first searched (a text with no "from" word never compiles the openers'), without
    the Chinese words for a text that has no Chinese character (`chinese`: the FigureReader's, read once per text)."""
    from dsfact.lang import words_of

    return Pattern("{}", words_of("roles", "from-to", key)).get(chinese)


@lru_cache(maxsize=1)
def _opener_parts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first and the last parts of the words that open a "from" part: a match of the openers' pattern begins
    with a first part and ends with a last part (its parts joined by white space), so a stretch of text that holds
    no first part, or does not end with a last part, holds no match (or none that ends it): tested with `str.find`
    and `str.endswith` before the pattern is searched, as most figures have no "from" word near them."""
    from dsfact.lang import words_of

    words = [w.split() for w in words_of("roles", "from-to", "before")]
    return tuple(parts[0] for parts in words if parts), tuple(parts[-1] for parts in words if parts)


def _may_open(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] may hold a "from" word (its first part is there)."""
    return any(folded.find(part, start, end) >= 0 for part in _opener_parts()[0])


def in_from_part(text, q, hit) -> bool:
    """Whether the name at `hit` stands in the "from" part of a change whose "to" part is figure q, in q's
    clause (`text`, a TextMatcher): a "from" word before the name, then a figure of q's unit, then a "to" word
    with no figure between it and q."""
    folded, reader = text.folded, text.reader()
    start = reader.clause_span(q.start)[0]
    if hit.start < start or not _may_open(folded, start, hit.start):
        return False  # (no "from" word before the name: the "to" words are not searched for)
    to = None
    for m in _words("words", reader._chinese).finditer(folded, max(hit.end, q.start - _GAP), q.start):
        to = m
    if to is None or any(c.isdigit() for c in folded[to.end():q.start]):
        return False
    opened = list(_words("before", reader._chinese).finditer(folded, start, hit.start))
    if not opened:
        return False
    a = opened[-1].end()
    return any(a <= x.start and x.end <= to.start() and x.unit == q.unit for x in text.figures_in(a, to.start()))


def owned_in_from_part(text, q, ci: int) -> bool:
    """Whether figure q is the first end of such a change and a name right after it, before the "to" word,
    names its owner, and not claim ci's subject: "cut the cost from a reported $78 million for GPT-4o to $5.6
    million" tells GPT-4o's $78 million, whatever the sentence's subject (roles.words [compared-owner] words
    lead the name)."""
    folded, reader = text.folded, text.reader()
    start, end = reader.clause_span(q.start)
    if not _may_open(folded, start, q.start) \
            or not any(m.end() <= q.start for m in _words("before", reader._chinese).finditer(folded, start, q.start)):
        return False
    to = _words("words", reader._chinese).search(folded, q.end, end)
    if to is None or any(x.start < to.start() for x in text.figures_in(q.end, to.start()) if x is not q):
        return False
    from dsfact.lang import words_of

    gap = folded[q.end:to.start()].lstrip()
    word = next((w for w in words_of("roles", "compared-owner") if gap.startswith(w + " ")), None)
    if word is None:
        return False
    at = to.start() - len(gap) + len(word) + 1
    naming = text.index.naming
    for hit in text.hits_in(at, to.start()):
        entity, subjects = naming(hit.cue)
        if entity or subjects:
            return hit.start - at <= 4 and ci not in subjects  # ("for the GPT-4o", "for OpenAI's GPT-4o": its first name)
    return False


def from_hits(reader, role, k: int) -> bool:
    """Whether a clause word of a doubting role (roles.words) attaches to the first end of the change whose
    second end is figure k (from_end): the doubt holds for both ends."""
    if not role.doubt:
        return False
    j = reader.asked.get(("from", k), -1)
    if j == -1:  # (once per figure: asked for each doubting role)
        j = reader.asked[("from", k)] = from_end(reader, k)
    return j is not None and bool(reader._hits_for(role, j))


def from_end(reader, k: int) -> int | None:
    """The index of the figure that opens the "from" part of a change whose "to" part is figure k, in a
    FigureReader's figures: "from 200,000 to 1 million GPUs", "从20万块增至100万块" (a "from" word right before
    it, only a "to" word and the first figure's unit words between the two). A word that puts the first end
    in doubt (a growth under way: "is expanding his supercomputer from 200,000 to 1 million") holds for both."""
    if k < 1 or k >= len(reader.quantities):
        return None
    a, b = reader.quantities[k - 1], reader.quantities[k]
    folded = reader.folded
    head = folded[max(0, a.start - 12):a.start].rstrip()
    if not head.endswith(_opener_parts()[1]) or not any(m.end() == len(head) for m in _words("before", reader._chinese).finditer(head)):
        return None
    gap = folded[a.end:b.start]
    to = None
    for m in _words("words", reader._chinese).finditer(gap):
        to = m
    if to is None or to.start() > _GAP or any(c.isdigit() or c in ",，;；" for c in gap):
        return None
    return k - 1

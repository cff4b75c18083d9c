"""Words a page glued together when it flattened a table: cells joined with no space between them ("$0.55 input /
$2.19 outputDeepSeek R1", "Output priceOpenAI o1"). A word that ends in three small letters and runs straight into
a capitalised one ("output" + "DeepSeek") is two words to a reader: the metric and kind words (no name) that make
up each part are found as if a space stood between them, so "output" still says which price $2.19 is. A name
glued to a cell is not read out of it (a row's trailing "Winner" cell names no subject of its figures), and a
word that is itself a name written so ("DeepSeek", "SoftBank") is left whole. Read by dsfact.matching.text."""
from __future__ import annotations

import re

from dsfact.matching.cues import CueHit

# "outpu|t|Deep": small letters, then a capitalised word, the match its capital; led by the class of capitals, which
# the regex engine skips to in C (the same starts as the zero-width `(?<=[a-z]{3})(?=[A-Z][a-z])`, which is tried
# at every character, behind a look-ahead at a capital or not: two joints never stand side by side)
_JOINT = re.compile(r"[A-Z](?<=[a-z]{3}[A-Z])(?=[a-z])")
_WINDOW = 60  # characters after a joint searched for a cue that begins there ("deepseek r1")


def _ascii_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


def glued_hits(index, text: str, folded: str, hits: list) -> list:
    """`hits` (an index's cue hits of folded text, sorted) with the hits of the parts of glued words of `text`: the
    cues, names aside, that make up the part before each joint (from its word's start) and those that begin
    right at it."""
    if len(text) != len(folded) or _JOINT.search(text) is None:
        return hits
    extra, named = [], {}
    for m in _JOINT.finditer(text):
        i = a = b = m.start()
        while a > 0 and _ascii_word(folded[a - 1]):
            a -= 1
        while b < len(folded) and _ascii_word(folded[b]):
            b += 1
        word = folded[a:b]
        if word not in named:  # a name written so ("DeepSeek", "SoftBank"): its own cue, no glued words
            named[word] = any(h.start == 0 and h.end == len(word) for h in index.find(word))
        if named[word]:
            continue
        extra += [CueHit(a + h.start, a + h.end, h.cue) for h in index.find(folded[a:i]) if not index.names(h.cue)]
        extra += [CueHit(i + h.start, i + h.end, h.cue) for h in index.find(folded[i:i + _WINDOW])
                  if h.start == 0 and not index.names(h.cue)]
    if not extra:
        return hits
    seen = {(h.start, h.end, h.cue) for h in hits}
    merged = hits + [h for h in extra if (h.start, h.end, h.cue) not in seen]
    merged.sort(key=lambda h: (h.start, -h.end))
    return merged

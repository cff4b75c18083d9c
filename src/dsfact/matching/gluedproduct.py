"""A registered name glued to a product word in Chinese text: "DeepSeekR1API服务定价为……", "V3API的价格", "R1App下载量". A
Latin word is read as one token, so "deepseekr1api" names nothing, and the prices after it take no subject. In a word
that touches a Chinese character, a name (a subject or an entity cue that makes up the whole rest of the word) before
a product word of lang/names.words [glued-product] (API, App) is read as that name, and the product word as its
own cue. Nothing else is split: a name glued to other letters ("R1X", "DeepSeekers") is another word, and an English
text that writes "R1API" is left as it is. Read by dsfact.matching.text."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.matching.cues import CueHit, is_cjk
from dsfact.numbers.patterns import lazy

_WORD = lazy(r"[a-z0-9]{4,}")  # a folded Latin token long enough to hold a name and a product word


def glued_products(index, folded: str, hits: list[CueHit]) -> list[CueHit]:
    """`hits` with the hits of each name glued to a product word in a Latin word beside a Chinese character."""
    if not has_han(folded):
        return hits
    from dsfact.lang import words_of

    products = words_of("names", "glued-product", longest_first=True)
    extra: list[CueHit] = []
    for m in _WORD.finditer(folded):
        a, b = m.span()
        if not (a > 0 and is_cjk(folded[a - 1]) or b < len(folded) and is_cjk(folded[b])):
            continue
        word = m.group()
        product = next((w for w in products if word.endswith(w) and len(word) - len(w) >= 2), None)
        if product is None:
            continue
        rest = len(word) - len(product)
        named = [h for h in index.find(word[:rest]) if h.start == 0 and h.end == rest and index.names(h.cue)]
        if named:
            extra += [CueHit(a + h.start, a + h.end, h.cue) for h in named]
            extra += [CueHit(a + rest + h.start, a + rest + h.end, h.cue) for h in index.find(product)
                      if h.start == 0 and h.end == len(product)]
    if not extra:
        return hits
    merged = hits + extra
    merged.sort(key=lambda h: (h.start, -h.end))
    return merged

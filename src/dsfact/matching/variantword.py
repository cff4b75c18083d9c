"""Which figure a variant word (cache hit, 缓存命中, 一度, intraday) qualifies when two figures of one unit stand
near it: the one it shares a stretch of clause with, not one parted from it by a clause mark or a bracket."""
from __future__ import annotations

STRETCH = 12  # how far after a variant word its figure may stand in a bracket ("（缓存命中时0.14美元）")
_PARTS = frozenset(",，;；:：、()（）。")


def parted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a clause mark or a bracket: what stands on its two sides is told apart."""
    return any(c in _PARTS for c in text[start:end])


_RELASIDE: list = []  # relaside.in_aside_before, imported on the first call, not at start-up nor on every call


def told_beside_other(cues, q, hit) -> bool:
    """Whether a variant word stands in one stretch of clause with another figure of q's unit, parted from
    q by a clause mark or a bracket, which the word then qualifies: "R1's input price is $0.55, or $0.14
    when the cache hits", "输入0.55美元（缓存命中时0.14美元）": the cache hit is the $0.14, not the $0.55.
    A word in a relative aside closed before q (dsfact.matching.relaside) is the aside's too. `cues`: the
    text's TextCues (its figures, read and in use). A word before q that governs another figure of another unit
    between them ("pre-trained on 14.8T tokens with 2.788M GPU hours") is that figure's (_governs)."""
    if not _RELASIDE:
        from dsfact.matching.relaside import in_aside_before

        _RELASIDE.append(in_aside_before)
    if _RELASIDE[0](cues, hit, q.start):
        return True  # "Nvidia, which at one point was worth the most, fell 17%": the aside's word
    text = cues.text
    if hit.start >= q.end:
        near = [x for x in cues.figures_in(q.end, hit.start) if x.unit == q.unit]
        after = cues.figures_in(hit.end, hit.end + STRETCH)[:1]
        near += [x for x in after if x.unit == q.unit and not parted(text, hit.end, x.start)]
        return any(not parted(text, min(x.end, hit.end), max(x.start, hit.start))
                   and parted(text, q.end, min(x.start, hit.start)) for x in near)
    between = cues.figures_in(hit.end, q.start)
    if between and between[0].unit not in (q.unit, "date") and _governs(text, hit.end, between[0].start):
        return True  # "pre-trained on 14.8T tokens with 2.788M GPU hours": the word is the tokens' verb
    near = [x for x in between if x.unit == q.unit]
    return any(not parted(text, hit.end, x.start) and parted(text, x.end, q.start) for x in near)


def _governs(text: str, end: int, start: int) -> bool:
    """Whether a variant word ending at `end` governs the figure that starts at `start`: nothing stands between them
    but a word of roles.words [variant-object] ("pre-trained on 14.8T tokens", 预训练了14.8万亿token)."""
    from dsfact.lang import words_of

    gap = text[end:start].strip().lower()
    return not gap or gap in words_of("roles", "variant-object")

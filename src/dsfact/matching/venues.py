"""Another provider's price of a registered model, told by the place it is sold: "R1 costs $7 per million output
tokens on Together AI", "Through Azure, R1 costs $7", "在硅基流动上，R1每百万输出tokens 20元", "火山引擎上的R1".
A body of the registry's entities (the subject of no claim) named right after a word of place (names.words
[venue] `before`: on, via, through, 在, 通过) or right before one (`after`: 上, 平台), in a price's clause or in the
phrase that opens its sentence, with no other figure between, is where the price is charged: it may agree with
the maker's own list price, never contradicts it. In Chinese the place's product name may stand between the
body and its place word (阿里云百炼平台上). Not a name that only qualifies a product ("runs on Huawei chips"):
the hardware a model runs on sells nothing. The place that so prices a sentence's first figure covers the prices
listed after it with no name between ("火山引擎上的R1每百万输入tokens 2元，输出8元")."""
from __future__ import annotations

from dsfact.matching.aside import qualifies_product
from dsfact.matching.cues import has_cjk
from dsfact.matching.wordtables import word_ending

_TABLE: list = []  # [the `before` words, longest first, the `after` words, longest first], read once


def _words() -> list:
    if not _TABLE:
        from dsfact.lang import words_of

        _TABLE[:] = [words_of("names", "venue", "before", longest_first=True),
                     words_of("names", "venue", "after", longest_first=True)]
    return _TABLE


def sold_elsewhere(text, q, claim) -> bool:
    """Whether price q (of `text`, a TextMatcher), bound to a claim of a price, is told as charged at another
    provider's place."""
    if claim.kind != "price":
        return False
    reader = text.reader()
    lo, hi = reader.clause_span(q.start)
    sentence = text.sentences[text.sentence_of(q.start)]
    if sentence.start < lo and not text.figures_in(sentence.start, q.start):
        lo = sentence.start  # "Through Azure, R1 costs $7": the phrase opening the sentence
    if q.per is not None and _placed_in(text, q, lo, hi):
        return True
    # "火山引擎上的DeepSeek-R1每百万输入tokens 2元，输出8元": the place that opens the sentence covers the prices listed
    # after its first one, when no name between them opens a subject of their own
    first = text.figures_in(sentence.start, q.start)
    if not first or first[0].per is None:
        return False
    head = first[0]
    head_lo, head_hi = reader.clause_span(head.start)
    if sentence.start < head_lo:
        head_lo = sentence.start  # (no figure stands before the sentence's first)
    naming = text.index.naming
    if any(any(naming(h.cue)) for h in text.hits_in(head.end, q.start)):
        return False
    return _placed_in(text, head, head_lo, head_hi)


def _placed_in(text, q, lo: int, hi: int) -> bool:
    """Whether a body of the registry's entities stands placed (by a word of place) in folded[lo:hi], with no figure
    between it and price q."""
    naming, folded = text.index.naming, text.folded
    hits = text.hits_in(lo, hi)
    for k, hit in enumerate(hits):
        entity, subjects = naming(hit.cue)
        if not entity or subjects or text._figure_between(q, hit) or qualifies_product(text, hit, hits[k + 1:k + 3]):
            continue
        if _placed(folded, hit.start, hit.end, has_cjk(folded[hit.start:hit.end + 1])):
            return True
    return False


def _placed(folded: str, start: int, end: int, chinese: bool) -> bool:
    """Whether the name at folded[start:end] stands right after a word of place or, in Chinese, right before one."""
    before, after = _words()
    lead = folded[max(0, start - 16):start].rstrip()
    if word_ending(lead, before) is not None:
        return True
    if not chinese:
        return False
    # the place's own product name may stand between: 阿里云百炼平台上, 百度智能云千帆平台
    gap = 0
    while gap <= _PRODUCT_GAP and end + gap < len(folded):
        if any(folded.startswith(word, end + gap) for word in after):
            return True
        c = folded[end + gap]
        if not (c.isascii() and c.isalnum() or "\u4e00" <= c <= "\u9fff") or c in _NOT_PRODUCT:
            return False
        gap += 1
    return False


_PRODUCT_GAP = 6  # characters of a product name between a provider's name and its place word
_NOT_PRODUCT = frozenset("的是为在将把和与及")  # a clause goes on: no product name

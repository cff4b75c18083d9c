"""A sentence that points back with a noun carries the exclude words of the sentence it points to, loosely.

"歐盟的行動計畫包括興建5座AI超級工廠。該倡議將透過InvestAI提供支持，歐盟預計投入200億歐元", "欧盟的行动计划
包括兴建5座AI超级工厂。该倡议将由InvestAI支持，欧盟将投入200亿欧元", "The EU's plan includes five AI
gigafactories. The initiative will be backed by InvestAI, with the EU putting in €20 billion": the sentence
that opens with a noun pointing back (names.words [referent] or [pointed-noun]: 該倡議, "the initiative")
goes on with the thing the sentence before spoke of, and a claim's exclude word there (超級工廠,
gigafactories: what the sum is spent on) may be what the figure pays for. The figure then binds that claim
loosely: it may agree, never contradict. Only when the sentence before holds no figure of the figure's unit
(which would own the word) and stands in the same paragraph.
"""
from __future__ import annotations

import functools

from dsfact.matching.cues import EXCLUDE
from dsfact.matching.pointednoun import _opens_pointing, opens_with


@functools.cache
def _referents() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return words_of("names", "referent", "before", longest_first=True)


def pointed_exclusions(text, q, si: int, bound) -> set[int]:
    """The claims of `bound` (claim positions) an exclude word of the sentence before q's rules out loosely, when
    q's sentence opens, before q, with a noun that points back."""
    if si == 0 or not bound:
        return set()
    sentence, earlier = text.sentences[si], text.sentences[si - 1]
    if earlier.paragraph != sentence.paragraph:
        return set()
    folded = text.folded
    if not (opens_with(folded, sentence.start, q.start, _referents()) or _opens_pointing(folded, sentence.start, q.start)):
        return set()
    if any(x.unit == q.unit for x in text.figures_in(earlier.start, earlier.end)):
        return set()  # the word is that figure's
    out = set()
    for hit in text.sentence_hits(si - 1):
        out.update(ci for ci, role in text.roles_of(hit) if role == EXCLUDE and ci in bound)
    return out

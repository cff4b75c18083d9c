"""A figure told as the sum of several bodies, in a sentence that names none of them: "Microsoft, Amazon, Alphabet
and Meta are racing. Collectively, the four companies plan to spend $380 billion in 2025", "……Meta也在加码。四家公司
2025年合计支出逾4000亿美元". Its words (names.words [group-sum]: "collectively", "between them", "the four companies",
四家公司, 四大巨头) before the figure in its sentence say the sum is the group's, so the sentence borrows no single
member's subject from the one before (dsfact.matching.matcher): Meta's 2025 spending is not the four companies'. A
sentence that names the member itself ("Meta alone plans to spend $65 billion") is bound by its own name as before.

A group of a subject's own partners (a claim's `cues.members`: OpenAI, SoftBank and Oracle for Stargate), two or more
of them named earlier in the text, is that subject: their sum is its sum ("OpenAI, SoftBank and Oracle launched
Stargate ... The three companies will invest $500 billion over four years", 三家公司未来四年投入5000亿美元): the
sentence may borrow that subject, loosely (two partners also make other deals together: a figure may agree,
never contradict), and no other ("Meta plans ... Collectively, the four companies": not Meta's). The words are
data; this module holds the mechanism."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _pattern():
    """names.words [group-sum]: `words`, alone; a count of `before` then a noun of `after` ("the four companies",
    四家公司), English words whole, Chinese ones anywhere (dsfact.matching.wordtables)."""
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import Pattern

    return Pattern(r"{}|(?:{})\s*(?:{})", *(words_of("names", "group-sum", key) for key in ("words", "before", "after")))


def group_left(reader, si: int, q, missing: list[int]) -> list[int]:
    """The claims of `missing` (whose subject the sentence `si` of the reader, a TextMatcher, lacks) that figure q
    may still borrow a subject for: all of them when no word of a group's sum stands before q in its sentence; else
    only those whose partners the group is, which it marks loose."""
    start = reader.sentences[si].start  # (without its Chinese words for a text with none: Pattern.get)
    if _pattern().get(reader.reader()._chinese).search(reader.folded, start, q.start) is None:
        return missing
    partners = [ci for ci in missing if _partners_named(reader, ci, start)]
    reader._loose.update(partners)
    return partners


def _partners_named(reader, ci: int, end: int) -> bool:
    """Whether two or more of the partners of claim ci's subject (its `cues.members`) are named before offset `end`."""
    from dsfact.matching.wordtables import word_places

    registry, folded = reader.registry, reader.folded
    names = {registry.folded_cues.get(c) or c.lower() for c in registry.claims[ci].member_cues}
    return sum(next(word_places(folded, name, 0, end), None) is not None for name in names) >= 2

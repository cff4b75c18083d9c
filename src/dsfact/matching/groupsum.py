"""A figure told as the sum of several bodies, in a sentence that names none of them: "Microsoft, Amazon, Alphabet
and Meta are racing. Collectively, the four companies plan to spend $380 billion in 2025", "……Meta也在加码。四家公司
2025年合计支出逾4000亿美元". Its words (names.words [group-sum]: "collectively", "between them", "the four companies",
四家公司, 四大巨头) before the figure in its sentence say the sum is the group's, so the sentence borrows no single
member's subject from the one before (dsfact.matching.matcher): Meta's 2025 spending is not the four companies'. A
sentence that names the member itself ("Meta alone plans to spend $65 billion") is bound by its own name as before.
The words are data; this module holds the mechanism."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """names.words [group-sum]: `words`, alone; a count of `before` then a noun of `after` ("the four companies",
    四家公司), English words whole, Chinese ones anywhere."""
    from dsfact.lang import words_of

    def alternation(key: str) -> str:
        words = sorted(words_of("names", "group-sum", key), key=len, reverse=True)
        return "|".join(r"\s*".join(map(re.escape, w.split())) if not w.isascii() else r"\s+".join(map(re.escape, w.split()))
                        for w in words)

    group = rf"(?:{alternation('before')})\s*(?:{alternation('after')})"
    return re.compile(rf"(?<![a-z0-9])(?:{alternation('words')}|{group})(?![a-z])")


def group_sum(reader, si: int, q) -> bool:
    """Whether the sentence `si` of the reader (a TextMatcher) tells, before figure q, a word of a group's sum."""
    start = reader.sentences[si].start
    return _pattern().search(reader.folded, start, q.start) is not None

"""The model another is built on: "DeepSeek-R1, built on V3, was trained on 512 H800 chips", "R1, which builds on
V3, needed only 512 GPUs", "训练R1在V3的基础上使用了512块H800". A registered name right after a word of
names.words [base-of] `before` ("built on", "on top of", 基于) or right before one of its `after` (的基础上) is
the base of the sentence's model: it is no subject of the figure (its figures are the built model's), and the
words that rule out claims for its own figures ("V3" against R1's own run) rule none out here."""
from __future__ import annotations

from functools import lru_cache

_BEFORE_REACH = 16  # characters of the words before a name looked at


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """names.words [base-of]: its Latin `before` words, its Chinese ones, its `after` words."""
    from dsfact.lang import words_by_script, words_of

    latin, chinese = words_by_script("names", "base-of", "before")
    return tuple(latin), tuple(chinese), tuple(words_of("names", "base-of", "after", longest_first=True))


def built_on(folded: str, hit) -> bool:
    """Whether the name at folded[hit.start:hit.end] is the base another model is built on."""
    latin, chinese, after = _words()
    before = folded[max(0, hit.start - _BEFORE_REACH):hit.start]
    if chinese and before.endswith(chinese) or after and folded.startswith(after, hit.end):
        return True
    words = before.rstrip().split()
    if words and words[-1] in ("the", "a", "an"):
        words.pop()
    tail = " ".join(words)
    return any(tail == w or tail.endswith(" " + w) for w in latin)

"""The model another is built on: "DeepSeek-R1, built on V3, was trained on 512 H800 chips", "R1, which builds on
V3, needed only 512 GPUs", "训练R1在V3的基础上使用了512块H800"; and the model another member of its family is a
version of: "R1-Lite, a preview of R1, came out on November 20", R1-Lite是R1的预览版. A registered name right
after a word of names.words [base-of] or [version-of] `before` ("built on", "on top of", 基于, "a preview of") or
right before one of their `after` (的基础上, 的预览版) is the base or the parent of the sentence's model: it is no
subject of the figure (its figures are the other model's), and the words that rule out claims for its own figures
("V3" against R1's own run) rule none out here."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.memo import LastText

_BEFORE_REACH = 24  # characters of the words before a name looked at ("distilled versions of ")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], int, tuple[str, ...], tuple[str, ...]]:
    """names.words [base-of], [version-of] and [level-of]: their Latin `before` words (a set, and the most words one holds),
    their Chinese ones, their `after` words (longest first)."""
    from dsfact.lang import words_by_script, words_of

    latin, chinese, after = [], [], []
    for table in ("base-of", "version-of", "level-of"):
        words = words_by_script("names", table, "before")
        latin += words[0]
        chinese += words[1]
        after += words_of("names", table, "after")
    longest = max((len(w.split()) for w in latin), default=0)
    return frozenset(latin), longest, tuple(chinese), tuple(sorted(after, key=len, reverse=True))


@lru_cache(maxsize=1)
def _cjk_after() -> tuple[str, ...]:
    """The Chinese `after` words of _words(), longest first."""
    return tuple(w for w in _words()[3] if not w.isascii())


_SAID = LastText()  # the text last asked about -> (start, end) of a name -> built_on


def built_on(folded: str, hit) -> bool:
    """Whether the name at folded[hit.start:hit.end] is the base another model is built on. Said once per name
    of a text: each figure of a sentence asks it of the sentence's names."""
    said = _SAID.of(folded)
    key = (hit.start, hit.end)
    found = said.get(key)
    if found is None:
        found = said[key] = _built_on(folded, hit.start, hit.end)
    return found


def _built_on(folded: str, start: int, end: int) -> bool:
    latin, longest, chinese, after = _words()
    before = folded[max(0, start - _BEFORE_REACH):start]
    if chinese and before.endswith(chinese) or after and folded.startswith(after, end):
        return True
    # one space may part a Latin name from the Chinese words after it ("在 DeepSeek-V3 基座上扩展")
    if folded[end:end + 1] == " " and folded[end - 1:end].isascii() and _cjk_after() \
            and folded.startswith(_cjk_after(), end + 1):
        return True
    words = before.rstrip().split()
    if words and words[-1] in ("the", "a", "an"):
        words.pop()
    if not words:
        return "" in latin
    # a Latin word ends the words before the name: it is all of them or follows a space (words joined by one); each
    # join ends with the last word, so none is listed unless a listed word ends with it (one set look-up for most)
    return words[-1] in _last_words() \
        and any(" ".join(words[k:]) in latin for k in range(max(0, len(words) - longest), len(words)))


@lru_cache(maxsize=1)
def _last_words() -> frozenset[str]:
    """The last word of each Latin `before` word of _words() ("on" of "built on")."""
    return frozenset(w.split()[-1] for w in _words()[0] if w.split())

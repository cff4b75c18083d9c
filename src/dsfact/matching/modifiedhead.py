"""A noun that points back with words of its kind between the pointing word and the noun: "This ambitious
initiative aims to invest ...", "The new venture will spend ...", 该大型项目, 这项庞大计划.

names.words [referent] lists the pointing phrases a sentence may open with ("this initiative", 该项目); a writer
often puts a word or two saying what kind of thing it is between ("this ambitious initiative", 该大型项目). Those
words are the ones names.words [referent-modifier] already passes between a name and its noun ("the Stargate AI
project", 名为星际之门的大型项目): they say nothing of another thing. Dropped (at most _MOST of them, and only
right after the pointing word), the phrase is read as the plain one: it points back to the name that noun was
given, firmly as "this initiative" does (dsfact.matching.referents), and is no pointing noun of another thing
(dsfact.matching.pointednoun). A word not of that list ("this Wisconsin project", 该数据中心项目) keeps the phrase
unread: a site, a part, another thing of the noun."""
from __future__ import annotations

_MOST = 3  # modifier words read between the pointing word and its noun
_POINTERS: dict[int, tuple[str, ...]] = {}  # id(before words) -> the pointing words before a noun ("this ", 该)


def unmodified(head: str, words: tuple[str, ...], nouns: tuple[str, ...], modifiers: tuple[str, ...]) -> str | None:
    """`head` (a folded sentence head) with the modifier words right after its pointing word dropped, when it opens
    with a pointing word of `words` (names.words [referent] `before`, whose `nouns` are `words`) followed by one or
    more of `modifiers` (longest first); None when it does not."""
    pointers = _pointers(words, nouns)
    if not head.startswith(pointers):
        return None  # (most heads: one test of the tuple)
    for pointer in pointers:
        if not head.startswith(pointer):
            continue
        rest, dropped = head[len(pointer):], 0
        while dropped < _MOST:
            word = next((m for m in modifiers if rest.startswith(m) and _whole(m, rest)), None)
            if word is None:
                break
            rest, dropped = rest[len(word):].lstrip(" ") if word.isascii() else rest[len(word):], dropped + 1
        if dropped:
            return pointer + rest
    return None


def _whole(word: str, rest: str) -> bool:
    """Whether `word`, opening `rest`, stands whole: a Latin word is followed by a space (another word follows)."""
    return not word.isascii() or rest[len(word):len(word) + 1] == " "


def _pointers(words: tuple[str, ...], nouns: tuple[str, ...]) -> tuple[str, ...]:
    """The pointing words of `words` that stand before one of `nouns` ("this " of "this initiative", 该 of 该项目),
    longest first, worked out once per word tuple (the caller's is cached)."""
    found = _POINTERS.get(id(words))
    if found is None:
        out = {w[:-len(n)] for w in words for n in nouns if w.endswith(n) and len(w) > len(n)}
        found = _POINTERS[id(words)] = tuple(sorted(out, key=len, reverse=True))
    return found

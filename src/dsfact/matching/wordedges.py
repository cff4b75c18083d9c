"""Where words stand in text, whole at a Latin edge (no letter or digit of a Latin word's own run right before or
after it), looked up with `str.startswith` and `str.find`, compiling nothing: the helpers every rule that reads a
word list right before or after an offset shares ("founded just 20 months", 成立仅20个月: `word_ending`; "20 months
old", 有20个月历史: `word_starting`), rather than a copy of the test of the letters around the word in each rule.
Re-exported by dsfact.matching.wordtables, where they lived first."""
from __future__ import annotations

from collections.abc import Iterator


def space_end(text: str, i: int) -> int:
    """Where the run of white space at offset i of text ends (i if there is none)."""
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i


def word_then(text: str, i: int, words: tuple[str, ...]) -> int | None:
    """Where a name begins if white space, one of `words` (tried in order), white space and perhaps "the"
    follow offset i of text, something not white space after them: the regex
    `\\s+(?:words)\\s+(?:the\\s+)?(?=\\S)` matched at i."""
    j = space_end(text, i)
    if j == i:
        return None
    for word in words:
        k = j + len(word)
        if not text.startswith(word, j) or space_end(text, k) == k:
            continue
        k = space_end(text, k)
        if k < len(text):
            e = space_end(text, k + 3)
            return e if text.startswith("the", k) and k + 3 < e < len(text) else k
    return None


def whole_at(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] stands whole: no letter or digit right before or right after it."""
    return (a == 0 or not text[a - 1].isalnum()) and (b >= len(text) or not text[b].isalnum())


def _latin(c: str) -> bool:
    return c.isascii() and c.isalnum()


# a long word list asked at many offsets (a tuple of words_of, kept for the process) -> (that tuple, its words by
# first character, in its order): word_starting tries only the words that begin with the character at the offset
_BY_FIRST: dict[int, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {}
_INDEXED_FROM = 8  # words in a list before indexing it repays (a shorter one is tried word by word)


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words of a tuple by their first character, each group in the tuple's order; made once per tuple (held
    with the tuple, so that its id stays its own; a few hundred lists at most, then made afresh)."""
    found = _BY_FIRST.get(id(words))
    if found is None or found[0] is not words:
        groups: dict[str, list[str]] = {}
        for w in words:
            groups.setdefault(w[0], []).append(w)
        if len(_BY_FIRST) >= 256:
            _BY_FIRST.clear()
        found = _BY_FIRST[id(words)] = (words, {c: tuple(ws) for c, ws in groups.items()})
    return found[1]


def word_starting(text: str, words, i: int = 0) -> str | None:
    """The first of `words` (give them longest first where one begins another) that begins at offset i of text
    and stands whole at a Latin edge: a word's Latin letter or digit at its end (its start) has no letter or digit
    of any script right after it (right before it). The regex `(?:words)` matched at i, a Latin word whole:
    "old" opens "old start-up" but not "older rivals"; 历史 opens 历史的 (a Chinese edge is never guarded)."""
    n = len(text)
    if type(words) is tuple and len(words) >= _INDEXED_FROM and 0 <= i:
        if i >= n:
            return None
        words = _by_first(words).get(text[i], ())  # only a word that begins with text[i] can begin there
    for w in words:
        e = i + len(w)
        if text.startswith(w, i) and not (_latin(w[-1]) and e < n and text[e].isalnum()) \
                and not (_latin(w[0]) and i > 0 and text[i - 1].isalnum()):
            return w
    return None


def word_ending(text: str, words, e: int | None = None) -> str | None:
    """The first of `words` (give them longest first where one ends another) that ends at offset e of text (its
    end by default) and stands whole at a Latin edge, as `word_starting` reads it: "founded" ends "the lab, founded"
    but not "unfounded"; 仅 ends 成立仅."""
    e = len(text) if e is None else e
    for w in words:
        a = e - len(w)
        if a >= 0 and text.startswith(w, a) and not (_latin(w[0]) and a > 0 and text[a - 1].isalnum()) \
                and not (_latin(w[-1]) and e < len(text) and text[e].isalnum()):
            return w
    return None


def word_places(text: str, word: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Every offset where `word` stands in text[start:end], in order: a Latin (ASCII) word only where it stands
    whole (whole_at), a Chinese one anywhere."""
    end = len(text) if end is None else end
    latin = word.isascii()
    at = text.find(word, start, end)
    while at >= 0:
        if not latin or whole_at(text, at, at + len(word)):
            yield at
        at = text.find(word, at + 1, end)


def any_word_in(text: str, words, start: int = 0, end: int | None = None) -> bool:
    """Whether one of `words` stands in text[start:end] as word_places finds it: a Latin (ASCII) word whole, a
    Chinese one anywhere."""
    return any(next(word_places(text, w, start, end), None) is not None for w in words)


def whole_word_in(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether one of `words` (each beginning and ending with a letter or digit) stands whole in
    text[start:end]: the regex `\\b(?:words)\\b` searched there (a word's neighbours are letters, digits
    and _ of any script)."""
    for word in words:
        k = text.find(word, start, end)
        while k >= 0:
            e = k + len(word)
            if (k == 0 or not _in_word(text[k - 1])) and (e == end or not _in_word(text[e])):
                return True
            k = text.find(word, k + 1, end)
    return False


def _in_word(c: str) -> bool:
    return c.isalnum() or c == "_"

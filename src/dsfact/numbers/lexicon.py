"""Word lists found by table lookup, not by one regular expression per list.

A list of a few hundred words as one alternation costs milliseconds to compile (Python's regular
expression compiler is pure Python, and its cost grows with the pattern), more than reading a short
article. A `Lexicon` finds the same words as that alternation would, leftmost first and the longest
word first at each place, by dict lookups at each place a word can begin (a run of Latin letters, or a
character some other word begins with); the windows it reads are a few dozen characters.

Latin words are read in any case, at the start of a word and not followed by a letter, a space in a
word standing for any run of white space ("more than"); other words (Chinese, signs) anywhere. A word
may carry a guard, written in the language data as "近 (not after 最附)" or "超 (not before 过)".
"""
from __future__ import annotations

import re

_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def spaced(word: str) -> str:
    """A word escaped for a pattern, with any run of white space where it has a space ("per cent")."""
    return re.escape(word).replace(r"\ ", r"\s+")


def split_guard(word: str) -> tuple[str, str, str]:
    """A word of the language data and its guard characters: ("近", "最附", "") for "近 (not after 最附)",
    ("超", "", "过") for "超 (not before 过)"; a plain word has none."""
    if word.endswith(")") and "(not " in word:
        head, _, guard = word[:-1].rpartition("(not ")
        side, _, chars = guard.partition(" ")
        if head.strip() and side in ("after", "before") and chars.strip():
            chars = chars.replace(" ", "")
            return (head.strip(), chars, "") if side == "after" else (head.strip(), "", chars)
    return word, "", ""


def _is_latin(word: str) -> bool:
    return word[:1] in _LATIN


class Lexicon:
    """Words of several kinds; `finditer` finds them as the alternation of all the words would."""

    __slots__ = ("kinds", "_latin", "_other", "_starts", "_leads")

    def __init__(self, groups: list[tuple[str, tuple[str, ...]]]) -> None:
        self.kinds: dict[str, str] = {}  # a word found (lower case, single spaces) -> its kind
        latin: list[tuple[int, str, str, str]] = []
        other: list[tuple[int, str, str, str]] = []
        for kind, words in groups:
            for raw in words:
                word, after, before = split_guard(raw)
                if _is_latin(word):
                    self.kinds.setdefault(word.lower(), kind)
                    latin.append((len(spaced(word)), word.lower(), after, before))
                else:
                    self.kinds.setdefault(word, kind)
                    size = len(word) if (after or before) else len(re.escape(word))
                    other.append((size, word, after, before))
        latin.sort(key=lambda e: e[0], reverse=True)  # stable: as the alternation's order
        other.sort(key=lambda e: e[0], reverse=True)
        # Latin words by their first run of letters (the run of letters a word begins at must be it).
        self._latin: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for _, word, after, before in latin:
            k = 0
            while k < len(word) and word[k] in _LATIN:
                k += 1
            run = word[:k]
            self._latin.setdefault(run, []).append((tuple(word.split(" ")), after, before))
        self._other: dict[str, list[tuple[str, str, str]]] = {}
        for _, word, after, before in other:
            self._other.setdefault(word[0], []).append((word, after, before))
        self._starts: re.Pattern | None = None  # compiled on first use, with _leads
        self._leads: frozenset[str] = frozenset()

    def finditer(self, s: str):
        """(start, end) of each word found in `s`, left to right, not overlapping."""
        latin, other = self._latin, self._other
        starts = self._starts or self._compile_starts()
        n = len(s)
        pos = 0
        while True:
            m = starts.search(s, pos)
            if m is None:
                return
            i, j = m.span()
            c = s[i]
            if c in _LATIN:
                if not (i and s[i - 1] in _LATIN):
                    for parts, after, before in latin.get(m.group().lower(), ()):
                        end = _latin_end(s, i, parts, after, before)
                        if end > 0:
                            yield i, end
                            j = end
                            break
                pos = j
                continue
            pos = j
            for word, after, before in other[c]:
                if s.startswith(word, i):
                    end = i + len(word)
                    if (after and i and s[i - 1] in after) or (before and end < n and s[end] in before):
                        continue
                    yield i, end
                    pos = end
                    break

    def _compile_starts(self) -> re.Pattern:
        """Runs of letters and the characters another word begins with (compiled on first use)."""
        firsts = "".join(re.escape(c) for c in self._other)
        self._starts = re.compile("[A-Za-z]+" + (f"|[{firsts}]" if firsts else ""))
        self._leads = frozenset(self._latin).union(self._other)
        return self._starts

    def last(self, s: str) -> tuple[int, int] | None:
        """The last word `finditer` finds in `s`."""
        starts = self._starts or self._compile_starts()
        # Most windows hold no run of letters a word begins with and no character another word begins
        # with: then finditer finds nothing, and one pass in C says so.
        if self._leads.isdisjoint(map(str.lower, starts.findall(s))):
            return None
        found = None
        for span in self.finditer(s):
            found = span
        return found

    def sub(self, s: str) -> str:
        """`s` without the words found in it."""
        out, pos = [], 0
        for start, end in self.finditer(s):
            out.append(s[pos:start])
            pos = end
        out.append(s[pos:])
        return "".join(out)

    def kind(self, word: str, default: str | None = None) -> str | None:
        """The kind of a word as found in a text (any case, any white space in it)."""
        return self.kinds.get(" ".join(word.lower().split()), default)


def _latin_end(s: str, i: int, parts: tuple[str, ...], after: str, before: str) -> int:
    """Where a Latin word (its lower-case parts, any white space between them) ends at `i`, or -1."""
    n = len(s)
    j = i
    for k, part in enumerate(parts):
        if k:
            j0 = j
            while j < n and s[j].isspace():
                j += 1
            if j == j0:
                return -1
        if s[j:j + len(part)].lower() != part:
            return -1
        j += len(part)
    if j < n and s[j] in _LATIN:
        return -1
    if (after and i and s[i - 1] in after) or (before and j < n and s[j] in before):
        return -1
    return j


class Levels:
    """Whether the words after a move word end in a level word ("fell to", 跌至), perhaps with a qualifier
    between it and the figure ("fell to about"): then the figure is the level reached, not the move."""

    __slots__ = ("_words", "_quals", "_endings")

    def __init__(self, words: tuple[str, ...], qualifiers: tuple[str, ...]) -> None:
        self._words = tuple((w.lower(), after, before, _is_latin(w)) for w, after, before in map(split_guard, words))
        self._quals = tuple(q.lower() for q in qualifiers)
        self._endings = tuple(w for w, _, _, _ in self._words)  # one endswith call rules most tails out

    def ends(self, tail: str) -> bool:
        """A level word (a Latin one with white space after it, another with at most one), then perhaps a
        qualifier, then only white space to the end of `tail`."""
        t = tail.rstrip()
        if self._level_at_end(t, len(tail) - len(t), None):
            return True
        low = t.lower()
        if not low.endswith(self._quals):
            return False
        for q in self._quals:
            if low.endswith(q):
                body = t[:len(t) - len(q)]
                b = body.rstrip()
                if self._level_at_end(b, len(body) - len(b), q):
                    return True
        return False

    def _level_at_end(self, b: str, gap: int, qual: str | None) -> bool:
        low = b.lower()
        if not low.endswith(self._endings):
            return False
        for word, after, before, latin in self._words:
            if not low.endswith(word):
                continue
            i = len(b) - len(word)
            if latin:
                if gap < 1 or (i and b[i - 1] in _LATIN):
                    continue
            elif qual is not None and gap > 1:
                continue
            if after and i and b[i - 1] in after:
                continue
            if before and gap == 0 and qual is not None and qual[:1] in before:
                continue
            return True
        return False

"""Lists of words found in text: as a regex alternation (`Pattern`, compiled on first use), or looked up in
tables, compiling nothing or almost nothing (`Words` where a word must end or begin, `Alternation` wherever it
stands). Compiling an alternation of a few hundred words costs milliseconds, on every run: the role and time
words of dsfact/lang made up a fifth of the start-up of a check of one short article."""
from __future__ import annotations

import re

from dsfact.matching.cues import has_cjk
from dsfact.matching.wordedges import (  # noqa: F401 (they lived here first: their users import them from here)
    space_end,
    whole_at,
    whole_word_in,
    word_ending,
    word_places,
    word_starting,
    word_then,
)
from dsfact.matching.wordstarts import STAGES, Places


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of words, longest first; Latin words match whole words only."""
    parts, latin = [], []
    for word in sorted(set(words), key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in word.split())
        starts, ends = _latin_edges(word)
        if starts and ends:
            latin.append(body)  # guarded once for the whole group: one test per position, not one per word
            continue
        if starts:
            body = r"(?<![a-z0-9])" + body
        if ends:
            body += r"(?![a-z0-9])"
        parts.append(body)
    if latin:
        parts.insert(0, r"(?<![a-z0-9])(?:" + "|".join(latin) + r")(?![a-z0-9])")
    return "|".join(parts) or "(?!)"


def spaced(words) -> str:
    """A regex alternation of words as given, longest first, the spaces of each word any white space ("(?!)"
    when there are none): the caller puts the edges around it."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def whole_words(words, around: str = "a-z0-9", chinese: bool = False) -> re.Pattern:
    """One pattern of the words of `words` written with no Chinese character (spaced: longest first, any white space
    for a space), each whole: no character of the class [around] right before or after it; with `chinese`, the
    Chinese words too, anywhere; else they are the caller's to find (`w in text`):
    "(?<![a-z0-9])(?:gpu hours|gpus)(?![a-z0-9])"."""
    latin = [w for w in words if not has_cjk(w)]
    found = rf"(?<![{around}])(?:{spaced(latin)})(?![{around}])"
    return re.compile(found + "|" + spaced([w for w in words if has_cjk(w)]) if chinese else found)


class Pattern:
    """A regex around an alternation of words, compiled on first use: without the words written in
    Chinese for text that has no Chinese character (they cannot match there, and they are half of what
    a pattern costs to compile), with every word for text that has one. Each pattern costs a
    millisecond or more to compile, and a short English article needs few of them. `plain` is the form
    for text with no Chinese character, where a part of `form` can only match Chinese (a class of the
    Chinese range alone costs almost 2 ms to compile)."""

    __slots__ = ("form", "groups", "plain", "_compiled")

    def __init__(self, form: str, *groups: tuple[str, ...], plain: str | None = None) -> None:
        self.form = form  # the regex, with one {} per group of words
        self.groups = groups
        self.plain = plain
        self._compiled: dict[bool, re.Pattern] = {}

    def get(self, chinese: bool) -> re.Pattern:
        found = self._compiled.get(chinese)
        if found is None:
            groups = self.groups if chinese else [tuple(w for w in g if not has_cjk(w)) for g in self.groups]
            form = self.form if chinese or self.plain is None else self.plain
            found = self._compiled[chinese] = re.compile(form.format(*map(_alternation, groups)))
        return found


class Words:
    """Words looked up where they must end or begin, as an alternation of them (`_alternation`) matches
    there: white space of any length between a word's parts, a Latin word only as a whole word. A look-up
    in a table compiles nothing: a role's words before and after a figure, compiled as regexes, cost
    several milliseconds on the first figure of every run."""

    __slots__ = ("_entries", "_ends", "_begins")

    def __init__(self, words, edges=None) -> None:
        """`edges(word)` says whether no letter or digit may stand right before the word and right after it
        (by default: where it begins and ends with a Latin letter, as `_alternation` guards it)."""
        self._entries = []  # (parts, starts Latin, ends Latin), whether the word is Chinese
        edges = edges or _latin_edges
        add = self._entries.append
        for word in set(words):
            parts = tuple(word.split())
            if not parts:
                raise ValueError("roles.words: an empty word")
            add(((parts, *edges(word)), not word.isascii() and has_cjk(word)))
        # chinese -> the last (first) character of a last (first) part -> [(length, {part: [entries]})]: only
        # the lengths of parts that end (begin) with the character are tried; built when first asked
        self._ends: list[dict[str, list] | None] = [None, None]  # by chinese (False, True)
        self._begins: list[dict[str, list] | None] = [None, None]

    def _index(self, chinese: bool, last: bool) -> dict[str, list]:
        tables = self._ends if last else self._begins
        found = tables[chinese]
        if found is None:
            found = tables[chinese] = _by_edge(((entry, entry) for entry, cjk in self._entries
                                                if chinese or not cjk), last)
        return found

    def listed(self) -> list[str]:
        """Every word, its parts joined by a space."""
        return [" ".join(entry[0]) for entry, _ in self._entries]

    def ending(self, text: str, e: int, chinese: bool, pos: int = 0, end: int | None = None) -> list[int]:
        """Where each word that ends exactly at offset e of text begins, at pos or after it; a Latin word's
        end is whole if a letter or digit does not follow it before `end` (the end of what is searched)."""
        if e <= pos:
            return []
        end = len(text) if end is None else end
        out = []
        for length, table in (self._ends[chinese] or self._index(chinese, True)).get(text[e - 1], ()):
            entries = table.get(text[e - length:e]) if length <= e - pos else None
            for parts, latin_start, latin_end in entries or ():
                if latin_end and e < end and text[e] in _ALNUM:
                    continue
                a = e - length if len(parts) == 1 else _word_before(text, e - length, parts)
                if a is not None and a >= pos and not (latin_start and a > 0 and text[a - 1] in _ALNUM):
                    out.append(a)
        return out

    def ends(self, text: str, pos: int, end: int, chinese: bool) -> bool:
        """Whether a word ends text[pos:end], white space after it: the regex `(?:words)\\s*$` searched in
        text from pos to end."""
        e = end
        while e > pos and text[e - 1].isspace():
            e -= 1
        return bool(self.ending(text, e, chinese, pos, end))

    def begins(self, text: str, i: int, chinese: bool) -> bool:
        """Whether a word begins at offset i of text."""
        if i >= len(text):
            return False
        for length, table in (self._begins[chinese] or self._index(chinese, False)).get(text[i], ()):
            for parts, latin_start, latin_end in table.get(text[i:i + length], ()):
                if latin_start and i > 0 and text[i - 1] in _ALNUM:
                    continue
                e = i + length if len(parts) == 1 else _word_after(text, i + length, parts)
                if e is not None and not (latin_end and e < len(text) and text[e] in _ALNUM):
                    return True
        return False

    def before(self, text: str, chinese: bool, starts: list[int], at_start: bool = False) -> bool:
        """Whether a word ends `text` with only white space after it, or between words (`starts`:
        `tail_starts` of text): the regex `(?:words)(?:\\s*(?:between))*\\s*$` searched in it, or with
        `at_start` matched against the whole of it."""
        for p in starts:
            e = p
            while e > 0 and text[e - 1].isspace():
                e -= 1
            if any(a == 0 or not at_start for a in self.ending(text, e, chinese)):
                return True
        return False

    def opens(self, text: str, i: int, chinese: bool) -> bool:
        """Whether a word begins at offset i of text, after white space: the regex `\\s*(?:words)` matched at i."""
        n = len(text)
        while i < n and text[i].isspace():
            i += 1
        return self.begins(text, i, chinese)

    def after(self, text: str, chinese: bool) -> bool:
        """Whether a word begins `text`, after white space: the regex `^\\s*(?:words)` searched in it."""
        i = 0
        while i < len(text) and text[i].isspace():
            i += 1
        return self.begins(text, i, chinese)

    def tail_starts(self, text: str, chinese: bool) -> list[int]:
        """Where a role's words may end `text`, as far as white space, if these are the between words: its
        end, and the start of every run of between words (separated by white space or none, as the regex
        reads them) that runs to its end with only white space after it. The same as the regex
        `(?:\\s*(?:between))*\\s*$` read backwards."""
        n = len(text)
        starts, todo = [n], [n]
        while todo:
            e = todo.pop()
            while True:  # every end of a between word with only white space from it to e
                for a in self.ending(text, e, chinese) if e > 0 else ():
                    if a not in starts:
                        starts.append(a)
                        todo.append(a)
                if e > 0 and text[e - 1].isspace():
                    e -= 1
                else:
                    break
        return starts


def _by_edge(entries, last: bool) -> dict[str, list]:
    """(entry, what to file) pairs filed by the last (first) character of the entry's last (first) part, then
    by that part's length and the part: {character: [(length, {part: [filed]})]}."""
    by: dict[str, dict[int, dict[str, list]]] = {}
    for entry, filed in entries:
        part = entry[0][-1] if last else entry[0][0]
        key = part[-1] if last else part[0]
        by.setdefault(key, {}).setdefault(len(part), {}).setdefault(part, []).append(filed)
    return {k: list(v.items()) for k, v in by.items()}


class TaggedWords:
    """Several lists of words (each a `Words`, under a tag: a role's name), looked up together: which lists
    have a word before a figure (`Words.before`) and which a word after it (`Words.after`), in one pass
    over the text instead of one pass per list (a figure is asked about a dozen roles)."""

    __slots__ = ("_tables", "_ends", "_begins")

    def __init__(self, tables: dict[str, Words]) -> None:
        self._tables = tables
        self._ends: list[dict[str, list] | None] = [None, None]  # by chinese, as Words._ends, entries tagged
        self._begins: list[dict[str, list] | None] = [None, None]

    def _index(self, chinese: bool, last: bool) -> dict[str, list]:
        tables = self._ends if last else self._begins
        found = tables[chinese]
        if found is None:
            found = tables[chinese] = _by_edge(((entry, (*entry, tag)) for tag, words in self._tables.items()
                                                for entry, cjk in words._entries if chinese or not cjk), last)
        return found

    def before(self, text: str, chinese: bool, starts: list[int]) -> set[str]:
        """The tags whose words' `before(text, chinese, starts)` holds."""
        out: set[str] = set()
        index = self._ends[chinese] or self._index(chinese, True)
        n = len(text)
        for p in starts:
            e = p
            while e > 0 and text[e - 1].isspace():
                e -= 1
            if e <= 0:
                continue
            for length, table in index.get(text[e - 1], ()):
                entries = table.get(text[e - length:e]) if length <= e else None
                for parts, latin_start, latin_end, tag in entries or ():
                    if tag in out or (latin_end and e < n and text[e] in _ALNUM):
                        continue
                    a = e - length if len(parts) == 1 else _word_before(text, e - length, parts)
                    if a is not None and a >= 0 and not (latin_start and a > 0 and text[a - 1] in _ALNUM):
                        out.add(tag)
        return out

    def after(self, text: str, chinese: bool, ends: dict[str, int] | None = None) -> set[str]:
        """The tags whose words' `after(text, chinese)` holds; with `ends`, where in text each tag's longest word
        found there ends (by tag), for a rule that reads what follows that word."""
        out: set[str] = set()
        n = len(text)
        i = 0
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            return out
        for length, table in (self._begins[chinese] or self._index(chinese, False)).get(text[i], ()):
            for parts, latin_start, latin_end, tag in table.get(text[i:i + length], ()):
                if tag in out and ends is None or (latin_start and i > 0 and text[i - 1] in _ALNUM):
                    continue
                e = i + length if len(parts) == 1 else _word_after(text, i + length, parts)
                if e is not None and not (latin_end and e < n and text[e] in _ALNUM):
                    out.add(tag)
                    if ends is not None and e > ends.get(tag, -1):
                        ends[tag] = e
        return out


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_AZ = frozenset("abcdefghijklmnopqrstuvwxyz")  # what a Latin word begins with


def _latin_edges(word: str) -> tuple[bool, bool]:
    """Whether a word begins and whether it ends with a letter a to z (the class [a-z], without a regex call:
    asked of every role and time word on every run)."""
    return "a" <= word[:1] <= "z", "a" <= word[-1:] <= "z"


def _word_before(text: str, e: int, parts: tuple[str, ...]) -> int | None:
    """Where the words `parts` begin if parts[:-1] end text[:e] with white space after them (the last
    part, which ends there, already compared)."""
    for part in reversed(parts[:-1]):
        a = e
        while e > 0 and text[e - 1].isspace():
            e -= 1
        if e == a or e < len(part) or not text.startswith(part, e - len(part), e):
            return None
        e -= len(part)
    return e


def _word_after(text: str, i: int, parts: tuple[str, ...], end: int | None = None) -> int | None:
    """Where the words `parts` end if parts[1:] follow offset i of text, white space before each (the first
    part, which ends at i, already compared), all before `end`."""
    n = len(text) if end is None else end
    for part in parts[1:]:
        a = i
        while i < n and text[i].isspace():
            i += 1
        if i == a or not text.startswith(part, i, n):
            return None
        i += len(part)
    return i


class _Match:
    """What `Alternation` finds: the span and the words of a match, as a regex match gives them."""

    __slots__ = ("_start", "_end", "_word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self._start, self._end, self._word = start, end, word

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._word


class Alternation:
    """Words found wherever they stand, as the regex `_alternation(words)` finds them (`finditer`, `search`):
    at the first place where one begins, the longest Latin word (all Latin letters at both ends, a whole
    word) or else the longest other word (a whole word at a Latin end). A small regex of the words' first
    parts finds the places where one may begin; the words are then looked up there. `get(chinese)` gives
    the finder for text with or without Chinese characters, as `Pattern.get` does."""

    __slots__ = ("words", "_finders")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self._finders: dict[bool, _Finder] = {}

    def get(self, chinese: bool) -> _Finder:
        found = self._finders.get(chinese)
        if found is None:
            found = self._finders[chinese] = _Finder(self.words if chinese else
                                                     tuple(w for w in self.words if not has_cjk(w)))
        return found


FIRSTS_UNTIL = 6_000  # characters a finder searches with the class of its words' first characters
FAST_AFTER = 50_000  # characters a finder searches before its faster pattern repays compiling it
TOGETHER_AFTER = 20_000  # characters searched one finder at a time before a FinderGroup searches them together


def _walk(text: str, e: int, end: int, node: list, best: tuple[int, int] | None) -> tuple[int, int] | None:
    """The best (rank, end) of `best` and the words of `node` whose parts so far end at offset e: those that
    end there (a Latin end whole) and those whose next part follows after white space, before `end`."""
    for rank, ends in node[0]:
        if (best is None or rank < best[0]) and not (ends and e < end and text[e] in _ALNUM):
            best = (rank, e)
    if node[1]:
        j = e
        while j < end and text[j].isspace():
            j += 1
        if j > e:
            for part, child in node[1].items():
                if text.startswith(part, j, end):
                    best = _walk(text, j + len(part), end, child, best)
    return best


class _Finder:
    __slots__ = ("_groups", "_by_char", "_firsts", "_starts", "_read", "_stage")

    def __init__(self, words: tuple[str, ...]) -> None:
        # first character -> the words that begin with it as (parts, ends Latin), in the regex's order (Latin
        # words first, the longest first): a word's rank is its place there, the lowest matching one wins
        self._groups: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        # first character -> those words as a tree of their parts (built when first met), its first parts
        # (by_prefix): each node [[(rank, ends Latin) of the words that end there], {next part: node}]
        self._by_char: dict[str, tuple[list, dict[str, list]]] = {}
        groups: dict[str, tuple[list, list]] = {}
        latin_firsts, other_firsts = set(), set()
        for word in sorted(set(words), key=len, reverse=True):
            parts = tuple(word.split())
            if not parts:
                raise ValueError("dsfact/lang: an empty word")
            starts, ends = _latin_edges(word)
            groups.setdefault(word[0], ([], []))[0 if starts and ends else 1].append((parts, ends))
            (latin_firsts if starts else other_firsts).add(parts[0] if starts else word[0])
        self._groups = {c: latin + other for c, (latin, other) in groups.items()}
        self._firsts = (latin_firsts, other_firsts)
        self._starts: Places | None = None  # compiled when the finder first searches (_scanner)
        self._stage = 0  # which of wordstarts.STAGES self._starts is, from 1 (0: none compiled yet)
        self._read = 0  # characters searched, until FAST_AFTER

    def _tree(self, c: str) -> tuple[list, dict[str, list]]:
        root: dict[str, list] = {}
        for rank, (parts, ends) in enumerate(self._groups.get(c, ())):
            level = root
            for part in parts:
                node = level.get(part)
                if node is None:
                    node = level[part] = [[], {}]
                level = node[1]
            node[0].append((rank, ends))
        found = self._by_char[c] = by_prefix(root.items())
        return found

    def _at(self, text: str, i: int, end: int) -> _Match | None:
        """The word the regex would match at offset i, one of the places self._starts finds (none if it
        matches none there)."""
        best = None
        c = text[i]
        short, by3 = self._by_char.get(c) or self._tree(c)
        for first, node in short:  # (the order of the first parts tried does not matter: the lowest rank wins)
            if text.startswith(first, i, end):
                best = _walk(text, i + len(first), end, node, best)
        for first, node in by3.get(text[i:i + 3], ()):
            if text.startswith(first, i, end):
                best = _walk(text, i + len(first), end, node, best)
        return None if best is None else _Match(i, best[1], text[i:best[1]])

    def _scanner(self, searched: int) -> Places | None:
        """The pattern of the places where a word may begin: the class of first characters (cheapest to
        compile) until the finder has searched FIRSTS_UNTIL characters, then the plain one (cheap to
        compile) until it has searched FAST_AFTER, then one that is faster to search (dsfact.matching.wordstarts)."""
        if self._read < FAST_AFTER:
            self._read += searched
            stage = 3 if self._read >= FAST_AFTER else 2 if self._read >= FIRSTS_UNTIL else 1
            if stage != self._stage:  # compiled only when a finder searches: many are made and never search
                self._starts = STAGES[stage - 1](*self._firsts)
                self._stage = stage  # after the pattern: another thread that sees the stage finds it set
        return self._starts

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else min(endpos, len(text))
        starts = self._scanner(end - pos)
        if starts is None:
            return
        skip = pos
        for i in starts(text, pos, end):
            if i < skip or (i and text[i - 1] in _ALNUM and text[i] in _AZ):
                continue  # within what was found, or a Latin word's first part inside a word
            found = self._at(text, i, end)
            if found is not None:
                yield found
                skip = found.end()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> _Match | None:
        """The first match from pos (finditer's first, without a generator: asked once per figure)."""
        end = len(text) if endpos is None else min(endpos, len(text))
        starts = self._scanner(end - pos)
        if starts is not None:
            for i in starts(text, pos, end):
                if i and text[i - 1] in _ALNUM and text[i] in _AZ:
                    continue  # a Latin word's first part inside a word
                found = self._at(text, i, end)
                if found is not None:
                    return found
        return None



class FinderGroup:
    """Several lists of words (`Alternation`s: the roles' clause words) searched in one pass, for text with
    or without Chinese characters: one regex finds where a word of any list may begin, and each list whose
    first part of a word stands there looks its words up, going on after its own last match, as its own
    finder would. A sentence was searched once per list, and most lists find nothing there. Until
    TOGETHER_AFTER characters have been searched, each is searched alone, as asked (`finditer` with `k`):
    a short text asks few lists, and the pattern of all costs more to compile than theirs."""

    __slots__ = ("_lists", "_chinese", "_alone", "_scan", "_firsts", "_firsts3", "_finders")

    def __init__(self, lists: list[Alternation], chinese: bool) -> None:
        self._lists, self._chinese = lists, chinese
        self._alone = 0  # characters searched one list at a time
        self._scan: _Finder | None = None  # only its scanner (first characters, the plain pattern, the fast one)
        # (a first part, the lists with a word that begins so), by_prefix: those shorter than three characters
        # by their first character, the others by their first three
        self._firsts: dict[str, list[tuple[str, list[int]]]] = {}
        self._firsts3: dict[str, list[tuple[str, list[int]]]] = {}
        self._finders: list[_Finder] = []

    def together(self) -> bool:
        """Whether the lists are searched together now."""
        return self._alone >= TOGETHER_AFTER

    def _prepare(self) -> _Finder:
        self._finders = finders = [a.get(self._chinese) for a in self._lists]
        firsts: dict[str, dict[str, list[int]]] = {}
        for k, f in enumerate(finders):
            for first in f._firsts[0]:
                firsts.setdefault(first[0], {}).setdefault(first, []).append(k)
            for c in f._firsts[1]:
                firsts.setdefault(c, {}).setdefault(c, []).append(k)
        self._firsts = {}
        for c, parts in firsts.items():
            self._firsts[c], by3 = by_prefix(parts.items())
            self._firsts3.update(by3)
        self._scan = scan = _Finder(())
        scan._firsts = (set().union(*(f._firsts[0] for f in finders)), set().union(*(f._firsts[1] for f in finders)))
        return scan

    def finditer(self, text: str, pos: int, endpos: int, k: int | None = None) -> list[list[_Match]]:
        """Each list's matches in text[pos:endpos], in order (a list of them per list of words); with `k`,
        only list k's (the others' empty)."""
        end = min(endpos, len(text))
        out: list[list[_Match]] = [[] for _ in self._lists]
        if k is not None:
            self._alone += end - pos
            out[k] = list(self._lists[k].get(self._chinese).finditer(text, pos, end))
            return out
        starts = (self._scan or self._prepare())._scanner(end - pos)
        if starts is None:
            return out
        finders = self._finders
        skips = [pos] * len(finders)
        firsts, firsts3 = self._firsts, self._firsts3
        for i in starts(text, pos, end):
            c = text[i]
            if i and text[i - 1] in _ALNUM and c in _AZ:
                continue  # a Latin word's first part inside a word
            here = firsts3.get(text[i:i + 3])  # (a list is looked up once per place whichever of its parts begins there)
            short = firsts.get(c)
            if short:
                here = short if here is None else short + here
            for first, which in here or ():
                if text.startswith(first, i, end):
                    for k in which:
                        if i >= skips[k]:
                            found = finders[k]._at(text, i, end)
                            if found is not None:
                                out[k].append(found)
                                skips[k] = found.end()
                            else:
                                skips[k] = i + 1  # looked up here once
        return out


def by_prefix(items) -> tuple[list, dict[str, list]]:
    """(first part, what it leads to) pairs, those of parts shorter than three characters in a list, the others
    filed by their first three characters: a part can begin at an offset of a text only if the text's three
    characters there are its own first three, so a place looks up one short list, not every part of its
    first character (a dozen or more for most Latin letters)."""
    short, by3 = [], {}
    for first, led in items:
        if len(first) < 3:
            short.append((first, led))
        else:
            by3.setdefault(first[:3], []).append((first, led))
    return short, by3


_GROUPS: dict[tuple, FinderGroup] = {}  # the ids of the lists searched together, and chinese -> their group


def group_of(lists: list[Alternation], chinese: bool) -> FinderGroup:
    """The FinderGroup of these lists, made once per process (the group holds them: their ids stay theirs)."""
    key = (*map(id, lists), chinese)
    found = _GROUPS.get(key)
    if found is None:
        found = _GROUPS[key] = FinderGroup(lists, chinese)
    return found


_POSSESSOR = re.compile(r"[a-z](?<![a-z0-9].)[a-z0-9.-]{1,20}(?:['’]s\s+|\s?的\s?)$")  # (the look-behind after its class)  # "openai's ", "openai的"


def owner_start(folded: str, lo: int, hi: int) -> int:
    """Where the Latin name whose possessive ends right at `hi` begins ("rivals OpenAI's o1", "比肩OpenAI的o1"),
    searched from `lo`: the thing of a name compared is compared too (comparison.is_comparison); `hi` when none."""
    m = _POSSESSOR.search(folded, lo, hi)
    return hi if m is None else m.start()

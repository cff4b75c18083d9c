"""Language knowledge as data: word lists that are about a language, not about a claim.

Each ``*.words`` file beside this module holds tables of words in a small line format, read with no
dependency (YAML or TOML would cost more at start-up than checking a short article)::

    # a comment
    [table]
    key: word, another word, 一个词
      continued on an indented line, word

A reader adds a word by editing a file; a fault is reported as ``file:line``. Words are matched in
folded form (see dsfact.fold): Traditional and Simplified Chinese, and upper and lower case, are one.
"""
from __future__ import annotations

import os

from dsfact.errors import DsfactError

_HERE = os.path.dirname(__file__)
_LOADED: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
_LISTED: dict[tuple, tuple | frozenset] = {}  # words_of, word_set, words_by_script: made once per process

# The keys the tables of a bundled file may have (a key outside them is reported at its line, whichever
# module reads the file first); a file not named here may have any key.
KEYS: dict[str, frozenset[str]] = {
    "names": frozenset(("before", "after", "words", "not-self", "people", "contrast", "own", "comma", "dash", "hyphen", "owned", "owner-not",
                        "store", "bare", "bare-not-before", "between", "as-written-not", "verbs", "verb-after", "owner", "adverb", "family", "partitive")),
    "roles": frozenset(("never", "doubt", "before", "after", "clause", "opening", "near", "head", "sentence", "lead", "words",
                        "peers", "done", "not", "bodies")),
    "synonyms": frozenset(("words",)),
    "sentences": frozenset(("ends", "stops", "opens", "closes", "bullets", "words", "agencies")),
    "counts": frozenset(("function", "after-name", "measure", "cjk-function", "cjk-kind", "also", "container", "collective", "piece", "time",
                         "per-time", "modifier-end", "summed", "hyphen-open")),
    "events": frozenset(("metric", "words", "others", "before", "after", "title", "unless", "reach", "kind", "purpose",
                         "deadline")),
}


class LanguageDataError(DsfactError):
    """A language data file with a fault, named at its line."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")


def parse_words(text: str, path: str = "<words>", keys: frozenset[str] | None = None
                ) -> dict[str, dict[str, tuple[str, ...]]]:
    """Tables of a ``.words`` text: {table: {key: (word, ...)}}; `keys` limits the keys a table may have."""
    tables: dict[str, dict[str, list[str]]] = {}
    table: dict[str, list[str]] | None = None
    key = words = None
    strip = str.strip
    for number, raw in enumerate(text.splitlines(), 1):  # a tenth of a short check's start-up: kept lean
        line = (raw.split("#", 1)[0] if "#" in raw else raw).rstrip()
        if not line:
            continue
        first = line[0]
        if first == "[":
            name = line.strip()
            if not name.endswith("]") or len(name) < 3:
                raise LanguageDataError(path, number, f"a table name is written [name], not {name!r}")
            if name[1:-1] in tables:
                raise LanguageDataError(path, number, f"table {name} appears twice")
            table, key = tables.setdefault(name[1:-1].strip(), {}), None
            continue
        if table is None:
            raise LanguageDataError(path, number, "words before the first [table]")
        if first == " " or first == "\t":
            if key is None:
                raise LanguageDataError(path, number, "an indented line continues nothing")
        else:
            key, sep, line = line.partition(":")
            key = key.strip()
            if not sep or not key:
                raise LanguageDataError(path, number, "expected 'key: word, word, ...'")
            if keys is not None and key not in keys:
                raise LanguageDataError(path, number, f"unknown key {key!r} (known: {', '.join(sorted(keys))})")
            if key in table:
                raise LanguageDataError(path, number, f"key {key!r} appears twice in this table")
            words = table[key] = []
        words.extend(filter(None, map(strip, line.split(","))))
    return {name: {k: tuple(v) for k, v in t.items()} for name, t in tables.items()}


def load_words(name: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """The tables of the bundled file `name`.words, read once per process (their keys checked against KEYS)."""
    found = _LOADED.get(name)
    if found is None:
        path = os.path.join(_HERE, f"{name}.words")
        with open(path, encoding="utf-8") as handle:
            found = _LOADED[name] = parse_words(handle.read(), path, KEYS.get(name))
    return found


def words_text(name: str) -> str:
    """The text of the bundled file `name`.words as it is now: what a cache of something made from its tables
    is named by (dsfact.matching.cuecache)."""
    with open(os.path.join(_HERE, f"{name}.words"), encoding="utf-8") as handle:
        return handle.read()


def words_of(name: str, table: str, key: str = "words", *, longest_first: bool = False) -> tuple[str, ...]:
    """The words under `key` of [table] in the bundled file `name`.words (none when it has no such table or
    key), read once per process; longest first when asked, for look-ups where a longer word must be tried
    before a shorter one it begins with."""
    found = _LISTED.get((name, table, key, longest_first))
    if found is None:
        found = load_words(name).get(table, {}).get(key, ())
        if longest_first:
            found = tuple(sorted(found, key=len, reverse=True))
        _LISTED[(name, table, key, longest_first)] = found
    return found


def word_set(name: str, table: str, key: str = "words") -> frozenset[str]:
    """words_of's words as a set, for asking whether a word is one of them; made once per process."""
    found = _LISTED.get((name, table, key, frozenset))
    if found is None:
        found = _LISTED[(name, table, key, frozenset)] = frozenset(words_of(name, table, key))
    return found


def words_by_script(name: str, table: str, key: str = "words", *,
                    longest_first: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """words_of's words split by script: (those written in ASCII, the others, Chinese), each in words_of's
    order (longest first when asked); made once per process."""
    found = _LISTED.get((name, table, key, longest_first, "by script"))
    if found is None:
        words = words_of(name, table, key, longest_first=longest_first)
        found = _LISTED[(name, table, key, longest_first, "by script")] = (
            tuple(w for w in words if w.isascii()), tuple(w for w in words if not w.isascii()))
    return found

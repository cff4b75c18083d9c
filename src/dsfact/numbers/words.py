"""The numbers engine's words, read from the language data (dsfact/lang/numbers.words) on first use.

`load()` reads the bundled file once; `from_tables` turns any tables in that format into the lookups the
scanner uses and the regular-expression alternatives the patterns are built from, so a word added to
the file is read without a change to the code.
"""
from __future__ import annotations

import re

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN, UP_TO
from dsfact.numbers.vocab import _NEARLY, _NEUTRAL

QUALIFIER_KINDS = {"nearly": _NEARLY, "approximately": APPROXIMATELY, "more-than": MORE_THAN,
                   "less-than": LESS_THAN, "up-to": UP_TO, "as-stated": _NEUTRAL}
_GUARD = re.compile(r"^(?P<word>.+?)\s*\(not (?P<side>after|before) (?P<chars>[^)]+)\)$")

Tables = dict[str, dict[str, tuple[str, ...]]]


class Words:
    """The word tables of one language data file, as lookups (filled by `from_tables`)."""


def guarded(word: str) -> str:
    """A word as a regular-expression alternative: "近 (not after 最附)" is (?<![最附])近; a plain word is
    returned as written (the caller escapes it)."""
    m = _GUARD.match(word)
    if not m:
        return word
    chars = m["chars"].replace(" ", "")
    if m["side"] == "after":
        return f"(?<![{re.escape(chars)}]){m['word']}"
    return f"{m['word']}(?!{chars if len(chars) == 1 else '[' + re.escape(chars) + ']'})"


def _valued(table: dict[str, tuple[str, ...]], lower: bool = True) -> dict[str, int]:
    return {(w.lower() if lower else w): int(key) for key, words in table.items() for w in words}


def _named(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {w: key for key, words in table.items() for w in words}


def from_tables(tables: Tables) -> Words:
    """The lookups of the numbers engine from tables in the numbers.words format."""
    t = {name: tables.get(name, {}) for name in (
        "qualifiers", "qualifier-reach", "qualifiers-after", "directions", "directions-after",
        "relative-years", "year-words", "small-numbers", "tens", "scales",
        "scale-abbreviations", "folds", "fractions", "months", "currency-codes", "dollar-prefixes",
        "currency-signs", "currency-words-zh", "currency-words-en", "measures", "rate-nouns", "names")}
    w = Words()
    w.qualifiers = [(QUALIFIER_KINDS[key], "|".join(guarded(x) for x in words))
                    for key, words in t["qualifiers"].items()]
    w.qual_far = frozenset(x for words in t["qualifier-reach"].values() for x in words)
    w.qual_after = {x.lower(): QUALIFIER_KINDS[key] for key, words in t["qualifiers-after"].items() for x in words}
    w.directions = [(key, "|".join(words)) for key, words in t["directions"].items()]
    w.directions_after = {key: words for key, words in t["directions-after"].items()}
    w.relative_years = _valued(t["relative-years"])
    w.year_words = t["year-words"].get("before", ())
    w.en_small = _valued(t["small-numbers"])
    w.en_tens = _valued(t["tens"])
    w.en_scale = _valued(t["scales"])
    w.scale_abbr = {x: int(key) for key, words in t["scale-abbreviations"].items() for x in words}
    w.en_fold = _valued(t["folds"])
    w.en_den = _valued(t["fractions"])
    w.months = _valued(t["months"])
    w.month_names = [words[0] for words in t["months"].values()]
    w.month_abbreviations = [x for words in t["months"].values() for x in words[1:]]
    w.iso_codes = _named(t["currency-codes"])
    w.dollar_prefix = {"": "USD", **_named(t["dollar-prefixes"])}
    w.symbol = _named(t["currency-signs"])
    w.zh_currency = _named(t["currency-words-zh"])
    w.en_currency = {x.lower(): key for key, words in t["currency-words-en"].items() for x in words}
    w.measure = _named(t["measures"])
    w.per_noun = _named(t["rate-nouns"])
    w.currencies = frozenset((*t["currency-codes"], *t["dollar-prefixes"], *t["currency-signs"],
                              *t["currency-words-zh"]))
    w.name_words = frozenset(t["names"].get("latin", ()))
    w.name_zh = tuple(t["names"].get("chinese", ()))
    return w


def load() -> Words:
    """The bundled words (the file is read once per process, on first use)."""
    from dsfact.lang import load_words

    return from_tables(load_words("numbers"))

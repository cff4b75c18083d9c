"""The numbers engine's words, read from the language data (dsfact/lang/numbers.words) on first use.

`load()` reads the bundled file once; `from_tables` turns any tables in that format into `Words`, the
lookups the scanner uses and the regular-expression alternatives the patterns are built from, so a word added to
the file is read without a change to the code.

`Words` is a record as dsfact.model's are (`@record`, a named tuple without importing typing), with
evaluated annotations (no `from __future__ import annotations`).
"""
from functools import lru_cache

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN, UP_TO, record
from dsfact.numbers.vocab import _AT_LEAST, _FAR_LESS, _FAR_MORE, _NEARLY, _NEUTRAL

QUALIFIER_KINDS = {"nearly": _NEARLY, "approximately": APPROXIMATELY, "more-than": MORE_THAN,
                   "less-than": LESS_THAN, "up-to": UP_TO, "as-stated": _NEUTRAL,
                   "far-more-than": _FAR_MORE, "far-less-than": _FAR_LESS, "at-least": _AT_LEAST}

Tables = dict[str, dict[str, tuple[str, ...]]]


@record
class Words:
    """The word tables of one language data file, as the lookups the scanner and its patterns use (a
    named tuple, built once: see dsfact.model on why not a dataclass)."""

    qualifiers: list[tuple[str, tuple[str, ...]]]  # (qualifier kind, words) before a figure, guards as written
    qual_far: frozenset[str]  # qualifiers that still hold a few words before their figure
    qual_after: dict[str, str]  # word after a figure -> qualifier kind
    directions: list[tuple[str, tuple[str, ...]]]  # ("up"/"down", words) before a move
    levels: tuple[str, ...]  # after a move word, a level follows: "fell to", 跌至
    level_qualifiers: tuple[str, ...]  # words that may stand between a level word and its figure
    directions_after: dict[str, tuple[str, ...]]  # "up"/"down" -> words after a move
    phrasal: dict[str, tuple[str, ...]]  # "up"/"down" -> verbs before it that make no move ("making up")
    relative_years: dict[str, int]  # 去年, last -> -1
    year_words: tuple[str, ...]  # words before a number that make it a year
    year_outcomes: tuple[str, ...]  # plurals after such a year that leave it a year: "in 2024 gains"
    clock_before: tuple[str, ...]  # words before an hour of the clock told in Chinese: 凌晨5点
    clock_after: tuple[str, ...]  # words after an hour of the clock told in English: 5 a.m.
    slash_date: dict[str, tuple[str, ...]]  # before/after -> words that make a month/day pair a date: 於1/27
    en_small: dict[str, int]  # zero … nineteen
    en_tens: dict[str, int]  # twenty … ninety
    en_scale: dict[str, int]  # dozen, hundred, thousand, million …
    spoken_decimal: dict[str, tuple[str, ...]]  # point / zero / not-after: a decimal said in words ("five point six")
    scale_abbr: dict[str, int]  # k, M, bn … as written
    en_fold: dict[str, int]  # twofold …
    loose: dict[str, int]  # a couple of -> 2: a number said loosely, before a scale word
    en_den: dict[str, int]  # half, third, quarter … (a fraction's denominator)
    months: dict[str, int]  # every month name and abbreviation, lower case
    month_names: list[str]  # January … December, as written
    month_abbreviations: list[str]  # Jan, Feb, … as written
    months_cased: frozenset[str]  # the names and abbreviations as written
    ordinal_days: dict[str, int]  # twentieth, twenty-sixth -> 20, 26: a day said as a word after its month
    iso_codes: dict[str, str]  # USD, RMB -> currency
    dollar_prefix: dict[str, str]  # US, HK, NT (and "") -> currency
    symbol: dict[str, str]  # €, £, ¥ -> currency
    shared_signs: dict[str, tuple[str, ...]]  # ¥ -> (JPY, CNY): the currencies a sign is written for
    zh_currency: dict[str, str]  # 美元, 港元 -> currency
    en_currency: dict[str, str]  # us dollars, euros -> currency ("dollar": the sign's own)
    measure: dict[str, str]  # km, 公里 -> unit
    per_noun: dict[str, str]  # tokens, 月 -> what a rate is per
    currencies: frozenset[str]  # every currency unit the words name
    name_words: frozenset[str]  # Latin product names whose number is part of the name
    name_zh: tuple[str, ...]  # Chinese ones
    range_between: tuple[str, ...]  # –, 至: between the ends of a range, glued or spaced
    range_words: tuple[str, ...]  # to, through: between the ends of a range, with white space around
    rate_before: tuple[str, ...]  # per, for every: before the noun of a rate
    token_kinds: tuple[str, ...]  # input, output: before "tokens" in a rate
    unit_words: dict[str, tuple[str, ...]]  # hour -> hours, hour, hrs, hr (Latin, after a space)
    counters: tuple[str, ...]  # 个, 台 (not before 湾…): Chinese measure words, guards as written
    product_signs: tuple[str, ...]  # ×, *, x: between the factors of a product of counts (64×8)
    product_between: tuple[str, ...]  # 台, nodes: after a product's first factor, before its sign
    traditional: dict[str, str]  # Traditional character -> Simplified


def _valued(table: dict[str, tuple[str, ...]], lower: bool = True) -> dict[str, int]:
    return {(w.lower() if lower else w): int(key) for key, words in table.items() for w in words}


def _named(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {w: key for key, words in table.items() for w in words}


def from_tables(tables: Tables) -> Words:
    """The lookups of the numbers engine from tables in the numbers.words format."""
    t = {name: tables.get(name, {}) for name in (
        "qualifiers", "qualifier-reach", "qualifiers-after", "directions", "directions-after", "phrasal", "levels",
        "relative-years", "year-words", "clock-hours", "slash-dates", "small-numbers", "tens", "scales",
        "scale-abbreviations", "spoken-decimals", "loose-numbers", "folds", "fractions", "months", "ordinal-days", "currency-codes", "dollar-prefixes",
        "currency-signs", "shared-signs", "currency-words-zh", "currency-words-en", "measures", "rate-nouns", "names", "ranges",
        "rates", "unit-words", "counters", "products", "traditional")}
    return Words(
        qualifiers=[(QUALIFIER_KINDS[key], words) for key, words in t["qualifiers"].items()],
        qual_far=frozenset(x for words in t["qualifier-reach"].values() for x in words),
        qual_after={x.lower(): QUALIFIER_KINDS[key] for key, words in t["qualifiers-after"].items() for x in words},
        directions=list(t["directions"].items()),
        levels=t["levels"].get("before", ()),
        level_qualifiers=t["levels"].get("qualifiers", ()),
        directions_after={key: words for key, words in t["directions-after"].items()},
        phrasal=dict(t["phrasal"]),
        relative_years=_valued(t["relative-years"]),
        year_words=t["year-words"].get("before", ()),
        year_outcomes=t["year-words"].get("outcome", ()),
        clock_before=t["clock-hours"].get("before", ()),
        clock_after=t["clock-hours"].get("after", ()),
        slash_date=dict(t["slash-dates"]),
        en_small=_valued(t["small-numbers"]),
        en_tens=_valued(t["tens"]),
        en_scale=_valued(t["scales"]),
        spoken_decimal=dict(t["spoken-decimals"]),
        scale_abbr={x: int(key) for key, words in t["scale-abbreviations"].items() for x in words},
        en_fold=_valued(t["folds"]),
        loose=_valued(t["loose-numbers"]),
        en_den=_valued(t["fractions"]),
        months=_valued(t["months"]),
        month_names=[words[0] for words in t["months"].values()],
        month_abbreviations=[x for words in t["months"].values() for x in words[1:]],
        months_cased=frozenset(x for words in t["months"].values() for x in words),
        ordinal_days=_valued(t["ordinal-days"]),
        iso_codes=_named(t["currency-codes"]),
        dollar_prefix={"": "USD", **_named(t["dollar-prefixes"])},
        symbol=_named(t["currency-signs"]),
        shared_signs=dict(t["shared-signs"]),
        zh_currency=_named(t["currency-words-zh"]),
        en_currency={x.lower(): key for key, words in t["currency-words-en"].items() for x in words},
        measure=_named(t["measures"]),
        per_noun=_named(t["rate-nouns"]),
        currencies=frozenset((*t["currency-codes"], *t["dollar-prefixes"], *t["currency-signs"],
                              *t["currency-words-zh"])),
        name_words=frozenset(t["names"].get("latin", ())),
        name_zh=tuple(t["names"].get("chinese", ())),
        range_between=t["ranges"].get("between", ()),
        range_words=t["ranges"].get("words", ()),
        rate_before=t["rates"].get("before", ()),
        token_kinds=t["rates"].get("token-kinds", ()),
        unit_words=dict(t["unit-words"]),
        counters=t["counters"].get("count", ()),
        product_signs=t["products"].get("signs", ()),
        product_between=t["products"].get("between", ()),
        traditional={pair[0]: pair[1] for pair in t["traditional"].get("pairs", ()) if len(pair) == 2},
    )


def load() -> Words:
    """The bundled words (the file is read once per process, on first use)."""
    from dsfact.lang import load_words

    return from_tables(load_words("numbers"))


@lru_cache(maxsize=None)
def _money() -> frozenset[str]:
    return load().currencies


def is_money(unit: str) -> bool:
    """Whether a figure's unit is a sum of money: a currency the bundled numbers.words names (an ISO code, a
    dollar's country, a sign, a Chinese currency word, and the unsaid 元), the one list the matcher asks."""
    return unit in _money()

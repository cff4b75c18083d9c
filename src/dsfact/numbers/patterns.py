"""The compiled patterns of the numbers engine, built once on first use (never at import)."""
from __future__ import annotations

import functools
import re

from dsfact.numbers.lexicon import Levels, Lexicon, spaced, split_guard
from dsfact.numbers.unit_pattern import LeadSplit, any_case, unit_alternatives
from dsfact.numbers.words import Words


class _Rx:
    """The compiled patterns (built once, on first use)."""


_RX: _Rx | None = None


def _words(*names: str) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


def _build(words: Words | None = None) -> _Rx:
    """The patterns, built from `words` (the bundled language data by default)."""
    if words is None:
        from dsfact.numbers.words import load

        words = load()
    r = _Rx()
    r.words = words
    r.table = _char_table(words.traditional)
    # The characters the table changes, found by one pattern: str.translate looks every character of a
    # text up in the table, and one that is not there (nearly all) costs a KeyError raised and cleared.
    r.fold = _compile("[" + "".join(re.escape(chr(c)) for c in sorted(r.table)) + "]")
    chars = {chr(c): s for c, s in r.table.items()}
    r.fold_char = lambda m: chars[m.group()]
    r.names_for = {}  # product names -> (Latin ones, Chinese ones): see scan._names
    _dates(r)
    _not_amounts(r)
    _fractions(r)
    _amounts(r)
    _rates_and_ranges(r)
    _qualifiers(r)
    return r


def _en_num(r: _Rx) -> str:
    return _words(*r.words.en_small, *r.words.en_tens)


def _en_den(r: _Rx) -> str:
    den = r.words.en_den
    return _words(*den, *(k + "s" for k in den if not k.endswith("f")))


def _up_to(table: dict[str, int], top: int, low: int = 1) -> str:
    """The number words of `table` from `low` to `top`, as alternatives."""
    return _words(*(k for k, v in table.items() if low <= v <= top))


def _trigger(r: _Rx, ascii_only: bool = False) -> re.Pattern:
    """Where a figure can start: a digit, a sign, a Chinese numeral, 每, 圣诞/平安夜/Christmas, or a run of
    letters (a number word or a month if word_kind says so). The class of the characters a figure can
    start with (the first letters of number words and months in either case) leads it, so most places are
    never tried; for a text of ASCII only, the pattern leaves out the rest (it costs less to compile). A run of
    letters is a place only when it begins as a number word or a month does (its first three letters, in
    any case of ASCII letters, or the whole of a shorter one): most words of a text are not read as places at all."""
    w = r.words
    sayable = (*w.month_names, *w.month_abbreviations, *w.en_small, *w.en_tens, *w.en_fold, "half")
    begins = sorted({x[:3].lower() for x in sayable if len(x) >= 3})
    short = sorted({x.lower() for x in sayable if len(x) < 3} | {"a", "an"})
    latin = {x[0] for x in (*w.month_names, *w.month_abbreviations)} | {"C"}
    latin |= {c for x in (*w.en_small, *w.en_tens, *w.en_fold, "half", "a") for c in (x[0].lower(), x[0].upper())}
    signs = "$" + "".join(w.symbol)
    zh = "一二两三四五六七八九十百千〇零廿卅卌"
    if ascii_only:
        signs = "".join(c for c in signs if c.isascii())
    # led by the class of the characters a figure can start with, consuming one, each branch reading it behind (a
    # look-behind of one character) and tagging itself with an empty group at its end (m.lastgroup): `re` skips to
    # those characters in C, where a pattern led by a look-ahead at them is tried at every character of a text
    head = "[0-9" + re.escape(signs) + ("" if ascii_only else zh + "每圣平") + "".join(sorted(latin)) + "]"
    return _compile(
        head + r"(?:(?<=[0-9])(?P<d>)"
        r"|(?<=[" + re.escape(signs) + r"])(?P<cur>)" +
        ("" if ascii_only else r"|(?<=[" + zh + r"])(?P<zh>)|(?<=每)(?P<per>)|(?:(?<=圣)诞|(?<=平)安夜|(?<=C)hristmas)(?P<xmas>)") +
        (r"|(?<=C)hristmas(?P<xmas>)" if ascii_only else "") +
        r"|(?<![A-Za-z].)(?<=(?=(?ai:" + "|".join(map(re.escape, begins)) + r")|(?ai:" +
        "|".join(map(re.escape, short)) + r")(?![A-Za-z])).)[A-Za-z]*(?P<t>))"
    )


def _char_table(traditional: dict[str, str]) -> dict[int, str]:
    """Full-width digits and signs to ASCII, and the Traditional characters the patterns read to
    Simplified: one character for one, so offsets hold."""
    table: dict[int, str] = {ord(a): b for a, b in traditional.items()}
    for i in range(10):
        table[0xFF10 + i] = chr(0x30 + i)
    for i in range(26):
        table[0xFF21 + i] = chr(0x41 + i)
        table[0xFF41 + i] = chr(0x61 + i)
    for a, b in ("％%", "．.", "＄$", "＋+", "－-", "／/", "（(", "）)", "［[", "］]", "～~",
                 "：:", "＆&", "﹩$", "￡£", "﹪%", "﹒.", "\u2212-", "\u3000 ", "\xa0 ", "\u2009 ",
                 "\u202f ", "\u2007 ", "\u200b ", "︰:"):
        table[ord(a)] = b
    return table


def _dates(r: _Rx) -> None:
    """Where a figure can start, and the dates."""
    en_den = _en_den(r)
    w = r.words
    # Words are found as runs of letters and looked up (word_kind): the number words and months as
    # alternatives would cost more to compile than most texts take to read.
    r.trigger = _trigger(r)
    r.trigger_ascii = _trigger(r, ascii_only=True)
    r.month_words = frozenset((*w.month_names, *w.month_abbreviations))
    r.number_words = frozenset((*w.en_small, *w.en_tens, *w.en_fold, "half"))
    r.after_a = frozenset((*w.en_scale, *en_den.split("|"),  # and "a couple (of thousand)"
                           *(x.split()[1].lower() for x in w.loose if x.split()[0].lower() in ("a", "an") and " " in x)))
    month_grp = ("(?P<mon>" + "|".join(w.month_names) + "|(?:" + "|".join(w.month_abbreviations) +
                 r")(?![a-z])\.?)")
    # After a month's name (read by word_kind and month_ends, not by a pattern of all the names).
    r.after_month_day = _compile(r"\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9%]|[.:][0-9])"
                          r"(?:(?:,\s+|[ \t]+)(?P<y>[0-9]{4})(?![0-9]))?")
    # (a year on the next line joins its date only after a comma: "Jan. 20⏎2026 - V4 expected" is an entry's year)
    # a day said as an ordinal word after the month ("January twentieth", "December twenty-sixth, 2024")
    ordinals = sorted(w.ordinal_days, key=len, reverse=True)
    r.after_month_ordinal = _compile(r"\s+(?P<dw>(?i:" + "|".join(re.escape(x) for x in ordinals).replace(r"\ ", r"\s")
                                     + r"))(?![A-Za-z-])(?:(?:,\s+|[ \t]+)(?P<y>[0-9]{4})(?![0-9]))?")
    r.after_month_year = _compile(r"(?:,\s+|[ \t]+)(?P<y>[0-9]{4})(?![0-9])")
    r.month_names = frozenset(w.month_names)
    r.month_abbreviations = frozenset(w.month_abbreviations)
    r.day_month = _compile(r"(?:st|nd|rd|th)?\s*([A-Za-z]*)")
    r.space_word = _compile(r"\s*([A-Za-z]*)")
    r.en_dmy = _compile(r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + month_grp +
                          r"(?![A-Za-z])(?:(?:,\s+|[ \t]+)(?P<y>[0-9]{4})(?![0-9]))?")
    r.iso = _compile(r"(?P<y>[0-9]{4})(?P<s>[-/.])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})(?![0-9])")
    r.dmy = _compile(r"(?P<a>[0-9]{1,2})(?P<s>[/.-])(?P<b>[0-9]{1,2})(?P=s)(?P<y>[0-9]{4})(?![0-9])")
    slash = r.words.slash_date  # 於1/27, 1/27當天, "on 1/27": a month and a day (numbers.words [slash-dates])
    r.md_slash = _compile(r"(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})(?![0-9/%]|\.[0-9])")
    r.md_before = _compile(r"(?i)(?:(?<![a-z])(?:" + "|".join(re.escape(x) for x in slash.get("before", ()) if x.isascii())
                           + r")\s+|(?:" + "|".join(re.escape(x) for x in slash.get("before", ()) if not x.isascii()) + r")\s?)$")
    r.md_after = _compile(r"\s?(?:" + "|".join(re.escape(x) for x in slash.get("after", ())) + ")")
    r.md_weekday = _compile(r"(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})\s?\((?:周|星期)?"
                              r"(?:[一二三四五六日天]|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\)")
    zh_m = r"(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])"
    zh_d = r"(?P<d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])"
    r.zh_ymd = _compile(r"(?P<y>[0-9]{4}|[〇零一二三四五六七八九]{4})\s?年(?!财|度财)"
                          r"(?:\s?" + zh_m + r"\s?月份?(?:\s?" + zh_d + r"\s?[日号])?)?")
    r.zh_md = _compile(zh_m + r"\s?月(?!租)(?!薪)(?!费)份?(?:\s?" + zh_d + r"\s?[日号])?")
    rel = list(w.relative_years)
    rel_en = "|".join(re.escape(x) for x in _latin(rel))
    r.rel_zh_not_ascii = not any(x.isascii() for x in rel if x not in _latin(rel))  # none in an ASCII text
    r.rel_zh = _compile("(" + "|".join(re.escape(x) for x in rel if x not in _latin(rel)) + r")\s?$")
    r.rel_en_before = _compile(r"(?i)\b(" + rel_en + r")\s+year(?:'s)?,?\s+(?:on\s+)?$")
    r.rel_en_after = _compile(r"(?i),?\s+(" + rel_en + r")\s+year\b")
    r.xmas = _compile(r"圣诞节?(?:当天|当日)?|平安夜|Christmas(?:\s+Day|\s+Eve)?")
    r.year_prep = _compile(r"(?i)(?:\b(?:" + "|".join(re.escape(x) for x in w.year_words) +
                           r")[\s-]+|\bmid-)$")
    # a year that opens a line and a colon or a dash after it: a chronology's entry ("2022: DeepSeek is founded",
    # "**2024** — V3 released")
    r.entry_year = _compile(r"(?:\*\*|__)?[ \t]*(?:[:：—–]|-[ \t])")
    # (names between, a model's too: "a cluster of 2048 NVIDIA H800 GPUs", "of 2048 H800s", is no year)
    r.plural_next = _compile(r"\s+(?:[A-Z][A-Za-z0-9-]*\s+){0,2}(?!(?:was|is|has|its|this|as|us|"
                               r"his|plus|always|perhaps|thus|less|yes|does|was)\b)[A-Za-z][A-Za-z0-9]*s\b")
    # (but a plural of what a year yields leaves the year one: "180% in 2024 gains")
    r.year_outcome = _compile(r"(?i)\s+(?:" + "|".join(re.escape(x) for x in w.year_outcomes) + r")\b")


def _not_amounts(r: _Rx) -> None:
    """Things that only look like amounts."""
    r.time = _compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s?[AaPp]\.?[Mm]\.?)?")
    # an hour of the clock told in Chinese: the words before it (凌晨, 台北时间28日), then the hour and 点 or 时
    r.zh_clock = _compile("(?:" + "|".join(re.escape(x) for x in r.words.clock_before) + r")(?:\s?[0-9]{1,2}\s?[日号])?\s?$")
    r.en_clock = _compile(r"(?i)\s?(?:" + "|".join(re.escape(x) for x in sorted(r.words.clock_after, key=len, reverse=True))
                          + r")(?![a-z0-9])")  # "5 a.m.", "4pm": an hour of the clock
    r.version = _compile(r"[0-9]+\.[0-9]+\.[0-9]+(?:\.[0-9]+)*")
    r.phone = _compile(r"\+?[0-9]{2,4}(?:[- ][0-9]{3,4}){2,}(?![0-9])")
    r.lead_zero = _compile(r"0[0-9]{2,}(?![.0-9])")
    r.decade = _compile(r"(?:1[5-9]|20)[0-9]0s\b")
    r.ordinal = _compile(r"[0-9]+(?:st|nd|rd|th)\b")
    r.glued_tail = _compile(r"[A-Za-z0-9_.\-]*")
    r.code_before = _compile(r"(?<![A-Za-z])(" + "|".join(r.words.iso_codes) + r") $")
    r.run_of = {"d": _compile(r"[0-9][0-9,.]*"),
                "zh": _compile(r"[零〇一二两三四五六七八九十百千万亿兆廿卅卌]+"),
                "w": _compile(r"[A-Za-z]+"), "mon": _compile(r"[A-Za-z]+")}
    r.fw_thousands = _compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
    # A digit first (the lookbehind after it looks at the character before it), so the engine skips to
    # digits at once: a grouped figure of 1 to 3 digits, then groups of three.
    r.grouped = _compile("[0-9０-９](?<![0-9０-９.,，\u00a0\u2007\u2009\u202f][0-9０-９])[0-9０-９]{0,2}"
                         "(?:[，\u00a0\u2007\u2009\u202f][0-9０-９]{3})+(?![0-9０-９])")
    # digits grouped by plain spaces ("2 048", "2 788 000"): groups of three after 1 to 3 digits, not glued to a
    # letter, a digit or a decimal mark on either side (the word before is checked in dsfact.numbers.scan)
    r.space_grouped = _compile("[0-9](?<![0-9A-Za-z.,][0-9])[0-9]{0,2}(?: [0-9]{3})+(?![0-9A-Za-z-]|[.,][0-9])")
    r.sentence_break = _compile(r"[.。！？!?\n](?:(?<=\.)(?=\s)|(?<!\.))")  # a full stop only before a space
    r.cny_before = _compile(r"(人民币|港币|港元|新台币|台币|美元)\s?$")
    r.digits = _compile(r"[0-9]*")
    r.zh_frac_den = _compile(r"([0-9]{1,6}(?:\.[0-9]+)?)\s?分之")
    r.zero_one = _compile(r"0\s?(?:-|到|至)\s?1(?![0-9.])")
    r.citation = _compile(r"[0-9]{1,3}\]")
    r.paren_code = _compile(r"[0-9]{1,6}(?:\.[A-Z]{1,2})?\)")
    r.name_word_end = _compile(r"[A-Za-z&\-]+$")
    r.percent_after = _compile(r"\s?(?:%|％|(?i:percent|per[ -]?cent|pct)(?![A-Za-z]))")  # as unit_pattern reads pct
    r.name_tail = _compile(r"[0-9]+(?:\.[0-9]+)*(?:[A-Za-z]+[0-9]*)?(?:\s?-?[0-9]+(?:\.[0-9]+)?[BbMmKkTt](?![A-Za-z0-9]))?")
    r.url_tok = _compile(r"(?:https?://|www\.|@)")
    _products(r)


def _guarded(words: list[str]) -> str:
    """An alternation of `words` (in their order), each that ends in an ASCII character guarded from a letter
    after it. Under (?i) a guard's class costs a map of the letters' case folds to compile, so the words that
    begin with an ASCII character come first (no word of the others, Chinese, matches where one of them does)
    and a run of guarded words shares one guard: "(?:machines|servers)(?![A-Za-z])|台"."""
    if all(x[:1].isascii() or "\u3400" <= x[:1] <= "\u9fff" for x in words):
        words = [x for x in words if x[:1].isascii()] + [x for x in words if not x[:1].isascii()]
    parts: list[str] = []
    run: list[str] = []
    for x in words:
        if x[-1:].isascii():
            run.append(re.escape(x))
            continue
        if run:
            parts.append("(?:" + "|".join(run) + ")(?![A-Za-z])")
            run = []
        parts.append(re.escape(x))
    if run:
        parts.append("(?:" + "|".join(run) + ")(?![A-Za-z])")
    return "|".join(parts)


def _products(r: _Rx) -> None:
    """A product of counts, "64×8" or 64台×8卡 (numbers.words [products]): its first factor, the words after
    it and its sign; the sign between further factors; a factor."""
    w = r.words
    letters = "|".join(re.escape(x) for x in w.product_signs if x.isalpha()) or "(?!)"
    signs = "|".join(re.escape(x) for x in w.product_signs if not x.isalpha()) or "(?!)"
    between = _guarded(sorted(w.product_between, key=len, reverse=True))
    # a letter (x) glued on both sides or spaced on both: "64x8", "64 x 8"; "2x 4090" is a multiple, then a number
    sign = (r"(?:\s?(?:" + signs + r")\s?|(?:" + letters + r")|[ \t](?:" + letters + r")[ \t])(?=[0-9])")
    r.product = _compile(r"(?P<a>[0-9]{1,5})(?:\s?(?i:" + between + "))?" + sign)
    r.product_sign = _compile(sign)
    r.product_factor = _compile(r"[0-9]{1,5}(?![0-9]|[.,][0-9])")
    r.product_first = frozenset("".join(x[:1] for x in (*w.product_signs, *w.product_between)).lower()
                                + "".join(x[:1] for x in (*w.product_signs, *w.product_between)).upper())


def _fractions(r: _Rx) -> None:
    """Fractions and English number words."""
    en_num, en_den = _en_num(r), _en_den(r)
    w = r.words
    big = _words(*(k for k, v in w.en_scale.items() if v >= 1000))
    r.slash = _compile(r"(?P<n>[0-9]{1,3})/(?P<d>[0-9]{1,4})(?P<t>th|st|nd|rd|s)?(?![0-9/])")
    r.zh_frac = _compile(r"分之\s?(?P<n>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+"
                           r"(?:点[零〇一二三四五六七八九]+)?)")
    r.en_frac = _compile(r"(?i)(?:(?P<n>an?|" + _up_to(w.en_small, 10) + ")"
                           r"[\s-]+)?(?P<den>" + en_den + r")(?![A-Za-z])")
    r.half_after = _compile(r"(?i)\s+(?:the|of|as|a|an|its|their|that|what|this|these|those|"
                              r"our|his|her|price|cost)\b")
    r.half_before = _compile(r"(?i)(?:first|second|1st|2nd|other|latter|former|back|front|top|"
                               r"bottom|upper|lower|and a|and one)[\s-]+$")
    r.of_after = _compile(r"(?i)\s+(?:of|the|as)\b")
    # a whole number and a fraction of it, then its scale: "five and a half million", "two-and-a-half months"
    r.and_frac = _compile(r"(?i)(?:\s+|-)and(?:\s+|-)(?P<n>an?|" + _up_to(w.en_small, 10) + r")(?:\s+|-)"
                            r"(?P<den>" + en_den + r")(?P<s>(?:(?:\s+|-)(?:" + _words(*w.en_scale) + r"))*)"
                            r"(?![A-Za-z])")
    # a number said loosely, then its scale: "a couple of thousand", "a couple hundred million"
    hundreds = _words(*(k for k, v in w.en_scale.items() if v >= 100))
    r.loose = _compile(r"(?i)(?P<w>" + "|".join(map(spaced, sorted(w.loose, key=len, reverse=True))) + r")(?![A-Za-z])(?:\s+"
                       r"(?P<s>(?:" + hundreds + r")(?:[\s-]+(?:" + big + r"))*)(?![A-Za-z]))?") if w.loose else None
    r.half_scale = _compile(r"(?i)(?:\s+|-)(?P<a>an?)(?:\s+|-)(?:" + big + r")\b")  # "half a trillion", "half-a-trillion"
    r.part_scale = _compile(r"(?i)\s+of\s+(?P<a>an?)\s+(?:" + big + r")\b")  # "a quarter of a trillion dollars"

    # a decimal said in words after its whole number ("five point six million": numbers.words [spoken-decimals])
    said = w.spoken_decimal
    digit_words = [k for k, v in w.en_small.items() if v < 10] + list(said.get("zero", ()))
    r.point_digit = {**{k: v for k, v in w.en_small.items() if v < 10}, **{k.lower(): 0 for k in said.get("zero", ())}}
    r.point_after = tuple(x.lower() for x in said.get("not-after", ()))
    r.spoken_point = _compile(r"(?i)[\s-]+(?:" + _words(*said.get("point", ())) + r")[\s-]+(?P<d>(?:" + _words(*digit_words)
                              + r")(?:[\s-]+(?:" + _words(*digit_words) + r"))*)(?![A-Za-z])") if said.get("point") else None
    # the cents after a sum said in a currency's words: "two dollars and nineteen cents" (numbers.words [unit-words])
    r.and_cents = _compile(r"(?i)\s+and\s+(?P<n>[0-9]{1,2}|(?:" + en_num + r")(?:-(?:" + _up_to(w.en_small, 9) + r"))?)\s+(?:"
                           + _words(*w.unit_words.get("cents", ())) + r")(?![A-Za-z])")
    r.en_words = _compile(
        r"(?i)(?:an?|" + en_num + r")(?:-(?:" + _up_to(w.en_small, 9) + "))?"
        r"(?:(?:\s+|-)(?:and\s+)?(?:" + _words(*w.en_scale) + "|" + en_num +
        r")(?:-(?:" + _up_to(w.en_small, 9) + "))?){0,8}(?![A-Za-z])")


def _latin(words) -> list[str]:
    return [x for x in words if x[:1].isascii() and x[:1].isalpha()]


def _other(words) -> str:
    """The words that do not begin with a Latin letter, escaped, longest first."""
    return _words(*(re.escape(x) for x in words if not (x[:1].isascii() and x[:1].isalpha())))


def _in_order(words) -> str:
    """Words as alternatives in the order written (the first that fits is read), escaped, any run of white
    space where a word has a space."""
    return "|".join(map(spaced, words))


def _spaced(words) -> str:
    """Latin words as alternatives, longest first, any run of white space where a word has a space."""
    return "|".join(sorted(map(spaced, words), key=len, reverse=True))


def _amounts(r: _Rx) -> None:
    """After a number: scale and unit."""
    w = r.words
    abbr = w.scale_abbr
    # (and the Indian grouping, in twos before the last three digits: "5,63,085", "1,00,000")
    r.arabic = _compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?(?![0-9])"
                        r"|[0-9]+(?:\.[0-9]+)?")
    r.en_scale = _compile(r"(?:\s?(?i:(?P<w>" + _words(*(k for k, v in w.en_scale.items() if v >= 1000)) +
                          r"))(?![A-Za-z])|\s?(?P<a>" + _words(*(x for x in abbr if len(x) > 1)) +
                          r")(?![A-Za-z])|(?P<l>[" + "".join(x for x in abbr if len(x) == 1) + r"])(?![A-Za-z0-9]))")
    r.spaced_scale = _compile(r" (?P<w>(?!))?(?P<a>(?!))?(?P<l>[" + "".join(x for x in abbr if len(x) == 1 and x.isupper()) +
                              r"])(?![A-Za-z0-9\-&])")
    r.en_scale_first = frozenset(any_case("".join(k[0] for k, v in w.en_scale.items() if v >= 1000)) +
                                 "".join(x[0] for x in abbr))
    r.zh_scale = _compile(r"\s?(?P<s>[十百千]?多?(?:万亿|万|亿|兆(?![瓦赫帕焦欧位级]|字节|比特))|[百千](?!分))")
    r.unit = LeadSplit(unit_alternatives(w))


def _rates_and_ranges(r: _Rx) -> None:
    """After the unit: qualifier words, rates and the second end of a range."""
    w = r.words
    latin_after = _words(*(x.replace(" ", r"\s+") for x in _latin(w.qual_after)))
    r.post_qual_first = frozenset("".join(any_case(x[0]) for x in w.qual_after))
    guarded = [split_guard(x) for x in w.qual_after if not (x[:1].isascii() and x[:1].isalpha())]
    # the kind of each word after a figure ("2个月不到" is less than two months), its guard left out
    r.post_qual_kinds = {split_guard(x)[0]: kind for x, kind in w.qual_after.items()}
    chinese_after = "|".join(re.escape(word) + (f"(?![{re.escape(before)}])" if before else "")
                             for word, _, before in sorted(guarded, key=lambda g: -len(g[0])))
    r.per_suffix_first = frozenset(any_case("".join(x[:1] for x in w.rate_before) + "a") + "/每")
    # "$100 billion and up to $500 billion": "up to" is the next figure's, not "and up" this one's
    r.post_qual = _compile(r"[^\S\n]?(?P<q>" + chinese_after + "|(?i:" + latin_after + r"))(?![A-Za-z])(?!\s+to\b)")
    # the same where an ASCII letter follows (past one space), where none of the other words can begin: a
    # fourth of the compile, and what an English text needs
    r.post_qual_latin = _compile(r"[^\S\n]?(?P<q>(?i:" + latin_after + r"))(?![A-Za-z])(?!\s+to\b)")
    nouns = w.per_noun
    lower = _words(*(x for x in _latin(nouns) if x == x.lower()))
    cased = _words(*(x for x in _latin(nouns) if x != x.lower()))
    tokens = _words(*(x for x in _latin(nouns) if nouns[x] == "token"))
    r.per_suffix = _compile(
        r"\s?(?:(?P<kw>(?i:" + _in_order(w.rate_before) + r"))\s+|/\s?|(?P<a>(?i:an?))\s+|每\s?)"
        r"(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?\s?(?:[kKmMbB](?![A-Za-z])|(?i:thousand|million|billion)|mn|bn|万|亿|百万|千)?"
        r"|(?i:thousand|million|billion)|[MKk](?![A-Za-z])|百万|千万|万|千|亿|百)?\s?个?\s?"
        r"(?:(?i:" + _in_order(_latin(w.token_kinds)) + r")(?:\s*/\s*|\s+)|" + _other(w.token_kinds)
        + r"\s?){0,2}"  # "cached input", "input/output"
        r"(?P<noun>(?i:" + lower + r")(?![A-Za-z])|" + cased + "|" + _other(nouns) + ")")
    r.short_aside = _compile(r"\s?(?:\([^()0-9\n]{1,24}\)|（[^（）0-9\n]{1,12}）)")  # "(cache miss)", （缓存未命中）
    r.per_prefix = _compile(
        r"每\s?(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?\s?(?:万|亿|百万|千|[kKmM])?|百万|千万|万|千|亿|百|"
        r"[一二两三四五六七八九十]+[百千万亿]*)?\s?个?\s?(?:" + _other(w.token_kinds) + r"|(?i:" + _in_order(_latin(w.token_kinds)) + r")\s?)?\s?"
        r"(?P<noun>(?i:" + tokens + r")(?![A-Za-z])|" + _other(nouns) + ")")  # after 每, Latin only for tokens
    r.range_conn = _compile(r"\s?(?:" + _in_order(w.range_between) + r")\s?|-|\s+(?:" + _in_order(w.range_words) +
                            r")\s+|\s+and\s+")
    r.between = _compile(r"(?i)\bbetween\s+(?:about\s+|around\s+|roughly\s+)?$")
    r.from_before = _compile(r"(?i)(?:\bfrom\s+|从\s?|由\s?)$")


def _qualifiers(r: _Rx) -> None:
    """Qualifiers and directions in the words before a number."""
    w = r.words
    r.qual = Lexicon(w.qualifiers)
    # A qualifier or direction before a clause end is not the figure's: the words up to the last one.
    r.clause_head = _compile("(?s).*[。；;！？!?\n，,:]")
    r.qual_far = w.qual_far
    r.for_over = _compile(r"(?i)(?:for|of|took|lasted|just|well)\s+$")
    r.direction = Lexicon(w.directions)
    r.up_to = _compile(r"(?i)up\s+to\b|down\s+to\b|up\s+from\b")
    # "making up", "broken down": the particle of a verb of being a part, not a move
    r.phrasal = _compile(r"(?i)(?:^|(?<![A-Za-z]))(?:" + "|".join(
        "(?:" + "|".join(map(re.escape, verbs)) + r")\s+" + particle for particle, verbs in w.phrasal.items()) + ")$")
    r.level = Levels(w.levels, w.level_qualifiers)
    after = {k: [x for x in v if x.isascii()] for k, v in w.directions_after.items()}
    r.dir_after = _compile(r"(?i)\s+(?:(?P<down>" + "|".join(after.get("down", ())) + ")|(?P<up>" +
                           "|".join(after.get("up", ())) + r"))\b")
    # a Chinese noun of the move right after the figure ("3.1%的跌幅"): it names the move, whatever came before
    nouns = {k: sorted((x for x in v if not x.isascii()), key=len, reverse=True) for k, v in w.directions_after.items()}
    r.dir_noun_after = _compile(r"\s*(?:(?P<down>" + ("|".join(nouns.get("down", ())) or "(?!)") + ")|(?P<up>" +
                                ("|".join(nouns.get("up", ())) or "(?!)") + "))")
    r.inherit = _compile(r"^\s*(?:[、,，;；]|\s)?\s*(?:及|和|与|以及|或|and|or|vs\.?|versus|[(（])?\s*"
                           r"(?:合|折合|人民币|港币|美元)*\s*$")
    # between a move and its restatement in another unit ("89 points, or 1.46% lower", "89點或1.46%的跌幅"): a
    # direction said after the second is the first's too
    r.restated_back = _compile(r"^\s*[,，]?\s*(?:or|或|[(（])\s*$")
    r.paren = _compile(r"\([^()]*\)|（[^（）]*）")
    r.list_joint = _compile(r"(?i)\s*(?:[、/／]|及|和|与|或|and|or)?\s*")  # between two members of a list of amounts
    r.roc = _compile(r"民国\s?$")


class _Lazy:
    """A pattern compiled on first use: parsing a pattern costs more than most texts use it (an
    English text never needs some of the Chinese ones). After the first call the compiled pattern's
    methods are this object's own attributes, so a call costs what it costs on the pattern."""

    __slots__ = ("_args", "match", "search", "finditer", "fullmatch", "sub", "split", "findall")

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        if name.startswith("_") or name not in _Lazy.__slots__:
            return getattr(re.compile(*self._args), name)
        compiled = re.compile(*self._args)
        for method in _Lazy.__slots__[1:]:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern:
    """`pattern` compiled on its first use: for a module's pattern that many runs never use."""
    return _Lazy(pattern, flags)  # type: ignore[return-value]


_compile = lazy


def led_by(*words: str) -> str:
    """A look-ahead of the first characters of `words`, to open a pattern each of whose matches begins with
    one of them: it finds the same matches, and fails at once at any other character. `re` skips ahead only
    for a literal or a class at a pattern's head; a pattern that opens with a look-behind or an optional
    group is otherwise tried in full at every character it searches. Empty (no test) when there is no word
    or a word is empty: the caller's pattern then begins with what follows it. The test costs 0.1 to 0.3 M
    instructions to compile (more with a first character outside Latin-1: `re` maps the plane for it), so
    it pays on patterns searched over whole texts, not on every pattern a short article compiles."""
    if not words or not all(words):
        return ""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


def joins_list(gap: str, *, joint: bool = False) -> bool:
    """Whether the words between two amounts join them as members of one list: nothing but a list joint (、,
    /, 和, 与, 或, and, or) and bracketed asides ("1元（缓存命中）、4元"); with `joint`, a joint must stand there,
    not a space alone. The scan's rates and the matcher's metric words read lists alike through it."""
    r = _rx()
    rest = r.paren.sub("", gap)
    return r.list_joint.fullmatch(rest) is not None and (not joint or bool(rest.strip()))


_ITEM_GAP = 32  # characters between two members of a list of counts, the first one's noun among them
_ITEM_STOPS = frozenset(",，、;；:：。()（）")
_ITEM_MARKS = (",", "，", "、")  # marks that join a list's members alone


@functools.lru_cache(maxsize=1)
def _item_words() -> tuple[frozenset[str], frozenset[str]]:
    """numbers.words [list-item]: the joints between two members (alone, or after a comma) and the words that
    open a phrase after a figure, read when first asked."""
    from dsfact.lang import words_of

    joints = words_of("numbers", "list-item", "joints")
    return (frozenset((*_ITEM_MARKS, *joints, *(", " + w for w in joints if w.isascii()))),
            frozenset(words_of("numbers", "list-item", "phrase")))


def next_item(gap: str) -> bool:
    """Whether the words between two figures (`gap`) are the first one's noun, of at most three words (none
    of them a word that opens a phrase), and a list joint: "10,000 H100s, 10,000 H800s", "1万块H100、1万块H800",
    "10,000 H800s and 30,000 H20s"."""
    if len(gap) > _ITEM_GAP:
        return False
    joints, phrase = _item_words()
    for i in range(len(gap)):
        head = gap[:i]
        words = head.split()
        whole = words if not gap[i].isalnum() else words[:-1]  # ("a" of "A100s" is no article)
        if len(words) > 3 or any(c in _ITEM_STOPS for c in head) or phrase.intersection(whole):
            return False
        if " ".join(gap[i:].split()) in joints:
            return True
    return False


def _rx() -> _Rx:
    global _RX
    if _RX is None:
        _RX = _build()
    return _RX


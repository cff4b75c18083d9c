"""Units and what follows them: currencies, percentages and points, durations, measures, counters,
multiples, and the qualifier words and rates after the unit ("左右", "or more", "per million tokens")."""
from __future__ import annotations

import math
import re
from fractions import Fraction

from dsfact.model import MORE_THAN, Per
from dsfact.numbers.amounts import _Amount, _Core
from dsfact.numbers.numerals import _ONE, _ZH_DIGIT, Exact, _per_amount, _prec_of
from dsfact.numbers.patterns import lazy
from dsfact.numbers.vocab import _NO_PER

_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SI = {"k": 10 ** 3, "K": 10 ** 3, "M": 10 ** 6, "G": 10 ** 9, "T": 10 ** 12}
_PLAIN = frozenset(("pp", "bp", "pct", "gpuh", "hour", "month", "week", "day", "year", "minute", "second",
                    "token", "point", "factor"))
_SPECIAL = frozenset(("cheng", "ri", "inv", "discount"))


# A count this large, with a word or two before "tokens" (14.8T high-quality tokens, 14.8万亿高质量token), is
# a count of tokens: no count of chips, people or things made reaches a billion. Compiled on first use.
_TOKENS_FROM = 1_000_000_000
_TOKENS_AFTER: list[re.Pattern] = []  # the Latin words then "tokens"; after the Chinese characters, the noun


def _tokens_after(w: str, end: int, names: tuple[str, ...]) -> bool:
    """Whether w, after a figure ending at `end`, goes on with one or two words and then "tokens" (or the
    Chinese for them after up to eight characters: 高质量多样化token); `names`: the unit words of tokens
    (numbers.words [unit-words] token: 词元, 令牌, 代币 ...). The Chinese characters are stepped over in
    Python: a class of their range costs a millisecond to compile."""
    if not _TOKENS_AFTER:
        chinese = "|".join(re.escape(x) for x in sorted(names, key=len, reverse=True) if not x.isascii())
        _TOKENS_AFTER.append(re.compile(r"(?:[ \t]+[A-Za-z][A-Za-z-]*){1,2}[ \t]+(?i:tokens?)(?![A-Za-z])"))
        _TOKENS_AFTER.append(re.compile(r"\s?(?:(?i:tokens?)(?![A-Za-z])|" + (chinese or "(?!)") + ")"))
    from dsfact.lang import word_set

    latin, noun = _TOKENS_AFTER
    rate = word_set("synonyms", "token-rate")  # "37 billion activated per token" counts no tokens
    stop = end + 48
    m = latin.match(w, end, stop)
    if m is not None:
        return not any(x in rate for x in m.group().lower().split())
    i = end
    while i < min(end + 8, stop) and "\u4e00" <= w[i:i + 1] <= "\u9fff":
        if w[i] in rate:  # 在每个token上: the noun is a rate's base
            return False
        i += 1
        if noun.match(w, i, stop) is not None:
            return True
    return False


# a label's colon right after a unit word, then the next figure: "GPU hours: 2.788 million", "GPU小时：278.8万"
_LABEL_NEXT = lazy(r"[ \t]*[:：][ \t]*(?:about |around |约|約)?(?:US\$|HK\$|\$|€|£|¥)?[ \t]?[0-9]")
# a label's colon right before a figure (searched in the few characters before it): "GPUs: 2,048", "GPU：2048"
_LABEL_BEFORE = lazy(r"[:：][ \t]*(?:about |around |some |约|約)?[ \t]*(?:US\$|HK\$|\$|€|£|¥)?[ \t]?\Z")


def _next_label(w: str, start: int, end: int) -> bool:
    """Whether the unit word that ends at `end` is the label of the next figure rather than the unit of the
    figure at `start`: a colon and a figure follow it, and the figure before is itself a label's value, in a
    list of labels and values whose lines were joined ("GPUs: 2,048 H800 GPU hours: 2.788 million", "GPU：2048块
    H800 GPU小時：278.8萬"). A figure that a sentence states, then a colon that opens its breakdown, keeps its
    unit: "took 2.788 million GPU hours: 2.664 million for pre-training", "共用278.8萬GPU小時：預訓練266.4萬",
    "耗用278.8万GPU小时：266.4万用于预训练"."""
    return _LABEL_NEXT.match(w, end) is not None and _LABEL_BEFORE.search(w, max(0, start - 12), start) is not None


class _Units:
    """The unit readers of the scanner (a part of `_Scanner`)."""

    def _read_unit(self, a: _Amount) -> None:
        """Unit (and its multiplier) right after the number; sets a.skip for non-amounts."""
        r, w = self.r, self.w
        core = a.core
        q = a.end
        if q < self.n and w[q] in "多余" and core.kind != "en":
            # 二千多片, 50多天, 3000余人
            if q + 1 < self.n and not w[q + 1].isascii():
                a.qual = MORE_THAN
                q += 1
        m = r.unit.match(w, q)
        if m and ("\n" in w[q:m.end()] or _next_label(w, core.start, m.end())):
            m = None  # a unit is never read across a line break, nor from the label of the next figure ("GPUs:
            # 2,048 H800 GPU hours: 2.788 million", a spec list whose lines were joined): that is no unit of this one
        if not m:
            a.end = q
            if core.currency is None and a.value >= _TOKENS_FROM \
                    and _tokens_after(w, q, r.words.unit_words.get("token", ())):
                a.unit, a.unit_explicit = "token", True  # "14.8T high-quality tokens", "14.8万亿高质量token"
            return
        g = m.lastgroup
        if g in ("hour", "month") and "多" in m.group():
            a.qual = MORE_THAN
        if (g in _SPECIAL and not (g == "ri" and self._ri_is_day(core, m))) or (g == "cents" and core.currency):
            self._special_unit(a, m, g, q)
            return
        text = m.group().strip()
        unit, mult, m = self._unit_word(core, m, g, text)
        if g == "encur" and text[:1] == "-" and core.scale == 1 and core.kind == "ar":
            unit = None  # "in 2025-dollar terms": only a figure with its scale word takes a currency by a hyphen
        if unit is None or not self._unit_fits(core, g, unit, text, m.start() != q):
            a.end = q
            return
        a.unit = unit
        a.unit_mult = mult
        a.unit_explicit = True
        if "半" in text and core.kind != "en" and a.value.denominator == 1:  # 两个半月: two and a half months
            a.value, a.prec = a.value + Fraction(1, 2), Fraction(1, 2)
        if mult != 1:
            a.value = a.value * mult
            if a.prec is not None:
                a.prec = a.prec * mult
            if mult > 1 and a.value.denominator == 1 and "." not in core.digits:
                a.prec = _prec_of(str(a.value.numerator))
        a.end = m.end()
        if g == "encur" and a.value.denominator == 1:
            self._and_cents(a)  # "two dollars and nineteen cents": $2.19
        if unit == "count" and core.currency is None and a.value >= _TOKENS_FROM \
                and _tokens_after(w, a.end, self.r.words.unit_words.get("token", ())):
            a.unit = "token"  # "14.8万亿个高质量token"

    def _and_cents(self, a: _Amount) -> None:
        """A whole sum of a currency's words, then "and" and the cents of it ("two dollars and nineteen cents",
        "2 dollars and 19 cents"): one sum, $2.19, not a sum and a second one of 19 cents."""
        from dsfact.numbers.numerals import _en_value

        m = self.r.and_cents.match(self.w, a.end)
        if m is None:
            return
        words = self.r.words
        n = m["n"]
        cents = int(n) if n.isdigit() else _en_value(n, words.en_small, words.en_tens, words.en_scale)
        if cents is None or not 0 < cents < 100:
            return
        a.value, a.prec, a.end = a.value + Fraction(cents, 100), Fraction(1, 100), m.end()

    def _special_unit(self, a: _Amount, m: re.Match, g: str, q: int) -> None:
        """成 (tenths), 日 as a day of the month, "x times less", 折, and cents after a currency sign."""
        core = a.core
        if g == "cheng":
            if core.kind == "en" or (core.kind == "ar" and core.value > 10):
                a.end = q
                return
            a.unit, a.unit_mult = "pct", 10
            tenth = (int(m["tenth"]) if m["tenth"].isdigit() else _ZH_DIGIT[m["tenth"]]) if m["tenth"] else 0
            a.value = core.value * 10 + (5 if m["half"] else tenth)
            a.prec = 5 if m["half"] else 1 if tenth else 10
            a.end = m.end()
            a.unit_explicit = True
        elif g == "inv":
            if core.value == 0:
                a.skip = True
                a.end = m.end()
                return
            a.unit = "ratio"
            a.inv = True
            a.value = Fraction(1) / a.value
            a.prec = None
            a.end = m.end()
            a.unit_explicit = True
        elif g in ("discount", "ri"):  # 折; 日 that is a day of the month
            a.skip = True
            a.end = m.end()
        else:  # cents after a currency sign: "$5 cents" is no unit
            a.end = q

    def _ri_is_day(self, core: _Core, m: re.Match) -> bool:
        """日 as a duration only with words that say so; "27日" alone is a day of the month, and so is "纽约27日"
        in a dateline (the 约 of 纽约, New York, is no "about")."""
        w = self.w
        left = w[max(0, core.start - 4):core.start]
        after = w[m.end():m.end() + 2]
        return bool(re.search(r"(?:连续|为期|历时|用时|耗时|逾|近|(?<![纽紐])约|仅|共|长达|持续|超过)$", left) or
                    re.match(r"(?:内|后|间|以来|来|之内)", after))

    def _unit_word(self, core: _Core, m: re.Match, g: str, text: str
                   ) -> tuple[str | None, Exact, re.Match]:
        """The unit and multiplier a unit word names (None when it names none)."""
        unit: str | None = None
        mult = _ONE
        if g in _PLAIN:
            unit = {"gpuh": "gpu_hour"}.get(g, g)
        elif g == "ri":
            unit = "day"
        elif g == "zhcur":
            unit = self.r.words.zh_currency[text]
            if core.currency and unit == "元":
                unit = core.currency
        elif g == "encur":
            unit = _en_currency(text.lstrip("-"), core.currency, self.r.words)  # "-dollar": an adjective
        elif g == "cents":
            unit, mult = "USD", Fraction(1, 100)
        elif g == "dollarcjk":  # 60刀, 2.19刀: only after a figure in digits with no currency of its own
            unit = "USD" if core.kind == "ar" and core.currency is None else None
        elif g == "watt":
            unit = "W"
            mult = {"兆瓦": 10 ** 6, "千瓦": 10 ** 3, "吉瓦": 10 ** 9}.get(text, 1)
            prefix = m.groupdict().get("wp")  # only in the alternative of a W after a figure
            if prefix:
                mult = _SI[prefix]
        elif g == "wh":
            unit = "Wh"
            if text in ("千瓦时", "度电"):
                mult = 10 ** 3
            elif text[0] in "kKMGT":
                mult = _SI[text[0]]
        elif g == "measure":
            unit = self.r.words.measure.get(text, text)
        elif g == "counter":
            unit = "count"
            # 二億個GPU小時: a counter, then the real unit.
            m2 = self.r.unit.match(self.w, m.end())
            if m2 and m2.lastgroup in ("gpuh", "token") and "\n" not in self.w[m.end():m2.end()] \
                    and not _next_label(self.w, core.start, m2.end()):
                m = m2
                unit = {"gpuh": "gpu_hour", "token": "token"}[m2.lastgroup]
        return unit, mult, m

    def _unit_fits(self, core: _Core, g: str, unit: str, text: str, spaced: bool) -> bool:
        """Whether a unit word belongs to the number before it."""
        if g == "year" and core.kind == "ar" and core.scale == 1 and "." not in core.digits and \
                1000 <= core.value <= 2999 and text.startswith("年"):
            return False  # a calendar year the date reader did not take (2025年财...)
        if g == "factor" and text in ("x", "X") and spaced:
            return False
        if core.currency and unit not in ("count",) and unit not in self.r.words.currencies and unit != "USD":
            # "$5 billion" then a noun: the currency stays.
            if g not in ("pct",):
                return False
        return not (core.currency and unit == "count")

    def _read_after(self, a: _Amount) -> None:
        """Qualifier words and rates after the unit."""
        r, w, n = self.r, self.w, self.n
        end = a.end
        k = end + 1 if end < n and w[end].isspace() else end
        c = w[k] if k < n else ""  # the first character after the amount, past one space
        m = (r.post_qual_latin if c in _ASCII_LETTERS else r.post_qual).match(w, end) if c in r.post_qual_first else None
        if m:
            q = m["q"].lower()
            kind = r.post_qual_kinds.get(re.sub(r"\s+", " ", q), MORE_THAN)
            if q == "上下" and w.startswith(("上下游", "上下文"), m.start()):
                kind = None
            if kind:
                a.qual = kind
                a.end = end = m.end()
                k = end + 1 if end < n and w[end].isspace() else end
                c = w[k] if k < n else ""
        if a.unit in _NO_PER and a.unit != "pct":
            return
        m = r.per_suffix.match(w, end) if c in r.per_suffix_first else None
        if m is None and c in "(（":  # "$0.55 (cache miss) per million input tokens": the rate after a short aside
            aside = r.short_aside.match(w, end)
            if aside is not None and w[aside.end():aside.end() + 2].strip()[:1] in r.per_suffix_first:
                m = r.per_suffix.match(w, aside.end())
        if m:
            per = _rate_of(r, m)
            if per is None or a.unit == "pct":
                return
            a.per = per
            a.end = m.end()


_A_UNITS = frozenset(("month", "year", "day", "week", "hour", "share", "person"))  # "a month": no amount before


def _rate_of(r, m: re.Match) -> Per | None:
    """The rate a match of r.per_suffix writes ("per million tokens", "/百万tokens", "a month"); None when its noun
    is no rate's, "a" stands before an amount or a noun counted by number, or its amount divides."""
    noun = m["noun"]
    nouns = r.words.per_noun
    unit = nouns.get(noun if noun in nouns else noun.lower())
    if unit is None or m["a"] and (unit not in _A_UNITS or m["n"]):
        return None
    amount = _per_amount(m["n"])
    if amount is None or _divisor(m["n"], amount):
        return None
    return Per(amount, unit)


def _divisor(n: str | None, amount: float) -> bool:
    """Whether the amount after a rate's slash or "per" is another figure divided by, not a unit of the rate:
    a rate counts per one unit or a round power of ten of them ("per million tokens", "/百万tokens"), while
    "14.8 trillion tokens / 2.664 million GPU-hours" divides one figure by another, each a figure of its own."""
    if not n or "." not in n or amount <= 0:
        return False
    exponent = math.log10(amount)
    return abs(exponent - round(exponent)) > 1e-9


def _en_currency(text: str, currency: str | None, words) -> str:
    """The currency an English currency word or code names ("dollars" after HK$ stays HKD)."""
    kind = words.en_currency.get(re.sub(r"\s+", " ", text.lower()))
    if kind == "dollar":
        return currency or "USD"
    return kind or words.iso_codes.get(text.upper(), text.upper())


def rates_in(w: str, start: int, end: int) -> list[Per]:
    """The rates written in w[start:end], in their order, whether a figure stands before them or not ("Per thousand
    output tokens, R1 costs $0.0022", "$0.55 per million input tokens", "/百万tokens", 每千tokens): what a price that
    gives no rate of its own may have taken from the words before it."""
    from dsfact.numbers.patterns import _rx

    r, out = _rx(), []
    for m in r.per_suffix.finditer(w, start, end):
        if m["a"] or (m["kw"] and m.start("kw") > 0 and w[m.start("kw") - 1].isalnum()):
            continue  # "a month" is no written rate; nor a rate word inside another word
        per = _rate_of(r, m)
        if per is not None:
            out.append(per)
    return out

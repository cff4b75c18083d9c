"""Amounts: the number at a place with its scale (5.6 million, 560萬, 二千多), and the amount read from
it with its unit and what follows (see units.py), ready for the context (see context.py)."""
from __future__ import annotations

import re
from fractions import Fraction

from dsfact.model import APPROXIMATELY, MORE_THAN, Per
from dsfact.numbers.numerals import (
    _ONE,
    _ZH_BIG,
    _ZH_DIGIT,
    _ZH_NUM_CHARS,
    Exact,
    _arabic,
    _en_value,
    _prec_of,
    _zh_scale_value,
    _zh_split,
    _zh_value,
    zh_numeral_end,
)

_ZH_SCALE_FIRST = frozenset("十百千多万亿兆")  # what a Chinese scale after a figure begins with (5万, 3千多万)
_ZH_SCALE_WORDS = frozenset("万萬亿億兆")  # the scales a figure may end on before a word of Latin letters


def _smaller_part(w: str, r, q: int, scale: int) -> tuple[int, int, int] | None:
    """The rest of an amount told in two scales, right after its first ("557万" then "6千", "1亿" then "2000万",
    "5888亿" then "6200万"): (its value, its scale, where it ends) when digits with a scale smaller than `scale`
    stand right at w[q] and come to less than one `scale`; None otherwise."""
    if q >= len(w) or not w[q].isdigit():
        return None
    m = r.arabic.match(w, q)
    if m is None or not m.group().isdigit():
        return None
    ms = r.zh_scale.match(w, m.end())
    if ms is None or ms.group() != ms["s"] or "多" in ms["s"]:
        return None
    step = _zh_scale_value(ms["s"])
    if step is None or step >= scale or int(m.group()) * step >= scale:
        return None
    return int(m.group()) * step, step, ms.end()


class _Core:
    """A number read at one place, before its unit: value, precision and how it was written."""

    __slots__ = ("start", "end", "value", "prec", "kind", "scale", "mant", "currency",
                 "more", "digits", "lone", "parts", "high")

    def __init__(self, start: int, end: int, value: Exact, prec: Exact | None, kind: str):
        self.start = start
        self.end = end
        self.value = value
        self.prec = prec
        self.kind = kind  # "ar", "zh", "en"
        self.scale = _ONE
        self.mant = value
        self.currency: str | None = None
        self.more = False
        self.digits = ""
        self.lone = False
        self.parts = False  # read to a fraction of its scale: "two and three quarters million" (to a quarter million)
        self.high: Exact | None = None  # the second of two numbers said together: 两三千 (2,000 to 3,000)


class _Amount:
    """A number with its unit, as read forwards from its start."""

    __slots__ = ("core", "end", "value", "prec", "unit", "unit_explicit", "qual", "per", "skip",
                 "unit_mult", "inv")

    def __init__(self, core: _Core):
        self.core = core
        self.end = core.end
        self.value = core.value
        self.prec = core.prec
        self.unit: str | None = core.currency
        self.unit_explicit = core.currency is not None
        self.qual: str | None = MORE_THAN if core.more else None
        self.per: Per | None = None
        self.skip = False
        self.unit_mult = _ONE
        self.inv = False



# a model code (H800, A100: two digits or more) or a word in capitals (NVIDIA, GPUs) right after a figure;
# compiled when a figure is first glued to letters
_NAME_AFTER: re.Pattern | None = None
_WORD_AFTER: re.Pattern | None = None  # a capitalised word a grouped figure runs into (_grouped_before_word)


def is_cjk_at(w: str, at: int) -> bool:
    """Whether w[at] is a Chinese character (False outside w)."""
    return 0 <= at < len(w) and "\u3400" <= w[at] <= "\u9fff"


class _Amounts:
    """The amount readers of the scanner (a part of `_Scanner`)."""

    def _read_core(self, p: int, start: int, currency: str | None = None) -> _Core | None:
        """The number at p (Arabic with scale, Chinese numeral, or English words)."""
        c = self.w[p] if p < self.n else ""
        if c.isdigit():
            core = self._read_arabic(p, start, currency)
        elif c in _ZH_NUM_CHARS:
            core = self._read_zh_numeral(p, start)
        elif c.isalpha():
            core = self._read_en_words(p, start)
        else:
            return None
        return None if core is None else self._finish_core(core, currency)

    def _read_arabic(self, p: int, start: int, currency: str | None = None) -> _Core | None:
        r, w, n = self.r, self.w, self.n
        m = r.arabic.match(w, p)
        if not m:
            return None
        digits = m.group()
        av = _arabic(digits)
        if av is None:
            return None
        q = m.end()
        core = _Core(start, q, av[0], av[1], "ar")
        core.digits = digits
        c = w[q] if q < n else ""
        if c and c in "多余" and q + 1 < n and w[q + 1] in "万亿":
            core.more = True
            q += 1
            c = w[q]
        if c.isspace() and type(av[0]) is int and 0 < av[0] < 1000 and self._and_fraction(core):
            return core  # "5 and a half million"
        k = q + 1 if c.isspace() else q
        lead = w[k] if k < n else ""  # what a scale word after the figure would begin with
        ms = r.zh_scale.match(w, q) if lead in _ZH_SCALE_FIRST else None
        if ms:
            sv = _zh_scale_value(ms["s"])
            if sv is not None:
                if "多" in ms["s"]:
                    core.more = True
                core.scale = sv
                core.end = ms.end()
                tail = _smaller_part(self.w, self.r, core.end, sv) if not core.more else None
                if tail is not None:  # "557万6千美元", "1亿2000万美元": one amount told in two scales
                    part, step, core.end = tail
                    core.value, core.prec = core.value + Fraction(part, sv), Fraction(step, sv)
        else:
            me = r.en_scale.match(w, q) if lead in r.en_scale_first else None
            if me is None and c == "-" and w[q + 1:q + 2] in r.en_scale_first:  # "$500-billion": a scale word
                me = r.en_scale.match(w, q + 1)
                me = me if me is not None and me["w"] else None
            if me is None and currency and c == " ":  # "$589 B": a capital scale letter spaced after a sum of money
                me = r.spaced_scale.match(w, q)
            if me:
                words = r.words
                sv = words.en_scale[me["w"].lower()] if me["w"] else words.scale_abbr[me["a"] or me["l"]]
                core.scale = sv
                core.end = me.end()
        return core

    def _read_zh_numeral(self, p: int, start: int) -> _Core | None:
        w = self.w
        end = zh_numeral_end(w, p)
        run = w[p:end]
        if end < self.n and w[end] == "点" and end + 1 < self.n and w[end + 1] in _ZH_DIGIT:
            e2 = end + 1
            while e2 < self.n and w[e2] in _ZH_DIGIT:
                e2 += 1
            run, end = w[p:e2], e2
        zv = _zh_value(run)
        if zv is None:
            return self._zh_pair(run, start, end)
        if "点" in run and end < self.n and w[end] in _ZH_SCALE_FIRST:
            ms = self.r.zh_scale.match(w, end)  # 十四点八万亿, 五百五十七点六万: the decimals' scale after them
            sv = _zh_scale_value(ms["s"]) if ms and not ms.group().isspace() and ms["s"][-1] in _ZH_BIG else None
            if sv is not None and "多" not in ms["s"]:
                core = _Core(start, ms.end(), zv[0] * sv, zv[1] * sv, "zh")
                core.mant, core.scale, core.digits = zv[0], sv, w[p:ms.end()]
                return core
        if end + 1 < self.n and w[end] in "多余" and w[end + 1] in "万亿":
            big = _ZH_BIG[w[end + 1]]
            core = _Core(start, end + 2, zv[0] * big, zv[1] * big, "zh")
            core.more = True
            core.mant, core.scale = zv[0], big
        else:
            core = _Core(start, end, zv[0], zv[1], "zh")
            core.lone = run == "一"
        core.digits = run
        return core

    def _zh_pair(self, run: str, start: int, end: int) -> _Core | None:
        """Two numbers said together before their scale, as Chinese says "two or three thousand": 两三千 is
        2,000 to 3,000, 一两百万 one to two million (the second one more than the first; the scale said)."""
        tail = run[2:]
        if len(run) < 3 or run[0] not in _ZH_DIGIT or run[1] not in _ZH_DIGIT or \
                _ZH_DIGIT[run[1]] != _ZH_DIGIT[run[0]] + 1 or _ZH_DIGIT[run[0]] == 0 or \
                any(c not in "十百千万亿" for c in tail):
            return None
        lo, hi = _zh_value(run[0] + tail), _zh_value(run[1] + tail)
        if lo is None or hi is None:
            return None
        core = _Core(start, end, lo[0], lo[1], "zh")
        core.high, core.digits = hi[0], run[0] + tail
        return core

    def _read_en_words(self, p: int, start: int) -> _Core | None:
        m = self.r.en_words.match(self.w, p)
        if not m:
            return None
        words = self.r.words
        tables = (words.en_small, words.en_tens, words.en_scale)
        text = m.group()
        v = _en_value(text, *tables)
        # Trim trailing words that do not parse ("two thousand and").
        while v is None and " " in text.strip():
            text = text.rsplit(None, 1)[0]
            v = _en_value(text, *tables)
            if v is not None and text[-4:].lower() == " and":  # "between sixty and sixty-five billion",
                text = text[:-4]  # "two and three quarters million": the "and" is the next words'
        if v is None:
            first = re.match(r"[A-Za-z]+(?:-[A-Za-z]+)?", text).group()
            v = _en_value(first, *tables)
            text = first
            if v is None:
                return None
        if type(v) is int and v < 1000 and (said := self._spoken_decimal(start, p, p + len(text), v)) is not None:
            return said  # "five point six million", "one point three million GPUs"
        core = _Core(start, p + len(text), v, _prec_of(str(v)), "en")
        core.lone = text.lower() == "one"
        core.digits = text
        if 0 < v < 1000:
            self._and_fraction(core)
        return core

    def _spoken_decimal(self, start: int, p: int, q: int, whole: int) -> _Core | None:
        """A whole number said in words (at p, ending at q), "point", then its decimals one digit word each and
        its scale: "five point six million" is 5.6 million, "two point seven eight eight million" 2.788 million
        (numbers.words [spoken-decimals]); "at one point" is no number."""
        r, w = self.r, self.w
        m = r.spoken_point.match(w, q) if r.spoken_point is not None else None
        if m is None or w[max(0, p - 4):p].strip().lower() in r.point_after:
            return None
        digits = "".join(str(r.point_digit[d.lower()]) for d in re.split(r"[\s-]+", m["d"].strip()))
        me = r.en_scale.match(w, m.end())
        scale, end = (r.words.en_scale[me["w"].lower()], me.end()) if me is not None and me["w"] else (1, m.end())
        core = _Core(start, end, Fraction(int(str(whole) + digits), 10 ** len(digits)) * scale,
                     Fraction(scale, 10 ** len(digits)), "en")
        core.digits = w[p:end]
        return core

    def _and_fraction(self, core: _Core) -> bool:
        """A whole number and a fraction of one, then the scale of both: "five and a half million" is
        5.5 million (not five, then a ratio of one half), "two-and-a-half months" 2.5 months."""
        w, p = self.w, core.end
        k = p + 1 if w.startswith("-", p) else p
        while k < self.n and w[k].isspace():  # str.isspace is the pattern's \s
            k += 1
        if k == p or w[k:k + 3].lower() != "and":  # what the pattern needs first (it is compiled on first use)
            return False
        m = self.r.and_frac.match(w, p)
        if m is None:
            return False
        words = self.r.words
        den_word = m["den"].lower()
        den = words.en_den.get("half" if den_word == "halves" else den_word.removesuffix("s")) \
            or words.en_den.get(den_word)
        n_word = m["n"].lower()
        num = 1 if n_word in ("a", "an") else words.en_small.get(n_word, 0)
        if not den or not 0 < num < den:
            return False
        scale = _en_value("one " + m["s"].strip(" -"), words.en_small, words.en_tens, words.en_scale) \
            if m["s"] else 1
        if scale is None:
            return False
        if core.kind == "ar":  # its scale is applied when the core is finished
            core.value, core.prec, core.scale = core.value + Fraction(num, den), Fraction(1, den), scale
        else:
            value = (core.value + Fraction(num, den)) * scale
            core.value = value.numerator if value.denominator == 1 else value
            core.prec = Fraction(scale, den)
        core.end = m.end()
        core.lone = False
        core.parts = True
        core.digits += m.group()
        return True

    def _loose_amount(self, p: int, m: re.Match) -> int:
        """A number said loosely before its scale ("a couple of thousand GPUs"): about the number times the
        scale, read only to the scale (numbers.words [loose-numbers])."""
        words = self.r.words
        scale = _en_value("one " + m["s"], words.en_small, words.en_tens, words.en_scale) or 1
        core = _Core(p, m.end(), words.loose[" ".join(m["w"].lower().split())] * scale, scale, "en")
        core.digits, core.parts = m.group(), True
        a = _Amount(self._finish_core(core, None))
        a.qual = APPROXIMATELY
        self._read_unit(a)
        if a.skip:
            return a.end
        self._read_after(a)
        return self._finalize(a)

    def _finish_core(self, core: _Core, currency: str | None) -> _Core:
        if core.kind == "ar":
            core.mant = core.value
            if core.scale != 1:
                core.value = core.value * core.scale
                core.prec = core.prec * core.scale if core.prec is not None else None
        elif core.kind == "zh":
            if core.scale == 1:
                core.mant, core.scale = _zh_split(core.digits, core.value)
            else:
                core.mant = Fraction(core.value, core.scale)
        else:
            core.mant = core.value
        if core.value.denominator == 1 and "." not in core.digits and "点" not in core.digits and not core.parts:
            # Integers as written: the place of the last significant digit of the whole value,
            # never fewer than two significant digits (1億 -> 1e7, 550 萬 -> 1e5).
            core.prec = _prec_of(str(core.value.numerator))
        core.currency = currency
        w = self.w
        q = core.end
        if q < self.n and w[q] in "+":
            if not (q + 1 < self.n and w[q + 1].isdigit()):
                core.more = True
                core.end = q + 1
        return core

    def _amount_at(self, start: int, p: int, currency: str | None = None) -> int | None:
        a = self._read_amount(start, p, currency)
        if a is None:
            return None
        if type(a) is int:
            return a
        return self._finalize(a)

    def _read_amount(self, start: int, p: int, currency: str | None = None) -> _Amount | int | None:
        core = self._read_core(p, start, currency)
        if core is None:
            return None
        a = _Amount(core)
        self._read_unit(a)
        if a.skip:
            return a.end
        end = core.end
        if a.end == end and core.kind == "ar" and end < self.n and self.w[end].isascii() and self.w[end].isalpha() \
                and not self._before_name(start, end) and not self._grouped_before_word(start, end) \
                and not self._scale_before_word(end):
            # Glued to letters that are no unit: 5G, 3D.
            return self.r.glued_tail.match(self.w, end).end()
        self._read_after(a)
        return a

    def _grouped_before_word(self, start: int, end: int) -> bool:
        """Whether a figure written with a thousands separator runs into a capitalised word, its space lost
        ("about2,000Nvidia H800 chips", a page's markup taken out): no code carries a separator, so the word is
        one of its own, not a code the figure is part of (5G, 3D, H800)."""
        global _WORD_AFTER
        if _WORD_AFTER is None:
            _WORD_AFTER = re.compile(r"[A-Z][a-z]{2,}(?![A-Za-z0-9])")
        return "," in self.w[start:end] and _WORD_AFTER.match(self.w, end) is not None

    def _scale_before_word(self, end: int) -> bool:
        """Whether a figure that ends on a Chinese scale word runs into Latin letters ("€200亿InvestAI",
        "5000億美元Stargate" without its unit, "$5亿OpenAI"): a code glues its letters to digits (5G, 3D, H800),
        never to 万/亿, so the letters begin a word of their own and the figure is an amount. In English text a
        scale word is spelled and spaced ("€200bn InvestAI"), so this reads only Chinese."""
        return self.w[end - 1] in _ZH_SCALE_WORDS

    def _before_name(self, start: int, end: int) -> bool:
        """Whether the letters glued to a figure in Chinese text begin a name of their own, which the figure
        counts: a model code ("2048H800显卡": H800) or a word in capitals ("10万NVIDIA H100", "2048GPU").
        A code of one digit (2025Q4, 2024H1) is a period; in English text letters glued on make a code."""
        global _NAME_AFTER
        if _NAME_AFTER is None:
            _NAME_AFTER = re.compile(r"[A-Z]{1,2}[0-9]{2,}|[A-Z]{3,}s?")
        w = self.w
        m = _NAME_AFTER.match(w, end)
        if m is None or not (is_cjk_at(w, start - 1) or is_cjk_at(w, end - 1) or is_cjk_at(w, m.end())):
            return False
        return m.end() >= self.n or not (w[m.end()].isascii() and w[m.end()].isalnum())

    def _amount_after_value(self, start: int, end: int, value: Exact, prec: Exact,
                            unit: str) -> int:
        core = _Core(start, end, value, prec, "zh")
        a = _Amount(core)
        a.unit, a.unit_explicit = unit, True
        self._read_after(a)
        return self._finalize(a)

    def _finish_simple(self, start: int, end: int, value: Exact, unit: str, prec: bool = True) -> int:
        core = _Core(start, end, value, _prec_of(str(int(value))) if prec else None,
                     "en")
        a = _Amount(core)
        a.unit, a.unit_explicit = unit, True
        self._read_after(a)
        return self._finalize(a)

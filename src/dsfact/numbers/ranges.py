"""Ranges: "$5-6 billion", "3萬至4萬美元", "between 60 and 65 billion", "20-50 times lower": two ends that
share a unit and a scale. After a move word, two sums of money (or of index points) are a move and its level when
their scale words differ or the second dwarfs the first ("lost $593bn to $2.9tn", "fell $24.20 to $118.42", "slid
612.47 points to 19,341.83 points")."""
from __future__ import annotations

import re
from fractions import Fraction

from dsfact.numbers.amounts import _Amount
from dsfact.numbers.numerals import _ONE, _ZH_DIGIT, _ZH_NUM_CHARS, _prec_of

_LEVEL_OVER_MOVE = 4  # a second end this many times the first, after a move word, is the level the move ends at
_YEARS = range(1900, 2100)  # a bare whole number of these digits before a sum with its currency sign is a year


def _year_like(a: _Amount) -> bool:
    """Whether amount `a` is written as a year: four digits of this or the last century, no scale, no fraction."""
    return a.core.scale == _ONE and a.core.kind != "zh" and isinstance(a.value, (int, Fraction)) \
        and Fraction(a.value).denominator == 1 and int(a.value) in _YEARS and a.end - a.core.start == 4


class _Ranges:
    """The range reader of the scanner (a part of `_Scanner`)."""

    def _read_range(self, a: _Amount) -> tuple[_Amount, _Amount] | None:
        """The second end of a range after `a`, sharing its unit and scale; `a` becomes the low end.
        None (and `a` unchanged) when no range follows."""
        found = self._range_end(a)
        if found is None:
            return None
        b, conn = found
        return self._join_range(a, b, conn)

    def _range_end(self, a: _Amount) -> tuple[_Amount, str] | None:
        """The amount after a range connector ("-", "to", 至, "and" after "between") and the connector."""
        r, w = self.r, self.w
        m = r.range_conn.match(w, a.end)
        if not m:
            return None
        conn = m.group().strip()
        if conn in ("~", "〜") and "\n" in m.group():
            return None  # a tilde that opens the next line (a table's next cell) is its figure's "about": "~2 months⏎~3 months"
        start = a.core.start
        if conn == "and" and not r.between.search(w, max(0, start - 20), start):
            return None
        if r.from_before.search(w, max(0, start - 6), start):
            return None
        if conn not in ("-", "–", "—", "~", "〜") and r.up_to.search(w, max(0, m.start() - 4), m.end()):
            return None  # "$100 billion and up to $500 billion": "up to" qualifies the second figure
        q = m.end()
        if q >= self.n:
            return None
        c = w[q]
        currency = None
        p2 = q
        if c in "$€£¥￥":
            cur_m = re.match(r"[$€£¥￥]\s?", w[q:q + 2])
            currency = a.core.currency or self.r.words.symbol.get(c, "USD")
            p2 = q + cur_m.end()
        elif w.startswith(("US$", "HK$"), q):
            currency = "USD" if w[q] == "U" else "HKD"
            p2 = q + 3
        if p2 >= self.n:
            return None
        if currency is not None and a.core.currency is None and _year_like(a):
            return None  # "lift spending in 2025 to $65 billion": a year, then the sum; a range repeats its currency
        c = w[p2]
        if not (c.isdigit() or c in _ZH_NUM_CHARS or (c.isalpha() and a.core.kind == "en")):
            return None
        if c.isdigit() and (r.iso.match(w, p2) or r.time.match(w, p2)):
            return None
        b = self._read_amount(q, p2, currency)
        if not isinstance(b, _Amount):
            return None
        if b.core.kind == "zh" and a.core.kind != "zh" and not b.unit_explicit:
            return None
        sa, sb = a.core.scale, b.core.scale
        if (currency or a.unit in r.words.currencies or a.unit == "point") and (_ONE != sa != sb != _ONE or sa == sb and
                                                             b.value >= _LEVEL_OVER_MOVE * a.value) and self._moved_before(a):
            # "lost $593bn to $2.9tn", "蒸发5890亿美元至2.9万亿美元", "fell $22 to $118", "slid 612.47 points to 19,341.83
            # points": a move, then the level it ends at (the ends of a range of money or of index points share their
            # scale word and stay within a few times each other)
            return None
        return b, conn

    def _moved_before(self, a: _Amount) -> bool:
        """Whether a move word (numbers.words [directions]) stands before amount `a` in its clause."""
        return self.r.direction.last(self._clause_before(a.core.start)) is not None

    def _split_scale(self, core) -> tuple:
        """A number's mantissa and the scale word it ends with: "sixty-five billion" is 65 and a billion (a
        number in words carries its scale in its value), 四千 4 and a thousand."""
        digit = _ZH_DIGIT.get(core.digits[:1], 0) if core.kind == "zh" and len(core.digits) == 2 else 0
        if digit and core.scale == 1 and core.digits[1] in "百千":  # 三至四千块: the thousand is the scale of both
            return digit, core.value // digit
        if core.kind != "en":
            return core.mant, core.scale
        last = core.digits.replace("-", " ").split()[-1].lower() if core.digits.strip() else ""
        scale = self.r.words.en_scale.get(last, 1)
        if scale < 1000 or core.value % scale:
            return core.mant, _ONE
        return core.value // scale, scale

    def _join_range(self, a: _Amount, b: _Amount, conn: str) -> tuple[_Amount, _Amount] | None:
        # Share unit and scale; nothing in `a` changes unless the range holds.
        lo_value, lo_prec = a.value, a.prec
        lo_unit, lo_mult, lo_explicit = a.unit, a.unit_mult, a.unit_explicit
        if a.unit_explicit and b.unit_explicit:
            if a.unit != b.unit:
                return None
        elif b.unit_explicit:
            if b.inv:  # "20-50 times lower": 1/50 to 1/20
                if a.value == 0 or b.value == 0:
                    return None
                lo_value, b.value = b.value, Fraction(1) / a.value
                lo_prec = None
                a.value, a.prec, a.unit, a.unit_mult, a.unit_explicit = lo_value, None, "ratio", _ONE, True
                a.end = b.end
                return a, b
            lo_unit, lo_mult, lo_explicit = b.unit, b.unit_mult, True
            if b.unit == "pct" and b.unit_mult == 10:  # 三至四成
                lo_value, lo_prec = lo_value * 10, 10
            elif b.unit_mult != 1:
                lo_value = lo_value * b.unit_mult
                lo_prec = lo_prec * b.unit_mult if lo_prec is not None else None
        elif a.unit_explicit:
            if conn not in ("-", "–", "—", "~", "〜") and not (b.core.scale == a.core.scale != 1):
                return None  # "lost 1.46% to 6,012.28": a move and a level, not a range
            if a.unit_mult != 1:
                b.value = b.value * a.unit_mult
                b.prec = b.prec * a.unit_mult if b.prec is not None else None
            b.unit = a.unit
        # "$5-6 billion", "60 to 65 billion", "3至4万", "sixty to sixty-five billion": the first end takes the
        # second's scale.
        b_mant, b_scale = self._split_scale(b.core)
        if a.core.scale == 1 and b_scale != 1 and (a.core.kind != "en" or a.core.value < 1000) and \
                a.core.value <= b_mant:
            lo_value = lo_value * b_scale
            if lo_value.denominator == 1 and "." not in a.core.digits:
                lo_prec = _prec_of(str(lo_value.numerator))
            elif lo_prec is not None:
                lo_prec = lo_prec * b_scale
        if not lo_value < b.value:
            return None
        if conn == "-" and lo_value == 0:
            return None
        a.value, a.prec = lo_value, lo_prec
        a.unit, a.unit_mult, a.unit_explicit = lo_unit, lo_mult, lo_explicit
        if b.qual is not None and a.qual is None:
            a.qual = b.qual
        a.end = b.end
        a.per = b.per
        return a, b


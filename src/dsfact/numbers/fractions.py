"""Fractions and ratios: 1/8, 二十分之一, 百分之五, one-eleventh, half a trillion."""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

from dsfact.numbers.numerals import Exact, _arabic, _zh_value


class _Fractions:
    """The fraction readers of the scanner (a part of `_Scanner`)."""

    def _slash(self, p: int, m: re.Match) -> int:
        n, d = int(m["n"]), int(m["d"])
        if m["t"] == "s" or d == 0:
            return m.end()
        if 0 < n < d <= 1000 and n <= 99 and not _post_number(self.w, p, m.end()):
            return self._finish_simple(p, m.end(), Fraction(n, d), "ratio", prec=False)
        return m.end()

    def _zh_fraction(self, p: int, at: int, den: tuple[Exact, Exact] | None) -> int:
        """N分之M; `at` is where 分之 starts."""
        m = self.r.zh_frac.match(self.w, at)
        if not m or not den or den[0] == 0:
            return at + 2
        num = _arabic(m["n"]) if m["n"][0].isdigit() else _zh_value(m["n"])
        if not num:
            return m.end()
        if den[0] == 100:
            return self._amount_after_value(p, m.end(), num[0], num[1], "pct")
        return self._finish_simple(p, m.end(), Fraction(num[0], den[0]), "ratio", prec=False)

    def _percent_words(self, p: int) -> int:
        m = self.r.zh_frac.match(self.w, p + 1)
        if not m:
            return p + 1
        num = _arabic(m["n"]) if m["n"][0].isdigit() else _zh_value(m["n"])
        if not num:
            return m.end()
        return self._amount_after_value(p, m.end(), num[0], num[1], "pct")

    def _en_fraction(self, p: int, m: re.Match) -> int | None:
        w, words = self.w, self.r.words
        den_word = m["den"].lower()
        base = den_word[:-1] if den_word.endswith("s") and den_word[:-1] in words.en_den else den_word
        if base == "halves":
            base = "half"
        den = words.en_den.get(base)
        if den is None:
            return None
        n_word = (m["n"] or "").lower()
        if not n_word:
            if base != "half":
                return None
            scaled = self.r.half_scale.match(w, m.end())
            if scaled:  # "half a trillion dollars": half of the amount that follows
                return self._half_of(p, scaled.start("a"))
            if self.r.half_before.search(w, max(0, p - 12), p) or not (
                    self.r.half_after.match(w, m.end())
                    or re.search(r"(?i)(?:by|in|cut|about|nearly|roughly|almost|around|over|under|"
                                 r"than|just)\s+$", w[max(0, p - 12):p])):
                return p + 4
            num = 1
        else:
            num = 1 if n_word in ("a", "an") else words.en_small[n_word]
        scaled = self.r.part_scale.match(w, m.end()) if num < den else None
        if scaled:  # "a quarter of a trillion dollars": that part of the amount that follows
            return self._half_of(p, scaled.start("a"), Fraction(num, den))
        if base == "quarter" and not self.r.of_after.match(w, m.end()):
            return m.end()
        if base == "half" and n_word and n_word not in ("a", "an", "one"):
            return None
        if num >= den:
            return None
        return self._finish_simple(p, m.end(), Fraction(num, den), "ratio", prec=False)

    def _half_of(self, p: int, at: int, part: Fraction = Fraction(1, 2)) -> int | None:
        """Read the amount at `at` ("a trillion dollars") as half of it, or another part, spanning from p ("half")."""
        count = len(self.out)
        end = self._amount_at(p, at)
        if len(self.out) == count + 1:
            q = self.out[-1]
            if isinstance(q.value, float) and q.unit != "date":
                # a writer's rounding to the nearest half: "half a trillion" is read as 375 to 625 billion
                # (Nvidia's $589 billion loss is "half a trillion dollars"), not as 500 billion to the digit
                # ("a quarter of a trillion": to the nearest quarter)
                precision = q.value / 2 / part.denominator if q.precision else q.precision
                value = q.value * part.numerator / part.denominator
                self.out[-1] = q._replace(text=self.text[p:q.end], start=p, value=value, precision=precision)
        return end



def _post_number(w: str, a: int, b: int) -> bool:
    """Whether the slash figure w[a:b] numbers a post of a thread ("2/8 The final run cost...", "(2/11)
    DeepSeek...", "...one by one. 1/8", "🧵 1/4"): it opens its line before the post's first word (a capital,
    a Chinese character: not "1/8 of the chips"), or ends its line after a sentence's end or a symbol. A
    fraction in a sentence ("硬件要求1/8", "cut to 1/8") is read."""
    start = w.rfind("\n", 0, a) + 1
    before = w[start:a].rstrip(" \t(（")
    after = w[b:b + 2].lstrip(")）")
    if not before.strip():
        return after[:1] in (" ", "\t") and _post_word(w, b)
    if after[:1] not in ("", "\n", "\r") and w[b:].lstrip(")）").lstrip(" \t")[:1] not in ("", "\n", "\r"):
        return False
    last = before.rstrip()[-1:]
    return last in ".!?。！？" or (last != "" and unicodedata.category(last)[0] == "S")


def _post_word(w: str, b: int) -> bool:
    rest = w[b:b + 8].lstrip(")）").lstrip(" \t")
    first = rest[:1]
    return first != "" and (first.isupper() or "\u4e00" <= first <= "\u9fff" or unicodedata.category(first)[0] == "S")

"""What a place where a figure can start holds: a digit, a currency sign, a Chinese numeral or an English
number word; and the things that only look like amounts (model and index names, stock codes,
citations, times, versions, ordinals, addresses)."""
from __future__ import annotations

import re
from fractions import Fraction

from dsfact.numbers.numerals import _ONE, _arabic, _zh_value, zh_numeral_end
from dsfact.numbers.patterns import lazy

# The characters before a digit that make it part of something else (a name, a citation, a code, a time,
# an ordinal); before any other, only a space (a currency code, 第 ...) needs a look.
_MARKS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-._[(/:第")
_VAGUE = frozenset("数几上好成多0123456789")  # 数万, 几千, 上百, 3万: no figure a reader can hold to


def _vague_before(w: str, lo: int, p: int) -> bool:
    """Whether the character before p (within lo..p, a final line break aside) makes a numeral vague."""
    k = p - 2 if p - 1 >= lo and w[p - 1] == "\n" else p - 1
    return k >= lo and w[k] in _VAGUE


_GLUED_WORD = re.compile(r"[a-z](?<![A-Za-z0-9].)[a-z]+$")  # a lower-case word right before a figure
_GLUED_FIGURE = lazy(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{2,3}[kK](?![A-Za-z0-9])")


def _word_glued(w: str, p: int) -> bool:
    """Whether the figure at p is glued to the lower-case word before it by a lost space ("a monumental100,000-unit
    cluster", "on100k H100s"), not a code: it is grouped in thousands or counted in k, which no model code is."""
    return _GLUED_WORD.search(w, max(0, p - 24), p) is not None and _GLUED_FIGURE.match(w, p) is not None


def _named_label(w: str, colon: int) -> bool:
    """Whether the digits before the colon at `colon` end a name ("DeepSeek-V3:557.6万美元", "GPT-4: $100
    million"): a label before its figure, not a time or a ratio's first term."""
    k = colon
    while k > 0 and (w[k - 1].isdigit() or w[k - 1] == "."):
        k -= 1
    if k > 1 and w[k - 1] == "-":
        k -= 1
    return k > 0 and w[k - 1].isascii() and w[k - 1].isalpha()


class _Triggers:
    """The readers the scan dispatches to (a part of `_Scanner`)."""

    def _digit(self, p: int) -> int | None:
        r, w = self.r, self.w
        prev = w[p - 1] if p else ""
        if prev in _MARKS:
            # Glued to letters: H800, GPT-4o, ETN1WWS, FY2025 (a currency code before is a prefix).
            if (prev.isascii() and prev.isalpha() and not _word_glued(w, p)) or (
                    prev in "-._" and p >= 2 and w[p - 2].isascii() and w[p - 2].isalpha()):
                code = re.search(r"(?<![A-Za-z])([A-Z]{3})$", w[max(0, p - 4):p])
                if prev.isalpha() and code and code.group(1) in r.words.iso_codes:
                    return self._amount_at(p - 3, p, currency=r.words.iso_codes[code.group(1)])
                return r.glued_tail.match(w, p).end()
            if prev == "[" and r.citation.match(w, p):
                return r.citation.match(w, p).end()
            if prev == "(" and r.paren_code.match(w, p):
                return r.paren_code.match(w, p).end()
            if prev in "/:" and p >= 2 and w[p - 2].isdigit() and not (prev == ":" and _named_label(w, p - 1)):
                return r.glued_tail.match(w, p).end()
            if prev == "第":  # after an ordinal (_after_ordinal)
                m = r.arabic.match(w, p)
                return m.end() if m else p + 1
        elif prev == " ":
            code = r.code_before.search(w, max(0, p - 5), p)
            if code:
                return self._amount_at(code.start(), p, currency=r.words.iso_codes[code.group(1)])
            if p > 1 and w[p - 2] == "第":
                m = r.arabic.match(w, p)
                return m.end() if m else p + 1
        if self.urlish and self._in_url(p):
            end = p
            while end < self.n and not w[end].isspace():
                end += 1
            return end
        # What follows the digit run decides which readers can apply (most need a separator).
        run_end = r.digits.match(w, p).end()
        nxt = w[run_end] if run_end < self.n else ""
        nxt2 = w[run_end + 1] if run_end + 1 < self.n else ""
        if nxt == ":" and r.time.match(w, p):
            return r.time.match(w, p).end()
        if run_end - p <= 2 and (nxt in "点时" and r.zh_clock.search(w, max(0, p - 12), p)
                                 or nxt in " apoAPO" and r.en_clock.match(w, run_end)):
            return run_end + 1 if nxt in "点时" else r.en_clock.match(w, run_end).end()  # "凌晨5点", "5 a.m.": an hour
        if nxt in "-/. 年月" or (nxt in "stnr" and run_end - p <= 2) or nxt2 in "年月" or \
                (nxt in "日号" and run_end - p <= 2):
            d = self._try_dates_digit(p, run_end)
            if d is not None:
                return d
        if self._after_name(p):
            end = r.name_tail.match(w, p).end()
            if not r.percent_after.match(w, end):  # "the S&P 500 1.5%, the Nasdaq 3.1%": a move, no part of the name
                return end
        if w[p] == "0":
            m = r.zero_one.match(w, p) or r.lead_zero.match(w, p)
            if m:  # "0-1是最難的" is a way of speaking; 00700 is a stock code
                return m.end()
        if nxt in ".- ":
            m = r.version.match(w, p) or r.phone.match(w, p)
            if m:
                return m.end()
        if nxt == "s" and r.decade.match(w, p):
            return r.decade.match(w, p).end()
        if nxt == "/":
            m = r.slash.match(w, p)
            if m:
                return self._slash(p, m)
        if nxt in "stnr":
            m = r.ordinal.match(w, p)
            if m:
                return m.end()
        if nxt in "分 ." or nxt2 == "分":
            m = r.zh_frac_den.match(w, p)
            if m:
                return self._zh_fraction(p, m.end() - 2, _arabic(m.group(1)))
        if nxt in r.product_first or (nxt == " " and nxt2 in r.product_first):
            m = r.product.match(w, p)
            if m:
                return self._product(p, m)
        return self._amount_at(p, p)

    def _product(self, p: int, m: re.Match) -> int:
        """A product of counts read as one count: "64×8 H800 chips" is 512 (64 nodes of 8 GPUs), never 64
        or 8 alone; 64台×8卡, "2 x 4 x 8". A product whose last factor has a unit other than a count (64×8GB)
        is no count at all: nothing is read."""
        r, w = self.r, self.w
        value = int(m["a"])
        q = m.end()
        while True:
            f = r.product_factor.match(w, q)
            if f is None:
                return q
            more = r.product_sign.match(w, f.end())
            if more is None:
                break
            value *= int(f.group())
            q = more.end()
        a = self._read_amount(p, f.start())
        if a is None or type(a) is int:
            return f.end()
        if a.unit not in (None, "count") or a.per is not None:
            return a.end
        a.value = a.value * value
        a.prec = _ONE
        a.unit, a.unit_explicit = "count", True
        return self._finalize(a)

    def _after_ordinal(self, p: int) -> bool:
        w = self.w
        return p > 0 and (w[p - 1] == "第" or (p > 1 and w[p - 1] == " " and w[p - 2] == "第"))

    def _after_name(self, p: int) -> bool:
        """A number right after a product or index name is part of it: Llama 3, S&P 500, 标普500."""
        w = self.w
        i = p
        if i and w[i - 1] in " -.":
            i -= 1
            if i and w[i - 1] == " " and w[i] != " ":
                i -= 1
        if not i:
            return False
        c = w[i - 1]
        if c.isascii():
            if not (c.isalpha() or c == "&"):
                return False
            m = self.r.name_word_end.search(w, max(0, i - 16), i)
            return bool(m) and m.group() in self.names
        ends = self.names_zh_ends
        return (ends is None or c in ends) and w.endswith(self.names_zh, max(0, i - 6), i)

    def _in_url(self, p: int) -> bool:
        w = self.w
        lo = max(0, p - 80)
        if w.find("/", lo, p) < 0 and w.find("@", lo, p) < 0 and w.find("www.", lo, p) < 0:
            return False
        i = p
        while i > lo and not w[i - 1].isspace():
            i -= 1
        return bool(self.r.url_tok.search(w, i, p))

    def _currency(self, p: int, sym: str) -> int | None:
        w = self.w
        start = p
        if sym == "$":
            m = re.search(r"(?<![A-Za-z])(US|U\.S\.|HK|NT|AU|A|C|CA|S|SG|NZ)$", w[max(0, p - 4):p])
            prefix = m.group(1) if m else ""
            cur = self.r.words.dollar_prefix.get(prefix, "USD")
            start = p - len(prefix)
            after = None if prefix else re.match(r"(US|HK|NT|AU|A|NZ)(?=\s?\d)", w[p + 1:p + 6])
            if after:  # "$US600 billion", "$A5 million": the country after the sign
                cur = self.r.words.dollar_prefix[after.group(1)]
                q = p + 1 + after.end()
                if q < self.n and w[q] == " ":
                    q += 1
                return self._amount_at(start, q, currency=cur)
        else:
            cur = self.r.words.symbol.get(sym, "USD")
            if sym == "¥" and w[max(0, p - 3):p] == "RMB":
                cur, start = "CNY", p - 3
        q = p + 1
        if q < self.n and w[q] == " ":
            q += 1
        if q < self.n and w[q].isdigit():
            return self._amount_at(start, q, currency=cur)
        return p + 1

    def _zh(self, p: int) -> int | None:
        r, w = self.r, self.w
        end = zh_numeral_end(w, p)
        run = w[p:end]
        lo = max(0, p - 4)
        if p and (_vague_before(w, lo, p) or self._after_ordinal(p)
                  or w[p - 1] in "周期礼双唯统第"):
            m = r.zh_frac.match(w, end)
            return m.end() if m else end
        if run.startswith("百分之") or w.startswith("分之", p + 1) and run[0] == "百":
            return self._percent_words(p)
        d = self._try_dates_zh(p)
        if d is not None:
            return d
        if w.startswith("分之", end):
            v = _zh_value(run)
            return self._zh_fraction(p, end, v) if v else end + 2
        if run == "一" and w.startswith("半", end):
            return self._finish_simple(p, end + 1, Fraction(1, 2), "ratio", prec=False)
        if run == "一" and w.startswith("成不变", end):
            return end + 3
        return self._amount_at(p, p)

    def _word(self, p: int) -> int | None:
        r, w = self.r, self.w
        m = r.loose.match(w, p) if r.loose is not None else None
        if m:  # "a couple of GPUs", with no scale word, is no figure
            return self._loose_amount(p, m) if m["s"] else m.end()
        m = r.en_frac.match(w, p)
        if m:
            res = self._en_fraction(p, m)
            if res is not None:
                return res
        mw = re.match(r"[A-Za-z]+", w[p:p + 20])
        word = mw.group().lower() if mw else ""
        if word in r.words.en_fold:
            end = p + len(word)
            return self._finish_simple(p, end, r.words.en_fold[word], "factor")
        if word == "half":
            return p + 4
        m = r.en_words.match(w, p)
        if not m:
            return p + len(word) if word else None
        return self._amount_at(p, p)


"""Qualifiers and context: what the words around an amount say of it. "about", "nearly", 近, 逾, 不到
before it; "rose", 跌 and a +/- sign for its direction; 民國 years, bare years, and a rate (每百萬個token)
that holds for the next amount in the clause. `_finalize` brings an amount's reading together and emits it."""
from __future__ import annotations

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN, UP_TO, Per
from dsfact.numbers.amounts import _Amount
from dsfact.numbers.numerals import _ZH_BIG, _ZH_DIGIT, Exact, _num, _per_amount
from dsfact.numbers.patterns import lazy
from dsfact.numbers.vocab import _AT_LEAST, _DURATIONS, _FAR_LESS, _FAR_MORE, _MOVES, _NEARLY, _NEUTRAL

_PERIOD_BEFORE = lazy(r"(?i)\b(?:q[1-4]|h[12]|fy|1h|2h)\s?$")  # a quarter, half or fiscal year before its year
_RATE_ENDS = frozenset("。；;！？!?\n，,")  # a rate before a figure (每月) holds up to them
_RATE_REACH = 80  # how far after a rate its clause end is looked for
_LINKS = "为是有了在约达"  # may stand between a qualifier and its figure (约为, 达), as may a currency's name
_CURRENCY_NAMES = ("人民币", "港币", "美元", "新台币")
_ENTRY_MARKS = " \t-*•·#>_"  # what may stand before a chronology entry's year on its line: a bullet, bold, a heading
# A qualifier of a multiple read as one of its inverse ("more than 10 times cheaper": a ratio under 1/10;
# "up to 10 times cheaper": at least 1/10; "nearly 10 times cheaper": about 1/10, from above)
_INVERSE = {MORE_THAN: LESS_THAN, LESS_THAN: MORE_THAN, UP_TO: MORE_THAN, _NEARLY: APPROXIMATELY,
            _FAR_MORE: _FAR_LESS, _FAR_LESS: _FAR_MORE, _AT_LEAST: UP_TO}
# a comparison's base between a bound and its share or multiple: 不到OpenAI GPT-4o模型的十分之一
_BASE_REACH = 20
_SHARES = frozenset(("ratio", "pct", "factor"))

_SPOKEN_YEARS = range(1900, 2100)  # a year said in words after a year word is a year, as its digits are


def _adjacent(gap: str) -> bool:
    """Whether the words between a qualifier and its figure leave it the figure's: white space, perhaps
    one linking character and a currency's name ("约 人民币 3000万")."""
    rest = gap.lstrip()
    if rest[:1] and rest[0] in _LINKS:
        rest = rest[1:].lstrip()
    for name in _CURRENCY_NAMES:
        if rest.startswith(name):
            rest = rest[len(name):]
            break
    return not rest.strip()


def _named_base(gap: str) -> bool:
    """Whether the words between a qualifier and a share name its base without a 的: a name in Latin letters, then
    the Chinese noun of what is shared ("不及OpenAI GPT-4o模型训练成本1/10")."""
    rest = gap.rstrip()
    k = len(rest)
    while k > 0 and "\u4e00" <= rest[k - 1] <= "\u9fff":
        k -= 1
    return 0 < len(rest) - k <= 8 and k > 0 and rest[:k].strip()[:1].isascii() and rest[:k].strip()[:1].isalpha()


def _owned(gap: str) -> bool:
    """Whether the words between a qualifier and an amount end with a possessive (的, 's): the amount is
    the owner's, and the qualifier compares something else with it ("低于OpenAI o1的60美元")."""
    rest = gap.rstrip()
    return rest.endswith(("的", "'s", "’s", "之"))


class _Context:
    """The context readers of the scanner (a part of `_Scanner`)."""

    def _finalize(self, a: _Amount) -> int:
        """Range, year test, left-context qualifier and direction; then emit."""
        r, w = self.r, self.w
        core = a.core
        start = core.start
        high: Exact | None = None
        high_prec: Exact | None = None
        # Ranges: "$5-6 billion", "3萬至4萬美元", "between 60 and 65 billion".
        if a.per is None and a.unit not in ("ratio", "date") and r.range_conn.match(w, a.end):
            rng = self._read_range(a)
            if rng is not None:
                a, b = rng
                high, high_prec = b.value, b.prec
        if core.high is not None and high is None and a.unit_explicit and a.unit != "pct":  # 两三千块
            high, high_prec = core.high * a.unit_mult, a.prec
        if self._wants_unit(a, high):
            return a.end
        unit = a.unit or "count"
        if not a.unit_explicit and high is None:
            end = self._bare_year(a)
            if end is not None:
                return end
        if unit == "元":  # 人民幣3800億元
            mc = r.cny_before.search(w, max(self.last_end, start - 4), start)
            if mc:
                unit = r.words.zh_currency[mc.group(1)]
        if unit == "year" and core.kind == "ar" and r.roc.search(w, max(0, start - 4), start):
            return self._emit_date(start, a.end, f"{1911 + int(core.value):04d}")
        qual, direction, start = self._left_context(start, unit, a)
        if a.qual is not None:
            qual = a.qual if qual in (None, _NEUTRAL) or a.qual in (MORE_THAN, _AT_LEAST) else qual
        if a.inv:  # "more than 10 times cheaper" is less than a tenth; "nearly 10 times cheaper" just over it
            qual = _INVERSE.get(qual, qual)
        if unit in _MOVES:
            md = r.dir_noun_after.match(w, a.end) or (r.dir_after.match(w, a.end) if direction is None else None)
            if md:
                direction = "down" if md["down"] else "up"
                self._restated_back(start, unit, direction)
        if unit not in _MOVES and unit not in r.words.currencies:
            direction = None
        prec = a.prec
        if high_prec is not None and prec is not None:
            prec = max(prec, high_prec)
        if unit in ("ratio", "date"):
            prec = None
        value = a.value
        return self._emit(start, a.end, float(value) if type(value) is int else _num(value), unit, qual,
                          None if prec is None else float(prec) if type(prec) is int else _num(prec),
                          None if high is None else _num(high), a.per, direction)

    def _restated_back(self, start: int, unit: str, direction: str) -> None:
        """A move told in one unit and then restated in another with its direction after the second ("ended 89
        points, or 1.46% lower", "錄得89點或1.46%的跌幅"): the first, which had none, takes it."""
        prev = self.out[-1] if self.out else None
        if prev is None or prev.direction is not None or prev.unit not in _MOVES or prev.unit == unit:
            return
        between = self.w[prev.end:start]
        if len(between) <= 12 and self.r.restated_back.match(self.r.qual.sub(between)):
            self.out[-1] = prev._replace(direction=direction)

    def _wants_unit(self, a: _Amount, high: Exact | None) -> bool:
        """Pure Chinese numerals and "one" need a unit; 一 alone needs more than a counter."""
        core = a.core
        if not a.unit_explicit and core.kind == "zh" and high is None and not (
                core.digits[0] in _ZH_DIGIT and any(c in _ZH_BIG for c in core.digits)):
            return True  # 一万 and 三千万 stand alone; 千万 (by all means) and 四 do not
        if core.lone and a.unit in (None, "count", "point", "factor", "token", "W") and high is None:
            if not (core.kind == "en" and a.unit == "factor"):
                return True
        return core.lone and core.kind == "zh" and a.unit == "factor" and \
            self.w[a.core.end:a.core.end + 1] == "次"

    def _bare_year(self, a: _Amount) -> int | None:
        """Bare years: "in 2015" is a date, "CES 2025" and "2025" alone are nothing (the end to go on
        from); None when the number is not a year."""
        r, w, core = self.r, self.w, a.core
        start = core.start
        if core.kind == "en" and core.value in _SPOKEN_YEARS:  # "in twenty twenty-four", "since nineteen ninety"
            said = r.year_prep.search(w, max(0, start - 14), start) and not r.plural_next.match(w, a.end)
            return self._emit_date(start, a.end, str(core.value)) if said else None
        if start and w[start - 1] in "'’" and len(core.digits) == 2 and core.kind == "ar" and core.scale == 1 \
                and not w[a.end:a.end + 1].isalnum():
            # "in ’25", "Q1 '25", "FY’24": a year cut to its last two digits, no amount ("the ’90s" is a decade)
            period = _PERIOD_BEFORE.search(w, max(0, start - 6), start - 1)
            if not (start == 1 or not w[start - 2].isalnum() or period):
                return None
            if r.year_prep.search(w, max(0, start - 15), start - 1):
                return self._emit_date(start - 1, a.end, ("20" if core.value < 70 else "19") + core.digits)
            if period:
                return a.end  # the period's year, no amount
        if not (core.kind == "ar" and core.scale == 1 and "," not in core.digits and "." not in core.digits
                and 1000 <= core.value <= 2100 and len(core.digits) == 4):
            return None
        after = w[a.end:a.end + 4]
        if after.lstrip().startswith(("财年", "财政", "年度")):
            return a.end
        plural = r.plural_next.match(w, a.end) and not r.year_outcome.match(w, a.end)  # "in 2024 gains" is a year
        if r.year_prep.search(w, max(0, start - 14), start) and not plural:
            return self._emit_date(start, a.end, core.digits)
        if 1900 <= core.value <= 2039 and r.entry_year.match(w, a.end) \
                and not w[w.rfind("\n", 0, start) + 1:start].strip(_ENTRY_MARKS):
            return self._emit_date(start, a.end, core.digits)  # "- 2022: DeepSeek is founded": a chronology's year
        if not plural and 1900 <= core.value <= 2039:
            return a.end
        return None

    def _clause_before(self, start: int) -> str:
        """The words of the figure's clause before `start`: no more than 24 characters, none of an earlier figure,
        and none before the last clause end (the figure is in the clause after it)."""
        window = self.w[max(self.last_end, start - 24):start]
        head = self.r.clause_head.match(window)
        return window if head is None else window[head.end():]

    def _left_context(self, start: int, unit: str, a: _Amount) -> tuple[str | None, str | None, int]:
        """Qualifier and direction from the words before `start`; a +/- sign moves `start`."""
        r, w = self.r, self.w
        direction = None
        # A sign: "+0.152%", "-1.862%".
        if start and w[start - 1] in "+-" and (start == 1 or not w[start - 2].isalnum()) \
                and unit in _MOVES and start - 1 >= self.last_end:
            direction = "up" if w[start - 1] == "+" else "down"
            start -= 1
            return None, direction, start
        window = self._clause_before(start)
        qual = None
        last = r.qual.last(window)
        if last is not None:
            word = window[last[0]:last[1]]
            gap = window[last[1]:]
            kind = r.qual.kind(word, _NEUTRAL)
            ok = False
            if _adjacent(gap):
                ok = True
            elif word in r.qual_far and len(gap) <= 10 and (unit in _SHARES or not _owned(gap)):
                ok = True  # not "低于OpenAI o1的60美元": the comparison's base, whose own amount 60 is
            elif word in r.qual_far and unit in _SHARES and len(gap) <= _BASE_REACH and (gap.endswith("的") or _named_base(gap)):
                ok = True  # 不到OpenAI GPT-4o模型的十分之一, 不及GPT-4o模型训练成本1/10: the words between name the base
            if ok and word.lower() in ("over", "above") and unit in _DURATIONS:
                # "spend $500 billion over four years": over is "during", unless "for over".
                if not r.for_over.search(window, 0, last[0]):
                    ok = False
            if ok:
                qual = kind
        # Direction: the nearest move word in the clause, unless a level marker ("to", 至) follows it.
        if unit in _MOVES or unit in r.words.currencies:
            dwin = window  # no more than 24 characters: all of it is near enough
            last_d = r.direction.last(dwin)
            if last_d is not None:
                tail = dwin[last_d[1]:]
                word = dwin[last_d[0]:last_d[1]]
                bad = False
                if word.lower() in ("up", "down") and (
                        r.up_to.match(dwin, last_d[0]) or len(tail) > 12 or r.phrasal.search(dwin, 0, last_d[1])):
                    bad = True
                if r.level.ends(tail):
                    bad = True
                if not bad:
                    direction = r.direction.kind(word)
            if direction is None and self.out:
                prev = self.out[-1]
                if prev.direction and prev.end == self.last_end and prev.end <= start:
                    between = w[prev.end:start]
                    stripped = r.qual.sub(between)
                    same = (prev.unit in _MOVES and unit in _MOVES) or (
                        prev.unit in r.words.currencies and unit in r.words.currencies)
                    if same and len(between) <= 12 and r.inherit.match(stripped):
                        direction = prev.direction
        return qual, direction, start

    # -- rates before the amount: 每百萬個token的查詢成本為0.14美元 ---------------------------------
    def _per_prefix(self, p: int) -> int | None:
        r, w = self.r, self.w
        m = r.per_prefix.match(w, p)
        if not m:
            return p + 1
        noun = m["noun"]
        unit = r.words.per_noun.get(noun) or r.words.per_noun.get(noun.lower())
        amount = _per_amount(m["n"])
        if unit is None or amount is None:
            return m.end()
        # The rate holds for the first amount later in the clause (commas inside brackets do not end it).
        rest = w[m.end():m.end() + _RATE_REACH]
        flat = r.paren.sub(lambda x: "_" * len(x.group()), rest)
        cut = next((k for k, c in enumerate(flat) if c in _RATE_ENDS), len(rest))
        limit = m.end() + cut
        self.pending_per = (limit, Per(amount, unit))
        return m.end()


"""The scanning driver: finds each place a figure can start and hands it to the readers (dates.py,
triggers.py, fractions.py, amounts.py, units.py, ranges.py, context.py), which together make `_Scanner`;
emits the quantities in text order, never overlapping."""
from __future__ import annotations

import re

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN, Per, Quantity
from dsfact.numbers.amounts import _Amounts
from dsfact.numbers.context import _RATE_REACH, _Context
from dsfact.numbers.dates import _Dates, _ref_year
from dsfact.numbers.fractions import _Fractions
from dsfact.numbers.numerals import _ZH_BIG
from dsfact.numbers.patterns import _rx, joins_list
from dsfact.numbers.ranges import _Ranges
from dsfact.numbers.triggers import _Triggers
from dsfact.numbers.units import _Units
from dsfact.numbers.vocab import _AT_LEAST, _FAR_LESS, _FAR_MORE, _NEARLY, _NEUTRAL, _NO_PER
from dsfact.numbers.words import is_money

_REACH = 24  # the furthest a figure's reading looks back (_left_context; _rel_year and others look less far)
_MARGIN = 48  # read from this far before a span (parse_quantities(spans=...)), so its first figure reads whole
_BREAKS = frozenset(" \t\n。；;！？!?，,:、")
# No figure's reading runs on past these, and what is read before a figure stops at them (its words are cut
# at the last clause end, its rate and its direction do not carry over them): after one, a read needs no
# margin. A line break is not one of them: a range may go on past it ("from 5\nto 6").
_HARD_STOPS = frozenset("。！？!?")
# Places a figure can start that are read with no sentence break among them; the rest of a longer run-on
# of figures ("1%1%1%…", which no writer means as prose) is skipped, so every input is read in linear time.
_PER_SENTENCE = 256
_FAR_BOUNDS = {_FAR_MORE: MORE_THAN, _FAR_LESS: LESS_THAN}  # "well over" is over, and says it is far over
_GROUP_SEPARATORS = "，\u00a0\u2007\u2009\u202f"
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


class _Scanner(_Dates, _Triggers, _Fractions, _Amounts, _Units, _Ranges, _Context):
    def __init__(self, text: str, ref_date: str | None, names: tuple[str, ...] = (), rx=None):
        self.r = rx if rx is not None else _rx()
        self.text = text
        self.names, self.names_zh, self.names_zh_ends = _names(self.r, names)
        w = text if text.isascii() else _separators(self.r, text, self.r.fold.sub(self.r.fold_char, text))
        if " " in text:
            w = _space_groups(self.r, text, w)
        self.w = w
        self.urlish = "/" in w or "@" in w or "www." in w  # else no figure is in a URL (_in_url)
        self.n = len(text)
        self.ref_year = _ref_year(ref_date)
        self.out: list[Quantity] = []
        self.last_end = 0  # end of the last emitted quantity
        self.pending_per: tuple[int, Per] | None = None
        self.listed_per: tuple[int, Per, str] | None = None  # a rate its first amount took, for the list it heads
        self._has_url: bool | None = None  # whether the text holds an address (_margin_start), found once

    # -- driver -------------------------------------------------------------------------------
    def run(self, spans: list[tuple[int, int]] | None = None) -> list[Quantity]:
        """Read the figures of the text, or only those that begin inside `spans` (sorted, disjoint
        (start, end) pairs). Reading begins a margin before each span, so that what a figure's reading
        looks back at (the words and the figure before it, within _REACH characters) is as in a read of
        the whole text; the figures of the margin are read and left out."""
        if spans is None:
            self._scan(0, self.n)
            return self._rates_shared(self._currency_shared(self.out))
        pos, kept = 0, []
        for start, end in spans:
            first = len(self.out)
            pos = self._scan(max(pos, self._margin_start(start)), min(end, self.n))
            kept += [q for q in self.out[first:] if start <= q.start < end]
        return self._rates_shared(self._currency_shared(kept))

    def _currency_shared(self, out: list[Quantity]) -> list[Quantity]:
        """The figures with the currency of the last member of a list of sums given to the bare amounts before it
        that end on a scale word of their own: "分别为650亿和800亿美元", "65 billion and 80 billion dollars" (the first
        is no count of things). Members are of like size (a hundredfold at most), with nothing but a list joint
        between them."""
        for i in range(len(out) - 1, 0, -1):
            q, x = out[i], out[i - 1]
            if x.unit != "count" or not is_money(q.unit) or q.per is not None or isinstance(x.value, str) \
                    or isinstance(q.value, str) or not x.value or not q.value or not 0.01 <= x.value / q.value <= 100:
                continue
            if self._ends_on_scale(x) and joins_list(self.w[x.end:q.start], joint=True):
                out[i - 1] = x._replace(unit=q.unit)
        return out

    def _ends_on_scale(self, x: Quantity) -> bool:
        """Whether amount x's words end on a scale word of a million or more (亿, 万, "billion")."""
        tail = self.w[x.start:x.end].rstrip().lower()
        return tail[-1:] in _ZH_BIG or any(tail.endswith(" " + word) and size >= 10 ** 6
                                           for word, size in self.r.words.en_scale.items())

    def _rates_shared(self, out: list[Quantity]) -> list[Quantity]:
        """The figures with the rate of the last member of a list of amounts given to the members before
        it: "$0.14 (cache hit) and $0.55 (cache miss) per million input tokens", "$0.14 or $0.55 per million
        tokens". Members are of one unit and of like size (a hundredfold at most: "$5.6 million and $2 per
        GPU hour" is no list), with nothing but a list joint and bracketed words between them."""
        for i in range(len(out) - 1, 0, -1):
            q, x = out[i], out[i - 1]
            if q.per is None or x.per is not None or x.unit != q.unit or x.unit in _NO_PER \
                    or isinstance(x.value, str) or isinstance(q.value, str) or not x.value or not q.value \
                    or not 0.01 <= x.value / q.value <= 100:
                continue
            if joins_list(self.w[x.end:q.start], joint=True):
                out[i - 1] = x._replace(per=q.per)
        return out

    def _margin_start(self, start: int) -> int:
        """Just after the last word or clause break that comes _REACH characters or more before `start`
        (the figure before it begins there), but no more than _MARGIN characters before it; `start` itself
        when it follows a hard stop (。！？!?, perhaps then spaces), unless the text holds a web address
        (whose skipping runs on to the next white space, past any stop) or the stop may stand in brackets
        (a rate before it, "每百万token（注。）2元", holds up to a clause end, and one in brackets is none)."""
        w = self.w
        k = start
        while k > start - _MARGIN and k > 0 and w[k - 1] in " \t":
            k -= 1
        lo = max(0, k - 1 - _RATE_REACH)
        if k > 0 and w[k - 1] in _HARD_STOPS and w.find("(", lo, k) < 0 and w.find("（", lo, k) < 0:
            if self._has_url is None:
                self._has_url = self.urlish and self.r.url_tok.search(w) is not None
            if not self._has_url:
                return start
        lo = start - _MARGIN
        if lo <= 0:
            return 0
        for k in range(start - _REACH - 1, lo - 1, -1):
            if w[k] in _BREAKS:
                return k + 1
        return lo

    def _scan(self, pos: int, end: int) -> int:
        r, w = self.r, self.w
        trigger = r.trigger_ascii if w.isascii() else r.trigger
        lookahead = min(self.n, end + 32)  # a trigger word that begins before `end` is matched whole
        counted_from, hits = pos, 0  # places counted since counted_from
        while pos < end:
            m = trigger.search(w, pos, lookahead)
            if m is None or m.start() >= end:
                break
            p = m.start()
            kind = m.lastgroup
            if kind == "t":  # a run of letters: a place only when it is a number word or a month
                kind = self._word_kind(p, m.group(), lookahead)
                if kind is None:
                    j = m.group().find("Christmas", 1)
                    pos = p + j if j > 0 else m.end()
                    continue
            hits += 1
            if hits > _PER_SENTENCE:
                if r.sentence_break.search(w, counted_from, p):  # a sentence ended meanwhile: count afresh
                    counted_from, hits = p, 1
                else:  # a run-on "sentence" of figures: the rest of it is not prose
                    found = r.sentence_break.search(w, p, lookahead)  # no further than this scan reads
                    pos = counted_from = found.end() if found else lookahead
                    hits = 0
                    continue
            try:
                nxt = self._digit(p) if kind == "d" else self._dispatch(kind, p, m)
            except (ValueError, ZeroDivisionError, OverflowError, KeyError, IndexError,
                    ArithmeticError):
                nxt = None
            if nxt is None or nxt <= p:
                # Nothing read here: skip the whole run, so long runs cost linear time.
                run = r.run_of.get(kind)
                nxt = run.match(w, p).end() if run is not None else p + 1
                if nxt <= p:
                    nxt = p + 1
            pos = nxt
        return pos

    def _word_kind(self, p: int, word: str, endpos: int) -> str | None:
        """"mon" for a month, "w" for a number word (or "a" before a scale or fraction word: "a million",
        "an eighth"), else None."""
        r = self.r
        if word in r.month_words:
            return "mon"
        low = word.lower()
        if low in r.number_words:
            return "w"
        if low in ("a", "an"):
            w = self.w
            j = k = p + len(word)
            while k < endpos and w[k].isspace():
                k += 1
            e = k
            while e < endpos and w[e] in _LETTERS:
                e += 1
            if k > j and w[k:e].lower() in r.after_a:
                return "w"
        return None

    def _dispatch(self, kind: str, p: int, m: re.Match) -> int | None:
        if kind == "d":
            return self._digit(p)
        if kind == "zh":
            return self._zh(p)
        if kind == "cur":
            return self._currency(p, m.group())
        if kind == "per":
            return self._per_prefix(p)
        if kind == "xmas":
            return self._christmas(p)
        if kind == "mon":
            return self._month_word(p)
        if kind == "w":
            return self._word(p)
        return None

    # -- emitting -----------------------------------------------------------------------------
    def _emit(self, start: int, end: int, value: object, unit: str, qualifier: str | None = None,
              precision: float | None = None, high: float | None = None, per: Per | None = None,
              direction: str | None = None) -> int:
        if start < self.last_end:
            start = self.last_end
        if end <= start:
            return end
        if self.pending_per is not None:
            limit, pper = self.pending_per
            if start >= limit:
                self.pending_per = None
            elif per is None and unit not in _NO_PER:
                per = pper
                self.pending_per = None
                self.listed_per = (limit, pper, unit)
        elif self.listed_per is not None and per is None:
            per = self._listed_per(start, unit)
        if qualifier == _NEUTRAL:
            qualifier = None
        below = qualifier == _NEARLY
        if below:
            qualifier = APPROXIMATELY  # the shared vocabulary's word; `below` keeps the side
        far = qualifier in _FAR_BOUNDS
        if far:
            qualifier = _FAR_BOUNDS[qualifier]  # a bound, whose `far` says how far
        inclusive = qualifier == _AT_LEAST
        if inclusive:
            qualifier = MORE_THAN  # a lower bound, whose `inclusive` says it holds its own figure
        self.out.append(Quantity(self.text[start:end], start, end, value, unit, qualifier, precision, high,
                                 per, direction, below, far, inclusive))
        self.last_end = end
        return end

    def _listed_per(self, start: int, unit: str) -> Per | None:
        """The rate of the amount before, for the next amount of its unit in a list in the same clause:
        "每百万输入tokens 1元（缓存命中）、4元（缓存未命中）", "$0.14 (cache hit) or $0.55 per million
        tokens" reads its rate after; anything else between them (a word, another figure) ends the list."""
        limit, per, listed = self.listed_per
        self.listed_per = None
        if start >= limit or unit != listed:
            return None
        if not joins_list(self.w[self.last_end:start]):
            return None
        self.listed_per = (limit, per, unit)
        return per

    def _emit_date(self, start: int, end: int, iso: str) -> int:
        return self._emit(start, end, iso, "date")



def _names(r, names: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...], frozenset[str] | None]:
    """The product names whose number is part of the name, Latin and Chinese: the language data's and
    `names`, and the last characters of the Chinese ones (None when one is empty: it ends anything);
    remembered per `names` (a registry passes the same ones for every text)."""
    cache = r.names_for
    found = cache.get(names)
    if found is None:
        if len(cache) > 16:
            cache.clear()
        words = r.words
        zh = words.name_zh + tuple(x for x in names if x and not x[:1].isascii())
        found = cache[names] = (words.name_words.union(x for x in names if x[:1].isascii()), zh,
                                None if "" in zh else frozenset(x[-1] for x in zh))
    return found


def _separators(r, text: str, w: str) -> str:
    """Separators read as a person reads them, one character for one: in a grouped figure (1 to 3 digits,
    then groups of three), a full-width comma, a no-break space or a thin space separates thousands
    (４，０９６, 4，096, "4 096"); elsewhere a full-width comma ends a clause ("2048，1000" stays two numbers)."""
    if not _separator_before_digit(text):
        return w
    fixes = [m.start() for m in r.fw_thousands.finditer(text)]
    for m in r.grouped.finditer(text):
        fixes.extend(m.start() + i for i, c in enumerate(m.group()) if not ("0" <= c <= "9" or "０" <= c <= "９"))
    if not fixes:
        return w
    chars = list(w)
    for i in fixes:
        chars[i] = ","
    return "".join(chars)


def _space_groups(r, text: str, w: str) -> str:
    """Thousands grouped by plain spaces, as some house styles and copied tables write them ("2 048 H800 GPUs",
    "2 788 000 GPU hours"): read as one figure, not its first digits alone. Not after a word in capitals or with
    a digit, which may be a name whose number the first group is ("Grok 3 100 000"), nor a month ("January 27")."""
    fixes = []
    for m in r.space_grouped.finditer(text):
        before = text[max(0, m.start() - 24):m.start()]
        if before.endswith(" "):
            word = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
            if word[:1].isupper() or any(c.isdigit() for c in word):
                continue
        fixes.extend(m.start() + i for i, c in enumerate(m.group()) if c == " ")
    if not fixes:
        return w
    chars = list(w)
    for i in fixes:
        chars[i] = ","
    return "".join(chars)


def _separator_before_digit(text: str) -> bool:
    """Whether a full-width comma, a no-break or a thin space comes right before a digit somewhere."""
    for sep in _GROUP_SEPARATORS:
        i = text.find(sep)
        while i >= 0:
            nxt = text[i + 1:i + 2]
            if nxt and ("0" <= nxt <= "9" or "０" <= nxt <= "９"):
                return True
            i = text.find(sep, i + 1)
    return False


def parse_quantities(text: str, *, ref_date: str | None = None,
                     spans: list[tuple[int, int]] | None = None, names: tuple[str, ...] = ()) -> list[Quantity]:
    """The figures in `text`, in order, each with its code-point span; never raises.

    With `spans` (sorted, disjoint (start, end) offsets), only the figures that begin inside them are
    returned, each as a read of the whole text reads it (reading begins a margin before each span).
    `names` are product names of the story (a registry's: Kimi, GLM, 文心) whose number is part of the
    name ("Kimi 1.5"), beside the generic ones of the language data (Llama 3, S&P 500)."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _Scanner(text, ref_date, tuple(names)).run(spans)
    except RecursionError:  # pragma: no cover - no recursion is deep, but never raise
        return []


def quantity_to_dict(q: Quantity) -> dict:
    """A JSON-ready dict of a quantity: text, value, unit, qualifier, start, end, and the rest when set."""
    d: dict[str, object] = {"text": q.text, "value": q.value, "unit": q.unit, "qualifier": q.qualifier,
                         "start": q.start, "end": q.end}
    if q.per is not None:
        d["per"] = {"amount": q.per.amount, "unit": q.per.unit}
    if q.high is not None:
        d["high"] = q.high
    if q.direction is not None:
        d["direction"] = q.direction
    if q.precision is not None:
        d["precision"] = q.precision
    return d

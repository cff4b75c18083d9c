"""How two figures compare: unit conversion, agreement (through the one interval rule in interval.py),
dates, and figures written as a reader would."""
from __future__ import annotations

import math
import re
from functools import lru_cache

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN, UP_TO, Per, Quantity, Statement
from dsfact.numbers.interval import (
    APPROX_SPREAD,
    BOUND_SPREAD,
    RELATIVE_FLOOR,
    ROUND_FIGURE,
    ROUNDED_UNITS,
    leading_place,
    round_figure_precision,
    round_part_precision,
    significant_digits,
    span_of,
    statement_span,
)
from dsfact.numbers.patterns import lazy
from dsfact.numbers.words import is_money

__all__ = ["APPROX_SPREAD", "BOUND_SPREAD", "CONVERTIBLE", "PEGGED", "RELATIVE_FLOOR", "ROUND_FIGURE", "ROUNDED_UNITS",
           "agrees", "convert_value", "dates_agree", "fill_date", "format_value", "per_words", "precision_of",
           "round_figure_precision", "same_digits", "same_reading", "significant_digits", "slipped_scale", "span_of", "statement_span"]

_DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}
# Units that express one another: a share as a percentage, durations ("a little under two months"
# against 53 days, read at the writer's precision), and an index level written without "points" ("the
# Dow closed at 44,713.58", which dsfact.matching offers only to a claim of a level).
CONVERTIBLE = {("pct", "ratio"): 0.01, ("ratio", "pct"): 100.0, ("count", "point"): 1.0,
               **{(a, b): _DAYS[a] / _DAYS[b] for a in _DAYS for b in _DAYS if a != b}}
# A currency held to another by a fixed band: the Hong Kong dollar, 7.75 to 7.85 a US dollar since 2005. A figure
# of the text being checked in 港元 states a claim recorded in US dollars at any rate of the band: "5890億美元
# （約4.6萬億港元）" restates the dollars, and "投入5,000億港元" for a $500 billion plan is a slip of the currency
# ($64 billion). A source's figure in another currency stays its own (compare, audit). (rate, half the band's width)
PEGGED = {("HKD", "USD"): (1 / 7.8, 0.05 / 7.8)}


def convert_value(q: Quantity, unit: str, pegged: bool = False):
    """q's value expressed in `unit`, or None when the units are not the same kind (`pegged`: a pegged currency
    at the middle of its band, PEGGED)."""
    if q.unit == unit:
        return q.value
    factor = _factor(q.unit, unit, pegged)
    if factor is None or isinstance(q.value, str):
        return None
    return q.value * factor


def _factor(q_unit: str, unit: str, pegged: bool) -> float | None:
    factor = CONVERTIBLE.get((q_unit, unit))
    if factor is None and pegged and (q_unit, unit) in PEGGED:
        return PEGGED[(q_unit, unit)][0]
    return factor


def _scale(q_unit: str, unit: str, pegged: bool = False) -> float:
    factor = _factor(q_unit, unit, pegged)
    return 1.0 if factor is None else factor


def _per_factor(q_per: Per | None, claim_per: Per | None) -> float:
    """Multiply a rate read per q_per to express it per claim_per (1 when either is missing)."""
    if q_per is None or claim_per is None or q_per.unit.lower() != claim_per.unit.lower() or not q_per.amount:
        return 1.0
    return claim_per.amount / q_per.amount


def _date_parts(value: str) -> tuple:
    value = value.strip()
    if value.startswith("--"):
        parts = [None] + value[2:].split("-")
    else:
        parts = value.split("-")
    out = []
    for part in (parts + [None, None, None])[:3]:
        out.append(int(part) if part and part.isdigit() else None)
    return tuple(out)


def dates_agree(a: str, b: str) -> bool:
    """Two ISO dates agree on every field both give ("--12-25" agrees with "2024-12-25", and
    "--01-27" with "2025", which share no field to disagree on)."""
    pa, pb = _date_parts(a), _date_parts(b)
    return all(x == y for x, y in zip(pa, pb) if x is not None and y is not None)


def fill_date(text_value: str, claim_value: str) -> str:
    """Complete a text date that lacks a year with the year of the claim's date."""
    if text_value.startswith("--"):
        year = _date_parts(claim_value)[0]
        if year is not None:
            return f"{year:04d}{text_value[1:]}"
    return text_value


def agrees(q: Quantity, st: Statement, claim_per: Per | None = None, written: bool = False) -> bool | None:
    """Whether figure q agrees with a source's statement; None when they are not comparable. `written`: q is
    a figure of the text being checked, read at the writer's digits (check; compare reads a source's figure
    as a source's): "about" on three digits or more widens it by its last digit, on a round figure not at all."""
    if q.unit == "date" or st.unit == "date":
        if q.unit != st.unit:
            return None
        return dates_agree(str(q.value), str(st.value))
    value = convert_value(q, st.unit, written)
    if value is None or isinstance(st.value, str):
        return None
    if q.direction and st.direction and q.direction != st.direction:
        return False
    factor = _scale(q.unit, st.unit, written) * _per_factor(q.per, claim_per)
    precision = round_part_precision(q.value, round_figure_precision(q.value, q.precision, q.text, q.unit), q.unit)
    precision = precision * factor if precision else None
    high = q.high * factor if q.high is not None else None
    # "about" on a figure of three digits or more widens it by its last digit, not five per cent of it: "约575.6万"
    # gives its digits, and is no rounding of 557.6万; on a round figure it adds nothing ("about $600 billion"
    # is 550 to 650 billion already)
    # is 550 to 650 billion already). A figure whose words leave its end open ("500多万", "300余万", "$5
    # million-plus") is read as a person reads it, as before: its digits give only where it starts
    checked, written = written, written and not open_ended(q.text)
    exact = written and q.qualifier == APPROXIMATELY and not q.below and high is None and precision \
        and (significant_digits(q.text) or 0) >= 3
    # a price per unit is a list price, set to the cent (or the dollar) and written rounded, never cut short: "$0.15
    # per million tokens" is no writer's truncation of $0.14's, nor "$16" of $15's (against a total, "$5.6 million" may
    # be $5.68 million cut short)
    rounded = claim_per is not None and is_money(st.unit)
    q_lo, q_hi = span_of(value * _per_factor(q.per, claim_per), precision, None if exact else q.qualifier, high,
                         literal=True, below=q.below, truncate=not rounded and q.unit not in ROUNDED_UNITS,
                         round_spread=not written, far=q.far, inclusive=q.inclusive)
    if exact:
        q_lo, q_hi = q_lo - precision, q_hi + precision
    if checked and (q.unit, st.unit) in PEGGED:  # the writer's conversion, at any rate of the band
        band = PEGGED[(q.unit, st.unit)][1]
        q_lo, q_hi = q_lo * (1 - band), q_hi * (1 + band)
    s_lo, s_hi = statement_span(st, rounded)
    touch = 1e-9 * max(abs(q_hi), abs(s_hi)) if rounded else 0.0  # two roundings that only meet (0.145) do not agree
    agreed = max(q_lo, s_lo) + touch < min(q_hi, s_hi) or (q_lo == q_hi == s_lo == s_hi)
    if agreed and q.qualifier == MORE_THAN and high is None:  # the value itself, not its rounding, short of
        agreed = abs(float(st.value)) < q_hi  # ten times the bound: "over 20 million" is no bound of 200 million
        step = odd_step(q.text, q.value) if agreed and checked else None
        if step:  # "五倍有余" is five times and a part, never ten: short of the next step of its last digit
            agreed = max(q_lo, s_lo) < min(q_lo * (1 + step / abs(q.value)) * (1 - 1e-9), s_hi)
    if agreed and written and high is not None:
        return _range_agrees(q, st, claim_per, (s_lo, s_hi))
    return agreed


def _range_agrees(q: Quantity, st: Statement, claim_per: Per | None, st_span: tuple[float, float]) -> bool:
    """Whether a range written in the text being checked states what a statement says, given that the two
    overlap. Around a single figure a range is a hedge, and overlapping it is enough ("$560-600 billion" of a
    $589 billion loss). A statement that gives a top ("as much as $65 billion", 高達650億) or a range gives
    the ends themselves: the text's top end must state that top ("$60-65 billion" does, "$60-85 billion" does
    not, although 65 lies between its ends), and against a range a range lies inside it or gives both its
    ends. Ends are read at the range's digits, round only when both are ("$500-700 billion")."""
    if st.high is None and st.qualifier != UP_TO:
        return True
    lo, hi = q.value, q.high
    if isinstance(lo, str) or isinstance(hi, str):
        return True
    # round ends read as round, others as written: "$65-70 billion" is written to the billion, so its 70 is no
    # round figure of 63 to 77 billion (an empty text would read a lone round end as one)
    digits = "1" if _one_digit(lo) and _one_digit(hi) else "11"
    ends = [q._replace(value=v, high=None, text=digits, qualifier=None if q.qualifier == UP_TO else q.qualifier)
            for v in (lo, hi)]
    if st.high is None:
        return bool(agrees(ends[1], st._replace(qualifier=None), claim_per, written=True))
    factor = _scale(q.unit, st.unit) * _per_factor(q.per, claim_per)
    s_lo, s_hi = st_span
    if s_lo <= lo * factor and hi * factor <= s_hi:
        return True
    return bool(agrees(ends[0], st._replace(high=None), claim_per, written=True)) and bool(
        agrees(ends[1], st._replace(value=st.high, high=None), claim_per, written=True))


def _one_digit(value: float) -> bool:
    """Whether a figure has one significant digit (600, 5, 0.03); zero has none."""
    place = leading_place(value)
    return place > 0 and abs(value / place - round(value / place)) < 1e-9


_OPEN_ENDS: tuple[str, ...] | None = None


@lru_cache(maxsize=4096)  # (asked of one figure for each statement it is compared with)
def open_ended(text: str) -> bool:
    """Whether a figure's own words leave its upper end open: 多 or 余 after its digits ("500多万", "300余万"),
    or a word of lang/numbers.words [qualifiers-after] more-than inside it ("以上", "+", "or more", "plus")."""
    global _OPEN_ENDS
    if _OPEN_ENDS is None:
        from dsfact.lang import words_of

        words = words_of("numbers", "qualifiers-after", "more-than") + words_of("numbers", "qualifiers-after", "at-least")
        _OPEN_ENDS = ("多", "餘", *(w.split(" (", 1)[0].lower() for w in words))
    low = text.lower()
    return any(w in low for w in _OPEN_ENDS)


_ODD = lazy(r"[0-9０-９〇零一二两兩三四五六七八九十百千][^0-9]{0,3}?(?:有余|有餘|多|余|餘)")


def odd_step(text: str, value) -> float | None:
    """The step of the last digit of a Chinese figure whose words say "and some" right after its number
    (二千多, 五倍有余, 300余万, 十多倍): a person reads it short of the next step of that digit (二千多 is under
    3,000, 五倍有余 under six times, 十多倍 under twenty). None for any other figure."""
    if isinstance(value, str) or not value or not _ODD.search(text):
        return None
    v = abs(float(value))
    step = 10.0 ** math.floor(math.log10(v))
    while step > v * 1e-6 and abs(v / step - round(v / step)) > 1e-6:
        step /= 10
    return step


SLIPS = (1e3, 1e4, 1e6, 1e8)  # the ratios a slipped scale word makes: million/billion, 萬/億, million/trillion, 萬/萬億
_SCALE_WORD = lazy(r"thousand|million|billion|trillion|[0-9]\s*(?:bn|mn|tn|bil|mil|tril|m|b|k)(?![a-z])|[千萬万億亿兆]", re.I)


_DOT_GROUPED = lazy(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?![0-9])")


def whole_count(q: Quantity) -> Quantity | None:
    """Figure q read as a count of things, which has no fraction: "2.048 H800 GPUs" groups its thousands with a
    dot, as much of Europe writes them (2,048); None for another fraction ("2.5 GPUs"), which counts nothing."""
    if isinstance(q.value, str) or float(q.value).is_integer() or q.high is not None:
        return q
    m = _DOT_GROUPED.match(q.text)  # (a scale word would have made it whole: "2.5 thousand", 2.5萬)
    if m:
        return q._replace(value=float(m.group().replace(".", "")), precision=1.0)
    return None


def slipped_scale(q: Quantity, st: Statement) -> bool:
    """Whether figure q states statement st with its scale word slipped: "$589 million" of a $589 billion
    loss, 5000萬 of a 5000億 plan. q is written with a scale word, and its digits, moved to st's scale (a
    thousand, ten thousand, a million or a hundred million times), agree with st read plainly ("over $589
    million" moved is $589 billion, not "over"). A bound needs two digits or more to be read as a slip:
    "more than $5 million" of a $5 billion plan may be a part of it; a bound of one digit only when st is the
    same bound in another scale ("under $6 billion" of a source's "under $6 million": the words copied, the
    scale word slipped). A range slips as a whole: "600萬至650萬美元" of a plan of up to 650億 (or of 600億至650億)
    moved by one power is the statement's range, an end of it st's very value (`_range_slipped`)."""
    if isinstance(q.value, str) or isinstance(st.value, str) or not q.value or not st.value \
            or q.unit != st.unit or q.unit == "date" or isinstance(q.high, str) or q.per is not None:
        return False
    if not _SCALE_WORD.search(q.text):
        return False
    if q.qualifier is not None and (significant_digits(q.text) or 0) < 2 and not _placed_thousands(q.text):
        return q.qualifier == st.qualifier and st.high is None and q.high is None and any(
            abs(q.value * factor - st.value) <= 1e-9 * abs(st.value) for shift in SLIPS for factor in (shift, 1 / shift))
    return _range_slipped(q, st) if q.high is not None else _agrees_moved(q, st, SLIPS)


_PLACED = lazy(r"[1-9](?:,?0){3}\s*[萬万億亿]")  # a thousand of a Chinese scale word, its zeros written: 5,000萬


def _placed_thousands(text: str) -> bool:
    """Whether a figure writes a thousand of a Chinese scale word with its zeros ("至少5,000萬美元", 逾3000亿): the
    digits of a 5000億 plan copied whole, a scale word slipped, not a loose bound of one digit ("more than $5
    million", 超过5万)."""
    return _PLACED.search(text) is not None


def _range_slipped(q: Quantity, st: Statement) -> bool:
    """Whether range q, both ends moved by one of SLIPS, gives st's own figures and agrees with st: its two ends
    st's two, or (st a single figure) one of its ends st's value ("600萬至650萬" of "up to 650億"; "600萬至900萬"
    gives no figure of the claim's and is no slip)."""
    def same(a, b) -> bool:
        return abs(a - b) <= 1e-6 * abs(b)

    for shift in SLIPS:
        for factor in (shift, 1 / shift):
            low, high = q.value * factor, q.high * factor
            ends = same(low, st.value) and same(high, st.high) if st.high is not None \
                else same(low, st.value) or same(high, st.value)
            if ends and agrees(q._replace(value=low, high=high, qualifier=None, below=False,
                                          precision=q.precision * factor if q.precision else None), st):
                return True
    return False


def _agrees_moved(q: Quantity, st: Statement, shifts) -> bool:
    """Whether q, moved by the one of `shifts` (either way) that brings it nearest st's value, agrees with st
    read plainly (q's qualifier dropped, its precision moved with it)."""
    ratio = abs(st.value / q.value)
    for shift in shifts:
        for factor in (shift, 1 / shift):
            if abs(ratio / factor - 1) < 0.5:
                moved = q._replace(value=q.value * factor, qualifier=None, below=False,
                                   precision=q.precision * factor if q.precision else None)
                if agrees(moved, st):
                    return True
    return False


DIGIT_SHIFTS = (10, 100, 1000, 10000)


def same_digits(q: Quantity, st: Statement) -> bool:
    """Whether figure q gives statement st's digits at another power of ten (a zero dropped or added, a
    scale word slipped: 56万 or 5600万 for 560万, $55.7 million for $5.57 million): q of two significant
    digits or more, moved ten to ten thousand times either way, agrees with st read plainly."""
    if isinstance(q.value, str) or isinstance(st.value, str) or not q.value or not st.value \
            or q.unit != st.unit or q.unit == "date" or q.high is not None or q.per is not None:
        return False
    if (significant_digits(q.text) or 0) < 2:
        return False
    return _agrees_moved(q, st, DIGIT_SHIFTS)


def same_reading(q: Quantity, st: Statement) -> bool:
    """Whether the engine's reading of a quote equals the value a registry records for it."""
    if st.unit == "date":
        return q.unit == "date" and dates_agree(str(q.value), str(st.value)) and (
            len(str(q.value).lstrip("-")) >= len(str(st.value)) - 5)
    value = convert_value(q, st.unit)
    if value is None or isinstance(st.value, str):
        return False
    if abs(value - st.value) > 1e-6 * max(abs(st.value), 1e-9):
        return False
    if st.high is not None:
        q_high = q.high * _scale(q.unit, st.unit) if q.high is not None else None
        return q_high is not None and abs(q_high - st.high) <= 1e-6 * abs(st.high)
    return True


def precision_of(value: float) -> float | None:
    """The precision a registry value is read with, as the engine reads the same digits."""
    if value == 0:
        return None
    text = repr(float(value))
    if "e" in text:
        return None
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    if frac:
        return 10.0 ** -len(frac)
    digits = whole.lstrip("-")
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    if len(stripped) < 2:
        zeros = max(zeros - 1, 0)
    return 10.0 ** zeros


_PREFIX = {"USD": "$", "EUR": "€", "HKD": "HK$", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "TWD": "NT$"}
_SUFFIX = {"pct": "%", "pp": " pp", "day": " days", "month": " months", "year": " years", "hour": " hours",
           "gpu_hour": " GPU hours", "factor": "×", "point": " points", "W": " W", "token": " tokens", "元": "元"}
_MARK = {APPROXIMATELY: "~", MORE_THAN: ">", LESS_THAN: "<", UP_TO: "≤"}


def _number_words(value: float, short: bool = False) -> str:
    for size, word, letter in ((1e12, "trillion", "T"), (1e9, "billion", "B"), (1e6, "million", "M")):
        if abs(value) >= size:
            return f"{value / size:,.4f}".rstrip("0").rstrip(".") + (letter if short else f" {word}")
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def per_words(per: Per) -> str:
    """A rate's denominator as written: "per million tokens", "per token", "per 1,000 tokens"."""
    amount = _number_words(per.amount)
    unit = per.unit
    if per.amount != 1 and unit[-1:].isalpha() and unit.isascii() and not unit.endswith("s"):
        unit += "s"
    if per.amount == 1:
        return f"per {unit}"
    if amount.startswith("1 ") and amount[2:].isalpha():  # 1 million -> per million
        amount = amount[2:]
    return f"per {amount} {unit}"


def format_value(value, unit: str, qualifier: str | None = None, high: float | None = None,
                 per: Per | None = None, direction: str | None = None, short: bool = False) -> str:
    """A figure as a reader would write it: "~$5.6 million", ">2,000", "-3.5%", "2024-12-25";
    `short` for table cells: "~$5.6M", no rate."""
    if unit == "date" or isinstance(value, str):
        return str(value)
    if unit == "ratio":
        text = f"{value:.4g}" if value >= 0.2 or value == 0 else f"1/{1 / value:.3g}"
    else:
        text = _number_words(value, short)
        if high is not None:
            text += "–" + _number_words(high, short)
        text = _PREFIX.get(unit, "") + text + _SUFFIX.get(unit, "" if unit in _PREFIX or unit == "count" else f" {unit}")
    if unit in ("pct", "pp", "point"):  # a move; a loss in money reads as a loss without a sign
        if direction == "down":
            text = "−" + text
        elif direction == "up":
            text = "+" + text
    if per is not None and not short:
        text += " " + per_words(per)
    return _MARK.get(qualifier, "") + text

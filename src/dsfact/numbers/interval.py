"""The one interval rule: what a written figure stands for.

"5.6 million" is read to its last digit (5.55 to 5.65 million) and, because a writer may cut a figure
short rather than round it, up to 5.7 million; a round figure ("$6 million", 2,000, 十萬) is ten per
cent either way, or half its one digit where that is narrower ("$600 billion" is 550 to 650 billion: a
writer who rounds $500 billion never writes it); a qualifier widens it ("about": five per cent more either way; "more than 50": 50 to
75; "nearly 17%": 16.5 to 17). `span_of` computes it for check, compare and audit alike; the options
say where a caller reads differently, and why:

- `literal`: a bound in the text being checked is taken at its word ("more than 100,000" is true of
  240,000), where a source's bound is read as a person would (50 to 75); but a bound is true only of a value
  within ten times it (BOUND_REACH): a writer puts a bound near the value it bounds, and "over 20 million" of
  200 million, or "under $60 million" of $5.6 million, is a slip of scale, not a bound. A bound said to be
  far ("well over", "far less than", 远低于: `far`) reaches as far as it likes.
- `truncate`: a written figure may be truncated (check and compare); audit's inputs are only rounded,
  and moves and shares in per cent are always rounded (ROUNDED_UNITS).
- `round_spread`: "about" widens a round figure by five per cent more (check, compare); audit does not
  (a round figure is "about" already).
- `floor`: a figure written with no precision (a ratio) is read to half a per cent either way (check,
  compare); audit reads it exactly.

Standard library only.
"""
from __future__ import annotations

import math
from functools import lru_cache

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN, UP_TO, Statement

APPROX_SPREAD = 0.05  # "about", "nearly", 約, 近: five per cent either way
BOUND_SPREAD = 0.5  # "more than 50" reaches 75 at most; "less than 6" no lower than 3
BOUND_REACH = 10.0  # taken at its word, "more than 20 million" still stops short of 200 million
NEARLY_OVER = 0.1  # a checked text's "nearly 3%" still holds 3.07%: the tenth of its last digit a writer lets pass
RELATIVE_FLOOR = 0.005  # a figure with no stated precision (a ratio) is read to half a per cent
ROUND_FIGURE = 0.1  # "$6 million", "2,000", "十萬": one significant digit, read as within ten per cent

_HAN_DIGITS = set("一二三四五六七八九兩两壹貳贰參叁肆伍陸陆柒捌玖廿卅卌")

ROUNDED_UNITS = ("pct", "pp")  # moves and shares in per cent are rounded, never truncated: 16.97% is 17%


@lru_cache(maxsize=4096)
def significant_digits(text: str) -> int | None:
    """How many significant digits a figure was written with ("5.6 million" 2, "2,000" 1, "七十萬" 1);
    None when the words give no digits. (Asked of one figure for each statement it is compared with.)"""
    digits = ""
    seen = False
    for ch in text:
        if ch.isdigit() and ch.isascii():
            digits += ch
            seen = True
        elif ch == "." and seen:
            digits += "."
        elif ch in ", " and seen:
            continue
        elif seen:
            break
    if digits:
        whole, _, frac = digits.partition(".")
        mantissa = (whole + frac).lstrip("0")
        if not frac:
            mantissa = mantissa.rstrip("0")
        return max(len(mantissa), 1)
    han = sum(1 for ch in text if ch in _HAN_DIGITS)
    if han or any(ch in text for ch in "十百千萬万億亿兆"):
        return max(han, 1)
    return None


def round_figure_precision(value: float, precision: float | None, text: str, unit: str = "") -> float | None:
    """A figure of a hundred or more written with one significant digit is a round figure: its zeros hold
    places, not digits, so it is read to ten per cent either way ("$6 million" stands for 5.4 to 6.6
    million, "nearly 300 points" for 270 to 300, as a person reads a Dow up 289 points). Percentages and
    small figures are not: "90% cheaper" is not 98%, "50 days" is not 53. Number words are read as their digits
would be ("six million" as "6 million")."""
    if isinstance(value, str) or abs(value) < 100 or unit in ("pct", "pp", "ratio", "factor"):
        return precision
    digits = significant_digits(text)
    if digits is None and float(value).is_integer():  # number words: "six hundred billion" is one digit
        digits = len(str(int(abs(value))).rstrip("0"))
    if digits != 1:
        return precision
    return max(precision or 0.0, 2 * ROUND_FIGURE * abs(value))


def round_part_precision(value, precision: float | None, unit: str) -> float | None:
    """A share written in a text as one part of a round whole ("1/10", "十分之一", "one tenth") is a
    round figure, read to ten per cent: a tenth of the compute does not deny an eleventh. (A source's
    "二十分之一" keeps its digits: the registry shows and audits it as written.)"""
    if unit == "ratio" and _round_part(value):
        return max(precision or 0.0, 2 * ROUND_FIGURE * abs(value))
    return precision


def _round_part(value) -> bool:
    """Whether a ratio is one part of a round whole of ten or more: 1/10, 1/20, 1/100 (not 1/11)."""
    if isinstance(value, str) or not 0 < value < 1:
        return False
    whole = 1 / value
    parts = round(whole)
    return parts >= 10 and abs(whole - parts) < 1e-6 * whole and len(str(parts).rstrip("0")) == 1


def leading_place(value: float) -> float:
    """The place of a figure's first digit: 100 for 600, 0.01 for 0.05."""
    return 10.0 ** math.floor(math.log10(abs(value))) if value else 0.0


def span_of(value: float, precision: float | None, qualifier: str | None, high: float | None = None,
            *, literal: bool = False, below: bool = False, truncate: bool = True, round_spread: bool = True,
            floor: bool = True, far: bool = False, inclusive: bool = False) -> tuple[float, float]:
    """The interval a written figure stands for: its rounding (or truncation), widened by its qualifier.

    A source's "二千多" or "more than 50 days" is read as a person would, bounded (2,000 to 3,000);
    with `literal`, a bound in the text being checked is taken at its word: "more than 100,000 GPUs" is
    true of 240,000, so it is not flagged, though not of a million, and "less than $60 million" is not true of
    $5.6 million (BOUND_REACH; `far`: "well under" is). `below` is "nearly": "近17%" runs from where 17 starts (16.5)
    up to 17, so 16% is not nearly 17%; taken `literal`ly, in the text being checked, a tenth of its last digit
    more (NEARLY_OVER: "nearly 3%" of a 3.07% fall is the writer's rounding, no error; a source's "近9%" stays
    under 9). Without `truncate` a figure is only rounded: a percentage move
    of 16.97% is written 17%, not 16%. Without `round_spread`, "about" adds nothing to a round figure;
    without `floor`, a figure with no precision is read exactly (see the module's docstring). An `inclusive` lower
    bound ("at least $6 million", "$6 million or more", 600万美元以上) holds its own figure, read to its rounding as a
    plain figure is: it starts where "$6 million" starts (5.5 million), where "more than $6 million" starts at 6."""
    top = high if high is not None else value
    if precision is None or precision <= 0:
        precision = max(abs(value), abs(top)) * RELATIVE_FLOOR * 2 if floor else 0.0
    round_figure = precision >= 2 * ROUND_FIGURE * abs(value) > 0
    if round_figure or not truncate:
        half = precision / 2  # a round figure: ten per cent either way
        if round_figure and high is None and precision <= 2 * ROUND_FIGURE * abs(value) * (1 + 1e-9):
            # or half its one digit, when narrower: 600 is 550 to 650 (not "half a trillion", whose digit is
            # the trillion's)
            half = min(half, leading_place(value) / 2)
        lo, hi = value - half, top + half
    else:
        lo, hi = value - precision / 2, top + precision  # 5.6 million: 5.55 (rounded) to 5.7 (truncated)
    if qualifier == APPROXIMATELY and below:
        lo, hi = value - precision / 2, top + (precision * NEARLY_OVER if literal else abs(top) * 1e-9)
    elif qualifier == APPROXIMATELY and (round_spread or not round_figure):
        spread = APPROX_SPREAD * max(abs(value), abs(top))
        lo, hi = lo - spread, hi + spread
    elif qualifier == MORE_THAN:
        reach = math.inf if far else abs(top) * BOUND_REACH
        lo, hi = (lo if inclusive else value), (reach if literal else max(hi, top + abs(top) * BOUND_SPREAD))
    elif qualifier == LESS_THAN:
        reach = 0.0 if far or value <= 0 else value / BOUND_REACH
        lo, hi = (min(lo, reach) if literal else min(lo, value - abs(value) * BOUND_SPREAD)), top
    elif qualifier == UP_TO:
        lo = lo - (APPROX_SPREAD * abs(value) if round_spread or not round_figure else 0.0)  # "up to $600 billion" is no 500
        hi = top + precision / 2
    return lo, hi


@lru_cache(maxsize=4096)
def statement_span(st: Statement, rounded: bool = False) -> tuple[float, float]:
    """The interval a source's statement stands for, as check and compare read it (span_of with the
    statement's own reading); `rounded`: read as rounded, never truncated (a price per unit: see agrees). Worked
    out once per statement: a registry's few hundred statements are compared with every figure."""
    return span_of(float(st.value), st.precision, st.qualifier, st.high, below=st.below,
                   truncate=not rounded and st.unit not in ROUNDED_UNITS)


def input_span(st: Statement) -> tuple[float, float, float]:
    """(value, low, high) a statement stands for as an input to a recomputation (audit): the same rule,
    stricter: rounded, never truncated; "about" adds nothing to a round figure; no precision is exact."""
    v = float(st.value)
    lo, hi = span_of(v, st.precision, st.qualifier, st.high, below=st.below, truncate=False,
                     round_spread=False, floor=False)
    return (v if st.high is None else (v + st.high) / 2), lo, hi



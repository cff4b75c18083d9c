"""Numerals: the value and precision of a number as written in Arabic digits, Chinese numerals or
English number words ("2,048", "557.6", 三百二十亿, 两万五, "twenty-five thousand")."""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

_MAX_DIGITS = 16  # longer digit runs are identifiers, not amounts
_MAX_ZH = 20  # longer runs of Chinese numerals are not one number

_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10 ** 4, "亿": 10 ** 8, "兆": 10 ** 12}
# a multiple of ten said in one character, as dates and Hong Kong and Taiwan papers write it: 廿 (20), 卅 (30),
# 卌 (40): 廿六 is 26, 廿六万 (廿六萬) 260,000, 卅一日 the 31st
_ZH_TENS = {"廿": 20, "卅": 30, "卌": 40}
_ZH_NUM_CHARS = frozenset("零〇一二两三四五六七八九十百千万亿兆廿卅卌")


def zh_numeral_end(w: str, p: int) -> int:
    """End of the run of Chinese numerals that starts at `p` in folded text `w`; a final 兆 before a
    unit it prefixes (兆瓦, 兆字节: mega-) is not part of the number."""
    n = len(w)
    end = p
    while end < n and w[end] in _ZH_NUM_CHARS:
        end += 1
    if w[end - 1] == "兆" and end < n and (w[end] in "瓦赫帕焦欧位级" or w.startswith(("字节", "比特"), end)):
        end -= 1
    return end


def _int_prec_exp(digits: str) -> int:
    """Place of the last significant digit of an integer, never fewer than two significant digits."""
    digits = digits.lstrip("0") or "0"
    n = len(digits)
    z = n - len(digits.rstrip("0"))
    return max(0, min(z, n - 2))


# Values are exact: an int when whole, a Fraction otherwise (int arithmetic costs a fraction of Fraction's,
# and the two mix exactly; a division goes through Fraction, so it never turns into a float).
Exact = int | Fraction
_ONE = 1


@lru_cache(maxsize=4096)
def _prec_of(digits: str) -> int:
    """10 to the place of the last significant digit of an integer written as `digits` (see _int_prec_exp);
    remembered: the same few are computed for most figures."""
    return 10 ** _int_prec_exp(digits)


@lru_cache(maxsize=8192)
def _arabic(s: str) -> tuple[Exact, Exact] | None:
    """Value and precision of an Arabic numeral ("2,048", "557.6")."""
    s = s.replace(",", "")
    if len(s) > _MAX_DIGITS:
        return None
    if "." in s:
        whole, frac = s.split(".", 1)
        value = Fraction(int(whole + frac), 10 ** len(frac))
        return value, Fraction(1, 10 ** len(frac))
    return int(s), _prec_of(s)


def _zh_int(s: str) -> int | None:
    """Value of a Chinese numeral (二千, 三百二十亿, 两万五, 4 for 四, 廿六万); None when it does not parse."""
    if not s or len(s) > _MAX_ZH:
        return None
    if len(s) == 4 and all(c in _ZH_DIGIT for c in s):  # 二〇二五: digit by digit
        return int("".join(str(_ZH_DIGIT[c]) for c in s))
    total = 0
    section = 0
    number: int | None = None
    last_unit = 0
    zero = False
    for c in s:
        if c in _ZH_DIGIT:
            d = _ZH_DIGIT[c]
            if c in "零〇":
                zero = True
                continue
            if number is not None:
                return None
            number = d
        elif c in _ZH_SMALL:
            u = _ZH_SMALL[c]
            if number is None and section and not zero:
                return None  # 百十
            section += (number if number is not None else 1) * u
            number = None
            last_unit = u
            zero = False
            continue
        elif c in _ZH_TENS:
            if number is not None or section % 100:
                return None  # 二廿, 廿卅: no number
            section += _ZH_TENS[c]
            last_unit = 10
            zero = False
            continue
        elif c in _ZH_BIG:
            u = _ZH_BIG[c]
            part = section + (number or 0)
            number = None
            section = 0
            if part == 0:
                if total == 0:
                    return None
                total *= u
            elif 0 < total < u:
                total = (total + part) * u
            else:
                total += part * u
            last_unit = u
            zero = False
            continue
        else:
            return None
    if number is not None:
        if last_unit >= 100 and not zero and total + section > 0 and _last_is_unit(s):
            number = number * last_unit // 10  # 两万五 = 25000, 二千五 = 2500
        section += number
    return total + section


def _last_is_unit(s: str) -> bool:
    return len(s) >= 2 and s[-2] in "百千万亿"


def _zh_value(s: str) -> tuple[Exact, Exact] | None:
    """Value and precision of a Chinese numeral, with 点 decimals (三点五)."""
    if "点" in s:
        whole, frac = s.split("点", 1)
        iv = _zh_int(whole) if whole else 0
        if iv is None or not frac or any(c not in _ZH_DIGIT for c in frac):
            return None
        digits = "".join(str(_ZH_DIGIT[c]) for c in frac)
        return Fraction(iv) + Fraction(int(digits), 10 ** len(digits)), Fraction(1, 10 ** len(digits))
    v = _zh_int(s)
    if v is None:
        return None
    return v, _prec_of(str(v))


def _zh_split(run: str, value: Exact) -> tuple[Exact, int]:
    """A Chinese numeral's mantissa and trailing scale (四万 -> 4, 10^4), so 三至四万 can share it."""
    head = run.rstrip("万亿兆")
    tail = run[len(head):]
    if not tail or not head:
        return value, _ONE
    scale = 1
    for c in tail:
        scale *= _ZH_BIG[c]
    mant = _zh_int(head)
    if mant is None or mant * scale != value:
        return value, _ONE
    return mant, scale


def _zh_scale_value(s: str) -> int | None:
    s = s.replace("多", "")
    if not s or s == "十":
        return None
    v = 1
    for c in s:
        v *= _ZH_SMALL.get(c) or _ZH_BIG[c]
    return v


def _en_value(text: str, small: dict[str, int], tens: dict[str, int], scale: dict[str, int]) -> int | None:
    """Value of English number words (two thousand, twenty-five thousand, a million), with the number
    words of the language data (small numbers, tens and scale words)."""
    total = 0
    current = 0
    seen = paired = joined = False
    for tok in re.split(r"[\s-]+", text.lower()):
        if tok in ("and", ""):
            joined = joined or tok == "and"  # ("between sixty and sixty-five": two numbers, no pair)
            continue
        if tok in ("a", "an"):
            if seen:
                return None
            current = 1
            seen = True
        elif tok in small:
            if current % 10 or (current % 100 and small[tok] >= 10):
                if joined or not _pairs(current, small[tok], total, paired):
                    return None
                current, paired = current * 100, True  # "twenty nineteen": 2019
            current += small[tok]
            seen = True
        elif tok in tens:
            if current % 100:
                if joined or not _pairs(current, tens[tok], total, paired):
                    return None
                current, paired = current * 100, True  # "twenty forty-eight", as 2,048 is said: 2048
            current += tens[tok]
            seen = True
        elif paired:
            return None  # ("twenty forty-eight thousand" says nothing)
        elif tok in scale and scale[tok] < 1000:  # hundred, dozen: within a group of thousands
            current = (current or 1) * scale[tok]
        elif tok in scale:
            total += (current or 1) * scale[tok]
            current = 0
        else:
            return None
    return total + current if seen else None


def _pairs(current: int, nxt: int, total: int, paired: bool) -> bool:
    """Whether a number of 10 to 99 said right after one of 11 to 99, with no scale word, says the hundreds and the
    rest of one number, as speech says 2,048 or a year ("twenty forty-eight", "nineteen ninety"): never after a
    scale word or a first pair."""
    return not paired and not total and 11 <= current <= 99 and nxt >= 10


def _num(x: Exact) -> float:
    return x.numerator / x.denominator if type(x) is Fraction else float(x)  # as Fraction.__float__, less its calls

def _small_int(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    return _zh_int(s)


def _per_amount(s: str | None) -> float | None:
    if not s:
        return 1.0
    s = s.replace(" ", "").replace("个", "")
    m = re.fullmatch(r"([0-9][0-9,]*(?:\.[0-9]+)?)(.*)", s)
    if m:
        base = float(m.group(1).replace(",", ""))
        suffix = m.group(2)
    else:
        base, suffix = 1.0, s
    mult = {"": 1, "k": 1e3, "K": 1e3, "thousand": 1e3, "千": 1e3, "m": 1e6, "M": 1e6,
            "million": 1e6, "mn": 1e6, "百万": 1e6, "万": 1e4, "千万": 1e7, "亿": 1e8,
            "百": 1e2, "b": 1e9, "B": 1e9, "billion": 1e9, "bn": 1e9}.get(
        suffix if suffix in ("M", "K", "B") else suffix.lower() if suffix.isascii() else suffix)
    if mult is None:
        v = _zh_int(s)
        return float(v) if v else None
    return base * mult



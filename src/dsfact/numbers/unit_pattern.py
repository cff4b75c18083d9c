"""The unit after a figure, as one ordered list of alternatives compiled a few at a time.

All the units as one alternation is a pattern of over two thousand characters, and compiling it costs
more than reading a short article. Every alternative begins, after at most two characters of white
space, with one of a few known characters (its leads); at a place only the alternatives whose leads
hold the first character after the white space can match there. `LeadSplit.match` compiles, on first
need, the pattern of just those alternatives, in their order and in their named groups, so it matches
exactly what the whole alternation would, and a text compiles only the few it needs.
"""
from __future__ import annotations

import re

from dsfact.numbers.lexicon import spaced, split_guard

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}  # what else (?i) matches for these letters
_NOT_LETTER = "(?![A-Za-z])"
# the words 成 begins that are no tenths (成为, 成本, 成功)
_NOT_CHENG = "(?![为本功立长果绩员交就熟型效分品都了绩事])"
_NOT_POSTURE = "(?![下着著在倒地桌床])"  # 趴 as a verb (趴下, 趴在桌上): lying down, not a per cent
_NOT_BLADE = "(?![片具切口子锋鋒刃法枪槍把剑劍柄背])"  # 刀 going on as a blade's noun (刀片, 刀具): no dollar
# what may follow 半 that ends a span of time (四年半内, 一天半的时间), so that 年半导体 is no half year
_HALF_ENDS = r"(?=[内的后前来之里中左右以才就了期间时，。、；：,.;:\s]|$)"


def any_case(chars: str) -> str:
    """`chars` and every character a case-insensitive pattern matches for them."""
    out = set(chars)
    for c in chars:
        if c.isascii() and c.isalpha():
            out.update((c.lower(), c.upper()))
            out.update(_FOLDS.get(c.lower(), ""))
    return "".join(sorted(out))


class LeadSplit:
    """An ordered alternation of named groups, matched by the part of it that can match at a place."""

    __slots__ = ("_alts", "_by_lead", "_by_set")

    def __init__(self, alts: list[tuple[str, str, str]]) -> None:
        self._alts = alts  # (group, pattern, leads), in the order of the whole alternation
        self._by_lead: dict[str, re.Pattern | None] = {}
        self._by_set: dict[tuple[int, ...], re.Pattern] = {}

    def match(self, w: str, q: int) -> re.Match | None:
        """What the whole alternation matches at `q` in `w`, or None."""
        n = len(w)
        if q >= n:
            return None
        c = w[q]
        if c.isspace():
            k = q + 1
            while k < n and k < q + 3 and w[k].isspace():
                k += 1
            if k >= n or w[k].isspace():
                return None
            c = w[k]
        try:
            rx = self._by_lead[c]
        except KeyError:
            rx = self._by_lead[c] = self._pattern(c)
        return rx.match(w, q) if rx is not None else None

    def _pattern(self, c: str) -> re.Pattern | None:
        picked = tuple(i for i, (_, _, leads) in enumerate(self._alts) if c in leads)
        if not picked:
            return None
        rx = self._by_set.get(picked)
        if rx is None:
            groups: list[tuple[str, list[str]]] = []
            for i in picked:
                group, body, _ = self._alts[i]
                if groups and groups[-1][0] == group:
                    groups[-1][1].append(body)
                else:
                    groups.append((group, [body]))
            rx = self._by_set[picked] = re.compile("|".join(f"(?P<{g}>{'|'.join(b)})" for g, b in groups))
        return rx


def _any_of(words) -> str:
    """Latin words as one group read in any case, in the order written; a space is any white space."""
    return "(?i:" + "|".join(map(spaced, words)) + ")"


def _firsts(words) -> str:
    return any_case("".join(x[:1] for x in words))


def _spaced(unit_words: dict, key: str, group: str | None = None) -> tuple[str, str, str]:
    """The Latin words of a unit after a figure and one space, not followed by a letter."""
    words = unit_words.get(key, ())
    if not words:
        return (group or key, "(?!)", "")
    return (group or key, r"\s" + _any_of(words) + _NOT_LETTER, _firsts(words))


def _hyphened(unit_words: dict, key: str) -> tuple[str, str, str]:
    """The Latin words of a span of time joined to its figure by a hyphen, as an adjective ("a four-year plan",
    "a 53-day run"); not an age ("a 40-year-old founder") nor a longer compound ("a 10-year-long")."""
    words = unit_words.get(key, ())
    if not words:
        return (key, "(?!)", "")
    return (key, "-" + _any_of(words) + r"(?![A-Za-z-])", "-")


def _tokens(words) -> tuple[str, str, str]:
    """Tokens: a Latin word (any case, not followed by a letter; or joined to its figure by a hyphen, as an
    adjective: "a 14.8T-token corpus") or a Chinese one, perhaps after 个."""
    latin = [x for x in words if x[:1].isascii()]
    other = [re.escape(x) for x in words if not x[:1].isascii()]
    body = "|".join(([_any_of(latin) + _NOT_LETTER] if latin else []) + other) or "(?!)"
    hyphened = "-" + _any_of(latin) + _NOT_LETTER + "|" if latin else ""
    return ("token", "(?:" + hyphened + r"\s?(?:个\s?)?(?:" + body + "))",
            "-个" + _firsts(latin) + "".join(x[:1] for x in other))


def guarded(word: str) -> str:
    """A word of the language data as a pattern: "台 (not before 湾北)" is 台(?![湾北])."""
    word, after, before = split_guard(word)
    return (f"(?<![{re.escape(after)}])" if after else "") + re.escape(word) + \
        (f"(?![{re.escape(before)}])" if before else "")


def _each(words, group: str, escape: bool = True, tail: str = "") -> list[tuple[str, str, str]]:
    """Words after a figure, glued or after one space, each its own alternative."""
    return [(group, r"\s?" + (re.escape(x) if escape else x) + tail, x[0]) for x in words]


def _glued_words(uw) -> list[tuple[str, str, str]]:
    """The Chinese unit words glued to a figure that speak of a currency or a per cent by another name: 14美分
    ($0.14), 跌了17趴 (17%), 60刀 (US$60; units.py keeps it only after a figure in digits)."""
    return _each(uw.get("cents-cjk", ()), "cents") + _each(uw.get("pct-cjk", ()), "pct", tail=_NOT_POSTURE) \
        + _each(uw.get("dollar-cjk", ()), "dollarcjk", tail=_NOT_BLADE)


def unit_alternatives(words) -> list[tuple[str, str, str]]:
    """The alternatives of the unit after a figure, in order: (group, pattern, leads)."""
    w = words
    uw = w.unit_words
    caps = _UPPER
    alts: list[tuple[str, str, str]] = [
        ("pp", r"\s?(?:个\s?)?百分点", "个百"),
        ("pp", r"\s?percentage[- ]points?(?![A-Za-z])", "p"),
        ("pp", r"\s?ppts?(?![A-Za-z])", "p"),
        ("pp", r"\s?pp(?![A-Za-z])", "p"),
        ("bp", r"\s?(?:个\s?)?基点", "个基"),
        ("bp", r"\s?basis[- ]points?(?![A-Za-z])", "b"),
        ("bp", r"\s?bps?(?![A-Za-z])", "b"),
        ("pct", r"\s?%", "%"),
        ("pct", r"\s?(?i:percent|per[ -]?cent|pct)(?![A-Za-z])", any_case("p")),
        ("pct", r"\s?(?:pc|p\.c\.)(?![A-Za-z])", "p"),  # as British and Indian papers write it: "17pc", "17 p.c."
        # 成 (tenths), its half or a digit of the per cent after it: 三成, 一成半 (15%), 一成七 (17%), and as Taiwanese
        # copy writes it in figures, 1成7 (17%)
        ("cheng", r"成(?:(?P<half>半)" + _NOT_CHENG + r"|(?P<tenth>[一二三四五六七八九1-9])"
                  r"(?![零〇一二两三四五六七八九十百千万亿兆个成年月日天倍人名家位%0-9.])|" + _NOT_CHENG + ")", "成"),
        ("gpuh", r"\s?(?:个\s?)?(?:[A-Z][0-9]+\s?)?GPU\s?小时", "个" + caps),
        ("gpuh", r"\s(?:[A-Z][0-9]+\s+)?GPU[- ]?(?i:hours?)(?![A-Za-z])", caps),  # "GPU Hours" in a title
        # a chip's name for the GPU: "2.7M H800 hours", "H100-hours", "278.8万H800小时"
        ("gpuh", r"\s?(?:个\s?)?[A-Z][0-9]{2,4}\s?小时", "个" + caps),
        ("gpuh", r"\s[A-Z][0-9]{2,4}[- ]?(?i:hours?)(?![A-Za-z])", caps),
    ]
    alts += _each(sorted(w.zh_currency, key=len, reverse=True), "zhcur", escape=False)
    en_cur = sorted(w.en_currency, key=lambda x: len(spaced(x)), reverse=True)
    alts += [("encur", r"\s(?i:" + spaced(x) + ")" + _NOT_LETTER, any_case(x[0])) for x in en_cur]
    # joined to its figure by a hyphen, as an adjective: "a 5.6-million-dollar run", "a 10-billion-euro plan"
    alts += [("encur", r"-(?i:" + spaced(x) + ")" + _NOT_LETTER, "-") for x in en_cur if " " not in x]
    alts += _each(("USD", "EUR", "HKD", "CNY", "RMB", "JPY", "GBP", "TWD"), "encur", tail=_NOT_LETTER)
    alts.append(_spaced(uw, "cents"))
    alts += _glued_words(uw)  # 美分; 17趴; 60刀
    alts += [
        ("watt", r"\s?(?:兆瓦|千瓦|吉瓦|瓦特?)(?!时)", "兆千吉瓦"),
        ("watt", r"\s?(?P<wp>[kKMGT]?)W(?![A-Za-z])", "kKMGTW"),
        ("wh", r"\s?(?:千瓦时|度电)", "千度"),
        ("wh", r"\s?[kKMGT]?Wh(?![A-Za-z])", "kKMGTW"),
        # a half after the counter or the unit is part of the figure: 一个半小时, 两个半月, 四年半, 一天半
        ("hour", r"\s?(?:个\s?(?:半\s?)?)?(?:多\s?)?小时", "个多小"),
        _spaced(uw, "hour"),
        _hyphened(uw, "hour"),
        ("month", r"\s?个\s?(?:多\s?|半\s?)?月(?!份)", "个"),
        _spaced(uw, "month"),
        _hyphened(uw, "month"),
        ("week", r"\s?(?:个\s?)?星期", "个星"),
        ("week", r"\s?周(?![一二三四五六日天年末边内])", "周"),
        _spaced(uw, "week"),
        _hyphened(uw, "week"),
        ("day", r"\s?(?:个\s?)?(?:交易日|工作日)", "个交工"),
        ("day", r"\s?天(?:半" + _HALF_ENDS + ")?", "天"),
        _spaced(uw, "day"),
        _hyphened(uw, "day"),
        ("ri", r"日", "日"),
        ("year", r"\s?年(?![代级轻龄初底末度报会薪前])(?:半" + _HALF_ENDS + ")?", "年"),
        _spaced(uw, "year"),
        _hyphened(uw, "year"),
        ("minute", r"\s?分钟", "分"),
        _spaced(uw, "minute"),
        ("second", r"\s?秒钟?", "秒"),
        _spaced(uw, "second"),
        ("inv", r"\s?(?:x|X|\s" + _any_of(uw.get("times", ())) + r")\s+" + _any_of(uw.get("inverse", ())) + _NOT_LETTER,
         "xX" + _firsts(uw.get("times", ()))),
        ("factor", r"\s?倍", "倍"),
        ("factor", r"次(?!数)(?!序)(?!日)(?!要)(?!级)(?!元)(?!方)", "次"),
        ("factor", r"-?\s?(?i:fold)(?![A-Za-z])", "-" + any_case("f")),
        ("factor", r"[xX](?![A-Za-z0-9])", "xX"),
        _spaced(uw, "times", "factor"),
        _tokens(uw.get("token", ())),
        ("point", r"\s?(?:个\s?)?点(?![0-9零〇一二三四五六七八九半钟])", "个点"),
        _spaced(uw, "point"),
    ]
    latin_measures = [x for x in w.measure if x[:1].isascii() and x[:1].isalpha()]
    other_measures = [x for x in w.measure if not (x[:1].isascii() and x[:1].isalpha())]
    alts += _each(sorted(latin_measures, key=len, reverse=True), "measure", escape=False, tail=_NOT_LETTER)
    alts += _each(sorted(other_measures, key=lambda x: len(re.escape(x)), reverse=True), "measure")
    alts.append(("discount", r"折(?!扣)(?!合)(?!算)(?!叠)(?!腾)", "折"))
    alts += [("counter", r"\s?" + guarded(x), split_guard(x)[0][:1]) for x in w.counters]
    return alts

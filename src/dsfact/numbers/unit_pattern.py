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

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}  # what else (?i) matches for these letters
_NOT_LETTER = "(?![A-Za-z])"


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
        k = q
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


def _latin(words, group: str, space: str = r"\s") -> list[tuple[str, str, str]]:
    """Latin words read in any case after `space`, not followed by a letter."""
    return [(group, space + "(?i:" + re.escape(x).replace(r"\ ", r"\s+") + ")" + _NOT_LETTER, any_case(x[0]))
            for x in words]


def _each(words, group: str, escape: bool = True, tail: str = "") -> list[tuple[str, str, str]]:
    """Words after a figure, glued or after one space, each its own alternative."""
    return [(group, r"\s?" + (re.escape(x) if escape else x) + tail, x[0]) for x in words]


def unit_alternatives(words) -> list[tuple[str, str, str]]:
    """The alternatives of the unit after a figure, in order: (group, pattern, leads)."""
    w = words
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
        ("cheng", r"成(?P<half>半)?(?![为本功立长果绩员交就熟型效分品都了绩事])", "成"),
        ("gpuh", r"\s?(?:个\s?)?(?:[A-Z][0-9]+\s?)?GPU\s?小时", "个" + caps),
        ("gpuh", r"\s(?:[A-Z][0-9]+\s+)?GPU[- ]?hours?(?![A-Za-z])", caps),
    ]
    alts += _each(sorted(w.zh_currency, key=len, reverse=True), "zhcur", escape=False)
    en_cur = sorted(w.en_currency, key=lambda x: len(re.escape(x).replace(r"\ ", r"\s+")), reverse=True)
    alts += [("encur", r"\s(?i:" + re.escape(x).replace(r"\ ", r"\s+") + ")" + _NOT_LETTER, any_case(x[0]))
             for x in en_cur]
    alts += _each(("USD", "EUR", "HKD", "CNY", "RMB", "JPY", "GBP", "TWD"), "encur", tail=_NOT_LETTER)
    alts += [
        ("cents", r"\s(?i:cents?)(?![A-Za-z])", any_case("c")),
        ("watt", r"\s?(?:兆瓦|千瓦|吉瓦|瓦特?)(?!时)", "兆千吉瓦"),
        ("watt", r"\s?(?P<wp>[kKMGT]?)W(?![A-Za-z])", "kKMGTW"),
        ("wh", r"\s?(?:千瓦时|度电)", "千度"),
        ("wh", r"\s?[kKMGT]?Wh(?![A-Za-z])", "kKMGTW"),
        ("hour", r"\s?(?:个\s?)?(?:多\s?)?小时", "个多小"),
        ("hour", r"\s(?i:hours?|hrs?)(?![A-Za-z])", any_case("h")),
        ("month", r"\s?个\s?(?:多\s?)?月(?!份)", "个"),
        ("month", r"\s(?i:months?)(?![A-Za-z])", any_case("m")),
        ("week", r"\s?(?:个\s?)?星期", "个星"),
        ("week", r"\s?周(?![一二三四五六日天年末边内])", "周"),
        ("week", r"\s(?i:weeks?)(?![A-Za-z])", any_case("w")),
        ("day", r"\s?(?:个\s?)?(?:交易日|工作日)", "个交工"),
        ("day", r"\s?天", "天"),
        ("day", r"\s(?i:days?)(?![A-Za-z])", any_case("d")),
        ("ri", r"日", "日"),
        ("year", r"\s?年(?![代级轻龄初底末度报会薪前])", "年"),
        ("year", r"\s(?i:years?|yrs?)(?![A-Za-z])", any_case("y")),
        ("minute", r"\s?分钟", "分"),
        ("minute", r"\s(?i:minutes?|mins?)(?![A-Za-z])", any_case("m")),
        ("second", r"\s?秒钟?", "秒"),
        ("second", r"\s(?i:seconds?|secs?)(?![A-Za-z])", any_case("s")),
        ("inv", r"\s?(?:x|X|\s(?i:times))\s+(?i:less|fewer|cheaper|smaller|lower)(?![A-Za-z])", any_case("xt")),
        ("factor", r"\s?倍", "倍"),
        ("factor", r"次(?![数序日要级元方])", "次"),
        ("factor", r"-?\s?(?i:fold)(?![A-Za-z])", "-" + any_case("f")),
        ("factor", r"[xX](?![A-Za-z0-9])", "xX"),
        ("factor", r"\s(?i:times)(?![A-Za-z])", any_case("t")),
        ("token", r"\s?(?:个\s?)?(?:(?i:tokens?)(?![A-Za-z])|词元)", "个词" + any_case("t")),
        ("point", r"\s?(?:个\s?)?点(?![0-9零〇一二三四五六七八九半钟])", "个点"),
        ("point", r"\s(?i:points?|pts?)(?![A-Za-z])", any_case("p")),
    ]
    latin_measures = [x for x in w.measure if x[:1].isascii() and x[:1].isalpha()]
    other_measures = [x for x in w.measure if not (x[:1].isascii() and x[:1].isalpha())]
    alts += _each(sorted(latin_measures, key=len, reverse=True), "measure", escape=False, tail=_NOT_LETTER)
    alts += _each(sorted(other_measures, key=lambda x: len(re.escape(x)), reverse=True), "measure")
    alts.append(("discount", r"折(?![扣合算叠腾])", "折"))
    counters = ("个", "块(?!钱)", "张", "颗", "片", "枚", "台(?![湾北中南东积币风])", "部(?![署分门长])",
                "名(?![字单称])", "人(?![工民类才口气])", "家(?![庭长族乡])", "位(?![于置])", "款", "篇", "页",
                "项(?!目)", "条(?!件)", "只(?![有是要能会])", "座", "架", "辆", "艘", "套", "份(?!额)",
                "所(?![以有在])", "间(?![隔])", "支(?![持出付柱])", "粒", "根", "层", "节(?![省约日])", "盏", "颗",
                "幅", "本(?![身来地土季年月])", "首", "场", "届", "轮(?![驱])", "期(?![间待望货限])")
    alts += _each(counters, "counter", escape=False)
    return alts

"""Read the figures in English and Chinese (Traditional and Simplified) news text.

`parse_quantities(text)` returns `Quantity` objects in text order, each with its code-point span in
the text it was given, never overlapping. The reader scans a working copy of the text of the same
length: full-width digits and signs become ASCII and the Traditional characters the patterns need
become Simplified, one character for one, so every offset in the copy is an offset in the original.
At each place a figure can start (a digit, a currency sign, a Chinese numeral, an English number
word or month, 每, Christmas) it tries in turn: dates; things that only look like amounts (model and
index names, stock codes, citations, times, versions, ordinals, bare years); ratios; and amounts with
their scale, unit, rate, range, qualifier and direction. A place where nothing is read is skipped
as a whole run, so the scan stays linear on any input.

What comes out:
- value: a float in the unit's own terms (5.6 million USD is 5600000.0, 17% is 17.0, 1/8 is 0.125);
  for unit "date" an ISO string ("2024-12-27", "2023-05", "2025", or "--12-25" without a year).
- unit: USD EUR HKD CNY TWD JPY GBP (and a few more codes), 元 (yuan or NT dollars, unsaid), pct,
  pp, bp, count, day, week, month, year, hour, minute, second, gpu_hour, point, factor, ratio, W, Wh,
  token, GB and other measures, date.
- qualifier: approximately, more than, less than, up to, or None (高達, as low as: as stated).
- precision: the place of the last significant digit, in the units of value (written decimals
  count; integers never claim fewer than two significant digits); None for dates and ratios.
- direction: "up"/"down" for pct, pp, bp, point and currency amounts when the words say so.
- high and per for ranges and rates.

Standard library only; the regular expressions are compiled on the first call.
"""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN, UP_TO, Per, Quantity

__all__ = ["parse_quantities", "quantity_to_dict"]

_NEUTRAL = "none"  # a qualifier word that says the figure is as stated (高達, as low as)
_NEARLY = "nearly"  # approximately, and from below: "nearly 17%" is just under 17 (Quantity.below)
_MAX_DIGITS = 16  # longer digit runs are identifiers, not amounts
_MAX_ZH = 20  # longer runs of Chinese numerals are not one number
_REACH = 24  # the furthest a figure's reading looks back (_left_context; _rel_year and others look less far)
_MARGIN = 48  # read from this far before a span (parse_quantities(spans=...)), so its first figure reads whole
_BREAKS = frozenset(" \t\n。；;！？!?，,:、")

# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

# Traditional -> Simplified, only for characters the patterns read; one character for one.
_T2S = (
    "萬万億亿兩两個个塊块張张顆颗點点幣币臺台歐欧圓圆鎊镑約约將将過过於于達达內内漲涨發发"
    "時时鐘钟週周單单幾几數数頁页項项條条隻只輛辆間间組组種种餘余與与為为報报見见後后從从"
    "來来減减彈弹長长連连續续歷历總总額额僅仅號号國国聖圣誕诞節节標标準准爾尔財财對对灣湾"
    "紐纽韓韩盧卢揚扬縮缩虧亏損损飆飙復复計计簽签預预製制價价錢钱廠厂億亿網网買买賣卖夠够"
    "戶户營营動动機机週周現现開开關关門门費费實实產产這这裡里個个漲涨兩两啟启據据處处歲岁"
    "層层筆笔噸吨輪轮貨货盤盘頃顷區区檔档級级線线卻却僅仅規规劃划億亿擁拥備备級级場场顯显佔占達达"
)
_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10 ** 4, "亿": 10 ** 8, "兆": 10 ** 12}
_ZH_NUM_CHARS = frozenset("零〇一二两三四五六七八九十百千万亿兆")

_EN_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
_EN_SCALE = {"dozen": 12, "hundred": 100, "thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9,
             "trillion": 10 ** 12}
_EN_FOLD = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6,
            "sevenfold": 7, "eightfold": 8, "ninefold": 9, "tenfold": 10, "hundredfold": 100,
            "thousandfold": 1000}
_EN_ORDINAL_DEN = {
    "half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "hundredth": 100, "thousandth": 1000,
}
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_ISO_CODES = {"USD": "USD", "EUR": "EUR", "HKD": "HKD", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY",
              "RMB": "CNY", "TWD": "TWD", "NTD": "TWD", "AUD": "AUD", "CAD": "CAD", "SGD": "SGD",
              "KRW": "KRW", "CHF": "CHF", "INR": "INR"}
_DOLLAR_PREFIX = {"": "USD", "US": "USD", "U.S.": "USD", "HK": "HKD", "NT": "TWD", "A": "AUD",
                  "AU": "AUD", "C": "CAD", "CA": "CAD", "S": "SGD", "SG": "SGD", "NZ": "NZD"}
_SYMBOL = {"€": "EUR", "£": "GBP", "¥": "JPY", "￥": "CNY", "₩": "KRW", "₹": "INR"}
_ZH_CURRENCY = {
    "元人民币": "CNY", "人民币": "CNY", "美元": "USD", "美金": "USD", "欧元": "EUR",
    "港元": "HKD", "港币": "HKD", "新台币": "TWD", "台币": "TWD", "日元": "JPY", "日圆": "JPY",
    "英镑": "GBP", "韩元": "KRW", "澳元": "AUD", "加元": "CAD", "卢布": "RUB", "块钱": "元",
    "元": "元",
}
_MEASURE = {"GB": "GB", "TB": "TB", "MB": "MB", "PB": "PB", "KB": "KB", "nm": "nm", "GHz": "GHz",
            "MHz": "MHz", "km": "km", "kg": "kg", "公里": "km", "公斤": "kg", "千克": "kg",
            "公顷": "ha", "吨": "t", "平方米": "m2", "平方公里": "km2", "TFLOPS": "TFLOPS",
            "PFLOPS": "PFLOPS", "EFLOPS": "EFLOPS"}
_PER_NOUN = {
    "token": "token", "tokens": "token", "词元": "token", "符元": "token", "股": "股",
    "share": "share", "shares": "share", "月": "month", "month": "month", "mo": "month",
    "年": "year", "year": "year", "yr": "year", "天": "day", "日": "day", "day": "day",
    "小时": "hour", "hour": "hour", "hr": "hour", "week": "week", "周": "week", "星期": "week",
    "人": "person", "person": "person", "user": "user", "users": "user", "位": "person",
    "head": "person", "GPU": "gpu", "gpu": "gpu", "kWh": "kWh", "度": "kWh", "千瓦时": "kWh",
    "query": "query", "queries": "query", "request": "request", "requests": "request",
    "image": "image", "images": "image", "barrel": "barrel", "桶": "barrel", "吨": "t",
    "tonne": "t", "ton": "t", "seat": "seat", "ounce": "ounce", "oz": "ounce", "次": "time",
}
_CURRENCIES = frozenset(("USD", "EUR", "HKD", "CNY", "TWD", "JPY", "GBP", "AUD", "CAD", "SGD",
                         "NZD", "KRW", "CHF", "INR", "RUB", "元"))
_MOVES = frozenset(("pct", "pp", "bp", "point"))  # units whose stated moves carry a direction
_DURATIONS = frozenset(("year", "month", "week", "day", "hour", "minute", "second"))
_NO_PER = frozenset(("date", "pct", "pp", "bp", "ratio", "factor", "year", "month", "day", "hour",
                     "minute", "second", "week"))


class _Rx:
    """The compiled patterns (built once, on first use)."""


_RX: _Rx | None = None


def _words(*names: str) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


def _first_chars(*groups: str) -> str:
    """A lookahead on the first characters of the alternatives, so most positions fail at once."""
    chars: set[str] = set()
    for words in groups:
        for word in words.split("|"):
            word = re.sub(r"^\(\?<!\[[^\]]*\]\)", "", word)
            c = word[:1]
            if c == "\\":
                c = word[1:2]
            chars.update((c.lower(), c.upper()) if c.isascii() and c.isalpha() else (c,))
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def _lexicon(groups: list[tuple[str, str]]) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for word lists of several kinds, and the kind of each word found.

    English words share one boundary check (a lookbehind per alternative is slow); the kind of a
    match is looked up by its lower-cased text.
    """
    kinds: dict[str, str] = {}
    en: list[str] = []
    other: list[str] = []
    for kind, words in groups:
        for word in words.split("|"):
            if word[:1].isascii() and word[:1].isalpha():
                key = word.lower()
                kinds.setdefault(key, kind)
                en.append(re.escape(word).replace(r"\ ", r"\s+"))
            else:
                plain = re.sub(r"\(\?<?[!=][^)]*\)", "", word)
                kinds.setdefault(plain, kind)
                other.append(word if plain != word else re.escape(word))
    en.sort(key=len, reverse=True)
    other.sort(key=lambda x: len(re.sub(r"\(\?<?[!=][^)]*\)", "", x)), reverse=True)
    first = _first_chars("|".join(w for _, w in groups))
    pattern = "(?i)" + first + r"(?:(?<![A-Za-z])(?:" + "|".join(en) + r")(?![A-Za-z])|" + \
        "|".join(other) + ")"
    return _compile(pattern), kinds


def _build() -> _Rx:
    r = _Rx()
    table: dict[int, str] = {}
    for i in range(0, len(_T2S) - 1, 2):
        table[ord(_T2S[i])] = _T2S[i + 1]
    for i in range(10):
        table[0xFF10 + i] = chr(0x30 + i)
    for i in range(26):
        table[0xFF21 + i] = chr(0x41 + i)
        table[0xFF41 + i] = chr(0x61 + i)
    for a, b in ("％%", "．.", "＄$", "＋+", "－-", "／/", "（(", "）)", "［[", "］]", "～~",
                 "：:", "＆&", "﹩$", "￡£", "﹪%", "\u2212-", "\u3000 ", "\xa0 ", "\u2009 ",
                 "\u202f ", "\u2007 ", "\u200b ", "︰:"):
        table[ord(a)] = b
    r.table = table

    en_num = _words(*_EN_SMALL, *_EN_TENS)
    en_den = _words(*_EN_ORDINAL_DEN, *(k + "s" for k in _EN_ORDINAL_DEN if not k.endswith("f")))
    months = _words("January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
                    "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
    r.trigger = _compile(
        r"(?=[0-9$€£¥￥₩₹一二两三四五六七八九十百千〇零每圣平CJFMASONDaAzZoOtTfFsSeEnNhH])"
        r"(?:(?P<d>[0-9])"
        r"|(?P<cur>[$€£¥￥₩₹])"
        r"|(?P<zh>[一二两三四五六七八九十百千〇零])"
        r"|(?P<per>每)"
        r"|(?P<xmas>圣诞|平安夜|Christmas)"
        r"|(?P<mon>(?<![A-Za-z])(?:" + months + r")(?![A-Za-z]))"
        r"|(?P<w>(?<![A-Za-z])(?i:" + en_num + "|" + _words(*_EN_FOLD) + r"|half"
        r"|an?\s+(?:dozen|hundred|thousand|million|billion|trillion|" + en_den + r"))(?![A-Za-z])))"
    )
    month_grp = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|"
                 r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?)")
    r.en_mdy = _compile(month_grp + r"\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9:%]|\.[0-9])"
                          r"(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?")
    r.en_my = _compile(month_grp + r",?\s+(?P<y>[0-9]{4})(?![0-9])")
    r.en_dmy = _compile(r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + month_grp +
                          r"(?![A-Za-z])(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?")
    r.iso = _compile(r"(?P<y>[0-9]{4})(?P<s>[-/.])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})(?![0-9])")
    r.dmy = _compile(r"(?P<a>[0-9]{1,2})(?P<s>[/.-])(?P<b>[0-9]{1,2})(?P=s)(?P<y>[0-9]{4})(?![0-9])")
    r.md_weekday = _compile(r"(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})\s?\((?:周|星期)?"
                              r"(?:[一二三四五六日天]|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\)")
    zh_m = r"(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])"
    zh_d = r"(?P<d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
    r.zh_ymd = _compile(r"(?P<y>[0-9]{4}|[〇零一二三四五六七八九]{4})\s?年(?!财|度财)"
                          r"(?:\s?" + zh_m + r"\s?月份?(?:\s?" + zh_d + r"\s?[日号])?)?")
    r.zh_md = _compile(zh_m + r"\s?月(?![租薪费])份?(?:\s?" + zh_d + r"\s?[日号])?")
    r.rel_zh = _compile(r"(今年|去年|前年|明年)\s?$")
    r.rel_en_before = _compile(r"(?i)\b(this|last|next)\s+year(?:'s)?,?\s+(?:on\s+)?$")
    r.rel_en_after = _compile(r"(?i),?\s+(this|last|next)\s+year\b")
    r.xmas = _compile(r"圣诞节?(?:当天|当日)?|平安夜|Christmas(?:\s+Day|\s+Eve)?")
    r.year_prep = _compile(r"(?i)(?:\b(?:in|since|by|until|till|from|during|fiscal|FY|early|"
                             r"late|mid|before|after|through|spring|summer|autumn|fall|winter|"
                             r"year|circa|of|the end of)[\s-]+|\bmid-)$")
    r.plural_next = _compile(r"\s+(?:[A-Z][A-Za-z]*\s+){0,2}(?!(?:was|is|has|its|this|as|us|"
                               r"his|plus|always|perhaps|thus|less|yes|does|was)\b)[A-Za-z]+s\b")

    # Things that only look like amounts.
    r.time = _compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s?[AaPp]\.?[Mm]\.?)?")
    r.version = _compile(r"[0-9]+\.[0-9]+\.[0-9]+(?:\.[0-9]+)*")
    r.phone = _compile(r"\+?[0-9]{2,4}(?:[- ][0-9]{3,4}){2,}(?![0-9])")
    r.lead_zero = _compile(r"0[0-9]{2,}(?![.0-9])")
    r.decade = _compile(r"(?:1[5-9]|20)[0-9]0s\b")
    r.ordinal = _compile(r"[0-9]+(?:st|nd|rd|th)\b")
    r.glued_tail = _compile(r"[A-Za-z0-9_.\-]*")
    r.code_before = _compile(r"(?<![A-Za-z])(" + "|".join(_ISO_CODES) + r") $")
    r.run_of = {"d": _compile(r"[0-9][0-9,.]*"),
                "zh": _compile(r"[零〇一二两三四五六七八九十百千万亿兆]+"),
                "w": _compile(r"[A-Za-z]+"), "mon": _compile(r"[A-Za-z]+")}
    r.fw_thousands = _compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
    r.cny_before = _compile(r"(人民币|港币|港元|新台币|台币|美元)\s?$")
    r.digits = _compile(r"[0-9]*")
    r.zh_frac_den = _compile(r"([0-9]{1,6}(?:\.[0-9]+)?)\s?分之")
    r.zero_one = _compile(r"0\s?(?:-|到|至)\s?1(?![0-9.])")
    r.citation = _compile(r"[0-9]{1,3}\]")
    r.paren_code = _compile(r"[0-9]{1,6}(?:\.[A-Z]{1,2})?\)")
    r.name_words = frozenset((
        "Llama", "LLaMA", "LlaMA", "Grok", "GPT", "Claude", "Gemini", "Gemma", "Qwen", "Mistral", "Phi",
        "CES", "RTX", "GTX", "iPhone", "iPad", "Windows", "Python", "Pixel", "Galaxy", "Xbox",
        "PlayStation", "PS", "Model", "Version", "version", "ver", "Ver", "No", "Nasdaq", "Nikkei",
        "FTSE", "Stoxx", "STOXX", "DAX", "CAC", "Top", "TOP", "Fortune", "Seng", "Series", "Pro",
        "Ultra", "Max", "Mac", "MacBook", "Surface", "Snapdragon", "Ryzen", "Core", "Xeon", "S&P",
        "Opus", "Sonnet", "Haiku", "Turbo", "Flash", "DeepSeek-V", "Kimi", "GLM", "Ernie", "ERNIE"))
    r.name_zh = ("标普", "标准普尔", "纳斯达克", "道琼斯", "富时", "日经", "恒生", "沪深", "文心")
    r.name_word_end = _compile(r"[A-Za-z&\-]+$")
    r.name_tail = _compile(r"[0-9]+(?:\.[0-9]+)*(?:[A-Za-z]+[0-9]*)?(?:\s?-?[0-9]+(?:\.[0-9]+)?[BbMmKkTt](?![A-Za-z0-9]))?")
    r.url_tok = _compile(r"(?:https?://|www\.|@)")

    # Fractions.
    r.slash = _compile(r"(?P<n>[0-9]{1,3})/(?P<d>[0-9]{1,4})(?P<t>th|st|nd|rd|s)?(?![0-9/])")
    r.zh_frac = _compile(r"分之\s?(?P<n>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+"
                           r"(?:点[零〇一二三四五六七八九]+)?)")
    r.en_frac = _compile(r"(?i)(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten)"
                           r"[\s-]+)?(?P<den>" + en_den + r")(?![A-Za-z])")
    r.half_after = _compile(r"(?i)\s+(?:the|of|as|a|an|its|their|that|what|this|these|those|"
                              r"our|his|her|price|cost)\b")
    r.half_before = _compile(r"(?i)(?:first|second|1st|2nd|other|latter|former|back|front|top|"
                               r"bottom|upper|lower|and a|and one)[\s-]+$")
    r.of_after = _compile(r"(?i)\s+(?:of|the|as)\b")
    r.half_scale = _compile(r"(?i)\s+(?P<a>an?)\s+(?:thousand|million|billion|trillion)\b")

    r.en_words = _compile(
        r"(?i)(?:an?|" + en_num + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
        r"(?:(?:\s+|-)(?:and\s+)?(?:" + _words(*_EN_SCALE) + "|" + en_num +
        r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?){0,8}(?![A-Za-z])")

    # After a number: scale, unit, qualifier, rate.
    r.arabic = _compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?")
    r.en_scale = _compile(r"(?:\s?(?i:(?P<w>thousand|million|billion|trillion))(?![A-Za-z])"
                            r"|\s?(?P<a>mn|bn|tn|mln|bln|Mn|Bn|MM)(?![A-Za-z])"
                            r"|(?P<l>[kKmMbBtT])(?![A-Za-z0-9]))")
    r.zh_scale = _compile(r"\s?(?P<s>[十百千]?多?(?:万亿|万|亿|兆(?![瓦赫帕焦欧位级]|字节|比特))|[百千](?!分))")
    r.unit = _compile(
        r"(?P<pp>\s?(?:个\s?)?百分点|\s?percentage[- ]points?(?![A-Za-z])|\s?ppts?(?![A-Za-z])|\s?pp(?![A-Za-z]))"
        r"|(?P<bp>\s?(?:个\s?)?基点|\s?basis[- ]points?(?![A-Za-z])|\s?bps?(?![A-Za-z]))"
        r"|(?P<pct>\s?%|\s?(?i:percent|per[ -]?cent|pct)(?![A-Za-z]))"
        r"|(?P<cheng>成(?P<half>半)?(?![为本功立长果绩员交就熟型效分品都了绩事]))"
        r"|(?P<gpuh>\s?(?:个\s?)?(?:[A-Z][0-9]+\s?)?GPU\s?小时|\s(?:[A-Z][0-9]+\s+)?GPU[- ]?hours?(?![A-Za-z]))"
        r"|(?P<zhcur>\s?(?:" + _words(*_ZH_CURRENCY) + r"))"
        r"|(?P<encur>\s(?i:(?:US|U\.S\.|American)\s+dollars?|Hong\s+Kong\s+dollars?|HK\s+dollars?|"
        r"(?:Taiwan|NT|New\s+Taiwan)\s+dollars?|dollars?|euros?|yuan|renminbi|yen|pounds?\s+sterling|"
        r"pounds?)(?![A-Za-z])|\s?(?:USD|EUR|HKD|CNY|RMB|JPY|GBP|TWD)(?![A-Za-z]))"
        r"|(?P<cents>\s(?i:cents?)(?![A-Za-z]))"
        r"|(?P<watt>\s?(?:兆瓦|千瓦|吉瓦|瓦特?)(?!时)|\s?(?P<wp>[kKMGT]?)W(?![A-Za-z]))"
        r"|(?P<wh>\s?(?:千瓦时|度电)|\s?[kKMGT]?Wh(?![A-Za-z]))"
        r"|(?P<hour>\s?(?:个\s?)?(?:多\s?)?小时|\s(?i:hours?|hrs?)(?![A-Za-z]))"
        r"|(?P<month>\s?个\s?(?:多\s?)?月(?!份)|\s(?i:months?)(?![A-Za-z]))"
        r"|(?P<week>\s?(?:个\s?)?星期|\s?周(?![一二三四五六日天年末边内])|\s(?i:weeks?)(?![A-Za-z]))"
        r"|(?P<day>\s?(?:个\s?)?(?:交易日|工作日)|\s?天|\s(?i:days?)(?![A-Za-z]))"
        r"|(?P<ri>日)"
        r"|(?P<year>\s?年(?![代级轻龄初底末度报会薪前])|\s(?i:years?|yrs?)(?![A-Za-z]))"
        r"|(?P<minute>\s?分钟|\s(?i:minutes?|mins?)(?![A-Za-z]))"
        r"|(?P<second>\s?秒钟?|\s(?i:seconds?|secs?)(?![A-Za-z]))"
        r"|(?P<inv>\s?(?:x|X|\s(?i:times))\s+(?i:less|fewer|cheaper|smaller|lower)(?![A-Za-z]))"
        r"|(?P<factor>\s?倍|次(?![数序日要级元方])|-?\s?(?i:fold)(?![A-Za-z])|[xX](?![A-Za-z0-9])|\s(?i:times)(?![A-Za-z]))"
        r"|(?P<token>\s?(?:个\s?)?(?:(?i:tokens?)(?![A-Za-z])|词元))"
        r"|(?P<point>\s?(?:个\s?)?点(?![0-9零〇一二三四五六七八九半钟])|\s(?i:points?|pts?)(?![A-Za-z]))"
        r"|(?P<measure>\s?(?:GB|TB|MB|PB|KB|nm|GHz|MHz|km|kg|TFLOPS|PFLOPS|EFLOPS)(?![A-Za-z])"
        r"|\s?(?:平方公里|平方米|公里|公斤|千克|公顷|吨))"
        r"|(?P<discount>折(?![扣合算叠腾]))"
        r"|(?P<counter>\s?(?:个|块(?!钱)|张|颗|片|枚|台(?![湾北中南东积币风])|部(?![署分门长])|名(?![字单称])|"
        r"人(?![工民类才口气])|家(?![庭长族乡])|位(?![于置])|款|篇|页|项(?!目)|条(?!件)|"
        r"只(?![有是要能会])|座|架|辆|艘|套|份(?!额)|所(?![以有在])|间(?![隔])|支(?![持出付柱])|"
        r"粒|根|层|节(?![省约日])|盏|颗|幅|本(?![身来地土季年月])|首|场|届|轮(?![驱])|期(?![间待望货限])))"
    )
    r.post_qual = _compile(r"\s?(?P<q>左右|上下|以上|以下|以内|之多|有余|余|\+|"
                             r"(?i:or\s+more|or\s+so|or\s+less|or\s+fewer|and\s+above|and\s+up|plus))(?![A-Za-z])")
    r.per_suffix = _compile(
        r"\s?(?:(?P<kw>(?i:per|for\s+every|for\s+each|every|each))\s+|/\s?|(?P<a>(?i:an?))\s+|每\s?)"
        r"(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?\s?(?:[kKmMbB](?![A-Za-z])|(?i:thousand|million|billion)|mn|bn|万|亿|百万|千)?"
        r"|(?i:thousand|million|billion)|[MKk](?![A-Za-z])|百万|千万|万|千|亿|百)?\s?个?\s?"
        r"(?:(?i:input|output|prompt|completion|cached|generated)\s+)?"
        r"(?P<noun>(?i:tokens?|shares?|month|mo|year|yr|hour|hr|day|week|users?|person|head|queries|query|"
        r"requests?|images?|seat|barrel|ounce|oz|tonne|ton)(?![A-Za-z])|GPU|kWh|词元|符元|股|月|年|天|日|"
        r"小时|星期|周|人|位|度|千瓦时|桶|吨)")
    r.per_prefix = _compile(
        r"每\s?(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?\s?(?:万|亿|百万|千|[kKmM])?|百万|千万|万|千|亿|百|"
        r"[一二两三四五六七八九十]+[百千万亿]*)?\s?个?\s?(?:输入|输出|(?i:input|output)\s?)?\s?"
        r"(?P<noun>(?i:tokens?)(?![A-Za-z])|词元|符元|股|月|年|天|日|小时|星期|周|人|位|度|千瓦时|桶|吨)")
    r.range_conn = _compile(r"\s?(?:–|—|~|〜|至|到|乃至)\s?|-|\s+(?:to|through)\s+|\s+and\s+")
    r.between = _compile(r"(?i)\bbetween\s+(?:about\s+|around\s+|roughly\s+)?$")
    r.from_before = _compile(r"(?i)(?:\bfrom\s+|从\s?|由\s?)$")

    # Qualifiers and directions in the words before a number.
    qual = [
        (_NEARLY, "nearly|almost|close to|将近|接近|近乎|(?<![最附逼临靠亲贴拉])近"),
        (APPROXIMATELY, "about|around|roughly|approximately|approx|approx.|circa|"
                        "some|an estimated|estimated|more or less|just about|~|≈|约莫|大约|约为|约有|"
                        "约是|约合|约达|(?<![纽签合预条节制契公])约|大概"),
        (MORE_THAN, "more than|over|above|at least|in excess of|upwards of|north of|greater than|"
                    "no less than|not less than|just over|well over|≥|>=|>|逾|超过|超出|超(?!过)|"
                    "多于|高于|大于|至少|最少|不少于|不低于"),
        (LESS_THAN, "less than|under|below|fewer than|lower than|just under|well under|shy of|"
                    "short of|≤|<=|<|不到|不足|少于|低于|小于|未满|未到|不够"),
        (UP_TO, "up to|as much as|as many as|by as much as|at most|no more than|a maximum of|"
                "maximum of|最多|至多|最高|不超过|不多于"),
        (_NEUTRAL, "as low as|as high as|as little as|only|just|a mere|merely|exactly|precisely|"
                   "高达|多达|达到|达|低至|一度突破|突破|仅为|仅有|仅仅|仅|只有|只是|只需|只|正好|恰好|足足"),
    ]
    r.qual, r.qual_kind = _lexicon(qual)
    r.qual_far = frozenset(("不到", "不足", "超过", "少于", "低于", "至少", "最少", "最多", "至多",
                            "将近", "接近", "大约", "约为", "大概", "高达", "多达", "低至", "一度突破",
                            "达到", "不少于", "不超过", "高于", "多于"))
    r.for_over = _compile(r"(?i)(?:for|of|took|lasted|just|well)\s+$")
    r.adj_gap = _compile(r"\s*(?:为|是|有|了|在|约|达)?\s*(?:人民币|港币|美元|新台币)?\s*$")
    down = ("fell|fall|falls|falling|down|dropped|drop|drops|dropping|slid|slide|slides|sliding|"
            "slipped|plunged|plunge|plunges|plunging|lost|lose|loses|losing|shed|sheds|shedding|"
            "declined|decline|declines|declining|tumbled|tumble|tumbles|sank|sink|sinks|slumped|"
            "slump|slumps|crashed|decreased|decrease|decreases|wiped|wiping|wipe|wipes|erased|erasing|"
            "下跌|暴跌|大跌|急跌|狂跌|重挫|大挫|挫|跌幅|跌去|跌|下滑|下降|降幅|降低|减少|蒸发|缩水|"
            "回落|插水|急插|插|萎缩|亏损|亏")
    up = ("rose|rise|rises|rising|up|gained|gain|gains|gaining|jumped|jump|jumps|rebounded|rebound|"
          "rebounds|climbed|climb|climbs|surged|surge|surges|soared|soar|soars|rallied|rally|"
          "increased|increase|increases|grew|grow|grows|added|advanced|上涨|大涨|急涨|狂涨|涨幅|涨回|涨|"
          "上升|回升|攀升|飙升|急升|升幅|升|增长|增幅|增加|反弹|回弹|收复|提升|提高|上扬|走高")
    r.direction, r.dir_kind = _lexicon([("down", down), ("up", up)])
    r.up_to = _compile(r"(?i)up\s+to\b|down\s+to\b|up\s+from\b")
    r.level = _compile(r"(?i)(?:(?<![A-Za-z])(?:to|at|from)\s+|(?:跌至|升至|涨至|降至|增至|减至|收于|收报|"
                         r"(?<!达)到|至|见|报|收|收盘)\s?)(?:about|around|roughly|nearly|almost|over|under|"
                         r"more than|less than|约|近|逾|超过|不到|仅)?\s*$")
    r.dir_after = _compile(r"(?i)\s+(?:(?P<down>drop|decline|fall|slide|plunge|loss|slump|decrease|"
                             r"lower|cut)|(?P<up>gain|rise|increase|jump|surge|rally|higher|growth|climb))\b")
    r.inherit = _compile(r"^\s*(?:[、,，;；]|\s)?\s*(?:及|和|与|以及|或|and|or|vs\.?|versus|[(（])?\s*"
                           r"(?:合|折合|人民币|港币|美元)*\s*$")
    r.clause_cut = _compile(r"[。；;！？!?\n，,:]")
    r.per_cut = _compile(r"[。；;！？!?\n，,]")
    r.paren = _compile(r"\([^()]*\)|（[^（）]*）")
    r.roc = _compile(r"民国\s?$")
    r.zh_vague = _compile(r"(?:[数几上好成多]|[0-9])$")
    return r


class _Lazy:
    """A pattern compiled on first use: parsing a pattern costs more than most texts use it (an
    English text never needs some of the Chinese ones). After the first call the compiled pattern's
    methods are this object's own attributes, so a call costs what it costs on the pattern."""

    __slots__ = ("_args", "match", "search", "finditer", "fullmatch", "sub", "split", "findall")

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        if name.startswith("_") or name not in _Lazy.__slots__:
            return getattr(re.compile(*self._args), name)
        compiled = re.compile(*self._args)
        for method in _Lazy.__slots__[1:]:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def _compile(pattern: str, flags: int = 0) -> re.Pattern:
    return _Lazy(pattern, flags)  # type: ignore[return-value]


def _rx() -> _Rx:
    global _RX
    if _RX is None:
        _RX = _build()
    return _RX


# ---------------------------------------------------------------------------------------------
# Number helpers
# ---------------------------------------------------------------------------------------------

def _int_prec_exp(digits: str) -> int:
    """Place of the last significant digit of an integer, never fewer than two significant digits."""
    digits = digits.lstrip("0") or "0"
    n = len(digits)
    z = n - len(digits.rstrip("0"))
    return max(0, min(z, n - 2))


_ONE = Fraction(1)


@lru_cache(maxsize=4096)
def _prec_of(digits: str) -> Fraction:
    """10 to the place of the last significant digit of an integer written as `digits` (see _int_prec_exp);
    remembered: the same few are computed for most figures."""
    return Fraction(10) ** _int_prec_exp(digits)


@lru_cache(maxsize=8192)
def _arabic(s: str) -> tuple[Fraction, Fraction] | None:
    """Value and precision of an Arabic numeral ("2,048", "557.6")."""
    s = s.replace(",", "")
    if len(s) > _MAX_DIGITS:
        return None
    if "." in s:
        whole, frac = s.split(".", 1)
        value = Fraction(int(whole + frac), 10 ** len(frac))
        return value, Fraction(1, 10 ** len(frac))
    return Fraction(int(s)), _prec_of(s)


def _zh_int(s: str) -> int | None:
    """Value of a Chinese numeral (二千, 三百二十亿, 两万五, 4 for 四); None when it does not parse."""
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


def _zh_value(s: str) -> tuple[Fraction, Fraction] | None:
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
    return Fraction(v), _prec_of(str(v))


def _zh_split(run: str, value: Fraction) -> tuple[Fraction, Fraction]:
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
    return Fraction(mant), Fraction(scale)


def _zh_scale_value(s: str) -> int | None:
    s = s.replace("多", "")
    if not s or s == "十":
        return None
    v = 1
    for c in s:
        v *= _ZH_SMALL.get(c) or _ZH_BIG[c]
    return v


def _en_value(text: str) -> int | None:
    """Value of English number words (two thousand, twenty-five thousand, a million)."""
    total = 0
    current = 0
    seen = False
    for tok in re.split(r"[\s-]+", text.lower()):
        if tok in ("and", ""):
            continue
        if tok in ("a", "an"):
            if seen:
                return None
            current = 1
            seen = True
        elif tok in _EN_SMALL:
            if current % 10 or (current % 100 and _EN_SMALL[tok] >= 10):
                return None
            current += _EN_SMALL[tok]
            seen = True
        elif tok in _EN_TENS:
            if current % 100:
                return None
            current += _EN_TENS[tok]
            seen = True
        elif tok in ("hundred", "dozen"):
            current = (current or 1) * _EN_SCALE[tok]
        elif tok in _EN_SCALE:
            total += (current or 1) * _EN_SCALE[tok]
            current = 0
        else:
            return None
    return total + current if seen else None


def _num(x: Fraction) -> float:
    return float(x)


# ---------------------------------------------------------------------------------------------
# The scanner
# ---------------------------------------------------------------------------------------------

class _Core:
    """A number read at one place, before its unit: value, precision and how it was written."""

    __slots__ = ("start", "end", "value", "prec", "kind", "scale", "mant", "currency",
                 "more", "digits", "lone")

    def __init__(self, start: int, end: int, value: Fraction, prec: Fraction | None, kind: str):
        self.start = start
        self.end = end
        self.value = value
        self.prec = prec
        self.kind = kind  # "ar", "zh", "en"
        self.scale = _ONE
        self.mant = value
        self.currency: str | None = None
        self.more = False
        self.digits = ""
        self.lone = False


class _Amount:
    """A number with its unit, as read forwards from its start."""

    __slots__ = ("core", "end", "value", "prec", "unit", "unit_explicit", "qual", "per", "skip",
                 "unit_mult", "inv")

    def __init__(self, core: _Core):
        self.core = core
        self.end = core.end
        self.value = core.value
        self.prec = core.prec
        self.unit: str | None = core.currency
        self.unit_explicit = core.currency is not None
        self.qual: str | None = MORE_THAN if core.more else None
        self.per: Per | None = None
        self.skip = False
        self.unit_mult = _ONE
        self.inv = False


class _Scanner:
    def __init__(self, text: str, ref_date: str | None):
        self.r = _rx()
        self.text = text
        w = text if text.isascii() else text.translate(self.r.table)  # the table maps no ASCII character
        if "，" in text:
            # ２，０４８: a full-width comma between full-width digits, before three of them, is a
            # thousands separator; elsewhere it ends a clause ("2048，1000" stays two numbers).
            fixes = [m.start() for m in self.r.fw_thousands.finditer(text)]
            if fixes:
                chars = list(w)
                for i in fixes:
                    chars[i] = ","
                w = "".join(chars)
        self.w = w
        self.n = len(text)
        self.ref_year = _ref_year(ref_date)
        self.out: list[Quantity] = []
        self.last_end = 0  # end of the last emitted quantity
        self.pending_per: tuple[int, Per] | None = None

    # -- driver -------------------------------------------------------------------------------
    def run(self, spans: list[tuple[int, int]] | None = None) -> list[Quantity]:
        """Read the figures of the text, or only those that begin inside `spans` (sorted, disjoint
        (start, end) pairs). Reading begins a margin before each span, so that what a figure's reading
        looks back at (the words and the figure before it, within _REACH characters) is as in a read of
        the whole text; the figures of the margin are read and left out."""
        if spans is None:
            self._scan(0, self.n)
            return self.out
        pos, kept = 0, []
        for start, end in spans:
            first = len(self.out)
            pos = self._scan(max(pos, self._margin_start(start)), min(end, self.n))
            kept.extend(q for q in self.out[first:] if start <= q.start < end)
        return kept

    def _margin_start(self, start: int) -> int:
        """Just after the last word or clause break that comes _REACH characters or more before `start`
        (the figure before it begins there), but no more than _MARGIN characters before it."""
        lo = start - _MARGIN
        if lo <= 0:
            return 0
        w = self.w
        for k in range(start - _REACH - 1, lo - 1, -1):
            if w[k] in _BREAKS:
                return k + 1
        return lo

    def _scan(self, pos: int, end: int) -> int:
        r, w = self.r, self.w
        trigger = r.trigger
        lookahead = min(self.n, end + 32)  # a trigger word that begins before `end` is matched whole
        while pos < end:
            m = trigger.search(w, pos, lookahead)
            if m is None or m.start() >= end:
                break
            p = m.start()
            kind = m.lastgroup
            try:
                nxt = self._dispatch(kind, p, m)
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
    def _emit(self, start: int, end: int, value: object, unit: str, *, qualifier: str | None = None,
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
        if qualifier == _NEUTRAL:
            qualifier = None
        below = qualifier == _NEARLY
        if below:
            qualifier = APPROXIMATELY  # the shared vocabulary's word; `below` keeps the side
        self.out.append(Quantity(text=self.text[start:end], start=start, end=end, value=value,
                                 unit=unit, qualifier=qualifier, precision=precision, high=high,
                                 per=per, direction=direction, below=below))
        self.last_end = end
        return end

    def _emit_date(self, start: int, end: int, iso: str) -> int:
        return self._emit(start, end, iso, "date")

    # -- dates --------------------------------------------------------------------------------
    def _rel_year(self, start: int, end: int) -> tuple[int | None, int]:
        """Year fixed by 今年/去年/this year/last year around a date, and the new span start."""
        w = self.w
        lo = max(self.last_end, start - 6)
        m = self.r.rel_zh.search(w, lo, start)
        offset = None
        new_start = start
        if m:
            offset = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}[m.group(1)]
            new_start = m.start()
        else:
            m = self.r.rel_en_before.search(w, max(self.last_end, start - 20), start)
            if m:
                offset = {"this": 0, "last": -1, "next": 1}[m.group(1).lower()]
            else:
                m2 = self.r.rel_en_after.match(w, end)
                if m2:
                    offset = {"this": 0, "last": -1, "next": 1}[m2.group(1).lower()]
        if offset is None or self.ref_year is None:
            return None, new_start
        return self.ref_year + offset, new_start

    def _date_value(self, y: int | None, mo: int | None, d: int | None, start: int, end: int
                    ) -> tuple[str | None, int]:
        if mo is not None and not 1 <= mo <= 12:
            return None, start
        if d is not None and not 1 <= d <= 31:
            return None, start
        new_start = start
        if y is None and mo is not None:
            y, new_start = self._rel_year(start, end)
        if y is not None:
            s = f"{y:04d}"
            if mo is not None:
                s += f"-{mo:02d}"
                if d is not None:
                    s += f"-{d:02d}"
            return s, new_start
        if mo is None:
            return None, start
        return (f"--{mo:02d}-{d:02d}" if d is not None else f"--{mo:02d}"), new_start

    def _try_dates_digit(self, p: int) -> int | None:
        r, w = self.r, self.w
        m = r.iso.match(w, p)
        if m:
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if 1000 <= y <= 2999:
                iso, s = self._date_value(y, mo, d, p, m.end())
                if iso:
                    return self._emit_date(s, m.end(), iso)
        m = r.dmy.match(w, p)
        if m:
            a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
            day, mo = (a, b) if (a > 12 or b <= 12) else (b, a)
            iso, s = self._date_value(y, mo, day, p, m.end())
            if iso:
                return self._emit_date(s, m.end(), iso)
        m = r.md_weekday.match(w, p)
        if m:
            iso, s = self._date_value(None, int(m["m"]), int(m["d"]), p, m.end())
            if iso:
                return self._emit_date(s, m.end(), iso)
        m = r.en_dmy.match(w, p)
        if m:
            y = int(m["y"]) if m["y"] else None
            iso, s = self._date_value(y, _MONTHS[m["mon"].rstrip(".").lower()], int(m["d"]), p, m.end())
            if iso:
                return self._emit_date(s if y is None else p, m.end(), iso)
        return self._try_dates_zh(p)

    def _try_dates_zh(self, p: int) -> int | None:
        r, w = self.r, self.w
        m = r.zh_ymd.match(w, p)
        if m:
            y = m["y"]
            yv = int(y) if y.isdigit() else _zh_int(y)
            if yv is not None and 1000 <= yv <= 2999:
                mo = _small_int(m["m"])
                d = _small_int(m["d"])
                iso, s = self._date_value(yv, mo, d, p, m.end())
                if iso:
                    end = m.end()
                    if mo is None:  # "2025年" alone: the span is the year
                        end = p + len(y)
                        while end < m.end() and w[end] != "年":
                            end += 1
                        end += 1
                    return self._emit_date(s, end, iso)
        m = r.zh_md.match(w, p)
        if m and (p == 0 or w[p - 1] not in "个第"):
            mo = _small_int(m["m"])
            d = _small_int(m["d"])
            if mo is not None:
                iso, s = self._date_value(None, mo, d, p, m.end())
                if iso:
                    return self._emit_date(s, m.end(), iso)
        return None

    def _month_word(self, p: int) -> int | None:
        r, w = self.r, self.w
        m = r.en_mdy.match(w, p)
        if m:
            mo = _MONTHS[m["mon"].rstrip(".").lower()]
            y = int(m["y"]) if m["y"] else None
            iso, s = self._date_value(y, mo, int(m["d"]), p, m.end())
            if iso:
                return self._emit_date(s if y is None else p, m.end(), iso)
        m = r.en_my.match(w, p)
        if m:
            iso, _ = self._date_value(int(m["y"]), _MONTHS[m["mon"].rstrip(".").lower()], None, p, m.end())
            if iso:
                return self._emit_date(p, m.end(), iso)
        return p + len(re.match(r"[A-Za-z]+", w[p:p + 12]).group())

    def _christmas(self, p: int) -> int | None:
        m = self.r.xmas.match(self.w, p)
        if not m:
            return None
        day = 24 if ("Eve" in m.group() or m.group() == "平安夜") else 25
        iso, s = self._date_value(None, 12, day, p, m.end())
        return self._emit_date(s, m.end(), iso) if iso else m.end()

    # -- triggers -----------------------------------------------------------------------------
    def _digit(self, p: int) -> int | None:
        r, w = self.r, self.w
        prev = w[p - 1] if p else ""
        # Glued to letters: H800, GPT-4o, ETN1WWS, FY2025 (a currency code before is a prefix).
        if prev.isascii() and prev.isalpha() or (prev in "-._" and p >= 2 and w[p - 2].isascii()
                                                  and w[p - 2].isalpha()):
            code = re.search(r"(?<![A-Za-z])([A-Z]{3})$", w[max(0, p - 4):p])
            if prev.isalpha() and code and code.group(1) in _ISO_CODES:
                return self._amount_at(p - 3, p, currency=_ISO_CODES[code.group(1)])
            return r.glued_tail.match(w, p).end()
        if prev == " ":
            code = r.code_before.search(w, max(0, p - 5), p)
            if code:
                return self._amount_at(code.start(), p, currency=_ISO_CODES[code.group(1)])
        if prev == "[" and r.citation.match(w, p):
            return r.citation.match(w, p).end()
        if prev == "(" and r.paren_code.match(w, p):
            return r.paren_code.match(w, p).end()
        if prev in "/:" and p >= 2 and w[p - 2].isdigit():
            return r.glued_tail.match(w, p).end()
        if self._after_ordinal(p):
            m = r.arabic.match(w, p)
            return m.end() if m else p + 1
        if self._in_url(p):
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
        if nxt in "-/. 年月" or (nxt in "stnr" and run_end - p <= 2) or nxt2 in "年月" or \
                (nxt in "日号" and run_end - p <= 2):
            d = self._try_dates_digit(p)
            if d is not None:
                return d
        if self._after_name(p):
            return r.name_tail.match(w, p).end()
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
        return self._amount_at(p, p)

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
            return bool(m) and m.group() in self.r.name_words
        return w.endswith(self.r.name_zh, max(0, i - 6), i)

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
            cur = _DOLLAR_PREFIX.get(prefix, "USD")
            start = p - len(prefix)
            after = None if prefix else re.match(r"(US|HK|NT|AU|A|NZ)(?=\s?\d)", w[p + 1:p + 6])
            if after:  # "$US600 billion", "$A5 million": the country after the sign
                cur = _DOLLAR_PREFIX[after.group(1)]
                q = p + 1 + after.end()
                if q < self.n and w[q] == " ":
                    q += 1
                return self._amount_at(start, q, currency=cur)
        else:
            cur = _SYMBOL.get(sym, "USD")
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
        end = p
        while end < self.n and w[end] in _ZH_NUM_CHARS:
            end += 1
        if w[end - 1] == "兆" and end < self.n and (w[end] in "瓦赫帕焦欧位级" or
                                                   w.startswith(("字节", "比特"), end)):
            end -= 1
        run = w[p:end]
        lo = max(0, p - 4)
        if p and (r.zh_vague.search(w, lo, p) or self._after_ordinal(p)
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
        m = r.en_frac.match(w, p)
        if m:
            res = self._en_fraction(p, m)
            if res is not None:
                return res
        mw = re.match(r"[A-Za-z]+", w[p:p + 20])
        word = mw.group().lower() if mw else ""
        if word in _EN_FOLD:
            end = p + len(word)
            return self._finish_simple(p, end, Fraction(_EN_FOLD[word]), "factor")
        if word == "half":
            return p + 4
        m = r.en_words.match(w, p)
        if not m:
            return p + len(word) if word else None
        return self._amount_at(p, p)

    # -- fractions ----------------------------------------------------------------------------
    def _slash(self, p: int, m: re.Match) -> int:
        n, d = int(m["n"]), int(m["d"])
        if m["t"] == "s" or d == 0:
            return m.end()
        if 0 < n < d <= 1000 and n <= 99:
            return self._finish_simple(p, m.end(), Fraction(n, d), "ratio", prec=False)
        return m.end()

    def _zh_fraction(self, p: int, at: int, den: tuple[Fraction, Fraction] | None) -> int:
        """N分之M; `at` is where 分之 starts."""
        m = self.r.zh_frac.match(self.w, at)
        if not m or not den or den[0] == 0:
            return at + 2
        num = _arabic(m["n"]) if m["n"][0].isdigit() else _zh_value(m["n"])
        if not num:
            return m.end()
        if den[0] == 100:
            return self._amount_after_value(p, m.end(), num[0], num[1], "pct")
        return self._finish_simple(p, m.end(), num[0] / den[0], "ratio", prec=False)

    def _percent_words(self, p: int) -> int:
        m = self.r.zh_frac.match(self.w, p + 1)
        if not m:
            return p + 1
        num = _arabic(m["n"]) if m["n"][0].isdigit() else _zh_value(m["n"])
        if not num:
            return m.end()
        return self._amount_after_value(p, m.end(), num[0], num[1], "pct")

    def _en_fraction(self, p: int, m: re.Match) -> int | None:
        w = self.w
        den_word = m["den"].lower()
        base = den_word[:-1] if den_word.endswith("s") and den_word[:-1] in _EN_ORDINAL_DEN else den_word
        if base == "halves":
            base = "half"
        den = _EN_ORDINAL_DEN.get(base)
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
            num = 1 if n_word in ("a", "an") else _EN_SMALL[n_word]
        if base == "quarter" and not self.r.of_after.match(w, m.end()):
            return m.end()
        if base == "half" and n_word and n_word not in ("a", "an", "one"):
            return None
        if num >= den:
            return None
        return self._finish_simple(p, m.end(), Fraction(num, den), "ratio", prec=False)

    def _half_of(self, p: int, at: int) -> int | None:
        """Read the amount at `at` ("a trillion dollars") as half of it, spanning from p ("half")."""
        count = len(self.out)
        end = self._amount_at(p, at)
        if len(self.out) == count + 1:
            q = self.out[-1]
            if isinstance(q.value, float) and q.unit != "date":
                from dataclasses import replace

                precision = q.precision / 2 if q.precision else q.precision
                self.out[-1] = replace(q, text=self.text[p:q.end], start=p, value=q.value / 2,
                                       precision=precision)
        return end

    # -- amounts ------------------------------------------------------------------------------
    def _read_core(self, p: int, start: int, currency: str | None = None) -> _Core | None:
        """The number at p (Arabic with scale, Chinese numeral, or English words)."""
        r, w = self.r, self.w
        c = w[p] if p < self.n else ""
        core: _Core | None = None
        if c.isdigit():
            m = r.arabic.match(w, p)
            if not m:
                return None
            av = _arabic(m.group())
            if av is None:
                return None
            core = _Core(start, m.end(), av[0], av[1], "ar")
            core.digits = m.group()
            q = m.end()
            if q < self.n and w[q] in "多余" and q + 1 < self.n and w[q + 1] in "万亿":
                core.more = True
                q += 1
            ms = r.zh_scale.match(w, q)
            if ms:
                sv = _zh_scale_value(ms["s"])
                if sv is not None:
                    if "多" in ms["s"]:
                        core.more = True
                    core.scale = Fraction(sv)
                    core.end = ms.end()
            else:
                me = r.en_scale.match(w, q)
                if me:
                    word = (me["w"] or me["a"] or me["l"]).lower()
                    sv = {"thousand": 10 ** 3, "k": 10 ** 3, "million": 10 ** 6, "m": 10 ** 6,
                          "mn": 10 ** 6, "mln": 10 ** 6, "mm": 10 ** 6, "billion": 10 ** 9,
                          "b": 10 ** 9, "bn": 10 ** 9, "bln": 10 ** 9, "trillion": 10 ** 12,
                          "t": 10 ** 12, "tn": 10 ** 12}[word]
                    core.scale = Fraction(sv)
                    core.end = me.end()
        elif c in _ZH_NUM_CHARS:
            end = p
            while end < self.n and w[end] in _ZH_NUM_CHARS:
                end += 1
            if w[end - 1] == "兆" and end < self.n and (w[end] in "瓦赫帕焦欧位级" or
                                                       w.startswith(("字节", "比特"), end)):
                end -= 1
            run = w[p:end]
            if end < self.n and w[end] == "点" and end + 1 < self.n and w[end + 1] in _ZH_DIGIT:
                e2 = end + 1
                while e2 < self.n and w[e2] in _ZH_DIGIT:
                    e2 += 1
                run, end = w[p:e2], e2
            more = False
            if end + 1 < self.n and w[end] in "多余" and w[end + 1] in "万亿":
                big = _ZH_BIG[w[end + 1]]
                more = True
                zv = _zh_value(run)
                if zv is None:
                    return None
                core = _Core(start, end + 2, zv[0] * big, zv[1] * big, "zh")
            else:
                zv = _zh_value(run)
                if zv is None:
                    return None
                core = _Core(start, end, zv[0], zv[1], "zh")
                core.lone = run == "一"
            core.more = more
            core.digits = run
            if more:
                core.mant, core.scale = zv[0], Fraction(big)
                return self._finish_core(core, currency)
            return self._finish_core(core, currency)
        elif c.isalpha():
            m = r.en_words.match(w, p)
            if not m:
                return None
            text = m.group()
            v = _en_value(text)
            # Trim trailing words that do not parse ("two thousand and").
            while v is None and " " in text.strip():
                text = text.rsplit(None, 1)[0]
                v = _en_value(text)
            if v is None:
                first = re.match(r"[A-Za-z]+(?:-[A-Za-z]+)?", text).group()
                v = _en_value(first)
                text = first
                if v is None:
                    return None
            core = _Core(start, p + len(text), Fraction(v), _prec_of(str(v)), "en")
            core.lone = text.lower() == "one"
            core.digits = text
            return self._finish_core(core, currency)
        else:
            return None
        return self._finish_core(core, currency)

    def _finish_core(self, core: _Core, currency: str | None) -> _Core:
        if core.kind == "ar":
            core.mant = core.value
            if core.scale != 1:
                core.value = core.value * core.scale
                core.prec = core.prec * core.scale if core.prec is not None else None
        elif core.kind == "zh":
            if core.scale == 1:
                core.mant, core.scale = _zh_split(core.digits, core.value)
            else:
                core.mant = core.value / core.scale
        else:
            core.mant = core.value
        if core.value.denominator == 1 and "." not in core.digits and "点" not in core.digits:
            # Integers as written: the place of the last significant digit of the whole value,
            # never fewer than two significant digits (1億 -> 1e7, 550 萬 -> 1e5).
            core.prec = _prec_of(str(core.value.numerator))
        core.currency = currency
        w = self.w
        q = core.end
        if q < self.n and w[q] in "+":
            if not (q + 1 < self.n and w[q + 1].isdigit()):
                core.more = True
                core.end = q + 1
        return core

    def _read_unit(self, a: _Amount) -> None:
        """Unit (and its multiplier) right after the number; sets a.skip for non-amounts."""
        r, w = self.r, self.w
        core = a.core
        q = a.end
        if q < self.n and w[q] in "多余" and core.kind != "en":
            # 二千多片, 50多天, 3000余人
            if q + 1 < self.n and not w[q + 1].isascii():
                a.qual = MORE_THAN
                q += 1
        m = r.unit.match(w, q)
        if not m:
            a.end = q
            return
        g = m.lastgroup
        if g in ("hour", "month") and "多" in m.group():
            a.qual = MORE_THAN
        if g == "cheng":
            if core.kind == "en" or (core.kind == "ar" and core.value > 10):
                a.end = q
                return
            a.unit, a.unit_mult = "pct", Fraction(10)
            a.value = core.value * 10 + (5 if m["half"] else 0)
            a.prec = Fraction(5 if m["half"] else 10)
            a.end = m.end()
            a.unit_explicit = True
            return
        unit: str | None = None
        mult = _ONE
        text = m.group().strip()
        if g in ("pp", "bp", "pct", "gpuh", "hour", "month", "week", "day", "year", "minute",
                 "second", "token", "point", "factor"):
            unit = {"gpuh": "gpu_hour"}.get(g, g)
        elif g == "zhcur":
            unit = _ZH_CURRENCY[text]
            if core.currency and unit == "元":
                unit = core.currency
        elif g == "encur":
            t = text.lower()
            if "hong kong" in t or t.startswith("hk"):
                unit = "HKD"
            elif "taiwan" in t or t.startswith("nt"):
                unit = "TWD"
            elif "dollar" in t:
                unit = core.currency or "USD"
            elif t.startswith("euro"):
                unit = "EUR"
            elif t in ("yuan", "renminbi"):
                unit = "CNY"
            elif t == "yen":
                unit = "JPY"
            elif t.startswith("pound"):
                unit = "GBP"
            else:
                unit = _ISO_CODES.get(text.upper(), text.upper())
        elif g == "cents":
            if core.currency:
                a.end = q
                return
            unit, mult = "USD", Fraction(1, 100)
        elif g == "watt":
            unit = "W"
            mult = Fraction({"兆瓦": 10 ** 6, "千瓦": 10 ** 3, "吉瓦": 10 ** 9}.get(text, 1))
            if m["wp"]:
                mult = Fraction({"k": 10 ** 3, "K": 10 ** 3, "M": 10 ** 6, "G": 10 ** 9,
                                 "T": 10 ** 12}[m["wp"]])
        elif g == "wh":
            unit = "Wh"
            if text in ("千瓦时", "度电"):
                mult = Fraction(10 ** 3)
            elif text[0] in "kKMGT":
                mult = Fraction({"k": 10 ** 3, "K": 10 ** 3, "M": 10 ** 6, "G": 10 ** 9,
                                 "T": 10 ** 12}[text[0]])
        elif g == "ri":
            # 日 as a duration only with words that say so; "27日" alone is a day of the month.
            left = w[max(0, core.start - 4):core.start]
            after = w[m.end():m.end() + 2]
            if re.search(r"(?:连续|为期|历时|用时|耗时|逾|近|约|仅|共|长达|持续|超过)$", left) or \
                    re.match(r"(?:内|后|间|以来|来|之内)", after):
                unit = "day"
            else:
                a.skip = True
                a.end = m.end()
                return
        elif g == "inv":
            if core.value == 0:
                a.skip = True
                a.end = m.end()
                return
            a.unit = "ratio"
            a.inv = True
            a.value = 1 / a.value
            a.prec = None
            a.end = m.end()
            a.unit_explicit = True
            return
        elif g == "measure":
            unit = _MEASURE.get(text, text)
        elif g == "discount":
            a.skip = True
            a.end = m.end()
            return
        elif g == "counter":
            unit = "count"
            # 二億個GPU小時: a counter, then the real unit.
            m2 = r.unit.match(w, m.end())
            if m2 and m2.lastgroup in ("gpuh", "token"):
                m = m2
                unit = {"gpuh": "gpu_hour", "token": "token"}[m2.lastgroup]
        if unit is None:
            a.end = q
            return
        if g == "year" and core.kind == "ar" and core.scale == 1 and "." not in core.digits and \
                1000 <= core.value <= 2999 and text.startswith("年"):
            a.end = q  # a calendar year the date reader did not take (2025年财...)
            return
        if g == "factor" and text in ("x", "X") and m.start() != q:
            a.end = q
            return
        if core.currency and unit not in ("count",) and unit not in _CURRENCIES and unit != "USD":
            # "$5 billion" then a noun: the currency stays.
            if g not in ("pct",):
                a.end = q
                return
        if core.currency and unit == "count":
            a.end = q
            return
        a.unit = unit
        a.unit_mult = mult
        a.unit_explicit = True
        if mult != 1:
            a.value = a.value * mult
            if a.prec is not None:
                a.prec = a.prec * mult
            if mult > 1 and a.value.denominator == 1 and "." not in core.digits:
                a.prec = _prec_of(str(a.value.numerator))
        a.end = m.end()

    def _read_after(self, a: _Amount) -> None:
        """Qualifier words and rates after the unit."""
        r, w = self.r, self.w
        m = r.post_qual.match(w, a.end)
        if m:
            q = m["q"].lower()
            kind = {"左右": APPROXIMATELY, "上下": APPROXIMATELY, "or so": APPROXIMATELY,
                    "以下": LESS_THAN, "以内": UP_TO, "or less": UP_TO, "or fewer": UP_TO}.get(
                re.sub(r"\s+", " ", q), MORE_THAN)
            if q == "上下" and w.startswith(("上下游", "上下文"), m.start()):
                kind = None
            if kind:
                a.qual = kind
                a.end = m.end()
        if a.unit in _NO_PER and a.unit not in ("pct",):
            return
        m = r.per_suffix.match(w, a.end)
        if m:
            noun = m["noun"]
            key = noun if noun in _PER_NOUN else noun.lower()
            unit = _PER_NOUN.get(key)
            if unit is None:
                return
            if m["a"] and unit not in ("month", "year", "day", "week", "hour", "share", "person"):
                return
            if m["a"] and m["n"]:
                return
            amount = _per_amount(m["n"])
            if amount is None:
                return
            if a.unit == "pct":
                return
            a.per = Per(amount, unit)
            a.end = m.end()

    def _amount_at(self, start: int, p: int, currency: str | None = None) -> int | None:
        a = self._read_amount(start, p, currency)
        if a is None:
            return None
        if isinstance(a, int):
            return a
        return self._finalize(a)

    def _read_amount(self, start: int, p: int, currency: str | None = None) -> _Amount | int | None:
        core = self._read_core(p, start, currency)
        if core is None:
            return None
        a = _Amount(core)
        glued = a.end < self.n and self.w[a.end].isascii() and self.w[a.end].isalpha()
        self._read_unit(a)
        if a.skip:
            return a.end
        if a.end == core.end and glued and core.kind == "ar":
            # Glued to letters that are no unit: 5G, 3D.
            return self.r.glued_tail.match(self.w, core.end).end()
        self._read_after(a)
        return a

    def _amount_after_value(self, start: int, end: int, value: Fraction, prec: Fraction,
                            unit: str) -> int:
        core = _Core(start, end, value, prec, "zh")
        a = _Amount(core)
        a.unit, a.unit_explicit = unit, True
        self._read_after(a)
        return self._finalize(a)

    def _finish_simple(self, start: int, end: int, value: Fraction, unit: str, prec: bool = True) -> int:
        core = _Core(start, end, value, _prec_of(str(int(value))) if prec else None,
                     "en")
        a = _Amount(core)
        a.unit, a.unit_explicit = unit, True
        self._read_after(a)
        return self._finalize(a)

    def _finalize(self, a: _Amount) -> int:
        """Range, year test, left-context qualifier and direction; then emit."""
        r, w = self.r, self.w
        core = a.core
        start = core.start
        high: Fraction | None = None
        high_prec: Fraction | None = None
        # Ranges: "$5-6 billion", "3萬至4萬美元", "between 60 and 65 billion".
        if a.per is None and a.unit not in ("ratio", "date"):
            rng = self._read_range(a)
            if rng is not None:
                a, b = rng
                high, high_prec = b.value, b.prec
        # Pure Chinese numerals and "one" need a unit; 一 alone needs more than a counter.
        if not a.unit_explicit and core.kind == "zh" and high is None and not (
                core.digits[0] in _ZH_DIGIT and any(c in _ZH_BIG for c in core.digits)):
            return a.end  # 一万 and 三千万 stand alone; 千万 (by all means) and 四 do not
        if core.lone and a.unit in (None, "count", "point", "factor", "token", "W") and high is None:
            if not (core.kind == "en" and a.unit == "factor"):
                return a.end
        if core.lone and core.kind == "zh" and a.unit == "factor" and w[a.core.end:a.core.end + 1] == "次":
            return a.end
        unit = a.unit or "count"
        # Bare years: "in 2015" is a date, "CES 2025" and "2025" alone are nothing.
        if (not a.unit_explicit and core.kind == "ar" and core.scale == 1 and high is None
                and "," not in core.digits and "." not in core.digits and 1000 <= core.value <= 2100
                and len(core.digits) == 4):
            after = w[a.end:a.end + 4]
            if after.lstrip().startswith(("财年", "财政", "年度")):
                return a.end
            plural = r.plural_next.match(w, a.end)
            if r.year_prep.search(w, max(0, start - 14), start) and not plural:
                return self._emit_date(start, a.end, core.digits)
            if not plural and 1900 <= core.value <= 2039:
                return a.end
        if unit == "元":  # 人民幣3800億元
            mc = r.cny_before.search(w, max(self.last_end, start - 4), start)
            if mc:
                unit = _ZH_CURRENCY[mc.group(1)]
        if r.roc.search(w, max(0, start - 4), start) and unit == "year" and core.kind == "ar":
            return self._emit_date(start, a.end, f"{1911 + int(core.value):04d}")
        qual, direction, start = self._left_context(start, unit, a)
        if a.qual is not None:
            qual = a.qual if qual in (None, _NEUTRAL) or a.qual == MORE_THAN else qual
        if direction is None and unit in _MOVES:
            md = r.dir_after.match(w, a.end)
            if md:
                direction = "down" if md["down"] else "up"
        if unit not in _MOVES and unit not in _CURRENCIES:
            direction = None
        prec = a.prec
        if high_prec is not None and prec is not None:
            prec = max(prec, high_prec)
        if unit in ("ratio", "date"):
            prec = None
        return self._emit(start, a.end, _num(a.value), unit, qualifier=qual,
                          precision=_num(prec) if prec is not None else None,
                          high=_num(high) if high is not None else None, per=a.per,
                          direction=direction)

    def _read_range(self, a: _Amount) -> tuple[_Amount, _Amount] | None:
        r, w = self.r, self.w
        m = r.range_conn.match(w, a.end)
        if not m:
            return None
        conn = m.group().strip()
        start = a.core.start
        if conn == "and" and not r.between.search(w, max(0, start - 20), start):
            return None
        if r.from_before.search(w, max(0, start - 6), start):
            return None
        q = m.end()
        if q >= self.n:
            return None
        c = w[q]
        currency = None
        p2 = q
        if c in "$€£¥￥":
            cur_m = re.match(r"[$€£¥￥]\s?", w[q:q + 2])
            currency = a.core.currency or _SYMBOL.get(c, "USD")
            p2 = q + cur_m.end()
        elif w.startswith(("US$", "HK$"), q):
            currency = "USD" if w[q] == "U" else "HKD"
            p2 = q + 3
        if p2 >= self.n:
            return None
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
                lo_value, b.value = b.value, 1 / a.value
                lo_prec = None
                a.value, a.prec, a.unit, a.unit_mult, a.unit_explicit = lo_value, None, "ratio", _ONE, True
                a.end = b.end
                return a, b
            lo_unit, lo_mult, lo_explicit = b.unit, b.unit_mult, True
            if b.unit == "pct" and b.unit_mult == 10:  # 三至四成
                lo_value, lo_prec = lo_value * 10, Fraction(10)
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
        # "$5-6 billion", "60 to 65 billion", "3至4万": the first end takes the second's scale.
        if a.core.scale == 1 and b.core.scale != 1 and a.core.kind in ("ar", "zh") and \
                b.core.kind in ("ar", "zh") and a.core.value <= b.core.mant:
            lo_value = lo_value * b.core.scale
            if lo_value.denominator == 1 and "." not in a.core.digits:
                lo_prec = _prec_of(str(lo_value.numerator))
            elif lo_prec is not None:
                lo_prec = lo_prec * b.core.scale
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
        lo = max(self.last_end, start - 24)
        window = w[lo:start]
        cut = None
        for cm in r.clause_cut.finditer(window):
            cut = cm.end()
        if cut is not None:
            window = window[cut:]
            lo += cut
        qual = None
        last = None
        for qm in r.qual.finditer(window):
            last = qm
        if last is not None:
            word = last.group()
            gap = window[last.end():]
            kind = r.qual_kind.get(re.sub(r"\s+", " ", word.lower()), _NEUTRAL)
            ok = False
            if r.adj_gap.fullmatch(gap) or gap.strip() == "":
                ok = True
            elif word in r.qual_far and len(gap) <= 10:
                ok = True
            if ok and word.lower() in ("over", "above") and unit in _DURATIONS:
                # "spend $500 billion over four years": over is "during", unless "for over".
                if not r.for_over.search(window, 0, last.start()):
                    ok = False
            if ok:
                qual = kind
        # Direction: the nearest move word in the clause, unless a level marker ("to", 至) follows it.
        if unit in _MOVES or unit in _CURRENCIES:
            dwin = window[-30:]
            last_d = None
            for dm in r.direction.finditer(dwin):
                last_d = dm
            if last_d is not None:
                tail = dwin[last_d.end():]
                word = last_d.group()
                bad = False
                if word.lower() in ("up", "down") and (
                        r.up_to.match(dwin, last_d.start()) or len(tail) > 12):
                    bad = True
                if r.level.search(tail):
                    bad = True
                if not bad:
                    direction = r.dir_kind.get(word.lower())
            if direction is None and self.out:
                prev = self.out[-1]
                if prev.direction and prev.end == self.last_end and prev.end <= start:
                    between = w[prev.end:start]
                    stripped = r.qual.sub("", between)
                    same = (prev.unit in _MOVES and unit in _MOVES) or (
                        prev.unit in _CURRENCIES and unit in _CURRENCIES)
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
        unit = _PER_NOUN.get(noun) or _PER_NOUN.get(noun.lower())
        amount = _per_amount(m["n"])
        if unit is None or amount is None:
            return m.end()
        # The rate holds for the first amount later in the clause (commas inside brackets do not end it).
        rest = w[m.end():m.end() + 80]
        flat = r.paren.sub(lambda x: "_" * len(x.group()), rest)
        cm = r.per_cut.search(flat)
        limit = m.end() + (cm.start() if cm else len(rest))
        self.pending_per = (limit, Per(amount, unit))
        return m.end()


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


def _ref_year(ref_date: str | None) -> int | None:
    if not ref_date or not isinstance(ref_date, str):
        return None
    m = re.match(r"\s*([0-9]{4})", ref_date)
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

def parse_quantities(text: str, *, ref_date: str | None = None,
                     spans: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """The figures in `text`, in order, each with its code-point span; never raises.

    With `spans` (sorted, disjoint (start, end) offsets), only the figures that begin inside them are
    returned, each as a read of the whole text reads it (reading begins a margin before each span)."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _Scanner(text, ref_date).run(spans)
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

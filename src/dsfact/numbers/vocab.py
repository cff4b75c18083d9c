"""Word tables of the numbers engine: month names, currency codes and words, measures, rate nouns, and
the kinds of unit the scanner treats alike."""
from __future__ import annotations

_NEUTRAL = "none"  # a qualifier word that says the figure is as stated (高達, as low as)
_NEARLY = "nearly"  # approximately, and from below: "nearly 17%" is just under 17 (Quantity.below)

# Traditional -> Simplified, only for characters the patterns read; one character for one.
_T2S = (
    "萬万億亿兩两個个塊块張张顆颗點点幣币臺台歐欧圓圆鎊镑約约將将過过於于達达內内漲涨發发"
    "時时鐘钟週周單单幾几數数頁页項项條条隻只輛辆間间組组種种餘余與与為为報报見见後后從从"
    "來来減减彈弹長长連连續续歷历總总額额僅仅號号國国聖圣誕诞節节標标準准爾尔財财對对灣湾"
    "紐纽韓韩盧卢揚扬縮缩虧亏損损飆飙復复計计簽签預预製制價价錢钱廠厂億亿網网買买賣卖夠够"
    "戶户營营動动機机週周現现開开關关門门費费實实產产這这裡里個个漲涨兩两啟启據据處处歲岁"
    "層层筆笔噸吨輪轮貨货盤盘頃顷區区檔档級级線线卻却僅仅規规劃划億亿擁拥備备級级場场顯显佔占達达"
)
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


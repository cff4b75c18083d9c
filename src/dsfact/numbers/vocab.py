"""Constants of the numbers engine: the kinds of unit the scanner treats alike, the qualifier kinds of its
own, and the Traditional characters its patterns read as Simplified. The words of a language (qualifiers,
directions, number and scale words, months, currencies, measures, rate nouns, names) are data: see
dsfact/lang/numbers.words and words.py."""
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
_MOVES = frozenset(("pct", "pp", "bp", "point"))  # units whose stated moves carry a direction
_DURATIONS = frozenset(("year", "month", "week", "day", "hour", "minute", "second"))
_NO_PER = frozenset(("date", "pct", "pp", "bp", "ratio", "factor", "year", "month", "day", "hour",
                     "minute", "second", "week"))


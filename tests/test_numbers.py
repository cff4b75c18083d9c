"""The numeric engine: figures read from English, Traditional and Simplified Chinese news text."""
import json
import math
import pathlib
import subprocess
import sys
import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN, UP_TO, Per
from dsfact.numbers import parse_quantities, quantity_to_dict

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = pathlib.Path(__file__).resolve().parent / "data" / "numbers.yaml"
SEEDS = ROOT / "seeds"
REF = "2025-01-28"  # the publication date of the seed articles
EXTRA_OK = ("date", "year")  # extra readings the shared phrase list tolerates


def _close(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


def _same_per(q, expected):
    if expected is None:
        return q.per is None
    return q.per is not None and _close(q.per.amount, expected["amount"]) and q.per.unit == expected["unit"]


def _misses(cases):
    """The phrases of numbers.yaml read wrongly, each with what was read."""
    misses = []
    for case in cases:
        got = parse_quantities(case["text"])
        used = set()
        ok = True
        for exp in case["expect"]:
            hit = next((i for i, q in enumerate(got) if i not in used and not isinstance(q.value, str)
                        and _close(q.value, exp["value"]) and q.unit == exp["unit"]
                        and q.qualifier == exp.get("qualifier") and _same_per(q, exp.get("per"))), None)
            if hit is None:
                ok = False
            else:
                used.add(hit)
        extra = [q for i, q in enumerate(got) if i not in used and q.unit not in EXTRA_OK]
        if not ok or extra:
            misses.append(f"{case['text']!r}: expected {case['expect']}, read "
                          f"{[quantity_to_dict(q) for q in got]}")
    return misses


CASES = yaml.safe_load(DATA.read_text(encoding="utf-8"))

# Phrases of numbers.yaml the engine reads wrongly today, each with what it reads (quantity_to_dict of
# each figure, without spans). None today: every phrase is read right. A phrase listed here must still be
# read exactly so (a change, better or worse, shows), and a phrase not listed must be read right.
KNOWN_MISREAD: dict[str, list[dict]] = {}


def _reading(text):
    return [{k: v for k, v in quantity_to_dict(q).items() if k not in ("start", "end")}
            for q in parse_quantities(text)]


def test_the_phrase_table_is_large_and_its_known_misreadings_are_in_it():
    assert len(CASES) >= 70
    assert set(KNOWN_MISREAD) <= {case["text"] for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{c['text'][:24]}" for i, c in enumerate(CASES)])
def test_shared_phrase_is_read_right(case):
    misses = _misses([case])
    if case["text"] in KNOWN_MISREAD:
        assert misses, "read right now: take it off KNOWN_MISREAD"
        assert _reading(case["text"]) == KNOWN_MISREAD[case["text"]], "read differently than recorded"
    else:
        assert not misses, misses[0]


def test_the_scorer_catches_a_wrong_reading():
    # The same check must fail for a phrase read with the wrong qualifier, unit or an extra figure.
    assert _misses([{"text": "暴跌近17%", "expect": [{"value": 17, "unit": "pct"}]}])
    assert _misses([{"text": "2048顆", "expect": [{"value": 2048, "unit": "USD"}]}])
    assert _misses([{"text": "2048顆和50天", "expect": [{"value": 2048, "unit": "count"}]}])
    assert not _misses([{"text": "在4年中砸5000億美元", "expect": [{"value": 5e11, "unit": "USD"}]}])


# ---------------------------------------------------------------------------------------------
# What each phrase means. Q(value, unit, ...): qualifier, high and per are always checked (None
# unless given); direction and precision are checked when given. Dates come out as ISO strings.
# ---------------------------------------------------------------------------------------------

def Q(value, unit, qualifier=None, high=None, per=None, direction=..., precision=...):
    return {"value": value, "unit": unit, "qualifier": qualifier, "high": high, "per": per,
            "direction": direction, "precision": precision}


D = lambda iso: Q(iso, "date", precision=None)  # noqa: E731
M = Per(1_000_000, "token")

SEED_PHRASES = [
    # 000 etnet
    ("28/01/2025", [D("2025-01-28")]),
    ("英偉達輝周一(27日)市值蒸發5890億美元", [Q(5.89e11, "USD", direction="down", precision=1e9)]),
    ("「2025年資本支出高達650億美元」", [D("2025"), Q(6.5e10, "USD", precision=1e9)]),
    ("「年底擁有130萬顆GPU」", [Q(1.3e6, "count", precision=1e5)]),
    ("短短三天後", [Q(3, "day")]),
    ("被揭訓練成本低至560萬美元", [Q(5.6e6, "USD", precision=1e5)]),
    ("使用的英偉達GPU數量僅2048顆,且型號是上一代H800", [Q(2048, "count", precision=1)]),
    ("訓練分為4個階段", [Q(4, "count")]),
    ("19頁《通過強化學習激勵大模型的推理能力》、33頁《在MoE語言模型中邁向終極專家專業化》",
     [Q(19, "count"), Q(33, "count")]),
    ("面對每月僅700元的廣告預算", [Q(700, "元", per=Per(1, "month"))]),
    ("    +73.36 (+0.152%)", [Q(73.36, "count", precision=0.01), Q(0.152, "pct", direction="up", precision=0.001)]),
    ("變動率︰-1.862%", [Q(1.862, "pct", direction="down")]),
    ("美國指數之報價延遲最少15分鐘。", [Q(15, "minute", MORE_THAN)]),
    ("美國時間為 : 23/12/2025 15:46 EST", [D("2025-12-23")]),
    ("目標︰$9.70", [Q(9.7, "USD", precision=0.01)]),
    # 001 dotdotnews
    ("中國DeepSeek震撼全球 成本僅為OpenAI 5% 英偉達股價急插", [Q(5, "pct", precision=1)]),
    ("訓練費用約為GPT-4o的5%", [Q(5, "pct", APPROXIMATELY)]),
    ("以不到600萬美元的極低成本和僅僅2000塊芯片", [Q(6e6, "USD", LESS_THAN), Q(2000, "count", precision=100)]),
    ("DeepSeek成立於2023年5月", [D("2023-05")]),
    ("今年1月20日,DeepSeek正式開源R1推理模型", [D("2025-01-20")]),
    ("其預訓練費用只有557.6萬美元(GPT-4o約為1億美元)",
     [Q(5576000, "USD", precision=1000), Q(1e8, "USD", APPROXIMATELY)]),
    ("在2048塊英偉達中國市場低配版H800 GPU集群上運行逾50天完成",
     [Q(2048, "count"), Q(50, "day", MORE_THAN, precision=1)]),
    ("每百萬個token(符元,AI 時代最基礎運算單位)查詢成本為0.14美元,OpenAI成本為7.50美元,便宜98%",
     [Q(0.14, "USD", per=M, precision=0.01), Q(7.5, "USD", precision=0.01), Q(98, "pct")]),
    ("據悉,Llama 4訓練規模空前巨大,共使用24萬塊GPU", [Q(240000, "count", precision=10000)]),
    ("要在4年中砸5000億美元", [Q(4, "year"), Q(5e11, "USD", precision=1e10)]),
    ("總體API調用成本卻低95%左右", [Q(95, "pct", APPROXIMATELY)]),
    ("硬件要求1/8", [Q(0.125, "ratio", precision=None)]),
    ("只需2048塊性能遠低於H100與Blackwell的H800芯片,用時僅53天", [Q(2048, "count"), Q(53, "day")]),
    ("全球AI第一梯隊頭部公司至少也要動用1.6萬張以上GPU訓練", [Q(16000, "count", MORE_THAN, precision=1000)]),
    ("DeepSeek-V3模型以1/11的算力、僅2000個GPU芯片訓練出性能超越GPT-4o的大模型",
     [Q(1 / 11, "ratio"), Q(2000, "count")]),
    ("而GPT-4o的約為1億美元,使用25000個GPU芯片", [Q(1e8, "USD", APPROXIMATELY, precision=1e7), Q(25000, "count")]),
    ("DeepSeek每百萬個token的查詢成本僅為0.14美元,而OpenAI的成本為7.50美元,成本降幅高達驚人的98%",
     [Q(0.14, "USD", per=M), Q(7.5, "USD"), Q(98, "pct")]),
    ("觸發納指開市早段最多急跌3.6%,或720點,低見19234點",
     [Q(3.6, "pct", UP_TO, direction="down", precision=0.1), Q(720, "point", direction="down"),
      Q(19234, "point", direction=None, precision=1)]),
    ("標普500指數亦曾急跌2.27%,低見5962點", [Q(2.27, "pct", direction="down"), Q(5962, "point", direction=None)]),
    ("訓練成本不到GPT-4o的二十分之一", [Q(0.05, "ratio", LESS_THAN)]),
    ("股價更曾大挫逾17.6%,市值蒸發掉6143億美元(約4.8萬億港元)",
     [Q(17.6, "pct", MORE_THAN, direction="down"), Q(6.143e11, "USD", direction="down", precision=1e8),
      Q(4.8e12, "HKD", APPROXIMATELY, precision=1e11)]),
    ("包括美圖(01357)、金山雲(03896)及商湯(00020)被大幅炒上,分別上升16.3%、11.2%及7.2%",
     [Q(16.3, "pct", direction="up"), Q(11.2, "pct", direction="up"), Q(7.2, "pct", direction="up")]),
    # 002 AENA
    ("2025年 10月 15日 星期三 合作提案", [D("2025-10-15")]),
    ("更新日期:2025-02-12 03:00:00", [D("2025-02-12")]),
    ("香港2025年2月11日 /美通社/", [D("2025-02-11")]),
    ("使用成本低約 96%", [Q(96, "pct", APPROXIMATELY)]),
    ("他們只需要 2000 個 GPU(圖形處理單元)或芯片", [Q(2000, "count", precision=100)]),
    ("在聖誕節當天發佈的 DeepSeek-V3 的訓練成本為 550 萬美元", [D("--12-25"), Q(5.5e6, "USD", precision=1e5)]),
    ("闊別兩百多天方重開幕", [Q(200, "day", MORE_THAN)]),
    ("首波週年慶將於10/16(四)~10/29(三)熱烈登場", [D("--10-16"), D("--10-29")]),
    ("中華民國114年國慶", [D("2025")]),
    ("22個新市場進行准即時支付", [Q(22, "count")]),
    ("它以兩家公司逾十年的合作為基礎", [Q(2, "count"), Q(10, "year", MORE_THAN)]),
    ("上海2025年10月8日 /美通社/ -- 10月8日,", [D("2025-10-08"), D("--10-08")]),
    # 003 余創豪
    ("那斯達克指數下跌3.5%，標準普爾500指數下跌1.9%，而道瓊斯指數則表現溫和，小幅上漲0.2%",
     [Q(3.5, "pct", direction="down"), Q(1.9, "pct", direction="down"), Q(0.2, "pct", direction="up")]),
    ("英偉達股價則暴跌近17%，其實市值蒸發了5,888億美元",
     [Q(17, "pct", APPROXIMATELY, direction="down", precision=1), Q(5.888e11, "USD", direction="down", precision=1e8)]),
    ("深度求索使美國主要科技指數在單日內蒸發了一兆美元", [Q(1e12, "USD", direction="down", precision=1e11)]),
    ("這是將1957年蘇聯超前美國", [D("1957")]),
    ("深度求索宣稱僅投資了560萬美元和採用了二千多片比較低端的H800圖形處理器",
     [Q(5.6e6, "USD"), Q(2000, "count", MORE_THAN, precision=100)]),
    ("這與美國公司投入的數十億美元形成了鮮明對比", []),
    ("例如，二月中馬斯克推出了其公司xAI最新的聊天機器人Grok 3", [D("--02")]),
    ("該超級電腦採用十萬個英偉達H100圖形處理器，訓練時間為二億個GPU小時，是其前身Grok 2的十倍",
     [Q(1e5, "count", precision=1e4), Q(2e8, "gpu_hour", precision=1e7), Q(10, "factor")]),
    ("於是乎Meta成立了四個由頂尖工程師組成的「作戰室」", [Q(4, "count")]),
    ("歐盟委員會公佈了一項二千億歐元的人工智慧計劃，韓國訂購了一萬塊圖形處理器",
     [Q(2e11, "EUR", precision=1e10), Q(1e4, "count", precision=1000)]),
    ("2025年2月22日", [D("2025-02-22")]),
    # 004 尹哥
    ("DeepSeek最近全球大熱,一夜之間讓市值跌了近17%", [Q(17, "pct", APPROXIMATELY, direction="down")]),
    ("昨晚又漲回來近9%", [Q(9, "pct", APPROXIMATELY, direction="up")]),
    ("Meta Llama 3系列模型,其計算量足可訓練DeepSeek V3至少15次", [Q(15, "factor", MORE_THAN)]),
    ("中樞神經系統也經過長達6億年的演化", [Q(6e8, "year")]),
    ("其實0-1是最難的", []),
    ("正如小鼠腦只有7000萬個神經元,猴腦則有60億個神經元,而人腦是860億個神經元",
     [Q(7e7, "count"), Q(6e9, "count"), Q(8.6e10, "count", precision=1e9)]),
    ("構建七十萬張乃至百萬張GPU卡超級AI計算中心", [Q(7e5, "count", high=1e6)]),
    ("這是八位谷歌員工發明的", [Q(8, "count")]),
    ("也是由辛頓等人在2015年發明的", [D("2015")]),
]

MORE_PHRASES = [
    # Simplified Chinese
    ("英伟达市值蒸发近6000亿美元，股价大跌17%",
     [Q(6e11, "USD", APPROXIMATELY, direction="down"), Q(17, "pct", direction="down")]),
    ("xAI的Grok 3使用了10万块H100，训练耗时2亿GPU小时",
     [Q(1e5, "count"), Q(2e8, "gpu_hour", precision=1e7)]),
    ("星际之门计划在4年内投资5000亿美元", [Q(4, "year"), Q(5e11, "USD")]),
    ("该集群拥有两万块GPU", [Q(2e4, "count", precision=1000)]),
    ("阿里巴巴宣布未来三年投入超过3800亿元人民币", [Q(3, "year"), Q(3.8e11, "CNY", MORE_THAN)]),
    ("人民币3800亿元", [Q(3.8e11, "CNY")]),
    ("利润率上升3个百分点", [Q(3, "pp", direction="up")]),
    ("利潤率下降0.5個百分點", [Q(0.5, "pp", direction="down", precision=0.1)]),
    ("九成用户，三成半的用户，约9成", [Q(90, "pct"), Q(35, "pct"), Q(90, "pct", APPROXIMATELY)]),
    ("降幅達到四成", [Q(40, "pct")]),
    ("股價單日大漲逾一成", [Q(10, "pct", MORE_THAN, direction="up")]),
    ("百分之三點五", [Q(3.5, "pct", precision=0.1)]),
    ("兩千五百萬美元", [Q(2.5e7, "USD", precision=1e6)]),
    ("三千多萬人", [Q(3e7, "count", MORE_THAN)]),
    ("50多家公司，3000余人，100人上下",
     [Q(50, "count", MORE_THAN), Q(3000, "count", MORE_THAN), Q(100, "count", APPROXIMATELY)]),
    ("3萬至4萬美元", [Q(3e4, "USD", high=4e4, precision=1000)]),
    # a multiple of ten in one character: 廿 (20), 卅 (30), as Hong Kong and Taiwan papers write them
    ("用廿六萬顆GPU打造基礎設施", [Q(2.6e5, "count", precision=1e4)]),
    ("訓練成本僅廿九萬四千美元", [Q(2.94e5, "USD", precision=1e3)]),
    ("卅萬美元，廿五年", [Q(3e5, "USD"), Q(25, "year")]),
    ("600億至650億美元", [Q(6e10, "USD", high=6.5e10)]),
    ("3至4万", [Q(3e4, "count", high=4e4)]),
    ("三至四成", [Q(30, "pct", high=40)]),
    ("數據中心耗電量達100兆瓦，另一座2吉瓦", [Q(1e8, "W"), Q(2e9, "W")]),
    ("台積電第三季營收達7596.9億新台幣", [Q(7.5969e11, "TWD", precision=1e7)]),
    ("投資額達1,200億日元，另付30億日圓", [Q(1.2e11, "JPY"), Q(3e9, "JPY")]),
    ("成本僅為對手的三分之一", [Q(1 / 3, "ratio")]),
    ("一半以上", [Q(0.5, "ratio", MORE_THAN)]),
    ("訓練耗時約兩個月", [Q(2, "month", APPROXIMATELY)]),
    ("收盤報19234點，跌512點", [Q(19234, "point", direction=None), Q(512, "point", direction="down")]),
    ("跌幅收窄至1.5%", [Q(1.5, "pct", direction=None)]),
    ("每股派息0.5元", [Q(0.5, "元", per=Per(1, "股"), precision=0.1)]),
    ("每百萬tokens收費2.19美元", [Q(2.19, "USD", per=M)]),
    ("0.14美元/百萬tokens", [Q(0.14, "USD", per=M)]),
    ("其API定价为每百万输入tokens 1元（缓存命中）、每百万输出tokens 16元",
     [Q(1, "元", per=M), Q(16, "元", per=M)]),
    ("收跌16.97%，报118.42美元/股", [Q(16.97, "pct", direction="down"), Q(118.42, "USD", per=Per(1, "股"))]),
    ("市值一夜蒸发约5890亿美元（约合人民币4.3万亿元）",
     [Q(5.89e11, "USD", APPROXIMATELY, direction="down"), Q(4.3e12, "CNY", APPROXIMATELY, direction="down")]),
    ("博通跌超17%，台积电美股跌逾13%", [Q(17, "pct", MORE_THAN, direction="down"),
                                      Q(13, "pct", MORE_THAN, direction="down")]),
    ("耗时不到两个月，成交额连续3日突破1.5万亿元",
     [Q(2, "month", LESS_THAN), Q(3, "day"), Q(1.5e12, "元", precision=1e11)]),
    ("三至四万人", [Q(3e4, "count", high=4e4)]),
    ("裁員一萬，千万不要，十万火急", [Q(1e4, "count")]),
    # English
    ("the S&P 500 lost 1.46% to 6,012.28", [Q(1.46, "pct", direction="down"), Q(6012.28, "count")]),
    # after a move word, points that dwarf the points before them are the level the move ends at, no range's end
    ("the Nasdaq slid 612.47 points to 19,341.83 points",
     [Q(612.47, "point", direction="down"), Q(19341.83, "point")]),
    ("the Dow fell 300 to 400 points", [Q(300, "point", high=400, direction="down")]),
    # a year before a sum with its currency sign is no range's low end: a range repeats its currency
    ("Meta will lift spending in 2025 to $65 billion", [Q("2025", "date"), Q(6.5e10, "USD")]),
    ("spending of 60 to 65 billion dollars", [Q(6e10, "USD", high=6.5e10)]),
    ("making it 20 to 50 times cheaper", [Q(0.02, "ratio", high=0.05)]),
    ("Nvidia lost $589 billion in market value", [Q(5.89e11, "USD", direction="down", precision=1e9)]),
    # a scale word or a currency joined by a hyphen, as an adjective, is the figure's own
    ("OpenAI's $500-billion venture", [Q(5e11, "USD", precision=1e10)]),
    ("a 5.6-million-dollar training run", [Q(5.6e6, "USD")]),
    ("a 200-billion-euro plan", [Q(2e11, "EUR")]),
    ("a 5-dollar fee", [Q(5, "count")]),  # a currency by a hyphen only after a scale word
    # a particle of a verb of being a part is no move; the same particle after a noun is one
    ("with public funds making up 25% of the plan", [Q(25, "pct", direction=None)]),
    ("chip makers made up 40% of the index", [Q(40, "pct", direction=None)]),
    ("the stock was up 8.9% at the close", [Q(8.9, "pct", direction="up")]),
    ("trained on 2,048 Nvidia H800 chips for about $5.6 million",
     [Q(2048, "count", precision=1), Q(5.6e6, "USD", APPROXIMATELY, precision=1e5)]),
    ("$0.14 per million input tokens versus $7.50 for OpenAI",
     [Q(0.14, "USD", per=M, precision=0.01), Q(7.5, "USD", precision=0.01)]),
    ("$0.55/M input tokens and $2.19/1M output tokens", [Q(0.55, "USD", per=M), Q(2.19, "USD", per=M)]),
    ("it charges 55 cents per million tokens", [Q(0.55, "USD", per=M, precision=0.01)]),
    ("Meta will spend $60 billion to $65 billion", [Q(6e10, "USD", high=6.5e10, precision=1e9)]),
    ("a $5-6 billion budget", [Q(5e9, "USD", high=6e9)]),
    ("between $60 billion and $65 billion", [Q(6e10, "USD", high=6.5e10)]),
    ("between 60 and 65 billion dollars", [Q(6e10, "USD", high=6.5e10)]),
    ("about 30,000 to 40,000 GPUs", [Q(3e4, "count", APPROXIMATELY, high=4e4)]),
    ("The stock plunged 16.97% to close at $118.42",
     [Q(16.97, "pct", direction="down", precision=0.01), Q(118.42, "USD", direction=None)]),
    ("revenue rose 122% year on year to $35.1bn",
     [Q(122, "pct", direction="up"), Q(3.51e10, "USD", direction=None, precision=1e8)]),
    ("with its stock down 27%", [Q(27, "pct", direction="down")]),
    ("a roughly 17% drop", [Q(17, "pct", APPROXIMATELY, direction="down")]),
    ("shares dropped by 17 per cent", [Q(17, "pct", direction="down")]),
    ("Revenue jumped 5 percentage points to 35%", [Q(5, "pp", direction="up"), Q(35, "pct", direction=None)]),
    ("fell by as much as $614 billion", [Q(6.14e11, "USD", UP_TO, direction="down")]),
    ("$5.58M and $6m and 100k H100s", [Q(5.58e6, "USD", precision=1e4), Q(6e6, "USD"), Q(1e5, "count")]),
    ("US$100 million, HK$4.8 trillion, €200bn, £3bn, USD 1.5 billion",
     [Q(1e8, "USD"), Q(4.8e12, "HKD"), Q(2e11, "EUR"), Q(3e9, "GBP"), Q(1.5e9, "USD")]),
    ("two thousand GPUs and twenty-five thousand GPUs and a million users",
     [Q(2000, "count", precision=100), Q(25000, "count", precision=1000), Q(1e6, "count")]),
    ("ten times faster, a 3-fold increase, 11x more", [Q(10, "factor"), Q(3, "factor"), Q(11, "factor")]),
    ("11x less compute, costs about 30 times less, one-eleventh of the compute",
     [Q(1 / 11, "ratio", precision=None), Q(1 / 30, "ratio", APPROXIMATELY), Q(1 / 11, "ratio")]),
    ("1/20th, half the price, a quarter of the cost",
     [Q(0.05, "ratio"), Q(0.5, "ratio"), Q(0.25, "ratio")]),
    ("more than 50,000 Hopper GPUs", [Q(50000, "count", MORE_THAN)]),
    ("some 10,000 A100 chips", [Q(10000, "count", APPROXIMATELY)]),
    ("trained for under $6 million", [Q(6e6, "USD", LESS_THAN)]),
    ("at least 3 times, fewer than 50 people, up to 20%",
     [Q(3, "factor", MORE_THAN), Q(50, "count", LESS_THAN), Q(20, "pct", UP_TO)]),
    ("The company has around 2,000 employees and 100+ partners",
     [Q(2000, "count", APPROXIMATELY), Q(100, "count", MORE_THAN)]),
    # a "+" that opens the next line (a bullet, the next cell's sign) is no "or more" of the line before
    ("Nvidia: down 13%\n+ Nasdaq: down 3.07%\n+8.9%\n+$260 billion",
     [Q(13, "pct", direction="down"), Q(3.07, "pct", direction="down"), Q(8.9, "pct"), Q(2.6e11, "USD")]),
    ("the model has 671 billion parameters trained on 14.8 trillion tokens",
     [Q(6.71e11, "count", precision=1e9), Q(1.48e13, "token")]),
    ("2.788 million H800 GPU hours", [Q(2.788e6, "gpu_hour", precision=1000)]),
    ("The Stargate venture plans to spend $500 billion over four years.", [Q(5e11, "USD"), Q(4, "year")]),
    ("The training run took 53 days", [Q(53, "day")]),
    ("Nvidia's H100 has 80 GB of memory; the plant draws 5 MW", [Q(80, "GB"), Q(5e6, "W")]),
    ("The S&P 500 fell 1.5% and the Nasdaq dropped 3.1%, or 612 points.",
     [Q(1.5, "pct", direction="down"), Q(3.1, "pct", direction="down"), Q(612, "point", direction="down")]),
    ("$20 a month", [Q(20, "USD", per=Per(1, "month"))]),
    # Rupees as Indian pages write them: Rs. before the figure, lakh and crore, digits grouped in twos
    ("about Rs. 52 crore, or Rs 1,25,000, or 40 lakh rupees",
     [Q(5.2e8, "INR", qualifier=APPROXIMATELY), Q(125000, "INR"), Q(4e6, "INR")]),
    # Dates
    ("December 25, 2024; 25 December 2024; Jan. 27; January 2025",
     [D("2024-12-25"), D("2024-12-25"), D("--01-27"), D("2025-01")]),
    ("It closed 2025-02-11 and reopened 28/01/2025", [D("2025-02-11"), D("2025-01-28")]),
    ("OpenAI was founded in 2015.", [D("2015")]),
    ("DeepSeek-V3 was released on December 25.", [D("--12-25")]),
    ("Christmas Day", [D("--12-25")]),
    ("2025年", [D("2025")]),
    ("二〇二五年一月", [D("2025-01")]),
    # a whole number and its half: one figure, in words or as a counter's half; not the 半 of 半导体
    ("V3's training run cost about five and a half million dollars", [Q(5.5e6, "USD", APPROXIMATELY)]),
    ("the run took 2 and a half months", [Q(2.5, "month", precision=0.5)]),
    # a part of a scale word: "a quarter of a trillion dollars" is 250 billion, read to the nearest quarter
    ("cloud firms may spend a quarter of a trillion dollars on three quarters of a million GPUs",
     [Q(2.5e11, "USD", precision=1.25e11), Q(7.5e5, "count", precision=1.25e5)]),
    ("训练耗时两个半月，推理仅需一个半小时", [Q(2.5, "month"), Q(1.5, "hour")]),
    ("計劃在四年半內完成", [Q(4.5, "year")]),
    ("近3年半导体股的最大跌幅", [Q(3, "year", APPROXIMATELY)]),
    # thousands grouped by plain spaces; not after a name's number ("Grok 3 100 000"), nor after a month
    ("trained on 2 048 GPUs for 2 788 000 GPU hours", [Q(2048, "count"), Q(2788000, "gpu_hour")]),
    ("On January 27 100 stocks fell", [D("--01-27"), Q(100, "count")]),
    # a digit after 成 is the per cent's own: 一成七 is 17%, 三成五 35%
    ("股价暴跌一成七，三成五的基金亏损", [Q(17, "pct", direction="down", precision=1), Q(35, "pct", precision=1)]),
    # Chinese decimals with 点 keep the scale after them; the two ends of a range in words share the scale
    ("预训练用了十四点八万亿个token，成本五百五十七點六萬美元",
     [Q(1.48e13, "token", precision=1e11), Q(5.576e6, "USD", precision=1e3)]),
    ("between sixty and sixty-five billion dollars, or three to four thousand chips",
     [Q(6e10, "USD", high=6.5e10), Q(3000, "count", high=4000)]),
    ("三至四千块芯片，三至四百人", [Q(3000, "count", high=4000), Q(300, "count", high=400)]),
    # a whole number and quarters of one, read to the quarter
    ("two and three quarters million GPU hours", [Q(2.75e6, "gpu_hour", precision=2.5e5)]),
    # British and Indian per cent; a capital scale letter spaced after a sum of money
    ("shares fell 17pc, then 3.07 pc, then 2 p.c.; $589 B and US$ 6 M, but 589 B shares and $5 T-shirts",
     [Q(17, "pct", direction="down"), Q(3.07, "pct"), Q(2, "pct"), Q(5.89e11, "USD"), Q(6e6, "USD"),
      Q(589, "count"), Q(5, "USD")]),
    # a number said loosely before its scale: about that many, read to the scale; two numbers said together
    ("a couple of thousand GPUs, a couple hundred million dollars, a couple of GPUs, a few thousand GPUs",
     [Q(2000, "count", APPROXIMATELY, precision=1000), Q(2e8, "USD", APPROXIMATELY, precision=1e8)]),
    ("两三千块GPU，一兩百萬美元，幾千塊芯片", [Q(2000, "count", high=3000), Q(1e6, "USD", high=2e6)]),
]


def _check(text, expected, ref_date=REF):
    got = parse_quantities(text, ref_date=ref_date)
    summary = [quantity_to_dict(q) for q in got]
    assert len(got) == len(expected), f"{text!r}: read {summary}"
    for q, exp in zip(got, expected):
        assert _close(q.value, exp["value"]), f"{text!r}: {quantity_to_dict(q)} vs {exp}"
        assert q.unit == exp["unit"], f"{text!r}: {quantity_to_dict(q)}"
        assert q.qualifier == exp["qualifier"], f"{text!r}: {quantity_to_dict(q)}"
        if exp["high"] is None:
            assert q.high is None, f"{text!r}: {quantity_to_dict(q)}"
        else:
            assert q.high is not None and _close(q.high, exp["high"]), f"{text!r}: {quantity_to_dict(q)}"
        if exp["per"] is None:
            assert q.per is None, f"{text!r}: {quantity_to_dict(q)}"
        else:
            assert q.per is not None and _close(q.per.amount, exp["per"].amount) \
                and q.per.unit == exp["per"].unit, f"{text!r}: {quantity_to_dict(q)}"
        if exp["direction"] is not ...:
            assert q.direction == exp["direction"], f"{text!r}: {quantity_to_dict(q)}"
        if exp["precision"] is not ...:
            if exp["precision"] is None:
                assert q.precision is None, f"{text!r}: {quantity_to_dict(q)}"
            else:
                assert q.precision is not None and _close(q.precision, exp["precision"]), \
                    f"{text!r}: precision {q.precision}, expected {exp['precision']}"
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text, expected", SEED_PHRASES, ids=[t[:24] for t, _ in SEED_PHRASES])
def test_seed_phrases(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text, expected", MORE_PHRASES, ids=[t[:24] for t, _ in MORE_PHRASES])
def test_more_phrases(text, expected):
    _check(text, expected)


def test_enough_own_phrases():
    assert len(SEED_PHRASES) + len(MORE_PHRASES) >= 60


def test_every_seed_clause_in_the_table_is_verbatim_or_close():
    """The seed phrases come from the articles (punctuation aside), so the table tests real text."""
    corpus = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    plain = corpus.replace("，", ",").replace("\u3000", " ")
    missing = [t for t, _ in SEED_PHRASES if t not in corpus and t.replace("，", ",") not in plain]
    assert not missing, missing


# ---------------------------------------------------------------------------------------------
# Relative dates and the precision rule.
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, ref, iso", [
    ("去年12月27日", "2025-01-28", "2024-12-27"),
    ("去年12月27日", None, "--12-27"),
    ("今年1月20日", "2025-01-28", "2025-01-20"),
    ("1月20日", "2025-01-28", "--01-20"),
    ("Sora 於去年 2 月亮相", "2025-02-12", "2024-02"),
    ("on December 25 last year", "2025-01-28", "2024-12-25"),
    ("on December 25 last year", None, "--12-25"),
    ("去年聖誕節", "2025-01-28", "2024-12-25"),
    ("聖誕節當天", "2025-01-28", "--12-25"),
])
def test_relative_dates(text, ref, iso):
    got = [q for q in parse_quantities(text, ref_date=ref) if q.unit == "date"]
    assert [q.value for q in got] == [iso]
    assert got[0].precision is None


def test_a_relative_date_span_includes_its_year_word():
    text = "梁文鋒。去年12月27日推出"
    (q,) = parse_quantities(text, ref_date=REF)
    assert q.text == "去年12月27日" and text[q.start:q.end] == q.text


@pytest.mark.parametrize("text, precision", [
    ("5.6 million GPUs", 1e5), ("557.6萬美元", 1000), ("$7.50", 0.01), ("0.14美元", 0.01),
    ("2,048", 1), ("5890億美元", 1e9), ("550 萬美元", 1e5), ("2000 GPUs", 100), ("十萬個", 1e4),
    ("5000億美元", 1e10), ("17%", 1), ("16.97%", 0.01), ("14 cents", 0.01), ("1億美元", 1e7),
    ("4.8萬億港元", 1e11), ("二千億歐元", 1e10), ("一兆美元", 1e11),
])
def test_precision_is_the_last_significant_place(text, precision):
    (q,) = parse_quantities(text)
    assert q.precision == pytest.approx(precision, rel=1e-9)


# ---------------------------------------------------------------------------------------------
# Things that only look like amounts.
# ---------------------------------------------------------------------------------------------

NOT_AMOUNTS = [
    "DeepSeek V3 and R1 beat GPT-4o, GPT-4 and o1",
    "H800, H100, H20 and A100 chips; Blackwell B200",
    "Llama 3, Llama 3.1 405B, Llama 4, Grok 3, Grok 2, Claude 3.5, Gemini 2",
    "RTX 50 GPU, CES 2025, iPhone 16, Windows 11, Python 3.11",
    "S&P 500, 標普500, 標準普爾500, 標普500指數, 标普500指数",
    "微軟2025財年",
    "第三季、第3名、3rd place、第一",
    "see [4] and [12]",
    "美圖(01357)、金山雲(03896)及商湯(00020)",
    "00700 騰訊控股",
    "at 15:46 EST",
    "call +852 2345 6789",
    "version v1.2.3 and 1.2.3",
    "【ETN1WWS】 and B200 and FY2025 and 5G",
    "Watch Trends 2025",
    "推理成本卻僅為後者幾十分之一",
    "月租數萬元廣告牌",
    "投入的數十億美元",
    "周一(27日)",
    "一,預訓練;二,監督微調;三,獎勵模型;四,強化學習",
    "兩大「殺手鐧」",
    "四兩撥千斤",
    "十分重要，一步一步，一夜之間",
    "全場95折",
    "https://www.youtube.com/watch?v=1234567",
    "其實0-1是最難的",
    "the 1990s",
    "Q1 '25 results, FY’24 capex and Q4'24 guidance",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_amounts(text):
    got = [quantity_to_dict(q) for q in parse_quantities(text) if q.unit != "date"]
    assert got == [], f"{text!r}: read {got}"


def test_bare_years_are_not_amounts_but_in_2015_is_a_date():
    assert parse_quantities("The Soviet Union launched Sputnik in 1957.")[0].value == "1957"
    assert parse_quantities("Sputnik 1957") == []
    assert [q.unit for q in parse_quantities("the 2025 budget")] == []
    # a year cut to its last two digits after an apostrophe: "in ’25" is 2025, no count of 25
    assert [(q.text, q.value, q.unit) for q in parse_quantities("1 GW of compute in ’25, and in '24 before it")][1:] == [
        ("’25", "2025", "date"), ("'24", "2024", "date")]


def test_a_full_width_colon_after_a_model_name_ends_a_label_and_the_figure_is_read():
    # "1. DeepSeek-V3：9元" in a list of prices: the colon is the label's, not a ratio's or a clock's
    for text, value in (("DeepSeek-V3：9元", 9), ("DeepSeek-R1：18元", 18), ("OpenAI o1：60美元", 60), ("H800：2048块", 2048)):
        assert [q.value for q in parse_quantities(text)] == [value], text
    assert parse_quantities("美东时间10：42") == []  # a clock, with no name before it


def test_a_thread_posts_number_is_no_fraction():
    # "2/8 The final run ...", "(2/11) DeepSeek ...", "... one by one. 1/8", "🧵 1/4": a post's place in its thread
    for text in ("2/8 The final run cost a lot.", "(2/11) DeepSeek used many chips.", "Its numbers, one by one. 1/8",
                 "关于DeepSeek的几个数字🧵 1/4\n", "3/4 只用了很少的芯片。", "A thread 🧵 (1/11)\n\nMore"):
        assert [q for q in parse_quantities(text) if q.unit == "ratio"] == [], text
    for text in ("硬件要求1/8", "It cut the chips to 1/8\nof the rest", "1/8 of the chips", "It used 1/8."):
        assert [q.value for q in parse_quantities(text) if q.unit == "ratio"] == [0.125], text


def test_a_day_in_a_new_york_dateline_is_no_span_of_days():
    # the 约 of 纽约 (New York) is no "about": "纽约27日" is the 27th, as "27日" alone is
    for text in ("（中央社紐約27日綜合外電）美股重挫", "（新华社纽约27日电）美股重挫"):
        assert [q for q in parse_quantities(text) if q.unit == "day"] == [], text
    assert [(q.value, q.unit) for q in parse_quantities("历时约27日")] == [(27, "day")]


def test_a_number_after_a_name_is_part_of_the_name_but_not_later_ones():
    got = parse_quantities("Grok 3 used 100,000 H100s")
    assert [(q.value, q.unit) for q in got] == [(100000, "count")]


# ---------------------------------------------------------------------------------------------
# Spans, order, robustness, speed, and the module's habits.
# ---------------------------------------------------------------------------------------------

def test_spans_point_into_the_text_given():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        got = parse_quantities(text, ref_date=REF)
        assert len(got) > 5, path.name
        last = 0
        for q in got:
            assert text[q.start:q.end] == q.text
            assert q.start >= last, f"{path.name}: {q} overlaps or is out of order"
            last = q.end


def test_full_width_digits_keep_their_spans():
    text = "共使用２０４８塊ＧＰＵ，成本僅５．５％，約１．２萬人，２，０４８ GPUs"
    got = parse_quantities(text)
    assert [(q.text, q.value, q.unit) for q in got] == [
        ("２０４８塊", 2048, "count"), ("５．５％", 5.5, "pct"), ("１．２萬人", 12000, "count"),
        ("２，０４８", 2048, "count")]
    assert got[2].qualifier == APPROXIMATELY
    for q in got:
        assert text[q.start:q.end] == q.text


def test_a_full_width_comma_between_numbers_is_not_a_separator():
    got = parse_quantities("2048，1000")
    assert [q.value for q in got] == [2048, 1000]


def test_quantity_to_dict_is_json_ready():
    text = "每百萬個token的查詢成本為0.14美元"
    (q,) = parse_quantities(text)
    d = quantity_to_dict(q)
    at = text.index("0.14")
    assert d == {"text": "0.14美元", "value": 0.14, "unit": "USD", "qualifier": None, "start": at,
                 "end": at + 6, "per": {"amount": 1000000.0, "unit": "token"}, "precision": 0.01}
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    (r,) = parse_quantities("3萬至4萬美元")
    assert quantity_to_dict(r)["high"] == 40000
    (m,) = parse_quantities("跌了近17%")
    assert quantity_to_dict(m)["direction"] == "down" and "per" not in quantity_to_dict(m)
    (t,) = parse_quantities("2023年5月")
    assert "precision" not in quantity_to_dict(t)


@pytest.mark.parametrize("text", ["", " ", "\x00\x01\ud800", "9" * 5000, "一" * 3000, "萬億兆" * 100,
                                  "$$$", "1,2,3,4", "每每每", "分之", "百分之", "—–-~", "1-" * 500])
def test_odd_inputs_do_not_raise(text):
    got = parse_quantities(text)
    for q in got:
        assert text[q.start:q.end] == q.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list(
    "0123456789,.-/%$€£+~()[] 年月日萬万億亿兆十百千一二兩两三九零〇每個个百分之點成倍多余約近逾超過不到至乃"
    "abcdeMmBbkKxT的，。、０１２３％．") + [
        " million", " billion", " per ", " tokens", "about ", "between ", " and ", " to ", "December ",
        "Jan. ", "half", "a quarter", "one", "thousand", "times less", "GPU hours", "US$", "HK$", "去年",
        "聖誕節", "cents", "percent", "Llama ", "GPT-", "S&P ", "标普", "USD ", "個百分點", "第"]),
    max_size=60).map("".join), st.sampled_from([None, REF, "junk", ""]))
def test_never_raises_and_spans_hold(text, ref):
    got = parse_quantities(text, ref_date=ref)
    last = 0
    for q in got:
        assert text[q.start:q.end] == q.text
        assert q.end > q.start >= last
        last = q.end
        assert q.unit
        assert isinstance(q.value, str) == (q.unit == "date")


def test_long_runs_take_linear_time():
    started = time.process_time()
    for text in ("9" * 100_000, "一" * 50_000, "一万" * 25_000, "one " * 10_000):
        parse_quantities(text)
    assert time.process_time() - started < 10


def test_speed_on_five_thousand_characters():
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))[:5000]
    parse_quantities(text)  # compile once
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        parse_quantities(text)
        best = min(best, time.process_time() - started)
    assert best < 0.05, f"{best * 1000:.1f} ms for 5,000 characters"  # ~5 ms here; loose for slow CI


def test_import_is_cheap_and_standard_library_only():
    code = ("import sys; import dsfact.numbers as n; import dsfact.numbers.patterns as p; "
            "assert p._RX is None, 'patterns compiled at import'; "
            "import dsfact.lang as L; assert not L._LOADED, 'language data read at import'; "
            "bad = [m for m in ('yaml', 'opencc', 'rapidfuzz', 'rich', 'typer') if m in sys.modules]; "
            "assert not bad, bad; "
            "n.parse_quantities('5萬'); assert p._RX is not None")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "",
                              "PYTHONDONTWRITEBYTECODE": "1"})
    assert out.returncode == 0, out.stderr


# ---------------------------------------------------------------------------------------------
# Language knowledge is data (dsfact/lang/numbers.words): a word added there is read, no code changed.
# ---------------------------------------------------------------------------------------------

BUNDLED_WORDS = ROOT / "src" / "dsfact" / "lang" / "numbers.words"


def _read_with(words_text: str, text: str):
    from dsfact.lang import parse_words
    from dsfact.numbers.patterns import _build
    from dsfact.numbers.scan import _Scanner
    from dsfact.numbers.words import from_tables

    rx = _build(from_tables(parse_words(words_text, "numbers.words")))
    return _Scanner(text, None, rx=rx).run()


def test_the_bundled_words_read_as_the_engine_does():
    text = "Shares fell about 3.5% to $5.6bn; 近17%; 二千多片; 每百萬個token 0.14美元; Llama 3 cost 5 km."
    assert _read_with(BUNDLED_WORDS.read_text(encoding="utf-8"), text) == parse_quantities(text)


@pytest.mark.parametrize("old, new, text, check", [
    ("approximately: about,", "approximately: give or take, about,", "give or take 5%",
     lambda q: q.qualifier == APPROXIMATELY),
    ("down: fell,", "down: skidded, fell,", "the index skidded 5%", lambda q: q.direction == "down"),
    ("KRW: 韩元", "KRW: 韩元\nSGD: 新加坡元", "50萬新加坡元", lambda q: q.unit == "SGD" and q.value == 500_000),
    ("km: km, 公里", "km: km, 公里, kilometres", "a 40 kilometres trip", lambda q: q.unit == "km"),
    ("12: December, Dec", "12: December, Dec, Dezember", "Dezember 24, 2024", lambda q: q.value == "2024-12-24"),
    ("down: drop,", "down: dip, drop,", "a 3% dip in a day", lambda q: q.direction == "down"),
    ("fiscal, FY,", "fiscal, FY, throughout,", "sales grew throughout 2024", lambda q: q.value == "2024"),
    ("seat: seat\n", "seat: seat\nnight: night, nights\n", "$120 per night",
     lambda q: q.per is not None and q.per.unit == "night"),
    # a unit word, a level word, a range connector, a rate word, a counter, an inverse word, a Traditional form
    ("day: days, day", "day: days, day, sols", "the rover drove for 90 sols", lambda q: q.unit == "day"),
    ("before: to, at, from,", "before: to, at, from, toward,", "Shares fell toward 5% on Monday",
     lambda q: q.unit == "pct" and q.direction is None),
    ("words: to, through", "words: to, through, until", "prices of 5 until 7% a year", lambda q: q.high == 7),
    ("before: per, for every,", "before: per, pro, for every,", "a fee of $5 pro user",
     lambda q: q.per is not None and q.per.unit == "user"),
    ("count: 个,", "count: 个, 盒,", "买了三十盒", lambda q: q.value == 30 and q.unit == "count"),
    ("inverse: less,", "inverse: slower, less,", "it runs 5x slower", lambda q: q.unit == "ratio"),
    ("pairs: 萬万,", "pairs: 萬万, 檯台,", "5檯伺服器", lambda q: q.text == "5檯"),
])
def test_a_word_added_to_the_language_data_is_read_without_touching_code(old, new, text, check):
    bundled = BUNDLED_WORDS.read_text(encoding="utf-8")
    assert old in bundled
    before = _read_with(bundled, text)
    after = _read_with(bundled.replace(old, new, 1), text)
    assert not any(check(q) for q in before), before  # the bundled words do not know it
    assert any(check(q) for q in after), after


def test_a_fault_in_the_language_data_is_named_by_file_and_line():
    from dsfact.lang import LanguageDataError, parse_words

    with pytest.raises(LanguageDataError, match=r"numbers\.words:3:"):
        parse_words("[qualifiers]\nnearly: nearly\nabout about\n", "numbers.words")


def test_story_names_come_from_the_caller_not_the_engine():
    # A number after a product name is part of the name; the story's own names (Kimi, GLM) are the
    # registry's entities, passed in; the engine knows only generic ones (Llama 3) and the generic rule
    # that a letter-digit code (V3, H800, GPT-4o) is no amount.
    assert [q.value for q in parse_quantities("Kimi 1.5 beat it")] == [1.5]
    assert parse_quantities("Kimi 1.5 beat it", names=("Kimi",)) == []
    assert parse_quantities("文心4.0發佈", names=("文心",)) == []
    assert parse_quantities("Llama 3 and DeepSeek-V3 and H800 and GPT-4o") == []


def test_the_bundled_registry_names_its_story_models_as_entities():
    from dsfact.registry import load_registry

    entities = set(load_registry(use_cache=False).entities)
    assert {"Kimi", "GLM", "文心", "ERNIE"} <= entities

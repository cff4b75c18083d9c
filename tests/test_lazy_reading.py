"""What is worked out lazily, or by a shortcut, says what the full work said: a sentence's time words placed
when one of its figures first asks (dsfact.matching.roles.FigureReader.times) place what placing every
sentence at once placed, the weekday at a passage's head found by reading back from a figure's sentence
(dsfact.matching.headday.weekday_elsewhere) is the one the nearest day-naming sentence of the whole text
gives, and the whole-text test of Simplified Chinese (readings.is_simplified) says what the
character-by-character test says."""
from __future__ import annotations

from pathlib import Path

import pytest

from dsfact.fold import fold_text
from dsfact.matching.matcher import TextMatcher
from dsfact.matching.readings import is_simplified, simplified_by_character
from dsfact.numbers import parse_quantities

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

TEXTS = [
    "Nvidia lost $589 billion on Monday. It rose 8.9% on Tuesday, after falling 17% the day before. "
    "Last year it earned $61 billion; in 2023 it earned $27 billion.",
    "On Jan. 27, 2025, the Nasdaq fell 3.1%, its worst day since March 2020. A year later, on Tuesday, "
    "the index rose 1.2% from Friday's close.",
    "英伟达周一市值蒸发5890亿美元。周二反弹8.9%，此前一天股价下跌17%。去年公司营收609亿美元。",
    "輝達1月27日收市下跌17%，創2020年3月以來最大單日跌幅。翌日回升8.9%。",
]


@pytest.mark.parametrize("text", TEXTS + [(EXAMPLES / name).read_text(encoding="utf-8")
                                          for name in ("draft_en.md", "draft_zh_hans.md", "draft_zh_hant.md")])
def test_times_asked_figure_by_figure_are_those_of_the_whole_text(text, reader_of):
    lazy, whole = reader_of(text), reader_of(text)
    whole.place_all_times()
    assert lazy.quantities, "no figures read"
    for q in reversed(lazy.quantities):  # (the last sentence first: nothing is placed in order)
        assert lazy.times(q) == whole.times(q), q.text


WEEKDAY_TEXTS = [
    "Stocks rose on Monday. The Dow gained 1.2%.\n\nOn Thursday, the Nasdaq fell 3.1%. It lost $589 billion.\n\n"
    "Shares slid 2%.\n\nMeanwhile, chips recovered.\n\nThe index added 0.8%.",
    "美股周四从早盘涨势中急剧逆转。纳指下跌3.1%。\n\n标普500指数下跌1.5%。\n\n另外，芯片股反弹。\n\n道指上涨0.5%。",
    "華爾街股市27日漲跌互見。\n\n周一，道瓊指數下跌1.02%。那指下跌2.5%。\n\n昨日費城半導體指數下跌9.2%。",
]


@pytest.mark.parametrize("text", WEEKDAY_TEXTS)
def test_weekday_read_back_is_that_of_the_whole_text(text, bundled_registry):
    from dsfact.matching.headday import REACH, _day_named, weekday_elsewhere
    from dsfact.matching.timefits import time_fits

    lazy, whole = _reader_matcher(text, bundled_registry), _reader_matcher(text, bundled_registry)
    named = {k: _day_named(whole, k) for k in range(len(whole.sentences))}
    named = {k: v for k, v in named.items() if v is not None}
    assert any(named.values()), "no weekday at a passage's head"
    for time in ("2025-01-27", "2025-01-30", "2025-01-31"):
        for si in reversed(range(len(lazy.sentences))):  # (the last sentence first: nothing is read in order)
            k = next((k for k in range(si - 1, -1, -1) if k in named), None)
            expected = k is not None and whole.sentences[k].paragraph >= whole.sentences[si].paragraph - REACH \
                and bool(named[k]) and not time_fits(time, named[k], whole.year, whole.day)
            assert weekday_elsewhere(lazy, si, time) == expected, (time, si)


def _reader_matcher(text: str, registry):
    matcher = TextMatcher(text, registry)
    matcher.use(parse_quantities(text))
    return matcher


@pytest.mark.parametrize("text", [
    "深度求索的R1每百万tokens输出价格为16元。", "深度求索的R1每百萬tokens輸出價格為16元。",
    "ＤｅｅｐＳｅｅｋ每百万ｔｏｋｅｎｓ　16元", "DeepSeek R1: 16 yuan", "", "价格16元，價格", "İstanbul价格16元",
])
def test_simplified_text_is_told_as_character_by_character(text):
    folded = fold_text(text)
    assert is_simplified(text, folded) == simplified_by_character(text, folded)

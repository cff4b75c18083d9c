"""What is worked out lazily, or by a shortcut, says what the full work said: a sentence's time words placed
when one of its figures first asks (dsfact.matching.roles.FigureReader.times) place what placing every
sentence at once placed, and the whole-text test of Simplified Chinese (readings.is_simplified) says what
the character-by-character test says."""
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


def _reader(text: str, registry):
    matcher = TextMatcher(text, registry)
    matcher.use(parse_quantities(text))
    return matcher.reader()


@pytest.mark.parametrize("text", TEXTS + [(EXAMPLES / name).read_text(encoding="utf-8")
                                          for name in ("draft_en.md", "draft_zh_hans.md", "draft_zh_hant.md")])
def test_times_asked_figure_by_figure_are_those_of_the_whole_text(text, bundled_registry):
    lazy, whole = _reader(text, bundled_registry), _reader(text, bundled_registry)
    whole.place_all_times()
    assert lazy.quantities, "no figures read"
    for q in reversed(lazy.quantities):  # (the last sentence first: nothing is placed in order)
        assert lazy.times(q) == whole.times(q), q.text


@pytest.mark.parametrize("text", [
    "深度求索的R1每百万tokens输出价格为16元。", "深度求索的R1每百萬tokens輸出價格為16元。",
    "ＤｅｅｐＳｅｅｋ每百万ｔｏｋｅｎｓ　16元", "DeepSeek R1: 16 yuan", "", "价格16元，價格", "İstanbul价格16元",
])
def test_simplified_text_is_told_as_character_by_character(text):
    folded = fold_text(text)
    assert is_simplified(text, folded) == simplified_by_character(text, folded)

"""Properties of the numeric engine and the check, tested with hypothesis: no text makes them raise,
every span lies inside its text, and a number written in a form the engine reads comes back with its
value. Regression cases found by the fuzzer (fuzz/fuzz_numbers.py) are at the end."""
from __future__ import annotations

import math
import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dsfact.check import check_text
from dsfact.fold import fold_text
from dsfact.matching import split_sentences
from dsfact.numbers import parse_quantities

# DSFACT_PROPERTY_EXAMPLES=5000 for a long local hunt; CI runs 200 per property.
SETTINGS = settings(max_examples=int(os.environ.get("DSFACT_PROPERTY_EXAMPLES", "200")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Text that looks like news: figures, units, scales, qualifiers and names in both scripts, mixed with
# arbitrary characters (control characters, full-width forms, emoji, combining marks, lone scripts).
PIECES = [
    "DeepSeek", "V3", "R1", "H800", "GPT-4o", "Nvidia", "英偉達", "深度求索", "訓練", "成本", "GPU", "chips",
    "$", "US$", "HK$", "€", "£", "¥", "%", "％", "million", "billion", "bn", "m", "cents", "per million tokens",
    "萬", "万", "億", "亿", "兆", "美元", "港元", "元", "人民幣", "塊", "名", "個百分點", "成", "倍", "分之",
    "約", "近", "逾", "超過", "多", "以上", "不到", "about", "nearly", "more than", "up to", "to", "至", "-", "–",
    "二千", "兩", "一萬", "十", "百", "零", "January 27", "1月27日", "2025年", "去年12月", "1/8", "ten times",
    "2,048", "5.6", "557.6", "0.14", "7.50", "5890", "17", "3.1", "0.2", "1,000,000", "12,34,567", "1.2.3",
    ",", ".", "，", "。", " ", "\n", "\t", "\r\n", "\x00", "\x0b", "\u200b", "\ufeff", "\u3000", "１２３",
    "😀", "e\u0301", "٣", "Ⅻ", "⁵", "½", "9" * 40, "0." + "0" * 30 + "1",
]
news_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=200), news_text)


def assert_spans(text, items):
    previous = -1
    for x in items:
        assert 0 <= x.start < x.end <= len(text), (x.start, x.end, len(text))
        assert text[x.start:x.end] == x.text
        assert x.start >= previous  # in text order
        previous = x.start


# --- the numeric engine --------------------------------------------------------------------------

@SETTINGS
@given(any_text)
def test_parse_never_raises_and_spans_are_inside(text):
    quantities = parse_quantities(text)
    assert_spans(text, quantities)
    for q in quantities:
        if q.unit != "date":
            assert isinstance(q.value, float) and not math.isnan(q.value)
            assert q.high is None or q.high >= q.value


@SETTINGS
@given(any_text, st.sampled_from([None, "2025-01-28", "2024-12-31", "1999-02-28"]))
def test_parse_with_a_reference_date_never_raises(text, ref):
    assert_spans(text, parse_quantities(text, ref_date=ref))


def _grouped(x: float, decimals: int) -> str:
    return f"{x:,.{decimals}f}"


def _zh_numeral(n: int) -> str:
    """1..99,999,999 in Chinese numerals as news writes them (二千零五, 三萬四千, 一千二百萬)."""
    digits = "零一二三四五六七八九"

    def below_10000(k: int, leading: bool) -> str:
        out, zero = "", False
        for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d, k = divmod(k, size)
            if d:
                if zero:
                    out += "零"
                zero = False
                out += ("" if (unit == "十" and d == 1 and not out and leading) else digits[d]) + unit
            elif out:
                zero = True
        return out

    high, low = divmod(n, 10000)
    if not high:
        return below_10000(low, True)
    text = below_10000(high, True) + "萬"
    if low:
        text += ("零" if low < 1000 else "") + below_10000(low, False)
    return text


AMOUNTS = st.decimals(min_value="0.1", max_value="9999.9", places=1).map(float)


@SETTINGS
@given(AMOUNTS, st.sampled_from([("million", 1e6), ("billion", 1e9)]))
@example(1234.5, ("million", 1e6))
def test_dollars_with_a_scale_read_back(x, scale):
    word, factor = scale
    text = f"The company said it spent ${_grouped(x, 1)} {word} last year."
    q = [q for q in parse_quantities(text) if q.unit == "USD"]
    assert len(q) == 1, (text, parse_quantities(text))
    assert q[0].value == pytest.approx(x * factor, rel=1e-9)
    assert q[0].text == f"${_grouped(x, 1)} {word}"


@SETTINGS
@given(AMOUNTS, st.sampled_from([("萬", 1e4), ("億", 1e8), ("万", 1e4), ("亿", 1e8)]),
       st.sampled_from([("美元", "USD"), ("港元", "HKD"), ("歐元", "EUR")]))
@example(1234.5, ("萬", 1e4), ("美元", "USD"))
def test_chinese_amounts_read_back(x, scale, currency):
    word, factor = scale
    name, unit = currency
    figure = f"{x:g}{word}{name}"
    text = f"該公司去年投入{figure}。"
    q = [q for q in parse_quantities(text) if q.unit == unit]
    assert len(q) == 1, (text, parse_quantities(text))
    assert q[0].value == pytest.approx(x * factor, rel=1e-9)
    assert q[0].text == figure


@SETTINGS
@given(st.decimals(min_value="0.1", max_value="99.9", places=1).map(float), st.sampled_from(["%", "％"]))
@example(12.3, "%")
def test_percentages_read_back(x, sign):
    for text in (f"Its share rose by {x:g}{sign} last year.", f"市場份額為{x:g}{sign}。"):
        q = [q for q in parse_quantities(text) if q.unit == "pct"]
        assert len(q) == 1, (text, parse_quantities(text))
        assert q[0].value == pytest.approx(x, rel=1e-9)


@SETTINGS
@given(st.integers(min_value=2, max_value=99_999_999))  # 一名 alone is "an employee", not a figure
@example(2000)
@example(2005)
@example(10000)
def test_chinese_numerals_read_back(n):
    numeral = _zh_numeral(n)
    text = f"公司共有員工{numeral}名。"
    q = [q for q in parse_quantities(text) if q.unit == "count"]
    assert len(q) == 1, (numeral, parse_quantities(text))
    assert q[0].value == n, numeral


@SETTINGS
@given(st.integers(min_value=1000, max_value=10**9))
def test_grouped_counts_read_back(n):
    text = f"The company ordered {n:,} GPUs this year."
    q = [q for q in parse_quantities(text) if q.unit == "count"]
    assert len(q) == 1, (text, parse_quantities(text))
    assert q[0].value == n


@SETTINGS
@given(st.integers(min_value=1, max_value=999), st.sampled_from([("million", 1e6), ("billion", 1e9),
                                                                  ("trillion", 1e12)]))
@example(3, ("billion", 1e9))
def test_whole_numbers_with_a_scale_word_read_back(n, scale):
    word, factor = scale
    text = f"They have {n} {word} users now."
    q = parse_quantities(text)
    assert len(q) == 1 and q[0].unit == "count", (text, q)
    assert q[0].value == n * factor


@SETTINGS
@given(st.decimals(min_value="0.01", max_value="99.99", places=2).map(float))
def test_cents_and_rates_read_back(x):
    text = f"The model costs ${x:.2f} per million tokens."
    q = [q for q in parse_quantities(text) if q.unit == "USD"]
    assert len(q) == 1, (text, parse_quantities(text))
    assert q[0].value == pytest.approx(x, rel=1e-9)
    assert q[0].per is not None and q[0].per.amount == 1e6


@SETTINGS
@given(any_text)
def test_fold_keeps_length(text):
    """Matching works on folded text with the offsets of the original: folding must keep the length."""
    assert len(fold_text(text)) == len(text)


def test_fold_keeps_length_where_lowering_widens():
    """"İ" (Turkish dotted capital I) lowers to two characters; folding keeps it one, so the offsets of what
    follows stay the original's."""
    text = "İstanbul: NVIDIA fell 17%"
    folded = fold_text(text)
    assert len(folded) == len(text)
    assert folded.index("nvidia") == text.index("NVIDIA")


@SETTINGS
@given(any_text)
def test_sentences_tile_the_text_in_order(text):
    previous_end = 0
    for s in split_sentences(text):
        assert previous_end <= s.start < s.end <= len(text)
        previous_end = s.end


@SETTINGS
@given(any_text)
def test_paragraphs_are_counted_without_gaps(text):
    """However many blank lines stand between them, two paragraphs are one apart: "the paragraph before" is
    the one above (a gap would put it out of reach of the rules that look one paragraph back)."""
    numbers = [s.paragraph for s in split_sentences(text)]
    assert numbers == sorted(numbers)
    assert all(b - a <= 1 for a, b in zip(numbers, numbers[1:]))
    assert not numbers or numbers[0] == 0
    spaced = split_sentences(text.replace("\n\n", "\n\n\n\n"))  # more blank lines, the same paragraphs
    assert [s.paragraph for s in spaced] == numbers


# --- the check -----------------------------------------------------------------------------------

CLAIM_TEXT = st.lists(st.sampled_from([
    "DeepSeek trained V3 on 2,048 H800 chips. ", "It cost $5.6 million. ", "Nvidia lost $589 billion on January 27. ",
    "深度求索只用了二千多塊H800晶片，", "訓練成本約為560萬美元，", "英伟达周一市值蒸发5890亿美元。",
    "Nvidia's shares fell 17%. ", "It was trained on 4,096 chips. ", "Apple sold 50 million phones. ",
    "Meta plans to spend up to $65 billion in 2025. ", "respectively ", "分别", "\n\n", "\x00", "\u3000",
]), max_size=20).map("".join)


@SETTINGS
@given(text=st.one_of(any_text, CLAIM_TEXT, st.tuples(CLAIM_TEXT, any_text, CLAIM_TEXT).map("".join)))
def test_check_never_raises_and_findings_are_inside(text, bundled_registry):
    findings = check_text(text, bundled_registry)
    assert_spans(text, findings)
    lines = text.split("\n")
    for f in findings:
        loc = f.location
        assert 1 <= loc.line <= len(lines) and loc.column >= 1
        assert text.count("\n", 0, f.start) == loc.line - 1
        assert f.verdict in ("supported", "contradicted", "disputed")


@SETTINGS
@given(text=st.one_of(CLAIM_TEXT, news_text))
def test_check_with_another_registry_never_raises(text, city_registry):
    assert_spans(text, check_text(text, city_registry))


def test_property_fixtures_have_session_scope(bundled_registry):
    """hypothesis reuses function-scoped fixtures across examples; these two are session-scoped."""
    assert bundled_registry.claims


# --- regression cases (fuzzer and hypothesis finds) ----------------------------------------------

REGRESSIONS: list[str] = [
]


@pytest.mark.parametrize("text", REGRESSIONS or [""])
def test_regressions_found_by_fuzzing(text, bundled_registry):
    assert_spans(text, parse_quantities(text))
    assert_spans(text, check_text(text, bundled_registry))


def test_zh_numeral_helper():
    assert [_zh_numeral(n) for n in (5, 10, 15, 2000, 2005, 2048, 10000, 30405, 12000000)] == [
        "五", "十", "十五", "二千", "二千零五", "二千零四十八", "一萬", "三萬零四百零五", "一千二百萬"]

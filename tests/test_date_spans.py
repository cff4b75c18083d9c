"""parse_dates (dsfact.numbers.date_spans) reads only where a date can begin: its dates must be exactly those a
read of the whole text finds, with the same spans and values, on any mix of dates and other figures."""
from __future__ import annotations

import os
import random

import pytest
from conftest import FIXTURES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dsfact.numbers.scan
from dsfact.document import read_document
from dsfact.numbers import parse_quantities
from dsfact.numbers.date_spans import month_of, parse_dates

SETTINGS = settings(max_examples=int(os.environ.get("DSFACT_PROPERTY_EXAMPLES", "200")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Dates in every form the engine reads, pieces that look like them, and the figures around them.
PIECES = [
    "January 27", "Jan. 27, 2025", "27 January", "27th of January", "27  \n January", "December 2024", "May",
    "Sept. 3", "Dec", "2025-01-27", "2025/1/27", "27/01/2025", "27.01.2025", "1/27 (Mon)", "1/27（周一）",
    "2025年1月27日", "2025 年 1 月", "1月27日", "十二月二十五日", "二〇二五年一月", "12月", "3个月", "每月", "1 月",
    "去年", "last year", "this year's ", "Christmas", "Christmas Eve", "聖誕節", "平安夜", "民國114年", "in 2024",
    "2,048", "$5.6 million", "17%", "5.6", "3.1%", "5890億美元", "27", "1", "12", "of ", "th", "Monday",
    "DeepSeek", "Nvidia", "英偉達", " shares fell ", " on ", ", ", ". ", "。", "，", "; ", "\n", " ", "-", "/",
    "(", ")", "约", "近", "more than ", "from ", " to ", "至",
]
news = st.lists(st.sampled_from(PIECES), min_size=1, max_size=80).map("".join)
MONTH_SETS = [None, frozenset({12, 1, 2}), frozenset({1}), frozenset({5, 6, 7}), frozenset({11, 12, 1})]


def _whole(text: str, months) -> list:
    return [q for q in parse_quantities(text) if q.unit == "date" and month_of(q.value) in (months or range(1, 13))]


@SETTINGS
@given(news, st.sampled_from(MONTH_SETS))
def test_dates_equal_those_of_a_read_of_the_whole_text(text, months):
    assert parse_dates(text, months) == _whole(text, months)


def test_dates_of_the_fixtures_and_examples_equal_a_whole_read():
    paths = sorted(p for p in (*FIXTURES.rglob("*"), *(ROOT / "examples").rglob("*"))
                   if p.is_file() and p.suffix in (".md", ".txt", ".html"))
    assert paths
    for path in paths:
        try:
            text = read_document(str(path)).text
        except Exception:  # a fixture that is meant not to read (an unreadable encoding)
            continue
        for months in MONTH_SETS:
            assert parse_dates(text, months) == _whole(text, months), (path, months)


def test_dense_random_text_equals_a_whole_read():
    rng = random.Random(13)
    for _ in range(40):
        text = "\n\n".join("".join(rng.choice(PIECES) for _ in range(rng.randint(20, 150))) for _ in range(5))
        for months in MONTH_SETS:
            assert parse_dates(text, months) == _whole(text, months)


@pytest.mark.parametrize(("text", "months", "values"), [
    ("Shares fell 17% on January 27, 2025, after 3 months.", None, ["2025-01-27"]),
    ("2025年1月27日，股價下跌17%；3个月后回升。", frozenset({1}), ["2025-01-27"]),
    ("On 27th of January the index lost 3%; in 2024 it rose.", frozenset({12, 1, 2}), ["--01-27"]),
    ("On 27th of January the index lost 3%.", frozenset({5, 6, 7}), []),
    ("Sales rose in 2024 and again in May 2025.", None, ["2025-05"]),
])
def test_dates_named_and_months_kept(text, months, values):
    assert [q.value for q in parse_dates(text, months)] == values


def test_a_run_on_stretch_of_figures_is_read_as_the_whole_read_reads_it():
    # More places than the reader takes in one stretch with no sentence break: it skips the rest, and so
    # must parse_dates.
    text = "1%" * 300 + " January 27 " + "2%" * 10
    assert parse_dates(text) == _whole(text, None)


# A read of spans needs no margin after a hard stop (scan._margin_start): what it finds there must be what a
# read with the margin finds, with web addresses, brackets, rates and ranges across lines about.
STOPS = PIECES + ["。", "！", "？", "!", "?", "（注。）", "(note!)", "每百万个token（注：按标准。）", "每月",
                  "from 5\nto 6", "5 to\n6", "http://x.com/a?b=5", "www.x.com/5", "+0.5%", "-3%", "up to ", "以上"]


@SETTINGS
@given(st.lists(st.sampled_from(STOPS), min_size=1, max_size=100).map("".join), st.randoms(use_true_random=False))
def test_a_read_after_a_hard_stop_equals_one_with_a_margin(monkeypatch, text, rnd):
    stops = [i + 1 for i, c in enumerate(text) if c in "。！？!?"] + [len(text)]
    cuts = sorted(set(rnd.sample(stops, min(len(stops), rnd.randint(2, 6)))))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    found = parse_quantities(text, spans=spans)
    with monkeypatch.context() as m:
        m.setattr(dsfact.numbers.scan, "_HARD_STOPS", frozenset())
        assert found == parse_quantities(text, spans=spans)


def test_a_texts_dates_read_once_give_each_months_own_read(bundled_registry):
    from dsfact.matching import TextMatcher
    from dsfact.matching.undated import text_dates

    text = ("On January 27, 2025 Nvidia fell 17%. By 3 February it had recovered; on Dec. 31 it closed higher. "
            "2025年1月28日，英伟达反弹8.9%；2月3日再跌。")
    for first in (None, frozenset({12, 1, 2})):
        m = TextMatcher(text, bundled_registry)
        text_dates(m, first)  # the wider read first: the narrower ones come from it
        for months in (frozenset({1, 2}), frozenset({12}), frozenset({1, 2, 12}), None):
            if first is not None and months is None:
                continue
            assert [(x.start, x.end, x.value) for x in text_dates(m, months)] == \
                [(x.start, x.end, x.value) for x in parse_dates(text, months)]
    assert len(text_dates(TextMatcher(text, bundled_registry), frozenset({1}))) >= 2
    other = TextMatcher("On March 3, 2025 the index fell 2%.", bundled_registry)  # a second text: its own dates
    for m, source in ((other, "On March 3, 2025 the index fell 2%."), (TextMatcher(text, bundled_registry), text)):
        for months in (frozenset({3}), frozenset({1, 2}), None, frozenset({3})):
            assert [(x.start, x.end, x.value) for x in text_dates(m, months)] == \
                [(x.start, x.end, x.value) for x in parse_dates(source, months)]

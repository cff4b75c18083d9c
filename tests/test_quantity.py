"""The comparison rules: precision as written, qualifiers, directions, units, dates."""
import pytest

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN, UP_TO, Per, Quantity, Statement
from dsfact.quantity import agrees, convert_value, dates_agree, fill_date, format_value, precision_of, span_of


def q(value, unit="USD", precision=None, qualifier=None, high=None, per=None, direction=None):
    return Quantity(text=str(value), start=0, end=1, value=value, unit=unit, qualifier=qualifier,
                    precision=precision, high=high, per=per, direction=direction)


def st(value, unit="USD", precision=None, qualifier=None, high=None, direction=None):
    return Statement(source="s", value=value, quote="", unit=unit, qualifier=qualifier, high=high,
                     direction=direction, precision=precision)


@pytest.mark.parametrize("text_q, statement, expected", [
    # rounding as written: 5.6 million agrees with 5,576,000
    (q(5.6e6, precision=1e5), st(5576000, precision=1000), True),
    (q(6.5e6, precision=1e5), st(5576000, precision=1000), False),
    # a truncated source figure (550萬 for 5,576,000) still agrees with the exact one
    (q(5576000, precision=1000), st(5.5e6, precision=1e5), True),
    (q(5.6e6, precision=1e5), st(5.5e6, precision=1e5), True),
    # two thousand, written round, agrees with 2,048; 4,096 does not
    (q(2048, "count", 1), st(2000, "count", 100), True),
    (q(4096, "count", 1), st(2000, "count", 100), False),
    # qualifiers on the source side
    (q(2048, "count", 1), st(2000, "count", 100, MORE_THAN), True),
    (q(5000, "count", 1), st(2000, "count", 100, MORE_THAN), False),
    (q(53, "day", 1), st(50, "day", 1, MORE_THAN), True),
    (q(45, "day", 1), st(50, "day", 1, MORE_THAN), False),
    (q(5.576e6, precision=1000), st(6e6, precision=1e5, qualifier=LESS_THAN), True),
    # qualifiers on the text side: nearly 17% agrees with 16.97%
    (q(17, "pct", 1, APPROXIMATELY), st(16.97, "pct", 0.01), True),
    (q(27, "pct", 1), st(17, "pct", 1, APPROXIMATELY), False),
    (q(6e11, precision=1e10, qualifier=APPROXIMATELY), st(5.89e11, precision=1e9), True),
    (q(6.14e11, precision=1e9, qualifier=UP_TO), st(6.143e11, precision=1e8), True),
    # a single-digit round figure is not a licence: 200,000 is not 十萬
    (q(200000, "count", 10000), st(100000, "count", 10000), False),
    (q(2e8, precision=1e7), st(1e8, precision=1e7, qualifier=APPROXIMATELY), False),
    # ranges
    (q(800000, "count", 10000), st(700000, "count", 10000, high=1000000), True),
    (q(1.3e6, "count", 1e5), st(700000, "count", 10000, high=1000000), False),
])
def test_agreement(text_q, statement, expected):
    assert agrees(text_q, statement) is expected


def test_direction_is_kept():
    assert agrees(q(0.2, "pct", 0.1, direction="down"), st(0.2, "pct", 0.1, direction="up")) is False
    assert agrees(q(0.2, "pct", 0.1, direction="up"), st(0.2, "pct", 0.1, direction="up")) is True
    assert agrees(q(0.2, "pct", 0.1), st(0.2, "pct", 0.1, direction="up")) is True


def test_units_must_match_or_convert():
    assert agrees(q(5.6e6, "EUR", 1e5), st(5.6e6, "USD", 1e5)) is None
    assert agrees(q(5, "pct", 1, APPROXIMATELY), st(0.05, "ratio", None, APPROXIMATELY)) is True
    assert convert_value(q(5, "pct"), "ratio") == pytest.approx(0.05)
    assert convert_value(q(5, "count"), "USD") is None


def test_rates_compare_per_the_same_amount():
    per_million = Per(1e6, "token")
    price = st(0.14, precision=0.01)
    assert agrees(q(0.14, precision=0.01, per=per_million), price, per_million) is True
    # 0.00014 per thousand tokens is the same price
    assert agrees(q(0.00014, precision=0.00001, per=Per(1000, "token")), price, per_million) is True
    assert agrees(q(0.41, precision=0.01, per=per_million), price, per_million) is False


def test_dates():
    assert dates_agree("--12-25", "2024-12-25")
    assert not dates_agree("--12-25", "2024-12-27")
    assert dates_agree("2023-05", "2023-05")
    assert not dates_agree("2015", "2023-05")
    assert fill_date("--12-25", "2024-12-27") == "2024-12-25"
    assert agrees(q("--12-25", "date"), st("2024-12-27", "date")) is False
    assert agrees(q("2024-12-25", "date"), st("2024-12-25", "date")) is True


def test_span_of_qualifiers():
    lo, hi = span_of(50, 1, MORE_THAN)
    assert lo == 50 and hi >= 60
    lo, hi = span_of(6e6, 1e5, LESS_THAN)
    assert hi == 6e6 and lo <= 5e6
    lo, hi = span_of(17, 1, APPROXIMATELY)
    assert lo < 16.97 < hi


@pytest.mark.parametrize("value, expected", [
    (5576000.0, 1000.0), (2000.0, 100.0), (2048.0, 1.0), (5.6e6, 1e5), (0.14, 0.01), (100000.0, 10000.0),
])
def test_precision_of_registry_values(value, expected):
    assert precision_of(value) == pytest.approx(expected)


def test_format_value_reads_like_a_person_writes():
    assert format_value(5.6e6, "USD", APPROXIMATELY) == "~$5.6 million"
    assert format_value(2000, "count", MORE_THAN) == ">2,000"
    assert format_value(3.5, "pct", direction="down") == "−3.5%"
    assert format_value(0.125, "ratio") == "1/8"
    assert format_value(700000, "count", high=1000000) == "700,000–1 million"
    assert format_value("2024-12-25", "date") == "2024-12-25"


@pytest.mark.parametrize("text, digits", [
    ("$5.6 million", 2), ("$6 million", 1), ("2,000", 1), ("2,048", 4), ("0.14", 2), ("7.50", 3),
    ("557.6萬美元", 4), ("十萬", 1), ("七十萬張", 1), ("三百二十億", 2), ("1/8", 1),
])
def test_significant_digits(text, digits):
    from dsfact.quantity import significant_digits

    assert significant_digits(text) == digits


def test_round_figures_are_read_to_ten_per_cent():
    six = Quantity(text="$6 million", start=0, end=10, value=6e6, unit="USD", precision=1e5)
    assert agrees(six, st(5576000, precision=1000)) is True
    assert agrees(six, st(6.7e6, precision=1e5)) is False
    ninety = Quantity(text="90%", start=0, end=3, value=90, unit="pct", precision=1)
    assert agrees(ninety, st(98, "pct", 1)) is False  # percentages are not round figures


def test_bounds_in_the_text_are_taken_at_their_word():
    over = Quantity(text="100,000", start=0, end=7, value=100000, unit="count", precision=1000, qualifier=MORE_THAN)
    assert agrees(over, st(240000, "count", 10000)) is True  # "more than 100,000" is true of 240,000
    assert agrees(over, st(990000, "count", 10000)) is True  # and of anything short of ten times it,
    assert agrees(over, st(1000000, "count", 10000)) is False  # not of a million: a bound sits near its value
    over_20m = Quantity(text="20 million", start=0, end=10, value=2e7, unit="gpu_hour", precision=1e6,
                        qualifier=MORE_THAN)
    assert agrees(over_20m, st(2e8, "gpu_hour")) is False  # a slip of scale, though 200 million rounds to 180
    over_5000 = Quantity(text="5,000", start=0, end=5, value=5000, unit="count", precision=1000, qualifier=MORE_THAN)
    assert agrees(over_5000, st(2000, "count", 100, MORE_THAN)) is False  # 二千多 is 2,000 to 3,000
    under = Quantity(text="$5 million", start=0, end=10, value=5e6, unit="USD", precision=1e5, qualifier=LESS_THAN)
    assert agrees(under, st(5576000, precision=1000)) is False


def test_a_range_is_read_by_its_ends_against_a_top():
    def rng(lo, hi):
        return Quantity(text="", start=0, end=1, value=lo, unit="USD", precision=1e9, high=hi)

    top = st(65e9, precision=1e9, qualifier=UP_TO)  # "as much as $65 billion"
    assert agrees(rng(60e9, 65e9), top, written=True) is True
    assert agrees(rng(60e9, 85e9), top, written=True) is False  # 65 lies between ends that each say otherwise
    assert agrees(rng(0.0, 65e9), top, written=True) is True  # a range from zero is read, not a crash
    assert agrees(rng(560e9, 600e9), st(589e9, precision=1e9), written=True) is True  # around a point: a hedge

"""Hostile input to the numbers engine (issue 10): linear time on long runs of figures, and separators
read as a person reads them."""
import time

import pytest

from dsfact.numbers import parse_quantities

MB = 1_000_000
CEILING = 20.0  # seconds for 1 MB: generous for a loaded machine; a quadratic or slow per-figure read takes minutes


def _best(text: str, runs: int = 5) -> float:
    """The least CPU time of a few reads (CPU time, and the least of it: robust on a loaded machine)."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        parse_quantities(text)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("unit", ["1%", "January 1, 2024 ", "1,"])
def test_a_megabyte_of_one_figure_repeated_reads_in_linear_time(unit):
    parse_quantities("5萬")  # compile the patterns first
    one = unit * (MB // len(unit))
    t1 = _best(one)
    assert t1 < CEILING, f"{t1:.1f} s for 1 MB of {unit!r}"
    t2 = _best(one + one)
    # Doubling the input at most about doubles the time (a little slack for timer noise on tiny times).
    assert t2 <= 2.2 * t1 + 0.1, f"1 MB: {t1:.3f} s, 2 MB: {t2:.3f} s for {unit!r}"


def test_figures_in_an_ordinary_sentence_are_all_read():
    text = "Prices rose " + ", ".join(f"{i}%" for i in range(1, 101)) + " over the years."
    assert [q.value for q in parse_quantities(text)] == [float(i) for i in range(1, 101)]


@pytest.mark.parametrize("text", ["4，096 GPUs", "４，０９６ GPUs", "4\u00a0096 GPUs", "4\u2009096 GPUs",
                                  "4\u202f096 GPUs"])
def test_a_thousands_separator_is_read_as_a_person_reads_it(text):
    got = parse_quantities(text)
    assert [(q.value, q.unit) for q in got] == [(4096.0, "count")]
    assert got[0].text == text[:5]  # the span covers the whole figure, separator and all


def test_a_no_break_space_in_a_big_figure_and_in_money():
    got = parse_quantities("1\u00a0000\u00a0000 users paid $5\u202f600 each")
    assert [(q.value, q.unit) for q in got] == [(1_000_000.0, "count"), (5600.0, "USD")]


@pytest.mark.parametrize("text, values", [
    ("2048，1000", [2048.0, 1000.0]),  # not a group of three: a clause break
    ("分别为3，4，5家", [3.0, 4.0, 5.0]),
    ("in 2024\u00a0100 companies", [100.0]),  # a year is not the first group of a figure
])
def test_a_separator_outside_a_grouped_figure_still_separates(text, values):
    assert [q.value for q in parse_quantities(text) if q.unit != "date"] == values

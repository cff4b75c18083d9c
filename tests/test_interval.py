"""One interval rule: what a written figure stands for is computed by numbers.interval.span_of for check,
compare and audit alike; where audit reads more strictly it says so with options."""
from itertools import permutations

import pytest

from dsfact import audit, compare, verdict
from dsfact.model import APPROXIMATELY, Statement
from dsfact.numbers.interval import input_span, span_of, statement_span
from dsfact.registry import load_registry


def _st(value, precision, qualifier=None, unit="USD", below=False, high=None):
    return Statement(source="s", value=value, quote="", unit=unit, qualifier=qualifier, precision=precision,
                     below=below, high=high)


def _close(a, b):
    return all(abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1) for x, y in zip(a, b))


def test_five_point_six_million_differs_only_by_truncation():
    st = _st(5.6e6, 1e5)
    assert _close(statement_span(st), (5.55e6, 5.7e6))  # check and compare: it may be cut short
    assert _close(input_span(st)[1:], (5.55e6, 5.65e6))  # audit: rounded only
    assert _close(span_of(5.6e6, 1e5, None, truncate=False), input_span(st)[1:])


def test_about_six_million_differs_only_by_the_spread_on_a_round_figure():
    st = _st(6e6, 1.2e6, APPROXIMATELY)  # a round figure: half its digit either way (narrower than ten per cent)
    assert _close(statement_span(st), (5.2e6, 6.8e6))
    assert _close(input_span(st)[1:], (5.5e6, 6.5e6))
    assert _close(span_of(6e6, 1.2e6, APPROXIMATELY, round_spread=False), (5.5e6, 6.5e6))


def test_a_round_figure_is_read_to_half_its_digit_when_narrower_than_ten_per_cent():
    assert _close(span_of(6e11, 1.2e11, None), (5.5e11, 6.5e11))  # never $500 billion's 450 to 550
    assert _close(span_of(2000.0, 400.0, None), (1800.0, 2200.0))  # ten per cent is narrower than 1,500 to 2,500
    assert _close(span_of(5e11, 1e12, None), (0.0, 1e12))  # "half a trillion": its digit is the trillion's


def test_nearly_is_read_from_below_by_every_caller():
    st = _st(17.0, 1.0, APPROXIMATELY, unit="pct", below=True)
    assert statement_span(st)[0] == input_span(st)[1] == 16.5
    assert statement_span(st)[1] == pytest.approx(17.0) == input_span(st)[2]


def _pairs():
    registry = load_registry(use_cache=False)
    for claim in registry.claims:
        numbers = [s for s in claim.statements if not isinstance(s.value, str)]
        for a, b in permutations(numbers, 2):
            if a.unit == b.unit:
                yield claim, a, b


def test_check_compare_and_audit_agree_on_every_pair_of_the_bundled_registry():
    """With the same options (a statement read as check reads a source), check's notion of two
    statements agreeing (verdict's overlap), compare's (a pair that does not differ) and audit's (a
    same_as relation that is not inconsistent) are the same for every pair of statements of a claim."""
    pairs = list(_pairs())
    assert len(pairs) > 50
    differ = []
    for claim, a, b in pairs:
        check_says = verdict._overlap(a, b)
        compare_says = compare.compare_pair(b, a, claim).kind in (compare.AGREE, compare.WITHIN_ROUNDING)
        lo, hi = statement_span(a)
        judged = audit.judge(audit.Value(float(a.value), lo, hi, a.unit, "", ()), b)
        audit_says = judged[0] != audit.INCONSISTENT
        if not check_says == compare_says == audit_says:
            differ.append((claim.id, a.value, b.value, check_says, compare_says, audit_says))
    assert not differ


def test_audit_is_stricter_only_where_its_options_say():
    """Audit reads its inputs without truncation or extra spread: where that changes "agree", reading
    the input with check's options restores check's answer."""
    for _claim, a, b in _pairs():
        strict = audit.judge(audit.Value(*input_span(a), a.unit, "", ()), b)[0] != audit.INCONSISTENT
        if strict != verdict._overlap(a, b):
            assert not strict  # stricter, never looser
            assert input_span(a)[1:] != statement_span(a)  # and only because the options differ

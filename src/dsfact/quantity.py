"""Kept for imports: how two figures compare now lives in dsfact.numbers.quantity, and the interval a
written figure stands for in dsfact.numbers.interval."""
from __future__ import annotations

from dsfact.numbers.quantity import (  # noqa: F401
    APPROX_SPREAD,
    BOUND_SPREAD,
    CONVERTIBLE,
    RELATIVE_FLOOR,
    ROUND_FIGURE,
    ROUNDED_UNITS,
    agrees,
    convert_value,
    dates_agree,
    fill_date,
    format_value,
    per_words,
    precision_of,
    round_figure_precision,
    same_digits,
    same_reading,
    significant_digits,
    slipped_scale,
    span_of,
    statement_span,
    whole_count,
)

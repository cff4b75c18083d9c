"""Read the figures in English and Chinese (Traditional and Simplified) news text.

`parse_quantities(text)` returns `Quantity` objects in text order, each with its code-point span in
the text it was given, never overlapping. The reader scans a working copy of the text of the same
length: full-width digits and signs become ASCII and the Traditional characters the patterns need
become Simplified, one character for one, so every offset in the copy is an offset in the original.
At each place a figure can start (a digit, a currency sign, a Chinese numeral, an English number
word or month, 每, Christmas) it tries in turn: dates; things that only look like amounts (model and
index names, stock codes, citations, times, versions, ordinals, bare years); ratios; and amounts with
their scale, unit, rate, range, qualifier and direction. A place where nothing is read is skipped
as a whole run, so the scan stays linear on any input.

What comes out:
- value: a float in the unit's own terms (5.6 million USD is 5600000.0, 17% is 17.0, 1/8 is 0.125);
  for unit "date" an ISO string ("2024-12-27", "2023-05", "2025", or "--12-25" without a year).
- unit: USD EUR HKD CNY TWD JPY GBP (and a few more codes), 元 (yuan or NT dollars, unsaid), pct,
  pp, bp, count, day, week, month, year, hour, minute, second, gpu_hour, point, factor, ratio, W, Wh,
  token, GB and other measures, date.
- qualifier: approximately, more than, less than, up to, or None (高達, as low as: as stated).
- precision: the place of the last significant digit, in the units of value (written decimals
  count; integers never claim fewer than two significant digits); None for dates and ratios.
- direction: "up"/"down" for pct, pp, bp, point and currency amounts when the words say so.
- high and per for ranges and rates.

The package, by concern: numerals.py (Arabic, full-width and Chinese numerals, English number words),
amounts.py and units.py (scale words, currencies, units, rates), ranges.py, dates.py, context.py
(qualifiers and directions), triggers.py and fractions.py (what a place holds, and what only looks
like an amount), patterns.py (the regular expressions, compiled on first use), scan.py (the driver).

Standard library only; nothing is compiled or read at import.
"""
from __future__ import annotations

from dsfact.numbers.scan import parse_quantities, quantity_to_dict

__all__ = ["parse_quantities", "quantity_to_dict"]  # and dsfact.numbers.date_spans.parse_dates, imported where used

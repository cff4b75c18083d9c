"""Constants of the numbers engine: the kinds of unit the scanner treats alike and the qualifier kinds of
its own. The words of a language (qualifiers,
directions, number and scale words, months, currencies, units, measures, rate nouns, names, the Traditional
characters read as Simplified) are data: see
dsfact/lang/numbers.words and words.py."""
from __future__ import annotations

_NEUTRAL = "none"  # a qualifier word that says the figure is as stated (高達, as low as)
_NEARLY = "nearly"  # approximately, and from below: "nearly 17%" is just under 17 (Quantity.below)
_FAR_MORE = "far more than"  # a bound said to be far from its value: "well over" (Quantity.far)
_FAR_LESS = "far less than"  # "well under", 远低于
_AT_LEAST = "at least"  # a bound that holds its own figure: "at least $6 million", "$6 million or more" (Quantity.inclusive)

_MOVES = frozenset(("pct", "pp", "bp", "point"))  # units whose stated moves carry a direction
_DURATIONS = frozenset(("year", "month", "week", "day", "hour", "minute", "second"))
_NO_PER = frozenset(("date", "pct", "pp", "bp", "ratio", "factor", "year", "month", "day", "hour",
                     "minute", "second", "week"))


"""A figure its words bind to a claim whose value is the claim's own figure with a scale word slipped: judged,
whatever the text's time says.

dsfact.matching.doubt.doubts_time leaves a figure that disagrees with its claim unjudged when the text may tell
another day or state than the claim's: written a year later (a plan may have been revised), naming a later model
of the maker (its cost may be that model's), or a story of a session no word places on the claim's day. The value
decides there, and rightly: a figure that agrees is the claim's, one that differs may be another day's. Such a
doubt is asked of every figure that disagrees, so a figure far from its claim loses its verdict where the
claim's own figure in the same place would have been judged supported. Another day's or state's figure has a
value of its own; it does not give the claim's own digits at another power of ten. So a figure whose value is a
statement of its claim with a scale word or a zero slipped ("DeepSeek以5570萬美元訓練出" of 557.6萬, "Meta plans
to deploy 1.3 billion GPUs" of 1.3 million, "wiped $589 million off Nvidia's market value" of $589 billion,
市值蒸發5890萬美元) states that claim as firmly as the claim's figure would: the time doubt yields, and it is
judged. Two things keep the doubt:

- the figure's own words (doubt._said_other: a part, a share, another quantity, another body's thing, "the day
  before"): a tranche of a plan may be a thousandth of it;
- a time word in its sentence that does not fit the claim's time ("in 2026", "on Tuesday", 去年): the words, not
  the value, place it elsewhere.

A slip keeps the claim's digits: at least two of them for a scale word (a thousand or ten thousand times:
million for billion, 萬 for 億), three for a zero (ten or a hundred times: 5570萬 for 557萬), so that "$1
billion" is no slip of a $1 million figure; a percentage has no zero slipped ("fell 1.69%" may be another day's
move beside a fall of 16.9%). Asked only of a figure a time doubt would silence: a ratio first, the words only of
a slip. (dsfact.quantity.same_digits, which dsfact.matching.magnitude reads, is looser: asked here, it would judge
another day's moves of two or three digits.)"""
from __future__ import annotations

import math

from dsfact.model import Claim, Quantity
from dsfact.numbers.quantity import convert_value

CLOSE = math.log10(1.02)  # a slip keeps the claim's digits: within 2% of a statement after the power of ten
_DIGITS = {1: 3, 2: 3, 3: 2, 4: 2}  # powers of ten a slip moves by -> the digits the figure must give (a zero; a scale)


def slipped_scale(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q's value is a statement of claim with a scale word or a zero slipped (module docstring) and
    no time word of its sentence places it off the claim's time (`text`: a TextMatcher)."""
    if not _slipped(q, claim):
        return False
    if not claim.time:
        return True
    from dsfact.matching.timefits import time_fits
    from dsfact.matching.timewords import time_tags

    sentence = text.sentences[text.sentence_of(q.start)]
    tags = tuple(time_tags(text.folded, sentence.start, sentence.end)) + tuple(text.reader().times(q))
    return time_fits(claim.time, tags, text.year, text.day)


def _slipped(q: Quantity, claim: Claim) -> bool:
    """Whether q's value is a statement of claim moved by a power of ten (one to four) that keeps its digits."""
    if isinstance(q.value, str) or not q.value or q.high is not None or q.per is not None or claim.per is not None:
        return False
    unit = q.unit if any(st.unit == q.unit for st in claim.statements) else claim.unit
    value = convert_value(q, unit)
    if not value:
        return False
    digits = len(f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0"))
    for st in claim.statements:
        if (st.unit or claim.unit) != unit or not isinstance(st.value, (int, float)) or not st.value:
            continue
        ratio = math.log10(abs(value) / abs(st.value))
        tens = round(ratio)
        if abs(tens) in _DIGITS and abs(ratio - tens) < CLOSE and digits >= _DIGITS[abs(tens)] \
                and (abs(tens) > 2 or unit != "pct"):  # (a move of another day: "fell 1.69%" beside 16.9%)
            return True
    return False

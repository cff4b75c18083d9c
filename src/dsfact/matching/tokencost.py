"""The cost of a count of tokens, not a price per million: "A typical 1,000-token answer from R1 costs about
$0.002", "一次1000个token的回答成本约0.016元". A sum of money with no rate base of its own, in a sentence that counts
tokens in another amount than a claim's base (its `per`) before it, is what that many tokens cost: it states no price per
million tokens. A count of the base itself ("处理100万个token只需16元") is the price told another way, and judged. In
a table, only the figure's own cell, its row's label and its column's header are read: another column's count of
tokens (a context length, a maximum output) is no base of the price beside it."""
from __future__ import annotations

from dsfact.matching.memo import LastText
from dsfact.numbers.words import is_money


def nothing_charged(q) -> bool:
    """Whether money figure q is zero ("$0 (retired)" in a price table, "0元"): nothing charged, which states
    no amount a claim records (every registered sum is above zero)."""
    return q.value == 0 and is_money(q.unit)


_COUNTED = LastText()  # the figure reader last asked about -> (figure's start, base unit, base amount) -> counted_cost


def counted_cost(text, q, claim) -> bool:
    """Whether money figure q (no `per`) follows, in its sentence, a count of claim.per's unit in another amount
    ("For a 1,000-token answer, R1 costs about $0.002"), or stands in a table cell whose row's label or column's
    header counts one ("| Cost per 1B tokens | $140 |": what a billion tokens cost, no price per million).
    Said once per figure and base: the claims of a figure's unit mostly share one base (a million tokens), and
    each is asked of it (TextMatcher._fits)."""
    if not text._quantities:
        return False  # (no figure read: none counts anything)
    per = claim.per
    unit = per.unit.lower()
    said = _COUNTED.of(text.reader())  # (made anew with the figures it reads: TextCues.use)
    key = (q.start, unit, per.amount)
    found = said.get(key)
    if found is None:
        found = said[key] = _counted_cost(text, q, unit, per.amount)
    return found


def _counted_cost(text, q, unit: str, amount) -> bool:
    from dsfact.matching.tables import cell_spans

    sentence = text.sentences[text.sentence_of(q.start)]
    cells = cell_spans(text, q)
    start = sentence.start
    if cells:  # a row read as one sentence: another cell's count ("| 8K | $1.10 |" under "Max Output Tokens") is
        start = max(start, text.text.rfind("|", 0, q.start) + 1)  # another column's, not the price's base
    spans = [(start, q.start), *filter(None, cells or ())]  # a table's "| Cost per 1B tokens |"
    return any(x.unit.lower() == unit and x.per is None and x.value != amount
               for a, b in spans for x in text.figures_in(a, b))

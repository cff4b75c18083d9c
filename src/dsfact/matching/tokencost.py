"""The cost of a count of tokens, not a price per million: "A typical 1,000-token answer from R1 costs about
$0.002", "一次1000个token的回答成本约0.016元". A sum of money with no rate base of its own, in a sentence that counts
tokens in another amount than a claim's base (its `per`) before it, is what that many tokens cost: it states no price per
million tokens. A count of the base itself ("处理100万个token只需16元") is the price told another way, and judged."""
from __future__ import annotations

from dsfact.numbers.words import is_money


def nothing_charged(q) -> bool:
    """Whether money figure q is zero ("$0 (retired)" in a price table, "0元"): nothing charged, which states
    no amount a claim records (every registered sum is above zero)."""
    return q.value == 0 and is_money(q.unit)


def counted_cost(text, q, claim) -> bool:
    """Whether money figure q (no `per`) follows, in its sentence, a count of claim.per's unit in another amount
    ("For a 1,000-token answer, R1 costs about $0.002"), or stands in a table cell whose row's label or column's
    header counts one ("| Cost per 1B tokens | $140 |": what a billion tokens cost, no price per million)."""
    from dsfact.matching.tables import cell_spans

    per = claim.per
    sentence = text.sentences[text.sentence_of(q.start)]
    unit = per.unit.lower()
    spans = [(sentence.start, q.start), *filter(None, cell_spans(text, q) or ())]  # a table's "| Cost per 1B tokens |"
    return any(x.unit.lower() == unit and x.per is None and x.value != per.amount
               for a, b in spans for x in text.figures_in(a, b))

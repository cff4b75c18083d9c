"""A blended price: "can I use DeepSeek V3 at $1.37/million?" beside "Claude Opus at $90/million" is what a
million tokens in and a million out cost together ($0.27 input + $1.10 output; $15 + $75), a figure a comparison
of models works out, not a misstated input or output price. A price per unit that equals an input price plus an
output price the registry lists for its claim's subject, per the same unit and in the same currency, may agree
with a claim but never contradicts it, unless its sentence or the one before, its lead or its table cells say
which one price it is ("每百万输出tokens收费20元", a list under "Output prices:"). Input and output are told by
the words of roles.words [slash-pair] (`before`, `after`, `words`) in a claim's metric and around the figure.
Read by dsfact.matching.doubt."""
from __future__ import annotations

from functools import lru_cache

from dsfact.fold import fold_text, has_han
from dsfact.model import Claim, Quantity

SUM_SLACK = 0.005  # the figure is the sum within this share of it (two decimals written out)


@lru_cache(maxsize=1)
def _pair_words() -> dict:
    from dsfact.lang import load_words
    from dsfact.matching.wordtables import Alternation

    table = load_words("roles").get("slash-pair", {})
    words = {key: tuple(table.get(key, ())) for key in ("before", "after", "words")}
    return {"before": Alternation(words["before"]), "after": Alternation(words["after"]),
            "any": Alternation(words["before"] + words["after"] + words["words"])}


_PRICES: dict = {}  # "registry": the registry they are of; (subject, per) -> _list_prices


def _list_prices(registry, claim: Claim) -> dict[tuple[str, str], list[float]]:
    """The list prices per the claim's unit of its subject, by (kind, currency): its claims' whose metric says
    an input price or an output price, and names no discount or promotional period (a promotion's input price
    and a list output price are no one bill). Worked out once per registry, subject and unit (folding every
    metric of the registry for each price that disagrees was most of blended_price's time); the dict is shared:
    callers do not change it."""
    if _PRICES.get("registry") is not registry:
        _PRICES.clear()
        _PRICES["registry"] = registry
    key = (claim.subject, claim.per)
    found = _PRICES.get(key)
    if found is None:
        found = _PRICES[key] = _read_prices(registry, claim)
    return found


def _read_prices(registry, claim: Claim) -> dict[tuple[str, str], list[float]]:
    from dsfact.matching.discounts import of_a_period

    words, out = _pair_words(), {}
    for c in registry.claims:
        if c.subject != claim.subject or c.per != claim.per:
            continue
        metric = fold_text(c.metric)
        kinds = [k for k in ("before", "after") if words[k].get(has_han(metric)).search(metric) is not None]
        if len(kinds) != 1 or of_a_period(metric):
            continue
        for st in c.statements:
            if isinstance(st.value, (int, float)) and st.high is None:
                out.setdefault((kinds[0], st.unit or c.unit), []).append(float(st.value))
    return out


def blended_price(text, q: Quantity, claim: Claim) -> bool:
    """Whether price q, bound to `claim` (a price per unit) by `text` (a TextMatcher), is an input price plus an
    output price of its subject's (_list_prices) in q's currency, with no word of its sentence, the one before,
    its lead or its table cells saying which one price it is."""
    if claim.per is None or not isinstance(q.value, (int, float)) or q.value <= 0:
        return False
    prices = _list_prices(text.registry, claim)
    inputs, outputs = prices.get(("before", q.unit), ()), prices.get(("after", q.unit), ())
    if not any(abs(x + y - q.value) <= SUM_SLACK * q.value for x in inputs for y in outputs):
        return False
    finder = _pair_words()["any"]
    return not any(finder.get(has_han(text.folded[a:b])).search(text.folded, a, b) for a, b in _own(text, q))


def _own(text, q: Quantity) -> list[tuple[int, int]]:
    """Where words that say which price q is may stand: its sentence and the one before it (a question it
    answers, "What does OpenAI charge for o1 output?"; a rate carried from the clause before, "R1 is billed at
    $2.19 per million output tokens, while o1 is billed at $75"), the lead line or headings over it, and its
    table row's label and column's header."""
    from dsfact.matching.tables import cell_spans

    si = text.sentence_of(q.start)
    spans = [(s.start, s.end) for s in text.sentences[max(0, si - 1):si + 1]]
    if text.structure is not None:
        spans += [(a, b) for a, b, _heading in text.structure.context_of(q.start)]
    return spans + [span for span in cell_spans(text, q) or () if span]

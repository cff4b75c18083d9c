"""What every figure of a sentence asks of the same name or the same base is worked out once per text and
remembered: the answers remembered are those worked out afresh, whichever figure asks first, and another text
(or another reading of its figures) is asked afresh."""
from __future__ import annotations

from dsfact.matching import present, tokencost
from dsfact.matching.matcher import TextMatcher
from dsfact.numbers import parse_quantities


def _matcher(text: str, registry, quantities=None):
    matcher = TextMatcher(text, registry)
    matcher.use(parse_quantities(text) if quantities is None else quantities)
    return matcher


_COUNTED = [
    "For a 1,000-token answer, R1 costs about $0.002, while its price is $2.19 per million tokens and o1 charges $60.",
    "一次1000个token的回答成本约0.016元，处理100万个token只需16元。",
    "| Model | Cost per 1B tokens |\n|---|---|\n| R1 | $140 |\n| o1 | $60 |\n",
    "DeepSeek charges $0.55 per million input tokens; an answer of 2,000 tokens costs $0.004 and one of 500 $0.001.",
]


def _asked(matcher, claims):
    return [(x.start, c.id) for x in matcher._quantities if x.per is None for c in claims if c.per is not None]


def test_a_counted_cost_is_the_one_worked_out_afresh_whichever_figure_asks_first(bundled_registry):
    claims = {c.id: c for c in bundled_registry.claims}
    said = []
    for text in _COUNTED:
        forward, backward = _matcher(text, bundled_registry), _matcher(text, bundled_registry)
        pairs = _asked(forward, claims.values())
        assert pairs
        figure = {x.start: x for x in forward._quantities}
        ahead = {(s, ci): tokencost.counted_cost(forward, figure[s], claims[ci]) for s, ci in pairs}
        behind = {(s, ci): tokencost.counted_cost(backward, figure[s], claims[ci]) for s, ci in reversed(pairs)}
        afresh = {(s, ci): tokencost._counted_cost(forward, figure[s], claims[ci].per.unit.lower(),
                                                   claims[ci].per.amount) for s, ci in pairs}
        assert ahead == behind == afresh
        said.extend(ahead.values())
    assert True in said and False in said  # the texts hold both answers


def test_a_counted_cost_is_asked_afresh_of_other_figures(bundled_registry):
    text = _COUNTED[0]
    claims = [c for c in bundled_registry.claims if c.per is not None]
    matcher = _matcher(text, bundled_registry)
    cost = next(x for x in matcher._quantities if x.per is None and x.value == 0.002)
    before = [tokencost.counted_cost(matcher, cost, c) for c in claims]
    assert any(before)  # "1,000-token" counts tokens before the $0.002
    matcher.use([cost])  # the figures read anew without the count: nothing counts tokens before it now
    assert not any(tokencost.counted_cost(matcher, cost, c) for c in claims)
    matcher.use([])
    assert not any(tokencost.counted_cost(matcher, cost, c) for c in claims)


_PRESENT = [
    "Stargate announced at the White House with President Trump a plan to invest $500 billion, starting with "
    "$100 billion, alongside SoftBank, in 2025.",
    "星际之门在白宫与特朗普一同宣布投资5000亿美元，首期1000亿美元。",
    "OpenAI said with Oracle that it will spend $300 billion, and Nvidia rose 5% with Broadcom up 3%.",
]


def _pairs(matcher):
    for q in matcher._quantities:
        si = matcher.sentence_of(q.start)
        for hit in matcher.sentence_hits(si):
            yield q, hit, si


def test_a_name_present_at_an_announcement_is_the_one_worked_out_afresh(bundled_registry):
    said = []
    for text in _PRESENT:
        forward, backward = _matcher(text, bundled_registry), _matcher(text, bundled_registry)
        ahead = [present.present_only(forward, q, hit, si) for q, hit, si in _pairs(forward)]
        behind = [present.present_only(backward, q, hit, si) for q, hit, si in reversed(list(_pairs(backward)))]
        afresh = [present.present_only(_matcher(text, bundled_registry), q, hit, si) for q, hit, si in _pairs(forward)]
        assert ahead == behind[::-1] == afresh
        said.extend(ahead)
    assert True in said and False in said  # the texts hold both answers


def test_what_a_name_is_asked_belongs_to_its_text(bundled_registry):
    first = _matcher(_PRESENT[0], bundled_registry)
    q, hit, si = next((q, hit, si) for q, hit, si in _pairs(first) if present.present_only(first, q, hit, si))
    assert present._present_subjects(first, hit, si) is present._present_subjects(first, hit, si)  # remembered
    # the same place in another text, where no phrase of place governs a name there: asked afresh
    other = _matcher("x" * hit.start + "Trump" + " said it will invest $500 billion.", bundled_registry)
    assert not present._present_subjects(other, hit, 0)

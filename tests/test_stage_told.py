"""stages.stage_cost reads what a figure's clause tells once per figure (kept on the text), and the claim's own metric
per claim: the answer for one claim must not be kept for another, nor for another text's figure at the same offset."""
from __future__ import annotations

import pathlib
from types import SimpleNamespace

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_a_stage_cost_is_judged_per_claim_and_per_text():
    from dsfact.matching.matcher import TextMatcher
    from dsfact.matching.stages import stage_cost
    from dsfact.numbers import parse_quantities
    from dsfact.registry import load_registry

    registry = load_registry(ROOT / "data" / "claims.yaml")
    whole = SimpleNamespace(unit="USD", metric="training cost of the final training run")
    stage = SimpleNamespace(unit="USD", metric="cost of context extension")

    def asked(sentence, claims):
        text = TextMatcher(sentence, registry)
        figures = parse_quantities(sentence)
        text.use(figures)
        q = next(x for x in figures if x.unit == "USD")
        return [stage_cost(text, q, c) for c in claims]

    staged = "Context extension cost $238,000."
    assert asked(staged, [whole, stage]) == [True, False]
    assert asked(staged, [stage, whole]) == [False, True]
    assert asked("The whole run now cost $238,000.", [whole, stage]) == [False, False]  # the same offsets, another text

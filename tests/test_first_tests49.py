"""Questions the prefilter (dsfact.matching.prefilter.Bindable) asks once per text before it asks them of each
sentence: whether the text describes a claim at all (described.describes_any) and whether it opens a bracket
(glossdate.may_gloss). Where a text answers no, every sentence's own answer is empty; and the prefilter's claims
and spans are those it finds asking every sentence, over every sentence of tests/cases and texts of its own, in
both scripts."""
from __future__ import annotations

from case_texts import case_texts

from dsfact.matching import prefilter
from dsfact.matching.described import described_in, describes_any
from dsfact.matching.glossdate import glossed_claims, may_gloss
from dsfact.matching.matcher import TextMatcher

OWN = [
    "DeepSeek V3 (released December 26, 2024) was trained for $5.6 million.",
    "Nvidia lost $589 billion on Monday. Its shares fell 17%.",
    "The President revealed a private venture to build AI data centres, with $500 billion over four years.",
    "## Training cost\n\nThe model cost $5.6 million to train.",
    "深度求索（DeepSeek）于2024年12月26日发布V3，训练成本为557.6万美元。",
    "輝達週一市值蒸發5890億美元，股價下跌17%。",
]


def _texts() -> list[str]:
    return case_texts(OWN)


def test_a_text_that_answers_no_answers_no_for_each_sentence(bundled_registry):
    said = {"describes": 0, "glosses": 0}
    for text in _texts():
        matcher = TextMatcher(text, bundled_registry)
        describes, glosses = describes_any(matcher), may_gloss(matcher)
        said["describes"] += describes
        said["glosses"] += glosses
        for si in range(len(matcher.sentences)):
            if not describes:
                assert described_in(matcher, si) == frozenset(), text
            if not glosses:
                assert glossed_claims(matcher, si) == frozenset(), text
    assert said["describes"] and said["glosses"]  # (texts of both answers were read)


def test_the_prefilter_finds_what_asking_every_sentence_finds(bundled_registry, monkeypatch):
    texts = _texts()
    fast = [prefilter.Bindable(TextMatcher(text, bundled_registry)) for text in texts]
    monkeypatch.setattr(prefilter, "describes_any", lambda matcher: True)
    monkeypatch.setattr(prefilter, "may_gloss", lambda matcher: True)
    for text, found in zip(texts, fast):
        asked = prefilter.Bindable(TextMatcher(text, bundled_registry))
        assert (found.spans, found.claims) == (asked.spans, asked.claims), text

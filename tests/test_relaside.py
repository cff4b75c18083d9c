"""Relative asides (dsfact.matching.relaside): the spans of ", which ... ," clauses a sentence holds."""
from __future__ import annotations

import pytest

from dsfact.matching.relaside import relative_asides


@pytest.mark.parametrize("sentence, aside", [
    ("nvidia, which was worth more in 2024, fell 17% on monday.", ", which was worth more in 2024,"),
    ("nvidia, whose shares had tripled, fell.", ", whose shares had tripled,"),
    ("the lab — which few had heard of — said so.", " — which few had heard of —"),
    ("辉达,这家2024年市值一度全球第一的公司,周一暴跌17%", ",这家2024年市值一度全球第一的公司,"),
])
def test_an_aside_closed_in_the_sentence(sentence, aside):
    start = sentence.index(aside)
    assert relative_asides(sentence, 0, len(sentence)) == [(start, start + len(aside))]


@pytest.mark.parametrize("sentence", [
    "nvidia fell 17% on monday, which was its worst day since 2020.",  # never closed
    "the chips which deepseek used cost $25,000.",  # restrictive: no comma
    "nvidia, the chipmaker, fell 17%.",  # an apposition, not a relative clause
])
def test_no_aside(sentence):
    assert relative_asides(sentence, 0, len(sentence)) == []

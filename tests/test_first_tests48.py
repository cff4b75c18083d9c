"""First tests asked before a rule reads a figure's words: pertext.places_of / any_between (where a text's words of a
list begin, found once per text) before pledgedto.pledged_to and jointtotal.joint_total read a figure's names, a
mark that closes an aside before aside._described_before asks which aside, a "from" word before fromto.in_from_part
searches its "to" words. Each rule answers as it did without its first test (or, for in_from_part, as its frozen
old form below), over every sentence of tests/cases and a few of its own, in both scripts."""
from __future__ import annotations

import re

import pytest
from case_texts import case_texts

from dsfact.matching import aside, fromto, jointtotal, pledgedto
from dsfact.matching.matcher import TextMatcher
from dsfact.matching.pertext import any_between, places_of
from dsfact.numbers import parse_quantities

OWN = [
    "Two backers committed $19 billion to the venture, and Stargate will spend $500 billion.",
    "The lab put\n$40 billion into Stargate; its partners together added $10 billion.",
    "France and the EU jointly announced a €309 billion plan on Monday.",
    "软银将为星际之门出资190亿美元，甲骨文承诺向星际之门注资70亿美元。",
    "甲骨文承諾向星際之門注資70億美元，法國與歐盟共同宣布3090億歐元的投資計劃。",
    "Nvidia lost $589 billion on Monday.",
    "DeepSeek, whose app topped Apple's chart, said it spent $5.6 million on the run.",
    "V3 (which some compare with Claude) cost $5.6 million; V3 — the base R1 builds on — took 2,048 GPUs.",
    "英伟达，这家科技板块的龙头，市值蒸发5890亿美元；輝達（NVIDIA）股價下跌17%。",
    "The cost fell from $78 million for GPT-4o to just $5.6 million for V3.",
    "成本从ChatGPT的7800万美元降至560万美元。",
]


def _texts() -> list[str]:
    return case_texts(OWN)


def test_places_answer_for_their_own_text_and_span(bundled_registry):
    words = ("jointly", "together", "共同", "put")
    for text in (OWN[2], OWN[3], OWN[0], OWN[4]):  # a Latin text, a Chinese one, another of each: one process
        matcher = TextMatcher(text, bundled_registry)
        folded = matcher.folded
        assert places_of(matcher, "t", words) == sorted({i for w in words for i in range(len(folded))
                                                        if folded.startswith(w, i)})
        for start in range(-3, len(folded) + 1, 3):
            for end in range(start, len(folded) + 2, 5):
                assert any_between(matcher, "t", words, start, end) == any(
                    max(start, 0) <= i < end for i in places_of(matcher, "t", words))


@pytest.fixture
def ungated(monkeypatch):
    def use(on: bool) -> None:
        for module in (pledgedto, jointtotal):
            monkeypatch.setattr(module, "any_between", any_between if on else (lambda *_: True))
    return use


def test_the_rules_answer_as_without_their_first_test(bundled_registry, ungated):
    asked = told = 0
    for text in _texts():
        matcher = TextMatcher(text, bundled_registry)
        quantities = parse_quantities(text)
        matcher.use(quantities)
        for q in quantities:
            si = matcher.sentence_of(q.start)
            claims = range(len(bundled_registry.claims))
            ungated(True)
            gated = (pledgedto.pledged_to(matcher, q, si), [jointtotal.joint_total(matcher, q, ci) for ci in claims])
            ungated(False)
            plain = (pledgedto.pledged_to(matcher, q, si), [jointtotal.joint_total(matcher, q, ci) for ci in claims])
            assert gated == plain, (text, q)
            asked += 1
            told += bool(plain[0]) + any(plain[1])
    assert asked > 1000 and told >= 20  # the rules said something somewhere: the comparison is not empty


def _in_from_part_before(text, q, hit) -> bool:
    """fromto.in_from_part as it was before its "from" test came first (frozen)."""
    folded, reader = text.folded, text.reader()
    start = reader.clause_span(q.start)[0]
    if hit.start < start:
        return False
    to = None
    for m in fromto._words("words", reader._chinese).finditer(folded, max(hit.end, q.start - fromto._GAP), q.start):
        to = m
    if to is None or any(c.isdigit() for c in folded[to.end():q.start]):
        return False
    opened = list(fromto._words("before", reader._chinese).finditer(folded, start, hit.start)) \
        if fromto._may_open(folded, start, hit.start) else []
    if not opened:
        return False
    a = opened[-1].end()
    return any(a <= x.start and x.end <= to.start() and x.unit == q.unit for x in text.figures_in(a, to.start()))


def test_names_in_asides_and_from_parts_as_before(bundled_registry, monkeypatch):
    asked, told, marks = 0, set(), aside._ASIDE_CLOSE
    for text in _texts():
        quantities = parse_quantities(text)
        matchers = []
        for close in (marks, re.compile("")):  # the mark's test, then a test every span passes
            matcher = TextMatcher(text, bundled_registry)
            matcher.use(quantities)
            monkeypatch.setattr(aside, "_ASIDE_CLOSE", close)
            matchers.append([(aside._described_before(matcher, hit, q.start), fromto.in_from_part(matcher, q, hit),
                              _in_from_part_before(matcher, q, hit))
                             for q in quantities for hit in matcher.sentence_hits(matcher.sentence_of(q.start))])
        gated, plain = matchers
        assert gated == plain, text
        assert all(new == old for _, new, old in gated), text
        asked += len(gated)
        told.update(k for row in gated for k, said in enumerate(row[:2]) if said)
    assert asked > 5000 and told == {0, 1}  # each rule said yes somewhere: the comparison is not empty

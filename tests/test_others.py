"""Another body nearer a figure than its claim's subject (dsfact.matching.others; tests/cases/subject9.yaml
holds the sentences): a registered name that only modifies another body's noun, and a generic other party
between a subject and its figure. The words are language data, read from names.words."""
from __future__ import annotations

import pathlib
from collections import defaultdict

import pytest
import yaml
from conftest import rules_short_of_scripts

from dsfact.matching.others import heads_other

CASES = pathlib.Path(__file__).resolve().parent / "cases" / "subject9.yaml"


def _heads(folded: str, name: str) -> bool:
    start = folded.index(name)
    return heads_other(folded, start, start + len(name))


@pytest.mark.parametrize("folded, name", [
    ("the s&p 500 information-technology sector etf rose 2%", "s&p 500"),
    ("s&p 500 futures dropped overnight", "s&p 500"),
    ("deepseek's parent company was set up in 2015", "deepseek"),
    ("nvidia's biggest rivals lost ground", "nvidia"),
    ("deepseek 的母公司幻方量化创立于2015年", "deepseek"),
    ("标普500信息技术板块etf上涨超2%", "标普500"),
    ("纳指期货下跌4%", "纳指"),
    ("英伟达供应商跌幅达30%", "英伟达"),
    ("contracts for the s&p 500 fell 2.4%", "s&p 500"),
    ("futures tied to the tech-heavy nasdaq tumbled", "nasdaq"),
    ("s&p 500 e-minis were down 2.47%", "s&p 500"),
])
def test_a_name_that_modifies_another_bodys_noun(folded, name):
    assert _heads(folded, name)


@pytest.mark.parametrize("folded, name", [
    ("nvidia shares fell 17% on monday", "nvidia"),
    ("the s&p 500 index fell 1.5%", "s&p 500"),
    ("nvidia fell while rivals rose", "nvidia"),
    ("nvidia dropped and the sector fell", "nvidia"),
    ("标普500指数周一下跌1.5%", "标普500"),
    ("deepseek发布了超越对手的模型", "deepseek"),
    ("deepseek的训练成本仅为558万美元", "deepseek"),
    ("nvidia's rivalry with amd", "nvidia"),
    ("investors who signed contracts on monday sold the nasdaq", "nasdaq"),
    ("the s&p 500 fell 1.46% on monday", "s&p 500"),
    ("stargate's backers pledged $500 billion", "stargate"),
])
def test_a_name_that_heads_its_own_phrase(folded, name):
    assert not _heads(folded, name)


def test_the_words_are_language_data():
    from dsfact.lang import load_words

    tables = load_words("names")
    for section, key in (("other-head", "after"), ("other-head", "words"), ("other-party", "words"),
                         ("example", "words"), ("new-clause", "words")):
        words = tables[section][key]
        assert any(w.isascii() for w in words) and any(not w.isascii() for w in words) or section == "example"


def test_subject9_cases_cover_each_rule_in_three_scripts():
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    assert len(cases) >= 40
    assert not rules_short_of_scripts(cases)
    # every rule shows the claim's own figure still judged, and a wrong one still caught
    verdicts = defaultdict(set)
    for case in cases:
        verdicts[case["rule"]].add(case["expect"])
    assert all({"not judged", "supported", "contradicted"} <= seen for rule, seen in verdicts.items()
               if rule != "history-frame"), verdicts


_SHARED_NAME_REGISTRY = """\
version: 1
sources:
  - {id: wire, file: wire.txt, publisher: W, title: T, date: "2025-01-27", language: en}
claims:
  - id: X1
    topic: market
    subject: Acme Composite
    metric: fall
    unit: point
    cues: {subject: [Acme], metric: [fell]}
    statements:
      - {source: wire, value: 612, quote: "the Acme fell 612 points"}
  - id: X2
    topic: market
    subject: Acme Corp
    metric: fall
    unit: pct
    cues: {subject: [Acme], metric: [fell]}
    statements:
      - {source: wire, value: 3, quote: "Acme fell 3%"}
"""


def test_a_name_shared_by_an_index_and_a_company_is_judged_per_claim_whatever_the_order(tmp_path):
    """'Acme' names an index (X1, told in points) and a company (X2): "the Acme information technology index"
    is another index for X1's name, but not for X2's; the answer for one claim must not be kept for the other."""
    from dsfact.matching.matcher import TextMatcher
    from dsfact.matching.others import other_subject
    from dsfact.numbers import parse_quantities
    from dsfact.registry import load_registry

    (tmp_path / "wire.txt").write_text("Markets: the Acme fell 612 points. Acme fell 3%.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(_SHARED_NAME_REGISTRY, encoding="utf-8")
    registry = load_registry(tmp_path / "claims.yaml")
    sentence = "The Acme information technology index fell 2% on Monday."

    def asked(order):
        text = TextMatcher(sentence, registry)
        figures = parse_quantities(sentence)
        text.use(figures)
        return {(q.start, ci): other_subject(text, q, ci) for q in figures for ci in order}

    assert asked([0, 1]) == asked([1, 0])
    assert asked([0, 1])[(sentence.index("2%"), 0)]  # another index than X1's


@pytest.mark.parametrize("folded, at, party", [
    ("rivals lost ground", 0, True),
    ("rivals同样下跌", 0, True),  # a Chinese character closes a Latin word as a space does
    ("rivalsome lost", 0, False),  # a Latin word runs on: not the party's word
    ("对手下跌3%", 0, True),
    ("nvidia rose", 0, False),
])
def test_a_generic_partys_word_begins_at_an_offset(folded, at, party):
    from dsfact.matching.others import party_at

    assert party_at(folded, at) is party


def test_words_grouped_by_a_part_are_found_as_each_was_looked_for():
    from dsfact.matching import others

    tables = others._tables()
    words = ("the etf", "rivals", "同行", "a b", "x", "peers and rivals", "标普", "the the")
    texts = ["", "rivals and peers", "同行们 the etf a b", "x", "the", "a  b", "peers and rivals x 标", "the the"]
    for table in (words, tables["party"], tables["example"], tables["others"], tables["asset"], tables["opens-cjk"]):
        for folded in texts + [" ".join(table[::3])]:
            assert others._present(folded, table) == tuple(w for w in table if w in folded)
            assert others._asset_words(folded, table) == tuple(
                w for w in table if all(part in folded for part in w.split()))

"""Members of a family and parts of a total (tests/cases/members.yaml holds the sentences): the word lists
are language data, read as word lists and not as roles, and the cases cover every phenomenon in the
three scripts."""
from __future__ import annotations

import pathlib

import yaml
from conftest import rules_short_of_scripts

CASES = pathlib.Path(__file__).resolve().parent / "cases" / "members.yaml"


def test_members_cases_cover_each_rule_in_three_scripts():
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    assert len(cases) >= 60
    assert not rules_short_of_scripts(cases)
    # every rule shows the claim's own figure still judged beside the figures it must leave alone
    judged = {case["rule"] for case in cases if case["expect"] != "not judged"}
    assert judged == {case["rule"] for case in cases}


def test_member_exchange_and_slice_words_are_word_lists_not_roles():
    from dsfact.matching.roles import lexicon

    names = {role.name for role in lexicon().roles}
    assert {"contribution", "reduction"} <= names
    assert not names & {"member", "exchange", "multiple", "earmark", "use"}


def test_a_version_after_a_name_is_another_member(bundled_registry):
    from dsfact.check import check_text

    def verdicts(text):
        return [(f.verdict.value, f.claim, f.text) for f in check_text(text, bundled_registry)]

    assert verdicts("xAI's Colossus cluster holds 300,000 GPUs.") == [("contradicted", "C16", "300,000")]
    assert verdicts("xAI's Colossus 2 cluster holds 300,000 GPUs.") == []
    assert verdicts("xAI's Colossus II cluster holds 300,000 GPUs.") == []
    # a figure right after the name is no version: "Colossus 100,000 GPUs" is a count
    assert verdicts("Musk's Colossus: 300,000 GPUs.") == [("contradicted", "C16", "300,000")]
    # a later point release of the claim's model is another member of its family (names.words [version]),
    # as the registry's own DeepSeek-V3.1 is: its GPUs are not Grok 3's
    assert verdicts("Grok 3.5 was trained on 300,000 GPUs.") == []

"""The check on a newsroom's own registry (tests/fixtures/city): nothing in the engine is about DeepSeek."""
import pytest

from dsfact.check import check_text


def verdicts(text, registry):
    return [(f.text, f.claim, f.verdict) for f in check_text(text, registry)]


@pytest.mark.parametrize("text, expected", [
    ("Shelbyville's council approved a $120 million budget for 2024.", [("$120 million", "B1", "supported")]),
    ("Shelbyville approved a budget of $150 million for 2024.", [("$150 million", "B1", "contradicted")]),
    ("謝爾比維爾市議會通過的預算為1.2億美元。", [("1.2億美元", "B1", "supported")]),
    ("谢尔比维尔市议会通过的预算为1.5亿美元。", [("1.5亿美元", "B1", "contradicted")]),
    ("The city employs about 2,150 people.", [("2,150", "B3", "supported")]),
    # one source says 2,150 and the other about 2,100: "about 2,100" fits 2,150 as well, so it is only
    # consistent with 2,050 and cannot outvote the precise figure
    ("The city has 2,050 employees.", [("2,050", "B3", "contradicted")]),
    ("The city has 2,400 employees.", [("2,400", "B3", "contradicted")]),
    ("The tram line will open on September 14.", [("September 14", "B4", "supported")]),
    ("The tram line will open on September 15.", [("September 15", "B4", "contradicted")]),
])
def test_verdicts(text, expected, city_registry):
    got = verdicts(text, city_registry)
    assert [(t, c, v) for t, c, v in got] == expected


@pytest.mark.parametrize("text", [
    "Springfield approved a budget of $150 million.",  # another city
    "Shelbyville's budget for 2023 was $150 million.",  # another year
    "Shelbyville spent €150 million on its budget for 2024.",  # another currency
    "Shelbyville has 150 parks.",  # another quantity
    "Springfield has grown fast. It employs 3,000 people.",  # the last city named is another one
    "Shelbyville has grown. Its rival, Capital City, employs 3,000 people.",  # a name before the figure
    "Shelbyville has grown. Then one day. And another. And more. Still more. It employs 3,000 people.",
])
def test_other_subjects_years_units_are_not_judged(text, city_registry):
    assert check_text(text, city_registry) == []


def test_subject_from_an_earlier_sentence(city_registry):
    got = verdicts("Shelbyville has grown fast. It employs 3,000 people.", city_registry)
    assert got == [("3,000", "B3", "contradicted")]
    # one-sentence paragraphs, as news sites write them
    got = verdicts("Shelbyville has grown fast.\n\nIt employs 3,000 people.", city_registry)
    assert got == [("3,000", "B3", "contradicted")]


def test_direction_of_a_move_is_kept(city_registry):
    assert verdicts("Shelbyville's budget rose 3.5%.", city_registry) == [("3.5%", "B2", "supported")]
    assert verdicts("Shelbyville's budget fell 3.5%.", city_registry) == [("3.5%", "B2", "contradicted")]


def test_findings_carry_locations_and_evidence(city_registry):
    text = "Intro line.\nShelbyville approved a budget of $150 million for 2024."
    [finding] = check_text(text, city_registry)
    assert (finding.location.line, finding.location.column) == (2, 34)
    assert finding.location.end_column == 34 + len("$150 million")
    assert finding.sources == {"gazette": "contradicts", "herald": "contradicts"}
    assert any("approved a budget of $120 million" in st.quote for st in finding.evidence)
    assert "gazette" in finding.message and "herald" in finding.message

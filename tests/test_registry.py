"""The registry: the shipped one is sound, every quote reads back, and faults are reported at file:line."""
import os
import shutil

import pytest
import yaml
from budget_registry import registry_text
from conftest import FIXTURES, ROOT

from dsfact.errors import RegistryError
from dsfact.numbers import parse_quantities
from dsfact.quantity import same_reading
from dsfact.registry import load_registry, parse_registry, validate_registry

BUNDLED = ROOT / "data" / "claims.yaml"


def _statements():
    registry = load_registry(BUNDLED, use_cache=False)
    for claim in registry.claims:
        for st in claim.statements:
            if not registry.sources[st.source].file:
                continue  # a primary record's statement cites where its figure is; there is no quote to read
            yield pytest.param(claim, st, registry.sources[st.source].date, id=f"{claim.id}-{st.source}-{st.line}")


def test_bundled_registry_validates(bundled_registry):
    assert validate_registry(bundled_registry) == []
    kinds = [s.kind for s in bundled_registry.sources.values()]
    assert kinds.count("report") + kinds.count("opinion") == 5  # the five seeds
    assert kinds.count("primary") >= 3
    assert len(bundled_registry.claims) >= 45


def test_ids_are_unique_and_stable_shape(bundled_registry):
    ids = [c.id for c in bundled_registry.claims]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("C") and i[1:].isdigit() for i in ids)


@pytest.mark.parametrize("claim, statement, ref_date", list(_statements()))
def test_every_quote_reads_back_as_recorded(claim, statement, ref_date):
    """The engine reads each registry quote as the value the registry records for it."""
    readings = parse_quantities(statement.quote, ref_date=ref_date)
    assert any(same_reading(q, statement) for q in readings), (
        f"{claim.id}: {statement.quote!r} reads as {[(q.text, q.value, q.unit) for q in readings]}"
    )


def test_seeds_are_the_sources_byte_for_byte(bundled_registry):
    for source in bundled_registry.sources.values():
        if source.kind == "primary" and not source.file:
            assert source.url and source.title and source.publisher and source.date  # a record, cited
            continue
        assert (BUNDLED.parent / source.file).resolve().parent == (ROOT / "seeds").resolve()


def test_primary_statements_cite_and_never_quote(bundled_registry):
    cited = [st for c in bundled_registry.claims for st in c.statements
             if not bundled_registry.sources[st.source].file]
    assert len({st.source for st in cited}) >= 3
    assert all(st.cite and not st.quote for st in cited)


MINI = registry_text()


@pytest.fixture
def mini(tmp_path):
    shutil.copy(FIXTURES / "city" / "gazette.txt", tmp_path / "gazette.txt")
    path = tmp_path / "claims.yaml"
    path.write_text(MINI, encoding="utf-8")
    return path


def faults_of(path):
    try:
        registry = load_registry(path, use_cache=False)
    except RegistryError as exc:
        return exc.problems
    return validate_registry(registry)


def test_mini_registry_is_sound(mini):
    assert faults_of(mini) == []


@pytest.mark.parametrize("old, new, line, words", [
    ('quote: "approved a budget of $120 million for 2024"', 'quote: "approved a budget of $121 million"', 12,
     "quote not found"),
    ("value: 120000000", "value: 130000000", 12, "reads as"),
    ("value: 120000000", "value: lots", 13, "must be a number"),
    ("value: 120000000", "value: .nan", 13, "must be a finite number"),
    ("unit: USD", "unit: dollars", 5, "unknown unit"),
    ("topic: cost", "topic: gossip", 5, "unknown topic"),
    ("cues: {subject: [Shelbyville], metric: [budget]}", "cues: {subject: [], metric: [budget]}", 10,
     "cues.subject"),
    ("  - source: gazette\n", "  - source: herald\n", 12, "unknown source"),
    ("metric: budget\n", "metric: [budget\n", 8, "YAML syntax error"),
])
def test_faults_are_reported_at_their_line(mini, old, new, line, words):
    text = mini.read_text(encoding="utf-8")
    assert old in text
    mini.write_text(text.replace(old, new, 1), encoding="utf-8")
    faults = faults_of(mini)
    assert faults, "the broken registry was accepted"
    assert any(got_line == line and words in message for got_line, message in faults), faults


def test_duplicate_claim_id_names_both_lines(mini):
    text = mini.read_text(encoding="utf-8")
    claim = text[text.index("  - id: B1"):]
    mini.write_text(text + claim, encoding="utf-8")
    [(line, message)] = faults_of(mini)
    assert line == 15 and "duplicate claim id 'B1'" in message and "line 5" in message


def test_missing_source_file_is_a_fault(mini):
    (mini.parent / "gazette.txt").unlink()
    faults = faults_of(mini)
    assert any("gazette" in m and "cannot read" in m for _, m in faults)


def test_not_a_mapping():
    with pytest.raises(RegistryError) as err:
        parse_registry(b"- just\n- a list\n", "r.yaml")
    assert str(err.value).startswith("r.yaml:1:")


def test_unknown_keys_are_warnings_not_silence(mini):
    from dsfact.registry import registry_warnings

    text = mini.read_text(encoding="utf-8").replace("    topic: cost\n", "    topic: cost\n    colour: red\n")
    mini.write_text(text, encoding="utf-8")
    registry = load_registry(mini, use_cache=False)
    [notice] = registry_warnings(registry)
    assert (notice.code, notice.path, notice.line) == ("registry", str(mini), 5)
    assert notice.message == "unknown key 'colour' in a claim (ignored)"


def test_registry_warnings_reach_every_output_on_every_run(mini, tmp_path, capsys):
    import json

    from dsfact.cli import main

    text = mini.read_text(encoding="utf-8").replace("    topic: cost\n", "    topic: cost\n    colour: red\n")
    mini.write_text(text, encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("The Shelbyville council approved a budget of $120 million for 2024.\n", encoding="utf-8")
    for _ in range(2):  # the second run would find the registry in the cache, were it cached
        assert main(["check", "-r", str(mini), "-f", "json", str(draft)]) == 0
        out, err = capsys.readouterr()
        assert err == f"dsfact: warning: {mini}:5: unknown key 'colour' in a claim (ignored)\n"
        assert json.loads(out)["warnings"] == [{"code": "registry", "path": str(mini), "line": 5, "column": None,
                                                "message": "unknown key 'colour' in a claim (ignored)"}]
    assert main(["check", "-r", str(mini), "-f", "sarif", str(draft)]) == 0
    [invocation] = json.loads(capsys.readouterr().out)["runs"][0]["invocations"]
    [notice] = invocation["toolExecutionNotifications"]
    assert notice["descriptor"] == {"id": "registry"} and notice["level"] == "warning"
    assert notice["locations"][0]["physicalLocation"]["region"] == {"startLine": 5}
    assert main(["validate", str(mini)]) == 0
    assert f"{mini}:5: warning: unknown key 'colour' in a claim (ignored)\n" in capsys.readouterr().err


def test_compiled_registry_is_cached_by_content(mini, tmp_path, monkeypatch):
    monkeypatch.setenv("DSFACT_CACHE_DIR", str(tmp_path / "cache"))
    first = load_registry(mini)
    (kept,) = (tmp_path / "cache").iterdir()
    second = load_registry(mini)
    assert second == first
    mini.write_text(mini.read_text(encoding="utf-8").replace("value: 120000000", "value: 120000001"),
                    encoding="utf-8")
    third = load_registry(mini)
    assert third.claims[0].statements[0].value == 120000001
    names = {p.name for p in (tmp_path / "cache").iterdir()}  # the new content's entry beside the old one's
    assert len(names) == 2 and kept.name in names
    for value in (120000002, 120000003):  # the cache does not grow: at most the two written last stay beside
        mini.write_text(mini.read_text(encoding="utf-8").replace(f"value: {value - 1}", f"value: {value}"),
                        encoding="utf-8")
        for p in (tmp_path / "cache").iterdir():  # written earlier, whatever the clock's resolution
            os.utime(p, (p.stat().st_mtime - 10, p.stat().st_mtime - 10))
        assert load_registry(mini).claims[0].statements[0].value == value
    names = {p.name for p in (tmp_path / "cache").iterdir()}
    assert len(names) == 3 and kept.name not in names


def test_yaml_loader_keeps_dates_as_written(bundled_registry):
    assert all(isinstance(s.date, str) and len(s.date) == 10 for s in bundled_registry.sources.values())
    raw = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    assert len(raw["claims"]) == len(bundled_registry.claims)


def test_members_name_their_subject_in_any_registry(mini):
    """cues.members is registry data, not a DeepSeek rule: a council's partners, listed together beside a
    joint undertaking's words, name it (three firmly, two loosely: they may agree, never contradict); one
    of them alone, or partners that each pledge their own, do not."""
    from dsfact.check import check_text

    text = mini.read_text(encoding="utf-8").replace(
        "cues: {subject: [Shelbyville], metric: [budget]}",
        "cues: {subject: [Shelbyville], metric: [budget], members: [Ogdenville, North Haverbrook, Brockway]}")
    mini.write_text(text, encoding="utf-8")
    registry = load_registry(mini, use_cache=False)
    assert registry.claims[0].member_cues == ("Ogdenville", "North Haverbrook", "Brockway")

    def verdicts(sentence):
        return [(f.claim, f.verdict.value) for f in check_text(sentence, registry)]

    trio = "A joint venture of Ogdenville, North Haverbrook and Brockway approved a budget of "
    assert verdicts(trio + "$120 million.") == [("B1", "supported")]
    assert verdicts(trio + "$150 million.") == [("B1", "contradicted")]
    pair = "A joint venture of Ogdenville and North Haverbrook approved a budget of "
    assert verdicts(pair + "$120 million.") == [("B1", "supported")]
    assert verdicts(pair + "$150 million.") == []
    assert verdicts("Ogdenville approved a budget of $150 million.") == []
    assert verdicts("Ogdenville, North Haverbrook and Brockway each approved a budget of $150 million for the "
                    "venture.") == []


def test_members_need_two(mini):
    text = mini.read_text(encoding="utf-8").replace(
        "cues: {subject: [Shelbyville], metric: [budget]}",
        "cues: {subject: [Shelbyville], metric: [budget], members: [Ogdenville]}")
    mini.write_text(text, encoding="utf-8")
    assert any("cues.members" in message for _, message in faults_of(mini))

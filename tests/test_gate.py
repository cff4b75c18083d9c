"""The gate on disagreements (dsfact.matching.gate): the features it reads at the decision point, the model
file, what it keeps and drops, and the training script (bench/gate_train.py) end to end on a tiny
labelled fixture (tests/fixtures/gate: two sets written for this test, with mutants)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import Recorder

from dsfact.check import find_findings
from dsfact.matching.gate import FEATURES, Gate, load_gate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "gate"

FIRM_EN = "DeepSeek trained V3 on 4,096 GPUs."
FIRM_HANT = "DeepSeek-V3 的訓練只用了4096塊GPU。"
FIRM_HANS = "DeepSeek-V3 的训练只用了4096块GPU。"
# the subject borrowed from the sentence before, three figures of the unit in one sentence, a hedge
WEAK_EN = ("DeepSeek-V3 drew wide notice this month.\n"
           "A report said the training cluster held 3,000 GPUs, against 1,000 GPUs and 500 GPUs at two rivals.")


def _seen(text: str, registry):
    recorder = Recorder()
    find_findings(text, registry, gate=recorder)
    return recorder.seen


def _features(text: str, registry, figure: str) -> dict[str, float]:
    found = [feats for f, feats, how in _seen(text, registry) if f.text == figure and how != "supported"]
    assert found, f"{figure!r} was not weighed in {text!r}"
    return found[0]


@pytest.fixture(scope="module")
def registry():
    from dsfact.registry import load_registry

    return load_registry()


def test_features_of_a_firm_english_binding(registry):
    f = _features(FIRM_EN, registry, "4,096")
    assert set(f) == set(FEATURES)
    assert all(0.0 <= v <= 1.0 for v in f.values())
    assert f["borrowed"] == 0.0 and f["same_unit_sentence"] == 0.0 and f["same_unit_clause"] == 0.0
    assert f["count"] == 1.0 and f["event"] == 1.0  # "trained": the sentence tells the claim's event
    assert f["hedge"] == 0.0 and f["table"] == 0.0


def test_features_in_both_chinese_scripts(registry):
    hant = _features(FIRM_HANT, registry, "4096塊")
    hans = _features(FIRM_HANS, registry, "4096块")
    assert hant == hans  # Traditional text is read through its Simplified fold: the script decides nothing
    assert hant["event"] == 1.0  # 訓練 folds to 训练
    assert hant["borrowed"] == 0.0 and hant["same_unit_sentence"] == 0.0


def test_features_of_a_weak_binding(registry):
    f = _features(WEAK_EN, registry, "1,000")
    assert f["borrowed"] == 1.0 and f["subject_after"] == 1.0
    assert f["same_unit_sentence"] > 0.5 and f["same_unit_clause"] == 1.0
    assert f["subject_far"] > _features(FIRM_EN, registry, "4,096")["subject_far"]


def test_hedges_and_titles_are_read(registry):
    f = _features("據稱 DeepSeek-V3 的訓練用了4096塊GPU。", registry, "4096塊")
    assert f["hedge"] == 1.0
    g = _features("# DeepSeek trained V3 on 4,096 GPUs", registry, "4,096")
    assert g["title"] == 1.0


def test_the_other_statement_of_the_claim_is_seen(registry):
    text = "DeepSeek trained V3 on 2,048 GPUs. A later run of V3 was trained on 4,096 GPUs."
    weighed = [feats for f, feats, how in _seen(text, registry) if f.text == "4,096"]
    assert weighed and weighed[0]["stated_right"] == 1.0


def test_the_model_names_exactly_the_features_computed():
    data = json.loads((ROOT / "src" / "dsfact" / "matching" / "gate.json").read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES)
    gate = load_gate()
    assert 0.0 < gate.threshold < 1.0


def test_the_gate_keeps_a_firm_binding_and_drops_a_weak_one(registry):
    bundled = load_gate()
    firm = _features(FIRM_EN, registry, "4,096")
    weak = _features(WEAK_EN, registry, "1,000")
    assert bundled.admits(None, firm)
    assert bundled.probability(weak) < bundled.probability(firm)
    # a gate set between the two drops the weak figure's disagreement and reports the firm one
    middle = (bundled.probability(weak) + bundled.probability(firm)) / 2
    gate = Gate(bundled.weights, bundled.bias, middle)
    assert gate.admits(None, firm) and not gate.admits(None, weak)
    found = find_findings("DeepSeek-V3 drew wide notice this month.\nIt trained V3 on 4,096 GPUs.", registry,
                          gate=Gate(bundled.weights, bundled.bias, 1.0))
    assert not [f for f in found if f.verdict != "supported"]  # a gate that admits nothing silences it
    assert [f.text for f in find_findings(FIRM_EN, registry)] == ["4,096"]  # the bundled gate reports it


def test_a_model_that_names_an_unknown_feature_is_refused(tmp_path):
    path = tmp_path / "gate.json"
    path.write_text(json.dumps({"weights": {"no_such_feature": 1.0}, "bias": 0, "threshold": 0.5}))
    with pytest.raises(ValueError, match="no_such_feature"):
        load_gate(str(path))


def _trainer():
    spec = importlib.util.spec_from_file_location("gate_train", ROOT / "bench" / "gate_train.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_training_script_runs_end_to_end(tmp_path, capsys):
    trainer = _trainer()
    out = tmp_path / "gate.json"
    assert trainer.main([str(FIXTURES / "a"), str(FIXTURES / "b"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "held-out" in printed and "\na " in printed and "\nb " in printed  # leave-one-set-out, both sets
    gate = load_gate(str(out))
    assert set(gate.weights) == set(FEATURES)
    # each mutant is caught at its place with its claim: four kept examples; the weak figures of set a
    # (silenced by the doubt checks) and set b's wrong binding are examples to drop
    examples = trainer.collect(str(FIXTURES / "a"), _registry())
    assert sorted((e.what, e.label) for e in examples if e.how == "reported") == [("mutant", 1), ("mutant", 1)]
    assert {e.label for e in examples if e.how == "silenced"} == {0}
    assert {(e.what, e.label) for e in examples if e.how == "supported"} == {("OK", 1)}


def test_fitting_separates_a_plain_signal():
    trainer = _trainer()
    examples = [trainer.Example("s", {"borrowed": float(i % 2)}, 1 - i % 2, "mutant", "reported", "")
                for i in range(40)]
    weights, bias = trainer.fit(examples, ["borrowed"], l2=0.1)
    assert weights[0] < -2 and bias > 2


def _registry():
    from dsfact.registry import load_registry

    return load_registry()


def test_the_training_script_reads_labelled_sentences():
    trainer = _trainer()
    examples = trainer.collect_cases(str(FIXTURES / "cases"), _registry())
    got = sorted((e.where.split(" ", 1)[1], e.what, e.label) for e in examples if e.how != "silenced")
    assert got == [("2,048 C07", "OK", 1), ("4,096 C07", "TE", 1)]  # the `known` case is left out
    assert {(e.what, e.label) for e in examples if e.how == "silenced"} == {("FA", 0)}


def test_the_threshold_is_bought_with_false_alarms_only():
    trainer = _trainer()

    def row(fa, mutants, te=(1, 1)):
        return {"FA": fa, "mutant": mutants, "TE": te}

    # no threshold removes a false alarm: the lowest, whatever mutants the others keep
    table = {"a": {0.05: row((2, 2), (40, 40)), 0.1: row((2, 2), (40, 40)), 0.2: row((2, 2), (40, 39))}}
    assert trainer.pick_threshold(table, 0.05) == 0.05
    # one that removes two false alarms for one mutant, within the cap, is taken; one past the cap is not
    table = {"a": {0.05: row((2, 2), (40, 40)), 0.1: row((2, 0), (40, 39)), 0.2: row((2, 0), (40, 30))}}
    assert trainer.pick_threshold(table, 0.05) == 0.1
    # nor one that loses a true error
    table["a"][0.1] = row((2, 0), (40, 39), te=(1, 0))
    assert trainer.pick_threshold(table, 0.05) == 0.05

"""The reader of scorer-format labelled sets for the gate (bench/gate_sets.py, `gate_train.py --scored`): how
a disagreement the engine reports is labelled from expected.yaml, how a run is re-scored with the gate's
refusals taken out (score.py's rules), and leave-one-set-out end to end, on tests/fixtures/gate/scored (two
tiny sets written for this test: x with orig/ and mut/, y a bare scored directory)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCORED = ROOT / "tests" / "fixtures" / "gate" / "scored"


@pytest.fixture(scope="module")
def gate_sets():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import gate_sets
        import gate_train  # noqa: F401  (gate_sets reads it)
        yield gate_sets
    finally:
        sys.path.remove(str(ROOT / "bench"))


@pytest.fixture(scope="module")
def sets(gate_sets):
    from dsfact.registry import load_registry

    registry = load_registry()
    return {name: gate_sets.read_set(str(SCORED / name), registry) for name in ("x", "y")}


def _reported(scored):
    return sorted((part, e["where"].split(" ")[1], e["label"]) for part, passages in scored["parts"].items()
                  for p in passages for e in p["examples"] if e["how"] == "reported")


def test_a_set_is_orig_and_mut_or_one_scored_directory(sets):
    assert sorted(sets["x"]["parts"]) == ["mut", "orig"]
    assert list(sets["y"]["parts"]) == ["orig"]


def test_reported_disagreements_are_labelled_by_the_labels_covering_them(sets):
    # orig: a figure labelled clean is one to drop; mut: the changed figure is one to keep, and the same
    # disagreement as orig's, left unlabelled there, is labelled None
    assert _reported(sets["x"]) == [("mut", "1,024", 1), ("mut", "4,096", None), ("orig", "4,096", 0)]
    # [contradicted, clean]: a flagged verdict among them keeps it
    assert _reported(sets["y"]) == [("orig", "4096块", 1)]


def test_examples_to_fit_leave_unlabelled_out_unless_asked(gate_sets, sets):
    got = sorted((e.what, e.label) for e in gate_sets.examples_of(sets["x"]))
    assert got == [("FA", 0), ("mutant", 1)]
    got = sorted((e.what, e.label) for e in gate_sets.examples_of(sets["x"], unlabelled=True))
    assert got == [("FA", 0), ("FA", 0), ("mutant", 1)]
    assert [(e.what, e.label) for e in gate_sets.examples_of(sets["y"])] == [("TE", 1)]


def test_rescoring_counts_as_the_scorer_does(gate_sets, sets):
    everything = gate_sets.rescore(sets["x"], lambda features: True)
    assert (everything["orig"]["false_alarms"], everything["orig"]["supported"]) == (1, 1)
    assert (everything["mut"]["caught"], everything["mut"]["contradicted"]) == (1, 1)
    nothing = gate_sets.rescore(sets["x"], lambda features: False)
    assert nothing["orig"]["false_alarms"] == 0 and nothing["mut"]["caught"] == 0
    # a [contradicted, clean] label counts as caught whether the finding is kept or not
    assert gate_sets.rescore(sets["y"], lambda features: False)["orig"]["caught"] == 1
    gone = gate_sets.removed(sets["x"], lambda features: False)
    assert [len(gone[k]) for k in ("FA", "keep orig", "keep mut", "unlabelled")] == [1, 0, 1, 1]


def test_the_scorer_copy_picks_by_value_then_overlap(gate_sets):
    findings = [{"line": 1, "column": 1, "end_column": 6, "value": 5.0, "verdict": "supported"},
                {"line": 1, "column": 3, "end_column": 9, "value": 7.0, "verdict": "contradicted"}]
    assert gate_sets.pick(findings, 1, 2, 8, 7)[0] is findings[1]
    assert gate_sets.pick(findings, 1, 2, 8, None)[0] is findings[0]
    assert gate_sets.label_of([]) is None
    assert gate_sets.label_of([{"verdict": ["supported", "disputed"]}]) == 1
    assert gate_sets.label_of([{"verdict": "clean"}, {"verdict": "supported"}]) == 0


def test_leave_one_set_out_end_to_end(gate_sets, capsys):
    import gate_train

    assert gate_train.main(["--scored", str(SCORED / "x"), str(SCORED / "y"), "--report",
                            "--thresholds", "0.05,0.5", "--at", "0.5"]) == 0
    printed = capsys.readouterr().out
    assert "FA today->after" in printed and "per held-out set at 0.5" in printed
    assert "\n  x " in printed and "\n  y " in printed

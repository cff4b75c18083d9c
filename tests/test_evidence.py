"""The evidence behind a disagreement (dsfact.matching.evidence): how the subject and the metric of a
figure that disagrees with its claim were bound, graded in a few plain steps, in the three scripts; and
the minimum a contradiction needs. Sentences written for these tests."""
from __future__ import annotations

import pytest
from conftest import Recorder

from dsfact.check import check_document, find_findings
from dsfact.document import read_document
from dsfact.matching.evidence import firm


@pytest.fixture(scope="module")
def registry():
    from dsfact.registry import load_registry

    return load_registry()


def _grades(features: dict[str, float]) -> tuple[str, str]:
    subject = "clause" if features["subject_in_clause"] else "carried" if features["subject_carried"] else "sentence"
    metric = "clause" if features["metric_in_clause"] else "none" if features["metric_none"] else "sentence"
    return subject, metric


def _evidence(registry, text: str, figure: str, fmt: str | None = None) -> tuple[str, str]:
    recorder = Recorder()
    if fmt:
        doc = read_document(f"case.{fmt}", data=text.encode(), format=fmt)
        check_document(doc, registry, gate=recorder)
    else:
        find_findings(text, registry, gate=recorder)
    found = [feats for f, feats, how in recorder.seen if figure in f.text and how != "supported"]
    assert found, f"{figure!r} was not weighed in {text!r}"
    return _grades(found[0])


@pytest.mark.parametrize("text, figure, expected", [
    # subject and metric word in the figure's own clause
    ("DeepSeek trained V3 on 4,096 GPUs.", "4,096", ("clause", "clause")),
    ("DeepSeek-V3 的訓練只用了4096塊GPU。", "4096", ("clause", "clause")),
    ("DeepSeek-V3 的训练只用了4096块GPU。", "4096", ("clause", "clause")),
    # the subject carried by a pronoun from the sentence before
    ("DeepSeek-V3 drew notice. It was trained on 4,096 GPUs.", "4,096", ("carried", "clause")),
    ("DeepSeek-V3 引起關注。它只用了4096塊GPU訓練。", "4096", ("carried", "clause")),
    ("DeepSeek-V3 引起关注。它只用了4096块GPU训练。", "4096", ("carried", "clause")),
    # a bracketed aside belongs to the clause it stands in
    ("DeepSeek-V3 的訓練成本很低（約900萬美元）。", "900萬美元", ("clause", "clause")),
    ("DeepSeek-V3 的训练成本很低（约900万美元）。", "900万美元", ("clause", "clause")),
    ("DeepSeek-V3 was cheap to train (its training cost was about $9 million).", "$9 million", ("clause", "clause")),
    # a clause of means reaches the clause it leads
    ("With just $9 million, DeepSeek trained its V3 model.", "$9 million", ("clause", "clause")),
    # the metric word only in another clause, governing another figure of the unit
    ("Grok 2 was trained on roughly 20,000 H100 GPUs, while Grok 3 used 150,000.", "150,000", ("clause", "sentence")),
    # the subject and the metric word only in another clause
    ("DeepSeek-V3 的訓練成本引發關注，帳單總計900萬美元。", "900萬美元", ("sentence", "sentence")),
    ("DeepSeek-V3 的训练成本引发关注，账单总计900万美元。", "900万美元", ("sentence", "sentence")),
])
def test_grades(registry, text, figure, expected):
    assert _evidence(registry, text, figure) == expected


def test_a_heading_carries_the_subject_and_a_label_is_the_metric(registry):
    text = "## DeepSeek-V3\n\n- Training cost: $9 million\n- GPUs: 4,096\n"
    assert _evidence(registry, text, "$9 million", "md") == ("carried", "clause")
    assert _evidence(registry, text, "4,096", "md") == ("carried", "clause")


def test_a_table_row_and_column_bind_in_the_clause(registry):
    text = "| Model | Training cost |\n|---|---|\n| DeepSeek-V3 | $9 million |\n"
    assert _evidence(registry, text, "$9 million", "md") == ("clause", "clause")


def test_firm_is_the_minimum():
    def features(subject: str, metric: str) -> dict[str, float]:
        return {"subject_in_clause": float(subject == "clause"), "subject_carried": float(subject == "carried"),
                "metric_in_clause": float(metric == "clause"), "metric_parallel": float(metric == "parallel"),
                "metric_none": float(metric == "none")}

    for subject in ("clause", "sentence", "carried"):
        assert firm(features(subject, "clause")) and firm(features(subject, "parallel"))
        assert not firm(features(subject, "sentence")) and not firm(features(subject, "none"))


def test_a_metric_word_elsewhere_in_the_sentence_never_contradicts(registry):
    """The same sentence with the metric word in the figure's own clause is contradicted; with the metric
    word only in the clause before, it is not judged when it disagrees, and still supported when it agrees."""
    firm_text = "DeepSeek-V3 drew scrutiny this week; its training cost came to {}."
    loose_text = "DeepSeek-V3's training cost drew scrutiny this week; analysts put the figure at {}."
    verdicts = {}
    for name, template in (("firm", firm_text), ("loose", loose_text)):
        for value in ("$9 million", "$5.6 million"):
            text = template.format(value)
            found = [f for f in find_findings(text, registry) if value in f.text]
            verdicts[name, value] = [(str(f.verdict.value), f.claim) for f in found]
    assert verdicts["firm", "$9 million"] == [("contradicted", "C01")]
    assert verdicts["loose", "$9 million"] == []
    assert verdicts["firm", "$5.6 million"] == verdicts["loose", "$5.6 million"] == [("supported", "C01")]


def test_the_audit_lists_each_disagreement_with_its_evidence(tmp_path, capsys):
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "bench" / "evidence_audit.py"
    spec = importlib.util.spec_from_file_location("evidence_audit", script)
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    (tmp_path / "a.md").write_text("DeepSeek trained V3 on 4,096 GPUs.\n\n"
                                   "DeepSeek-V3's training cost drew scrutiny; analysts put the figure at $9 million.\n",
                                   encoding="utf-8")
    assert audit.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "C07  '4,096'  reported  subject=clause  metric=clause" in out
    assert "C01  '$9 million'  silenced  subject=sentence  metric=sentence" in out

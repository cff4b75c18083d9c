"""The cue prefilter (dsfact.matching.prefilter) reads figures only in sentences where a cue can bind them: the
findings must be exactly those of a read of the whole text, on news-like text in both scripts."""
from __future__ import annotations

import os
import random

import pytest
from conftest import FIXTURES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dsfact.matching.prefilter
from dsfact.check import find_findings
from dsfact.document import read_document
from dsfact.matching import TextMatcher, split_sentences
from dsfact.matching.prefilter import bindable_spans
from dsfact.numbers import parse_quantities

SETTINGS = settings(max_examples=int(os.environ.get("DSFACT_PROPERTY_EXAMPLES", "200")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Sentences of news text, dense in figures, with and without the bundled registry's cue words.
PIECES = [
    "DeepSeek", "Nvidia", "OpenAI", "Meta", "英偉達", "深度求索", "英伟达", "It", "The company", "Its rival",
    " trained V3 on ", " shares fell ", " lost ", " market value ", " costs ", " per million tokens",
    " GPUs", " chips", " training cost ", "市值蒸發", "股價下跌", "訓練成本", "晶片", "收市", "一度",
    "2,048", "$5.6 million", "$589 billion", "17%", "nearly 17%", "about 2,000", "$0.14", "$7.50", "3.1%",
    "5890億美元", "557.6萬美元", "二千多", "2025年1月27日", "January 27", "in 2024", "between 2,000 and 3,000",
    "+0.5%", "up 3%", "and", "respectively", "分別", "每百萬個token", "12.4%", "$3.2 billion", "19,842.31",
    ", ", ". ", "。", "，", "; ", "\n", "\n\n", " ", "(", ")", "約", "近", "逾", "more than ", "up to ",
]
news = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join)


@pytest.fixture
def whole_read(monkeypatch):
    """find_findings as if there were no prefilter: every figure of the text read."""
    class Everywhere:
        spans = None  # parse_quantities reads the whole text

        def __init__(self, matcher):
            pass

        def admits(self, q):
            return True

    def findings(text, registry, blocks=None):
        with monkeypatch.context() as m:
            m.setattr(dsfact.matching.prefilter, "Bindable", Everywhere)
            return find_findings(text, registry, blocks)
    return findings


@SETTINGS
@given(news)
def test_findings_equal_a_read_of_the_whole_text(bundled_registry, whole_read, text):
    assert find_findings(text, bundled_registry) == whole_read(text, bundled_registry)


# Headings and lead lines carry a subject to list items far below them (dsfact.matching.structure).
STRUCTURED = [
    "## DeepSeek-V3\n\nIt is long.\nIt is wide.\nIt is new.\nIt is open.\nIt is read.\n\n"
    "- Training cost: $6.5 million\n- GPUs used: 4,096\n\n## Other labs\n\n- Training cost: $100 million\n",
    "DeepSeek-V3 at a glance:\n\n- Window: long\n- Release: late\n- Licence: open\n- Languages: many\n"
    "- Training cost: $5.6 million\n- 芯片：4096塊H800\n",
    "# 英伟达\n\n一。\n二。\n三。\n四。\n五。\n\n- 市值蒸发：5890亿美元\n- 股价跌幅：17%\n",
]


@pytest.mark.parametrize("text", STRUCTURED)
def test_structure_findings_equal_a_read_of_the_whole_text(bundled_registry, whole_read, text):
    doc = read_document("structured.md", data=text.encode(), format="markdown")
    findings = find_findings(doc.text, bundled_registry, doc.blocks)
    assert findings  # the heading or lead line binds them
    assert findings == whole_read(doc.text, bundled_registry, doc.blocks)


# A figure of the sentence before stood for a figure governed by the metric word in an earlier clause of the
# figure's own sentence (dsfact.matching.evidence._parallel read from the text's start), so a whole read,
# which reads that figure, contradicted where the filtered read did not (found by the property above).
@pytest.mark.parametrize("text", ["5890億美元DeepSeek。 costs , $589 billionDeepSeek",
                                  "Nvidia lost 17%. DeepSeek costs, $6.5 million."])
def test_a_figure_of_the_sentence_before_is_no_parallel(bundled_registry, whole_read, text):
    assert find_findings(text, bundled_registry) == whole_read(text, bundled_registry)


def _dense_text(rng: random.Random) -> str:
    return "\n\n".join("".join(rng.choice(PIECES) for _ in range(rng.randint(20, 120))) for _ in range(6))


def test_findings_equal_on_articles_and_dense_text(bundled_registry, whole_read):
    texts = [read_document(str(p)).text for p in sorted((FIXTURES / "articles").iterdir())]
    texts += [read_document(str(p)).text for p in sorted((ROOT / "examples").glob("*.md"))]
    rng = random.Random(13)
    texts += [_dense_text(rng) for _ in range(30)]
    found = 0
    for text in texts:
        ours = find_findings(text, bundled_registry)
        assert ours == whole_read(text, bundled_registry)
        found += len(ours)
    assert found > 50  # the texts do state registered figures


def test_spans_leave_out_sentences_no_cue_can_bind(bundled_registry):
    text = ("Apple sold 50 million phones and 12 million tablets. The weather was 30 degrees. "
            "Nvidia's market value fell by $589 billion on January 27. The museum drew 4,000 visitors in 2024.")
    spans = bindable_spans(TextMatcher(text, bundled_registry))
    assert [text[a:b].strip() for a, b in spans] == ["Nvidia's market value fell by $589 billion on January 27."]
    read = parse_quantities(text, spans=spans)
    assert [q.text for q in read] == ["$589 billion", "January 27"]
    assert [f.claim for f in find_findings(text, bundled_registry)] == ["C25"]


@SETTINGS
@given(news, st.data())
def test_reading_sentences_gives_the_whole_reads_figures_there(text, data):
    """parse_quantities(spans=...) over some of a text's sentences reads their figures as a read of the
    whole text does."""
    sentences = split_sentences(text)
    chosen = data.draw(st.lists(st.sampled_from(sentences), unique=True)) if sentences else []
    spans = sorted((s.start, s.end) for s in chosen)
    whole = parse_quantities(text)
    assert parse_quantities(text, spans=spans) == [q for q in whole if any(a <= q.start < b for a, b in spans)]


def test_a_noun_of_a_figure_counts_only_whole_inside_the_span():
    from dsfact.matching.recalled import mentions, noun_spans

    folded = "costs were high. the $6 million figure is v3's. 这个数字只包括训练"
    spans = noun_spans(folded)
    at = folded.index("figure")
    assert mentions(spans, 17, len(folded))
    assert not mentions(spans, 0, 17)  # no noun in the first sentence
    assert not mentions(spans, 17, at + 3)  # "fig" is no noun: it must stand whole in the span
    assert mentions(spans, folded.index("这个"), len(folded))
    assert not mentions([], 0, len(folded))

"""A figure that no binding rule can give a subject is left before its cue words are read
(dsfact.matching.matcher._unreached): every figure's candidates are those of the matcher that reads every figure's cue
words, over written text (the examples, the seeds, the desk articles), the dense bench articles and
made-up sentences that put each rule that gives a subject from elsewhere beside a name that is no subject."""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from unittest import mock

import pytest

from dsfact.document.read import read_document
from dsfact.matching import matcher as matching
from dsfact.matching.matcher import TextMatcher
from dsfact.numbers import parse_quantities

ROOT = Path(__file__).resolve().parent.parent


def _dense(k: int) -> tuple[str, str]:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    return corpus.dense_article(k, random.Random(k))


# each after a sentence that names a claim's subject, and with another body named before its figure
_MADE_UP = [
    "Nvidia and Broadcom fell 17% and 9%, respectively.",
    "| Company | Loss |\n|---|---|\n| Apple | $589 billion |\n",
    "DeepSeek and OpenAI trained models. The former, unlike Apple, spent $5.6 million.",
    "\"Apple spent $6 million on it,\" DeepSeek said.",
    "Apple said, it cost $6 million to train.",
    "孙正义表示，他们的计画将投资5000亿美元。",
    "Apple and Oracle will form a venture to invest $500 billion. The venture, called Stargate, starts in Texas.",
    "## Apple lost $589 billion\n\nNvidia lost 17% on Monday.",
    "On Monday a chip maker lost Apple $589 billion:\n\nNvidia.",
    "Apple said the cost was $6 million. Those costs cover only the final run of DeepSeek-V3.",
    "Apple shipped 50 million phones. Nvidia lost 17% on Monday.",
    "苹果公司出货5000万部手机。英伟达周一下跌17%。",
    "蘋果公司出貨5000萬部手機。輝達週一下跌17%。",
]
# a figure whose sentence names no subject and someone before it, that a rule gives a subject from elsewhere
_GIVEN = [
    ("lead.md", "Stargate is a venture of OpenAI and SoftBank. SoftBank's Son said, it will invest $500 billion."),
    ("former.md", "DeepSeek and OpenAI trained models last year. At Acme the former spent $5.6 million on training."),
    ("former.txt", "DeepSeek and OpenAI trained models. Across Europe, the former spent $5.6 million on training."),
    ("cell.txt", "| Lab | DeepSeek-V3 training cost |\n|---|---|\n| Acme estimate | $5.6 million |\n"),  # its header's
    ("named.md", "In Texas, a new venture will invest $500 billion. The venture, called Stargate, starts there."),
    ("colon.md", "On Monday Acme released a model trained for $5.6 million:\n\nDeepSeek-V3."),
    ("recall.md", "At Acme, our total training costs amount to only $5.576 million. Note that the aforementioned costs "
                  "include only the official training of DeepSeek-V3."),
]


def _texts() -> list[tuple[str, str]]:
    written = [(p.name, p.read_text(encoding="utf-8")) for folder in ("examples", "seeds", "tests/fixtures/articles")
               for p in sorted((ROOT / folder).iterdir()) if p.suffix in (".md", ".txt")]
    rng = random.Random(33)
    made_up = []
    for k in range(24):  # each case between sentences that name subjects and another body
        parts = rng.sample(_MADE_UP, 4) + ["DeepSeek trained V3 on 2,048 GPUs for $5.6 million."]
        rng.shuffle(parts)
        made_up.append((f"made-up-{k}.md", "\n\n".join(parts) if k % 2 else " ".join(parts)))
    return written + [_dense(k) for k in range(9)] + made_up + _GIVEN


def _candidates(name: str, text: str, registry, reads_every_figure: bool) -> list[list[tuple]]:
    doc = read_document(name, data=text.encode("utf-8"))
    matcher = TextMatcher(doc.text, registry, doc.blocks)
    quantities = parse_quantities(doc.text)
    with mock.patch.object(matching, "_unreached", (lambda text, q, si: False) if reads_every_figure else matching._unreached):
        return [[(c.claim.id, c.subject_distance, c.metric_distance, c.weak) for c in matcher.candidates(q, quantities)]
                for q in quantities]


@pytest.mark.parametrize("k", range(len(_texts())))
def test_a_figure_left_unread_is_one_no_claim_takes(bundled_registry, k):
    name, text = _texts()[k]
    assert _candidates(name, text, bundled_registry, False) == _candidates(name, text, bundled_registry, True)


def test_the_texts_hold_figures_left_unread_and_figures_a_rule_gives_a_subject(bundled_registry):
    left, given = 0, 0
    for name, text in _texts():
        doc = read_document(name, data=text.encode("utf-8"))
        matcher = TextMatcher(doc.text, bundled_registry, doc.blocks)
        quantities = parse_quantities(doc.text)
        matcher.use(quantities)
        for q in quantities:
            si = matcher.sentence_of(q.start)
            if matcher.sentences and matcher.index.family(q.unit):
                left += matching._unreached(matcher, q, si)
                given += not matching._unreached(matcher, q, si) and not any(e[5] for e in matcher.entries(si, q)) \
                    and bool(matcher.candidates(q, quantities))
    assert left and given

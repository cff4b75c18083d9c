"""The metric a list's lead line gives its items: "The actual cost structure:" over "- Base model (DeepSeek-V3):
Approximately $5.6 million over 55 days", "训练成本构成：" over "- 基础模型（DeepSeek-V3）：约560万美元", "訓練成本構成：" over
"- 基礎模型（DeepSeek-V3）：約560萬美元". An item that names its claim's subject but no metric word of it takes one
the lead line holds, as a lead line gives its subject to items that name none (matcher._structure_subject).

Loosely: the lead's word stands outside the figure's clause, so such a figure may agree with its claim, never
contradict it (the house's rule for a metric word out of the figure's reach). Only a list's lead line gives its
metric, not a heading: a heading sums up a section whose figures are of many kinds."""
from __future__ import annotations

from dsfact.matching.text import INF
from dsfact.model import Quantity


def lead_metric(text, q: Quantity, cues, family: frozenset[int], far: float) -> None:
    """Give the claims whose subject figure q's sentence names, of the claims a figure of its unit may state
    (`family`), and whose metric word it lacks, the metric word of its list's lead line, `far` from the figure
    and loosely bound (text._loose). `text`: the TextMatcher; `cues`: its _Cues for q."""
    if text.structure is None:
        return
    named = [ci for ci, d in cues.subject.items() if d < INF and ci in family and ci not in cues.metric]
    if not named:
        return
    context = text.structure.context_of(q.start)
    if not context or context[0][2]:
        return  # no lead line (a heading, or no block at all)
    start, end, _ = context[0]
    start = max(start, text.sentences[text.sentence_of(max(start, end - 1))].start)  # its last sentence: the lead proper
    by_role = text.index.claims_by_role
    metrics: set[int] = set()
    for hit in text.hits_in(start, end):
        metrics |= by_role(hit.cue)[0]
    for ci in named:
        if ci in metrics and ci not in cues.excluded:
            cues.metric[ci] = far
            text._loose.add(ci)

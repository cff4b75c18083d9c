"""The kind of a price a table cell holds, told by its column's header or its row's label ("| Model | Input | Output |"
over "| DeepSeek-R1 | $0.55 | $2.19 |"; "| 模型 | 输入价格 | 输出价格 |"; "| Output (per 1M) | $2.19 | $60 |"): the
header states the kind of every cell under it as firmly as "per million output tokens" beside the figure would. A
value in the Input column that agrees with the output price is a cell swapped with its neighbour ("| R1 | $2.19 |
$0.55 |"), a misstated input price, not a second statement of the output price (issue 9: recall on tables as real
pages write them). Asked by dsfact.matching.siblings.price_kind, only for a price that disagrees with its claim."""
from __future__ import annotations


def header_kinds(text, q, words: dict) -> frozenset[str]:
    """The ids of the claims of a price family (`words`: a kind word's cue -> the ids it names) that the header of
    figure q's column and the label of its row name together: the ids every kind word there names ("Input" and
    "cache hit": the cache-hit input price); empty outside a table, when they hold no kind word, or when their
    words name no kind in common ("Input / Output" over both prices of a cell)."""
    from dsfact.matching.tables import cell_spans  # read only for a price that disagrees

    spans = cell_spans(text, q)
    if not spans:
        return frozenset()
    told: frozenset[str] | None = None
    for span in spans:
        if span is None:
            continue
        for hit in text.hits_in(*span):
            ids = words.get(hit.cue)
            if ids:
                told = frozenset(ids) if told is None else told & frozenset(ids)
    return told or frozenset()

"""Tables: a figure in a table cell is about what its row's label and its column's header name ("| DeepSeek-R1 |
$2.19 |" under "| Model | Output (per 1M tokens) |"). dsfact.document gives each cell the texts of both
(`Block.row`, `Block.column`); dsfact.matching.structure turns them into spans (`Structure.table_of`)."""
from __future__ import annotations

from dsfact.matching.structure import word_roles

_INF = float("inf")


def table_cues(matcher, q, cues, firm: set[int]) -> None:
    """A figure in a table cell is about what its row's label and its column's header name ("| DeepSeek-R1 |
    $2.19 |" under "| Model | Output price |"): their subject words bind it as its own sentence's would,
    their metric and variant words firmly, at no distance, and their exclude words rule claims out; a
    company they name that no claim has makes the cell another body's (`cues`, matcher._Cues; `firm`,
    the claims bound firmly)."""
    structure = matcher.structure
    spans = structure.table_of(q.start) if structure is not None else None
    if not spans:
        return
    index, folded, family = matcher.index, matcher.folded, matcher.index.family(q.unit)
    words = []
    for span in spans:
        if span is None:
            continue
        for h in matcher.hits_in(*span):
            entity, subjects = index.naming(h.cue)
            given = [ci for ci in subjects if ci in family]
            for ci in given:
                cues.subject[ci] = min(cues.subject.get(ci, _INF), 1.0)
                cues.subject_before.add(ci)
            if entity and not given:
                cues.entity = min(cues.entity, 1.0)
            words.append(folded[h.start:h.end])
    for ci, role in word_roles(matcher, q, words):
        if role == "metric":
            cues.metric[ci] = 0.0
            firm.add(ci)
        else:
            cues.excluded.add(ci)


def table_metrics(matcher, table) -> set[int]:
    """The claims a table cell's row label and column header hold a metric or variant word of
    (table_cues)."""
    from dsfact.matching.cues import _cue_key

    index, folded, out = matcher.index, matcher.folded, set()
    for span in table:
        if span is not None:
            for h in matcher.hits_in(*span):
                word = folded[h.start:h.end]
                out.update(index.claims_by_role(h.cue)[0], index.variants_of(_cue_key(word, word)[0]))
    return out

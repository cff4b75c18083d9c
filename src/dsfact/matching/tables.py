"""Tables: a figure in a table cell is about what its row's label and its column's header name ("| DeepSeek-R1 |
$2.19 |" under "| Model | Output (per 1M tokens) |"). dsfact.document gives each cell of a Markdown or HTML
table the texts of both (`Block.row`, `Block.column`); dsfact.matching.structure turns them into spans
(`Structure.table_of`). Plain text keeps a table's pipes: its rows are read here (`pipe_cell`, `pipe_row`)."""
from __future__ import annotations

import re

from dsfact.document.cells import is_pipe_row, row_cells
from dsfact.matching.structure import apply_word_roles, word_roles

_INF = float("inf")
_JOINED = re.compile(r"\|[ \t]+\|")  # two rows on one line: "| a | b | | 1 | 2 |"


def table_cues(matcher, q, cues, firm: set[int]) -> None:
    """A figure in a table cell is about what its row's label and its column's header name ("| DeepSeek-R1 |
    $2.19 |" under "| Model | Output price |"): their subject words bind it as its own sentence's would,
    their metric and variant words firmly, at no distance, and their exclude words rule claims out; a
    company they name that no claim has makes the cell another body's (`cues`, matcher._Cues; `firm`,
    the claims bound firmly)."""
    structure = matcher.structure
    spans = structure.table_of(q.start) if structure is not None else None
    if not spans:
        spans = pipe_cell(matcher.text, q.start, matcher.sentences[matcher.sentence_of(q.start)].start)
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
    apply_word_roles(word_roles(matcher, q, words), cues, firm)


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


def _pipe_line(text: str, start: int) -> tuple[int, int] | None:
    """The line that begins at `start` (past blanks; a sentence's start), trimmed, when it is a row of a
    plain-text table ("| a | b |"); None when `start` is not at the beginning of a line. A row is a
    sentence of its own, so nothing is searched back from a figure: on a long line of many sentences
    that would be read once per figure."""
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k > 0 and text[k - 1] != "\n":
        return None
    while start < len(text) and text[start] in " \t":
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return (start, end) if is_pipe_row(text, start, end) else None


def _first_cell(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the first cell of the row text[start:end] (dsfact.document.cells, the splitter the
    Markdown reader uses); None when the row has no closing pipe after it or the cell is empty."""
    cells = row_cells(text, start, end)
    if not cells or text.find("|", cells[0][1], end) < 0:
        return None
    a, b = cells[0]
    return (a, b) if a < b else None


def pipe_cell(text: str, pos: int, start: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None] | None:
    """For a figure at pos, in the sentence that begins at `start`, in a body row of a plain-text table: the
    spans of its row's first cell (None when the figure is in it or it is empty) and of its column's header
    cell; None elsewhere."""
    line = _pipe_line(text, start)
    if line is None or _JOINED.search(text, *line):
        return None  # (rows a plain-text paragraph joined on one line: which cell labels a row is unsure)
    from dsfact.matching.doubt import _header_cell

    header = _header_cell(text, pos)
    if header is None:
        return None
    label = _first_cell(text, *line)
    if label is not None and label[0] <= pos < label[1] + 1:
        label = None
    return label, header


def pipe_row(text: str, start: int, end: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None] | None:
    """For the sentence text[start:end] when it is a body row of a plain-text table: the spans of its first
    cell and of the table's header row (for the prefilter: any of its cells may head a figure of the row)."""
    line = _pipe_line(text, start)
    if line is None or line[1] < end - 1 or _JOINED.search(text, *line):
        return None
    first = line[0]
    while first > 0:  # up to the table's first row
        above = _pipe_line(text, text.rfind("\n", 0, first - 1) + 1)
        if above is None:
            break
        first = above[0]
    if first == line[0]:
        return None  # the header row itself
    header_end = text.find("\n", first)
    return _first_cell(text, *line), (first, len(text) if header_end < 0 else header_end)

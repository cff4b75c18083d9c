"""Tables: a figure in a table cell is about what its row's label and its column's header name ("| DeepSeek-R1 |
$2.19 |" under "| Model | Output (per 1M tokens) |"). dsfact.document gives each cell of a Markdown or HTML
table the texts of both (`Block.row`, `Block.column`); dsfact.matching.structure turns them into spans
(`Structure.table_of`). Plain text keeps a table's pipes: its rows are read here (`pipe_cell`, `pipe_row`)."""
from __future__ import annotations

from functools import lru_cache

from dsfact.document.cells import is_pipe_row, lone_label, row_cells, space_cell, space_cells, table_top
from dsfact.document.labels import OUTLINE_NUMBER
from dsfact.matching.apposition import gloss_of
from dsfact.matching.bodies import members
from dsfact.matching.captionday import caption_fits
from dsfact.matching.structure import apply_word_roles, word_roles
from dsfact.numbers.patterns import lazy
from dsfact.numbers.words import is_money
from dsfact.numbers.words import load as load_words

_INF = float("inf")
_JOINED = lazy(r"\|[ \t]+\|(?=[ \t]*[^\s|])")  # two rows on one line: "| a | b | | 1 | 2 |" (a trailing "| |" is an empty cell)
_YEAR = lazy(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,%])")  # "2024 capex", "2024年资本支出"


def cell_spans(matcher, q) -> tuple[tuple[int, int] | None, tuple[int, int] | None] | None:
    """For figure q in a table cell, the spans of its row's label and its column's header (either may be None):
    a Markdown or HTML table's (Structure.table_of), else a plain-text table's (`pipe_cell`); None outside."""
    structure = matcher.structure
    spans = structure.table_of(q.start) if structure is not None else None
    return spans or pipe_cell(matcher.text, q.start, matcher.sentences[matcher.sentence_of(q.start)].start)


def table_cues(matcher, q, cues, firm: set[int]) -> None:
    """A figure in a table cell is about what its row's label and its column's header name ("| DeepSeek-R1 |
    $2.19 |" under "| Model | Output price |"): their subject words bind it as its own sentence's would,
    their metric and variant words firmly, at no distance, and their exclude words rule claims out; a
    company they name that no claim has makes the cell another body's (`cues`, matcher._Cues; `firm`,
    the claims bound firmly)."""
    spans = cell_spans(matcher, q)
    if not spans:
        return
    index, folded, family = matcher.index, matcher.folded, matcher.index.family(q.unit)
    words, keys = [], set()
    _header_owns(matcher, spans[1], family, cues)
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
            keys.add(h.cue)
    if spans[0] is not None and _version_in_row(matcher, spans[0][1], q.start, family):
        cues.entity = min(cues.entity, 0.5)  # "| DeepSeek | DeepSeek-V3.1 | $0.48 |": the model's row, not the company's
    if spans[0] is not None and unknown_model_row(matcher, spans[0]):
        cues.excluded.update(family)  # "| o4-mini | OpenAI | $1.10 |": that model's row, whatever company it names
    apply_word_roles(word_roles(matcher, q, words), cues, firm)
    if q.unit in ("count", "point") and spans[0] is not None and spans[1] is not None:  # "| Nasdaq | 19,341.83 |"
        for ci in family & closes_of(matcher):  # under "| Close |": the close's level claims, if close_cell allows
            if ci in cues.subject and close_cell(matcher, q, matcher.registry.claims[ci]):
                cues.metric[ci] = 0.0
                firm.add(ci)
    # a column headed by another model of the claim's family ("| OpenAI GPT-4o |" against o1's price) and
    # not by its own binds loosely: it may agree, never contradict
    family_of = members(matcher)
    firm.difference_update([ci for ci in list(firm) if family_of[ci][1] & keys and not family_of[ci][0] & keys])


def close_cell(matcher, q, claim) -> bool:
    """Whether figure q, a bare number in a table cell, is an index's close for `claim` (a level of a day, in
    points): its column is headed by the close alone (roles.words [close-header]: "| Index | Close |", 收盘) and
    the table's caption or that header names the claim's day ("Monday, January 27, 2025:" over the table). A
    close with no day named by the table stays unjudged, as "The Nasdaq closed at 19,341.83." does."""
    spans = cell_spans(matcher, q)
    if not spans or spans[1] is None or not claim.time or matcher.index.position.get(claim.id) not in closes_of(matcher):
        return False
    if not _close_header(matcher.folded, spans[1]):
        return False
    caption = matcher.structure.caption_of(q.start) if matcher.structure is not None else None
    return bool(caption_fits(matcher, caption or spans[1], claim.time))


def _close_header(folded: str, span: tuple[int, int]) -> bool:
    """Whether a column's header (folded[span]) is the close alone (roles.words [close-header])."""
    return " ".join(folded[span[0]:span[1]].strip(" *_:：").split()) in _close_headers()


def closes_of(matcher) -> frozenset[int]:
    """The claims of an index's level at the close: levels in points with a metric word of [close-level]
    ("closed at", 收报), not the day's low; found once per text."""
    found = getattr(matcher, "_closes", None)
    if found is None:
        from dsfact.lang import words_of

        words, claims = frozenset(words_of("roles", "close-level")), matcher.registry.claims
        found = matcher._closes = frozenset(ci for ci in matcher.index.point_levels
                                            if any(w.lower() in words for w in claims[ci].metric_cues))
    return found


@lru_cache(maxsize=1)
def _close_headers() -> frozenset[str]:
    from dsfact.lang import words_of

    return frozenset(words_of("roles", "close-header"))


def header_time_fits(matcher, q, claim_time: str) -> bool:
    """Whether the row label and the column header of the table cell that holds figure q allow a claim tied
    to `claim_time`: a column headed "2024 capex", "去年资本支出" or a row labelled "2024" places the cell in
    that year, as the same words would in its sentence ("$39 billion in 2024"). True outside tables."""
    spans = cell_spans(matcher, q)
    if not spans:
        return True
    from dsfact.matching.timefits import time_fits
    from dsfact.matching.timewords import time_tags
    from dsfact.matching.when import date_fits

    folded = matcher.folded
    for span in spans:
        if span is None:
            continue
        years = [m.group() for m in _YEAR.finditer(folded, *span)]
        if years and not any(date_fits(year, claim_time) for year in years):
            return False
        tags = time_tags(folded, *span)
        if tags and not time_fits(claim_time, tuple(tags), matcher.year, matcher.day):
            return False
    return True


def header_dates(matcher, q) -> list[str]:
    """The dates the row label and the column header of the table cell that holds figure q name (ISO, perhaps
    without a year): "| Nasdaq | -3.1% |" under "| Index | Change on Jan. 27 |" or "| 1月27日跌幅 |" is that day's
    move, as the same date in its sentence would place it. None outside tables."""
    spans = cell_spans(matcher, q)
    if not spans:
        return []
    from dsfact.numbers import parse_quantities

    out = []
    for span in spans:
        if span is not None:
            out.extend(str(x.value) for x in parse_quantities(matcher.text[span[0]:span[1]]) if x.unit == "date")
    return out


def _version_in_row(matcher, start: int, end: int, family: frozenset[int]) -> bool:
    """Whether the cells between a row's label and a figure (text[start:end]) name another body whose name
    holds the name of a subject of these claims ("Deepseek v3.1", "V3.2-Exp"): another member of the label's
    family, more particular than the company the label names, whose row it is."""
    index, folded = matcher.index, matcher.folded
    if "|" not in folded[start:end]:
        return False
    return any(index.naming(h.cue)[0] and any(ci in family for x in index.find(folded[h.start:h.end])
                                              for ci in index.naming(x.cue)[1])
               for h in matcher.hits_in(start, end))


def _header_owns(matcher, column: tuple[int, int] | None, family: frozenset[int], cues) -> None:
    """A column headed by a name owns its cells: "| OpenAI GPT-4o | DeepSeek R1 |" over "| $1.25 | $0.14 |"
    makes $1.25 GPT-4o's, whatever else its row names ("DeepSeek is ~9x cheaper"): the claims of other
    subjects are ruled out for the cell (`cues`, matcher._Cues)."""
    if column is None:
        return
    naming = matcher.index.naming
    named = [naming(h.cue) for h in matcher.hits_in(*column)]
    if not any(entity or subjects for entity, subjects in named):
        if unknown_model_column(matcher, column, family):
            cues.excluded.update(family)
        return
    own = {ci for _entity, subjects in named for ci in subjects}
    cues.excluded.update(ci for ci in family if ci not in own)


_MODEL = lazy(r"[A-Za-z](?<![\w.].)[A-Za-z]*-?\d[\w.]*")  # (?<![\w.])[A-Za-z]+-?\d[\w.]*, led by its class  # "GPT-5.4", "o3", "Kestrel-9": a model's name


def unknown_model_column(matcher, column: tuple[int, int], family: frozenset[int]) -> bool:
    """Whether a column's header is the name of a model the registry does not know ("GPT-5.4", "o3") in a
    table whose columns are the models compared, another header of its row naming a subject of `family`
    ("| Dimension | DeepSeek R1 | GPT-5.4 |"): the column's cells are that model's (_header_owns). A figure's own
    cell that names a subject is read by its words, not by this."""
    text = matcher.text
    if not _MODEL.search(text, *column):
        return False
    naming = matcher.index.naming

    def names(a: int, b: int) -> bool:
        return any(ci in family for h in matcher.hits_in(a, b) for ci in naming(h.cue)[1])

    return any(names(a, b) for a, b in _row_headers(matcher, column) if (a, b) != column)


_MODEL_LABEL = lazy(r"[\s*_`]*[A-Za-z]+-?\d[\w.]*(?:[-\s][A-Za-z0-9.]+){0,2}[\s*_`]*")  # "o4-mini", "Kestrel-9 Pro"
_PERIOD_LABEL = lazy(r"[\s*_`]*(?i:q[1-4]|h[12]|fy|cy|wk|week)(?![a-z])")  # "Q4 2024", "H1", "FY2025"


def unknown_model_row(matcher, label: tuple[int, int]) -> bool:
    """Whether a row's label (its first cell) is the name of a model the registry does not know, alone in the cell
    and holding no cue word ("| o4-mini | OpenAI | $1.10 | $4.40 |" in a price table): the row's own subject
    governs its figures, and a company named in a later cell (the model's maker) makes them no figures of that
    company's registered model. A period ("Q4 2024", "H1") is no model."""
    text = matcher.text
    if not _MODEL_LABEL.fullmatch(text, *label) or _PERIOD_LABEL.match(text, *label):
        return False
    return not matcher.hits_in(*label)


def _row_headers(matcher, column: tuple[int, int]) -> list[tuple[int, int]]:
    """The header cells of the row that holds header cell `column`: a Markdown or HTML table's header cells
    next to it (only spaces between them), else the cells of a plain-text table's header line."""
    text = matcher.text
    structure = matcher.structure
    if structure is not None and structure.tables:
        heads = sorted({c[:2] for _row, c in structure.tables.values() if c})
        if column in heads:
            i = j = heads.index(column)
            while i > 0 and not text[heads[i - 1][1]:heads[i][0]].strip():
                i -= 1
            while j + 1 < len(heads) and not text[heads[j][1]:heads[j + 1][0]].strip():
                j += 1
            return heads[i:j + 1]
    start = text.rfind("\n", 0, column[0]) + 1
    end = text.find("\n", column[1])
    line = text[start:len(text) if end < 0 else end]
    if "|" not in line:
        return []
    spans, a = [], start
    for cell in line.split("|"):
        spans.append((a, a + len(cell)))
        a += len(cell) + 1
    return spans


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
    if len(table) > 1 and table[1] is not None and _close_header(folded, table[1]):
        out.update(closes_of(matcher))  # "| Close |": an index's level at the close (close_cell)
    return out


def _pipe_line(text: str, start: int) -> tuple[int, int] | None:
    """The line that begins at `start` (past blanks; a sentence's start), trimmed, when it is a row of a
    plain-text table ("| a | b |"); None when `start` is not at the beginning of a line. A row is a
    sentence of its own, so nothing is searched back from a figure: on a long line of many sentences
    that would be read once per figure."""
    if _line_start(text, start) is None:
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
    if line is None:  # "DeepSeek-R1    $0.55    $2.19": columns of spaces
        end = text.find("\n", pos, pos + _ROW_REACH)  # (the figure's own line only, and a row's length at most:
        if end < 0:  # never the whole text per figure)
            end = len(text) if len(text) <= pos + _ROW_REACH else -1
        return _space_cell(text, pos, start) if end > 0 and (text.find("   ", start, end) >= 0
                                                             or text.find("\t", start, end) >= 0) else None
    if _JOINED.search(text, *line):  # rows a plain-text paragraph joined on one line: only under a delimiter
        from dsfact.matching.columns import joined_cell  # row is it sure which pipe opens a row

        return joined_cell(text, pos, line[0])
    from dsfact.matching.columns import header_cell

    header = header_cell(text, pos)
    if header is None:
        return None
    label = lone_label(text, line[0]) or _first_cell(text, *line)  # ("deepseek-chat |" over the row's cells)
    if label is not None and label[0] <= pos < label[1] + 1:
        label = None
    return label, header


def _line_start(text: str, start: int) -> int | None:
    """Where the line begins when only blanks stand between its start and `start`; None when `start` is not at
    the beginning of a line (a sentence that begins inside a line is no table row)."""
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return None if k > 0 and text[k - 1] != "\n" else k


def _space_cell(text: str, pos: int, start: int):
    """pipe_cell for a table written in columns of spaces (dsfact.document.cells.space_cell), at the start of
    a line only."""
    k = _line_start(text, start)
    if k is None:
        return None
    return space_cell(text, pos, k)


def pipe_row(text: str, start: int, end: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None] | None:
    """For the sentence text[start:end] when it is a body row of a plain-text table: the spans of its first
    cell and of the table's header row (for the prefilter: any of its cells may head a figure of the row)."""
    line = _pipe_line(text, start)
    if line is None:
        return _space_row(text, start, end)
    if line[1] < end - 1 or _JOINED.search(text, *line):
        return None
    first = table_top(text, text.rfind("\n", 0, line[0]) + 1)  # up to the table's first row
    while first < line[0] and text[first] in " \t":
        first += 1
    if first == line[0]:
        return None  # the header row itself
    header_end = text.find("\n", first)
    return lone_label(text, line[0]) or _first_cell(text, *line), (first, len(text) if header_end < 0 else header_end)


def _space_row(text: str, start: int, end: int):
    """pipe_row for a row of a table written in columns of spaces: its first cell and its header line (a
    sentence that begins a line no longer than _ROW_REACH: nothing is searched beyond, however long the text)."""
    if _line_start(text, start) is None:
        return None
    line_end = text.find("\n", start, start + _ROW_REACH)
    if line_end < 0:
        if len(text) > start + _ROW_REACH:
            return None
        line_end = len(text)
    if line_end < end - 1:
        return None
    cells = space_cells(text, start, line_end)
    found = _space_cell(text, cells[-1][0], start) if cells else None
    if found is None:
        return None
    first = found[1][0]
    header_end = text.find("\n", first)
    return cells[0], (text.rfind("\n", 0, first) + 1, len(text) if header_end < 0 else header_end)


_ROW_REACH = 2000  # characters: a line longer than this is no table row written in columns of spaces
_CURRENCY_LEADS = ("US$", "$", "USD", "¥", "RMB", "CNY", "€", "EUR")  # a header's currency, before its base


def cell_units(matcher, quantities: list) -> list:
    """The figures of a text, with each table cell's bare figure given the unit its column's header or its
    row's label names ("| Model | Output ($/1M tokens) |" over "| DeepSeek-R1 | 2.19 |": $2.19 per million
    tokens; "| GPU hours | 2.788M H800 |": 2.788 million GPU hours), and a price without a base given the
    base they name ("Output price (per 1M tokens)" over "$2.19"). Only one of the two may name a unit: a
    header and a label that both do disagree on what the cell is, and it keeps its own reading."""
    text = matcher.text
    structure = matcher.structure
    if "|" not in text and ":" not in text and "：" not in text and "   " not in text and "\t" not in text \
            and "—" not in text and "–" not in text and "--" not in text and (structure is None or not structure.tables):
        return quantities
    out, changed, sentences = [], False, matcher.sentences
    tabular = "|" in text or "   " in text or "\t" in text  # pipes, or columns of spaces (asked once per text)
    for q in quantities:
        if q.per is None and (q.unit == "count" or is_money(q.unit)):
            spans = structure.table_of(q.start) if structure is not None else None
            if not spans and tabular:
                spans = pipe_cell(text, q.start, sentences[matcher.sentence_of(q.start)].start)
            if not spans:  # "GPU hours: 2.788 million", "训练词元：14.8万亿": the label of the figure's line, or
                label = line_label(text, q.start) or gloss_of(text, q.start, q.end)  # "14.8T — tokens of ..."
                named = [u for u in (_label_unit(text[label[0]:label[1]]),) if u] if label else []
            else:
                named = [u for u in (_unit_named(text[a:b]) for a, b in filter(None, spans or ())) if u] \
                    or _corner_unit(text, structure, spans)
                noted = _noted_unit(matcher, q)
                if not named or len(named) == 1 and noted and noted[0][0] == named[0][0] and named[0][2] == 1.0:
                    named = noted or named  # "| GPU小時 |" under "（單位：萬GPU小時）": the note's scale
            if len(named) == 1:
                unit, per, scale = named[0]
                if q.unit == "count" and unit != "count":  # "| Training cost (US$ m) | 5.6 |": $5.6 million
                    q, changed = _scaled(q._replace(unit=unit, per=per), scale), True
                elif q.unit != "count" and per is not None and unit in (q.unit, "count"):
                    q, changed = q._replace(per=per), True
            elif not named and spans and q.unit == "count" and _index_move(matcher, q, spans):
                q, changed = q._replace(unit="point"), True  # "| Nasdaq Composite | -612.47 |" under "| Change |"
        out.append(q)
    return out if changed else quantities


def _index_move(matcher, q, spans) -> bool:
    """Whether a bare cell figure is an index's move in points: its row's label names an index (a subject of
    claims in points) and its column's header tells a change, or the cell opens with a sign ("| Dow | +289.33 |"
    under "| Change |"), as "points" after it would (moved.cell_change)."""
    from dsfact.matching.moved import cell_change

    row = spans[0]
    if row is None or not cell_change(matcher, q):
        return False
    index, claims = matcher.index, matcher.registry.claims
    return any(claims[ci].unit == "point" for h in matcher.hits_in(*row) for ci in index.naming(h.cue)[1])


def _noted_unit(matcher, q) -> list:
    """The unit its row's unit cell or its table's note names for a cell that names none in its header or row
    label ("| DeepSeek-R1 | 2.19 | $ per 1M tokens |" under "| Model | Output | Unit |"; "單位：億美元" over the
    table: dsfact.matching.tablenotes); the first that names one."""
    notes = matcher.table_notes
    for words in notes.of(q.start) if notes is not None else ():
        found = _unit_named(words) or _unit_named(f"({words})")
        if found:
            return [found]
    return []


def _corner_unit(text: str, structure, spans) -> list:
    """The unit the header of a table's label column names, for a cell whose row label and column header name
    none: "| 价格（元/百万tokens） | DeepSeek-V3 | DeepSeek-R1 |" over "| 输出 | 8 | 16 |" (the models are the
    columns, the corner cell says what every figure is); nothing when the row is no labelled row."""
    if structure is None or not spans or spans[0] is None:
        return []
    label = structure.table_of(spans[0][0])  # the row label's own cell: its column's header is the corner
    corner = label[1] if label else None
    found = _unit_named(text[corner[0]:corner[1]]) if corner else None
    return [found] if found else []


# a line's label and its colon right before a figure: "GPU hours: 2.788 million", "- 训练词元：约14.8万亿", a
# bullet or number before it; a label of a few words with no clause mark, and a qualifier after the colon
# a figure (not a model code: H800) at the end of the words before a label's unit: "耗费278.8万", "用了 2,048 "
_FIGURE_END = lazy(r"(?<![A-Za-z0-9.,])[0-9][0-9.,]*[ \t]*[万萬亿億千百]?[ \t]*\Z")
_LINE_LABEL = lazy(r"[ \t]*(?:[-*•·][ \t]+|\d{1,2}[.)][ \t]+|" + OUTLINE_NUMBER + r")?(?P<label>[^\s:：。.!?;；,，|][^\n:：。!?;；,，|]{0,29}?)"
                         r"[ \t]*[:：][ \t]*(?:about |around |roughly |nearly |almost |~|约|約|近|逾|超过|超過)?[ \t]*\Z")


def line_label(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the label that opens the line of the figure at `pos` when only the label, its colon and
    perhaps a qualifier stand before the figure ("GPU hours: 2.788 million"); None otherwise."""
    lo = max(0, pos - 49)
    start = text.rfind("\n", lo, pos) + 1
    if start == 0 and lo > 0:
        return None  # the line begins further back than a label reaches
    m = _LINE_LABEL.match(text[start:pos])
    return None if m is None else (start + m.start("label"), start + m.end("label"))


def _label_unit(label: str) -> tuple[str, object, float] | None:
    """The unit a line's label names, as a table's header does (`_unit_named`); for a Chinese label, also
    the unit its last characters name (训练词元: tokens), unless a figure stands right before them: then the
    "label" is a sentence that states a figure and its unit, and its colon opens a breakdown ("耗费278.8万GPU
    小时：266.4万用于预训练", "共用278.8萬GPU小時：266.4萬在預訓練"), whose bare figures are no 萬s of hours."""
    found = _unit_named(label.strip())
    if found is None and not label.isascii() and "每" not in label and "/" not in label:  # (每万亿token所需GPU小时: a rate)
        label = label.strip()
        for k in range(min(len(label) - 1, 6), 1, -1):
            found = _unit_named(label[-k:])
            if found is not None:
                return None if _FIGURE_END.search(label, 0, len(label) - k) else found
    return found


@lru_cache(maxsize=256)  # a table repeats its header and labels from figure to figure
def _unit_named(label: str) -> tuple[str, object, float] | None:
    """The unit (and the base of a rate) a table's header or row label names, read by the figure reader as
    if a 1 stood before it ("GPU hours", "$/1M tokens", "USD per million tokens", "每百万tokens", "(per 1M
    tokens)"); None when it names none. The part in brackets, when there is one, is the unit."""
    inner = label
    for open_, close in (("(", ")"), ("（", "）")):
        a = label.find(open_)
        if a >= 0 and label.find(close, a) > a:
            inner = label[a + 1:label.find(close, a)]
            break
    scales = load_words().en_scale  # "US$ billions", "millions of dollars": a scale named in the plural is the scale
    inner = " ".join(w if w.isupper() else w.lower()[:-1] if w.lower()[:-1] in scales and w.lower().endswith("s")
                     else w.lower() for w in inner.split())
    if not inner:
        return None
    lead = next((c for c in _CURRENCY_LEADS if inner.startswith(c)), None)
    if lead is not None:  # "$/1M tokens" is read as "$1/1M tokens", "USD per million tokens" as "USD 1 per ..."
        rest = inner[len(lead):].strip()
        number = f"{lead} 1" if lead.isalpha() else f"{lead}1"
        glued = rest in load_words().scale_abbr  # "US$ m", "$ bn": a scale written as a figure's suffix
        probe = number + rest if rest.startswith("/") or glued else f"{number} {rest}"
    elif not inner.isascii() and inner[:1].isdigit():
        return None  # "| 2025年资本开支 |": a header's year names its time (header_time_fits), no unit ("12025年")
    elif not inner.isascii() or inner.startswith(("per ", "/")):
        probe = "1 " + inner if inner.isascii() else "1" + inner
    else:  # the whole ("GPU hours"), else its last word ("Training tokens")
        return _read_unit("1 " + inner) or _read_unit("1 " + inner.split()[-1])
    return _read_unit(probe)


def _read_unit(probe: str) -> tuple[str, object, float] | None:
    from dsfact.numbers import parse_quantities

    found = parse_quantities(probe)
    if not found or found[0].start != 0 or (found[0].unit == "count" and found[0].per is None) \
            or found[0].unit == "date":  # "| 1月27日市值蒸发 |": the probe's 1 read into the header's date
        return None
    scaled = is_money(found[0].unit) or found[0].unit == "gpu_hour"  # "（萬GPU小時）": 266.4 is 2.664 million hours
    return found[0].unit, found[0].per, float(found[0].value) if scaled else 1.0


def _scaled(q, scale: float):
    """A bare cell figure in the scale its header names: 557.6 under "訓練成本（萬美元）" is 5,576,000 dollars,
    5.6 under "Cost (US$ m)" 5.6 million, and a range's both ends ("60-65" under "Capex (US$ bn)")."""
    if scale == 1.0 or scale <= 0:
        return q
    precision = q.precision * scale if q.precision is not None else None
    high = round(q.high * scale, 6) if q.high is not None else None
    return q._replace(value=round(q.value * scale, 6), precision=precision, high=high)

"""A change stated: a figure states a claim of a change (a loss of market value, a fall) only when its clause
tells a change: a direction word ("lost $589 billion", "市值蒸发5890亿美元"), a move's noun ("a $589 billion
drop", "5890亿美元的跌幅") or a word of a rout (roles.words [change-words]: "the rout cost Nvidia $589 billion"),
or continues a move told before it ("the Nasdaq fell 3.1%, the S&P 500 1.5%"); a figure that opens its line
is told by the gloss after its colon or dash ("- **12%** — Nvidia's drop at the close", "17%：輝達週一的跌幅").
A figure whose clause tells none ("Nvidia has a market value of $2.9 trillion", "其市值现为2.9万亿美元") may
agree with such a claim, never contradict it."""
from __future__ import annotations

from functools import lru_cache

from dsfact.lang import word_set
from dsfact.matching.apposition import glossed
from dsfact.matching.wordtables import Alternation


@lru_cache(maxsize=1)
def change_words() -> Alternation:
    """The words of a change, looked up where they stand: as one regex (some 280 words) they cost 13 ms to compile,
    on every run whose text has a figure of a change's unit."""
    from dsfact.lang import words_of

    words: set[str] = set()
    for key in ("down", "up"):
        words.update(words_of("numbers", "directions", key))
        words.update(words_of("numbers", "directions-after", key))
    words.update(words_of("roles", "move-noun"))
    words.update(words_of("roles", "change-words"))
    return Alternation(tuple(sorted(words)))


def change_told(matcher, q) -> bool:
    """Whether figure q carries a direction (a sign glued to it in a line of figures too), its clause holds a word of change, or an earlier figure of its
    unit in its sentence carries a direction that q continues ("the Nasdaq fell 3.1%, the S&P 500 1.5%",
    "纳指下跌3.1%，标普则为1.5%")."""
    if q.direction is not None or any(h.end == q.start and h.start == q.start - 1 for h in matcher.hits_in(q.start - 1, q.start)):
        return True  # (a sign read as its word, dsfact.matching.signed: "-$589B")
    reader = matcher.reader()
    start, end = reader.clause_span(q.start)
    folded = matcher.folded
    line_end = folded.find("\n", q.end)
    line_end = len(folded) if line_end < 0 else line_end
    if glossed(folded, q.start, q.end, line_end):  # "- **12%** — Nvidia's drop at the close": what its gloss says
        end = max(end, line_end)
    if change_words().get(reader._chinese).search(matcher.folded, start, end) is not None:
        return True
    sentence_start = reader.sentence_of(q.start)[0]
    return any(x.direction is not None and (x.unit == q.unit or restates_move(folded, x.end, q.start))
               for x in matcher.figures_in(sentence_start, q.start) if x is not q) or cell_change(matcher, q)


RESTATE_GAP = 32  # characters between a move's figure and the comma before its restatement in another unit


def restates_move(folded: str, end: int, start: int) -> bool:
    """Whether the figure at `start` restates, in another unit, the move whose figure ends at `end`: after a
    comma, the words of a restatement alone stand before it (roles.words [conversion] `before`: "fell 17% on
    Monday, or about $589 billion", "下跌17%，相当于5890亿美元"). The move's direction is then the sum's too."""
    gap = folded[end:start]
    comma = max(gap.rfind(","), gap.rfind("，"))
    return 0 <= comma <= RESTATE_GAP and gap[comma + 1:].strip() in word_set("roles", "conversion", "before")


def cell_change(matcher, q) -> bool:
    """Whether figure q stands in a table cell whose column header or row label tells a change ("| Change (%) |",
    "| Market value lost ($bn) |", "| 市值蒸发 |", 涨跌幅: roles.words [change-header] and the words of change), or
    opens with a sign ("| -13.0 |", "| +8.9 |"): a table says in its header what a sentence says in its clause."""
    from dsfact.matching.tables import cell_spans  # (tables imports what imports this module)

    spans = cell_spans(matcher, q) if matcher.structure is not None else None
    if not spans:
        return False
    text, folded = matcher.text, matcher.folded
    if q.start > 0 and text[q.start - 1] in "-−–+" and not text[max(0, q.start - 2):q.start - 1].strip(" |\t\n"):
        return True
    words, headers = change_words().get(matcher.reader()._chinese), _change_headers()
    for span in spans:
        if span is None:
            continue
        label = " ".join(folded[span[0]:span[1]].split()).strip(" *_:：")
        if words.search(folded, *span) is not None or any(w in label for w in headers):
            return True
    return False


@lru_cache(maxsize=1)
def _change_headers() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return words_of("roles", "change-header")

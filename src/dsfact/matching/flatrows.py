"""A table flattened into running text: a scraper or a reader that joins a table's cells with spaces turns
"| Model | Input | Output |" over "| V3 | $0.27 | $1.10 |" and "| R1 | $0.55 | $2.19 |" into "Model Input Output V3
$0.27 $1.10 R1 $0.55 $2.19". Its header words then stand before every cell, and the nearest of them, the last
column's, binds the first cell of each row. Prose never sets figures of one kind side by side with nothing
between them: two rows or more of as many such figures each are a table's, whose columns the words' order
does not tell. A figure in one may agree with a claim but never contradicts it.

A scraper also breaks a decimal figure at its point: "over 1. 3 million GPUs", "around $51. 3 billion",
"約557. 6萬美元" (a white space after the point, where a line or a span ended). The figure read after the
point ("3 million") is the fraction's tail, not a figure of its own: it may agree by chance, never contradict
(broken_decimal). A sentence that ends in a figure and a next one that begins with one ("in 2024. 3 million
more") is told apart by the digits before the point: a decimal's whole part, one to three digits, with words
of the sentence before it on its line (a list's "1. " opens its line)."""
from __future__ import annotations

from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

# what may stand between two cells of a row: white space, perhaps after a rate's short sign ("$0.27/M $1.10/M"),
# or that sign alone when a scraper glued the cells ("$0.55/M$2.50/M$2.00/M": prose never glues a sign to the
# next amount)
_GAP = lazy(r"\s*/\s*[0-9]*[a-z]{1,6}\.?\s*|\s+")


def flattened_row(text, q: Quantity) -> bool:
    """Whether figure q is a cell of a table flattened into its sentence (`text`: a TextMatcher): q stands in a
    run of two figures or more of its unit with only white space between them, and the sentence holds another
    run of as many."""
    sentence = text.sentences[text.sentence_of(q.start)]
    folded = text.folded
    runs: list[list[Quantity]] = []
    run: list[Quantity] = []
    for x in text.figures_in(sentence.start, sentence.end):
        if x.unit != q.unit:
            continue
        if run and x.start >= run[-1].end and _GAP.fullmatch(folded, run[-1].end, x.start):
            run.append(x)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [x]
    if len(run) >= 2:
        runs.append(run)
    own = next((r for r in runs if any(x.start == q.start for x in r)), None)
    return own is not None and sum(len(r) == len(own) for r in runs) >= 2


# a decimal's whole part and its point, then the white space a scraper left, right before a figure: the whole
# part follows a word of its sentence on its line (not a list's number, which opens its line, nor another
# point: "1.2. 3"), in any script ("超過1. 3百萬", 约557. 6万美元)
_BROKEN = lazy(r"[^\s.\d][ \t]*(?<![\d.])\d{1,3}[.．][ \t]+\Z")


def scraped(text, q: Quantity) -> bool:
    """Whether figure q is scraped text's misreading: a cell of a flattened table (flattened_row) or a decimal's
    tail broken off at its point (broken_decimal)."""
    return flattened_row(text, q) or broken_decimal(text, q)


def broken_decimal(text, q: Quantity) -> bool:
    """Whether figure q is the tail of a decimal a white space broke at its point ("over 1. 3 million GPUs":
    q is "3 million"), `text` a TextMatcher: the sentence's words, a whole part of one to three digits and its
    point stand right before q on its line."""
    folded = text.folded
    line = folded.rfind("\n", 0, q.start) + 1
    return q.start > line and folded[q.start].isdigit() and _BROKEN.search(folded[line:q.start]) is not None


def beside_glued_cell(kept: list, sentence_of) -> list:
    """Without the findings that disagree with a claim and whose figure touches another figure found, not a
    character between them (`kept`: check's entries, each a finding first), when that figure states a claim
    rightly or the sentence states the wrong one's own claim rightly elsewhere: a table whose cells a scraper
    joined with nothing ("API cost$9.50/$38 per M tokens$0.55/$2.19 per M tokens", "API input price$0.55 / 1M
    tokens$3.00 / 1M tokens"). Prose never glues two amounts together; the cell beside a right one, or the
    cell whose claim the row states rightly in another column, is another model's price (named by a header
    the text no longer shows), not a misstatement, and it leaves the claim to the figure that states it. A
    wrong cell whose row and sentence state its claim nowhere is judged as before: it may be the misstatement.
    `sentence_of` gives the sentence of an offset."""
    found = [entry[0] for entry in kept]
    right = [f for f in found if f.verdict == "supported"]
    if not right or len(right) == len(found):
        return kept
    ends, starts = {f.end: f for f in found}, {f.start: f for f in found}
    right_ends, right_starts = {f.end for f in right}, {f.start for f in right}
    stated = {(f.claim, sentence_of(f.start)) for f in right}

    def glued_aside(f) -> bool:
        if f.start not in ends and f.end not in starts:
            return False
        return f.start in right_ends or f.end in right_starts or (f.claim, sentence_of(f.start)) in stated

    return [e for e in kept if e[0].verdict == "supported" or not glued_aside(e[0])]


# the rest of a short label, then the gap of a table's cells (a tab, or two spaces or more) and a figure: a
# table flattened to text ("Training hardware  2,048 H800 GPUs", "訓練硬體  2048塊")
_CELL_LABEL = lazy(r"[^\d\s$€£¥]{0,16}(?: [^\d\s$€£¥]{1,16}){0,2}(?:\t|  )\s*(?:about |约|約)?[$€£¥]?\d")
_CELL_GAP_BY = 16 + 2 * 17  # where the cells' gap begins at the latest: the label's three words and their spaces


def cell_label(folded: str, at: int) -> bool:
    """Whether _CELL_LABEL matches at offset `at`: looked for only where a tab or two spaces follow within the
    label's reach (most texts have no table flattened to text, and the pattern costs more to compile than
    that look-up)."""
    reach = at + _CELL_GAP_BY + 2
    if folded.find("\t", at, reach) < 0 and folded.find("  ", at, reach) < 0:
        return False
    return _CELL_LABEL.match(folded, at) is not None

"""A discount period named, or its end: a price of the period is no list price, while a price told "after the
discount period ended" (优惠期结束, 优惠已结束) is the list price again. The words are language data
(dsfact/lang/time.words [discount])."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.matching.wordtables import Alternation, word_ending
from dsfact.numbers.patterns import lazy

_WORDS: dict[str, Alternation] | None = None
# the words between a period and its end: none, a relative word, or the day it ended ("已于2月8日", "on Feb. 8")
_DAY_GAP = lazy(r"(?:,?\s*(?:which|that)(?:\s+(?:has|had))?)?\s*(?:已经|已)?(?:于|在)?\s*"
                r"(?:(?:on\s+)?[a-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{4}年)?\s*(?:\d{1,2}月\d{1,2}[日号])?\s*")


def _words() -> dict[str, Alternation]:
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import load_words

        table = load_words("time").get("discount", {})
        _WORDS = {key: Alternation(tuple(table.get(key, ()))) for key in ("words", "then", "ended", "before-end",
                                                                         "ends-before", "list", "period",
                                                                         "period-end", "before-then")}
    return _WORDS


def _still_running(folded: str, start: int, end: int) -> bool:
    """Whether the end of a discount at start:end is told as a time before it ends ("before the discount
    period ends", "until the promotion ends", 优惠期结束前): the discount still runs."""
    words = _words()
    tail = folded[end:end + 8].lstrip()
    lead = folded[max(0, start - 12):start].rstrip()
    return any(tail.startswith(w) for w in words["before-end"].words) \
        or word_ending(lead, words["ends-before"].words) is not None


def _ended(folded: str, chinese: bool, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of start:end that tell a discount ended."""
    words = _words()
    spans = [(m.start(), m.end()) for m in words["ended"].get(chinese).finditer(folded, start, end)]
    for m in words["period"].get(chinese).finditer(folded, start, end):
        gap = _DAY_GAP.match(folded, m.end(), end)
        told = words["period-end"].get(chinese).search(folded, gap.end(), end) if gap is not None else None
        if told is not None and told.start() == gap.end():
            spans.append((m.start(), told.end()))  # "the promotion expired on February 8", 优惠期已于2月8日结束
    return [(a, b) for a, b in spans if not _still_running(folded, a, b)]


def ended_spans(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of folded[start:end] that tell a discount has ended (优惠期结束, "after the discount period"):
    a discount or promotion word inside one names no discount of the figure."""
    return _ended(folded, has_han(folded[start:end]), start, end)


def _sentence_ended(text, si: int) -> list[tuple[int, int]]:
    """The spans of sentence si of a text (dsfact.matching.text.TextCues) that tell a discount ended, found once."""
    by_sentence = text.__dict__.setdefault("_discount_ended", {})
    spans = by_sentence.get(si)
    if spans is None:
        sentence = text.sentences[si]
        spans = by_sentence[si] = ended_spans(text.folded, sentence.start, sentence.end)
    return spans


def _before_then(text, b: int, at: int) -> bool:
    """Whether words between the end of a discount told (ending at b) and a figure at `at` place the figure
    before that end ("ended on February 8; before that, output cost $0.28", 结束，此前……2元)."""
    return b <= at and _words()["before-then"].get(has_han(text.folded[b:at])).search(text.folded, b, at) is not None


def discount_ended(text, hit, at: int) -> bool:
    """Whether a cue hit of a text (dsfact.matching.text.TextCues) stands inside words that tell a discount
    has ended (优惠期结束, "after the discount period ended"): it names no discount or promotion of a figure
    at offset `at`, unless words between place that figure before the end (此前, "before that")."""
    spans = _sentence_ended(text, text.sentence_of(hit.start))
    return any(a <= hit.start and hit.end <= b and not _before_then(text, b, at) for a, b in spans)


def period_over(text, hit, at: int) -> bool:
    """Whether a variant or discount word (a cue hit) names a period that is over by offset `at` of its
    sentence (a figure's): it stands inside words that tell a discount ended ("优惠期结束，价格变更为…": the
    promotion's end tells the list price), or such words stand between it and `at` ("优惠期内……；优惠期结束
    后恢复原价，输出为8元")."""
    spans = _sentence_ended(text, text.sentence_of(hit.start))
    return any((a <= hit.start and hit.end <= b or hit.end <= a and b <= at) and not _before_then(text, b, at)
               for a, b in spans)


def names_discount(folded: str, start: int, end: int, then: bool = False, own: tuple = (), at: int = -1) -> bool:
    """Whether folded[start:end] names a discount period ("off-peak hours", "at a 50 per cent discount", 半价)
    other than as one that has ended, or with `then`, works out a price of the one named before it ("This
    comes to", 相当于). A word that overlaps a span of `own` (the claim's own variant words: a promotional
    price registered as such) names the claim's period, not another; one told before words that end it
    which stand before offset `at` (a figure's) names a period over by then ("优惠期内……；优惠期结束后
    恢复原价，输出为8元")."""
    chinese = has_han(folded[start:end])
    words = _words()
    if then:
        return words["then"].get(chinese).search(folded, start, end) is not None
    ended = None
    for m in words["words"].get(chinese).finditer(folded, start, end):
        if ended is None:
            ended = _ended(folded, chinese, start, end)
        if not any(a <= m.start() and m.end() <= b or m.end() <= a and b <= at for a, b in ended) \
                and not any(a < m.end() and m.start() < b for a, b in own):
            return True
    return False


def of_a_period(folded: str) -> bool:
    """Whether folded words (a claim's metric: "input price ... during the promotional period") name a discount
    or promotional period, a word of [discount] `words` or `period`."""
    chinese = has_han(folded)
    return any(_words()[key].get(chinese).search(folded) is not None for key in ("words", "period"))


def _own_period(text, sentence, claim_index: int | None) -> tuple:
    """The spans of the sentence's words of claim_index's variant: for a claim of a discount period's price
    (V3's promotional price), the words that name that period."""
    if claim_index is None:
        return ()
    of = text.index.variants_of
    return tuple((h.start, h.end) for h in text.hits_in(sentence.start, sentence.end) if claim_index in of(h.cue))


def discounted(text, q, claim_index: int | None = None) -> bool:
    """Whether a price per unit is one of a discount period: its sentence names one, or works out a price of
    the one the sentence before it names ("... at a 50 per cent discount. This comes to US$0.035 per million
    tokens"); "By comparison, o1 is priced at US$15" after it is not, nor one whose clause names it the list price
    ("..., but its standard output price is $2.19", 但R1的标准输出价格为: time.words [discount] `list`). The
    period of the claim's own variant ("优惠期内" of V3's registered promotional price) is no other period."""
    si = text.sentence_of(q.start)
    sentence = text.sentences[si]
    lo, hi = text.reader().clause_span(q.start)
    if _words()["list"].get(has_han(text.folded[lo:hi])).search(text.folded, lo, hi) is not None:
        return False
    own = _own_period(text, sentence, claim_index)
    if names_discount(text.folded, sentence.start, sentence.end, own=own, at=q.start) or table_discount(text, q):
        return True
    before = text.sentences[si - 1] if si > 0 else None
    return before is not None and before.paragraph == sentence.paragraph \
        and names_discount(text.folded, sentence.start, q.start, then=True) \
        and names_discount(text.folded, before.start, before.end, own=_own_period(text, before, claim_index))


def table_discount(text, q) -> bool:
    """Whether a table cell's price is one of a discount period its table names: its column's header, a
    section row over its row ("| **优惠时段价格** | | |", "| Off-peak (UTC 16:30-00:30) | | |"), its row's own
    label or the label of its row group (a first column that spanned rows: "DISCOUNT PRICE | 1M OUTPUT TOKENS
    | $0.550 |" over the group's other rows) names one. A Markdown table gives a section row to the cells under
    it as their lead (dsfact.document.markdown)."""
    structure = text.structure
    if structure is not None and structure.table_of(q.start):
        caption = structure.caption_of(q.start)
        return any(not heading and names_discount(text.folded, a, b) for a, b, heading in structure.context_of(q.start)) \
            or caption is not None and _caption_discount(text.folded, *caption)
    start = text.sentences[text.sentence_of(q.start)].start
    if text.text.find("|", start, q.start) < 0:
        return False
    from dsfact.document.cells import group_label, is_pipe_row, row_cells, section_label, table_top
    from dsfact.matching.columns import header_cell

    k = text.text.rfind("\n", 0, start) + 1
    end = text.text.find("\n", q.start)
    if not is_pipe_row(text.text, k, len(text.text) if end < 0 else end):
        return False
    own = row_cells(text.text, k, q.start)[:1]  # the row's own label ("| Off-peak input | $0.135 |")
    spans = (section_label(text.text, k), header_cell(text.text, q.start, k), group_label(text.text, k),
             own[0] if own and own[0][1] < q.start else None)
    return any(span and names_discount(text.folded, *span) for span in spans) \
        or _caption_discount(text.folded, *_pipe_caption(text.text, table_top(text.text, k)))


_STOPS = "。！？!?\n"


def _pipe_caption(raw: str, top: int) -> tuple[int, int]:
    """The span of what introduces the pipe table whose first row begins at `top`: the words before that row's
    first pipe when a paragraph joined its lead onto the row ("优惠时段的价格如下: | 模型 | 输入 |"), up to its last
    colon when the row has no outer pipes ("Off-peak prices are: Model | Input |": the first cell follows the
    colon), else the line over the row, past one blank line. Empty when nothing stands there. Words before the
    first pipe with no colon are the row's own first cell, not a lead."""
    bar = raw.find("|", top)
    colon = bar if bar > top else -1
    while colon > top:  # the last colon that is no time's ("00:30")
        colon = max(raw.rfind(":", top, colon), raw.rfind("：", top, colon))
        if colon < 0 or not raw[colon + 1:colon + 2].isdigit():
            break
    if colon >= top:
        return top, colon + 1
    end = top - 1
    if end > 0 and not raw[raw.rfind("\n", 0, end) + 1:end].strip():
        end = raw.rfind("\n", 0, end)
    if end <= 0:
        return 0, 0
    return raw.rfind("\n", 0, end) + 1, end


def _caption_discount(folded: str, start: int, end: int) -> bool:
    """Whether the caption of a table, folded[start:end], ends with a colon and its last sentence names a
    discount period ("优惠时段的价格如下：", "Off-peak prices are as follows:"): its prices are of that period."""
    tail = folded[start:end].rstrip()
    if not tail.endswith((":", "：")):
        return False
    end = start + len(tail) - 1
    first = max(folded.rfind(c, start, end) for c in _STOPS) + 1
    stop = folded.rfind(". ", start, end)  # none: the caption opens the text (offset 0 is its first word)
    return names_discount(folded, max(start, first, stop + 2 if stop >= 0 else start), end)


def discount_price(text, q, claim) -> bool:
    """Whether figure q is a price of a discount period (dsfact.matching.discounts): a price per unit, or a
    bare sum judged against a claim of one, whose per-unit words stand before it ("百万tokens输出则为4元(2.5折
    优惠)": the reader sets no `per` on 4元); any other figure only when its table names a discount."""
    if q.per is None and claim.per is None:
        return table_discount(text, q)
    return discounted(text, q, text.index.position.get(claim.id))

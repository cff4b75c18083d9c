"""A figure's own words (its rate: "per million input tokens", "/百万输出tokens") say what it is, before the
words of the figures beside it (issue 9)."""
from __future__ import annotations

import bisect

from dsfact.lang import word_set
from dsfact.matching.cues import EXCLUDE, METRIC
from dsfact.matching.sizedmember import names_size
from dsfact.matching.text import TextCues
from dsfact.matching.unitwords import figure_holding
from dsfact.model import Quantity


def own_kind_kept(text: TextCues, q: Quantity, metrics: list, exclusions: list) -> list:
    """The (word, claim) exclusions that stand for figure q: not one whose word stands in another figure's own
    words while q's own words hold a metric word of that claim. Each figure's own words say its kind: in "4 yuan
    per million input tokens and 16 yuan per million output tokens", "input" is the first figure's. Nor one whose
    word is a move that leaves q behind (moved_from: "recovering from a 17% decline")."""
    exclusions = [(hit, ci) for hit, ci in exclusions if not moved_from(text.folded, q, hit)]
    if exclusions:
        exclusions = _past_named_noun(text, q, metrics, exclusions)
    own = {ci for hit, ci, _d, _how in metrics if q.start <= hit.start and hit.end <= q.end}

    def inside_other(hit) -> bool:  # (not a model's size the reader took for a figure: "Llama 3 405B needed 11 times")
        x = figure_holding(text, hit.start, hit.end)
        return x is not None and x is not q and not names_size(text.folded, hit.start, hit.end)

    if not own and exclusions:  # "..., while output costs $2.19", "and $2.19 for output": a kind word of its clause
        own = _kind_beside(text, q, metrics, exclusions, inside_other)
        if not own:
            return exclusions
    exclusions = _last_kind(text, q, exclusions)
    return [(hit, ci) for hit, ci in exclusions if not (ci in own and inside_other(hit))]


def carried_rate(text: TextCues, q: Quantity) -> tuple[int, Quantity] | None:
    """The start of the clause of the figure just before q, and that figure, when it is a rate of q's unit in q's
    sentence, in a clause of its own, and q leaves its rate out ("R1 costs $3.19 per million output tokens; o1
    costs $70", "R1每百万输出tokens收费2.19美元，o1则收费70美元"); None otherwise. One figure in each clause: lists
    pair by turn (dsfact.matching.respective)."""
    k = bisect.bisect_left(text._quantity_starts, q.start)
    if k == 0 or q.per is not None:
        return None
    x = text._quantities[k - 1]
    if x.per is None or x.unit != q.unit or text.sentence_of(x.start) != text.sentence_of(q.start):
        return None
    reader = text.reader()
    lo, hi = reader.clause_span(q.start)
    if x.end > lo:
        return None  # the same clause
    x_lo = reader.clause_span(x.start)[0]
    if len(text.figures_in(x_lo, lo)) > 1 or len(text.figures_in(lo, hi)) > 1:
        return None  # lists ("$0.55 ... input and $2.19 ... output, while o1's are $15 and $60"): respectively
    return x_lo, x


def rate_kind(text: TextCues, q: Quantity, hit) -> bool:
    """Whether exclude word `hit` is the kind word of the carried rate (carried_rate) that stands before its
    figure, as Chinese puts it ("每百万输出tokens收费2.19美元", "输出价格为每百万tokens 2.19美元"): it stands for
    q as it does for that figure, though a figure stands between, unless q's clause names its own kind."""
    carried = carried_rate(text, q) if hit.end <= q.start else None
    return carried is not None and carried[0] <= hit.start and hit.end <= carried[1].start and _carries(text, q, hit)


def kind_carried(text: TextCues, q: Quantity, hit) -> bool:
    """Whether kind word `hit` of the figure just before q (carried_rate) carries to q, whose clause names no kind
    of its own: the $70 of "R1 costs $3.19 per million output tokens; o1 costs $70" is o1's output price, so
    "output" still rules the other kinds out for it though o1 is named between them."""
    carried = carried_rate(text, q) if hit.end <= q.start else None
    return carried is not None and carried[0] <= hit.start and hit.end <= carried[1].end and _carries(text, q, hit)


def _carries(text: TextCues, q: Quantity, hit) -> bool:
    """Whether `hit` is a kind word (a metric word of some claims) and q's clause has no metric word that rules
    one of them out, a kind of its own ("o1 costs $7.50 for cached input", "而输出要16元"); a price word that
    only rules out other metrics (收费: not a training cost) is none, nor a name (R1 carries no kind)."""
    named = {ci for ci, role in text.roles_of(hit) if role == METRIC}
    if not named:
        return False
    lo, hi = text.reader().clause_span(q.start)
    for h in text.hits_in(lo, hi):
        roles = text.roles_of(h)
        if any(role == METRIC for _ci, role in roles) and any(role == EXCLUDE and ci in named for ci, role in roles):
            return False
    return True


def _past_named_noun(text: TextCues, q: Quantity, metrics: list, exclusions: list) -> list:
    """The exclusions that stand for figure q when its own noun, right after it, is a claim's metric word that
    names what the claim measures (nouns.words [metric-noun]: "The $5.576 million training cost was worked out
    from hardware rental rates", "557.6万美元的训练成本按硬件租金算出"): the words later in its clause tell how
    that noun was reached or what it leaves out, and rule that claim out no longer. An exclude word before the
    noun, or one in the figure's own words, still stands."""
    folded = text.folded
    words = {(hit.start, hit.end): hit for hit, _ci, _d, _how in metrics if hit.start >= q.end}
    at, chain = q.end, set()  # the claim's words right after q, one after another: "训练" "成本"
    while True:
        k = next((span for span in words if span[0] >= at and folded[at:span[0]].strip() in _JOINS), None)
        if k is None:
            break
        chain.add(words.pop(k))
        at = k[1]
    nouns = [(hit, ci) for hit, ci, _d, _how in metrics if hit in chain
             and folded[hit.start:hit.end].endswith(tuple(word_set("nouns", "metric-noun", "words")))]
    if not nouns:
        return exclusions
    hi = text.reader().clause_span(q.start)[1]
    ends = {ci: hit.end for hit, ci in nouns}
    return [(hit, ci) for hit, ci in exclusions if not (ci in ends and ends[ci] <= hit.start < hi
                                                         and not _complement(folded[ends[ci]:hit.start]))]


def _complement(between: str) -> bool:
    """Whether the words between a figure's noun and an exclude word after it open the noun's complement ("the $50
    million budget for servers", "cost of the hardware", 成本中的硬件部分): the word then says what the noun is of."""
    words = between.split()
    head = words[0] if words else ""
    return not head or head in word_set("nouns", "metric-noun", "complement") \
        or head.startswith(tuple(w for w in word_set("nouns", "metric-noun", "complement") if not w.isascii()))


_JOINS = ("", "的")  # what may stand between a figure and its own noun: "$5.6 million training cost", 557.6万美元的训练成本


def _kind_beside(text: TextCues, q: Quantity, metrics: list, exclusions: list, inside_other) -> set[int]:
    """The claims a kind word gives figure q from its own clause, after the figure before it and in no figure's own
    words ("R1 charges $0.55 per million input tokens, while output costs $2.19", "... and $2.19 for output"): a
    word that is a claim's metric word and another's exclude word (input, output)."""
    k = bisect.bisect_left(text._quantity_starts, q.start)
    if k == 0:
        return set()
    lo, hi = text.reader().clause_span(q.start)
    lo = max(lo, text._quantities[k - 1].end)
    near = {hit for hit, _ci in exclusions if lo <= hit.start and hit.end <= hi}
    if not near or text.figures_in(q.end, hi):  # ("$8 for a typical output of 4 million tokens": what that many cost)
        return set()
    kinds = {hit for hit in near if _beside(text.folded, text.reader().clause_span(q.start)[0], hit, q)}
    return {ci for hit, ci, _d, _how in metrics if hit in kinds and not inside_other(hit)} if kinds else set()


def _beside(folded: str, lo: int, hit, q: Quantity) -> bool:
    """Whether a kind word opens q's clause, a few words before q ("while output costs $2.19"), or follows q after
    a word of names.words [kind-beside] `after` ("and $2.19 for output")."""
    if hit.start >= q.end:
        return folded[q.end:hit.start].strip() in word_set("names", "kind-beside", "after")
    lead, gap = folded[lo:hit.start].strip(), folded[hit.end:q.start].split()
    return (not lead or lead in word_set("names", "kind-beside", "before")) and len(gap) <= 3


def _last_kind(text: TextCues, q: Quantity, exclusions: list) -> list:
    """The exclusions that stand for figure q when it ends a list of prices whose rate names their kinds in
    turn ("$0.55 and $2.19 per million input and output tokens", "$0.55/$2.19 per million input/output
    tokens"): the last price is of the last kind, so the kind words before it in its own words exclude
    nothing for it (the first price takes the first kind, as the words nearest it)."""
    k = bisect.bisect_left(text._quantity_starts, q.start)
    if k == 0 or not text._listed(text._quantities[k - 1], q):
        return exclusions
    inside = sorted({(hit.start, hit.end) for hit, _ci in exclusions if q.start <= hit.start and hit.end <= q.end})
    paired = [b for a, b in zip(inside, inside[1:]) if text.folded[a[1]:b[0]].strip() in ("/", "／")]
    if not paired:
        return exclusions  # no pair of kinds ("input/output") in the figure's rate
    last = paired[-1][0]
    return [(hit, ci) for hit, ci in exclusions if not (q.start <= hit.start and hit.end <= last)]


_FROM: list = []  # [(the words before, the words after)] of roles.words [moved-from], read once


def moved_from(folded: str, q: Quantity, hit) -> bool:
    """Whether a word of a move (a claim's exclude or metric word) names the move that leaves figure q behind
    ("recovering from a 17% decline", "从17%的跌幅中回升": roles.words [moved-from]): the word, "from" and at most
    two words, then q; in Chinese 从 just before q (a day's word may stand between) and the word after q's phrase
    and 中. The figure is the move recovered from: the word neither excludes a claim for it nor is its metric word."""
    if not _FROM:
        from dsfact.lang import load_words

        table = load_words("roles").get("moved-from", {})
        _FROM.append((tuple(table.get("before", ())), tuple(table.get("after", ()))))
    before, after = _FROM[0]
    if hit.end <= q.start:
        words = folded[hit.end:q.start].split(None, 3)  # (a fourth word already rules it out: no split of a long gap)
        return 1 <= len(words) <= 3 and words[0] in before and not any(c.isdigit() for c in "".join(words))
    gap = folded[q.end:hit.start]
    lead = folded[max(0, q.start - 4):q.start]  # 从, perhaps a day's word after it: "从周一17%的跌幅中"
    return len(gap) <= 8 and gap.endswith(after) and not any(c in gap + lead for c in ",，。;；") \
        and any(w in lead for w in before if not w.isascii())


def other_rate_before(text: TextCues, q: Quantity, claim) -> bool:
    """Whether price q, which gives no rate of its own, is judged against a rate (claim's) other than the last
    one written before it in its sentence: "At $0.0022 per thousand output tokens, R1 is far cheaper than o1 at
    $0.06" and "Per thousand output tokens R1 costs $0.0022" price per thousand tokens, and are no wrong prices
    per million (dsfact.numbers.units.rates_in)."""
    if q.per is not None or claim.per is None:
        return False
    from dsfact.numbers.units import rates_in

    sentence = text.sentences[text.sentence_of(q.start)]
    rates = rates_in(text.folded, sentence.start, q.start)
    if not rates:
        return False
    per = rates[-1]
    return per.amount != claim.per.amount or per.unit.lower() != claim.per.unit.lower()

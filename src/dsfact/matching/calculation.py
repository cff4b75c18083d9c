"""A calculation written out ("200,000 GPUs x $25,000 = $5B", "2048块GPU × 57天 = 280万GPU小时"): its figures are
the writer's own inputs and result, an estimate's assumptions rather than a report of a claim. A figure in a
sentence that holds an equals sign and a sign of an operation between two figures may agree with a claim but
never contradicts it. The signs are language data (roles.words [calculation]). So is a product told in words
(`multiplied`), and a saving, a share or a multiple that follows from two sums its sentence sets against each
other (`set_against`: "$2.19 per million output tokens against o1's $60, 96% cheaper")."""
from __future__ import annotations

import re

from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy
from dsfact.numbers.words import is_money

_SIGNS: list = []  # [(the pattern of an operation between figures, the pattern of an equals sign)], read once


def _signs() -> tuple[re.Pattern, re.Pattern]:
    if not _SIGNS:
        from dsfact.lang import load_words

        table = load_words("roles").get("calculation", {})
        # a Latin sign ("x") stands between spaces; a symbol may stand without them
        ops = "|".join(rf"\s{re.escape(w)}\s" if w.isalpha() else rf"\s?{re.escape(w)}\s?"
                       for w in table.get("before", ())) or "(?!)"
        equals = "|".join(map(re.escape, table.get("clause", ()))) or "(?!)"
        # the operation's pattern is compiled when first searched: only a sentence with an equals sign asks it
        _SIGNS.append((lazy(rf"[0-9a-z%)）](?:{ops})(?:[$£¥(]|(?=[€（]).)?[0-9]"), re.compile(equals)))
    return _SIGNS[0]


def calculated(text, q: Quantity) -> bool:
    """Whether figure q stands in a calculation written out: its sentence (a line of its own, as a rule) holds
    an equals sign and a sign of an operation between two figures, or q is one of three figures of it that make
    a product told in words (multiplied: `text`: a TextMatcher)."""
    sentence = text.sentences[text.sentence_of(q.start)]
    operation, equals = _signs()
    folded, start, end = text.folded, sentence.start, sentence.end
    if equals.search(folded, start, end) is not None and operation.search(folded, start, end) is not None:
        return True
    figures = text.figures_in(start, end)
    return multiplied([x for x in figures if not _counts_people(folded, x)], q) or set_against(figures, q) \
        or things_valued(text, figures, q)


_PEOPLE_GAP = lazy(r"\s*(?:[位名个]\s*)?")  # between a count and its noun: a space, a Chinese measure word


def _counts_people(folded: str, x: Quantity) -> bool:
    """Whether count x counts people (names.words [people]: "two people familiar with the matter", 两位知情人士):
    no number of things a price is paid for."""
    if x.unit != "count":
        return False
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import word_starting

    at = _PEOPLE_GAP.match(folded, x.end).end()
    return word_starting(folded[at:at + 12], words_of("names", "people")) is not None


PRODUCT_TOLERANCE = 0.05  # a product told in words is rounded: "about $25,000 ... 10,000 of them cost $250 million"
_FACTORS = frozenset(("count", "gpu_hour"))  # what a price is paid for: things, GPU hours


def multiplied(figures: list[Quantity], q: Quantity) -> bool:
    """Whether q is the price, the number or the total of a product its sentence tells in words: a price of one
    thing (or of an hour), a count of things (or of hours) and a sum of the same currency that is their product
    ("A Hopper GPU costs about $25,000, and DeepSeek's 10,000 of them cost $250 million", "一块Hopper GPU约2.5万
    美元，1万块花了2.5亿美元", "At $2 per GPU hour, 2.788 million GPU hours comes to $5.576 million"): a calculation,
    whose figures are the writer's inputs and result. Only a price times a number of things: a share of a value
    ("17% of $3.5 trillion") is a move, told as one."""
    if len(figures) < 3:
        return False
    money = [x for x in figures if is_money(x.unit) and x.value]
    counts = [x for x in figures if x.unit in _FACTORS and x.per is None and x.value and x.value > 1]
    for price in money:
        for total in money:
            if total is price or total.unit != price.unit or total.per is not None or total.value <= price.value:
                continue
            for n in counts:
                if q in (price, total, n) and abs(price.value * n.value - total.value) <= _tolerance(price, n, total):
                    return True
    return False


SLIP_FACTOR = 2.0  # how far a total of things may stand from count x price when an input was mistyped
TOTAL_REACH = 32  # characters before a total read for the word that sums it


def things_valued(text, figures: list[Quantity], q: Quantity) -> bool:
    """Whether q is the value of a count of things at the price of one, a sum word (roles.words [things-total]:
    "totaling", 总计) right before it: "a cluster of 2,048 H800 GPUs, each costing about $30,000, totaling just over
    $61 million". Their value, not a cost of running them, even where a count or the price was mistyped (the
    product within SLIP_FACTOR): it may agree, never contradict. GPU hours at an hourly rate are held to
    `multiplied`'s rounding (a training run's cost is told so)."""
    if not is_money(q.unit) or q.per is not None or not q.value:
        return False
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import word_ending

    head = text.folded[max(0, q.start - TOTAL_REACH):q.start].rstrip()
    if not any(word_ending(head[:len(head) - k].rstrip(), words_of("roles", "things-total")) is not None
               for k in _qualifier_cuts(head)):
        return False
    counts = [x for x in figures if x.unit == "count" and x.per is None and x.value and x.value > 1 and x.end <= q.start]
    prices = [x for x in figures if x.unit == q.unit and x is not q and x.value and x.value < q.value]
    return any(1 / SLIP_FACTOR <= q.value / (p.value * n.value) <= SLIP_FACTOR for p in prices for n in counts)


def _qualifier_cuts(head: str) -> list[int]:
    """How many characters to cut off the end of `head` to pass a qualifier before the total ("just over", 约)."""
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import word_ending

    cuts = [0]
    w = word_ending(head, words_of("roles", "things-total", "before", longest_first=True))
    if w is not None:
        cuts.append(len(w))
    return cuts


EXACT_DIGITS = 100  # a count and a total told to three significant digits or more are exact to their last digit


def _tolerance(price: Quantity, n: Quantity, total: Quantity) -> float:
    """How far a product told in words may be from price x count: its rounding (PRODUCT_TOLERANCE), but only to the
    last digit of the total and of the count when both are told to three digits or more ("2.788 million GPU hours
    at $2 comes to $5.576 million"): a count of 2.878 million with that total is no rounding but a slip."""
    if n.precision and total.precision and n.value >= EXACT_DIGITS * n.precision \
            and total.value >= EXACT_DIGITS * total.precision:
        return max(total.precision, price.value * n.precision)
    return PRODUCT_TOLERANCE * total.value


SAVING_POINTS = 1.0  # a saving or a share in per cent told to the unit: 96% of "96.35% cheaper"
MULTIPLE_TOLERANCE = 0.05  # a multiple is rounded as loosely as a product told in words
_RATIO_UNITS = frozenset(("pct", "factor"))


def set_against(figures: list[Quantity], q: Quantity) -> bool:
    """Whether q, a per cent or a multiple, follows from two sums of one currency its sentence gives: how much
    less the smaller is than the larger (1 - a/b, "R1每百万输出tokens 2.19美元，而o1为60美元，便宜了96%"), the
    smaller's share of the larger (a/b, "仅为o1的3.7%") or the larger's multiple of it (b/a, "27倍"). Such a
    figure is the writer's arithmetic on those sums, which are judged themselves: it may agree with a claim
    of a saving, never contradict one that compares other prices (a cached price's 98%)."""
    if q.unit not in _RATIO_UNITS or not isinstance(q.value, float) or q.high is not None or len(figures) < 3:
        return False
    sums = [x for x in figures if x is not q and is_money(x.unit) and isinstance(x.value, float) and x.value > 0
            and x.high is None]
    for a in sums:
        for b in sums:
            if a.unit != b.unit or a.value >= b.value:
                continue
            if q.unit == "factor":
                if abs(b.value / a.value - q.value) <= MULTIPLE_TOLERANCE * q.value:
                    return True
            elif min(abs(100 * (1 - a.value / b.value) - q.value), abs(100 * a.value / b.value - q.value)) \
                    <= max(SAVING_POINTS, q.precision or 0):
                return True
    return False


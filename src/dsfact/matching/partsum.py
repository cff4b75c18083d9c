"""A part of a whole the passage goes on (or went before) to add up: "The EU plans to invest €50 billion ... This will
supplement a €150 billion pledge from the private sector ... a total of €200 billion", "欧盟将投入500亿欧元……另有
1500亿欧元来自私营部门……总额2000亿欧元". A writer often tells the parts of a plan first, each with a plain verb of
its own (invest, spend, 投入), and its whole later; no word of part stands beside the part. What tells it is the
arithmetic: the figure and another of its unit near it add up to a third that states the claim and that a word of total
tells as a sum (roles.words [total-of-parts]: "a total of", "in all", 总计, 总额). The figure is then a part of the
claim's whole, not the claim: it may agree, never contradict. The sum must hold to the writer's rounding (SLACK), and
each part must be a real share of the whole (a restatement of the whole beside a stray small figure is no pair of
parts): two figures that add up to a told total by chance are rare, and a misstated part breaks the sum, so it still
contradicts. Read by check._doubt.

A whole told as a first sum and an added one ("a $100 billion plan ... with $400 billion more pledged over four
years", "an immediate $100 billion, with an additional $400 billion to come", 首期1000亿美元，另外再投入4000亿美元)
needs no word of total: a word of addition (roles.words [added-part]) tells the second sum as added to the first,
and the two make the claim's whole. The first is then a part (adds_more).

The other way round, a whole told before or after its parts ("$6.3 million in all for R1 ... $6 million on the
base model and $294,000 on reinforcement learning", "R1总成本630万美元……其中V3花费600万美元，强化学习29.4万美元"),
one of which states the claim, is the sum, not the claim: it may agree, never contradict (sums_parts). The sum must
hold to the writer's rounding; a misstated whole breaks it and still contradicts."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching import summed
from dsfact.matching.cues import has_cjk
from dsfact.model import Claim, Quantity
from dsfact.numbers.quantity import agrees

SLACK = 0.01  # the parts add up to the whole within this share of it
REACH = 4  # sentences before and after the figure's own in which the other part and the whole are looked for
SHARE = 0.05  # the least share of the whole a part is


def _summable(x: Quantity) -> bool:
    """summed's test of a figure that adds up (no date, share, rate, move or range), and no percentage points or factor."""
    return summed.summable(x) and x.unit not in ("pp", "factor")


def _window(text, si: int) -> tuple[int, int]:
    """The offsets from REACH sentences before sentence si to REACH sentences after it."""
    sentences = text.sentences
    return sentences[max(0, si - REACH)].start, sentences[min(len(sentences) - 1, si + REACH)].end


def _states(x: Quantity, claim: Claim) -> bool:
    """Whether figure x agrees with one of claim's statements, as written."""
    return any(agrees(x, st, claim.per, written=True) for st in claim.statements)


def adds_to_whole(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q and another figure of its unit within REACH sentences add up to a third there that agrees
    with claim (see the module)."""
    if not _summable(q) or q.unit != claim.unit:
        return False
    near = [x for x in text.figures_in(*_window(text, text.sentence_of(q.start)))
            if x is not q and x.start != q.start and x.unit == q.unit and _summable(x)]
    wholes = [z for z in near if q.value >= SHARE * z.value and q.value < z.value
              and summed.told_total(text, z, text.sentences[text.sentence_of(z.start)]) and _states(z, claim)]
    return any(y is not z and SHARE * z.value <= y.value < z.value and abs(q.value + y.value - z.value) <= SLACK * z.value
               for z in wholes for y in near)


LEAST = 0.01  # the least share of a whole the smaller part of it is (a stage's $294,000 of a $6.3 million total)


def sums_parts(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is the sum of two figures of its unit within REACH sentences, one of which agrees with
    claim (see the module)."""
    if not _summable(q) or q.unit != claim.unit:
        return False
    si = text.sentence_of(q.start)
    folded, sentence = text.folded, text.sentences[si]
    whole = _added_words()[2]
    if whole.get(has_cjk(folded[sentence.start:sentence.end])).search(folded, sentence.start, sentence.end) is None:
        return False  # no word tells q as a whole ([whole-told]): nearby sums that make it are chance
    near = [x for x in text.figures_in(*_window(text, si)) if x.start != q.start and x.unit == q.unit and _summable(x)
            and LEAST * q.value <= x.value < q.value]
    own = [x for x in near if _states(x, claim)]
    return any(y.start != x.start and abs(x.value + y.value - q.value) <= SLACK * q.value for x in own for y in near)


@lru_cache(maxsize=1)
def _added_words() -> tuple:
    """The [added-part] words before and after a sum and the [whole-told] words, as Patterns; read once."""
    from dsfact.lang import load_words
    from dsfact.matching.wordtables import Pattern

    table = load_words("roles").get("added-part", {})
    return (Pattern(r"(?<![a-z])(?:{})\s*(?:[\u4e00-\u9fff]{{1,3}}\s*)?$", table.get("before", ())),
            Pattern(r"^\s*(?:{})(?![a-z])", table.get("after", ())),
            Pattern(r"(?<![a-z])(?:{})(?![a-z])", load_words("roles").get("whole-told", {}).get("words", ())))


def adds_more(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q and a sum of its unit in its sentence told as added ([added-part]) make a whole that
    agrees with claim (see the module)."""
    if not _summable(q) or q.unit != claim.unit:
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    added = _told_added(text, q, sentence)
    for y in text.figures_in(sentence.start, sentence.end):
        if y.start == q.start or y.unit != q.unit or not _summable(y) or y.value < SHARE * q.value:
            continue
        if not (added or _told_added(text, y, sentence)):
            continue  # one of the two sums is told as added to the other ("$400 billion more", 另外再投入)
        if _states(q._replace(value=q.value + y.value), claim):
            return True
    return False


def _told_added(text, y: Quantity, sentence) -> bool:
    """Whether a word of [added-part] tells sum y as added: right before it (perhaps with a short Han verb
    between) or right after it."""
    folded = text.folded
    before, after = _added_words()[:2]
    chinese = has_cjk(folded[max(sentence.start, y.start - 12):y.end + 8])
    return before.get(chinese).search(folded[max(sentence.start, y.start - 24):y.start]) is not None \
        or after.get(chinese).match(folded[y.end:min(sentence.end, y.end + 16)]) is not None


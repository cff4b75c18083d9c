"""A part of a whole the passage goes on (or went before) to add up: "The EU plans to invest €50 billion ... This will
supplement a €150 billion pledge from the private sector ... a total of €200 billion", "欧盟将投入500亿欧元……另有
1500亿欧元来自私营部门……总额2000亿欧元". A writer often tells the parts of a plan first, each with a plain verb of
its own (invest, spend, 投入), and its whole later; no word of part stands beside the part. What tells it is the
arithmetic: the figure and another of its unit near it add up to a third that states the claim and that a word of total
tells as a sum (roles.words [total-of-parts]: "a total of", "in all", 总计, 总额). The figure is then a part of the
claim's whole, not the claim: it may agree, never contradict. The sum must hold to the writer's rounding (SLACK), and
each part must be a real share of the whole (a restatement of the whole beside a stray small figure is no pair of
parts): two figures that add up to a told total by chance are rare, and a misstated part breaks the sum, so it still
contradicts. Read by check._doubt."""
from __future__ import annotations

from dsfact.matching.cues import has_cjk
from dsfact.matching.summed import WORD_REACH, total_words
from dsfact.model import Claim, Quantity
from dsfact.numbers.quantity import agrees

SLACK = 0.01  # the parts add up to the whole within this share of it
REACH = 4  # sentences before and after the figure's own in which the other part and the whole are looked for
SHARE = 0.05  # the least share of the whole a part is


def _summable(x: Quantity) -> bool:
    return x.unit not in ("date", "pct", "pp", "ratio", "factor") and x.per is None and x.direction is None \
        and x.high is None and isinstance(x.value, (int, float)) and x.value > 0


def adds_to_whole(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q and another figure of its unit within REACH sentences add up to a third there that agrees
    with claim (see the module)."""
    if not _summable(q) or q.unit != claim.unit:
        return False
    si = text.sentence_of(q.start)
    sentences = text.sentences
    lo, hi = sentences[max(0, si - REACH)].start, sentences[min(len(sentences) - 1, si + REACH)].end
    near = [x for x in text.figures_in(lo, hi) if x is not q and x.start != q.start and x.unit == q.unit and _summable(x)]
    wholes = [z for z in near if q.value >= SHARE * z.value and q.value < z.value and _told_total(text, z)
              and any(agrees(z, st, claim.per, written=True) for st in claim.statements)]
    return any(y is not z and SHARE * z.value <= y.value < z.value and abs(q.value + y.value - z.value) <= SLACK * z.value
               for z in wholes for y in near)


def _told_total(text, z: Quantity) -> bool:
    """Whether a word of [total-of-parts] tells figure z as a sum: right before it, or after it and its noun."""
    folded = text.folded
    sentence = text.sentences[text.sentence_of(z.start)]
    before, after = total_words()
    chinese = has_cjk(folded[max(sentence.start, z.start - 8):z.end + WORD_REACH])
    return before.get(chinese).search(folded, max(sentence.start, z.start - 24), z.start) is not None \
        or after.get(chinese).match(folded[z.end:min(sentence.end, z.end + WORD_REACH)]) is not None

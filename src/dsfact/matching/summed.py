"""Parts listed before the total they make: "1萬枚H100、1萬枚H800和3萬枚HGX H20，即合共5萬枚", "1,024 H800s in one
hall and 1,024 in another, 2,048 GPUs in all". A figure of a list of figures of one unit that a word of total
(roles.words [total-of-parts]) then sums to a figure of that unit they add up to is a part of that total, not the
claim's count or sum: it may agree with a claim but never contradicts it. The total stays judged, and so do
parts told of named members ("V3 was trained on 4,096 H800s, and R1 on another 512, a total of 4,608": each is
its member's own). Read by dsfact.matching.doubt."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.cues import ENTITY, SUBJECT, has_cjk
from dsfact.model import Claim, Quantity

SUM_SLACK = 0.03  # the parts add up to the total within this share of it (a total told "about" or rounded)
UNNAMED_PART = 0.1  # or fall short of it by at most this share: a small part left unnamed ("R1-Zero $202,000 and
# R1 $82,000, $294,000 in all", the $10,000 of SFT data not told)
WORD_REACH = 16  # characters read after a total for its word of total ("2,048 GPUs in all")


@lru_cache(maxsize=1)
def total_words():
    """The words of roles.words [total-of-parts], before a total and after it (and its noun), as Patterns (each
    `get(chinese)`); read once. dsfact.matching.partsum reads them too."""
    from dsfact.lang import load_words
    from dsfact.matching.wordtables import Pattern

    table = load_words("roles").get("total-of-parts", {})
    return (Pattern(r"(?:{})\s*$", table.get("before", ())),
            Pattern(r"^\s*(?:[^\s\d,，。;；]+\s+){{0,2}}?(?:{})(?![a-z])", table.get("after", ())))


def summable(x: Quantity) -> bool:
    return x.unit not in ("date", "pct", "ratio") and x.per is None and x.direction is None \
        and x.high is None and isinstance(x.value, (int, float)) and x.value > 0


def told_total(text, z: Quantity, sentence) -> bool:
    """Whether a word of [total-of-parts] tells figure z of `sentence` as a sum: right before it, or after it and its
    noun."""
    folded = text.folded
    before, after = total_words()
    chinese = has_cjk(folded[max(sentence.start, z.start - 8):z.end + WORD_REACH])
    return before.get(chinese).search(folded, max(sentence.start, z.start - 24), z.start) is not None \
        or after.get(chinese).match(folded[z.end:min(sentence.end, z.end + WORD_REACH)]) is not None


def part_of_total(text, q: Quantity, claim: Claim | None = None) -> bool:
    """Whether figure q (`text`: a TextMatcher) is one of two or more figures of its unit listed right before a
    total of that unit in its sentence that a word of [total-of-parts] tells as their sum, and that they add up to
(or nearly: a small part may go unnamed).
    With the `claim` q is bound to: parts whose sentence names that claim's subject and no other name are stages
    of it, not members' own figures ("R1-Zero cost $202,000, SFT data $10,000 and R1 $82,000, $294,000 in total")."""
    if not summable(q):
        return False
    sentence, figures, at = _listed_with(text, q)
    if at is None:
        return False
    for k in range(at + 1, len(figures)):
        total = figures[k]
        if not told_total(text, total, sentence) or not summable(total):
            continue
        parts = figures[:k]
        for first in range(k - 2, -1, -1):  # the shortest list of two or more right before the total that adds up
            run = parts[first:]
            if not all(summable(x) for x in run):
                break
            if -UNNAMED_PART * total.value <= sum(x.value for x in run) - total.value <= SUM_SLACK * total.value:
                own = None if claim is None else text.index.position.get(claim.id)
                return first <= at and not _members_named(text, run[0].end, total.start, own, sentence.start)
        return False
    return False


def parts_of_claim(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is one of three or more figures of its unit listed together in its sentence that add up to a
    statement of the claim it is bound to, though no word tells their total: the claim's breakdown ("R1-Zero cost
    $202,000, building the SFT data $10,000 and training R1 itself $82,000": the $294,000 the claim records), each
    a part of the claim's sum, not the sum misstated."""
    if not summable(q):
        return False
    _, figures, at = _listed_with(text, q)
    values = [float(st.value) for st in claim.statements
              if st.unit == q.unit and isinstance(st.value, (int, float)) and st.high is None and st.value > 0]
    if at is None or len(figures) < 2 or not values:
        return False
    for first in range(at, -1, -1):
        if not summable(figures[first]):
            break
        total = 0.0
        for last in range(first, len(figures)):
            if not summable(figures[last]):
                break
            total += figures[last].value
            if last - first >= 2 and last >= at and any(abs(total - v) <= SUM_SLACK * v for v in values):
                return True
    return False


def _listed_with(text, q: Quantity) -> tuple:
    """Figure q's sentence, the figures of q's unit in it, and q's place among them (None if q is not one)."""
    sentence = text.sentences[text.sentence_of(q.start)]
    figures = [x for x in text.figures_in(sentence.start, sentence.end) if x.unit == q.unit]
    return sentence, figures, next((i for i, x in enumerate(figures) if x.start == q.start), None)


def _members_named(text, start: int, end: int, own: int | None = None, lead: int | None = None) -> bool:
    """Whether a subject or body is named among the parts ("V3 was trained on 4,096 H800s, and R1 on another 512, a
    total of 4,608"): each part is then that member's own figure, judged as such. Not when the sentence, from `lead`
    (its start) to the total, names one name only, the subject of claim `own` (the claim the part is bound to):
    the parts are then stages of that subject's total ("R1-Zero cost $202,000, SFT data $10,000 and R1 $82,000,
    $294,000 in total")."""
    if own is not None and lead is not None:
        names = {frozenset(ci for ci, role in text.roles_of(hit) if role in (SUBJECT, ENTITY))
                 for hit in text.hits_in(lead, end)} - {frozenset()}  # a name by what it names: R1, DeepSeek-R1
        if len(names) == 1 and own in next(iter(names)):
            return False
    return any(role in (SUBJECT, ENTITY) for hit in text.hits_in(start, end) for _, role in text.roles_of(hit))

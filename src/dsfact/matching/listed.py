"""A sum for a list of names is none of theirs alone: in "Google, Amazon, Microsoft and Meta expect capital
expenditure of $300 billion", "Google、亞馬遜、微軟和Meta今年已為資本支出準備了3,000億美元", the figure is the four
companies' total, and Meta, the name nearest it, is only the last of the list. A claim's subject named last in
a list (names joined only by commas, 、, "and", 和: dsfact/lang/names.words [list-joiners]) after another name
binds an amount or a count loosely: it may agree with the claim but never contradicts it. A word that gives each
name its own figure ("each", "respectively", 各, 分别: [list-each]) makes the figures the members' own, and a
move in per cent ("Microsoft and Nvidia fell 3%") is each name's, not a sum. Read by dsfact.check."""
from __future__ import annotations

from dsfact.matching.cues import ENTITY, SUBJECT
from dsfact.matching.joint import _gap, _joint_words, _says

SUMS = frozenset({"amount", "count"})  # the kinds of claim whose figure a list of names may add up


def total_of_list(text, q, claim) -> bool:
    """Whether figure q (`text`: a TextMatcher) is bound to `claim` through a name of its subject that ends a
    list of names before q in q's sentence: the list's total, not the claim's figure."""
    if claim.kind not in SUMS:
        return False
    ci = text.index.position.get(claim.id)
    if ci is None:
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    hits = text.hits_in(sentence.start, q.start)
    k = next((k for k in range(len(hits) - 1, -1, -1)
              if any(c == ci and role == SUBJECT for c, role in text.roles_of(hits[k]))), None)
    if not k:
        return False  # not named in q's sentence, or named first
    own, before = hits[k], hits[k - 1]
    if own.start in getattr(text, "firm_members", ()) or (own.start, own.end) in getattr(text, "loose_members", ()):
        return False  # "OpenAI, SoftBank and Oracle will invest ...": the members name the claim's subject itself
    roles = text.roles_of(before)
    if before.end > own.start or any(c == ci and role == SUBJECT for c, role in roles) \
            or not any(role in (SUBJECT, ENTITY) for _, role in roles):
        return False  # the name before is the claim's own subject, or no name
    folded = text.folded
    _, joiners, each = _joint_words()[:3]
    gap = folded[before.end:own.start]
    if not gap.strip() or folded[before.start:before.end].endswith(("'s", "’s")) or ")" in gap or "）" in gap:
        return False  # "Meta's Llama 4", "OpenAI's GPT-4o": one name qualifies the other; "(chaired by Son)" an aside
    joint = _gap(folded, before.end, own.start)
    if not (joint or "、" in folded[before.end:own.start]) or joint not in joiners:
        return False  # "Compared with OpenAI, DeepSeek-V3 cost ...": a comma alone ends no list
    clause = text.reader().clause_span(q.start)[0]
    if (own.start < clause and not _relative_after(folded, own.end, clause)) \
            or _says(each, folded, sentence.start, sentence.end):
        return False  # "V3與GPT-4o常被比較，……後者用了3.5萬塊": the list is not the figure's subject
    return not text.figures_in(before.start, own.start)


def _relative_after(folded: str, end: int, clause: int) -> bool:
    """Whether the clause at `clause` opens with a relative word (names.words [relative]) right after the name
    that ends at `end` and a comma: "Microsoft and Meta, which together expect to invest $150 billion" tells
    the list's own figure in that clause."""
    from dsfact.lang import word_set

    if folded[end:clause].strip(" ,，") or not folded[end:clause].strip():
        return False
    first = folded[clause:clause + 12].strip(" ,，").split(" ", 1)[0]
    return first in word_set("names", "relative")

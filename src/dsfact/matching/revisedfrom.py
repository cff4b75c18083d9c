"""A figure told as a change from an earlier estimate of its own: "annual spending will reach $37-40 billion, up
from a previous forecast of $35-40 billion", "将达到370亿-400亿美元，高于之前预估的350亿-400亿美元". The
figure is a revised forecast, a state later than the plan it revises: it may agree with a claim of a year's
plan but never contradicts it. So is a figure whose clause names the plan revised: "Meta's revised spending plan
of up to $72 billion for 2025", "最新的2025年资本支出预测为700亿至720亿美元". The words are roles.words
[revised-from], [revised-base] and [revised-plan] (and [revised-cell], for a table's column of revised plans: `revised_column`);
this module holds the mechanism."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.matching.wordtables import spaced, word_starting

REACH = 40  # characters of the clause after a figure's in which its words are sought
GAP_WORDS = 3  # English words that may stand between a word of revision and its noun ("revised 2025 capex plan")
GAP_CJK = 12  # characters that may stand between them in Chinese ("最新的2025年資本支出預測")
_RANGE_JOINS = frozenset(("to", "-", "–", "—", "~", "至", "到"))


def revised_from(text, q, claim=None) -> bool:
    """Whether the clause right after figure q's, in its sentence, opens with words that compare it with an
    earlier estimate of its own (roles.words [revised-from]), or q is that earlier estimate (revised_base), or one end
    of a change whose other end states `claim` (changed_end)."""
    from dsfact.lang import words_of

    if revised_base(text, q) or claim is not None and changed_end(text, q, claim):
        return True
    _, end = text.reader().clause_span(q.start)
    sentence = text.sentences[text.sentence_of(q.start)]
    if end >= sentence.end - 1:
        return False
    after = text.folded[end + 1:min(sentence.end, end + 1 + REACH)].lstrip()
    return word_starting(after, words_of("roles", "revised-from", longest_first=True)) is not None


@lru_cache(maxsize=1)
def _revised_plan() -> tuple[re.Pattern, re.Pattern]:
    """roles.words [revised-plan]: a word of revision, then its noun a few words on (English; Chinese)."""
    from dsfact.lang import words_of
    from dsfact.matching.cues import has_cjk

    before, nouns = words_of("roles", "revised-plan", "before"), words_of("roles", "revised-plan")
    latin = [w for w in before if not has_cjk(w)], [w for w in nouns if not has_cjk(w)]
    chinese = [w for w in before if has_cjk(w)], [w for w in nouns if has_cjk(w)]
    english = re.compile(rf"(?<![a-z0-9])(?:{spaced(latin[0])})(?:\s+[\w'’.-]+){{0,{GAP_WORDS}}}?\s+(?:{spaced(latin[1])})(?![a-z])")
    cjk = re.compile(rf"(?:{spaced(chinese[0])})[^,，;；。.]{{0,{GAP_CJK}}}?(?:{spaced(chinese[1])})")
    return english, cjk


def revised_plan(text, q) -> bool:
    """Whether figure q's clause names the plan it states as revised ("the revised spending plan of", "its
    updated 2025 capex outlook", "最新的2025年資本支出預測"): roles.words [revised-plan]."""
    start, end = text.reader().clause_span(q.start)
    english, cjk = _revised_plan()
    return any(p.search(text.folded, start, end) is not None for p in (english, cjk))


def revised_column(text, q) -> bool:
    """Whether figure q stands in a table column another cell of which tells its own revision (roles.words
    [revised-cell]: "约910亿美元(由850亿美元上调)", "超过1,250亿美元(2025年多次上调)"): the column gives each row's plan as
    revised, a state later than the plan first stated, which may agree with it but never contradicts it."""
    structure = text.structure
    if structure is None or not structure.tables:
        return False
    k = bisect.bisect_right(structure.starts, q.start) - 1
    cell = structure.tables.get(k)
    if cell is None or cell[1] is None or q.start >= structure.ends[k]:
        return False
    words = _revision_words()
    folded = text.folded
    return any(j != k and column == cell[1] and words.search(folded, structure.starts[j], structure.ends[j])
               for j, (_, column) in structure.tables.items())


@lru_cache(maxsize=1)
def _revision_words() -> re.Pattern:
    from dsfact.lang import words_of

    words = sorted(words_of("roles", "revised-cell"), key=len, reverse=True)
    return re.compile("|".join(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])" if w.isascii() else re.escape(w)
                               for w in words) or "(?!)")


def revised_base(text, q) -> bool:
    """Whether figure q, right after words that make it a base of comparison (roles.words [revised-base]: "up from",
    此前为), opens a clause that follows, in its sentence, a figure of its unit told as revised (its clause names the
    plan revised, revised_plan: "a raised 2025 capex forecast of $68 to $70 billion, up from $64 to $70 billion"):
    q is the plan as it stood before that revision, perhaps itself a revision of the first."""
    from dsfact.lang import words_of

    folded = text.folded
    start, _ = text.reader().clause_span(q.start)
    head = q.start
    inside = [x for x in text.figures_in(start, q.start) if x.end <= q.start]
    if len(inside) == 1 and folded[inside[0].end:q.start].strip() in _RANGE_JOINS:
        head = inside[0].start  # "up from $66 to $72 billion": a range the reader took for a move's ends
    elif inside:
        return False
    before = folded[start:head].strip().rstrip("约約~≈").strip()
    if not before or not any(before == w or before.endswith(" " + w) and len(before) <= len(w) + 12
                             for w in words_of("roles", "revised-base")):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    return any(x.unit == q.unit and x.end <= start and revised_plan(text, x)
               for x in text.figures_in(sentence.start, start))


TO_GAP = 16  # characters of words between a change's "to" word and its new figure ("to as much as")


def changed_end(text, q, claim) -> bool:
    """Whether figure q is one end of a change its clause tells from one figure of its unit to another (roles.words
    [from-to]: "from $60-65 billion to $64-72 billion", "从600-650亿美元上调至640-720亿美元") whose other end
    states `claim`: q is then the plan's later state (or the earlier state, "grow from $39 billion to $60-65
    billion"), which may agree with a year's plan but never contradicts it. A change whose other end states no
    statement of the claim ("grow from last year's $39 billion to $70-75 billion") leaves q judged."""
    from dsfact.quantity import agrees

    ends = _change_ends(text, q)
    if ends is None:
        return False
    other = ends[0] if ends[1] is q else ends[1]
    return any(agrees(other, st, claim.per, written=True) for st in claim.statements)


def _change_ends(text, q) -> tuple | None:
    """(from, to): the two figures of q's unit of a change told in q's clause of which q is one, or None."""
    from dsfact.matching.fromto import _words

    reader, folded = text.reader(), text.folded
    start, end = reader.clause_span(q.start)
    figures = [x for x in text.figures_in(start, end) if x.unit == q.unit]
    k = next((i for i, x in enumerate(figures) if x.start == q.start), None)
    if k is None or len(figures) < 2:
        return None
    chinese = reader._chinese
    for a, b in ((k - 1, k), (k, k + 1)):
        if a < 0 or b >= len(figures):
            continue
        x, y = figures[a], figures[b]
        to = None
        for m in _words("words", chinese).finditer(folded, max(x.end, y.start - TO_GAP), y.start):
            to = m
        if to is None or any(c.isdigit() for c in folded[x.end:to.start()] + folded[to.end():y.start]):
            continue
        opened = list(_words("before", chinese).finditer(folded, max(start, x.start - 8), x.start))
        if opened and not folded[opened[-1].end():x.start].strip(" \t$€£¥￥约約"):
            return x, y
    return None

"""A list under one verb (issue 9's recall): "预训练只用了不到两个月、2048张H800显卡及557.6万美元", "V3 took 53 days,
2,048 H800s and $5.6 million". The lead's word of the claim's metric (只用, 训练, took) governs every member of the
list it opens, the last too, though list marks (、, a comma) split the list into clauses: a figure there is
bound to the metric as firmly as the first member (dsfact.matching.evidence: PARALLEL). A member is a bare item:
a figure with at most a short noun after it (张H800显卡, "H800 chips"), the items joined by a list mark or a
joining word (names.words [list-joiners]: 及, 和, "and"); a clause with words of its own before its figure (a
verb, another name: "R1 used 512") ends the list, and so does a long tail after a member's figure."""
from __future__ import annotations

import bisect

from dsfact.fold import has_han
from dsfact.lang import words_of
from dsfact.matching.wordtables import Alternation

LIST_MARKS = ",，、"
MEMBERS = 5  # clauses walked back from the figure's to the list's lead
NOUN_TAIL = 24  # characters of a member's noun after its figure ("张 H800 显示卡", " H800 GPUs")
LEAD_GAP = 12  # characters between the lead's metric word and the list's first figure ("了不到", " on")

_JOINERS: list = []


def lists_under(matcher, q, si: int, hits: list) -> bool:
    """Whether figure q is a later member of a list whose lead, in an earlier clause of its sentence, has one of
    `hits` (cue words of the claim's metric) right before the list's first figure."""
    if not hits:
        return False
    folded, marks = matcher.folded, matcher._marks
    sentence = matcher.sentences[si]
    k = bisect.bisect_left(marks, q.start)
    if not k or marks[k - 1] < sentence.start:
        return False
    end, item = q.start, q
    for _ in range(MEMBERS):
        start = marks[k - 1]  # the mark that opens the clause of `item`
        if folded[start] not in LIST_MARKS or not _members(matcher, start + 1, end, item):
            return False
        k -= 1
        lead = marks[k - 1] + 1 if k and marks[k - 1] >= sentence.start else sentence.start
        figures = [x for x in matcher.figures_in(lead, start) if x.end <= start]
        if not figures:
            return False
        first = figures[0]
        if any(h.end <= first.start and first.start - h.end <= LEAD_GAP and lead <= h.start for h in hits) \
                and _tail_ok(matcher, figures, start):
            return True  # the lead: its metric word right before the list's first figure
        if not _members(matcher, lead, start, None):
            return False
        end, item = start, first
    return False


def _members(matcher, a: int, b: int, last) -> bool:
    """Whether folded[a:b] holds only list members (figures, each with a short noun after it, joined by joining
    words) up to figure `last` (None: to b)."""
    folded = matcher.folded
    figures = [x for x in matcher.figures_in(a, b) if x.end <= b and x is not last]
    at = a
    for x in figures:
        if not _joined(folded, at, x.start, first=at == a):
            return False
        at = x.end
    if last is not None:
        return _joined(folded, at, last.start, first=at == a)
    return bool(figures) and len(folded[at:b].strip()) <= NOUN_TAIL


def _joined(folded: str, a: int, b: int, first: bool) -> bool:
    """Whether folded[a:b], between a member's figure (or the clause's start) and the next figure, is a short noun
    then a joining word, or nothing but a joining word at a clause's start."""
    gap = folded[a:b].strip()
    if not gap:
        return first
    if not _JOINERS:
        _JOINERS.append(Alternation(words_of("names", "list-joiners", longest_first=True)))
    found = None
    for m in _JOINERS[0].get(has_han(gap)).finditer(gap, 0, len(gap)):
        found = m
    if found is None or gap[found.end():].strip():
        return False
    return len(gap[:found.start()].strip()) <= NOUN_TAIL


def _tail_ok(matcher, figures: list, b: int) -> bool:
    """Whether the lead clause's figures after its first are members too and its tail is short."""
    return _members(matcher, figures[0].start, b, None) if len(figures) > 1 else \
        len(matcher.folded[figures[0].end:b].strip()) <= NOUN_TAIL

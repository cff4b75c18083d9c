"""A time told in a clause of its own in the middle of a sentence, before the figures it places: "Nvidia fell 0.36%
after hours, and over the past five days, its stock has dropped nearly 15%, with about $1 trillion of market value
gone", "英伟达盘后微跌0.36%，而过去五天，其股价累计下跌近15%", "輝達盤後微跌0.36%，而過去五天，股價累跌近15%".

The time words (time.words, any kind) stand alone in their clause, with at most a joining word (time.words
[closing-join]), a preposition and a count of days or weeks beside them: the clause holds no amount, so they
place none of their own (dsfact.matching.roles: FigureReader._place). Such a clause is an adverbial put in front of
the next predicate, as a sentence's head is put in front of the whole sentence: it places the figures after it in
its sentence that have no time of their own, and not the figures before it ("0.36%", told of the hours after the
close). Left unplaced, "nearly 15%" was read as the day's fall and "$1 trillion" as its loss, and both
contradicted claims of one day."""
from __future__ import annotations

import bisect

from dsfact.numbers.patterns import lazy

# what may stand beside the time words in such a clause: a joining word, a preposition, an article, a comma
_REST = lazy(r"[\s,，、]*(?:(?:and|but|while|yet|so|then|in|over|during|for|across|within|the|of|"
             r"而|但|且|并|並|同时|同時|在|于|於)\b[\s,，、]*)*", )


def fronted_clause(reader, a: int, b: int, time_units) -> bool:
    """Whether the time words at reader.folded[a:b] stand alone in a clause inside their sentence, with a clause
    after it in the sentence: they then open the predicate that follows."""
    lo, hi = reader.clause_span(a)
    start, end = reader.sentence_of(a)
    if lo <= start or hi >= end - 1 or reader.folded[hi:hi + 1] not in (",", "，"):
        return False  # the sentence's head (placed as such), or its last clause
    k = bisect.bisect_left(reader.starts, lo)
    spans = [(a, b)]
    while k < len(reader.quantities) and reader.quantities[k].start < hi:
        q = reader.quantities[k]
        if q.unit not in time_units:
            return False  # an amount of its own: the time words place it
        spans.append((q.start, q.end))
        k += 1
    rest, at = [], lo
    for x, y in sorted(spans):
        rest.append(reader.folded[at:x])
        at = max(at, y)
    rest.append(reader.folded[at:hi])
    return all(_REST.fullmatch(part) is not None for part in rest)


def fronted_tags(fronted: dict[int, list[tuple[int, str]]], sentence: int, pos: int) -> tuple[str, ...]:
    """The tags of the fronted time clauses of the sentence starting at `sentence` that stand before offset pos."""
    return tuple(tag for at, tag in fronted.get(sentence, ()) if at <= pos)

"""A name set against a figure after it: "It was trained for US$6 million, versus some $100 million spent on
OpenAI's GPT-4", "needing only some $60 million in computing power versus the billions spent on models such as
OpenAI's GPT-4", "V3的成本为560万美元，相比之下OpenAI的GPT-4花了1亿美元". A word that opens a comparison
(names.words [comparison-after]) between figure q and a name after it, in the name's own clause, makes the name
the other side of the comparison: it owns the figures told with it, never q. Read by dsfact.matching.aside.own_only."""
from __future__ import annotations

import bisect

COMPARED_AFTER_REACH = 90  # characters between a figure and a name after it that a comparison may span


def set_against_after(text, q, hit) -> bool:
    """Whether the name `hit`, after figure q in its sentence, stands in a comparison that opens after q (module
    doc): the last word of names.words [comparison-after] between them, with no clause mark between that word
    and the name (a comparison closed before a new clause leaves the next clause's name its own)."""
    if hit.start < q.end or hit.start - q.end > COMPARED_AFTER_REACH:
        return False
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import word_places

    folded = text.folded
    last = -1
    for w in words_of("names", "comparison-after"):
        for at in word_places(folded, w, q.end, hit.start):
            last = max(last, at + len(w))
    if last < 0:
        return False
    marks = text._marks
    return bisect.bisect_left(marks, last) == bisect.bisect_left(marks, hit.start)

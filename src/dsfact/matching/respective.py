"""A list of subjects a sentence pairs with its figures "respectively" (分别) serves each of its clauses: in
"V3和R1的输入价格分别为2元和4元，输出分别为8元和16元" the second clause lists no subjects of its own and pairs
8元 with V3 as fully as the first pairs 2元. A name of that list between V3 and 8元 passes nothing over."""
from __future__ import annotations

import bisect


def in_respective_list(text, q, hit, ci: int) -> bool:
    """Whether name `hit`, before figure q in a sentence that says "respectively", belongs to the list of
    subjects its figures are paired with: it stands before the sentence's first figure of q's unit, and q's
    clause names no subject of its own nor a word that rules out claim `ci` (q's clause's own kind: "and
    $1.10 and $2.19 per million output tokens" is no input price)."""
    si = text.sentence_of(q.start)
    if not text.says_respectively(si):
        return False
    sentence = text.sentences[si]
    first = next((x for x in text.figures_in(sentence.start, q.start) if x.unit == q.unit), None)
    if first is None or hit.end > first.start:
        return False
    marks = text._marks
    clause = bisect.bisect_right(marks, q.start)
    lo = marks[clause - 1] if clause > 0 else sentence.start
    if lo < first.end:
        return False
    from dsfact.matching.cues import EXCLUDE, SUBJECT

    hi = marks[clause] if clause < len(marks) else sentence.end
    roles = [(h, r) for h in text.hits_in(lo, hi) for r in text.roles_of(h)]
    return not any(r[1] == SUBJECT and h.end <= q.start or r == (ci, EXCLUDE) for h, r in roles)

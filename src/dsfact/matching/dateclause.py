"""A date whose clause tells, before it, what it is the date of ("v1版本发布于2025年1月22日", "the preprint went up
on January 22") is that thing's date: a name past a comma in a later clause of its sentence ("…，主要讲R1是什么")
does not own it. A date that opens its clause, with only words such as "on" or 在 before it ([date-clause] in
lang/time.words), may be the next clause's ("2025年1月20日，DeepSeek发布R1"); so may one whose name follows in a
bracket ("发布时间 2024年12月（V3版本）")."""
from __future__ import annotations

import bisect

from dsfact.matching.alone import stands_alone

_CLAUSE_ENDS = ",，;；"


def told_of(text, q, end: int) -> bool:
    """Whether date q's clause tells before it what it is the date of, and a comma parts it from the name that
    begins at `end` (`text`, the TextCues that read q)."""
    folded = text.folded
    if not any(c in _CLAUSE_ENDS for c in folded[q.end:end]):
        return False
    marks = text._marks
    k = bisect.bisect_right(marks, q.start) - 1
    start = max(marks[k] + 1 if k >= 0 else 0, text.sentences[text.sentence_of(q.start)].start)
    return not stands_alone(folded, start, q.end, q)

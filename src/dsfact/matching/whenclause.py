"""A clause that tells when the rest of its sentence happens (time.words [time-clause]): opened by a word of
`before` ("At the close,", 当) or closed by one of `after` right before its mark ("收盘钟声响起时，")."""
from __future__ import annotations

import bisect
import re

_WHEN: list = []


def tells_when(text, pos: int, end: int, start: int) -> bool:
    """Whether the clause that holds text.folded[pos:end] (a word or a figure), in the sentence opening at
    `start`, tells when the rest of the sentence happens. A clause that runs to the sentence's end tells
    nothing of the kind: it is the sentence's main clause."""
    if not _WHEN:
        from dsfact.lang import words_of

        before = "|".join(re.escape(w) for w in words_of("time", "time-clause", "before", longest_first=True))
        after = "|".join(re.escape(w) for w in words_of("time", "time-clause", "after", longest_first=True))
        _WHEN.extend((re.compile(rf"\W*(?:{before})(?![a-z])"), re.compile(rf"(?:{after})\s*$")))
    marks = text._marks
    k = bisect.bisect_right(marks, pos)
    lo = max(start, marks[k - 1] + 1 if k else start)
    hi = marks[k] if k < len(marks) else None
    if hi is None or end > hi:
        return False
    return bool(_WHEN[0].match(text.folded, lo) or _WHEN[1].search(text.folded, end, hi))

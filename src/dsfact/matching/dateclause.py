"""A date whose clause tells, before it, what it is the date of ("v1版本发布于2025年1月22日", "the preprint went up
on January 22") is that thing's date: a name past a comma in a later clause of its sentence ("…，主要讲R1是什么")
does not own it. A date that opens its clause, with only words such as "on" or 在 before it ([date-clause] in
lang/time.words), may be the next clause's ("2025年1月20日，DeepSeek发布R1"); so may one whose name follows in a
bracket ("发布时间 2024年12月（V3版本）"). So may one right after a run-in label that opens its sentence, set off by a
space or a closing bracket ("行业追踪 1月20日，深度求索发布R1", "【要闻】1月20日，……": run_in_label): the label is a
heading's, no event of the date's clause."""
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
    sentence_start = text.sentences[text.sentence_of(q.start)].start
    start = max(marks[k] + 1 if k >= 0 else 0, sentence_start)
    if start == sentence_start:
        start = run_in_label(folded, start, q.start)
    return not stands_alone(folded, start, q.end, q)


LABEL_REACH = 12  # characters of a run-in label at most
_LABEL_ENDS = "】]」』"


def run_in_label(folded: str, start: int, pos: int) -> int:
    """Where the words before offset `pos` begin once a run-in label that opens them at `start` is left out: a few
    Chinese characters with no digit, Latin letter or mark, ended by white space or a closing bracket right before
    `pos` ("行业追踪 ", "【要闻】"; not "Launched on ", a clause's own words); `start` when there is none."""
    lead = folded[start:pos]
    head = lead.rstrip()
    if not head or (head == lead and head[-1] not in _LABEL_ENDS):
        return start
    label = head.lstrip(" 【[「『").rstrip(_LABEL_ENDS)
    if not label or len(label) > LABEL_REACH or any(c.isascii() or c in "，；：。！？（）" for c in label):
        return start
    return pos

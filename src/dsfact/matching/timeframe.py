"""A name inside a clause of time between a subject and its figure: "辉达在DeepSeek发布R1后，市值蒸发6000亿美元",
"輝達在DeepSeek宣布技術突破後，股價暴跌17%，市值蒸發5890億美元", "Nvidia, after DeepSeek released R1, shed $589
billion". The clause (opened by a word of time.words [event-clause] `before`, 在, "after", right after the subject
or a clause mark, and closed, in Chinese, by one of its `after` words, 后, 之前, 时, right before a clause mark) tells
when the subject's figures came; the body it names is no other subject that the figure's own subject is passed
over for (dsfact.matching.passedover), so a wrong figure of the subject still contradicts."""
from __future__ import annotations

import bisect

from dsfact.matching.cues import has_cjk

_OPENERS: tuple | None = None  # (Latin openers, Chinese openers, Chinese closers), longest first


def _words() -> tuple:
    global _OPENERS
    if _OPENERS is None:
        from dsfact.lang import words_by_script, words_of

        latin, chinese = words_by_script("time", "event-clause", "before", longest_first=True)
        _OPENERS = (latin, chinese, words_of("time", "event-clause", "after", longest_first=True))
    return _OPENERS


def in_time_clause(folded: str, marks: list[int], subject_end: int, hit, q_start: int) -> bool:
    """Whether the name at `hit`, after a subject that ends at `subject_end` and before a figure at `q_start`,
    stands in a clause of time that opens right after the subject (or a clause mark after it) and closes at a
    clause mark before the figure's own clause."""
    k = bisect.bisect_left(marks, hit.end)
    if k >= len(marks) or marks[k] >= q_start:
        return False  # the clause must close before the figure's
    start = max(subject_end, marks[k - 1] + 1 if k and marks[k - 1] >= subject_end else subject_end)
    head = folded[start:hit.start].strip(" ,，、").lstrip(")）] ,，")  # "輝達(Nvidia)在…後": past the subject's gloss
    latin, chinese, closers = _words()
    if has_cjk(folded[hit.start:hit.end]) or has_cjk(head) or has_cjk(folded[hit.end:marks[k]]):
        tail = folded[hit.end:marks[k]].rstrip()
        return head.startswith(chinese) and len(head) <= 12 and tail.endswith(closers)
    return any(head == w or head.startswith(w + " ") for w in latin)

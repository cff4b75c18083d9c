"""A time word that stands as its own clause ("不到一个月后，R1模型发布", "a month after, R1 followed"): it dates
the clause after it, not a figure before it. A role's `near` word of that kind (roles.words [after-event]:
一个月后, "a month after") names no event that a date beside it comes after ("2024年12月26日，DeepSeek推出V3，
不到一个月后，R1发布": V3's release is on that day); "1月27日，即R1发布一周后" and "a week after R1 came out" still
do, the event being told in the word's own clause."""
from __future__ import annotations

from dsfact.lang import word_set

_MARKS = ",，;；:：。!?！？\n"


def stands_alone(folded: str, start: int, end: int) -> bool:
    """Whether the words at folded[start:end] make a clause of their own: nothing but a hedge before them since
    the last clause mark (不到, 约, "less than"; lang/sentences.words [time-lead]) and a clause mark right after."""
    after = folded[end:end + 3].lstrip(" ")[:1]
    if not after or after not in _MARKS:
        return False
    mark = max(folded.rfind(c, 0, start) for c in _MARKS)
    lead = folded[mark + 1:start].strip()
    return not lead or lead in word_set("sentences", "time-lead")

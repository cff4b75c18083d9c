"""A name told as a time mark, not as a body: "在发布V4前，DeepSeek将R1论文扩充……" ("before releasing V4") dates what
the sentence tells by a later model's release; V4 owns none of its figures, and does not stand nearer a figure
than the subject that does. The words are language data (time.words [event-mark]): a verb of release before
the name and, in Chinese, a word of before or after right after it (前, 之后); in English the words before it
are enough ("before releasing V4", "ahead of the launch of")."""
from __future__ import annotations

from dsfact.lang import words_by_script
from dsfact.matching.cues import has_cjk
from dsfact.matching.memo import LastText
from dsfact.matching.wordtables import word_ending, word_starting

_LEAD = 16  # characters before a name searched for the verb of release


_SAID = LastText()  # the text last asked about -> (name's start, end) -> marks_time


def marks_time(folded: str, hit) -> bool:
    """Whether the name at hit (a cue hit of `folded`) is the object of a time mark ("在发布V4前", "before
    releasing V4"). Said once per name of a text (each figure of a sentence asks of its names)."""
    said = _SAID.of(folded)
    key = (hit.start, hit.end)
    found = said.get(key)
    if found is None:
        found = said[key] = _marks_time(folded, hit)
    return found


def _marks_time(folded: str, hit) -> bool:
    if _day_of(folded, hit):
        return True  # "on Trump's inauguration day, Jan. 20th", "特朗普就职当天"
    latin, han = words_by_script("time", "event-mark", "before")
    lead = folded[max(0, hit.start - _LEAD):hit.start].rstrip()
    if has_cjk(folded[hit.start:hit.end]) or has_cjk(lead[-2:]):
        if not lead.endswith(han):  # (a tuple: any of them)
            return False
        tail = folded[hit.end:hit.end + 4].lstrip()
        return tail.startswith(words_by_script("time", "event-mark", "after")[1])
    return lead.endswith(latin) and word_ending(lead, latin) is not None


def _day_of(folded: str, hit) -> bool:
    """Whether the name at hit names a day by its own event: its possessive, then a word of time.words
    [event-mark] `day` ("Trump's inauguration day", "特朗普的就职典礼")."""
    latin, han = words_by_script("time", "event-mark", "day", longest_first=True)
    tail = folded[hit.end:hit.end + _LEAD + 8]
    owned = folded[hit.end - 2:hit.end] in ("'s", "’s")  # (a name's hit may take its possessive in)
    for mark in ((" ",) if owned else ("'s ", "’s ", "' ", "’ ")):
        if tail.startswith(mark):
            rest = tail[len(mark):]
            return word_starting(rest, latin) is not None
    rest = tail[1:] if tail.startswith("的") else tail
    return bool(han) and rest.startswith(han)


_CLAUSE_MARKS = ",，;；。.!?！？:："
_AGENT_REACH = 30  # characters after the name within which a Chinese time clause closes ("推出低成本AI模型后")


def agent_of_time(folded: str, hit, q) -> bool:
    """Whether the name at hit is the agent of a time clause that figure q stands outside (time.words [event-mark]
    `agent-before`, `agent-verbs`): "在DeepSeek推出低成本AI模型后，……创下的5930亿美元纪录", "after DeepSeek released R1,
    Nvidia lost $589 billion". The clause dates what follows; its agent is no subject of the figures after it (nor of
    those before: "Nvidia lost $589 billion after DeepSeek released R1")."""
    latin, han = words_by_script("time", "event-mark", "agent-before")
    verbs_latin, verbs_han = words_by_script("time", "event-mark", "agent-verbs", longest_first=True)
    lead = folded[max(0, hit.start - _LEAD):hit.start].rstrip()
    tail = folded[hit.end:hit.end + _AGENT_REACH]
    rest = tail.lstrip()
    if has_cjk(lead[-1:]) or has_cjk(folded[hit.start:hit.end]):
        if not lead.endswith(han) or not rest.startswith(verbs_han):
            return False
        cut = min((i for i in (tail.find(c) for c in _CLAUSE_MARKS) if i >= 0), default=len(tail))
        closes = [i for w in words_by_script("time", "event-mark", "after")[1] if (i := tail.find(w, 0, cut)) >= 0]
        if not closes:
            return False
        end = hit.end + min(closes)
    else:
        if word_ending(lead, latin) is None or word_starting(rest, verbs_latin) is None:
            return False
        cut = min((i for i in (tail.find(c) for c in ",;") if i >= 0), default=len(tail))
        end = hit.end + cut
    return not (hit.start <= q.start < end)

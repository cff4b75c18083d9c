"""A move told in the middle of a trading day that no moment of the session could show. dsfact.matching.session
finds the figures of a story told during the session ("was on track to lose", "last slid", 盘中, 现跌): they are the
session's, not the close's, and may agree with a claim of the day's close but never contradict it, since the
session's figure may rightly differ from the close. Yet a session's figure stays inside the day's range: no moment
of the day lost more than the day's recorded extreme, and none lost a thousandth of its close while the story
tells the day's rout. Two figures are therefore the writer's error, not the session's, and are judged:

- one beyond every statement of the claim's group on that day (the close and the intraday extreme, when the group
  records one: a close alone does not tell how far the session strayed) by more than BEYOND: "Nvidia plunges 71%"
  beside a close of 17% and a low of 17.6%, "英伟达盘中市值蒸发1.5万亿美元" beside a close of $589 billion and a low of
  $614 billion;
- one whose scale word slipped: its value a thousand or ten thousand times (a million for a billion, 萬 for 億)
  away from a statement of the group, to within SCALE_SLIP: "on track to lose roughly $600 million" of a $593
  billion loss, "盘中市值蒸发近6000万美元".

Any other session figure ("down 12% in early trading", "on track to lose $400 billion") stays the session's. A
forecast of the day's move (roles.words [future-move]: "was on track to lose", 料将, 或将) is asked only the second
(scale_slipped, from dsfact.matching.doubt): a forecast may exceed any recorded move, never slip a scale word. A figure
told beside a part of the trading day (roles.words [session]: "opened 11% lower", "股價一度暴跌17%，市值蒸發…") is
asked both (out_of_session, from dsfact.matching.doubt): "股價一度暴跌17%，市值蒸發6000萬美元" slipped 億 for 萬."""
from __future__ import annotations

import math

from dsfact.matching.session import mid_session
from dsfact.model import Claim, Quantity

BEYOND = 1.5  # a session's move this many times the day's largest recorded move is beyond the session's range
SCALE_SLIP = math.log10(1.25)  # a ratio this close (in powers of ten) to a thousand or ten thousand is a slipped scale
_SCALES = (3, 4)  # million/billion, 萬/億


def session_move(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is a move of the session a text tells in its middle (dsfact.matching.session.mid_session)
    that lies inside the range the claim's day could show (`text`: a TextMatcher)."""
    return mid_session(text, q, claim.time) and not out_of_session(text, q, claim)


def scale_slipped(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is a scale slip of a move recorded for claim's group on the claim's day: a forecast of the
    day's move ("was on track to lose roughly $600 million", dsfact.matching.doubt) may differ from the close, but
    not by a scale word (`text`: a TextMatcher)."""
    values = _day_values(text, q, claim)
    return bool(values) and _slipped(abs(q.value), values)


def out_of_session(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is beyond the day's recorded extreme, or a scale slip of a recorded move, among the
    statements of claim's group on the claim's day (the claim alone when it has no group)."""
    values = _day_values(text, q, claim)
    if not values:
        return False
    value = abs(q.value)
    if value > BEYOND * max(values) and q.qualifier is None and _extreme_recorded(text, claim):
        return True  # ("more than 20%" of a day whose low was 17.6% is a loose bound, not told as beyond it)
    return _slipped(value, values)


def _group(text, claim: Claim) -> list[Claim]:
    """The claims of claim's group on the claim's day (the claim alone when it has no group)."""
    return [c for c in text.registry.claims if c.group == claim.group and c.time == claim.time] \
        if claim.group else [claim]


def _extreme_recorded(text, claim: Claim) -> bool:
    """Whether claim's group records the day's extreme (a claim of variant "intraday"): only then is the day's range
    known. A close alone bounds nothing: "道指盘中重挫超500点" on a day the Dow closed 289 points up may be the session's."""
    return any(c.variant == "intraday" for c in _group(text, claim))


def _day_values(text, q: Quantity, claim: Claim) -> list[float]:
    """The recorded values, in q's unit, of claim's group on the claim's day ([] when q is no plain figure of it)."""
    if isinstance(q.value, str) or not q.value or q.unit != claim.unit or q.per is not None or q.high is not None:
        return []
    return [abs(st.value) for c in _group(text, claim) for st in c.statements
            if (st.unit or c.unit) == q.unit and isinstance(st.value, (int, float)) and st.value]


def _slipped(value: float, values: list[float]) -> bool:
    return any(abs(abs(math.log10(value / v)) - scale) < SCALE_SLIP for v in values for scale in _SCALES)

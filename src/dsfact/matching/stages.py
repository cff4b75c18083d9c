"""One stage of a training run (roles.words [stage-cost], [stage-metric], [stage-total], [stage-part],
[stage-later]). The cost of a stage: "context extension cost about $238,000", "后训练花费1万美元". A sum of money whose
clause names a stage of training as its own is that stage's cost, a part of the run's: it states no claim of a cost
whose metric names none of the stages (the final run's whole cost), unless its clause tells the stages summed ("in
total", 总计). A cell of a table reads its row's label as its clause ("| 上下文扩展 | 11.9 | 23.8 |", "| Total | 2,788K |
$5.576M |"). Pre-training ([stage-part]) is a stage only in a breakdown, a clause or row within BREAKDOWN_REACH of
another stage's word ("| 预训练 | 266.4 | 532.8 |" above "| 上下文扩展 |"): alone, much copy calls the whole run its
pre-training. The tokens of a stage after pre-training: "再经1.8万亿token的强化学习优化", "then fine-tuned on 1.5 trillion
tokens" state no claim of the tokens a model was pre-trained on. The word tables only, and the table's cells
(dsfact.matching.tables); the patterns compile on first use."""
from __future__ import annotations

import re

from dsfact.matching.cues import has_cjk
from dsfact.matching.pertext import kept
from dsfact.model import Claim, Quantity
from dsfact.numbers.patterns import led_by
from dsfact.numbers.words import is_money

_RX: dict[tuple[str, bool], re.Pattern] = {}
TOTAL_REACH = 16  # characters after a figure where a word of the stages summed is still its own (" in total")
BREAKDOWN_REACH = 160  # characters either side of a pre-training figure where another stage's word makes a breakdown


def _pattern(key: str, chinese: bool = True) -> re.Pattern:
    """The words of roles.words [key] as one pattern; without `chinese` (text with no Chinese character, where they
    cannot match), without the Chinese ones."""
    found = _RX.get((key, chinese))
    if found is None:
        from dsfact.lang import words_of

        words = [w for w in words_of("roles", key, longest_first=True) if chinese or not has_cjk(w)]
        after = "" if key in ("stage-metric", "trained-stage") else "(?![a-z])"  # it may go on: "pre-trained"
        # opened by a look-ahead of the words' first characters (led_by: the same matches): an alternation whose
        # words each open with a look-behind is otherwise tried in full at every character of a clause
        found = _RX[key, chinese] = re.compile(led_by(*words) + "(?:" + ("|".join(
            r"(?<![a-z])%s%s" % (re.escape(w), after) if w.isascii() else re.escape(w) for w in words) or "(?!)") + ")")
    return found


def stage_cost(matcher, q: Quantity, claim: Claim) -> bool:
    """Whether sum of money q, bound by `matcher` (a TextMatcher), is the cost of a stage of training that `claim`
    (a claim of a sum of money) is not of: q's clause (or its table row's label) names a stage, and no word of
    the stages summed stands before q or right after it (a total told after a later figure is that figure's:
    "context extension $238,000 and post-training $10,000, or $5.576 million in all"), and the claim's metric
    names no stage."""
    if not is_money(claim.unit):
        return False
    told = kept(matcher, "_stage_told")  # what q's clause tells depends on q alone: read once per figure, not per claim
    found = told.get((q.start, q.end))
    if found is None:
        found = told[q.start, q.end] = _stage_told(matcher, q)
    return found and _pattern("stage-metric").search(claim.metric.lower()) is None


def _stage_told(matcher, q: Quantity) -> bool:
    """Whether q's clause (or its table row's label) names a stage, and no word of the stages summed stands
    before q or right after it (stage_cost, whatever the claim)."""
    folded = matcher.folded
    start, end = matcher.reader().clause_span(q.start)
    spans = [(start, end)]
    label = _row_label(matcher, q)
    if label is not None:
        spans.append(label)
    chinese = matcher.reader()._chinese
    if any(_pattern("stage-total", chinese).search(folded, a, min(b, q.end + TOTAL_REACH) if a == start else b) for a, b in spans):
        return False
    if not any(_pattern("stage-cost", chinese).search(folded, a, b) for a, b in spans) and not (
            any(_pattern("stage-part", chinese).search(folded, a, b) for a, b in spans)
            and _pattern("stage-cost", chinese).search(folded, max(0, q.start - BREAKDOWN_REACH), q.end + BREAKDOWN_REACH)):
        return False
    return True


LATER_UNITS = ("token", "gpu_hour")  # what a stage after pre-training has of its own: its tokens, its GPU hours


def later_stage_tokens(matcher, q: Quantity, claim: Claim) -> bool:
    """Whether count q of tokens or GPU hours, bound by `matcher` (a TextMatcher), is told of a stage after
    pre-training (roles.words [stage-later]: "再经1.8万亿token的强化学习优化", "then fine-tuned on 1.5 trillion tokens",
    "the subsequent training stages require only 0.1M GPU hours") while `claim` counts the tokens or hours of
    pre-training (its metric names it): q's clause names such a stage and not pre-training as its own
    ([trained-stage]: "pre-trained on 14.8T tokens before RL" keeps it; "the stages after pre-training" does not,
    [stage-after])."""
    if q.unit not in LATER_UNITS or claim.unit != q.unit or _pattern("stage-later").search(claim.metric.lower()):
        return False  # (a claim of a later stage's own is stated by it)
    if q.unit == "token" and _pattern("stage-metric").search(claim.metric.lower()) is None:
        return False
    folded = matcher.folded
    start, end = matcher.reader().clause_span(q.start)
    chinese = matcher.reader()._chinese
    after = [_comes_after(folded, m.start(), m.end()) for m in _pattern("trained-stage", chinese).finditer(folded, start, end)]
    return all(after) and (any(after) or _pattern("stage-later", chinese).search(folded, start, end) is not None)


def _comes_after(folded: str, start: int, end: int) -> bool:
    """Whether the pre-training word at folded[start:end] names only the point a stage comes after ("after
    pre-training", "following pre-training", 预训练之后: roles.words [stage-after])."""
    from dsfact.lang import words_of

    head = folded[max(0, start - 16):start].rstrip(" -")
    if any(head.endswith(w) and (len(head) == len(w) or not head[-len(w) - 1].isalpha())
           for w in words_of("roles", "stage-after", "before")):
        return True
    return any(folded.startswith(w, end) for w in words_of("roles", "stage-after", "after"))


def stage_part(matcher, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is told of one stage of a training run that `claim` is not of: a stage's cost
    (`stage_cost`) or the tokens of a stage after pre-training (`later_stage_tokens`)."""
    return stage_cost(matcher, q, claim) or later_stage_tokens(matcher, q, claim)


def _row_label(matcher, q: Quantity) -> tuple[int, int] | None:
    """The span of the label of the table row that holds figure q; None outside a table or with no label."""
    from dsfact.matching.tables import cell_spans

    spans = cell_spans(matcher, q)
    return spans[0] if spans else None

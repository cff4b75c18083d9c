"""The model a maker's bare name stands for: a text that has named one model of a maker, and none of another, tells
that model's figures when it goes on with the maker's name alone. "DeepSeek-V3 came out in late December, trained on
2,048 H800 chips. ... DeepSeek also published what its API costs. Input: $0.27 per million tokens" gives V3's price,
not R1's, though "DeepSeek" is among the names of R1's price claims; "DeepSeek-V3于去年12月发布……深度求索公布的API价格为每百万输入tokens 2元",
"DeepSeek-V3於去年12月發布……深度求索公布的API價格為每百萬輸入tokens 2元" too.

The models are the registry's own (dsfact.matching.siblings: a claim's model words, those of its subject that no
sibling about another model shares). A model named counts against a claim only when its name is no subject word of
that claim: the registry lists R1's name among the words of V3's training cost (the coverage tells that cost as
R1's), so a text about R1 still states V3's cost with "DeepSeek", while V3's name is an exclude word of R1's price.
Read from the text's start to the end of the figure's sentence; the figure's own words, where they name a model,
decide before this (siblings.other_models)."""
from __future__ import annotations

import math

from dsfact.matching.memo import LastText, held_for
from dsfact.matching.text import line_start
from dsfact.model import Claim, Quantity

_TOLD = LastText()  # the text last asked about -> {sentence: the cue keys named up to its end}


def told_keys(text, q: Quantity) -> frozenset[str]:
    """The cue keys the text names from its start to the end of figure q's sentence (once per sentence)."""
    memo = _TOLD.of(text)
    si = text.sentence_of(q.start)
    found = memo.get(si)
    if found is None:
        found = memo[si] = frozenset(h.cue for h in text.hits_in(0, text.sentences[si].end))
    return found


def models_told(text, q: Quantity, selected: Claim, siblings: list[Claim], keys: dict) -> list[Claim]:
    """The siblings of `selected` about another model (`keys`: claim id -> its model words) whose model the text has
    named up to figure q's sentence, when it has named none of selected's model words and the name is no subject
    word of selected, when selected's words hold the maker's bare name (the registry's story names) and theirs are
    of that maker: the figures the text then tells with the maker's name alone are theirs."""
    makers = _makers(text.registry, selected)
    if not makers:
        return []
    told = told_keys(text, q)
    if told & keys.get(selected.id, frozenset()):
        return []
    ci, naming = text.index.position[selected.id], text.index.naming
    return [c for c in siblings if any(m in _ascii(c.subject) for m in makers)  # (o1's price is no DeepSeek model's)
            and any(k in told and ci not in naming(k)[1] for k in keys.get(c.id, ()))]


def _makers(registry, claim: Claim) -> list[str]:
    """The maker's names among claim's subject words: the registry's story names ("DeepSeek") it lists, folded to
    letters and digits; a claim whose words hold none is bound by its model's own name only."""
    story, by_claim = held_for(_MAKERS, registry, lambda r: ({_ascii(n) for n in r.story}, {}))
    found = by_claim.get(claim.id)
    if found is None:
        found = by_claim[claim.id] = [k for k in {_ascii(w) for w in claim.subject_cues} if k and k in story]
    return found


# id of a registry -> (that registry, (its story names folded, claim id -> _makers' list)): worked out once per
# registry and claim (memo.held_for), not per figure
_MAKERS: dict[int, tuple] = {}


def _ascii(words: str) -> str:
    return "".join(ch for ch in words.lower() if ch.isascii() and ch.isalnum())


def model_told(text, q: Quantity, selected: Claim, theirs: list[Claim]) -> Claim | None:
    """Of the siblings `theirs` (models_told, with those whose exclude words stand among the figure's own left out),
    the one figure q states: the one it agrees with, else, of those no word of its own (from its line's, its
    sentence's or the figure before it's end) rules out ("Input: $0.72" is no output price), one of selected's own
    metric ("output price per million tokens" of R1 and of V3), else the one nearest its value."""
    from dsfact.matching.cues import EXCLUDE
    from dsfact.quantity import agrees

    if not theirs:
        return None
    for c in theirs:
        if any(agrees(q, st, c.per) for st in c.statements):
            return c
    before = [x.end for x in text.figures_in(text.sentences[text.sentence_of(q.start)].start, q.start) if x.end <= q.start]
    start = max([line_start(text.text, q.start), text.sentences[text.sentence_of(q.start)].start, *before])
    position, hits = text.index.position, text.hits_in(start, q.end)
    theirs = [c for c in theirs if not any((position[c.id], EXCLUDE) in text.roles_of(h) for h in hits)]
    if not theirs:
        return None
    same = [c for c in theirs if c.metric.strip().lower() == selected.metric.strip().lower()]
    return min(same or theirs, key=lambda c: _gap(q, c))


def _gap(q: Quantity, claim: Claim) -> float:
    """How far figure q's value is from the nearest of claim's statements in its own unit, as a ratio's logarithm."""
    values = [st.value for st in claim.statements if st.unit == q.unit and isinstance(st.value, (int, float))]
    if not values or not isinstance(q.value, (int, float)) or q.value <= 0:
        return math.inf
    value = q.value  # a rate read per the claim's base ("$0.27 per million tokens", "$0.00027 per thousand")
    if q.per is not None and claim.per is not None and q.per.amount and q.per.unit.lower() == claim.per.unit.lower():
        value = value * claim.per.amount / q.per.amount
    return min((abs(math.log(value / v)) for v in values if v > 0), default=math.inf)


def other_model_told(text, q: Quantity, claim: Claim) -> bool:
    """Whether the text has named, up to figure q's sentence, another model of claim's maker whose name is no subject
    word of claim and none of claim's own model words: a figure told with the maker's name alone is then that
    model's, and may agree with claim, never contradict it. `text`: the TextMatcher that bound q."""
    from dsfact.matching.siblings import _MODELS, _model_keys

    keys = _model_keys(text.registry, text.index)
    siblings = _MODELS["siblings"].get(claim.id) if keys.get(claim.id) else None
    return bool(siblings) and bool(models_told(text, q, claim, siblings, keys))

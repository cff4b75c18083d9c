"""A figure restated in brackets in another currency ("€200 billion (about $208 billion)") is a conversion
and states no claim (roles.words [conversion]). The order is the writer's, not the record's: "a $208
billion (€200 billion) initiative" gives the EU's plan in euros second. When the claim is recorded in the
bracketed figure's currency and not in the first figure's, the bracketed figure is the claim's own
statement and the first the conversion, when the claim's subject is named before the pair or owns it through a move
told right after it ("nearly A$950 billion (US$600 billion) erased from Nvidia's value"). Said to be near ("more than $206 billion (about €200 billion)",
超过2060亿美元（约合2000亿欧元）), it may be the original figure or the writer's own conversion: it may agree
with the claim, never contradict it. So may a sum that prices the GPU hours of a stage of training told right
before it ("预训练共使用266.4万GPU小时，约合532.8万美元", "pre-training took 2.664 million GPU hours, or about $5.328
million": roles.words [trained-stage] before the hours in their sentence): that stage's cost, not the whole run's
a claim records (hours told with no stage are priced as the run's: "2.8 million GPU hours, or about $7.6 million")."""
from __future__ import annotations

from dsfact.matching.localdollar import local_before
from dsfact.model import Claim, Quantity
from dsfact.numbers.words import is_money

OWN, NEAR = "own", "near"


def restated_own(q: Quantity, claim: Claim, roles) -> str:
    """Whether figure q, read as a conversion of the figure before it, is rather the claim's own figure: its
    currency is one the claim's statements are in, the first figure's is none of them, and no role but the
    conversion rules the claim out (`roles`, q's FigureRoles). OWN when so; NEAR when q carries a qualifier
    ("about", 约合: the writer's rounding of either figure, a loose binding); "" when not."""
    if "conversion" not in roles:
        return ""
    units = {claim.unit} | {st.unit for st in claim.statements if st.unit}
    if q.unit not in units:
        return ""
    k = getattr(roles, "k", 0)
    quantities = roles.reader.quantities if hasattr(roles, "reader") else ()
    if k <= 0 or k > len(quantities) or quantities[k - 1].unit in units \
            and not local_before(roles.reader.folded, quantities[k - 1], q):  # "$948 billion (US$593 billion)"
        return ""
    if not is_money(quantities[k - 1].unit):
        return NEAR  # a stage's hours priced (priced_stage), a duration in another unit: may agree, never contradicts
    from dsfact.matching.roles import lexicon

    if any(name in roles for name in lexicon().never(claim.kind) if name != "conversion"):
        return ""
    return OWN if q.qualifier is None else NEAR


def restated_fits(matcher, q: Quantity, claim: Claim, roles) -> bool:
    """Whether figure q, whose roles do not fit the claim, states it as the claim's own figure restated
    (restated_own); one said to be near binds loosely ("$206 billion (about €200 billion)": the original, or
    the writer's conversion)."""
    own = restated_own(q, claim, roles)
    if own and not _named_first(matcher, q, claim, roles):
        return False  # "The EU's plan to mobilise €200 billion ($208 billion) is its answer to Stargate"
    if own == NEAR:
        matcher._loose.add(matcher.index.position[claim.id])
    return bool(own)


def _named_first(matcher, q: Quantity, claim: Claim, roles) -> bool:
    """Whether the claim's subject is named before the figure q restates, in its sentence ("The EU unveiled a
    $208 billion (€200 billion) initiative"): only then is the restatement the claim's own figure. One named
    after it is another's ("The EU's plan to mobilise €200 billion ($208 billion) is its answer to Stargate":
    the dollars restate the EU's euros, not Stargate's plan)."""
    k = getattr(roles, "k", 0)
    first = roles.reader.quantities[k - 1]
    sentence = matcher.sentences[matcher.sentence_of(first.start)]
    position, naming = matcher.index.position[claim.id], matcher.index.naming
    return any(position in naming(h.cue)[1] for h in matcher.hits_in(sentence.start, first.start)) \
        or _owned_after(matcher, q, position)


def _owned_after(matcher, q: Quantity, position: int) -> bool:
    """Whether the pair's owner follows it through a word of a move and a word of owning ("nearly A$950
    billion (US$600 billion) erased from Nvidia's value", "a A$940 billion (US$589 billion) drop in Nvidia's value":
    dsfact.matching.structure.owner_start): the claim's subject owns both figures, as it would the first alone."""
    from dsfact.matching.structure import owner_start

    folded = matcher.folded
    gap = folded[q.end:q.end + 3]
    if not gap.lstrip(" ").startswith((")", "）")):
        return False
    at = owner_start(folded, q.end + len(gap) - len(gap.lstrip(" ")) + 1)  # right after the closing bracket
    return at is not None and any(h.start == at and position in matcher.index.naming(h.cue)[1]
                                  for h in matcher.hits_in(at, at + 40))


PRICED_UNITS = frozenset(("gpu_hour",))  # units a sum may restate at a price
STAGE_REACH = 60  # characters before the hours within which their sentence names the stage


def priced_stage(folded: str, previous: Quantity, q: Quantity) -> bool:
    """Whether sum q may price the GPU hours `previous` of a stage of training: their sentence names the stage
    (roles.words [trained-stage]: 预训练, pre-training) before them, within a few words."""
    if previous.unit not in PRICED_UNITS or not is_money(q.unit):
        return False
    head = folded[max(0, previous.start - STAGE_REACH):previous.start]
    for mark in "。.!！?？\n":
        head = head[head.rfind(mark) + 1:] if mark in head else head
    from dsfact.lang import words_of

    return any(w in head for w in words_of("roles", "trained-stage", "words"))

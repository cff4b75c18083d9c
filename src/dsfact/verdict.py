"""The verdict rules: how each source's statement of a claim stands towards a figure, which sources
settle it, and how much the result needs a person (severity).

- Per source, its most precise statement decides its stance: supports or contradicts; a statement that
  agrees only because it is much vaguer than one that disagrees ("二千多" beside "2,048") is
  `consistent`: it cannot support the figure.
- The verdict rests on the primary records when one states the claim at a comparable precision;
  otherwise on the reports and opinions together (supported when all agree, contradicted when none
  does, disputed when they split). Sources that do not settle it are still shown, per source.
- Severity: `error` when a primary record, or two independent reports, contradict the figure;
  `warning` when a single report or opinion does, or when sources of equal standing dispute it;
  `info` when it is supported.
"""
from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

from dsfact.model import (
    APPROXIMATELY,
    CONSISTENT,
    CONTRADICTED,
    CONTRADICTS,
    DISPUTED,
    LESS_THAN,
    MORE_THAN,
    PRIMARY,
    REPORT,
    SUPPORTED,
    SUPPORTS,
    Claim,
    Finding,
    Quantity,
    Registry,
    Severity,
)
from dsfact.quantity import agrees, convert_value, fill_date, format_value, slipped_scale, statement_span


@lru_cache(maxsize=4096)
def shown(st) -> str:
    """A statement's value as a message shows it (the same few statements are shown again and again)."""
    return format_value(st.value, st.unit, st.qualifier, st.high, None, st.direction)


@lru_cache(maxsize=4096)
def width(st) -> float:
    """How vague a statement is: its span relative to its value (dates: minus the digits it gives)."""
    if st.unit == "date":
        return -len(str(st.value))  # 2024-12-27 is more precise than 2024-12
    lo, hi = statement_span(st)
    return (hi - lo) / max(abs(st.value), 1e-12)


def _overlap(a, b) -> bool:
    """Whether two statements of a claim can both be true (their spans meet; dates share every field)."""
    if a.unit == "date" or b.unit == "date":
        from dsfact.quantity import dates_agree

        return a.unit == b.unit and dates_agree(str(a.value), str(b.value))
    if isinstance(a.value, str) or isinstance(b.value, str) or a.unit != b.unit:
        return False
    a_lo, a_hi = statement_span(a)
    b_lo, b_hi = statement_span(b)
    return max(a_lo, b_lo) <= min(a_hi, b_hi)


def _kind(registry: Registry | None, source: str) -> str:
    found = registry.sources.get(source) if registry is not None else None
    return found.kind if found is not None else REPORT


def _stances(q: Quantity, claim: Claim) -> tuple:
    """(statement, whether it agrees with q) for each statement of the claim comparable with q, in the
    claim's order: worked out once per figure and claim, then read by the stances, the messages and the
    evidence."""
    per = claim.per
    out = []
    at_precision = None
    bound = q.qualifier in (MORE_THAN, LESS_THAN)
    for st in claim.statements:
        if claim.estimate:
            st = estimated(st)
        if bound and _vacuous(q, st, per):
            if slipped_scale(q, st):
                out.append((st, False))  # "lost over $589 million" of a $589 billion loss: a slipped scale word
            continue
        verdict = agrees(q, st, per, written=True)
        if verdict is False and q.qualifier in (MORE_THAN, LESS_THAN):
            if at_precision is None:
                at_precision = _bound_at_precision(q)
            verdict = at_precision is not q and bool(agrees(at_precision, st, per, written=True))
        if verdict is not None:
            out.append((st, verdict))
    return tuple(out)


@lru_cache(maxsize=1024)
def estimated(st):
    """A statement of a claim its sources estimate (the registry's `estimate: true`: a run's days worked out
    from its GPU hours) as a person reads an estimate: about its value, five per cent either way beyond its
    digits. "Trained in 55 days" does not contradict an estimate of 53 days; 60 days still does. A bound or
    an "about" is read as written."""
    if st.qualifier is not None or st.unit == "date" or isinstance(st.value, str):
        return st
    return st._replace(qualifier=APPROXIMATELY)


VACUOUS = 100  # a bound this many times a statement's value (or as small) says nothing of it


def _vacuous(q: Quantity, st, per) -> bool:
    """Whether a bound is too far from a statement to state it (issue 9): "just under 300,000 dollars" is
    true of a $0.14 price per million tokens but tells nothing of it; nor does a total without a base ("under
    $1 million") of a price per unit. Such a figure is about something else and is not judged."""
    if per is not None and q.per is None and q.unit != st.unit:
        return False
    if isinstance(st.value, str) or isinstance(q.value, str) or q.high is not None:
        return False
    value = convert_value(q, st.unit)
    if value is None or not value or not st.value:
        return False
    ratio = abs(value) / abs(st.value)
    return ratio >= VACUOUS or ratio <= 1 / VACUOUS


def _bound_at_precision(q: Quantity) -> Quantity:
    """A bound read at the writer's precision: "over $589 billion" written to the billion is true of the
    $588.8 billion that rounds to it (its bound moved out by half its last digit). Only for a figure of
    two significant digits or more: "more than $6 million" is not 5.6."""
    if not q.precision or isinstance(q.value, str) or q.precision * 10 > abs(q.value) or q.high is not None:
        return q
    shift = q.precision / 2 if q.qualifier == MORE_THAN else -q.precision / 2
    return q._replace(value=q.value - shift)


def claim_sources(q: Quantity, claim: Claim) -> dict[str, str]:
    """Per source: does its most precise statement of the claim agree with q? (tkp says both "more
    than 50 days" and "53 days": 60 days contradicts it.) A source that agrees only through a statement
    vaguer than a disagreeing source's, and compatible with it too ("二千多" beside "2,048"), is
    `consistent`: it cannot tell the two apart. Sources that cannot be compared (a figure in another
    unit) are left out."""
    return _sources_of(q, claim, _stances(q, claim))


def _sources_of(q: Quantity, claim: Claim, stances: tuple) -> dict[str, str]:
    """claim_sources, from the claim's _stances for q."""
    by_source: dict[str, list] = {}
    for st, verdict in stances:
        by_source.setdefault(st.source, []).append((width(st), verdict, st))
    out: dict[str, str] = {}
    sharpest: dict[str, tuple] = {}  # source -> (width, statement) that decides its stance
    for source, judged in by_source.items():
        narrowest = min(w for w, _, _ in judged)
        tops = [(v, st) for w, v, st in judged if w <= narrowest + 1e-9]
        agreeing = [st for v, st in tops if v]
        out[source] = SUPPORTS if agreeing else CONTRADICTS
        sharpest[source] = (narrowest, agreeing[0] if agreeing else tops[0][1])
    against = [sharpest[s] for s, v in out.items() if v == CONTRADICTS]
    if not against:
        return out
    for source, stance in out.items():
        if stance != SUPPORTS:
            continue
        w, st = sharpest[source]
        if any(w > cw + 1e-12 and _overlap(st, cst) for cw, cst in against) and not _by_value(q, st, claim.per):
            out[source] = CONSISTENT
    return out


def _by_value(q: Quantity, st, per) -> bool:
    """Whether an "about" statement agrees with q through its value, not its slack: q's value rounds to
    the statement's digits. LSEG's "about $593 billion" beside a report's $589 billion still supports
    "$592.7 billion"; it is only consistent with "$595 billion", which it reaches through the "about"."""
    if st.qualifier != APPROXIMATELY or st.below or q.high is not None or q.per is not None or per is not None:
        return False
    value = convert_value(q, st.unit)
    if value is None or isinstance(st.value, str):
        return False
    lo, hi = statement_span(st._replace(qualifier=None))
    return lo < value < hi


def deciding_sources(sources: dict[str, str], registry: Registry | None) -> dict[str, str]:
    """The stances the verdict rests on: the primary records', when one states the claim precisely
    enough; else every report's and opinion's that is not merely consistent."""
    decisive = {s: v for s, v in sources.items() if v != CONSISTENT}
    primary = {s: v for s, v in decisive.items() if _kind(registry, s) == PRIMARY}
    return primary or decisive


def verdict_of(sources: dict[str, str], registry: Registry | None = None, tier: dict[str, str] | None = None
               ) -> str | None:
    """supported, contradicted or disputed, from the sources that settle it (`tier`: their
    deciding_sources, when already worked out); None when none states anything comparable."""
    if tier is None:
        tier = deciding_sources(sources, registry)
    if not tier:
        return None
    said = set(tier.values())
    if said == {SUPPORTS}:
        return SUPPORTED
    if said == {CONTRADICTS}:
        return CONTRADICTED
    return DISPUTED


def severity_of(verdict: str, sources: dict[str, str], registry: Registry | None = None,
                tier: dict[str, str] | None = None) -> Severity:
    """error: contradicted by a primary record or by two independent reports (different publishers);
    warning: contradicted by a single report or opinion, or disputed; info: supported (`tier`: the
    deciding_sources, when already worked out)."""
    if verdict == SUPPORTED:
        return Severity.INFO
    if verdict == DISPUTED:
        return Severity.WARNING
    if tier is None:
        tier = deciding_sources(sources, registry)
    against = [s for s, v in tier.items() if v == CONTRADICTS]
    if any(_kind(registry, s) == PRIMARY for s in against):
        return Severity.ERROR
    publishers = set()
    for s in against:
        if _kind(registry, s) == REPORT:
            found = registry.sources.get(s) if registry is not None else None
            publishers.add(found.publisher if found is not None else s)
    return Severity.ERROR if len(publishers) >= 2 else Severity.WARNING


def _statement_words(stances: tuple, source: str, stance: str) -> str:
    """The source's statements that take this stance (a supporting source shows what agrees), from the
    claim's _stances."""
    said, fallback = [], []
    for st, verdict in stances:
        if st.source != source:
            continue
        fallback.append(shown(st))
        if verdict == (stance in (SUPPORTS, CONSISTENT)):
            said.append(shown(st))
    return ", ".join(dict.fromkeys(said or fallback))


def say(stances: tuple, sources: dict[str, str], stance: str) -> str:
    """"etnet 2,048; tkp 2,048, 2,000": the sources that take a stance, with what they say (from the
    claim's _stances)."""
    return "; ".join(f"{s} {_statement_words(stances, s, stance)}" for s, v in sources.items() if v == stance)


def stated_value(claim: Claim, q: Quantity) -> str:
    stated = format_value(q.value, q.unit, q.qualifier, q.high, q.per, q.direction)
    if q.unit == "date" and claim.statements:
        stated = fill_date(str(q.value), str(claim.statements[0].value))  # "December 25" of the claim's year
    return stated


def _asides(stances: tuple, sources: dict[str, str], tier: dict[str, str]) -> str:
    """What the sources that do not settle the verdict say: differing, agreeing, or too vague."""
    parts = []
    for source, stance in sources.items():
        if source in tier:
            continue
        words = _statement_words(stances, source, stance)
        how = {SUPPORTS: "agrees", CONTRADICTS: "differs", CONSISTENT: "consistent, too vague to decide"}[stance]
        parts.append(f"{source} says {words} ({how})")
    return "".join(f"; {p}" for p in parts)


def message_of(verdict: str, claim: Claim, q: Quantity, sources: dict[str, str],
               registry: Registry | None = None, stances: tuple | None = None,
               tier: dict[str, str] | None = None) -> str:
    """The one-line explanation: which source says what, the settling ones first (`stances`: the
    claim's _stances for q, `tier` the deciding_sources, when already worked out)."""
    if stances is None:
        stances = _stances(q, claim)
    stated = stated_value(claim, q)
    what = f"{claim.subject}, {claim.metric}"
    if tier is None:
        tier = deciding_sources(sources, registry)
    primary = any(_kind(registry, s) == PRIMARY for s in tier)
    asides = _asides(stances, sources, tier)
    if verdict == SUPPORTED:
        return f"{stated} agrees with {say(stances, tier, SUPPORTS)}{asides} ({what})"
    if verdict == CONTRADICTED:
        whom = "the primary record" if primary else "every source"
        return f"{stated} disagrees with {whom}: {say(stances, tier, CONTRADICTS)}{asides} ({what})"
    return (f"{stated} agrees with {say(stances, tier, SUPPORTS)} but not with "
            f"{say(stances, tier, CONTRADICTS)}{asides} ({what})")


def _primary_allows(q: Quantity, stances: tuple, sources: dict[str, str], registry: Registry | None
                    ) -> dict[str, str]:
    """The primary records too vague to settle figure q that are consistent with it, when the reports that
    settle it stray from the primary record's value at least as far as q does: "$595 billion" beside LSEG's
    "about $593 billion" and reports of $589 billion is disputed, not contradicted; "$620 billion" still is."""
    allowed = {s: v for s, v in sources.items() if v == CONSISTENT and _kind(registry, s) == PRIMARY}
    if not allowed or isinstance(q.value, str) or q.high is not None or q.qualifier is not None:
        return {}
    for st, _ in stances:
        value = convert_value(q, st.unit, True) if st.source in allowed and not isinstance(st.value, str) else None
        if value is None:
            continue
        strays = [abs(r.value - st.value) for r, _ in stances if sources.get(r.source) == CONTRADICTS
                  and r.unit == st.unit and not isinstance(r.value, str)]
        if strays and abs(value - st.value) <= max(strays):
            return allowed
    return {}


def _outranked(decided_by, backing, registry: Registry) -> bool:
    """Whether the sources backing another basis rank below those that settle the claim itself."""
    def top(sources) -> int:
        return max((registry.sources[s].authority for s in sources if s in registry.sources), default=0)

    return top(backing) < top(decided_by)


def restated_basis(q: Quantity, selected: Claim, registry: Registry) -> bool:
    """Whether figure q gives the very number a source prints for another basis of selected's (a claim of its
    group: tkp's intraday −2.27% for the S&P 500 beside the record of its close), not a number a bound of it
    admits ("up to 3.6%" admits 3.5%). Told with no word of either basis ("the S&P 500 fell 2.3%"), such a
    figure may be the report's as well as the close's: dsfact.check leaves it unjudged. Only a source that ranks
    below those settling selected is asked: one that does not (another model's record) is judge's to weigh."""
    if not selected.group or q.qualifier in (MORE_THAN, LESS_THAN):
        return False
    decided = deciding_sources(_stanced(q, selected)[1], registry)
    for other in registry.claims:
        if other.group == selected.group and other is not selected:
            backing = {st.source for st, agreed in _stanced(q, other)[0] if agreed and st.qualifier is None}
            if backing and _outranked(decided, backing, registry):
                return True
    return False


def _evidence(stances: tuple, only: set[str] | None = None) -> tuple:
    return tuple(st for st, _ in stances if only is None or st.source in only)


def judge(q: Quantity, selected: Claim, siblings: list[Claim], registry: Registry, firm: bool = True
          ) -> Finding | None:
    """The finding for figure q stating `selected` (chosen by dsfact.matching from its `siblings`, claims
    of one group on other bases); None when no source states anything comparable. A figure that a
    sibling's sources back (the intraday low beside the close) is disputed, not contradicted, when a word
    of selected's variant in the figure's own clause chose it (`firm`); otherwise nothing told the
    siblings apart, and the figure states the sibling it agrees with ("股价重挫近17%" after "一度" in
    another clause is the close's 17%, not a dispute with the intraday low). Either way a primary record
    of selected's basis is not overturned by a report of another's.

    The verdict depends on what the figure says, not on where it stands: a figure written the same way
    for the same claims is judged once per process (news repeats its figures from article to article)."""
    if _JUDGED.get("registry") is not registry:
        _JUDGED.clear()
        _JUDGED["registry"] = registry
    key = (_SAID(q), selected.id, tuple(c.id for c in siblings), firm)
    found = _JUDGED.get(key, _UNSEEN)
    if found is _UNSEEN:
        found = _JUDGED[key] = _judged(q._replace(start=0, end=0), selected, siblings, registry, firm)
        if len(_JUDGED) > 20_000:
            _JUDGED.clear()
    if found is None:
        return None
    verdict, sources, message, evidence, severity, decided_by, value, claim = found
    return Finding(
        start=q.start, end=q.end, text=q.text, claim=claim, value=value, unit=q.unit, verdict=verdict,
        sources=dict(sources), message=message, quantity=q, evidence=evidence, severity=severity,
        decided_by=decided_by,
    )


_JUDGED: dict = {}  # (figure without its position, claim id, sibling ids) -> what _judged returned
_SAID = attrgetter(*(f for f in Quantity._fields if f not in ("start", "end")))  # all but its position
_UNSEEN = object()


def _stanced(q: Quantity, claim: Claim) -> tuple[tuple, dict[str, str]]:
    """The claim's _stances for q (placed nowhere) and its sources' (_sources_of), worked out once per figure
    written so and claim, as judge's verdicts are (a figure is judged against each claim of its group)."""
    key = ("stances", _SAID(q), claim.id)
    found = _JUDGED.get(key)
    if found is None:
        stances = _stances(q, claim)
        found = _JUDGED[key] = (stances, _sources_of(q, claim, stances))
    return found


def _judged(q: Quantity, selected: Claim, siblings: list[Claim], registry: Registry, firm: bool = True
            ) -> tuple | None:
    """judge's verdict, sources, message, evidence, severity, deciding sources, value and claim id for
    figure q."""
    stances, sources = _stanced(q, selected)
    tier = deciding_sources(sources, registry)  # once: the verdict, severity and messages all read it
    verdict = verdict_of(sources, registry, tier)
    if verdict is None:
        return None
    evidence = _evidence(stances)
    allowed = _primary_allows(q, stances, sources, registry) if verdict == CONTRADICTED else None
    if allowed:  # a figure the primary record allows is not contradicted by reports' other figures
        verdict = DISPUTED
    severity = severity_of(verdict, sources, registry, tier)
    decided_by = tuple(tier)
    message = message_of(verdict, selected, q, sources, registry, stances, tier) if not allowed else (
        f"{stated_value(selected, q)} is consistent with the primary record {say(stances, allowed, CONSISTENT)} "
        f"but not with {say(stances, tier, CONTRADICTS)}"
        f"{_asides(stances, sources, {**tier, **allowed})} "
        f"({selected.subject}, {selected.metric})")
    if verdict != SUPPORTED:
        for other in siblings:
            if other is selected:
                continue
            theirs, their_sources = _stanced(q, other)
            backing = {s: v for s, v in deciding_sources(their_sources, registry).items() if v == SUPPORTS}
            if not backing or _outranked(decided_by, backing, registry):
                continue  # a primary record settles this basis; a report of another basis does not overturn it
            if q.high is not None and q.high != q.value:
                return None  # a range ("90–95% lower") holding a sibling's figure but not this claim's: whose it is, unsaid
            if not firm:  # nothing told the siblings apart: the figure states the one it agrees with
                theirs = _judged(q, other, [other], registry)
                if theirs is not None and theirs[0] == SUPPORTED:
                    return theirs
            label = other.variant or other.metric
            against = say(stances, tier, CONTRADICTS)
            message = (f"{format_value(q.value, q.unit, q.qualifier, q.high, q.per, q.direction)} matches "
                       f"the {label} figure of {say(theirs, backing, SUPPORTS)}, but "
                       f"{selected.variant or selected.metric}: {against} ({selected.subject}, {selected.metric})")
            sources = {**sources, **backing}
            decided_by = tuple(dict.fromkeys(decided_by + tuple(backing)))
            evidence = evidence + _evidence(theirs, set(backing))
            verdict = DISPUTED
            severity = Severity.WARNING
            break
    value = q.value
    if q.unit == "date" and selected.statements:
        value = fill_date(str(q.value), str(selected.statements[0].value))
    return verdict, sources, message, evidence, severity, decided_by, value, selected.id

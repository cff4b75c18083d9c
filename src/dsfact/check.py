"""Check a document against a registry: find the figures that state a claim and judge them."""
from __future__ import annotations

from dsfact.match import INF, Candidate, TextMatcher
from dsfact.model import (
    CONTRADICTS,
    DISPUTED,
    SUPPORTED,
    SUPPORTS,
    Claim,
    FileResult,
    Finding,
    Quantity,
    Registry,
    Severity,
)
from dsfact.quantity import fill_date, format_value
from dsfact.verdict import agrees, claim_sources, deciding_sources, message_of, say, severity_of, verdict_of

__all__ = ["agrees", "check_document", "check_text", "claim_sources", "find_findings", "judge", "verdict_of"]


def _against(claim: Claim, q: Quantity, sources: dict[str, str], registry: Registry) -> str:
    return say(claim, q, deciding_sources(sources, registry), CONTRADICTS)


def _outranked(decided_by, backing, registry: Registry) -> bool:
    """Whether the sources backing another basis rank below those that settle the claim itself."""
    def top(sources) -> int:
        return max((registry.sources[s].authority for s in sources if s in registry.sources), default=0)

    return top(backing) < top(decided_by)


def _evidence(claim: Claim, q: Quantity, only: set[str] | None = None) -> tuple:
    return tuple(st for st in claim.statements
                 if agrees(q, st, claim.per) is not None and (only is None or st.source in only))


def judge(q: Quantity, candidates: list[Candidate], matcher: TextMatcher) -> Finding | None:
    """The finding for figure q, given the claims it may state (best first); None when no source
    states anything comparable."""
    best = candidates[0].claim
    siblings = [c.claim for c in candidates if best.group and c.claim.group == best.group] or [best]
    position = matcher.index.position  # claim id -> index, built once per registry
    # "曾一度蒸发超过6000亿美元，收盘时跌幅为17%": each figure takes the variant word nearest to it
    near = {c.id: matcher.variant_distance(q, position[c.id]) for c in siblings if c.variant_cues}
    chosen = sorted((d, c.line, c) for c in siblings if near.get(c.id, INF) < INF for d in [near[c.id]])
    selected = chosen[0][2] if chosen else min(siblings, key=lambda c: c.line)
    registry = matcher.registry
    sources = claim_sources(q, selected)
    evidence = _evidence(selected, q)
    verdict = verdict_of(sources, registry)
    if verdict is None:
        return None
    severity = severity_of(verdict, sources, registry)
    decided_by = tuple(deciding_sources(sources, registry))
    message = message_of(verdict, selected, q, sources, registry)
    if verdict != SUPPORTED:
        for other in siblings:
            if other is selected:
                continue
            other_sources = claim_sources(q, other)
            backing = {s: v for s, v in deciding_sources(other_sources, registry).items() if v == SUPPORTS}
            if backing and _outranked(decided_by, backing, registry):
                continue  # a primary record settles this basis; a report of another basis does not overturn it
            if backing:
                label = other.variant or other.metric
                message = (f"{format_value(q.value, q.unit, q.qualifier, q.high, q.per, q.direction)} matches "
                           f"the {label} figure of {say(other, q, backing, SUPPORTS)}, but "
                           f"{selected.variant or selected.metric}: {_against(selected, q, sources, registry)} "
                           f"({selected.subject}, {selected.metric})")
                sources = {**sources, **backing}
                decided_by = tuple(dict.fromkeys(decided_by + tuple(backing)))
                evidence = evidence + _evidence(other, q, set(backing))
                verdict = DISPUTED
                severity = Severity.WARNING
                break
    value = q.value
    if q.unit == "date" and selected.statements:
        value = fill_date(str(q.value), str(selected.statements[0].value))
    return Finding(
        start=q.start, end=q.end, text=q.text, claim=selected.id, value=value, unit=q.unit, verdict=verdict,
        sources=sources, message=message, quantity=q, evidence=evidence, severity=severity,
        decided_by=decided_by,
    )


def find_findings(text: str, registry: Registry) -> list[Finding]:
    """Every figure in text that states a registered claim, judged; spans are offsets into text."""
    from dsfact.numbers import parse_quantities
    from dsfact.prefilter import Bindable

    matcher = TextMatcher(text, registry)
    bindable = Bindable(matcher)  # where a cue can bind a figure: only there are figures read and matched
    quantities = parse_quantities(text, spans=bindable.spans, names=registry.entities)
    if not quantities:
        return []
    best: dict[tuple, tuple[float, int]] = {}  # (clause, claim) -> the figure that keeps it
    kept: list[tuple[Finding, tuple | None]] = []
    for q in quantities:
        if not bindable.admits(q):
            continue
        candidates = matcher.candidates(q, quantities)
        if not candidates:
            continue
        finding = judge(q, candidates, matcher)
        if finding is None:
            continue
        if candidates[0].weak and finding.verdict != SUPPORTED:
            continue  # when in doubt, stay quiet: a loose binding never contradicts
        clause = matcher.clause_of(q)
        key = None if clause is None else (clause, finding.claim)
        if key is not None:
            # one clause states a claim once, unless it says "respectively": the figure whose cue
            # words sit nearest keeps the claim, and the others need cues of their own
            rank = (candidates[0].score, len(kept))
            if key not in best or rank < best[key]:
                best[key] = rank
        kept.append((finding, key))
    return [f for i, (f, key) in enumerate(kept) if key is None or best[key][1] == i]


def check_text(text: str, registry: Registry | None = None) -> list[Finding]:
    """Check a text (already decoded, checked as it is); findings carry 1-based locations."""
    from dataclasses import replace

    if registry is None:
        from dsfact.registry import load_registry

        registry = load_registry()
    from dsfact.document.lines import LineIndex

    lines = LineIndex(text)
    return [replace(f, location=lines.location(f.start, f.end)) for f in find_findings(text, registry)]


def check_document(doc, registry: Registry) -> FileResult:
    """Check a document read by dsfact.document: findings located in the original file."""
    from dataclasses import replace

    findings = []
    for f in find_findings(doc.text, registry):
        findings.append(replace(f, location=doc.location(f.start, f.end)))
    return FileResult(path=doc.path, findings=findings)

"""Check a document against a registry: find the figures that state a claim and judge them."""
from __future__ import annotations

from functools import lru_cache

from dsfact.match import INF, Candidate, TextMatcher
from dsfact.model import (
    CONTRADICTED,
    CONTRADICTS,
    DISPUTED,
    SUPPORTED,
    SUPPORTS,
    Claim,
    FileResult,
    Finding,
    Location,
    Quantity,
    Registry,
)
from dsfact.quantity import agrees as _agrees
from dsfact.quantity import fill_date, format_value, span_of


@lru_cache(maxsize=4096)
def agrees(q: Quantity, st, per) -> bool | None:
    """dsfact.quantity.agrees, remembered: judging one figure compares it with each statement up to
    five times (the verdict, the message per source, the evidence)."""
    return _agrees(q, st, per)


@lru_cache(maxsize=4096)
def _shown(st) -> str:
    """A statement's value as a message shows it (the same few statements are shown again and again)."""
    return format_value(st.value, st.unit, st.qualifier, st.high, None, st.direction)


@lru_cache(maxsize=4096)
def _width(st) -> float:
    if st.unit == "date":
        return -len(str(st.value))  # 2024-12-27 is more precise than 2024-12
    lo, hi = span_of(st.value, st.precision, st.qualifier, st.high)
    return (hi - lo) / max(abs(st.value), 1e-12)


def claim_sources(q: Quantity, claim: Claim) -> dict[str, str]:
    """Per source: does its most precise statement of the claim agree with q? (tkp says both "more
    than 50 days" and "53 days": 60 days contradicts it.) Sources that cannot be compared (a figure in
    another unit) are left out."""
    by_source: dict[str, list] = {}
    for st in claim.statements:
        verdict = agrees(q, st, claim.per)
        if verdict is not None:
            by_source.setdefault(st.source, []).append((_width(st), verdict))
    out: dict[str, str] = {}
    for source, judged in by_source.items():
        narrowest = min(w for w, _ in judged)
        tops = [v for w, v in judged if w <= narrowest + 1e-9]
        out[source] = SUPPORTS if any(tops) else CONTRADICTS
    return out


def verdict_of(sources: dict[str, str]) -> str | None:
    if not sources:
        return None
    said = set(sources.values())
    if said == {SUPPORTS}:
        return SUPPORTED
    if said == {CONTRADICTS}:
        return CONTRADICTED
    return DISPUTED


def _statement_words(claim: Claim, q: Quantity, source: str, stance: str) -> str:
    """The source's statements that take this stance (a supporting source shows what agrees)."""
    shown, fallback = [], []
    for st in claim.statements:
        verdict = agrees(q, st, claim.per) if st.source == source else None
        if verdict is None:
            continue
        fallback.append(_shown(st))
        if verdict == (stance == SUPPORTS):
            shown.append(_shown(st))
    return ", ".join(dict.fromkeys(shown or fallback))


def _say(claim: Claim, q: Quantity, sources: dict[str, str], stance: str) -> str:
    return "; ".join(f"{s} {_statement_words(claim, q, s, stance)}" for s, v in sources.items() if v == stance)


def _message(verdict: str, claim: Claim, q: Quantity, sources: dict[str, str]) -> str:
    stated = format_value(q.value, q.unit, q.qualifier, q.high, q.per, q.direction)
    if q.unit == "date" and claim.statements:
        stated = fill_date(str(q.value), str(claim.statements[0].value))  # "December 25" of the claim's year
    what = f"{claim.subject}, {claim.metric}"
    if verdict == SUPPORTED:
        return f"{stated} agrees with {_say(claim, q, sources, SUPPORTS)} ({what})"
    if verdict == CONTRADICTED:
        return f"{stated} disagrees with every source: {_say(claim, q, sources, CONTRADICTS)} ({what})"
    return (f"{stated} agrees with {_say(claim, q, sources, SUPPORTS)} but not with "
            f"{_say(claim, q, sources, CONTRADICTS)} ({what})")


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
    sources = claim_sources(q, selected)
    evidence = _evidence(selected, q)
    verdict = verdict_of(sources)
    if verdict is None:
        return None
    message = _message(verdict, selected, q, sources)
    if verdict != SUPPORTED:
        for other in siblings:
            if other is selected:
                continue
            other_sources = claim_sources(q, other)
            backing = {s: v for s, v in other_sources.items() if v == SUPPORTS}
            if backing:
                label = other.variant or other.metric
                message = (f"{format_value(q.value, q.unit, q.qualifier, q.high, q.per, q.direction)} matches "
                           f"the {label} figure of {_say(other, q, backing, SUPPORTS)}, but "
                           f"{selected.variant or selected.metric}: {_say(selected, q, sources, CONTRADICTS)} "
                           f"({selected.subject}, {selected.metric})")
                sources = {**sources, **backing}
                evidence = evidence + _evidence(other, q, set(backing))
                verdict = DISPUTED
                break
    value = q.value
    if q.unit == "date" and selected.statements:
        value = fill_date(str(q.value), str(selected.statements[0].value))
    return Finding(
        start=q.start, end=q.end, text=q.text, claim=selected.id, value=value, unit=q.unit, verdict=verdict,
        sources=sources, message=message, quantity=q, evidence=evidence,
    )


def find_findings(text: str, registry: Registry) -> list[Finding]:
    """Every figure in text that states a registered claim, judged; spans are offsets into text."""
    from dsfact.numbers import parse_quantities
    from dsfact.prefilter import Bindable

    matcher = TextMatcher(text, registry)
    bindable = Bindable(matcher)  # where a cue can bind a figure: only there are figures read and matched
    quantities = parse_quantities(text, spans=bindable.spans)
    if not quantities:
        return []
    best: dict[tuple[int, str], tuple[float, int]] = {}  # (clause, claim) -> the figure that keeps it
    kept: list[tuple[Finding, tuple[int, str] | None]] = []
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


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def locate(starts: list[int], start: int, end: int) -> Location:
    """1-based line and column of a span, from the line starts of the text it indexes."""
    from bisect import bisect_right

    line = bisect_right(starts, start)
    end_line = bisect_right(starts, max(end - 1, start))
    last = max(end - 1, start)
    return Location(line, start - starts[line - 1] + 1, end_line, last - starts[end_line - 1] + 2)


def check_text(text: str, registry: Registry | None = None) -> list[Finding]:
    """Check a text (already decoded, checked as it is); findings carry 1-based locations."""
    from dataclasses import replace

    if registry is None:
        from dsfact.registry import load_registry

        registry = load_registry()
    starts = _line_starts(text)
    return [replace(f, location=locate(starts, f.start, f.end)) for f in find_findings(text, registry)]


def check_document(doc, registry: Registry) -> FileResult:
    """Check a document read by dsfact.document: findings located in the original file."""
    from dataclasses import replace

    findings = []
    for f in find_findings(doc.text, registry):
        findings.append(replace(f, location=doc.location(f.start, f.end)))
    return FileResult(path=doc.path, findings=findings)

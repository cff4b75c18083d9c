"""A date glossed in brackets right after a thing's name, alone there: "DeepSeek V3 (December 26, 2024) and
DeepSeek R1 (January 20, 2025)", "DeepSeek-R1（2025年1月20日）", "V3（2024年12月26日）". A writer glosses a product with
the day it came out, as a person with the years of a life: the date states the release of the thing named right
before the bracket, as "released" would (roles.words [glossed-date]: a claim whose metric words hold one of these
is stated so). A bracket that holds anything else beside the date ("(Reuters, January 27)", "(paper, January 22)")
is not read here. A glossed day later than the release may be a later checkpoint's of the same name (V3's of
March 2025): it may agree, never contradict."""
from __future__ import annotations

from dsfact.lang import word_set

_OPEN, _CLOSE = "(（", ")）"


def glossed_date(text, q, cues, family: frozenset[int]) -> None:
    """For date q alone in brackets right after a registered name, give the claims the name is the subject of, and
    whose metric is a release (roles.words [glossed-date]), q's metric word at no distance (`cues`: matcher._Cues)."""
    name = _glossed_name(text, q)
    if name is None:
        return
    released = word_set("roles", "glossed-date")
    claims = text.registry.claims
    for ci in text.index.naming(name.cue)[1]:
        if ci in family and claims[ci].unit == "date" and released.intersection(claims[ci].metric_cues):
            cues.metric[ci] = 0.0
            if not _before_release(q, claims[ci]):
                cues.loose.add(ci)  # a later day may be a later checkpoint's of the same name: it agrees or stays quiet


def glossed_span(text, q, ci: int) -> tuple[int, int] | None:
    """The bracket of date q as its own clause, when q glosses a name of claim ci's subject alone in it (the event
    of ci then stands in no other clause: matcher._event_elsewhere); None otherwise."""
    name = _glossed_name(text, q)
    return (q.start, q.end) if name is not None and ci in text.index.naming(name.cue)[1] else None


def _before_release(q, claim) -> bool:
    """Whether date q (with its year) is no later than every release date claim records: a model's later checkpoints
    and updates keep its name ("DeepSeek-V3 (March 24, 2025)"), so only a day before its first release is surely
    a wrong one."""
    day = str(q.value)
    return not day.startswith("-") and all(day <= str(st.value) for st in claim.statements)


def _glossed_name(text, q):
    """The registered name a bracket holding date q alone opens right after; None when there is none."""
    folded = text.folded
    i = q.start - 1
    while i >= 0 and folded[i] == " ":
        i -= 1
    j = q.end
    while j < len(folded) and folded[j] == " ":
        j += 1
    if i < 0 or folded[i] not in _OPEN or j >= len(folded) or folded[j] not in _CLOSE:
        return None
    k = i - 1
    while k >= 0 and folded[k] == " ":
        k -= 1
    return next((h for h in text.sentence_hits(text.sentence_of(q.start)) if h.end == k + 1
                 and text.index.names(h.cue)), None)


def may_gloss(text) -> bool:
    """Whether the text opens a bracket at all: glossed_claims of each of its sentences is empty otherwise (asked once
    per text by prefilter, not once per sentence)."""
    return any(b in text.folded for b in _OPEN)


def glossed_claims(text, si: int) -> frozenset[int]:
    """The release claims a date glossed in brackets may state in sentence si (for dsfact.matching.prefilter): those
    of the registered names a bracket opens right after; none when the sentence opens no bracket."""
    folded, s = text.folded, text.sentences[si]
    if all(folded.find(b, s.start, s.end) < 0 for b in _OPEN):
        return frozenset()
    released = word_set("roles", "glossed-date")
    claims = text.registry.claims
    found = set()
    for h in text.sentence_hits(si):
        if folded[h.end:h.end + 2].lstrip(" ")[:1] in _OPEN and text.index.names(h.cue):
            found.update(ci for ci in text.index.naming(h.cue)[1]
                         if claims[ci].unit == "date" and released.intersection(claims[ci].metric_cues))
    return frozenset(found)

"""A figure that gives a claim's own digits: "The $5.576 billion training cost was worked out from hardware rental
rates for the H800 GPUs used" opens a passage that names DeepSeek only later, yet 5.576 is V3's $5.576 million to
the last digit, with a zero slipped from its scale. A figure of four significant digits or more that are those of
one claim's statement (at its power of ten or another), with the claim's metric word in its own clause, no name of
any body in its sentence and the claim's subject named somewhere in the text but out of the usual reach (the
sentences a subject is borrowed from, whose binding decides a figure there), states that claim, as its subject's
name would bind it: it agrees at the statement's scale and misstates it at another (a unit slip is what an editor
wants caught). Few figures are so written: a claim's exact figure repeated (5.576, 2.788, 2,048), not a round one."""
from __future__ import annotations

from dsfact.matching.memo import held_for
from dsfact.matching.pertext import remembered
from dsfact.numbers.patterns import lazy

OWN_DIGITS = 4  # significant digits a figure must give to be a claim's own by its digits alone
_NUMBER = lazy(r"\d[\d,.]*\d|\d")


def _digits(text: str) -> str:
    """The significant digits of a number as written ("5.576" "5576", "2,048" "2048", "5,576,000" "5576")."""
    return "".join(ch for ch in text if ch.isdigit()).strip("0")


def _value_digits(value: float) -> str:
    return _digits(f"{value:.6g}".split("e")[0])


_REGISTRIES: dict[int, tuple] = {}  # id of a registry's claims -> (those claims, their signatures): memo.held_for


def _registry_signatures(claims) -> dict[str, frozenset[int]]:
    """Each statement's significant digits (OWN_DIGITS or more) and the claims that record them, once per registry
    (memo.held_for)."""
    return held_for(_REGISTRIES, claims, _signatures_of)


def _signatures_of(claims) -> dict[str, frozenset[int]]:
    by: dict[str, set[int]] = {}
    for ci, claim in enumerate(claims):
        for st in claim.statements:
            if isinstance(st.value, (int, float)) and st.value and claim.unit != "date":
                d = _value_digits(abs(st.value))
                if len(d) >= OWN_DIGITS:
                    by.setdefault(d, set()).add(ci)
    return {d: frozenset(c) for d, c in by.items()}


def _signatures(matcher) -> dict[str, frozenset[int]]:
    """The registry's signatures (_registry_signatures) that the text can give, once per text: a number's
    significant digits stand in the text with its commas and points taken out, so a signature not there is given
    by no number of it (most texts give none, and no sentence of theirs need be read for one)."""
    return remembered(matcher, "_own_digits", None, _text_signatures)


def _text_signatures(matcher, _) -> dict[str, frozenset[int]]:
    digits = matcher.text.replace(",", "").replace(".", "")
    return {d: c for d, c in _registry_signatures(matcher.registry.claims).items() if d in digits}


def digit_claims(matcher, start: int, end: int) -> frozenset[int]:
    """The claims whose own digits a number of text[start:end] gives (what dsfact.matching.prefilter admits a
    sentence for, when no subject of its claims is in reach)."""
    signatures = _signatures(matcher)
    if not signatures:
        return frozenset()
    out: frozenset[int] = frozenset()
    for m in _NUMBER.finditer(matcher.text, start, end):
        out = out | signatures.get(_digits(m.group()), frozenset())
    return out


def by_own_digits(matcher, q):
    """The claim figure q states by its own digits (module doc), or None."""
    from dsfact.matching.text import INF, LOOKBACK_SENTENCES

    claims = digit_claims(matcher, q.start, q.end)
    if not claims or q.per is not None or len(_digits(q.text)) < OWN_DIGITS:
        return None
    si = matcher.sentence_of(q.start)
    entries = matcher.entries(si, q)
    if any(e[3] or e[4] or e[5] for e in entries):
        return None  # a name in its sentence: the usual binding decides
    family = matcher.index.family(q.unit)
    cues = matcher._cues(q, si, matcher.sentence_hits(si), family)
    start, end = matcher.reader().clause_span(q.start)
    found = []
    for ci in claims & family:
        claim = matcher.registry.claims[ci]
        if ci in cues.excluded or cues.metric.get(ci, INF) == INF or claim.unit != q.unit:
            continue
        if not any(ci in e[6] and start <= e[0].start and e[0].end <= end for e in entries):
            continue  # its metric word outside the figure's clause
        named = matcher.sentence_claims()[1]
        if not any(ci in subjects for subjects in named):
            continue  # the text never names the claim's subject
        if any(ci in subjects for subjects in named[max(0, si - LOOKBACK_SENTENCES):si + 2]):
            continue  # its subject within reach: the usual binding, which left it, decides ("Thanks to its Lambda design")
        roles = matcher.reader().roles(q)
        if matcher._fits(q, claim, roles, matcher.sentences[si]):
            found.append(claim)
    return found[0] if len(found) == 1 else None

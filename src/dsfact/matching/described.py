"""Figures no cue word binds whose sentence describes a claim's subject instead of naming it. Both readings
only agree: the figure is reported when it agrees with exactly one such claim, loosely, and never contradicts.

- a venture described rather than named (names.words [described-plan]): an official who announces ventures,
  a noun of a venture and what it builds in one sentence ("Trump unveiled a partnership with big tech
  firms to fund AI infrastructure across the country, with up to $500 billion to be spent ...",
  特朗普宣布与科技巨头合作，投资人工智能基础设施) speak of the registered venture: the figure may state one of its
  claims;
- a model's release told by its maker's name alone ("DeepSeek released on Jan. 20 a cheap reasoning
  model", 深度求索于1月20日发布了一款新模型): a date in a sentence that names the maker (the first word of a
  release-date claim's subject: DeepSeek of DeepSeek-R1) and one of the claim's words of release may state
  the release of the model the maker released that day, when one of its models was released that day."""
from __future__ import annotations

import re

from dsfact.model import SUPPORTED, Claim, Quantity

_MAKER = re.compile(r"[\s'’-]")  # what ends a maker's name in a model's name: "DeepSeek-R1", "xAI's Grok 3"


def keep_described(matcher, unbound: list, judged) -> None:
    """Keep aside the finding of each figure no cue word bound (`unbound`) that agrees with exactly one claim its
    sentence describes (`judged(q, claim)`: the finding of q as a statement of claim), for described_found."""
    kept = []
    for q in unbound:
        agreed = [f for c in described_claims(matcher, q) if (f := judged(q, c)) is not None and f.verdict == SUPPORTED]
        if len(agreed) == 1:
            kept.append(agreed[0])
    matcher._described_found = kept


def described_found(matcher, found: list) -> list:
    """`found` (findings in text order) with the described figures' findings kept aside (keep_described), in text
    order. They join last: bound so loosely, they vouch for no figure beside them that disagrees with the claim
    (check.beside_its_own_statement), and no figure's finding is dropped for them; a figure found otherwise (a
    correction's new figure, judged as the retracted one's claim) is not found twice."""
    kept = getattr(matcher, "_described_found", None)
    if kept:
        starts = {f.start for f in found}
        kept = [f for f in kept if f.start not in starts]
    return sorted(found + kept, key=lambda f: f.start) if kept else found


def described_claims(matcher, q: Quantity) -> list[Claim]:
    """The claims figure q's sentence describes without naming their subject (module docstring), of q's unit, to
    be asked whether q agrees with exactly one of them."""
    claims = matcher.registry.claims
    return [claims[i] for i in sorted(described_in(matcher, matcher.sentence_of(q.start)) & matcher.index.family(q.unit))]


def described_in(matcher, si: int) -> frozenset[int]:
    """The claims (indices) sentence si describes without naming their subject (module docstring); read once."""
    said = matcher.__dict__.setdefault("_described", {})
    if si not in said:
        said[si] = _described_in(matcher, si)
    return said[si]


def _described_in(matcher, si: int) -> frozenset[int]:
    from dsfact.fold import fold_text
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import any_word_in

    sentence = matcher.sentences[si]
    folded, start, end = matcher.folded, sentence.start, sentence.end
    claims = matcher.registry.claims
    out = set()
    han = not folded[start:end].isascii()  # (a Latin sentence asks no Chinese cue: no conversion table is loaded)
    for i, maker, cues in _releases(matcher):  # a model's release told by its maker's name alone
        if _named(folded, maker, start, end) and any_word_in(folded, cues if han else tuple(
                w for w in cues if w.isascii()), start, end):
            out.add(i)
    if any_word_in(folded, words_of("names", "announcer"), start, end) \
            and any_word_in(folded, words_of("names", "described-plan", "before"), start, end) \
            and any_word_in(folded, words_of("names", "described-plan"), start, end):
        own = words_of("names", "described-plan", "own")
        out.update(i for i, c in enumerate(claims) if any(fold_text(cue) in own for cue in c.subject_cues
                                                                     if han or cue.isascii()))
    return frozenset(out)


def _releases(matcher) -> list[tuple[int, str, tuple[str, ...]]]:
    """Each release-date claim's index, its maker's name and its words of release, folded; read once per text (the
    Chinese words folded only when the text has Chinese)."""
    found = matcher.__dict__.get("_releases")
    if found is None:
        from dsfact.fold import fold_text

        han = not matcher.folded.isascii()
        found = []
        for i, claim in enumerate(matcher.registry.claims):
            if claim.unit == "date" and "release" in claim.metric:
                maker = fold_text(_MAKER.split(claim.subject, 1)[0])
                if len(maker) > 1:
                    found.append((i, maker, tuple(fold_text(w) for w in claim.metric_cues if han or w.isascii())))
        matcher.__dict__["_releases"] = found
    return found


def _named(folded: str, name: str, start: int, end: int) -> bool:
    """Whether a Latin name stands in folded[start:end] with no Latin letter or digit touching it (Chinese
    characters may: "公司deepseek于"), nor a hyphen after it: in "超越DeepSeek-V3的Qwen2.5-Max" it is part of a
    model's name, which tells no release of the maker's."""
    at = folded.find(name, start, end)
    while at >= 0:
        before, after = folded[at - 1:at], folded[at + len(name):at + len(name) + 1]
        if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum() or after == "-"):
            return True
        at = folded.find(name, at + 1, end)
    return False

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
from bisect import bisect_left

from dsfact.matching.memo import held_for
from dsfact.matching.pertext import remembered
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
    """The claims (indices) sentence si describes without naming their subject (module docstring); read once (kept
    apart from aside's "_described", a store of another key)."""
    return remembered(matcher, "_described_claims", si, _described_in)


def describes_any(matcher) -> bool:
    """Whether a sentence of the text can describe a claim at all (described_in): the text holds a release's maker and
    its words, or every word list of the plan. Most texts hold neither, and then no sentence need be asked (prefilter
    asks each sentence of a text otherwise)."""
    index = _index(matcher)
    return bool(index.releases or index.plan)


def _described_in(matcher, si: int) -> frozenset[int]:
    sentence = matcher.sentences[si]
    start, end = sentence.start, sentence.end
    index = _index(matcher)
    out = {i for i, maker, cues in index.releases if _within(maker, start, end) and _within(cues, start, end)}
    if index.plan and all(_within(places, start, end) for places in index.plan):
        out.update(index.own(not matcher.folded[start:end].isascii()))
    return frozenset(out)


class _Index:
    """Where in one text (folded) the words _described_in asks about stand, found once per text: each release-date
    claim's maker (_named) and words of release, and the described plan's three word lists, as sorted (start, end)
    places (`_within` asks a sentence with a bisect). A release whose maker or words the text lacks, and a plan
    whose words it lacks, are dropped here: no sentence of the text can tell them."""

    def __init__(self, matcher) -> None:
        from dsfact.lang import words_of

        folded = matcher.folded
        self.releases = []
        for i, maker, cues in _releases(matcher):
            named = [(at, at + len(maker)) for at in _named_at(folded, maker)]
            if named and (said := _places(folded, cues)):
                self.releases.append((i, named, said))
        self.plan = []
        for words in (("announcer",), ("described-plan", "before"), ("described-plan",)):
            if not (places := _places(folded, words_of("names", *words))):
                self.plan = []  # (the lists after the first the text lacks are not looked for)
                break
            self.plan.append(places)
        self._own: dict[bool, list[int]] = {}
        self._claims = matcher.registry.claims

    def own(self, han: bool) -> list[int]:
        """The claims whose subject words name a described plan (a sentence of Latin script asks only their Latin
        words); worked out once per text and script."""
        if han not in self._own:
            from dsfact.fold import fold_text
            from dsfact.lang import words_of

            own = words_of("names", "described-plan", "own")
            self._own[han] = [i for i, c in enumerate(self._claims)
                              if any(fold_text(cue) in own for cue in c.subject_cues if han or cue.isascii())]
        return self._own[han]


def _index(matcher) -> _Index:
    """The text's _Index, made on the first ask (kept on the text's matcher)."""
    return remembered(matcher, "_described_index", None, lambda matcher, _: _Index(matcher))


def _places(folded: str, words) -> list[tuple[int, int]]:
    """Every (start, end) where one of `words` stands in the text, as wordedges.word_places finds it, sorted."""
    from dsfact.matching.wordedges import word_places

    return sorted({(at, at + len(w)) for w in words for at in word_places(folded, w)})


def _within(places: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of `places` (sorted) lies wholly in [start, end): any_word_in(folded, words, start, end), or
    _named, asked of a text's places (a word's edges are tested against the whole text either way)."""
    k = bisect_left(places, (start,))
    while k < len(places) and places[k][0] < end:
        if places[k][1] <= end:
            return True
        k += 1
    return False


_RELEASES: dict[int, tuple] = {}  # id of a registry's claims -> (those claims, {Chinese too?: _releases' list})


def _releases(matcher) -> list[tuple[int, str, tuple[str, ...]]]:
    """Each release-date claim's index, its maker's name and its words of release, folded; worked out once per
    registry and script (memo.held_for; the Chinese words folded only for a text that has Chinese: a Latin one
    loads no conversion table)."""
    claims = matcher.registry.claims
    han = not matcher.folded.isascii()
    by_script = held_for(_RELEASES, claims, lambda _: {})
    found = by_script.get(han)
    if found is None:
        from dsfact.fold import fold_text

        found = by_script[han] = []
        for i, claim in enumerate(claims):
            if claim.unit == "date" and "release" in claim.metric:
                maker = fold_text(_MAKER.split(claim.subject, 1)[0])
                if len(maker) > 1:
                    found.append((i, maker, tuple(fold_text(w) for w in claim.metric_cues if han or w.isascii())))
    return found


def _named_at(folded: str, name: str):
    """Every offset where a Latin name stands in the folded text with no Latin letter or digit touching it
    (Chinese characters may: "公司deepseek于"), nor a hyphen after it: in "超越DeepSeek-V3的Qwen2.5-Max" it is part of a
    model's name, which tells no release of the maker's."""
    at = folded.find(name)
    while at >= 0:
        before, after = folded[at - 1:at], folded[at + len(name):at + len(name) + 1]
        if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum() or after == "-"):
            yield at
        at = folded.find(name, at + 1)

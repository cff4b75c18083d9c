"""A day's figure in a sentence that names a later version of a registered model: "Nvidia shares dropped 2% on
Monday after DeepSeek released V3.2", "Grok 4's launch lifted ... on Tuesday". A registered model's name with
a higher number than every registered one of its stem ("V3.2" beside V3, "R2" beside R1, "Grok 4" beside
Grok 3) tells a time after the story's models were released; in a text of no date of its own, the weekday or
the day it names is not a claim's day, unless the sentence's own date gives that day."""
from __future__ import annotations

import re

from dsfact.matching.memo import held_for

_VERSIONS: dict[int, tuple] = {}  # id of a registry -> (the registry, _versions' answer for it): memo.held_for


def names_later_version(text, q, claim) -> bool:
    """Whether figure q, of a claim tied to a day, stands in a sentence that names a later version of a
    registered model and no date that fits the claim's day, in a text of no date of its own. `text`: the
    TextMatcher that bound q."""
    if text.day or not claim.time or claim.time.count("-") != 2:
        return False
    from dsfact.matching.when import date_fits

    sentence = text.sentences[text.sentence_of(q.start)]
    if any(x.unit == "date" and date_fits(str(x.value), claim.time)
           for x in text.figures_in(sentence.start, sentence.end)):
        return False
    return later_version_in(text, sentence.start, sentence.end)


def later_version_in(text, start: int, end: int) -> bool:
    """Whether text.folded[start:end] names a later version of a registered model ("V3.2", "R2", "Grok 4")."""
    pattern, highest = _versions(text)
    if pattern is None:
        return False
    for m in pattern.finditer(text.folded, start, end):
        number = m.group("n")
        if not _is_figure(text, m.start("n"), m.end("n")) and float(number) > highest[m.group("stem").rstrip(" -")] \
                and not _scaled(text.folded, m.end("n")):
            return True
    return False


_SCALES: list = []


def _scaled(folded: str, end: int) -> bool:
    """Whether a scale word (numbers.words [scales], [scale-abbreviations] of two letters or more) follows the
    number that ends at `end`: "(R11 trillion)", "R1.8bn" are sums in rand, not versions of R1."""
    if not _SCALES:
        from dsfact.numbers.words import load

        read = load()  # the figure reader's own tables of scale words
        words = {w.lower() for w in (*read.en_scale, *read.scale_abbr) if len(w) > 1}
        _SCALES.append(re.compile(r"\s?(?:%s)(?![a-z])" % "|".join(sorted(map(re.escape, words), key=len, reverse=True))))
    return _SCALES[0].match(folded, end) is not None


def _is_figure(text, start: int, end: int) -> bool:
    return any(x.start <= start and end <= x.end and x.unit not in ("count", "number")
               for x in text.figures_in(start, end))


def _versions(text):
    """One pattern that finds a registered model's stem with a version number, and the highest version each
    stem is registered with ("v": 3, "r": 1, "grok": 3), once per registry."""
    return held_for(_VERSIONS, text.registry, lambda registry: _build_versions(text))


def _build_versions(text):
    from dsfact.matching.family import _stems

    highest: dict[str, float] = {}
    for ci in range(len(text.registry.claims)):
        own, _ = _stems(text, ci)
        for stem, numbers in own.items():
            for n in numbers:
                highest[stem] = max(highest.get(stem, 0.0), float(n))
    if not highest:
        found = (None, highest)
    else:
        stems = "|".join(rf"{re.escape(s)}[ \-]?" if len(s) > 1 else rf"{re.escape(s)}-?"
                         for s in sorted(highest, key=len, reverse=True))
        found = (re.compile(rf"(?<![a-z0-9])(?P<stem>{stems})(?P<n>\d{{1,2}}(?:\.\d)?)(?![\d,.]?\d)(?![a-z%])"),
                 highest)
    return found

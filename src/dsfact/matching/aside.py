"""Names that stand beside a figure's subject without being another subject of the figure: the maker of a
product the subject used ("trained on Nvidia's lower-capability H800 chips", "基于2048块英伟达H800 GPU"), and a
name after the figure in a clause of cause ("shares fell 17%, following the launch of DeepSeek's model",
dsfact/lang/names.words [cause]). Such a name puts no other body between a subject and its figure
(dsfact.matching.doubt.passed_over reads the names the matcher keeps)."""
from __future__ import annotations

import bisect
import re

MODIFIER_GAP = 3  # a name this close before a metric word qualifies it: "Nvidia GPUs", "Nvidia's H800s"
CAUSE_REACH = 90  # characters: a word of cause this close before a name after the figure puts it aside

# a possessive and one or two lower-case words before the product: "Nvidia's lower-capability H800 chips"
_DESCRIBED = re.compile(r"(?:'s|’s) (?:[a-z]+(?:-[a-z]+)? ){1,2}")

_CAUSE: list = []  # [the compiled words of cause], read once


def qualifies_product(text, hit, following: list) -> bool:
    """Whether a name stands right before a word for a thing made and counted, which it then qualifies:
    "Nvidia H800 GPUs", "Nvidia's chips", "英伟达芯片"."""
    folded = text.folded
    for other in following:
        gap = folded[hit.end:other.start]
        if len(gap) > MODIFIER_GAP + 2 or gap.strip(" 's’的-"):
            return False
        if text._is_product(other):
            return True
    return False


def names_aside(text, q, hit, hits: list) -> bool:
    """Whether the name at `hit`, in figure q's sentence (`hits`: the sentence's cue hits), only says who
    made a product or what caused the figure's move, rather than naming another subject of q."""
    return makes_product(text, hit, hits) or (hit.start >= q.end and _caused_by(text.folded, q.end, hit.start))


def makes_product(text, hit, hits: list) -> bool:
    """Whether the name at `hit` stands right before a product it qualifies ("Nvidia H800 GPUs", 英伟达芯片),
    perhaps with a possessive and a word or two between ("Nvidia's lower-end H800 chips")."""
    k = bisect.bisect_right([h.start for h in hits], hit.start)
    if qualifies_product(text, hit, hits[k:k + 2]):
        return True
    folded = text.folded
    start = hit.end - 2 if folded.endswith(("'s", "’s"), hit.start, hit.end) else hit.end
    described = _DESCRIBED.match(folded, start)
    if described:
        after = next((h for h in hits[k:k + 4] if h.start >= described.end()), None)
        return after is not None and after.start == described.end() and text._is_product(after)
    return False


def _caused_by(folded: str, end: int, start: int) -> bool:
    """Whether a word of cause stands between a figure's end and a name after it, near the name, with no
    sentence's end between ("plunged 17% on Monday, following the launch of DeepSeek's model")."""
    if not _CAUSE:
        from dsfact.lang import load_words

        words = load_words("names", frozenset(("before", "after", "words"))).get("cause", {}).get("before", ())
        latin = sorted((w for w in words if w[:1].isascii()), key=len, reverse=True)
        other = sorted((w for w in words if not w[:1].isascii()), key=len, reverse=True)
        parts = [r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in latin) + r")\b"] if latin else []
        parts += [re.escape(w) for w in other]
        _CAUSE.append(re.compile("|".join(parts) or "(?!)"))
    between = folded[max(end, start - CAUSE_REACH):start]
    return "\n" not in between and _CAUSE[0].search(between) is not None

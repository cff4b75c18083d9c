"""A move in percent shared by a registered subject and another company joined to it as one subject: "Nvidia and
Broadcom shares fell about 17% on Monday", "輝達(NVIDIA)與博通(Broadcom)股價當天雙雙重挫17%", "英伟达与博通股价双双
暴跌17%". A percentage is not summed over the two: each moved by it, and the company named second, nearer the figure,
is no rival subject for it (dsfact.matching.ownername.not_rival), as the nearest body would otherwise be.

Only a figure in percent that stands alone of its unit in its sentence (two figures pair by turn: "fell 17% and
17.4%"), in a sentence that does not say "respectively"; the two names joined by a word of names.words [list-joiners]
or 、, with nothing between but a bracket that glosses the first ("輝達(NVIDIA)和博通"), and no clause mark between
the second and the figure. An amount ("lost a combined $800 billion", 合计蒸发) is the pair's sum and keeps the old
reading: the company nearer the figure takes it."""
from __future__ import annotations

import bisect
from functools import lru_cache

from dsfact.numbers.patterns import lazy

_GLOSS = lazy(r"[ \t\u3000]*[(（][^()（）]{1,24}[)）]")


@lru_cache(maxsize=1)
def _joiners() -> frozenset[str]:
    from dsfact.lang import word_set

    return word_set("names", "list-joiners") | {"、"}


def joined_subject(matcher, q, hit, hits) -> bool:
    """Whether entity `hit`, before percentage q in its clause, is joined as one subject to the registered subject
    named right before it among the sentence's `hits` (the module's docstring)."""
    if q.unit != "pct" or hit.end > q.start:
        return False
    si = matcher.sentence_of(q.start)
    sentence = matcher.sentences[si]
    if matcher.says_respectively(si) or any(x is not q and x.unit == q.unit
                                            for x in matcher.figures_in(sentence.start, sentence.end)):
        return False
    marks = matcher._marks
    if bisect.bisect_left(marks, hit.end) != bisect.bisect_left(marks, q.start):
        return False
    naming, family, folded = matcher.index.naming, matcher.index.family(q.unit), matcher.folded
    before = [h for h in hits if h.end <= hit.start and h.start >= sentence.start]
    if before and folded[before[-1].end:hit.start].strip() in ("(", "（"):
        hit = before.pop()  # "博通(Broadcom)": the gloss is the name it glosses
    if len(before) > 1 and folded[before[-2].end:before[-1].start].strip() in ("(", "（"):
        before.pop()  # "輝達(NVIDIA)和": the name the gloss glosses stands first
    if not before or not any(ci in family for ci in naming(before[-1].cue)[1]):
        return False
    at = before[-1].end
    gloss = _GLOSS.match(folded, at)
    if gloss is not None and gloss.end() <= hit.start:
        at = gloss.end()
    return folded[at:hit.start].strip() in _joiners()

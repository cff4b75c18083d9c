"""A registered model named as the family of a later version its sentence is about: "DeepSeek-V3.2-Exp is an
experimental version of DeepSeek V3, released on September 29, 2025", "DeepSeek-V3.2-Exp 是 DeepSeek V3 的实验版本，
于2025年9月29日发布", "DeepSeek-V3.1是V3的升级版，……输出价格为每百万tokens 12元".

The sentence opens with a later version of a registered model (its first name: dsfact.matching.laterversion, V3.1,
V3.2-Exp, R2), and every name of a claim's subject between it and a figure stands in the predicate as what that
version is a version of: after a word of names.words [family-of] `before` ("a version of", "an upgrade of"), or, in
Chinese, followed by 的 and a noun of `after` within a few characters (的实验版本, 的升级版). The figure is the later
version's, not the registered model's: it is not judged against the registered model's claims. A registered name the
sentence names again outside such a phrase ("…，而V3本身于2024年12月26日发布") keeps its own figures."""
from __future__ import annotations

import re

from dsfact.matching.wordtables import spaced

_REACH = 10  # characters from 的 to the end of the noun of a version ("的實驗性迭代版本")
_STOPS = frozenset("，,。；;：:！!？?")
_WORDS: list = []


def family_in_predicate(text, q, ci: int) -> bool:
    """Whether figure q's sentence opens with a later version of a registered model and names claim ci's subject,
    before q, only as that version's family (see the module's docstring). `text`: a TextMatcher."""
    si = text.sentence_of(q.start)
    hits = text.sentence_hits(si)
    naming = text.index.naming
    first = next((h for h in hits if any(naming(h.cue))), None)
    if first is None or first.start >= q.start:
        return False
    entity, subjects = naming(first.cue)
    if not entity or ci in subjects:
        return False
    from dsfact.matching.laterversion import later_version_in

    if not later_version_in(text, first.start, first.end):
        return False
    own = [h for h in hits if first.end <= h.start < q.start and ci in naming(h.cue)[1]]
    return bool(own) and all(_family_of(text.folded, h.start, h.end) for h in own)


def _family_of(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] is what something is a version of: a word of [family-of] `before`
    right before it ("a version of DeepSeek V3"), or 的 right after it with a noun of `after` soon after."""
    before, after = _words()
    if before.search(folded, max(0, start - 40), start) is not None:
        return True
    k = end
    while k < len(folded) and folded[k] == " ":
        k += 1
    if k >= len(folded) or folded[k] != "的":
        return False
    stretch = folded[k + 1:k + 1 + _REACH]
    cut = next((i for i, c in enumerate(stretch) if c in _STOPS), len(stretch))
    return any(w in stretch[:cut] for w in after)


def _words() -> tuple[re.Pattern, tuple[str, ...]]:
    """names.words [family-of]: (the `before` words as one pattern that must end right before a name, an article
    allowed between; the `after` nouns), built once."""
    if not _WORDS:
        from dsfact.lang import words_of

        _WORDS.append((re.compile(r"(?<![a-z])(?:" + spaced(words_of("names", "family-of", "before")) + r")\s+(?:the\s+)?$"),
                       tuple(words_of("names", "family-of", "after"))))
    return _WORDS[0]

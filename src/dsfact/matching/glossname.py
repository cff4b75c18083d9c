"""A figure told in brackets right after a name no cue word covers: "DeepSeek-V3（每百万tokens 0.72美元）比Mistral
Small（每百万tokens 0.2美元）贵", "Kimi K2 ($4.6M)". Such a bracket glosses the name before it: the figure is that
model's or company's, not a registered subject's named earlier in the sentence (dsfact.matching.text keeps it in
the clause around it, for the name a cue word does cover). Read by TextMatcher.candidates."""
from __future__ import annotations

_SPACES = " \u3000"
_NAME_REACH = 40  # characters of a name before its bracket looked at
_INSIDE = 16  # characters of a bracket on either side of its figure


def glosses_other(text, q) -> bool:
    """Whether figure q (`text`: the TextMatcher that reads it) is the only figure of a short bracket (its rate's
    words may stand in it: "（每百万tokens 0.2美元）") that follows a capitalised Latin name (the last word before
    it: "Mistral Small", "Kimi K2") that no cue word ends."""
    folded, raw = text.folded, text.text
    lo = max(0, q.start - _INSIDE)
    i = max(folded.rfind("(", lo, q.start), folded.rfind("（", lo, q.start))
    hi = min(len(folded), q.end + _INSIDE)
    ends = [c for c in (folded.find(")", q.end, hi), folded.find("）", q.end, hi)) if c >= 0]
    if i < 1 or not ends or any(c in folded[i + 1:q.start] for c in ")）\n") \
            or any(x is not q for x in text.figures_in(i, min(ends))):
        return False
    j = i - 1
    while j >= 0 and folded[j] in _SPACES:
        j -= 1
    if j < 0 or not (raw[j].isascii() and raw[j].isalnum()):
        return False
    if any(h.end == j + 1 for h in text.hits_in(max(0, j + 1 - _NAME_REACH), j + 1)):
        return False  # a cue word's name or noun ("DeepSeek-V3 ($5.6M)", "output tokens ($2.19)")
    k = j
    while k >= 0 and raw[k].isascii() and (raw[k].isalnum() or raw[k] in "-."):
        k -= 1
    return raw[k + 1:k + 2].isupper()

"""A day's loss told as a bound its close far exceeds: the story was written during the session.

"DeepSeek has ... caused Nvidia's market value to crash by over $300 billion" of a day whose close erased $593
billion: no writer who knew the close would bound it at half of it, so the bound is the loss so far, and the
story's other moves of that day ("Nvidia's shares had slumped 13 percent") are the session's too, not the
close's. Such a bound (a figure told as "more than", "over", 超过, 逾, not said to be far from its value) of
a claim of the day's close, at most FAR_UNDER of every statement of it, marks the time of writing as an hour
of the session does (dsfact.matching.session): its paragraph and the paragraphs right before and after it,
but for a sentence that names a day of its own; and only in a text none of whose sentences names the close
("closed", 收盘): a writer who tells the close knows it. Its moves may agree with the close, never contradict it.
"18% lower" told as "more than 10%" of a 17% fall is no such bound: it is near enough to be the close's."""
from __future__ import annotations

FAR_UNDER = 0.55  # a bound at most this share of every statement of the day's close is the loss so far


def bound_marks(text, names_close, days_of) -> dict[int, list[frozenset[str]]]:
    """The sentences a far bound of a day's close covers (module docstring), each with the days its sentence
    names (`days_of(text, si)`); `names_close(folded, start, end)` tells a sentence that names the close
    (`text`: a TextMatcher)."""
    sentences, folded = text.sentences, text.folded
    bounds = [x for x in text._quantities or () if x.qualifier == "more than" and not x.far
              and isinstance(x.value, (int, float)) and x.value > 0]
    if not bounds or any(names_close(folded, s.start, s.end) for s in sentences):
        return {}
    covered: dict[int, list[frozenset[str]]] = {}
    for x in bounds:
        if not _far_under(text, x):
            continue
        si = text.sentence_of(x.start)
        days, paragraph = days_of(text, si), sentences[si].paragraph
        for k, s in enumerate(sentences):
            if k == si or s.paragraph == paragraph or abs(s.paragraph - paragraph) == 1 and not days_of(text, k):
                covered.setdefault(k, []).append(days)
    return covered


def _far_under(text, x) -> bool:
    """Whether bound x states a claim of a day's close (its best candidate) at most FAR_UNDER of every statement."""
    found = text.candidates(x)
    if not found:
        return False
    claim = found[0].claim
    if claim.variant != "close" or (claim.time or "").count("-") != 2:
        return False
    values = [abs(s.value) for s in claim.statements if isinstance(s.value, (int, float)) and s.unit == claim.unit]
    return bool(values) and x.value <= FAR_UNDER * min(values)

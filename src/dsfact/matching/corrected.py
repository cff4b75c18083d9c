"""A correction's new figure: "……蒸发4650亿美元，有误，应为5890亿美元", "……26元，正确数字为16元", "本文原稱納指收跌3.7%，
實為3.1%", "An earlier version said $5.6 million. The correct figure is $7.8 million." The new figure stands alone in
a clause that opens with the correction's words, with none of its claim's words beside it: it states what the
retracted figure before it was said to state (roles.words [misstated]), and is judged as that figure's claim
would be. Read by dsfact.check for the figures no cue bound.
"""
from __future__ import annotations

from functools import lru_cache

from dsfact.model import Quantity

OPENING_CHARS = 24  # the correction's words before the new figure: a few words, not a clause of their own


def corrected_figure(matcher, q: Quantity) -> Quantity | None:
    """The retracted figure that figure q corrects, or None: q's clause opens with a correction's words (roles.words
    [corrected-to]) and the figure of q's unit nearest before it, in q's sentence or the one before it in its
    paragraph, is a misstated one (`matcher`: the text's TextMatcher, its figures read). A rate's base left out of
    the new figure is the retracted one's: judge q with it (`x.per`)."""
    quantities = matcher._quantities
    if not quantities:
        return None
    reader, folded = matcher.reader(), matcher.folded
    lo, _ = reader.clause_span(q.start)
    opening = " ".join(folded[lo:q.start].split()).strip(" *_:：,，")
    if not opening or len(opening) > OPENING_CHARS or not opening.endswith(_openers()):
        return None
    si = matcher.sentence_of(q.start)
    first = si - 1 if si > 0 and matcher.sentences[si - 1].paragraph == matcher.sentences[si].paragraph else si
    start = matcher.sentences[first].start
    before = [x for x in quantities if start <= x.start and x.end <= lo and x.unit == q.unit
              and (x.per == q.per or q.per is None)]  # "……每百万tokens 26元，正确数字为16元": the same base
    if not before:
        return None
    x = before[-1]
    between = folded[x.end:lo]
    if "misstated" not in reader.roles(x) and not any(w in between for w in _wrong()):
        return None  # (the retracted figure, or a sentence between that says it was wrong: "……2048块。此说有误，应为")
    return x


@lru_cache(maxsize=1)
def _openers() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return words_of("roles", "corrected-to")


@lru_cache(maxsize=1)
def _wrong() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return tuple(w for w in words_of("roles", "corrected-next") if not w.isascii())  # 有误, 此说有误

"""A name after a figure that heads a figure of its own ("the Dow rose 0.65% and the Nasdaq slid 3.1%", "道指升
0.65%及纳指跌612点"): the name is the subject of the clause it opens, not of the figure before it
(dsfact.matching.matcher reads it with the other names of a figure's sentence)."""
from __future__ import annotations

import bisect

from dsfact.lang import word_set, words_of
from dsfact.matching.meansmade import means_object
from dsfact.matching.roles import DURATION_UNITS
from dsfact.numbers.patterns import lazy

_HEAD_GAP = 40  # characters at most between such a name and its own figure
_GLOSS = lazy(r"[(（][^()（）\d]{1,12}[)）]")  # a short gloss in brackets after the name: a ticker, (^GSPC)


def heads_own(matcher, q, hit) -> bool:
    """Whether a name after figure q heads the next figure in its sentence (a move or an amount of any unit:
    "plunged 600 points and the S&P 500 fell 1.5%"; not a date): only a few words stand between them, with
    no clause mark but a short gloss in brackets ("the S&P 500 (SPX) lost 1.5%", 标普500指数（SPX）下跌) and
    no other figure, and they do not open with a word that joins a list ("down 3.1% for the Nasdaq and 1.5%
    for the S&P 500": the Nasdaq heads nothing; names.words [list-joiners]), nor does the figure qualify
    the name ("下跌3.07%的纳斯达克指数"), nor is the next figure a span of time that only a preposition of time
    or nothing parts from the name ("512 H800s were needed to train R1 for roughly 80 hours", 训练R1达80小时: the time the
    clause's event took, names.words [head-span]), nor is the name what a maker made with q (meansmade.means_object)."""
    quantities = matcher._quantities
    if not quantities:
        return False
    k = bisect.bisect_left(matcher._quantity_starts, hit.end)
    if k >= len(quantities):
        return False
    x = quantities[k]
    if x.unit == "date" or _modifier(matcher.folded, x) or x.start - hit.end > _HEAD_GAP or matcher.sentence_of(x.start) != matcher.sentence_of(q.start):
        return False
    folded, marks = matcher.folded, matcher._marks
    glosses = [m.span() for m in _GLOSS.finditer(folded, hit.end, x.start)]
    between = marks[bisect.bisect_left(marks, hit.end):bisect.bisect_left(marks, x.start)]
    if any(not any(a <= i < b for a, b in glosses) for i in between):
        return False  # a clause mark between: "the Nasdaq, heavy with tech names, fell ..." is left as it was
    if folded[q.end:hit.start].rstrip().endswith("的"):
        return False  # "下跌3.07%的纳斯达克指数": the figure qualifies the name, which owns it
    gap = folded[hit.end:x.start]
    for a, b in reversed(glosses):
        gap = gap[:a - hit.end] + gap[b - hit.end:]
    gap = gap.strip()
    if _pointed_back(folded, hit.start, gap):
        return False
    if x.unit in DURATION_UNITS and (gap in word_set("names", "head-span") or not gap):
        return False  # "needed to train R1 for roughly 80 hours", 训练R1达80小时: the time the clause's event took
    if any(gap.startswith(w) and (not w.isascii() or gap[len(w):len(w) + 1] in ("", " "))
           for w in words_of("names", "list-joiners")):
        return False  # "for the Nasdaq and a 1.5% drop for the S&P 500": a list
    # (the dearest test last) "At a cost of 2.664M GPU hours, we pre-trained V3 on 14.8T tokens": the object of a
    # maker's verb
    return not means_object(matcher, q, hit)


def _modifier(folded: str, x) -> bool:
    """Whether figure x is a span written as one hyphenated word before the noun it qualifies ("one-day loss",
    "24-hour slide", "two-month run"): a time the noun takes, not an amount."""
    return x.unit in DURATION_UNITS and "-" in x.text and folded[x.end:x.end + 1] == " " \
        and folded[x.end + 1:x.end + 2].isalpha()


# "the market value of Nvidia", "of Jensen Huang's Nvidia" (an owner's possessive before it): a phrase's object
_OF = lazy(r"(?<![a-z])of\s+(?:the\s+)?(?:(?:[a-z0-9.&-]+\s+){0,2}[a-z0-9.&-]+(?:'s|’s)\s+)?$")


def _pointed_back(folded: str, start: int, gap: str) -> bool:
    """Whether the name at `start`, the object of an "of" phrase ("wiped from the market value of Nvidia"), is
    pointed back to by a pronoun before the next figure ("after its shares tumbled 17%"): the pronoun is that
    clause's subject, and the name heads no clause of its own; it is the phrase's, and so the figure's before it.
    (English only: a Chinese name is a phrase's object through 的 before its noun, and opens no clause after it.)"""
    if _OF.search(folded, max(0, start - 40), start) is None:
        return False
    words = gap.split()
    return any(w in word_set("names", "pronoun", "before") for w in words)

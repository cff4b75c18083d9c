"""A point passed on the way to a day's extreme: "Nvidia at one point fell 17%", "輝達股價一度暴跌17%" tell a level the
shares passed during the session, and are true of any figure short of the day's low ("more than 17.6%"). Such a
word (lang/time.words [writing] `point`: at one point, 一度, 曾) chooses the claim of the low for its figure, but
when the figure falls short of every value its sources give for the low, and no other word of an extreme ("as
much as", 最多, 最低) stands before it, the word does not tell the siblings apart: the figure states the one it
agrees with (the close's 17%), and a figure that agrees with none is judged as before. "fell as much as 17%",
"最多跌17%" still say how far they went. Read by dsfact.matching.siblings.variant_decides."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.extreme import is_extreme
from dsfact.model import Claim, Quantity


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], frozenset[str]]:
    from dsfact.lang import words_of

    point = frozenset(words_of("time", "writing", "point"))
    return tuple(w for w in words_of("time", "writing", "extreme") if w not in point), point


def _found(folded: str, word: str, start: int, end: int) -> bool:
    i = folded.find(word, start, end)
    while i >= 0:
        if not word.isascii() or ((i == 0 or not folded[i - 1].isalpha())
                                  and not folded[i + len(word):i + len(word) + 1].isalpha()):
            return True
        i = folded.find(word, i + 1, end)
    return False


def point_passed(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q, chosen for a claim of a day's extreme, is told as a point passed ("一度暴跌17%") short of
    every value the claim's sources give: from the figure before it in its sentence (or the sentence's start)
    to q, a `point` word stands and no other word of an extreme does (text: a TextMatcher)."""
    if q.value is None or q.high is not None or not claim.statements or not is_extreme(claim) \
            or any(st.value is None or st.unit != q.unit or abs(q.value) >= abs(st.value) for st in claim.statements
                   if st.unit == claim.unit):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    start = max([sentence.start] + [x.end for x in text.figures_in(sentence.start, q.start)
                                    if x is not q and x.end <= q.start and x.unit != "date"])
    others, point = _words()
    folded = text.folded
    return any(_found(folded, w, start, q.start) for w in point) \
        and not any(_found(folded, w, start, q.start) for w in others)

"""A snapshot of a trading session is not its extreme (issue 9). A claim of the day's lowest point ("fell as
much as 17.6%", 盘中一度跌超17%) lists words of the session among its variant words (intraday, during the
session, 盘中) beside words of an extreme (as much as, at one point, 一度, 最多). "Nvidia traded down 13%
during the session and closed down 17%", "英伟达股价盘中跌13%，收盘跌17%" tell where the shares stood at some
hour, not how low they went: a figure bound to such a claim while no word of an extreme (lang/time.words
[writing] `extreme`) stands before it in its sentence, since the figure before it, or in its clause, may agree
with the claim but never contradicts it. Imported only when a figure disagrees with its claim."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.cues import has_cjk
from dsfact.model import UP_TO, Claim, Quantity


@lru_cache(maxsize=1)
def _extreme():
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import Alternation

    words = words_of("time", "writing", "extreme")  # Simplified and lower case, as the table is written
    return frozenset(words), Alternation(words)


def is_extreme(claim: Claim) -> bool:
    """Whether a claim states a day's extreme: one of its variant words is a word of an extreme (compared as
    written, lower case: folding Traditional cues would load the script converter for an English text, and
    a claim's extreme words are written in English or in characters both scripts share, 一度, 最多)."""
    words, _ = _extreme()
    return any(cue.strip().lower() in words for cue in claim.variant_cues)


def snapshot_of_extreme(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q, bound to a claim of a day's extreme, is told with no word of an extreme: from the
    figure before it in its sentence (or the sentence's start) to the end of its clause (text: a TextMatcher)."""
    if not claim.variant_cues or not is_extreme(claim):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    start = sentence.start
    for x in text.figures_in(sentence.start, q.start):
        if x is not q and x.end <= q.start and x.unit != "date":
            start = max(start, x.end)
    end = max(text.reader().clause_span(q.start)[1], q.end)
    folded = text.folded
    _, found = _extreme()
    return found.get(has_cjk(folded[start:end])).search(folded, start, end) is None


_REACHED_GAP = 4  # characters between the word of an extreme and its figure ("最多跌28%", "as much as $")


def extreme_reached(text, q: Quantity, claim: Claim) -> Quantity:
    """Figure q as the extreme it tells when it is bound to a claim of a day's extreme and the word that makes it
    a top is that claim's own word of an extreme: "shares fell as much as 28%", 股价盘中最多跌28% say how far the
    shares went (28%), not that they went at most that far; the bound is read of a figure bound to the close.
    Not when a word of what may happen stands before it in its clause (lang/time.words [extreme-reached] `not-after`:
    "could fall as much as 30%"). `text`: a TextMatcher."""
    if q.qualifier != UP_TO or q.direction is None or not claim.variant_cues or not is_extreme(claim):
        return q
    from dsfact.lang import word_set, words_of

    folded = text.folded
    clause = max(text.reader().clause_span(q.start)[0], text.sentences[text.sentence_of(q.start)].start)
    before = folded[max(clause, q.start - 40):q.start]
    own = [w for w in words_of("numbers", "qualifiers", "up-to") if w in _extreme()[0]]
    at = max(((before.rfind(w), w) for w in own), default=(-1, ""))
    if at[0] < 0 or len(before) - at[0] - len(at[1]) > _REACHED_GAP:
        return q
    if any(w in word_set("time", "extreme-reached", "not-after") for w in before[:at[0]].split()) \
            or any(w in before[:at[0]] for w in words_of("time", "extreme-reached", "not-after") if not w.isascii()):
        return q
    return q._replace(qualifier=None)

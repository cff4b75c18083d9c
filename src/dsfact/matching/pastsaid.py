"""A figure told inside a statement recalled from an earlier time: "还记得小扎曾在年初宣布……", "Remember when
Zuckerberg said ...", "Meta had previously announced ...". The words (time.words [recalled]) put the statement
before the writing, in a year the text does not give: with no document date, such a figure of a claim of a year's
plan is in doubt of its year (dsfact.matching.doubt.UNANCHORED), and the text's other figures decide."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.cues import has_cjk


@lru_cache(maxsize=1)
def _recalled():
    """time.words [recalled] as one Alternation, made on first use."""
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import Alternation

    return Alternation(words_of("time", "recalled"))


def recalls_statement(text, q) -> bool:
    """Whether figure q's sentence recalls an earlier statement before q (`text`: the TextMatcher)."""
    folded = text.folded
    start = text.sentences[text.sentence_of(q.start)].start
    if start >= q.start:
        return False
    return _recalled().get(has_cjk(folded[start:q.start])).search(folded, start, q.start) is not None

"""A figure pointed back to is the one told before: "the aforementioned $100 billion", "that $100 billion",
"上述1,000億美元的金額", "这笔1000亿美元" take up the same figure from an earlier sentence of the text, and the reading
of that first telling (a first tranche, a part, another body's) is theirs too. Such a figure, with the same value and
unit earlier in the text, may agree with a claim but never contradicts it: it is judged where it was first told.
The words are roles.words [back-reference] `lead`, right before the figure (perhaps after "the")."""
from __future__ import annotations

from dsfact.model import Quantity

REACH = 20  # characters before the figure where its pointing word stands ("the aforementioned ", "上述")


def points_back(text, q: Quantity) -> bool:
    """Whether figure q (`text`: a TextMatcher) follows a word that points back and repeats a figure of the same
    value and unit told in an earlier sentence."""
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import word_ending

    folded = text.folded
    head = folded[max(0, q.start - REACH):q.start].rstrip()
    if head.endswith("$"):
        head = head[:-1].rstrip()  # ("the said $100 billion"; "US$" keeps its "us", and "上述US$1000亿" is not read)
    if word_ending(head, words_of("roles", "back-reference", "lead")) is None:
        return False
    first = text.sentences[text.sentence_of(q.start)].start
    return any(x.unit == q.unit and x.value == q.value and x.end <= first for x in text.figures_in(0, first))

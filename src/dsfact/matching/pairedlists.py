"""Two lists told in the same order, with no "respectively": "The Nasdaq and the S&P 500 fell 3.1% and 1.5%",
"纳指和标普500指数下跌3.1%和1.5%". A sentence that names as many registered subjects, joined as a list, before a
run of figures of one unit joined as a list (and, 、, 和, 及) pairs them in order, as "respectively" says; a
figure is not the nearest name's ("the S&P 500 fell 3.1%" is no reading of it)."""
from __future__ import annotations

_ARTICLES = ("the ", "a ", "an ")
_JOINTS = frozenset((",", "and", ", and", "、", "和", "及", "与", "以及", "&", "跟", "同"))


def pairs_lists(text, si: int) -> bool:
    """Whether sentence si of `text` (a TextCues) names two or more subjects joined as a list before a run of
    as many figures of one unit joined as a list, and nothing else of that unit."""
    from dsfact.matching.cues import SUBJECT
    from dsfact.numbers.patterns import joins_list

    sentence = text.sentences[si]
    figures = text.figures_in(sentence.start, sentence.end)
    if len(figures) < 2:
        return False
    unit = figures[-1].unit
    run = [x for x in figures if x.unit == unit]
    if len(run) < 2 or any(not joins_list(text.text[a.end:b.start], joint=True) for a, b in zip(run, run[1:])):
        return False
    names = [h for h in text.sentence_hits(si) if h.end <= run[0].start
             and any(role == SUBJECT for _, role in text.roles_of(h))]
    if len(names) != len(run):
        return False
    folded = text.folded
    for a, b in zip(names, names[1:]):
        gap = folded[a.end:b.start].strip()
        for article in _ARTICLES:
            if gap.endswith(" " + article.strip()) or gap == article.strip():
                gap = gap[:len(gap) - len(article.strip())].strip()
        if gap not in _JOINTS:
            return False
    return True

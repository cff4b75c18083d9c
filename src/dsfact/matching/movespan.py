"""A span told as the period of a market move, not a duration of work (issue 9): "Nvidia dropped 15% in five days",
"it took five days for Nvidia to lose 15%", "英伟达股价五天内累计下跌15%", "DeepSeek-V3用了五天時間，就令輝達股價下跌
15%". Beside a claim of how long something took (DeepSeek-V3's training time), such a span is the time a price, an
index or a market value took to move: a move (a per cent, a sum or points with a direction) stands right before it
with only a word of time between ("in", "over just"), or after it in its clause with no word between that joins
another statement ("trained in 20 days and its shares fell 15%"), or stands in the clause after it with a word of
consequence (就, 便, 令). The words are time.words [move-span]. Such a span may agree with the claim but never
contradicts it. Imported only when a figure disagrees with its claim."""
from __future__ import annotations

from functools import lru_cache

from dsfact.fold import has_han
from dsfact.matching.periods import marks_a_day
from dsfact.matching.roles import DURATION_UNITS, TIME_UNITS
from dsfact.matching.wordtables import Alternation
from dsfact.model import Claim, Quantity
from dsfact.numbers.words import is_money

BEFORE_GAP = 24  # characters between a move and the span told right after it ("dropped 15% over just five days")
AFTER_GAP = 40  # characters between a span and the move after it ("took five days for Nvidia to lose 15%")
_MARKS = ",，;；:：.。!！?？"


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], Alternation, tuple[str, ...]]:
    from dsfact.lang import load_words

    table = load_words("time").get("move-span", {})
    return (frozenset(table.get("between", ())), Alternation(table.get("apart", ())),
            tuple(sorted(table.get("then", ()), key=len, reverse=True)))


def _is_move(x: Quantity) -> bool:
    return x.direction is not None and (x.unit in ("pct", "point") or is_money(x.unit))


def move_period(text, q: Quantity, claim: Claim) -> bool:
    """Whether the span q (days, weeks, months) is the period of a market move beside it, not the duration of
    work its claim records (`text`: the TextMatcher that bound q)."""
    if q.unit not in DURATION_UNITS or claim.unit not in DURATION_UNITS or text._quantities is None:
        return False
    folded, (between, apart, then) = text.folded, _words()
    sentence = text.sentences[text.sentence_of(q.start)]
    figures = [x for x in text.figures_in(sentence.start, sentence.end) if x.unit not in TIME_UNITS or x is q]
    k = figures.index(q) if q in figures else -1
    if k < 0:
        return False
    if k > 0 and _is_move(figures[k - 1]) and q.start - figures[k - 1].end <= BEFORE_GAP \
            and " ".join(folded[figures[k - 1].end:q.start].split()) in between:
        return True  # "dropped 15% in five days"; "over five days after DeepSeek's claim": "over" makes it a span
    if marks_a_day(folded, q.end) or k + 1 >= len(figures) or not _is_move(figures[k + 1]):
        return False
    move = figures[k + 1]
    gap = folded[q.end:move.start]
    if len(gap) > AFTER_GAP or apart.get(has_han(gap)).search(gap) is not None:
        return False
    mark = max(gap.rfind(c) for c in _MARKS)
    # "took five days for Nvidia to lose 15%"; "五天内累计下跌15%"; "用了五天时间，就令英伟达股价下跌15%"
    return mark < 0 or (gap[mark] in ",，" and any(w in gap[mark + 1:] for w in then)
                        and not any(c in _MARKS for c in gap[:mark]))

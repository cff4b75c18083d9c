"""A figure of the same event that agrees places its neighbour (issue 9). In a text of no date of its own, a
figure of a claim tied to one day that nothing places on any day may agree but never contradict
(dsfact.matching.doubt: UNANCHORED): a market report of another session looks the same. But when its sentence
states, with a figure of another unit and no time word between the two, another claim of the same subject tied
to the same day, and that figure agrees with its claim at its own precision ("around $600 billion" beside a loss
of $589 billion), the sentence tells that day: "the chipmaker shed about $590 billion of market value as its
shares sank 7%", "英伟达市值蒸发约5900亿美元，股价重挫7%", "輝達市值蒸發約5,900億美元，股價重挫7%". The 7% is then
judged, both ways. A neighbour that disagrees places nothing ("a 9.5% slide that erased $279 billion" of
another day), nor does a bound ("more than $200 billion" agrees with any big day), nor a figure of the same unit
(a restatement of the figure itself), nor one beyond a time word of its own ("on Tuesday"). A figure
so placed that disagrees places no other figure of its text in turn (doubted_still: dsfact.check counts it as in
doubt for doubt.corroborated): its day is its neighbour's, counted once."""
from __future__ import annotations

from weakref import WeakKeyDictionary

from dsfact.matching.roles import TIME_UNITS
from dsfact.matching.thisyear import UNANCHORED
from dsfact.model import LESS_THAN, MORE_THAN, SUPPORTED, UP_TO
from dsfact.quantity import agrees

_BOUNDS = (MORE_THAN, LESS_THAN, UP_TO)
_PLACED: WeakKeyDictionary = WeakKeyDictionary()  # text -> the starts of the figures its neighbours placed


def doubted_still(text, kept: list) -> list:
    """The findings of `kept` (dsfact.check's: finding, clause, score, doubt) that placed_by_neighbour placed on
    their claim's day and that disagree: for the text's other figures in doubt, they are in doubt too."""
    placed = _PLACED.get(text, ())
    return [f for f, _, _, doubt in kept if not doubt and f.verdict != SUPPORTED and f.start in placed]


def neighbour_day(text, q, claim) -> str:
    """doubt._day_doubt's last word on figure q, which nothing else places on any day (not written weeks away):
    "" when a neighbour places it (placed_by_neighbour: "a report of March" stays in doubt), else UNANCHORED."""
    return "" if placed_by_neighbour(text, q, claim) else UNANCHORED


def placed_by_neighbour(text, q, claim) -> bool:
    """Whether a figure of q's sentence (text: a TextMatcher), of another unit, with no time word or other
    figure between them, is bound to another claim of q's claim's subject tied to the same day and agrees
    with every statement of it that it can be compared with (see the module)."""
    from dsfact.matching.siblings import choose
    from dsfact.matching.timefits import time_fits
    from dsfact.matching.timewords import time_tags

    sentence = text.sentences[text.sentence_of(q.start)]
    figures = text.figures_in(sentence.start, sentence.end)
    reader = text.reader()
    for x in figures:
        if x is q or x.unit == q.unit or x.unit in TIME_UNITS or x.qualifier in _BOUNDS:
            continue
        a, b = (x.end, q.start) if x.end <= q.start else (q.end, x.start)
        own = reader.times(x)
        if any(a <= y.start < b for y in figures) or time_tags(text.folded, a, b) \
                or own and not time_fits(claim.time, own, text.year, text.day):
            continue  # another figure, or a time word, between them; a neighbour its own words place elsewhere
        candidates = text.candidates(x, text._quantities)
        if not candidates:
            continue
        other, _ = choose(x, candidates, text)
        if other.id == claim.id or other.subject != claim.subject or other.time != claim.time:
            continue
        stances = [s for s in (agrees(x, st, other.per, written=True) for st in other.statements) if s is not None]
        if stances and all(stances):  # every source's statement agrees: a neighbour beyond dispute
            _PLACED.setdefault(text, set()).add(q.start)
            return True
    return False

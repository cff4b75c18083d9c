"""The day a passage is told of, carried from a weekday at its head: "美國股市周四從早盤漲勢中急劇逆轉……" opens a
passage about a Thursday, and the index moves of the paragraphs after it, which name no day of their own, are
that Thursday's, whatever day an earlier passage of the text named ("華爾街股市27日互有漲跌"). The nearest
sentence before a figure that names a day (a weekday, a date that gives its day, "yesterday") says which day
the figure is told of; when that is a weekday alone, named before the first figure of its sentence, in the
figure's paragraph or the one before it, and not the weekday of a claim's day, the figure is of another day than
the claim's. Read by dsfact.matching.doubt."""
from __future__ import annotations

from dsfact.matching.roles import time_fits
from dsfact.matching.timewords import references, time_words
from dsfact.matching.when import DAY_KINDS, _day_dates

REACH = 1  # paragraphs after its own that a weekday at a passage's head gives its day to


def weekday_elsewhere(text, si: int, time: str) -> bool:
    """Whether the nearest sentence before sentence si (`text`: a TextMatcher) that names a day names only a
    weekday, at its head, that is not the weekday of `time` (a claim's day, "2025-01-27"), in si's paragraph or
    REACH paragraphs before it."""
    named = _days_named(text)
    k = next((k for k in range(si - 1, -1, -1) if k in named), None)
    if k is None or text.sentences[k].paragraph < text.sentences[si].paragraph - REACH:
        return False  # a weekday paragraphs away tells no day of a figure after other news
    weekdays = named[k]
    return bool(weekdays) and not time_fits(time, weekdays, text.year, text.day)


def naming_days(text) -> frozenset[int]:
    """The paragraphs of `text` (a TextMatcher) with a sentence that names a day (a weekday, a date that gives
    its day, "yesterday"), found once per text."""
    found = getattr(text, "_naming_days", None)
    if found is None:
        found = text._naming_days = frozenset(text.sentences[k].paragraph for k in _days_named(text))
    return found


def _days_named(text) -> dict[int, tuple[str, ...]]:
    """Sentence index -> the weekdays it names at its head (empty when it names a day otherwise: a date with
    its day, "yesterday", or a weekday after its first figure), for every sentence that names a day; found once
    per text."""
    found = getattr(text, "_days_named", None)
    if found is not None:
        return found
    found = text._days_named = {}
    folded = text.folded
    for k, sentence in enumerate(text.sentences):
        skip = references(folded, sentence.start, sentence.end)
        words = [(m.start(), kind) for m, kind in time_words(folded, sentence.start, sentence.end)
                 if not any(a <= m.start() < b for a, b in skip)]
        days = [(at, kind) for at, kind in words if kind.startswith("weekday:") or kind in DAY_KINDS]
        dated = _may_date(folded, sentence) and (_day_of_month(folded, sentence) or _day_dates(text, sentence))
        if not days and not dated:
            continue
        first = next((sentence.start + x.start for x in text.read_alone(sentence) if x.unit != "date"), sentence.end)
        head = [kind for at, kind in days if at < first]
        found[k] = () if dated or len(head) != len(days) or any(k in DAY_KINDS for k in head) else tuple(head)
    return found


def _day_of_month(folded: str, sentence) -> bool:
    """Whether a sentence names a day of the month alone ("27日", "27號")."""
    from dsfact.matching.roles import lexicon

    return lexicon().day_of_month.get(True).search(folded, sentence.start, sentence.end) is not None


def _may_date(folded: str, sentence) -> bool:
    """Whether a sentence holds a digit or a Chinese numeral, without which it gives no date."""
    return any(c.isdigit() or c in "一二三四五六七八九十廿卅" for c in folded[sentence.start:sentence.end])

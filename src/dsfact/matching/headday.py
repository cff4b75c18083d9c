"""The day a passage is told of, carried from a weekday at its head: "美國股市周四從早盤漲勢中急劇逆轉……" opens a
passage about a Thursday, and the index moves of the paragraphs after it, which name no day of their own, are
that Thursday's, whatever day an earlier passage of the text named ("華爾街股市27日互有漲跌"). The nearest
sentence before a figure that names a day (a weekday, a date that gives its day, "yesterday") says which day
the figure is told of; when that is a weekday alone, named before the first figure of its sentence, in the
figure's paragraph or the one before it, and not the weekday of a claim's day, the figure is of another day than
the claim's. Read by dsfact.matching.doubt."""
from __future__ import annotations

from dsfact.matching.thatday import day_dates
from dsfact.matching.timefits import time_fits
from dsfact.matching.timewords import references, time_words
from dsfact.matching.when import DAY_KINDS

REACH = 1  # paragraphs after its own that a weekday at a passage's head gives its day to


def weekday_elsewhere(text, si: int, time: str) -> bool:
    """Whether the nearest sentence before sentence si (`text`: a TextMatcher) that names a day names only a
    weekday, at its head, that is not the weekday of `time` (a claim's day, "2025-01-27"), in si's paragraph or
    REACH paragraphs before it. The sentences are read back from si, each once per text, and no further than
    those paragraphs: a weekday paragraphs away tells no day of a figure after other news."""
    floor = text.sentences[si].paragraph - REACH
    for k in range(si - 1, -1, -1):
        if text.sentences[k].paragraph < floor:
            return False
        weekdays = _day_named(text, k)
        if weekdays is not None:
            return bool(weekdays) and not time_fits(time, weekdays, text.year, text.day)
    return False


def naming_days(text) -> frozenset[int]:
    """The paragraphs of `text` (a TextMatcher) with a sentence that names a day (a weekday, a date that gives
    its day, "yesterday"), found once per text."""
    found = getattr(text, "_naming_days", None)
    if found is None:
        found = text._naming_days = frozenset(sentence.paragraph for k, sentence in enumerate(text.sentences)
                                              if _day_named(text, k) is not None)
    return found


def _day_named(text, k: int) -> tuple[str, ...] | None:
    """The weekdays sentence k names at its head (empty when it names a day otherwise: a date with its day,
    "yesterday", or a weekday after its first figure); None when it names no day. Read once per sentence of a
    text."""
    found = getattr(text, "_days_named", None)
    if found is None:
        found = text._days_named = {}
    if k in found:
        return found[k]
    found[k] = None
    folded, sentence = text.folded, text.sentences[k]
    skip = references(folded, sentence.start, sentence.end)
    words = [(m.start(), kind) for m, kind in time_words(folded, sentence.start, sentence.end)
             if not any(a <= m.start() < b for a, b in skip)]
    days = [(at, kind) for at, kind in words if kind.startswith("weekday:") or kind in DAY_KINDS]
    dated = _may_date(folded, sentence) and (_day_of_month(folded, sentence) or day_dates(text, sentence))
    if not days and not dated:
        return None
    first = next((sentence.start + x.start for x in text.read_alone(sentence) if x.unit != "date"), sentence.end)
    head = [kind for at, kind in days if at < first]
    found[k] = () if dated or len(head) != len(days) or any(kind in DAY_KINDS for kind in head) else tuple(head)
    return found[k]


def _day_of_month(folded: str, sentence) -> bool:
    """Whether a sentence names a day of the month alone ("27日", "27號")."""
    from dsfact.matching.roles import lexicon

    return lexicon().day_of_month.get(True).search(folded, sentence.start, sentence.end) is not None


def _may_date(folded: str, sentence) -> bool:
    """Whether a sentence holds a digit or a Chinese numeral, without which it gives no date."""
    return any(c.isdigit() or c in "一二三四五六七八九十廿卅" for c in folded[sentence.start:sentence.end])

"""The day a passage is told of, carried from a weekday at its head: "美國股市周四從早盤漲勢中急劇逆轉……" opens a
passage about a Thursday, and the index moves of the paragraphs after it, which name no day of their own, are
that Thursday's, whatever day an earlier passage of the text named ("華爾街股市27日互有漲跌"). The nearest
sentence before a figure that names a day (a weekday, a date that gives its day, "yesterday") says which day
the figure is told of; when that is a weekday alone, named before the first figure of its sentence, in the
figure's paragraph or the one before it, and not the weekday of a claim's day, the figure is of another day than
the claim's. Read by dsfact.matching.doubt."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.matching.pertext import kept
from dsfact.matching.thatday import day_dates
from dsfact.matching.timefits import time_fits
from dsfact.matching.timewords import POSSESSIVE, references, time_words
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
        found = text._naming_days = frozenset(text.sentences[k].paragraph for k in _naming_day_sentences(text))
    return found


def _day_named(text, k: int) -> tuple[str, ...] | None:
    """The weekdays sentence k names at its head (empty when it names a day otherwise: a date with its day,
    "yesterday", or a weekday after its first figure); None when it names no day. Read once per sentence of a
    text."""
    found = kept(text, "_days_named")
    if k in found:
        return found[k]
    found[k] = None
    folded, sentence = text.folded, text.sentences[k]
    skip = references(folded, sentence.start, sentence.end)
    matched = [(m, kind) for m, kind in time_words(folded, sentence.start, sentence.end)
               if not any(a <= m.start() < b for a, b in skip) and not _day_told(folded, sentence, m)
               and not _day_foretold(text, sentence, m)]
    words = [(m.start(), kind) for m, kind in matched]
    owners = {m.start() for m, kind in matched if kind.startswith("weekday:") and folded.startswith(POSSESSIVE, m.end())}
    days = [(at, kind) for at, kind in words if kind.startswith("weekday:") or kind in DAY_KINDS]
    told = [(at, kind) for at, kind in days if at not in owners]
    if told and len(told) < len(days):
        days = told  # "Despite Monday's turmoil, Tuesday brought a rebound": the day told is Tuesday, not the owner
    dated = _may_date(folded, sentence) and (_day_of_month(folded, sentence) or day_dates(text, sentence))
    if not days and not dated:
        return None
    first = next((sentence.start + x.start for x in text.read_alone(sentence) if x.unit != "date"), sentence.end)
    head = [kind for at, kind in days if at < first]
    found[k] = () if dated or len(head) != len(days) or any(kind in DAY_KINDS for kind in head) else tuple(head)
    return found[k]


def _day_told(folded: str, sentence, m) -> bool:
    """Whether the time word m is the day a report was told ("..., Bloomberg reported on Friday", "彭博周五报道",
    roles.words [announcement]), not a day the passage is about: the events it reports may be of any day."""
    from dsfact.matching.roles import lexicon

    told = lexicon().by_name.get("announcement")
    if told is None:
        return False
    chinese = has_han(folded[sentence.start:sentence.end])
    return told.before.ends(folded, sentence.start, m.start(), chinese) or told.after.opens(folded, m.end(), chinese)


def _day_foretold(text, sentence, m) -> bool:
    """Whether the time word m is the day of an event still to come ("Nvidia is set to report earnings after the
    bell Wednesday", "英伟达将于周三盘后公布财报": roles.words [forecast], its `before` words right before the
    day or its `clause` words before it in its clause): a preview's day, not the day of what the passage after
    it reports ("Nvidia's market value saw a one-day drop of nearly $600 billion after the news came out")."""
    from dsfact.matching.roles import lexicon

    foretold = lexicon().by_name.get("forecast")
    if foretold is None:
        return False
    folded = text.folded
    chinese = has_han(folded[sentence.start:sentence.end])
    if foretold.before.ends(folded, sentence.start, m.start(), chinese):
        return True
    start = max(sentence.start, text.reader().clause_span(m.start())[0])
    return foretold.clause is not None and foretold.clause.get(chinese).search(folded, start, m.start()) is not None


def _day_of_month(folded: str, sentence) -> bool:
    """Whether a sentence names a day of the month alone ("27日", "27號")."""
    from dsfact.matching.roles import lexicon

    return lexicon().day_of_month.get(True).search(folded, sentence.start, sentence.end) is not None


def _may_date(folded: str, sentence) -> bool:
    """Whether a sentence holds a digit or a Chinese numeral, without which it gives no date."""
    return any(c.isdigit() or c in "一二三四五六七八九十廿卅" for c in folded[sentence.start:sentence.end])


HEAD_CHARS = 60  # a line longer than this is prose, not a day's head


def _timeline_head_over(text, si: int):
    """The time tags of the last day's head line before sentence si, in a text whose head lines name two or
    more different days (a timeline); None when si stands under none or the text is no timeline."""
    heads = _day_heads(text)
    if len({tags for _, tags in heads}) < 2:
        return None
    under = None
    for k, tags in heads:
        if k >= si:
            break
        under = tags
    return under


def timeline_day_elsewhere(text, si: int, time: str) -> bool:
    """Whether sentence si stands under a day's head line of a timeline that is not the claim's day: a text
    of two or more head lines that name different days ("**Monday, January 27**", "## Tuesday, January 28",
    a line alone in its paragraph that names a date with its day and states nothing else) tells each day's
    figures under its head, so "- The Nasdaq gains 2%" under Tuesday's is not Monday's move. A single dated
    head line (the dateline of a story written the next day) places nothing: a story dated the 28th reports
    the 27th's close."""
    under = _timeline_head_over(text, si)
    return under is not None and not time_fits(time, under, text.year, text.day)


def timeline_day_of(text, si: int, time: str) -> bool:
    """Whether sentence si stands under a day's head line of a timeline (see timeline_day_elsewhere) that names
    the claim's day with its year ("## Monday, Jan 27, 2025" after "## Tuesday, Jan 28, 2025" in a live blog):
    the head places the figures under it on its day as a date in their sentence would, whatever day the text's
    first head gives the whole. A head without a year ("Jan 27, 4:04 p.m. ET" over an entry) places them in a
    text whose own date gives the year; in one with none it leaves the year to the text (doubt._day_doubt)."""
    under = _timeline_head_over(text, si)
    return under is not None and (text.year is not None or all(t[5:7] != "--" for t in under)) \
        and time_fits(time, under, text.year, text.day)


def head_day_elsewhere(text, si: int, time: str) -> bool:
    """Whether sentence si stands under the one day a text with no date of its own heads (a line alone that names
    a date with no year, "## Tuesday, January 28", "## 1月28日 星期二") and that day of the month is not the claim's
    day: the head dates the text as a full date does (doubt._day_doubt), whatever its year."""
    if text.day:
        return False
    heads = [(k, tags) for k, tags in _day_heads(text) if k < si]
    if not heads or len({tags for _, tags in _day_heads(text)}) != 1:
        return False
    tags = heads[0][1]
    return all(t.startswith("date:--") and len(t) == 12 for t in tags) and all(t[7:] != time[5:10] for t in tags)


def _day_heads(text) -> list[tuple[int, tuple[str, ...]]]:
    """The head lines of `text` (a TextMatcher) that name a day, each with its date tags, found once per text."""
    found = getattr(text, "_day_heads", None)
    if found is not None:
        return found
    found = text._day_heads = []
    sentences = text.sentences
    for k, sentence in enumerate(sentences):  # a line alone and short first: few sentences are, and asking
        # whether a sentence names a day reads its time words
        if k > 0 and sentences[k - 1].paragraph == sentence.paragraph:
            continue
        end = k + 1  # a stamp's line may be cut after its "p.m." ("Jan 27, 4:04 p.m. ET"): the line is the head
        while end < len(sentences) and sentences[end].paragraph == sentence.paragraph:
            end += 1
        line = text.text[sentence.start:sentences[end - 1].end].strip(" *_#\n")
        if "\n" in line or len(line) > HEAD_CHARS:
            continue
        if _day_named(text, k) is None:
            continue
        if any(x.unit != "date" for j in range(k, end) for x in text.read_alone(sentences[j])):
            continue  # a line that states a figure is news, not a head
        dates = tuple(f"date:{x.value}" for x in day_dates(text, sentence))
        if dates:
            found.append((k, dates))
    return found


def _naming_day_sentences(text) -> list[int]:
    """The sentences of `text` that name a day (see _day_named), in order, found once per text."""
    found = getattr(text, "_day_sentences", None)
    if found is None:
        found = text._day_sentences = [k for k in range(len(text.sentences)) if _day_named(text, k) is not None]
    return found

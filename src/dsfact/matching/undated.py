"""The year of a date written without one ("January 27", 1月27日), from what the text says (issue 9): the
document's date, a year its paragraph names, a weekday the text ties to the day it reports (27 January was a
Monday in 2025 and a Tuesday in 2026), else the claim's year when the text tells the registry's story. A
text that names a claim's day only by such dates, all of another year, reports another day. Words are
language data (time.words); nothing is read at import."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.matching.alone import date_links
from dsfact.matching.pertext import kept
from dsfact.matching.thatday import years_on
from dsfact.matching.when import (
    AGO,
    LAST_WEEK,
    SHIFTED,
    date_fits,
    east_of,
    has_day,
    implied_year,
    resolve_day,
    year_kind,
)
from dsfact.model import record
from dsfact.numbers.date_spans import month_of, parse_dates
from dsfact.numbers.patterns import lazy

DATE_REACH = 24  # characters read either side of a day's digits for the date they belong to


def undated_year(text, date: str, pos: int, claim_year: int) -> int | None:
    """The year a date written without one ("--01-27") at offset pos of a text takes (issue 9): the
    document's date's (implied_year); else the one the dates of its paragraph imply, the first such day on
    or after the nearest date before it that gives its year ("2024年12月26日 ... 1月27日" is 2025's); else
    the claim's year, when the text tells the registry's story (it names one of the registry's `story`
    names; a registry without them keeps the claim's year); else None: no year is implied, and a figure
    placed by the date may agree with a claim tied to a day but never contradicts it. A weekday its
    sentence gives ("Monday, January 27") that the date falls on in the claim's year names that year; one the
    text ties to the day it reports names the year the date falls on it (weekday_year): "Tuesday" in the
    paragraph of a "January 27" names 2026, not 2025, whose 27 January was a Monday. Worked out once per
    text, date, place and year (a figure's doubt asks twice, and once per claim of its day)."""
    said = kept(text, "_undated_years")
    key = (date, pos, claim_year)
    if key not in said:
        said[key] = _undated_year(text, date, pos, claim_year)
    return said[key]


def _undated_year(text, date: str, pos: int, claim_year: int) -> int | None:
    year = implied_year(date, text.day)
    if year is not None:
        return year
    told = weekday_year(text, date, pos, claim_year, beside_only=True)
    if told is not None:
        return told
    if _weekday_agrees(text, date, pos, claim_year):
        return claim_year
    year = _year_after(text, date, pos)
    if year is not None:
        return year
    told = weekday_year(text, date, pos, claim_year)
    if told is not None:
        return told or None  # NO_YEAR: the weekdays leave the year open, whatever story the text tells
    return claim_year if tells_story(text) else None


NO_YEAR = 0  # weekday_year: the weekdays told leave the date's year open
NEAR_YEARS = (-1, 0, 1)  # the years around a claim's a date without one may be of (weekday_year)
WEEKDAY_BESIDE = 6  # characters between a weekday and the date it names: "Monday, January 27", "1月27日（周一）"
# the time words of a sentence whose weekday tells another day than the date it reports: "The next day,
# Tuesday, ...", "fell another 4% on Wednesday", "a year ago on Monday" ("a year on", with a weekday, tells
# the day reported: "slipped 0.3% on Tuesday, a year after DeepSeek's debut")
OTHER_DAY_KINDS = ("next-day", "another", "yesterday", "previous-year", "year-ago-today", "year-ago")


def weekday_year(text, date: str, pos: int, claim_year: int, beside_only: bool = False) -> int | None:
    """The year a date without one ("--01-27", told in the sentence at offset pos) takes from the weekdays the
    text ties to a day it reports, when only one year near the claim's (NEAR_YEARS) fits them: a weekday
    beside the date in that sentence ("Tuesday, January 27": 2026); else (not `beside_only`) weekdays beside
    the text's other dates without a year ("Monday, January 27" in another paragraph, "1月28日（周二）"), all
    of one year; else the weekdays its paragraph names on their own ("on Tuesday", "Tuesday's session", 週二,
    星期二), and for a date in a title or a dateline the whole text's. A weekday
    in another paragraph may tell another day ("fell 17% on January 27. ... On Tuesday, the shares
    rebounded"): it does not name the year of a date in the body. A weekday told of the week before ("last Monday"), in a sentence that
    tells another day ("The next day, Tuesday", "another 4% on Wednesday") or beside a full date does not
    count; one told in East Asian time ("周二凌晨") names its own day or the day before. None when no
    weekday, or more than one year, fits."""
    years = {}
    for k in NEAR_YEARS:
        day = resolve_day(date, claim_year + k) if has_day(date) else None
        if day is not None:
            years[claim_year + k] = day.weekday()
    if not years:
        return None
    marks = _weekday_marks(text)
    if not marks:
        return None
    si = text.sentence_of(pos)
    own = [w for w in marks if w.beside is not None and w.sentence == si and w.beside == date]
    found = _one_year(years, [w.weekdays for w in own])
    if found is not None or beside_only:
        return found
    bound: set[int] = set()
    for w in marks:
        if w.beside is not None and not (w.sentence == si and w.beside == date):
            bound |= {claim_year + k for k in NEAR_YEARS
                      if (d := resolve_day(w.beside, claim_year + k)) is not None and d.weekday() in w.weekdays}
    if len(bound) == 1:
        return next(iter(bound))
    paragraph = text.sentences[si].paragraph
    free = [w for w in marks if w.beside is None]
    found = _free_year(years, [w.weekdays for w in free if w.paragraph == paragraph], claim_year)
    if found is not None or not _title(text, si):
        return found
    return _free_year(years, [w.weekdays for w in free], claim_year)  # a title's or dateline's date: the text's day


def _free_year(years: dict[int, int], told: list[frozenset[int]], claim_year: int) -> int | None:
    """The one year the weekdays told on their own give a date (_one_year), but NO_YEAR when it is not the claim's
    and one of them is the day after the date in the claim's year: "fell 17% on January 27 ... rebounded 8.9% on
    Tuesday" tells the next day of 2025 as well as 27 January of 2026, so no year is implied (not even the
    claim's, by the story the text tells) and the text's other figures decide."""
    found = _one_year(years, told)
    if found is not None and found != claim_year and claim_year in years \
            and any((years[claim_year] + 1) % 7 in days for days in told):
        return NO_YEAR
    return found


def _title(text, si: int) -> bool:
    """Whether sentence si is a title or a dateline: the text's first paragraph, one line that ends with no
    stop ("Market wrap, January 27")."""
    sentence = text.sentences[si]
    if sentence.paragraph != text.sentences[0].paragraph:
        return False
    words = text.text[sentence.start:sentence.end].rstrip()
    return "\n" not in words and not words.endswith((".", "。", "!", "！", "?", "？"))


def _one_year(years: dict[int, int], told: list[frozenset[int]]) -> int | None:
    """The one year among `years` (year: the date's weekday in it) whose weekday is among those told."""
    fitting = {y for y, weekday in years.items() if any(weekday in days for days in told)}
    return next(iter(fitting)) if len(fitting) == 1 else None


@record
class _Weekday:
    sentence: int  # the index of its sentence
    paragraph: int
    weekdays: frozenset[int]  # the days of the week it may name (Monday 0)
    beside: str | None  # the date without a year it stands beside ("--01-27"), None when it stands alone


def _weekday_marks(text) -> list[_Weekday]:
    """The weekdays of a text that may tell the day a date without its year reports, read once per text.
    Weekdays of the week before, and those of a sentence that tells another day, are left out; so are those
    beside a full date and, alone, those of a sentence with a full date of its own."""
    found = getattr(text, "_weekday_marks", None)
    if found is not None:
        return found
    from dsfact.matching.timewords import may_hold, time_tags, time_words

    found = text._weekday_marks = []
    folded = text.folded
    if not may_hold(folded, "weekday", _weekday_kind):
        return found
    held = _weekday_starts(folded)
    dates = None
    for si, sentence in enumerate(text.sentences):
        k = bisect.bisect_left(held, sentence.start)
        if k == len(held) or held[k] >= sentence.end:
            continue  # no weekday word begins in the sentence, so its time words hold none
        matches = [(m, kind) for m, kind in time_words(folded, sentence.start, sentence.end)
                   if kind.startswith("weekday:") and LAST_WEEK not in kind]
        if not matches:
            continue
        if any(t in OTHER_DAY_KINDS or year_kind(t)[0] == "previous-year"
               for t in time_tags(folded, sentence.start, sentence.end)):
            continue
        if dates is None:
            dates = [(x.start, x.end, str(x.value)) for x in text_dates(text) if has_day(str(x.value))]
        own = [d for d in dates if sentence.start <= d[0] < sentence.end]
        for m, kind in matches:
            value = int(kind[8:].rstrip(SHIFTED))
            weekdays = frozenset({value, (value - 1) % 7} if SHIFTED in kind else {value})
            beside = next((d for d in own if _beside(folded, m, d)), None)
            if beside is not None:
                if beside[2].startswith("--"):
                    found.append(_Weekday(si, sentence.paragraph, weekdays, beside[2]))
            elif not any(not d[2].startswith("--") for d in own):
                found.append(_Weekday(si, sentence.paragraph, weekdays, None))
    return found


def _weekday_kind(kind: str) -> bool:
    return kind.startswith("weekday:")


_WEEKDAY_WORDS: list = []  # the time words of a weekday's kind, gathered once


def _weekday_starts(folded: str) -> list[int]:
    """Where a time word of a weekday's kind (time.words [weekdays]: one part each, so matched as written)
    begins in the text, in order: a sentence in which none begins holds no weekday among its time words."""
    if not _WEEKDAY_WORDS:
        from dsfact.matching.roles import lexicon

        _WEEKDAY_WORDS.append(tuple(w for w, kind in lexicon().time_kinds.items() if _weekday_kind(kind)))
    out = []
    for w in _WEEKDAY_WORDS[0]:
        at = folded.find(w)
        while at >= 0:
            out.append(at)
            at = folded.find(w, at + 1)
    out.sort()
    return out


def _beside(folded: str, m: re.Match, date: tuple[int, int, str]) -> bool:
    """Whether a weekday stands right beside a date, with only spaces and punctuation between them
    ("Monday, January 27", "1月27日（周一）", "周二（1月27日）")."""
    if 0 <= m.start() - date[1] <= WEEKDAY_BESIDE:
        gap = folded[date[1]:m.start()]
    elif 0 <= date[0] - m.end() <= WEEKDAY_BESIDE:
        gap = folded[m.end():date[0]]
    else:
        return False
    return not any(c.isalnum() for c in gap)


def _weekday_agrees(text, date: str, pos: int, year: int) -> bool:
    """Whether the sentence at pos names the weekday on which `date` ("--01-27") falls in `year` (a weekday
    told in East Asian time or of the week before does not count)."""
    from dsfact.matching.timewords import time_tags

    day = resolve_day(date, year) if len(date) == 7 else None
    if day is None:
        return False
    sentence = text.sentences[text.sentence_of(pos)]
    return f"weekday:{day.weekday()}" in time_tags(text.folded, sentence.start, sentence.end)


def _year_after(text, date: str, pos: int) -> int | None:
    """The year of the first day `date` ("--01-27", "--01") on or after the nearest date before pos in its
    paragraph that gives a year and a month ("2024年12月26日", "January 2026"), or the year a sentence of it
    opens with ("In 2026, ..."); None without one."""
    try:
        month, day = int(date[2:4]), int(date[5:7]) if len(date) >= 7 else 1
    except ValueError:
        return None
    found = None
    for start, value in _paragraph_dates(text, pos):
        if start >= pos:
            break
        found = value
    if found is None:
        return None
    if len(found) == 4:
        return int(found)  # "In 2026, ...": the year its paragraph tells of
    year, before = int(found[:4]), (int(found[5:7]), int(found[8:10]) if len(found) >= 10 else 1)
    return year if (month, day) >= before else year + 1


def _paragraph_dates(text, pos: int) -> list[tuple[int, str]]:
    """The dates of pos's paragraph that give a year and a month, not a record's reference point: (offset,
    ISO value), in text order, read once per paragraph."""
    from dsfact.matching.timewords import references

    sentences = text.sentences
    si = text.sentence_of(pos)
    paragraph = sentences[si].paragraph
    cache = kept(text, "_paragraph_dates")
    found = cache.get(paragraph)
    if found is None:
        first = last = si
        while first > 0 and sentences[first - 1].paragraph == paragraph:
            first -= 1
        while last + 1 < len(sentences) and sentences[last + 1].paragraph == paragraph:
            last += 1
        start, end = sentences[first].start, sentences[last].end
        skip = references(text.folded, start, end)
        found = [(start + x.start, str(x.value)) for x in parse_dates(text.text[start:end])
                 if len(str(x.value)) >= 7 and not str(x.value).startswith("--")
                 and not any(a <= start + x.start < b for a, b in skip)]
        found += [(at, year) for at, year in map(lambda s: _head_year(text.folded, s), sentences[first:last + 1])
                  if year is not None]
        cache[paragraph] = found = sorted(found)
    return found


_HEAD_YEAR = lazy(r"((?:19|20)[0-9]{2})(?![0-9])\s*年?\s*[,，、]?")
HEAD_WORDS = 12  # characters of date-clause words a sentence may open with before its year ("In 2026,")


def _head_year(folded: str, sentence) -> tuple[int, str | None]:
    """The year a sentence opens with, perhaps after words that may stand beside a date (time.words
    [date-clause]: "In 2026, ...", "2026年，……"): the time of what its paragraph tells from there on."""
    head = folded[sentence.start:sentence.start + HEAD_WORDS + 6].lstrip(" \t\n\"'“‘「")
    lead = len(folded[sentence.start:sentence.start + HEAD_WORDS + 6]) - len(head)
    for k in range(0, min(len(head), HEAD_WORDS + 1)):
        m = _HEAD_YEAR.match(head, k)
        if m is not None and all(w in date_links() for w in head[:k].split()):
            return sentence.start + lead + k, m.group(1)
        if head[k:k + 1].isdigit():
            break
    return sentence.start, None


def tells_story(text) -> bool:
    """Whether a text names the story its registry's claims tell (the registry's `story` names: DeepSeek,
    深度求索); True for a registry that names none (a date without a year then takes the claim's)."""
    found = getattr(text, "_tells_story", None)
    if found is None:  # read once per text
        pattern = story_pattern(text)
        found = text._tells_story = pattern is None or pattern.search(text.folded) is not None
    return found


def story_names(text) -> list[int]:
    """Where a text names the registry's story (tells_story), in order: none for a registry that names none.
    Read once per text: many rules ask."""
    found = getattr(text, "_story_names", None)
    if found is None:
        pattern = story_pattern(text)
        found = text._story_names = [] if pattern is None else [m.start() for m in pattern.finditer(text.folded)]
    return found


def story_pattern(text) -> re.Pattern | None:
    """The registry's story names of `text` (a TextMatcher) as one pattern (_story_pattern); None when none. The
    names are folded at load (registry.folded_cues): no converter for an English text."""
    names = text.registry.folded_cues
    return _story_pattern(tuple(names.get(n, n.strip().lower()) for n in text.registry.story))


@lru_cache(maxsize=16)
def _story_pattern(names: tuple[str, ...]) -> re.Pattern | None:
    """The story's names (folded) as one pattern, a Latin name whole; None when there are none."""
    names = tuple(sorted({n for n in names if n}, key=len, reverse=True))
    if not names:
        return None
    # each name opens with its first character, a Latin one's look-behind read after it (the same matches): `re`
    # skips to the first characters of an alternation whose every branch opens with one, where one opened by a
    # look-behind, or a look-ahead at them, is tried at every character of the text, as often as a text is asked
    return re.compile("|".join(re.escape(n) if not n.isascii()
                               else rf"{re.escape(n[0])}(?<![a-z0-9].){re.escape(n[1:])}(?![a-z0-9])" for n in names))


def text_dates(text, months: frozenset[int] | None = None) -> list:
    """parse_dates(text.text, months) but for a photo's day: the text's dates of every month read once per text
    and kept by the months asked (parse_dates reads each date as a read of the whole text does: the same figures,
    spans and values, whichever months are asked); a text's doubts ask for the months of each claim's day and
    then for all, and a read of two months costs nearly what one of all does."""
    reads = kept(text, "_dates_read")
    found = reads.get(months)
    if found is None:
        every = reads.get(None)
        if every is None:
            from dsfact.matching.captions import in_caption

            every = reads[None] = [x for x in parse_dates(text.text) if not in_caption(text, x.start)]  # a photo's day
        found = reads[months] = every if months is None else [x for x in every if month_of(x.value) in months]
    return found


def names_date(text, time: str) -> bool:
    """Whether a text gives a date in full or without its year ("Jan. 27", "1月27日") that is `time`: only
    the words around the day's digits are read."""
    from dsfact.matching.captions import in_caption
    from dsfact.numbers import parse_quantities
    from dsfact.quantity import dates_agree

    day = str(int(time.split("-")[2]))
    for m in re.finditer(rf"(?<![0-9]){day}(?![0-9])", text.text):
        words = text.text[max(0, m.start() - DATE_REACH):m.end() + DATE_REACH]
        if any(x.unit == "date" and dates_agree(str(x.value), time) for x in parse_quantities(words)) \
                and not in_caption(text, m.start()):  # (a photo's day: dsfact.matching.captions)
            return True
    return False


def told_of_another_year(text, time: str) -> bool:
    """Whether a text names the day of a claim tied to `time` only by dates without a year ("January 27",
    "1月27日") and every one of them takes another year than the claim's (undated_year: the document's date,
    a year of the paragraph, a weekday the text ties to the day): a market report of 27 January 2026 that
    says "Tuesday" reports no figure of Monday 27 January 2025. A date of unknown year leaves the text as it
    was. Read once per text and claim time."""
    found = kept(text, "_other_year")
    if time in found:
        return found[time]
    year = int(time[:4])
    dates = _month_dates(text, time)
    days = [(at, d) for at, d in dates if has_day(d) and date_fits(d, time)]
    bare = _bare_days(text, time, {at for at, _ in dates})
    found[time] = bool(days or bare) and all(d.startswith("--") for _, d in days) and all(
        (y := undated_year(text, d.rstrip(SHIFTED), at, year)) is not None and y != year for at, d in days) \
        and all(d != time[:10] for d in bare)
    return found[time]


def _month_dates(text, time: str) -> list[tuple[int, str]]:
    """The dates of a text in the month of `time` (a claim's day, ISO) or the next, with their offsets, each
    marked SHIFTED when told in East Asian time."""
    month = int(time[5:7])
    return [(x.start, str(x.value) + (SHIFTED if east_of(text.folded, x.start, x.end) else ""))
            for x in text_dates(text, frozenset({month, month % 12 + 1}))]


def year_left_open(text, time: str) -> bool:
    """Whether a text names the day of a claim tied to `time` only by dates without a year whose year the
    weekdays it tells leave open (weekday_year's NO_YEAR: "January 27 ... rebounded on Tuesday" is 2025's next day
    or 2026's 27 January): its figures of that day are placed on no day, and its other figures decide."""
    year = int(time[:4])
    days = [(at, d) for at, d in ((at, d.rstrip(SHIFTED)) for at, d in _month_dates(text, time))
            if has_day(d) and date_fits(d, time)]
    return bool(days) and all(d.startswith("--") and undated_year(text, d, at, year) is None for at, d in days) \
        and any(weekday_year(text, d, at, year) == NO_YEAR for at, d in days)


def _bare_days(text, time: str, dated: set[int]) -> list[str]:
    """The days a text of a date of its own names by the day of the month alone that is a claim's ("27日",
    "(27 日)" in a market report of 28 January 2026), outside the dates read whole (`dated`: where they
    start): each is the latest such day on or before the document's date, as a reader takes it ("美股周二（27日）"
    written on 28 January 2026 is 27 January 2026); none in a text without a full date of its own."""
    doc = text.day
    if not doc or doc.startswith("--") or len(doc) < 10:
        return []
    import datetime

    from dsfact.matching.roles import lexicon

    try:
        written = datetime.date.fromisoformat(doc[:10])
    except ValueError:
        return []
    day, out = int(time[8:10]), []
    for m in lexicon().day_of_month.get(True).finditer(text.folded):
        if int(m.group(1)) != day or any(m.start() - BARE_DATED <= at <= m.start() for at in dated):
            continue
        year, month = (written.year, written.month) if day <= written.day else \
            (written.year - (written.month == 1), (written.month - 2) % 12 + 1)
        try:
            out.append(datetime.date(year, month, day).isoformat())
        except ValueError:  # a day the month has not: no day this text names
            continue
    return out


BARE_DATED = 6  # characters before a day of the month where a date read whole may start ("2026年1月27日")


STORY_AFTER = 32  # characters after "a year after" / before 一周年 where the story's name stands, in its clause
STORY_BEFORE = 16


def told_later(text, si: int, tags) -> bool:
    """Whether sentence si (its time tags: `tags`) is told a year or more after the story's day: it says so
    ("one year on", 一周年, "a year ago today"), or a sentence before it in its paragraph or in the text's
    first paragraph says so of the registry's story ("A year after DeepSeek's R1 rattled markets, ... On
    Tuesday its shares rose 1.1%", DeepSeek一周年; not "a year after ChatGPT's debut, DeepSeek ..."): its
    figures are of that later time, unless their own date gives the claim's day with its year."""
    if years_on(tags) or any(t in AGO for t in tags):
        return True
    framed = getattr(text, "_told_later", None)
    if framed is None:  # the sentences that say so of the story, found once per text (none without such a word)
        from dsfact.matching.timewords import may_hold

        framed = text._told_later = [k for k, s in enumerate(text.sentences) if _later_of_story(text, s)] \
            if may_hold(text.folded, "later", _later_kind) else []
    sentences = text.sentences
    paragraphs = (sentences[0].paragraph, sentences[si].paragraph)
    return any(k < si and sentences[k].paragraph in paragraphs for k in framed)


def _later_kind(kind: str) -> bool:
    return kind in AGO or years_on((kind,))


def _later_of_story(text, sentence) -> bool:
    """Whether a sentence says it is told a year or more after the story: a word of "years-on" or "a year ago
    today" with one of the registry's story names in its clause, right after or before it."""
    from dsfact.matching.timewords import time_words

    folded = text.folded
    story = story_pattern(text)
    for m, kind in time_words(folded, sentence.start, sentence.end):
        if kind not in AGO and not years_on((kind,)):
            continue
        if story is None or (kind in AGO and story.search(folded, sentence.start, sentence.end)):
            return True  # "One year ago today, DeepSeek ...": the story's anniversary
        after = story.search(folded, m.end(), min(sentence.end, m.end() + STORY_AFTER))
        before = None
        for found in story.finditer(folded, max(sentence.start, m.start() - STORY_BEFORE), m.start()):
            before = found
        if (after is not None and not _breaks(folded, m.end(), after.start())) \
                or (before is not None and not _breaks(folded, before.end(), m.start())):
            return True
    return False


def _breaks(folded: str, a: int, b: int) -> bool:
    return any(c in ",;:，；：。" for c in folded[a:b])

"""When a figure's time words say it happened, against a claim tied to a day (issue 9): the document's own
date counts "yesterday", "on Monday" and "early last year" from it, and a date told in East Asian time
("北京时间1月28日凌晨", "周二凌晨") may be the US session of the day before.

Tags are those of dsfact.matching.roles (time_tags, FigureReader.times): "date:2025-01-28", "weekday:1",
"previous-year-early", "yesterday". A date or weekday tag that ends with "~" was told in East Asian time
(time.words [zone]): it names its own day or the day before. Words are language data; nothing is read
at import."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

from dsfact.matching.horizon import plan_horizon
from dsfact.matching.sourcedays import all_source_days, days_after_sources, source_days
from dsfact.numbers.patterns import lazy
from dsfact.quantity import dates_agree

WRITTEN_YEAR = lazy(r"(?<![0-9])(20[0-9]{2})(?![0-9])")  # a year of this century written out: "2025"

ZONE_BEFORE = 10  # characters before a date or weekday where a zone word ("北京时间") stands
ZONE_AFTER = 20  # characters after it where an early-morning word ("凌晨", ", Beijing time") ends
WEEK = 7  # "on Monday" is a day of the week that ends on the document's date
YEAR_KINDS = {"previous-year": -1, "current-year": 0, "next-year": 1, "whole-year": 0}
PARTS = {"early": range(1, 4), "late": range(10, 13)}  # "early last year", "去年底": the months they name
DAY_KINDS = {"yesterday": (-1,), "today": (0,), "overnight": (-1, 0)}  # days from the document's date
LATER_DAYS = 92  # a document this long after a year's claim was stated may tell a later state of it
EARLIER_DAYS = 365  # a once-only event (a model's training) dated this long before its sources is another
SHIFTED = "~"
LAST_WEEK = "<"  # a weekday of the week before the document's: "last Monday", 上周一


def written_years(text, start: int = 0, end: int | None = None) -> list[str]:
    """The years of this century written out in text.text[start:end] (`text`: a TextMatcher), but for the
    digits the reader takes as a count or an amount ("2048块", "2048 GPUs", "2048 H800s": DeepSeek's chips, not
    the year 2048), unless the count is a year after all ("as 2026 AI Race Heats Up": dsfact.matching.yearcount)."""
    from dsfact.matching.yearcount import year_as_count

    end = len(text.text) if end is None else end
    found = []
    for m in WRITTEN_YEAR.finditer(text.text, start, end):
        if not any(x.start <= m.start() < x.end and x.unit != "date" and not year_as_count(text.folded, x)
                   for x in text.figures_in(max(0, m.start() - 16), m.end())):
            found.append(m.group(1))
    return found


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=1)
def _zone() -> tuple[tuple[str, ...], re.Pattern, re.Pattern]:
    from dsfact.lang import load_words

    times = load_words("time")
    table = times.get("zone", {})
    return (tuple(table.get("before", ())),  # the words that may end what stands before a date (no pattern to compile)
            re.compile(r"[\s,，]*[(（]?\s*(?:" + _alternation(table.get("after", ())) + ")"),
            lazy(r"(?<![a-z])(?:" + _alternation(times.get("week", {}).get("previous", ())) + r")\s*$"))  # weekdays only


def weekday_marks(folded: str, start: int, end: int) -> str:
    """The marks of a weekday at folded[start:end]: SHIFTED when told in East Asian time, LAST_WEEK when
    of the week before ("last Monday", 上周一)."""
    last = _zone()[2].search(folded, max(0, start - ZONE_BEFORE), start) is not None
    return (SHIFTED if east_of(folded, start, end) else "") + (LAST_WEEK if last else "")


# the date a weekday heads in English ("Tuesday, January 28, 2025", "Tue 28 Jan"), after which a zone word may stand
_WEEKDAY_DATE = lazy(r"[\s,]*(?:[a-z]{3,9}\.?\s*[0-9]{1,2}(?:st|nd|rd|th)?|[0-9]{1,2}(?:st|nd|rd|th)?\s*[a-z]{3,9}\.?)"
                     r"(?:,?\s*20[0-9]{2})?")


def east_of(folded: str, start: int, end: int) -> bool:
    """Whether the date or weekday at folded[start:end] is told in East Asian time for a session of the US:
    a zone word right before it ("北京时间1月28日", "台北時間週二") or an early-morning word right after it
    ("28日凌晨", "周二清晨"), or after the date a weekday heads ("Tuesday, January 28 (AEDT)": the zone of the
    date is its weekday's too)."""
    before, after, _ = _zone()
    if folded[max(0, start - ZONE_BEFORE):start].rstrip().endswith(before) \
            or after.match(folded, end, end + ZONE_AFTER) is not None:
        return True
    dated = _WEEKDAY_DATE.match(folded, end) if folded[end:end + 1] in {",", " "} else None
    return dated is not None and dated.end() > end + 1 and after.match(folded, dated.end(), dated.end() + ZONE_AFTER) is not None


# a date that opens a range of days: "January 27 to 31", "Jan. 27-31", "1月27日至31日", "1月27日到2月3日"
_RANGE = lazy(r"\s*(?:至|到|-|–|—|~|to|through|thru|until)\s*(?:(?:[a-z]{3,9}\.?|[0-9]{1,2}\s*月)\s*)?"
                    r"[0-9]{1,2}\s*(?:日|号|st|nd|rd|th)?(?![0-9%]|\.[0-9]|\s*(?:percent|per cent))")
_RANGE_FIRSTS = frozenset("至到-–—~tu")  # what _RANGE's words begin with, after its white space


def opens_range(folded: str, end: int) -> bool:
    """Whether a date that ends at folded[end] opens a range of days ("from January 27 to 31", "1月27日至31日")."""
    i, n = end, len(folded)
    while i < n and folded[i].isspace():
        i += 1
    if i >= n or folded[i] not in _RANGE_FIRSTS:
        return False  # no word of a range's opening: the pattern is compiled only where one stands
    return _RANGE.match(folded, end) is not None


def date_fits(date: str, claim_time: str) -> bool:
    """Whether a date tag's value ("2025-01-28", "--01-28~") agrees with a claim's time; one told in
    East Asian time agrees with the day before too."""
    shifted = date.endswith(SHIFTED)
    date = date.rstrip(SHIFTED)
    if dates_agree(date, claim_time):
        return True
    before = day_before(date) if shifted else None
    return before is not None and dates_agree(before, claim_time)


def weekday_fits(tag: str, claim_day: datetime.date, doc_day: str | None, dated: bool) -> bool:
    """Whether a weekday tag ("weekday:0", "weekday:1~") allows the claim's day: the same day of the week
    (or, told in East Asian time, the next); with the document's date and no date beside it, the one of
    the week that ends on the document's date (of the week before, for "last Monday")."""
    value = tag[8:]
    shifted, last = SHIFTED in value, LAST_WEEK in value
    weekday = int(value.rstrip(SHIFTED + LAST_WEEK))
    days = [weekday] + ([(weekday - 1) % 7] if shifted else [])
    if claim_day.weekday() not in days:
        return False
    if dated or not doc_day:
        return True
    doc = resolve_day(doc_day, claim_day.year)
    if doc is None:
        return True
    back = (doc - claim_day).days - (WEEK if last else 0)
    return 0 <= back < WEEK + (1 if shifted else 0)


def relative_day_fits(kind: str, claim_day: datetime.date, doc_day: str | None, dated: bool) -> bool:
    """Whether "yesterday", "today" or an early morning (今晨) allows the claim's day, counted from the
    document's date (always, without one or with a date beside the word)."""
    if dated or not doc_day:
        return True
    doc = resolve_day(doc_day, claim_day.year)
    return doc is None or (claim_day - doc).days in DAY_KINDS[kind]


def year_word_fits_day(tag: str, claim_day: datetime.date, year: int | None, dated: bool) -> bool:
    """Whether a year's word ("last year", "去年初") allows a claim tied to a day: only with the document's
    year, when it names the claim's year, and the figure is placed on a part of that year holding the
    claim's day: a date beside the word ("去年1月27日"), or "early"/"late" ("去年初": its first months).
    A whole year is no day's figure. Without the document's year the word names no year at all, neither
    the claim's nor another: the part of a year or the date beside it decides alone ("去年初" may hold 27
    January, "去年底" never does), and the figure is judged as one without a date."""
    kind, part = year_kind(tag)
    if kind == "whole-year" or (year is not None and year + YEAR_KINDS[kind] != claim_day.year):
        return False
    return dated or (part is not None and claim_day.month in PARTS[part])


YEAR_AGO = "year-ago-today"
YEAR_ABOUT = "year-ago"  # "a year ago": some weeks either side of the day a year before the document's date
ABOUT_DAYS = 45  # how far from that day "a year ago" may place a claim's day
AGO = (YEAR_AGO, YEAR_ABOUT)
LAST_MONTH = "last-month-"
IN_MONTH = "in-month-"  # a month named alone: "in September"


def year_ago_fits(claim_time: str, doc_day: str | None, within: int = 0) -> bool:
    """Whether "a year ago today" (去年今日) allows a claim's time: a claim tied to a day, the day a year
    before the document's date (with `within`, "a year ago": a day that many days either side of it); a claim
    tied to a year, the year before the document's (and its month, for "a year ago today"). Without the
    document's full date, nothing."""
    doc = resolve_day(doc_day, 2000) if doc_day and not doc_day.startswith("--") else None
    if doc is None:
        return False
    parts = claim_time.split("-")
    if len(parts) == 3:
        back = doc.replace(year=doc.year - 1, day=min(doc.day, 28) if doc.month == 2 else doc.day)
        return abs((back - datetime.date(*map(int, parts))).days) <= within
    return parts[0] == str(doc.year - 1) and (within > 0 or len(parts) == 1 or int(parts[1]) == doc.month)


def last_month_fits(tag: str, claim_time: str, doc_day: str | None) -> bool:
    """Whether "last January" (a `last-month-01` tag) allows a claim's time: the latest such month before the
    month of the document's date; without the document's full date, nothing."""
    doc = resolve_day(doc_day, 2000) if doc_day and not doc_day.startswith("--") else None
    if doc is None:
        return False
    month = int(tag[len(LAST_MONTH):])
    year = doc.year if month < doc.month else doc.year - 1
    parts = claim_time.split("-")
    return parts[0] == str(year) and (len(parts) == 1 or int(parts[1]) == month)


def counted_back(tag: str, claim_time: str, doc_day: str | None, dated: bool) -> bool | None:
    """Whether a tag counted back from the document's date allows a claim's time ("a year ago today", "last
    January"; a date beside "a year ago today" places the figure instead), or a month named alone ("in
    September"); None for any other tag."""
    if tag in AGO:
        return dated or year_ago_fits(claim_time, doc_day, ABOUT_DAYS if tag == YEAR_ABOUT else 0)
    if tag.startswith(LAST_MONTH):
        return last_month_fits(tag, claim_time, doc_day)
    if tag.startswith(IN_MONTH):  # "in September": of a year's claim maybe, of another month's day never
        parts = claim_time.split("-")
        return dated or len(parts) == 1 or not parts[1].isdigit() or int(parts[1]) == int(tag[len(IN_MONTH):])
    return None


def year_kind(tag: str) -> tuple[str | None, str | None]:
    """("previous-year", "early") for "previous-year-early", (kind, None) for a year's word alone,
    (None, None) for a tag that is no year's word."""
    for kind in YEAR_KINDS:
        if tag == kind:
            return kind, None
        if tag.startswith(kind + "-") and tag[len(kind) + 1:] in PARTS:
            return kind, tag[len(kind) + 1:]
    return None, None


def resolve_day(day: str, year: int) -> datetime.date | None:
    """A document's date as a day, a date without its year ("--01-28") in `year`."""
    try:
        if day.startswith("--"):
            return datetime.date(year, int(day[2:4]), int(day[5:7]))
        return datetime.date.fromisoformat(day[:10])
    except ValueError:
        return None


def day_before(date: str) -> str | None:
    """The ISO day before a date that gives its day ("2025-01-28", "--03-01": a year without one is taken as
    a leap year, which has every day); None for a date without a day."""
    try:
        if date.startswith("--") and len(date) == 7:
            day = datetime.date(2000, int(date[2:4]), int(date[5:7])) - datetime.timedelta(days=1)
            return f"--{day.month:02d}-{day.day:02d}"
        if len(date) == 10:
            return (datetime.date.fromisoformat(date) - datetime.timedelta(days=1)).isoformat()
    except ValueError:
        return None
    return None


STATE_REACH = 24  # characters before a date where a word of a state's time ("as of the end of") ends


@lru_cache(maxsize=1)
def _state() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    from dsfact.lang import load_words

    table = load_words("time").get("state", {})
    return (lazy(r"(?<![a-z])(?:" + _alternation(table.get("before", ())) + r")\s*$"),
            lazy(r"\s*(?:" + _alternation(table.get("end", ())) + ")"),
            lazy(r"(?<![a-z])(?:" + _alternation(table.get("end-before", ())) + r")\s*$"))


def state_day(folded: str, start: int, end: int, value: str) -> datetime.date | None:
    """The first day a state told as of the date at folded[start:end] (ISO `value`, with its year) may be
    of: "as of December 31, 2025" its day, "截至2025年底" and "by the end of 2025" December 2025's first;
    None when no word of a state's time (time.words [state]) stands right before the date."""
    before, after, end_before = _state()
    head = before.search(folded, max(0, start - STATE_REACH), start)
    if head is None or value.startswith("--") or not value[:4].isdigit():
        return None
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else None
    day = int(value[8:10]) if len(value) >= 10 and value[8:10].isdigit() else 1
    if month is None:
        late = after.match(folded, end) is not None or end_before.search(folded, head.start(), start) is not None
        month = 12 if late else 1
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def after_sources(day: datetime.date, claim, sources: dict) -> bool:
    """Whether `day` falls LATER_DAYS or more after every source that states a claim was written."""
    late = days_after_sources(day, claim, sources)
    return late is not None and late >= LATER_DAYS


def event_later(text, q, claim) -> bool:
    """Whether figure q's sentence (`text`: a TextMatcher) places what it counts months after every source of a
    claim with no time of its own was written, which they could not have stated: a state as of a later day
    (state_day: "as of December 31, 2025", 截至2025年底), an event its clause dates later ("in December 2025
    the partners agreed to buy 2 million chips", "今年12月，……將採購200萬顆晶片", 今年 being the document's
    year or, without one, the claim's), or one a word of time.words [later-event] tells after an earlier one
    ("a year later", "later that year", 此後, 後來) that is not dated before every source. A document dated
    less than LATER_DAYS after those sources tells no such event: a later date there is the plan's own
    deadline ("今年12月前部署200萬塊GPU" in a story of February 2025)."""
    if q.unit == "date":
        return False
    doc = resolve_day(text.day, 2000) if text.day and not text.day.startswith("--") else None
    if doc is not None and not after_sources(doc, claim, text.registry.sources):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    sources = text.registry.sources
    folded = text.folded
    clause = None
    for x in text.figures_in(sentence.start, sentence.end):
        if x.unit != "date" or x is q:
            continue
        day = state_day(folded, x.start, x.end, str(x.value))
        if day is None:
            if clause is None:
                clause = text.reader().clause_span(q.start)
            if not _dates_clause(text, x, clause, sentence):
                continue
            day = _first_day(folded, x, text.day, claim, sources)
        elif plan_horizon(text, q, x, day, claim):
            continue  # "plans to secure 10,000 GPUs by the end of 2025", told in 2025
        if day is not None and after_sources(day, claim, sources):
            return True
    return _later_word(text, q, sentence, claim, sources)


def revised_later(text, q, claim) -> bool:
    """Whether figure q's clause dates it to a month of its claim's year (claim.time, "2025") that began
    LATER_DAYS or more after every source of the claim: a later revision of a year's plan ("In May 2025, Meta
    raised its forecast to $64-72 billion"), or a clause that attributes it after it does ("..., it said on Oct.
    29": dsfact.matching.attribution). The year's last month, or the year itself, is the plan's own horizon ("by
    the end of 2025")."""
    if q.unit == "date":
        return False
    for value in _clause_dates(text, q):
        if value[:4] != claim.time or len(value) < 7 or value[5:7] == "12":
            continue
        day = resolve_day(value[:7] + "-01", 2000)
        if day is not None and after_sources(day, claim, text.registry.sources):
            return True
    from dsfact.matching.attribution import said_later
    from dsfact.matching.revisedfrom import revised_column, revised_from, revised_plan

    return said_later(text, q, claim) or revised_from(text, q, claim) or revised_plan(text, q) or revised_column(text, q)
    # "..., it said on Oct. 29"; "up from a previous forecast"; "its revised spending plan"; a column of revised plans


def not_when_stated(text, q, claim) -> bool:
    """Whether figure q tells a time its claim's sources could not have stated: a later state or event
    (event_later), or an earlier price (priced_earlier)."""
    return event_later(text, q, claim) or priced_earlier(text, q, claim) or done_earlier(text, q, claim)


def done_earlier(text, q, claim) -> bool:
    """Whether figure q, of a claim whose event happens once to its subject (a model's training: events.words
    `kind: once`), is one its clause dates to a year that ended EARLIER_DAYS or more before every source of the
    claim was written: "they invested $500 million in 10,000 GPUs as early as 2021", beside V3's training cost
    and GPUs (sources of December 2024 on), tells an earlier thing; a model is trained once, shortly before it
    is described. So does a count of things held or ordered, of whatever event: "South Korea had only some
    2,000 GPUs at the end of 2023", "韩国在2023年底仅有约2000块GPU", beside its order of early 2025."""
    if q.unit == "date":
        return False
    from dsfact.matching.events import own_event

    event = own_event(claim)
    if q.unit != "count" and (event is None or not event.once):
        return False
    days = all_source_days(claim, text.registry.sources)
    if not days:
        return False
    first = datetime.date.fromisoformat(min(days))
    for value in _clause_dates(text, q):
        last = _last_day(value.rstrip(SHIFTED))
        if last is not None and (first - last).days >= EARLIER_DAYS:
            return True
    return False


def priced_earlier(text, q, claim) -> bool:
    """Whether figure q, a price per unit, is one its clause dates to a period that ended LATER_DAYS or more
    before every source of its claim was written. A price is a state as of its source: "In April 2024,
    DeepSeek cut its output price to 2 yuan per million tokens", 早在2024年5月 ... 每百万tokens 2元, tell an
    earlier price, not R1's of January 2025. Only a date that gives its year counts ("in 2024": up to its
    last day); other earlier events (a company's purchase of GPUs in 2021) may be what a claim states."""
    if claim.per is None or q.unit == "date":  # (a figure bound to a price is one, its "per" read or not)
        return False
    days = all_source_days(claim, text.registry.sources)
    if not days:
        return False
    for value in _clause_dates(text, q):
        last = _last_day(value.rstrip(SHIFTED))
        if last is not None and (datetime.date.fromisoformat(min(days)) - last).days >= LATER_DAYS:
            return True
    return False


def _clause_dates(text, q):
    """The values (ISO) of the dates with their year that date figure q's clause (_dates_clause), in its sentence."""
    sentence = text.sentences[text.sentence_of(q.start)]
    clause = text.reader().clause_span(q.start)
    for x in text.figures_in(sentence.start, sentence.end):
        value = str(x.value)
        if x.unit == "date" and x is not q and value[:4].isdigit() and _dates_clause(text, x, clause, sentence):
            yield value


def _dates_clause(text, x, clause: tuple[int, int], sentence) -> bool:
    """Whether date x dates the clause `clause` (a figure's): it stands in it, or in a clause of its own right
    before it ("In December 2025, the partners agreed ...", "今年12月，……"), not in a reference point ("since
    March 2020")."""
    from dsfact.matching.alone import date_links, rest_words
    from dsfact.matching.timewords import references

    if any(a <= x.start < b for a, b in references(text.folded, sentence.start, sentence.end)):
        return False
    if clause[0] <= x.start < clause[1]:
        return True
    if x.start >= clause[0]:
        return False
    own = text.reader().clause_span(x.start)
    between = text.folded[own[1]:clause[0]]
    opens = not text.folded[sentence.start:own[0]].strip(" \t#>*-")
    if between.strip(" ,，、:：") and not (opens and not _date_between(text, own[1], clause[0])):
        return False  # a date in a clause of its own that opens the sentence dates all of it, up to another date
    parts = _later_table().get("part", ())
    return all(w in date_links() or w in parts for w in rest_words(text.folded, own[0], own[1], x))


def _date_between(text, start: int, end: int) -> bool:
    return any(x.unit == "date" for x in text.figures_in(start, end))


def _first_day(folded: str, x, doc_day: str | None, claim, sources: dict) -> datetime.date | None:
    """The first day of the period date x names; a date without its year takes the one a year's word in it
    gives ("今年12月": the document's year or, without one, the year the claim was stated in; "去年12月" the year
    before), else the one the document's date implies; None when none does."""
    value = str(x.value).rstrip(SHIFTED)
    if value.startswith("--"):
        from dsfact.matching.timewords import time_tags

        kinds = [year_kind(t)[0] for t in time_tags(folded, x.start, x.end)]
        kinds = [k for k in kinds if k in YEAR_KINDS and k != "whole-year"]
        if kinds:
            base = int(doc_day[:4]) if doc_day and not doc_day.startswith("--") else _stated_year(claim, sources)
            if base is None:
                return None
            year = base + YEAR_KINDS[kinds[0]]
        else:
            year = implied_year(value, doc_day)
            if year is None:
                return None
        value = f"{year:04d}{value[1:]}"
    if not value[:4].isdigit():
        return None
    try:
        month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else 1
        day = int(value[8:10]) if len(value) >= 10 and value[8:10].isdigit() else 1
        return datetime.date(int(value[:4]), month, day)
    except ValueError:
        return None


def _stated_year(claim, sources: dict) -> int | None:
    """The year the latest source of a claim was written in."""
    dates = [sources[st.source].date for st in claim.statements if st.source in sources]
    dates = [d for d in dates if isinstance(d, str) and d[:4].isdigit()]
    return int(max(dates)[:4]) if dates else None


@lru_cache(maxsize=1)
def _later_table() -> dict:
    from dsfact.lang import load_words

    return load_words("time").get("later-event", {})


@lru_cache(maxsize=1)
def _later_words() -> re.Pattern:
    words = _later_table().get("words", ())
    return re.compile(r"(?<![a-z])(?:" + _alternation(words) + r")(?![a-z者居])")  # not 后来者, 后来居上


def _later_word(text, q, sentence, claim, sources: dict) -> bool:
    """Whether a word of [later-event] before figure q in its sentence, or in its clause, tells its event after
    an earlier one ("A year later, Stargate had ordered 2 million chips", 此後), and no date before the word
    (in the text up to it) ends before every source of the claim was written: "founded in 2023; it later
    trained V3 on 2,048 GPUs" is still the claim's own event."""
    folded = text.folded
    clause_end = text.reader().clause_span(q.start)[1]
    found = _later_words().search(folded, sentence.start, max(q.start, clause_end))
    if found is None:
        return False
    before = [x for x in text.figures_in(0, found.start()) if x.unit == "date" and x is not q]
    if not before:
        return True
    ends = _last_day(str(before[-1].value).rstrip(SHIFTED))
    stated = source_days(claim, sources)
    return ends is None or not stated or ends.isoformat() >= min(stated)


def _last_day(value: str) -> datetime.date | None:
    """The last day of the period an ISO date with its year names ("2023" its 31 December, "2024-04" 30 April);
    None without a year."""
    if not value[:4].isdigit():
        return None
    try:
        year = int(value[:4])
        if len(value) >= 10 and value[8:10].isdigit():
            return datetime.date.fromisoformat(value[:10])
        if len(value) >= 7 and value[5:7].isdigit():
            month = int(value[5:7])
            nxt = datetime.date(year + month // 12, month % 12 + 1, 1)
            return nxt - datetime.timedelta(days=1)
        return datetime.date(year, 12, 31)
    except ValueError:
        return None


def written_before(doc_day: str | None, claim_time: str) -> bool:
    """Whether a document dated `doc_day` was written before a claim's day: none of its figures can
    report that day."""
    if not doc_day or doc_day.startswith("--") or claim_time.count("-") != 2:
        return False
    return doc_day[:10] < claim_time


def later_state(doc_day: str | None, claim, sources: dict) -> bool:
    """Whether a document dated `doc_day` was written LATER_DAYS or more after every source that states a
    claim tied to a year (a plan, a forecast: Meta's 2025 capital expenditure as announced in January): it
    may tell a revised plan or the outcome ("now expected to reach $72 billion"), which may agree with
    the claim but never contradicts it."""
    if not doc_day or doc_day.startswith("--") or not (claim.time or "").isdigit():
        return False
    days = source_days(claim, sources)
    if not days:
        return False
    try:
        gap = datetime.date.fromisoformat(doc_day[:10]) - datetime.date.fromisoformat(max(days))
    except ValueError:
        return False
    return gap.days >= LATER_DAYS


def implied_year(date: str, doc_day: str | None) -> int | None:
    """The year a date written without one ("--12-20", "--12") takes from the document's date: the latest
    such day on or before it (a document of 10 January 2026 telling of "December 20" tells of 2025); None
    without a full document date or for a date that gives its year."""
    if not date.startswith("--") or not doc_day or doc_day.startswith("--"):
        return None
    try:
        doc = datetime.date.fromisoformat(doc_day[:10])
        month = int(date[2:4])
        day = int(date[5:7]) if len(date) >= 7 else 1
    except ValueError:
        return None
    return doc.year if (month, day) <= (doc.month, doc.day) else doc.year - 1


def names_day(folded: str, claim_time: str) -> bool:
    """Whether a text names the day of a claim tied to a date by its weekday ("Monday", "周一") or its day
    of the month ("27日"); a full date is read by the numbers engine."""
    parts = claim_time.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    from dsfact.fold import has_han
    from dsfact.matching.opening import glossed_elsewhere
    from dsfact.matching.roles import lexicon

    lex, chinese = lexicon(), has_han(folded)
    day = datetime.date(*map(int, parts))
    weekday = f"weekday:{day.weekday()}"
    found = [(m.end(), lex.time_kinds.get(" ".join(m.group().split()), "")) for m in lex.time.get(chinese).finditer(folded)
             ] if _may_name(folded, lex, weekday) else []
    if any(kind == weekday and not glossed_elsewhere(folded, end, claim_time) for end, kind in found):
        from dsfact.matching.weekgloss import week_elsewhere

        days = [(end, int(kind[8])) for end, kind in found if kind.startswith("weekday:")]
        if not week_elsewhere(folded, days, day):
            return True  # (a weekday of a text whose glossed weekday fixes another week names another day)
    return chinese and any(int(m.group(1)) == int(parts[2]) and _of_claim_month(folded, m.start(), parts)
                           for m in lex.day_of_month.get(True).finditer(folded))


_WEEKDAY_PARTS: dict = {}  # the lexicon, and per weekday kind the first parts of its time words, gathered once


def _may_name(folded: str, lex, weekday: str) -> bool:
    """Whether the text holds the first part of a time word of this weekday's kind ("weekday:0"): names_day's scan
    of every time word is spared where none can be that weekday's (most texts name no weekday, or another)."""
    if _WEEKDAY_PARTS.get("lexicon") is not lex:
        _WEEKDAY_PARTS.clear()
        for word, kind in lex.time_kinds.items():
            if kind.startswith("weekday:"):
                _WEEKDAY_PARTS.setdefault(kind, set()).add((word.split() or [word])[0])
        _WEEKDAY_PARTS["lexicon"] = lex
    return any(part in folded for part in _WEEKDAY_PARTS.get(weekday, ()))


_MONTH_BEFORE = lazy(r"(?:([0-9]{4})\s*年\s*)?([0-9]{1,2})\s*月\s*$")  # asked of Chinese text only


def _of_claim_month(folded: str, at: int, parts: list[str]) -> bool:
    """Whether the day of the month at `at` ("27日") is not told of another month or year than a claim's
    (`parts`: its year, month and day): "2026年1月27日" and "2月27日" name other days."""
    m = _MONTH_BEFORE.search(folded, max(0, at - 12), at)
    return m is None or int(m.group(2)) == int(parts[1]) and (m.group(1) is None or m.group(1) == parts[0])


def has_day(date: str) -> bool:
    """Whether an ISO date ("2025-01-27", "--01-27", perhaps marked as told in East Asian time) gives its day."""
    date = date.rstrip(SHIFTED)
    return len(date) == 10 or (date.startswith("--") and len(date) == 7)

"""Days told by another day of the sentence: "the day before" a weekday it names (time.words [relative]
previous-day: "rose 8.9% on Tuesday, after falling 17% the day before", "周二反弹8.9%，此前一天市值蒸发近6000亿
美元") is that weekday's previous session, and a weekday a move is measured from ("from Friday's close to
Monday's", 较上周五; time.words [reference] `base`) is no time of the move when another weekday ends it.
dsfact.matching.roles.FigureReader places a sentence's time words through here."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.fold import has_han
from dsfact.lang import load_words, words_of
from dsfact.matching.wordtables import Words
from dsfact.numbers.patterns import lazy

_BASE: list = []  # [a regex of the weekdays, one of those without Han], read once
_BASE_REACH = 24  # characters before a weekday searched for a base word
_OWNED_REACH = 16  # characters after "the previous day's" read for a figure of the noun it owns


_TIMEWORDS: list = []  # (inside, time_words, may_hold) of dsfact.matching.timewords, which imports this module


def _timewords() -> tuple:
    if not _TIMEWORDS:  # imported on the first call, not on each: asked per sentence and figure
        from dsfact.matching.timewords import inside, may_hold, time_words

        _TIMEWORDS.append((inside, time_words, may_hold))
    return _TIMEWORDS[0]


def place_time_words(reader, start: int, end: int, skip: list[tuple[int, int]]) -> None:
    """Place the figures of the sentence reader.folded[start:end] by its time words (those not in `skip`,
    a record's reference points); "the day before" by the weekday it counts back from, remembered in
    reader._day_before (placed_by_day_before)."""
    inside, time_words, _ = _timewords()
    found = [(m.start(), m.end(), kind)
             for m, kind in time_words(reader.folded, start, end, reader._chinese) if not inside(m.start(), skip)]
    if found:  # "Nvidia, which became the world's most valuable company last year, fell 17%": the aside's year
        found = [f for f in found if not in_bare_aside(reader, start, end, f[0], f[1])]
    for a, b, kind in found:
        if kind != "previous-day":
            if not _owner_after_day(reader.folded, a, b, kind, found):
                reader._place(a, b, kind)
            continue
        if _owns_noun(reader.folded, b):
            continue  # "rebounded 8.9% on Tuesday after the previous day's rout": the rout's day, no figure's
        tag = _day_before(a, found)
        if tag is not None:  # "rose 8.9% on Tuesday, after falling 17% the day before": Monday's session, told
            reader._place(a, b, tag)  # as plainly as "on Monday" would tell it
            continue
        if _preposition(reader.folded, b, end):
            continue  # "on Jan. 27, the day before the Fed's meeting": a day named by what follows it
        tag = _day_before_sentence_before(reader, start)
        if tag is not None:  # "Nvidia rebounded 8.9% on Tuesday. The day before, it had lost $589 billion"
            reader._place(a, b, tag)
            continue
        # with no weekday in its sentence, the day before some day the text may not name: another day than
        # a date of the sentence or the sentence before ("On Jan. 27 ..., after rising 4% the previous
        # session", 1月27日……前一交易日上涨4%), which it may agree with but not contradict
        reader._day_before.add(reader._place(a, b, "previous-day"))


def _owner_after_day(folded: str, a: int, b: int, kind: str, found: list[tuple[int, int, str]]) -> bool:
    """Whether the weekday at folded[a:b] owns a noun ("Monday's rout", 周一的跌幅) after another weekday its sentence
    names as a day ("rebounded 8.9% on Tuesday after Monday's rout"): the day of another move, not of a figure; but
    the day of a figure it owns ("after Monday's 17% rout")."""
    from dsfact.matching.timewords import POSSESSIVE

    if not kind.startswith("weekday:") or not folded.startswith(POSSESSIVE, b):
        return False
    owned = folded[b:b + 6].lstrip("'’s的 ")
    return not owned[:1].isdigit() and owned[:1] not in "$€£¥" and any(
        k.startswith("weekday:") and y <= a and not folded.startswith(POSSESSIVE, y) for x, y, k in found)


def _owns_noun(folded: str, b: int) -> bool:
    """Whether the word of the day before that ends at b owns a noun after it ("the previous day's rout", "the
    prior session's losses", 前一天的跌幅): the day of that other move, not of a figure; but the day of a figure it
    owns, in the owned words' clause ("the previous day's 17% plunge", 前一天的跌幅为17%)."""
    from dsfact.matching.timewords import POSSESSIVE

    if not folded.startswith(POSSESSIVE, b):
        return False
    owned = folded[b:b + _OWNED_REACH].lstrip("'’s的 ")
    for stop in ",，。;；:：(（":
        owned = owned.split(stop, 1)[0]
    return bool(owned.strip()) and not any(c.isdigit() or c in "$€£¥" for c in owned)


def _preposition(folded: str, b: int, end: int) -> bool:
    """Whether the English word of the day before that ends at b is followed by what it is the day before
    ("the day before the launch", "the day prior to"): it then names a day of its own, no previous session."""
    m = _NEXT_WORD.match(folded, b, end)
    return m is not None and folded[b - 1].isascii() and folded[b - 1].isalpha()


_STOPS = frozenset(".!?。！？\"”’'」』")  # what ends a sentence (a quotation's close after its stop)
_NEXT_WORD = lazy(r"[ \t]*(?:to\b|the\b|its\b|a\b|an\b|[a-z]+'s\b)")


def _day_before(a: int, found: list[tuple[int, int, str]]) -> str | None:
    """What "the day before" at offset a places its figure on: the trading day before the nearest weekday its
    sentence names (`found`: the sentence's time words, with their offsets and kinds), Monday's before
    Tuesday's and Friday's before Monday's; None when the sentence names no weekday of the working week."""
    days = [(abs(x - a), k) for x, _, k in found if k.startswith("weekday:")]
    if not days:
        return None
    tag = min(days)[1]
    day = tag[8:9]
    if not day.isdigit() or int(day) > 4:
        return None
    return f"weekday:{int(day) - 1 if day != '0' else 4}{tag[9:]}"


def _day_before_sentence_before(reader, start: int) -> str | None:
    """The day before the weekday the sentence right before offset `start` names last, when it names no date
    and ends with a stop ("Nvidia rebounded 8.9% on Tuesday. The day before, it had lost $589 billion",
    "英伟达周二反弹8.9%。前一天，其市值蒸发5890亿美元", or the paragraph before's last sentence: news copy
    gives each sentence a paragraph); None otherwise (a heading or a title line before it)."""
    folded = reader.folded
    p = start - 1
    while p > 0 and folded[p] in " \t\n\r":
        p -= 1
    if p <= 0 or folded[p] not in _STOPS:
        return None  # the text's first sentence, or one under a heading, a title or a list's label
    lo, hi = reader.sentence_of(p)
    if lo >= start or any(x.unit == "date" for x in reader.quantities[bisect.bisect_left(reader.starts, lo):
                                                                       bisect.bisect_left(reader.starts, hi)]):
        return None  # "It slid on Jan. 27. It had slipped 4% the day before": a date's day before, another day
    inside, time_words, _ = _timewords()
    found = [(m.start(), m.end(), kind) for m, kind in time_words(folded, lo, hi, reader._chinese)]
    return _day_before(start, found)


def placed_by_day_before(reader, q) -> bool:
    """Whether figure q's day is the day before a weekday its sentence names: inferred from that weekday, it
    may agree with a claim of the day but not contradict one (dsfact.matching.doubt). Every sentence's time
    words are placed first (a figure's index and a sentence's start are kept in one set) when the text holds
    such a word at all."""
    may_hold = _timewords()[2]
    if not may_hold(reader.folded, "previous-day", _previous_day):
        return False  # no word of the day before in the whole text: nothing placed by one
    reader.place_all_times()
    k = bisect.bisect_left(reader.starts, q.start)
    placed = reader._day_before
    return k in placed or (k not in reader._times and reader.sentence_of(q.start)[0] in placed)


def _previous_day(kind: str) -> bool:
    return kind == "previous-day"


def move_bases(folded: str, start: int, end: int, chinese: bool) -> list[tuple[int, int]]:
    """The weekdays of the sentence folded[start:end] that a move is measured from, when another day of it,
    not one of those, places the move ("from Friday's close to Monday's", "周一收盘较上周五下跌17%"), and the
    dates so told with a word of the start after them ("from Jan. 24's closing price ... by the end of
    Jan. 27", 较1月24日收盘)."""
    if not _BASE:
        words = [w for day in load_words("time").get("weekdays", {}).values() for w in day]
        words.sort(key=len, reverse=True)
        # the weekdays for a sentence with a Han character, and for one without (no Han word matches there,
        # and the English weekdays alone cost a sixth as much to compile)
        _BASE[:] = [lazy("|".join(map(re.escape, words))),
                    lazy("|".join(re.escape(w) for w in words if not has_han(w)) or "(?!)")]
    dated = [(m.start(), m.end()) for m in _dates().finditer(folded, start, end)]
    n = len(dated)
    if n < 2:  # two days at least, found cheaply before the time words
        weekdays = _BASE[0] if chinese else _BASE[1]
        first = weekdays.search(folded, start, end)
        n += first is not None and 1 + (weekdays.search(folded, first.end(), end) is not None)
        if n < 2:
            return []
    from dsfact.matching.roles import lexicon

    lex = lexicon()
    days = [(m.start(), m.end()) for m in lex.time.get(chinese).finditer(folded, start, end)
            if lex.time_kinds.get(" ".join(m.group().split()), "").startswith("weekday:")]
    if len(days) + len(dated) < 2:
        return []
    out = []
    for a, e in days + dated:
        b = a
        if folded.endswith("last ", start, b):  # "from last Friday's close"
            b -= 5
        elif folded.endswith("上", start, b):  # 较上周五
            b -= 1
        if _base_words().ends(folded, max(start, b - _BASE_REACH), b, chinese) \
                and ((a, e) in days or _base_after(folded, e, end)):
            out.append((a, e))
    return out if len(out) < len(days) + len(dated) else []


_YEAR = lazy(r"(?:1(?<![0-9.,]1)9|2(?<![0-9.,]2)0)[0-9]{2}(?![0-9])")  # (?<![0-9.,])(?:19|20)..., led by its digits


def base_years(folded: str, start: int, end: int, chinese: bool) -> list[tuple[int, int]]:
    """The years of the sentence folded[start:end] an amount before them is compared with: a word of
    time.words [reference] `base-year` right before the year, a figure before it in its clause ("the $60-65
    billion is a major increase from 2024", "资本支出较2024年大幅增加"). Such a year is the comparison's
    base, no time of the amount."""
    out = []
    for m in _YEAR.finditer(folded, start, end):
        a = m.start()
        if not _base_year_words().ends(folded, max(start, a - _BASE_REACH), a, chinese):
            continue
        clause = max(start, *(folded.rfind(c, start, a) + 1 for c in ",;，；。"))
        if any(c.isdigit() for c in folded[clause:a]):
            out.append((a, m.end() + (folded[m.end():m.end() + 1] == "年")))
    return out


def after_base(folded: str, at: int) -> bool:
    """Whether a word of time.words [reference] `base` or `base-year` ends right before offset `at`, white space
    after it: "up 9% from a year ago", 较一年前 (what follows is the start of a span, no time of a figure)."""
    lo = max(0, at - _BASE_REACH)
    return _base_year_words().ends(folded, lo, at, True) or _base_words().ends(folded, lo, at, True)


@lru_cache(maxsize=1)
def _base_words() -> Words:
    """time.words [reference] `base`, read once."""
    return Words(words_of("time", "reference", "base"))


@lru_cache(maxsize=1)
def _base_year_words() -> Words:
    """time.words [reference] `base-year`, read once."""
    return Words(words_of("time", "reference", "base-year"))


_DATES: list = []  # a regex of dates with a month and day ("Jan. 24", "24 January", 1月24日), compiled once


def _dates() -> re.Pattern:
    if not _DATES:
        months = "|".join(sorted((re.escape(w.lower()) for ws in load_words("numbers").get("months", {}).values()
                                  for w in ws), key=len, reverse=True))
        _DATES.append(re.compile(rf"(?<![a-z])(?:{months})\.?\s+[0-9]{{1,2}}(?![0-9])(?:st|nd|rd|th)?"
                                 rf"|(?<![0-9])[0-9]{{1,2}}\s+(?:{months})(?![a-z])"
                                 r"|(?<![0-9])[0-9]{1,2}月[0-9]{1,2}[日号]"))
    return _DATES[0]


def _base_after(folded: str, end: int, stop: int) -> bool:
    """Whether a word of a move's start (time.words [reference] base-after) follows a date ending at `end`."""
    tail = folded[end:min(stop, end + 12)]
    return any(tail.startswith(w) or tail.startswith(" " + w) for w in words_of("time", "reference", "base-after"))


SESSION_GAP = 4  # calendar days from a move's start to its day beyond which it is no one session (a weekend's)


def over_sessions(text, sentence, time: str) -> bool:
    """Whether a sentence measures a move from a date too long before the claim's day `time` (ISO) for one
    session ("slid 25% from Jan. 17's close to the close on Jan. 27"): a move over several days."""
    import datetime

    bases = move_bases(text.folded, sentence.start, sentence.end, has_han(text.folded[sentence.start:sentence.end]))
    if not bases:
        return False
    day = datetime.date.fromisoformat(time)
    for x in text.figures_in(sentence.start, sentence.end):
        if x.unit != "date" or not any(a <= x.start < b for a, b in bases):
            continue
        parts = str(x.value).lstrip("-").split("-")
        if len(parts) == 3 and parts[0].isdigit():
            year, month, dom = parts
        elif len(parts) == 2:
            year, (month, dom) = str(day.year), parts
        else:
            continue
        try:
            start = datetime.date(int(year), int(month), int(dom))
        except ValueError:
            continue
        if not 0 < (day - start).days <= SESSION_GAP:
            return True
    return False


def aside_time_kinds(reader, start: int, end: int) -> set[str]:
    """The kinds of the time words that stand in a figureless relative aside of the sentence folded[start:end]
    (in_bare_aside): what a reading of the sentence's time words as a whole leaves out."""
    _, time_words, _ = _timewords()
    return {kind for m, kind in time_words(reader.folded, start, end, reader._chinese)
            if in_bare_aside(reader, start, end, m.start(), m.end())}


def in_bare_aside(reader, start: int, end: int, a: int, b: int) -> bool:
    """Whether the time word at reader.folded[a:b] stands in a relative aside of its sentence (folded[start:end];
    dsfact.matching.relaside: ", which rode the AI boom last year to the top, plunged 17%", "英伟达，这家去年
    登顶全球市值的公司，周一暴跌17%", "輝達，這家去年市值登頂的公司，週一重挫17%") that holds no figure of its own:
    it tells when the subject did what the aside says, and places no figure of the main clause."""
    from dsfact.matching.relaside import relative_asides
    from dsfact.matching.roles import TIME_UNITS

    for lo, hi in relative_asides(reader.folded, start, end):
        if lo <= a and b <= hi:
            k = bisect.bisect_left(reader.starts, lo)
            return not any(x.start < hi and x.unit not in TIME_UNITS for x in reader.quantities[k:])
    return False


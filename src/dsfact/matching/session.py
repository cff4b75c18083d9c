"""A story told in the middle of a trading day. Its moves of a day's claim are the session's, not the close's:
they may agree with a claim of the day's close but never contradict it, unless their own sentence names the
close ("closed", 收盘). Three marks place a figure there:

- the text's head: its first sentence opens with a word of lang/time.words [session-head] ("By mid-afternoon,
  Nvidia's shares had sunk 17%", 截至发稿), or its title names it a live blog ([session-head] `live`: "US Stock
  Market LIVE: Wall Street sinks ...", 美股直播): every figure after it is the session's;
- the time of writing told anywhere in a passage (time.words [writing]): an hour of the session ("Nvidia
  dropped almost 12% in early trading", "as of 11:30 a.m. ET", 盘中, 早盘), a forecast of the day's outcome ("was heading for the
  biggest one-day loss", "is on track for its worst day", 有望创下, 或将创下) or a snapshot in the present
  tense ("shares are down 13%", 现跌). The mark covers its paragraph, in both directions, up to a sentence
  that names the close: "The Nasdaq was down 3.6%, the S&P 500 2.2%. Nvidia dropped almost 12% in early
  trading." tells two early-trading figures before the mark; in a text none of whose sentences names the
  close (a story written during the session), it covers the paragraphs right before and after its own too,
  but for a sentence there that names its own day ("The Nasdaq fell 3.9% on Monday");
- a level told with a move that is of the day but neither its recorded close nor its low ("added 180.05 points,
  or 0.41%, to 44,604.30": _pinned): it marks its paragraph as a mark does, and the paragraphs around it up to
  one that names the close; a move whose own level is the recorded close stays the close's.

A mark is tight: a sentence that names the close marks nothing (its writer knows the close), nor does an
hour beside an extreme of the day ("as much as 18% in early trading", 盘中一度) or told as an earlier
episode ("fell 17% after dropping 12% in early trading"): a story written after the close tells the day's
range too; nor a forecast of a longer period ("on track for its worst month"). Premarket trading of a day named
beside it ("premarket trading Tuesday", 周二盘前) marks that day's moves (dsfact.matching.premarketday). The day's intraday-low claims keep their own words (roles.words)."""
from __future__ import annotations

import re

from dsfact.matching.premarketday import SessionDays, premarket_days
from dsfact.matching.sessionbound import bound_marks
from dsfact.matching.sessionstamp import stamped_in_session
from dsfact.matching.wordparts import grouped_by_part
from dsfact.matching.wordtables import word_places, word_starting
from dsfact.numbers.patterns import lazy, led_by

_WORDS: list = []  # [(head words, close words, the [writing] table)], read once
HEAD_REACH = 40  # characters: the head word opens the text's first sentence, perhaps after a dateline
_CLAUSE = lazy(r"[;；,，:：、—()（）](?![0-9])")  # a clause's bounds in a sentence ("1,500" is one figure)


_POSSESSIVE_DAY = lazy(r"\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s|’s)\s")
_FOLLOWED = lazy(r"(?<![a-z])(?:following|after) (?:a|an|its|the|monday's|monday’s)(?![a-z])")  # a move it follows
CLOSE_HOUR = 16  # the US session closes at 4 p.m.: a clock time before it is an hour of the session


def _words() -> tuple[tuple[str, ...], tuple[str, ...], dict]:
    if not _WORDS:
        from dsfact.lang import load_words

        times = load_words("time")
        table = times.get("session-head", {})
        _WORDS.append((tuple(table.get("before", ())), tuple(table.get("close", ())), times.get("writing", {}),
                       tuple(table.get("live", ()))))
    return _WORDS[0]


_CLOCK: list = []  # the pattern of a clock time, built once


def _clock() -> re.Pattern:
    """A clock time after a word of [writing] `clock-before` ("at 11:30 a.m.", "as of 2 p.m. ET"), its hour
    and half of the day (`clock-am`, `clock-pm`) as groups."""
    if not _CLOCK:
        table = _words()[2]

        def alternation(key: str) -> str:
            words = sorted(table.get(key, ()), key=len, reverse=True)
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"

        _CLOCK.append(re.compile(led_by(*table.get("clock-before", ())) + r"(?<![a-z])(?:" + alternation("clock-before")
                                 + r")\s+([0-9]{1,2})(?::[0-5][0-9])?\s*"
                                 r"(?:(" + alternation("clock-am") + r")|(" + alternation("clock-pm") + r"))(?![a-z])"))
        _CLOCK_HINT.append(re.compile(r"[0-9]\s*(?:" + alternation("clock-am") + "|" + alternation("clock-pm") + r")(?![a-z])"))
    return _CLOCK[0]


_CLOCK_HINT: list = []  # [what every match of _clock ends with: a digit, then its half of the day], built with it


def _stamp(ascii_only: bool = False) -> re.Pattern:
    """A live blog's time stamp opening a line ([writing] `stamp-zone` and the like: "10:42 ET —", "11:05 a.m. ET:",
    "[10:42]", "10.42am:", 美东时间10:42 —, 北京时间23:45 —), with named groups: the zone before the hour (`east`, an
    East Asian one; `zb`), the half of the day before it (`amb`, `pmb`), the hour, the separator and the minutes,
    the half of the day after them (`am`, `pm`), the zone after them (`za`) and the mark. With `ascii_only`, the
    form for a text of ASCII only: the same pattern without its words and marks that are not ASCII, which cannot
    match there (it finds what the whole one finds in such a text, and costs a fifth as much to compile): until
    the whole one is built for other text."""
    if ascii_only and len(_CLOCK) < 2:
        if not _STAMP_ASCII:
            _STAMP_ASCII.append(re.compile(_stamp_pattern(True), re.M))
        return _STAMP_ASCII[0]
    if len(_CLOCK) < 2:
        _clock()
        _CLOCK.append(re.compile(_stamp_pattern(False), re.M))
    return _CLOCK[1]


_STAMP_ASCII: list = []  # _stamp's form for a text of ASCII only, built once
# what every stamp holds (its `h`, `sep` and `m`): a text without it needs no stamp pattern (compiling the whole
# one costs milliseconds, the ASCII form one; this, a tenth of a millisecond)
_HOUR_MINUTE = lazy(r"[0-9][:.][0-5][0-9]|[0-9]：[0-5][0-9]")


def _stamp_pattern(ascii_only: bool) -> str:
    table = _words()[2]
    kept = str.isascii if ascii_only else bool

    def alt(*keys: str) -> str:
        words = sorted((w for key in keys for w in table.get(key, ()) if kept(w)), key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"

    from dsfact.lang import load_words

    # a weekday before the stamp ("Monday 10:42 ET —", 周一 美东时间10:42) or after its date (1月27日（周一）)
    day = "|".join(re.escape(w) for w in sorted((w for ws in load_words("time").get("weekdays", {}).values()
                                                  for w in ws if kept(w)), key=len, reverse=True)) or "(?!)"
    if ascii_only:  # the marks and the Chinese date (1月27日), which only other text holds, left out
        opening, comma, date, sep, close = r"[ \t>#*_-]*[\[(]?", ",", "", "[:.]", r"[\])]"
    else:
        opening, comma, sep, close = r"[ \t>#*_•-]*[\[【(（]?", "[,，]", "[:：.]", r"[\]】)）]"
        date = r"(?:[0-9]{1,2}月[0-9]{1,2}日[(（]?(?:" + day + r")?[)）]?)?"
    return (r"^" + opening + r"[ \t]*(?:(?:" + day + r")(?![a-z])" + comma + r"?[ \t]*)?(?:(?P<east>" + alt("stamp-zone-east")
            + r")|(?P<zb>" + alt("stamp-zone-before")
            + r"))?\s*" + date + r"\s*(?:(?P<amb>" + alt("stamp-am-before") + r")|(?P<pmb>"
            + alt("stamp-pm-before") + r"))?\s*(?P<h>[0-9]{1,2})(?P<sep>" + sep + r")(?P<m>[0-5][0-9])\s*(?:(?P<am>"
            + alt("clock-am") + r")|(?P<pm>" + alt("clock-pm") + r"))?\s*(?:(?<![a-z])(?P<za>" + alt("stamp-zone")
            + r")(?![a-z]))?[ \t*_]*(?P<mark>" + close + "|" + alt("stamp-marks") + ")")


def _clock_words() -> re.Pattern:
    """A clock time told in Chinese words (美东时间27日上午10时42分, 北京时间晚上11点): an hour before [writing]
    `clock-hour-marks`, with a zone or a half of the day before it (`stamp-zone-before`, `stamp-zone-east`,
    `stamp-am-before`, `stamp-pm-before`), as named groups as in _stamp."""
    if not _CLOCK_WORDS:
        table = _words()[2]

        def alt(key: str) -> str:
            return "|".join(re.escape(w) for w in sorted(table.get(key, ()), key=len, reverse=True)) or "(?!)"

        _CLOCK_WORDS.append(re.compile(
            led_by(*(w for key in ("stamp-zone-east", "stamp-zone-before", "stamp-am-before", "stamp-pm-before")
                     for w in table.get(key, ())), *"0123456789")
            + r"(?:(?P<east>" + alt("stamp-zone-east") + r")|(?P<zb>" + alt("stamp-zone-before") + r"))?(?:[0-9]{1,2}日)?"
            r"(?:(?P<amb>" + alt("stamp-am-before") + r")|(?P<pmb>" + alt("stamp-pm-before") + r"))?"
            r"(?<![0-9])(?P<h>[0-9]{1,2})(?:" + alt("clock-hour-marks") + r")(?![0-9]{0,2}(?:" + alt("clock-not-after") + "))"))
        _CLOCK_WORDS.append(re.compile(r"[0-9](?:" + alt("clock-hour-marks") + ")"))  # what every match holds: an hour
    return _CLOCK_WORDS[0]


_CLOCK_WORDS: list = []  # _clock_words's pattern, and what each of its matches holds; built once (apart from _stamp's:
# a text may need one only)


def _hours(m: re.Match) -> list[int]:
    """The New York hours a stamp or a clock in words (_stamp, _clock_words) may be, in a 24-hour clock."""
    am, pm = m["amb"] or m.groupdict().get("am"), m["pmb"] or m.groupdict().get("pm")
    hours = [int(m["h"]) % 12 + 12 * bool(pm)] if am or pm else [int(m["h"])]
    if m["east"]:  # 北京时间23:45: New York is 12 or 13 hours behind, as its summer time runs or not
        hours = [(h - behind) % 24 for h in hours for behind in (12, 13)]
    return hours


def _clock_hours(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the clock times in folded[start:end] that fall in the session, before its close."""
    out = []
    clock = _clock()
    # most texts tell no hour: the half of the day after a digit, searched from a class of digits, rules the
    # clock's pattern out (that one is tried at every a, b, j, s and u: a tenth of a millisecond a text)
    for m in clock.finditer(folded, start, end) if _CLOCK_HINT[0].search(folded, start, end) is not None else ():
        hour = int(m.group(1)) % 12 + (12 if m.group(3) else 0)
        if hour < CLOSE_HOUR:
            out.append(m.span())
    if folded.isascii():
        return out
    words = _clock_words()  # (tried at every digit and at eleven characters: the hour's mark after a digit first)
    for m in words.finditer(folded, start, end) if _CLOCK_WORDS[1].search(folded, start, end) is not None else ():
        if (m["amb"] or m["pmb"] or m["zb"] or m["east"]) and any(h < CLOSE_HOUR for h in _hours(m)):
            out.append(m.span())
    return out


def stamped(text) -> tuple[list[int], set[int]]:
    """The sentences of the lines that a live blog's time stamp of the session opens (_stamp: "10:42 ET — Nvidia
    shares down 15%"), those that name the close left out; and those of every stamped line, whatever its hour
    ("16:05 ET —": an entry after the close), which no other entry's mark covers."""
    folded, out, entries = text.folded, [], set()
    if _HOUR_MINUTE.search(folded) is None:
        return out, entries  # no stamp (each has its hour and minutes): _stamp's costly pattern not compiled
    for m in _stamp(folded.isascii()).finditer(folded):
        am, pm, bracketed = m["amb"] or m["am"], m["pmb"] or m["pm"], m["mark"] in "]】)）"
        if (m["sep"] == "." and not (am or pm)) or not (am or pm or m["za"] or m["zb"] or m["east"] or bracketed) \
                and m["mark"] not in "—–":
            continue  # "3:30: ..." or "2.5 —" is no stamp; "10:42 —", "[10:42]", "10.42am:" are
        session = any(h < CLOSE_HOUR for h in _hours(m))
        line_end = folded.find("\n", m.end())
        k = text.sentence_of(m.end())
        while 0 <= k < len(text.sentences) and (line_end < 0 or text.sentences[k].start < line_end):
            x = text.sentences[k]
            entries.add(k)
            if session and not names_close(folded, x.start, x.end):
                out.append(k)
            k += 1
    return out, entries


def mid_session(text, q, time: str | None = None) -> bool:
    """Whether figure q is a move of the session a text tells in its middle (its head, or a mark of the time
    of writing in q's passage): its sentence names no close (`text`: a TextMatcher). With the claim's day
    (`time`, ISO), a mark that names only other days tells their session, not the claim's."""
    found = getattr(text, "_mid_session", None)  # read once per text
    if found is None:
        text._anchored, pinned = _pinned(text)
        found = _told_mid_session(text) or _written_during(text)
        if found is not True:
            for si, days in pinned.items():
                found.setdefault(si, []).extend(days)
            for si, days in bound_marks(text, names_close, _days).items():  # "crash by over $300 billion"
                found.setdefault(si, []).extend(days)
            for si, days in europe_close(text).items():  # "London's blue chips ended flat ... the Nasdaq was down"
                found.setdefault(si, []).extend(days)
        text._mid_session = found
    if not found or q.start in text._anchored:
        return False  # (a move whose level is the registered close's is the close's)
    si = text.sentence_of(q.start)
    if found is not True:
        marks = found.get(si)
        if marks is None:
            return False
        own = _days(text, si)
        head = _days(text, 0) if own and si else frozenset()  # the day the text's first sentence names: its present
        mine = _own_days(text, q)
        if mine and all((days or head) and not (days or head) & mine for days in marks):
            return False  # "纳指在周一重挫3.1%后，周二涨幅达2%": a move told with its own day, not the day being told
        if own and all((days or head) and not (days or head) & own for days in marks):
            return False  # "Nvidia fell 14% on Monday. At 3 p.m. on Tuesday ...": the mark is of another day; so is
            # one that names none in a text whose head names another ("Tokyo stocks fell on Tuesday ... On Monday,
            # Nvidia shed $589 billion ... SoftBank dropped 5% in early trading")
        if not own and time and all(days and not _of_day(days, time, text) for days in marks):
            return False  # "Nvidia's $589 billion loss ... ¶ chip stocks began to recover on Tuesday morning"
    sentence = text.sentences[si]
    if _FOLLOWED.search(text.folded, text.reader().clause_span(q.start)[0], q.start):
        return False  # "Nvidia rose 1.4% following a 17% fall that wiped $589 billion": the episode before the moment
    return not names_close(text.folded, sentence.start, sentence.end) and not _whole_session(text.folded, sentence)


EUROPE_LEAD = 2  # sentences at a text's head in which Europe's close marks a wrap of Europe's session


def europe_close(text) -> dict[int, list[frozenset[str]]]:
    """The sentences a European market's close told at a text's head covers (time.words [writing] `europe-close`:
    "London's blue chips ended flat on Monday"): the text is written at Europe's close, in New York's
    morning, so its sentences that name neither the close nor a European market are of the session, each with the
    days that head sentence names. {} for any other text."""
    words = _words()[2].get("europe-close", ())
    sentences, folded = text.sentences, text.folded
    head = next((k for k, s in enumerate(sentences[:EUROPE_LEAD]) if names_close(folded, s.start, s.end)
                 and next(_found(folded, s.start, s.end, words), None) is not None), None)
    if head is None:
        return {}
    days = _days(text, head)
    return {k: [days] for k, s in enumerate(sentences) if not names_close(folded, s.start, s.end)
            and next(_found(folded, s.start, s.end, words), None) is None}


def _whole_session(folded: str, sentence) -> bool:
    """Whether a sentence that a mark of another sentence covers tells its move over the whole session ("$600 billion
    evaporated in a single trading session", 全日市值蒸发: time.words [writing] `whole`): the session's total, told
    after its close, whatever hour the sentence before named; not when its own words mark the time of writing."""
    return next(_found(folded, sentence.start, sentence.end, _words()[2].get("whole", ())), None) is not None \
        and not marks_writing(folded, sentence.start, sentence.end)


def _days(text, si: int) -> frozenset[str]:
    """The days sentence si names: its weekdays and the dates that give their day ("weekday:0", "--01-27")."""
    from dsfact.matching.timewords import time_tags

    sentence, folded = text.sentences[si], text.folded
    days = {t.rstrip("~<") for t in time_tags(folded, sentence.start, sentence.end) if t.startswith("weekday:")}
    for x in text.figures_in(sentence.start, sentence.end):
        value = str(x.value)
        if x.unit == "date" and (len(value) == 10 or (value.startswith("--") and len(value) == 7)):
            days.add(value[-5:])
    return frozenset(days)


def day_named(text, si: int, time: str) -> bool:
    """Whether sentence si names the day `time` (ISO) as a weekday or a date (_days, _of_day)."""
    days = _days(text, si)
    return bool(days) and _of_day(days, time, text)


def _moment_days(text, si: int) -> frozenset[str]:
    """The days of the moment a marking sentence tells: those it names (_days) but a weekday it names only as the
    owner of another thing ("was up 0.3% in early trading after Monday's 3.1% decline", 早盘收复周一的部分失地):
    that recalls the day before, the moment is the text's present."""
    from dsfact.matching.timewords import possessive_days

    s = text.sentences[si]
    return _days(text, si) - possessive_days(text.folded, s.start, s.start, s.end)


def _own_days(text, q) -> frozenset[str]:
    """The days figure q's own words name, in _days's form: "在周一重挫3.1%" names Monday."""
    days = set()
    for t in text.reader().times(q):
        if t.startswith("weekday:"):
            days.add(t.rstrip("~<"))
        elif t.startswith("date:") and (len(t) == 15 or (t.startswith("date:--") and len(t) == 12)):
            days.add(t[-5:])
    return frozenset(days)


def _of_day(days: frozenset[str], time: str, text) -> bool:
    """Whether a mark's days ("weekday:1", "--01-28") may be the claim's day `time` (ISO): the same weekday
    or date, or in a text with Chinese the day after (a US session told in East Asian time)."""
    import datetime

    claim = datetime.date(*map(int, time.split("-")))
    later = 0 if isinstance(days, SessionDays) else 1 if text.reader()._chinese else 0  # (a premarket's day is
    # the US day it names: premarketday)
    for d in days:
        if d.startswith("weekday:"):
            if (int(d[8]) - claim.weekday()) % 7 <= later:
                return True
        elif d[-5:] in {(claim + datetime.timedelta(days=k)).isoformat()[-5:] for k in range(later + 1)}:
            return True
    return False


def names_close(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] names the day's close ("closed down 17%", 收盘), not a time before it ("close
    to 12%", "ahead of the close", 收盘前: [writing] `not-close`)."""
    close, table = _words()[1], _words()[2]
    spans = list(_found(folded, start, end, close))
    if not spans:
        return False
    others = list(_found(folded, start, end, table.get("not-close", ())))
    return any(not any(a <= s and e <= b for a, b in others) for s, e in spans)


def _told_mid_session(text) -> bool:
    if not text.sentences:
        return False
    first = text.sentences[0]
    folded = text.folded
    head = folded[first.start:min(first.end, first.start + HEAD_REACH)].lstrip(" \t\n\"'“‘「")
    return word_starting(head, _words()[0]) is not None or next(_found(folded, first.start, first.end, _words()[3]), None) is not None


def _written_during(text) -> dict[int, list[frozenset[str]]]:
    """The sentences a mark of the time of writing covers (those of a marking sentence's paragraph reached from
    it without passing a sentence that names the close), each with the days its marks name (_days)."""
    sentences, folded = text.sentences, text.folded
    found = {text.sentence_of(at) for anchor, words in _writing_anchored() if anchor in folded
             for w in words if w in folded for at in word_places(folded, w)}  # (`in` first: most words are not there)
    found = sorted(found | {text.sentence_of(at) for at, _ in _clock_hours(folded, 0, len(folded))})
    lines, entries = stamped(text)
    lines = lines + [k for k in stamped_in_session(text) if k not in lines]  # "Last Updated: ... 9:38 PM IST"
    if lines:
        lines = set(lines)
        found = sorted(set(found) | lines)
    covered: dict[int, list[frozenset[str]]] = {}
    for si in found:
        s = sentences[si]
        early = premarket_days(text, si, _words()[2].get("premarket", ())) \
            if si not in lines and not names_close(folded, s.start, s.end) else None  # "premarket trading Tuesday"
        if si not in lines and (not (early or marks_writing(folded, s.start, s.end)) or _other_market(text, si)):
            continue  # ("In early trading, Japan's Nikkei fell 1.5%": Tokyo's session, not the one of the claims)
        days = early or _moment_days(text, si)
        covered.setdefault(si, []).append(days)
        for step in (-1, 1):
            k = si + step
            while 0 <= k < len(sentences) and sentences[k].paragraph == s.paragraph and (k not in entries or k in lines) \
                    and not names_close(folded, sentences[k].start, sentences[k].end):
                covered.setdefault(k, []).append(days)
                k += step
    if covered and not any(names_close(folded, x.start, x.end) for x in sentences):
        for k in _headline(text):  # "Nasdaq down 3%, Nvidia crashes 15%" over a story of early trading
            covered.setdefault(k, []).append(frozenset())
        # a story that never names the close was written during the session: a mark reaches the paragraphs right
        # before and after its own too, its passage ("Investors dumped Nvidia, erasing $410 billion. ¶ Its shares
        # slid 12% at market open"), each with the days the mark names; not a sentence that names a day of its
        # own ("The Nasdaq fell 3.9% on Monday. ¶ Nvidia dropped 12% in early trading" tells the day's move)
        marks = {si: covered[si][0] for si in found if si in covered}
        for si, days in marks.items():
            paragraph = sentences[si].paragraph
            for k, x in enumerate(sentences):
                if abs(x.paragraph - paragraph) == 1 and k not in entries and not _days(text, k):
                    covered.setdefault(k, []).append(days)
    return covered


def _other_market(text, si: int) -> bool:
    """Whether sentence si tells the session of another market (time.words [writing] `elsewhere`: "Japan's
    Nikkei", 日经, 港股) and names no subject of a claim of a day: its hour is that market's, not the time of
    writing of the day the claims tell."""
    s = text.sentences[si]
    if next(_found(text.folded, s.start, s.end, _words()[2].get("elsewhere", ())), None) is None:
        return False
    claims = text.registry.claims
    return not any((claims[ci].time or "").count("-") == 2
                   for h in text.sentence_hits(si) for ci in text.index.naming(h.cue)[1])


def _headline(text) -> range:
    """The sentences of a text's headline: its first paragraph when that is one line with no closing mark and a
    paragraph follows it. A story written during the session, whose sentences name no close, was headlined then."""
    sentences = text.sentences
    first = sentences[0].paragraph
    n = next((k for k, x in enumerate(sentences) if x.paragraph != first), 0)
    if not n:
        return range(0)
    line = text.text[sentences[0].start:sentences[n - 1].end].strip()
    from dsfact.matching.gate import _CLOSING

    return range(0) if "\n" in line or line.endswith(_CLOSING) else range(n)


def _pinned(text) -> tuple[set[int], dict[int, list[frozenset[str]]]]:
    """A level told with a move pins the moment the move was measured ("the Dow added 180.05 points, or 0.41%, to
    44,604.30"): of its claim's day (near the levels the registry records for its index and day) but neither
    its close nor its extreme at the writer's rounding (dsfact.matching.levels.session_moment), it marks a
    snapshot of the session, as an hour does, when its sentence names no close and its clause no extreme or
    earlier episode. (The starts of the moves whose level is a recorded one, which stay the close's; the
    sentences the pins cover, each with the days its pin names.) A pin covers its paragraph both ways up to a
    sentence that names the close, as a mark does, and the paragraphs before and after it up to one that names
    the close: a headline line of index moves ("Dow up 0.5%, Nasdaq down 3.7%") is the same snapshot."""
    anchored: set[int] = set()
    quantities = text._quantities or []
    levels = text.index.point_levels
    if not quantities or not levels:
        return anchored, {}
    from dsfact.matching.levels import session_moment

    reader, folded, claims = text.reader(), text.folded, text.registry.claims
    table = _words()[2]
    pins: list[int] = []
    for x in quantities:
        if x.direction is not None or x.unit not in ("count", "point"):
            continue
        moved = reader.ends_told_move(x)
        if moved is None:
            continue
        si = text.sentence_of(x.start)
        sentence = text.sentences[si]
        hit = max((h for h in text.sentence_hits(si) if h.end <= moved.start
                   and text.index.claims_by_role(h.cue)[1] & levels), key=lambda h: h.end, default=None)
        if hit is None:
            continue  # a level of an index the registry records nothing of
        own = [claims[i] for i in text.index.claims_by_role(hit.cue)[1] & levels]
        fixed, day = session_moment(x, own)
        if fixed:
            anchored.update(m.start for m in text.figures_in(hit.end, x.start))  # "rose 289.33 points, or 0.65%,"
        elif day is not None and not names_close(folded, sentence.start, sentence.end) \
                and not any(True for key in ("extreme", "earlier") for _ in _found(folded, hit.start, x.end, table.get(key, ()))):
            pins.append(si)
    covered: dict[int, list[frozenset[str]]] = {}
    if not pins:
        return anchored, covered
    sentences = text.sentences
    closes = {k for k, s in enumerate(sentences) if names_close(folded, s.start, s.end)}  # read once
    closing = {sentences[k].paragraph for k in closes}
    for si in dict.fromkeys(pins):
        days, paragraph = _days(text, si), sentences[si].paragraph
        for step in (-1, 1):
            k = si if step < 0 else si + 1
            while 0 <= k < len(sentences) and k not in closes \
                    and (sentences[k].paragraph == paragraph or sentences[k].paragraph not in closing):
                covered.setdefault(k, []).append(days)
                k += step
    return anchored, covered


def marks_writing(folded: str, start: int, end: int) -> bool:
    """Whether the sentence folded[start:end] tells the time of writing as a moment of the session (an hour, a
    forecast of the day, a present snapshot, a move pared from the premarket one), and names no close."""
    table = _words()[2]
    hours = list(_found(folded, start, end, table.get("hour", ()))) + _clock_hours(folded, start, end)
    forecasts = list(_found(folded, start, end, table.get("forecast", ())))
    present = list(_found(folded, start, end, table.get("present", ())))
    # a move shrunk from the premarket one: "climbed 2%, still far from the 5% gains seen in premarket trading"
    pared = all(next(_found(folded, start, end, table.get(key, ())), None) for key in ("premarket", "pared"))
    if not (hours or forecasts or present or pared) or names_close(folded, start, end):
        return False
    if pared:
        return True
    bounds = [start] + [m.start() for m in _CLAUSE.finditer(folded, start, end)] + [end]

    def clause_says(at: int, *keys: str, own: tuple[int, int] = (0, 0), before: str = "") -> bool:
        k = max(i for i, b in enumerate(bounds) if b <= at)
        a, b = bounds[k], bounds[min(k + 1, len(bounds) - 1)]
        # a word of the hour's own words is not another's ("shortly after the opening bell" tells no earlier episode)
        return any(not (own[0] <= x and y <= own[1]) for key in keys for x, y in _found(folded, a, b, table.get(key, ()))) \
            or bool(before) and any(y <= at or not _POSSESSIVE_DAY.match(folded, y)
                                    for x, y in _found(folded, a, b, table.get(before, ())))

    # an earlier episode holds the hour when its word comes first ("fell 17% after dropping 12% in early trading");
    # one after the hour that names another day's episode tells what the moment follows ("was up 0.3% in early
    # trading after Monday's 3.1% drop"); one after it that names no day still tells the earlier episode
    return any(not clause_says(s, "forecast-not") for s, _ in forecasts) \
        or any(not clause_says(s, "extreme", own=(s, e), before="earlier") for s, e in hours) \
        or any(not clause_says(s, "present-not") for s, _ in present)


_ANCHORED: list = []  # [((anchor, the writing words that hold it), ...)], built once


def _writing_anchored() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The words of an hour, forecast, snapshot or premarket ([writing]) grouped by a part each one holds
    (dsfact.matching.wordparts): a text without the part holds none of its words, so one test of `in` rules out a
    group (most texts hold few of the 200-odd words; finding each in every text cost 0.3 ms a text)."""
    if not _ANCHORED:
        table = _words()[2]
        _ANCHORED.append(grouped_by_part(dict.fromkeys(table.get("hour", ()) + table.get("forecast", ())
                                                       + table.get("present", ()) + table.get("premarket", ()))))
    return _ANCHORED[0]


def _found(folded: str, start: int, end: int, words):
    """The spans of the words in folded[start:end] (a Latin word whole: wordtables.word_places)."""
    for w in words:
        for at in word_places(folded, w, start, end):
            yield at, at + len(w)

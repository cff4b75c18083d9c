"""Days told by another day of the sentence: "the day before" a weekday it names (time.words [relative]
previous-day: "rose 8.9% on Tuesday, after falling 17% the day before", "周二反弹8.9%，此前一天市值蒸发近6000亿
美元") is that weekday's previous session, and a weekday a move is measured from ("from Friday's close to
Monday's", 较上周五; time.words [reference] `base`) is no time of the move when another weekday ends it.
dsfact.matching.roles.FigureReader places a sentence's time words through here."""
from __future__ import annotations

import bisect
import re

from dsfact.lang import load_words, words_of
from dsfact.matching.wordtables import Words

_BASE: list = []  # [Words of time.words [reference] base, a regex of the weekdays], read once
_BASE_REACH = 24  # characters before a weekday searched for a base word


def place_time_words(reader, start: int, end: int, skip: list[tuple[int, int]]) -> None:
    """Place the figures of the sentence reader.folded[start:end] by its time words (those not in `skip`,
    a record's reference points); "the day before" by the weekday it counts back from, remembered in
    reader._day_before (placed_by_day_before)."""
    from dsfact.matching.timewords import inside, time_words

    found = [(m.start(), m.end(), kind)
             for m, kind in time_words(reader.folded, start, end, reader._chinese) if not inside(m.start(), skip)]
    for a, b, kind in found:
        if kind != "previous-day":
            reader._place(a, b, kind)
            continue
        tag = _day_before(a, found)
        if tag is not None:
            reader._day_before.add(reader._place(a, b, tag))


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


def placed_by_day_before(reader, q) -> bool:
    """Whether figure q's day is the day before a weekday its sentence names: inferred from that weekday, it
    may agree with a claim of the day but not contradict one (dsfact.matching.doubt)."""
    reader.times(q)
    k = bisect.bisect_left(reader.starts, q.start)
    placed = reader._day_before
    return k in placed or (k not in reader._times and reader.sentence_of(q.start)[0] in placed)


def move_bases(folded: str, start: int, end: int, chinese: bool) -> list[tuple[int, int]]:
    """The weekdays of the sentence folded[start:end] that a move is measured from, when another weekday
    of it, not one of those, places the move ("from Friday's close to Monday's", "周一收盘较上周五下跌17%")."""
    if not _BASE:
        words = [w for day in load_words("time").get("weekdays", {}).values() for w in day]
        _BASE[:] = [Words(words_of("time", "reference", "base")),
                    re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))]
    first = _BASE[1].search(folded, start, end)  # two weekdays at least, found cheaply before the time words
    if first is None or _BASE[1].search(folded, first.end(), end) is None:
        return []
    from dsfact.matching.roles import lexicon

    lex = lexicon()
    days = [m for m in lex.time.get(chinese).finditer(folded, start, end)
            if lex.time_kinds.get(" ".join(m.group().split()), "").startswith("weekday:")]
    if len(days) < 2:
        return []
    out = []
    for m in days:
        b = m.start()
        if folded.endswith("last ", start, b):  # "from last Friday's close"
            b -= 5
        elif folded.endswith("上", start, b):  # 较上周五
            b -= 1
        if _BASE[0].ends(folded, max(start, b - _BASE_REACH), b, chinese):
            out.append((m.start(), m.end()))
    return out if len(out) < len(days) else []

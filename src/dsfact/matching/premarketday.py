"""Premarket trading of a named day as the time of writing. A story that tells the premarket session of a day it
names ("chipmakers are climbing in premarket trading Tuesday", "Tuesday's premarket", 周二盘前, 週二美股盤前) was
written before that day's open: the moves it tells of that day without a day of their own ("Nvidia shares
jumped about 5%, while AMD added 2%", "英伟达涨近5%") are premarket moves, not the day's close, and may agree with
a claim of the day's close but never contradict it (dsfact.matching.session reads the mark as it reads an hour of
the session). The mark is tight: its day is the one named right beside the premarket word (within DAY_BEFORE
characters before it, or right after it, perhaps after "on"), not another day its sentence recalls ("rose 5% in
premarket trading after Monday's 17% fall" names no premarket day and marks nothing), and only a claim of that very
day is covered (SessionDays: no day's shift for a text in East Asian time); a sentence that names the close
("closed up 8.9% on Tuesday") marks nothing and is never covered. Words: time.words [writing] `premarket`."""
from __future__ import annotations

DAY_BEFORE = 10  # characters before the premarket word where its day may stand: "tuesday's ", 周二美股
DAY_AFTER = 9  # characters after it (and an "on "): the longest weekday, "wednesday", must start right there


class SessionDays(frozenset):
    """The days a premarket mark names: a claim of exactly these days is covered (dsfact.matching.session._of_day)."""


def premarket_days(text, si: int, premarket: tuple[str, ...]) -> SessionDays | None:
    """The weekdays that a premarket word of sentence si names right beside it ("weekday:1"), or None when it names
    none (`text`: a TextMatcher; `premarket`: the words of [writing] `premarket`)."""
    from dsfact.matching.timewords import time_tags
    from dsfact.matching.wordtables import word_places

    folded, sentence = text.folded, text.sentences[si]
    days: set[str] = set()
    for w in premarket:
        for at in word_places(folded, w, sentence.start, sentence.end):
            end = at + len(w)
            after = end + len(folded[end:sentence.end]) - len(folded[end:sentence.end].lstrip())
            if folded.startswith(("on ", "trading "), after):
                after = folded.index(" ", after) + 1
            for a, b in ((max(sentence.start, at - DAY_BEFORE), at), (after, min(sentence.end, after + DAY_AFTER))):
                days.update(t.rstrip("~<") for t in time_tags(folded, a, b) if t.startswith("weekday:"))
    return SessionDays(days) if days else None

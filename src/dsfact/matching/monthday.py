"""A day of the month said alone in a figure's sentence, as Chinese news writes the days of the week it reports:
"27日，英伟达市值蒸发5890亿美元", "輝達27日股價重挫17%", "北京时间28日凌晨，英伟达收跌17%" (time.words
[day-of-month]). The figure reader reads no date there (a number of days is no date), so a text dated the day after
the story's left such a figure unanchored: neither on the claim's day nor on another. A person reads the day of the
month of the text's own month: in a text written in the claim's month, a few days after its day at most, a lone "27日"
is the 27th of that month, and "28日凌晨" told in East Asian time is the US session of the 27th
(dsfact.matching.when.east_of). Every such day of the sentence must be the claim's ("27日跌17%，28日反弹8.9%" places
its figures on two days, and the clause decides, as before), and none may follow a month or a year of its own
("2月27日" is a date the reader reads). English writes no day alone ("on the 27th" is rare and left as it was).
"""
from __future__ import annotations

import datetime

from dsfact.matching.when import east_of, resolve_day

WITHIN_DAYS = 7  # a text written this many days after the claim's day at most still means that month's day


def claims_month_day(text, sentence, time: str) -> bool:
    """Whether sentence (of `text`, a TextMatcher) names, by days of the month alone, only the day of a claim tied to
    `time` ("2025-01-27"), in a text dated in the claim's month within WITHIN_DAYS after it."""
    if not text.day or len(text.day) != 10 or len(time) != 10:
        return False
    claim, written = resolve_day(time, int(time[:4])), resolve_day(text.day, int(time[:4]))
    if claim is None or written is None or not 0 <= (written - claim).days <= WITHIN_DAYS \
            or (written.year, written.month) != (claim.year, claim.month):
        return False
    from dsfact.lang import words_of
    from dsfact.matching.roles import lexicon

    folded, found = text.folded, False
    opens_before = words_of("time", "day-of-month", "open-before", longest_first=True)
    opens_after = words_of("time", "day-of-month", "open-after", longest_first=True)
    for m in lexicon().day_of_month.get(True).finditer(folded, sentence.start, sentence.end):
        lead = folded[max(sentence.start, m.start() - 4):m.start()].rstrip()
        if lead.endswith(("月", "年", "/", "-", ".")):
            return False  # a date the reader reads, or one of its parts
        if lead.endswith(opens_before) or folded[m.end():m.end() + 4].lstrip().startswith(opens_after):
            return False  # "自27日起", "27日以来": a span's end, not the figures' day
        day = int(m.group(1))
        if east_of(folded, m.start(), m.end()):
            day -= 1  # told in East Asian time: the US session of the day before
        try:
            told = datetime.date(claim.year, claim.month, day)
        except ValueError:
            return False
        if told != claim:
            return False
        found = True
    return found

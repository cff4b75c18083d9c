"""A price told as of a month named alone: "(from September baselines before the cut) ... $0.56 per 1M", "此前9月的
基准价为0.56美元". A price is a state as of its source (dsfact.matching.when.priced_earlier): a month of no year near
the days its claim's sources were written tells another price. The year is the one the text implies for the
month (its own date; else a day of that month with its year that the text names, "On September 29, 2025, ...");
without one, the month must fall near the sources in no year around them. The words that make an English month's
name a time are language data (time.words [bare-month]).

So is a price told in a text written months after those sources (`priced_later`): "DeepSeek的API对于缓存命中的输入，
价格通常为0.2元/百万tokens", answered in September 2025, gives the price of that day, not January's list's.
And a price told as the one now in force ("官方最新定价为……输出价格为12元/百万tokens", "the new pricing") in a text
that names a later version of a registered model (V3.1, V3.2: `priced_as_latest`, time.words [latest-price])."""
from __future__ import annotations

import datetime
import re

from dsfact.matching.sourcedays import all_source_days, source_days
from dsfact.matching.when import LATER_DAYS, implied_year
from dsfact.numbers.patterns import led_by

_MONTHS: list = []  # [the pattern of an English month alone, {name: month}], built once


def _months() -> tuple[re.Pattern, dict[str, int]]:
    if not _MONTHS:
        from dsfact.lang import load_words, words_of

        # only names longer than three letters, since an abbreviation may be a word ("mar"); so is "may", which
        # is therefore never read as a month here
        names = {w: int(k) for k, ws in load_words("numbers").get("months", {}).items() for w in ws if len(w) > 3}
        before = "|".join(re.escape(w) for w in sorted(words_of("time", "bare-month", "before"), key=len, reverse=True))
        after = "|".join(re.escape(w) for w in sorted(words_of("time", "bare-month", "after"), key=len, reverse=True))
        month = "|".join(sorted(names, key=len, reverse=True))
        # (opened by the characters a match begins with: the same matches, found without trying every character)
        starts = list(words_of("time", "bare-month", "before")) + list(names)
        lead = led_by(*starts) if before and month else ""
        _MONTHS[:] = [re.compile(lead + rf"(?:(?<![A-Za-z])(?:{before})\s+(?P<a>{month})(?![A-Za-z.]?\s*\d))"
                                 rf"|(?:(?<![A-Za-z])(?P<b>{month})(?:\s+|(?=['’]))(?:{after})(?![A-Za-z]))",
                                 re.IGNORECASE), {k.lower(): v for k, v in names.items()}]
    return _MONTHS[0], _MONTHS[1]


def priced_in_other_month(text, q, claim) -> bool:
    """Whether figure q, a price (its claim has a `per`), stands in a sentence that names a month alone which
    falls near the days of none of its claim's sources (`text`: a TextMatcher)."""
    if claim.per is None or q.unit == "date":
        return False
    days = source_days(claim, text.registry.sources)
    if not days:
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    months = [int(str(x.value)[2:4]) for x in text.figures_in(sentence.start, sentence.end)
              if x.unit == "date" and len(str(x.value)) == 4 and str(x.value).startswith("--")]
    pattern, names = _months()
    for m in pattern.finditer(text.text, sentence.start, sentence.end):
        word = m.group("a") or m.group("b")
        if word[0].isupper():
            months.append(names[word.lower()])
    if not months:
        return False
    first = datetime.date.fromisoformat(min(days)) - datetime.timedelta(days=LATER_DAYS)
    last = datetime.date.fromisoformat(max(days))
    import calendar  # here, not at import: it imports the locale module, which a run seldom needs

    for month in months:
        year = implied_year(f"--{month:02d}", text.day) or _year_named(text, month)
        years = [year] if year else sorted({int(d[:4]) + k for d in days for k in (-1, 0, 1)})
        if not any(datetime.date(y, month, 1) <= last and first <= datetime.date(y, month, calendar.monthrange(y, month)[1])
                   for y in years):
            return True
    return False


def _year_named(text, month: int) -> int | None:
    """The year of the last day of `month` with its year the text names ("September 29, 2025"), else None."""
    from dsfact.matching.undated import text_dates

    years = [int(str(x.value)[:4]) for x in text_dates(text)
             if str(x.value)[:4].isdigit() and len(str(x.value)) >= 7 and int(str(x.value)[5:7]) == month]
    return years[-1] if years else None


def priced_later(text, q, claim) -> bool:
    """Whether figure q, a price (its claim has a `per`), stands in a text whose own date falls LATER_DAYS or more
    after every source of its claim, in a sentence that names no day of the time of those sources: the price it
    tells is the one of the day the text was written, which may agree with the sources' but never contradicts
    them. A date of that time in its sentence ("2025年1月20日发布时", "at launch on January 20, 2025") recalls the
    sources' price, which is judged."""
    if claim.per is None or q.unit == "date" or not text.day or text.day.startswith("--"):
        return False
    days = all_source_days(claim, text.registry.sources)
    if not days:
        return False
    try:
        written = datetime.date.fromisoformat(text.day[:10])
    except ValueError:
        return False
    first = datetime.date.fromisoformat(min(days)) - datetime.timedelta(days=LATER_DAYS)
    last = datetime.date.fromisoformat(max(days))
    if (written - last).days < LATER_DAYS:
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    for x in text.figures_in(sentence.start, sentence.end):
        value = str(x.value)
        if x.unit == "date" and value[:4].isdigit() and len(value) >= 7:
            try:
                month = datetime.date(int(value[:4]), int(value[5:7]), 1)
            except ValueError:
                continue
            if first <= month <= last + datetime.timedelta(days=LATER_DAYS):
                return False
    return True



def priced_as_latest(text, q, claim) -> bool:
    """Whether figure q, a price (its claim has a `per`), stands in a sentence that tells it as the price now in
    force (time.words [latest-price]: 最新定价, "the new pricing"), before the figure, in a text that names a
    later version of a registered model anywhere (dsfact.matching.laterversion.later_version_in)."""
    if claim.per is None or q.unit == "date":
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    before = text.folded[sentence.start:q.start]
    latin, chinese = _latest_words()
    if not any(w in before for w in chinese) and latin.search(before) is None:
        return False
    from dsfact.matching.pertext import remembered

    return remembered(text, "_names_later_version", None, _names_later_version)


def _names_later_version(text, _key) -> bool:
    from dsfact.matching.laterversion import later_version_in

    return later_version_in(text, 0, len(text.folded))


_LATEST: list = []


def _latest_words() -> tuple[re.Pattern, tuple[str, ...]]:
    """time.words [latest-price]: (the Latin words as one pattern, each whole; the Chinese words), built once."""
    if not _LATEST:
        from dsfact.lang import words_by_script
        from dsfact.matching.wordtables import whole_words

        latin, chinese = words_by_script("time", "latest-price", longest_first=True)
        _LATEST.append((whole_words(latin, "a-z"), chinese))
    return _LATEST[0]

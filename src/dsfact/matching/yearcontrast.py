"""A year's figure told as "this year" beside the claim's year named for another figure of its kind: "Meta's
capex this year is expected to reach $135 billion, far above the $72 billion of 2025", "今年资本开支预计达
1350亿美元，远超2025年的722亿美元". A writer who names 2025 for one figure and says "this year" of the other in
the same sentence means two years: "this year" is not the claim's year, whatever the rest of the text says
(dsfact.matching.doubt.doubts_time reads it as another day). A figure placed in the claim's year by its own
words ("今年（2025年）") is that year's.

Two more marks of a year's figure told after the year: the year set as the base a later figure is measured against
(`year_as_base`: "vs 2025 capex ($72.22B)", 较2025年的722.2亿美元), and, for a text of no date of its own, the latest
day it names (`day_named_last`: "2025年11月24日，…" over a table of 2025 guidance), or the first day of the latest
month it names with its year (`written_no_earlier`: "The company gave the range in May 2025"), which dates the text
no earlier."""
from __future__ import annotations

import re

from dsfact.fold import has_han
from dsfact.matching.when import WRITTEN_YEAR, year_kind
from dsfact.numbers.patterns import lazy

_RELATIVE = frozenset(("current-year", "next-year"))


def year_set_apart(text, q, year: str) -> bool:
    """Whether figure q is placed in "this year" or "next year" by its own words while its sentence names the
    claim's `year` for another figure of q's unit, and nothing of q's own places it in that year."""
    reader = text.reader()
    own = reader.times(q)
    if not any(year_kind(t)[0] in _RELATIVE for t in own) or any(t.startswith("date:" + year) for t in own):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    if not any(m.group(1) == year for m in WRITTEN_YEAR.finditer(text.text, sentence.start, sentence.end)):
        return False
    return any(x is not q and x.unit == q.unit and any(t.startswith("date:" + year) for t in reader.times(x))
               for x in text.figures_in(sentence.start, sentence.end))


_BASE: list = []  # [Words of time.words [reference] base], read once
_BASE_REACH = 40  # characters from the claim's year to a figure it is the base of ("vs 2025 capex ($72.22B)")
_BASE_WORD = 16  # characters before the year searched for a word of the base


def year_as_base(text, q, year: str) -> bool:
    """Whether figure q is the claim's year's figure set as the base a later one is measured against, in a text
    that names a later year: a word of time.words [reference] `base` right before the year ("up 59% to 87% vs 2025
    capex ($72.22B)", "较2025年的722.2亿美元大幅飙升"), q after it in its sentence, no other figure of its unit
    between. A year measured against is past: its figure is the year's outcome, not the plan told in it."""
    folded = text.folded
    sentence = text.sentences[text.sentence_of(q.start)]
    for m in WRITTEN_YEAR.finditer(folded, max(sentence.start, q.start - _BASE_REACH), q.start):
        if m.group(1) != year or any(x.unit == q.unit for x in text.figures_in(m.end(), q.start)):
            continue
        if _base().ends(folded, max(sentence.start, m.start() - _BASE_WORD), m.start(), has_han(folded[m.start():q.end])) \
                and _later_year_written(text, year):
            return True
    return _base_then_year(text, q, year, sentence)


def _base_then_year(text, q, year: str, sentence) -> bool:
    """year_as_base's other order: a `base` word right before figure q and the claim's `year` after it in its
    clause ("up substantially from $72 billion in capex in 2025"), in a text that names a later year. Not a
    range, which "from" and "between" open as its own words ("capex from $60 billion to $65 billion in 2025")."""
    if q.high is not None or not _base().ends(text.folded, max(sentence.start, q.start - _BASE_WORD), q.start,
                                               has_han(text.folded[sentence.start:q.end])):
        return False
    end = min(text.reader().clause_span(q.start)[1], q.end + _BASE_REACH)
    for m in WRITTEN_YEAR.finditer(text.folded, q.end, end):
        if any(x.unit == q.unit for x in text.figures_in(q.end, m.start())):
            return False
        return m.group(1) == year and _later_year_written(text, year)
    return False


def _later_year_written(text, year: str) -> bool:
    """Whether the text writes a year after `year`."""
    return any(int(y.group(1)) > int(year) for y in WRITTEN_YEAR.finditer(text.text))


def _base():
    if not _BASE:
        from dsfact.lang import words_of
        from dsfact.matching.wordtables import Words

        _BASE.append(Words(words_of("time", "reference", "base")))
    return _BASE[0]


_DEADLINE: list = []  # time.words [deadline-day]: [the words that end right before a day, those right after it]


def _deadline() -> tuple[re.Pattern, re.Pattern]:
    if not _DEADLINE:
        from dsfact.lang import words_of

        before = words_of("time", "deadline-day", "before", longest_first=True)
        after = words_of("time", "deadline-day", "after", longest_first=True)
        latin = "|".join(r"\b" + re.escape(w) for w in before if w.isascii()) or "(?!)"
        chinese = "|".join(re.escape(w) for w in before if not w.isascii()) or "(?!)"
        _DEADLINE[:] = [lazy(rf"(?:{latin})\s*$|(?:{chinese})$"),
                        lazy(r"\s*(?:%s)" % ("|".join(re.escape(w) for w in after) or "(?!)"))]
    return _DEADLINE[0], _DEADLINE[1]


def day_named_last(text) -> str | None:
    """For a text of no date of its own, the latest day (ISO, with its year) it names, not as a deadline ("by
    December 31, 2025", 2025年12月31日前): it was written that day or later. A report of "2025年11月24日，…首次覆盖"
    tells a 2025 plan as it stood in November, not as announced in January. None without such a day."""
    from dsfact.matching.undated import text_dates

    found = getattr(text, "_day_named_last", False)
    if found is not False:
        return found
    raw = text.text
    days = [str(x.value)[:10] for x in text_dates(text) if len(str(x.value)) >= 10 and str(x.value)[:4].isdigit()
            and not deadline(raw, x)]
    found = text._day_named_last = max(days) if days else None
    return found


def written_no_earlier(text) -> str | None:
    """For a text of no date of its own, the day it was written no earlier than: the latest day it names
    (day_named_last), or the first day of the latest month it names with its year, not as a deadline ("Meta raised
    the top of its range to $72 billion. ... The change came in May 2025", "公司于2025年5月上调预测": a plan told as it
    stood in May). None when it names neither. Worked out once per text, as day_named_last is."""
    from dsfact.matching.undated import text_dates

    found = getattr(text, "_written_no_earlier", False)
    if found is not False:
        return found
    day = day_named_last(text)
    raw = text.text
    months = [f"{v[:7]}-01" for x in text_dates(text) if len(v := str(x.value)) == 7 and v[:4].isdigit()
              and v[4] == "-" and not deadline(raw, x)]
    found = text._written_no_earlier = max([d for d in (day, *months) if d], default=None)
    return found


def deadline(raw: str, x) -> bool:
    """Whether the date x of text `raw` is told as a deadline ("by December 31, 2025", 2025年12月31日前)."""
    before, after = _deadline()
    return before.search(raw[max(0, x.start - 16):x.start].lower()) is not None or after.match(raw, x.end) is not None


def year_beside_later(text, q, year: str) -> bool:
    """Whether figure q, placed in the claim's `year` by its own words, shares its sentence with a figure of its
    unit that its own words place in a later year ("Meta预计2026年资本开支为1150亿至1350亿美元，2025年约为720亿美元",
    "2025's came to $72 billion; 2026's will reach $135 billion"): a text that tells a later year's figure tells
    the claim's year as it turned out, which may agree with the plan, never contradict it."""
    reader = text.reader()
    own = reader.times(q)
    if not any(t.startswith("date:" + year) for t in own):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    return any(x is not q and x.unit == q.unit and any(_later(t, year) for t in reader.times(x))
               for x in text.figures_in(sentence.start, sentence.end))


def _later(tag: str, year: str) -> bool:
    """Whether a time tag places a figure in a year after `year` ("date:2026", "date:2026-03")."""
    return tag.startswith("date:") and tag[5:9].isdigit() and int(tag[5:9]) > int(year)


_BASE_GAP = 24  # characters before the base figure (or its year) searched for a word of the comparison


def after_base_year(text, q, year: str) -> bool:
    """Whether figure q is measured against the year before a year's claim (`year`): the next figure of its
    unit in its sentence is placed in that earlier year by its own words and stands right after a word of
    time.words [reference] `base-year` ("$60-65 billion in capital expenditures this year, up from $39 billion in
    2024", "今年资本支出600亿至650亿美元，较2024年的392亿美元增长六成"), while nothing of q's own places it in another
    year. A figure set against last year's is this year's: it is the claim's year's figure, the earlier year no
    time of it, and "this year" in a text of no date of its own is the claim's year."""
    if not year.isdigit() or text._quantities is None:
        return False
    reader, prev = text.reader(), "date:" + str(int(year) - 1)
    if any(year_kind(t)[0] not in (None, "current-year", "whole-year")
           or t.startswith("date:") and not t.startswith("date:" + year) for t in reader.times(q)):
        return False  # ("reaffirmed its plan Wednesday to spend ...": a weekday names no other year)
    sentence = text.sentences[text.sentence_of(q.start)]
    folded = text.folded
    base = next((x for x in text.figures_in(q.end, sentence.end) if x.unit == q.unit), None)
    if base is None or not any(t.startswith(prev) for t in reader.times(base)):
        return False
    at = base.start
    for m in WRITTEN_YEAR.finditer(folded, max(q.end, at - _BASE_GAP), at):  # 较2024年的392亿: the year told first
        at = min(at, m.start())
    return _base_year().ends(folded, max(q.end, at - _BASE_GAP), at, has_han(folded[q.end:base.end]))


def _base_year():
    if len(_BASE) < 2:
        from dsfact.lang import words_of
        from dsfact.matching.wordtables import Words

        _base()
        _BASE.append(Words(words_of("time", "reference", "base-year")))
    return _BASE[1]

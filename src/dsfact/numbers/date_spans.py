"""The dates of a text that name a month, read without reading its other figures: only the places a date
can begin are read, each as a read of the whole text reads it (parse_quantities(spans=...)).

A date that names a month is written around one of a few marks, which one regular expression finds: a
month's name (the date begins at it, or at the day's digits before it: "27 January"), 月 (the year and
month are at most ten characters before it), Christmas (圣诞, 平安夜) or digits joined by a date's
separators ("2025-01-27", "27/01/2025", "1/27 (Mon)", "於1/27": any month and day joined by a slash). A read of the text begins a little before each
mark, and the reader's own margin (scan._MARGIN) makes what it reads there what a whole read finds. A
mark whose month cannot be one of those asked for (月 after "3个", "March" when only January is asked)
is passed over."""
from __future__ import annotations

import re

from dsfact.model import Quantity

_BEFORE = 12  # the furthest a date begins before its mark: "2025 年 1 月" (10), 去年 before "1月27日" (9)
_ZH_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "十一": 11, "十二": 12}
_CUES: dict[tuple[int, bool], re.Pattern] = {}


def parse_dates(text: str, months: frozenset[int] | None = None) -> list[Quantity]:
    """The dates in `text` that name a month (of `months`, 1-12, when given), as parse_quantities(text)
    reads them: the same figures, spans and values, in text order. Dates that give only a year are left
    out."""
    from dsfact.numbers.scan import _PER_SENTENCE, _Scanner

    if not isinstance(text, str) or not text:
        return []
    try:
        scanner = _Scanner(text, None)
        if _run_on(scanner, _PER_SENTENCE):  # the whole read skips part of it: read it so
            found = scanner.run()
        else:
            found = scanner.run(_spans(scanner, months))
    except RecursionError:  # pragma: no cover - as parse_quantities
        return []
    return [q for q in found if q.unit == "date" and month_of(q.value) in (months or range(1, 13))]


def month_of(value) -> int | None:
    """The month of an ISO date ("2025-01-27", "--01-27", "2025-01"), None when it gives none."""
    value = str(value)
    part = value[2:4] if value.startswith("--") else value[5:7]
    return int(part) if part.isdigit() else None


def _cues(r, ascii_only: bool = False) -> re.Pattern:
    """Where a date that names a month has its mark (see the module's docstring). Led by the class of the characters
    a mark begins with, consuming one, each branch reading it behind (a month's name by its first letter), so `re`
    skips to those characters in C: a pattern whose first branch opens with a look-behind, or with a named group, is
    tried at every character of the text. The kind of mark is told by the characters matched (_kind), as no group
    name may stand in two branches. For a text of ASCII only, without the Chinese marks (a class that holds them
    beside Latin letters costs three times as much to compile, and they cannot match there)."""
    found = _CUES.get((id(r), ascii_only))
    if found is None:
        names = sorted(map(re.escape, r.words.months_cased), key=len, reverse=True)
        by_first: dict[str, list[str]] = {}  # (in the order of `names`: at one place only names of its letter match)
        for name in names:
            by_first.setdefault(name[0], []).append(name[1:])
        if not all(c.isascii() and c.isalpha() and c != "C" for c in by_first):  # (no name shares a mark's first)
            raise ValueError("dsfact/lang: a month's name that does not open with a letter, or opens with C")
        months = "|".join(f"(?<={c})(?:{'|'.join(rests)})" for c, rests in by_first.items())
        found = _CUES[(id(r), ascii_only)] = re.compile(
            "[" + "".join(by_first) + ("C0-9]" if ascii_only else "月圣平C0-9]") + r"(?:(?<![A-Za-z].)(?:" + months
            + r")(?![A-Za-z])" + ("" if ascii_only else r"|(?<=月)|(?<=圣)诞|(?<=平)安夜") + r"|(?<=C)hristmas"
            r"|(?<=[0-9])(?=[-/.][0-9]{1,2}[-/.][0-9]|/[0-9]{1,2}(?![0-9])))")
    return found


def _kind(mark: str) -> str:
    """Which of _cues' marks `mark` is: "num" (a month's digit), "yue" (月), "xmas" or "mon" (a month's name)."""
    return "num" if mark[0] in "0123456789" else "yue" if mark == "月" else \
        "xmas" if mark in ("圣诞", "平安夜", "Christmas") else "mon"


def _spans(scanner, months: frozenset[int] | None) -> list[tuple[int, int]]:
    """Sorted, disjoint spans in which every date of `months` begins."""
    r, w = scanner.r, scanner.w
    spans: list[tuple[int, int]] = []
    for m in _cues(r, w.isascii()).finditer(w):
        kind, start = _kind(m.group()), m.start()
        if kind == "mon":
            if months is not None and r.words.months[m.group().lower()] not in months:
                continue
            start = _day_before(w, start)
        elif kind == "yue":
            if months is not None and not _zh_month_in(w, start, months):
                continue
        elif kind == "xmas" and months is not None and 12 not in months:
            continue
        lo = max(0, start - _BEFORE)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append((lo, m.end()))
    return spans


def _day_before(w: str, start: int) -> int:
    """Where the day's digits before a month's name at `start` begin ("27 January", "27th of January"),
    or `start` when none come before it."""
    j = start
    while j > 0 and w[j - 1].isspace():
        j -= 1
    if j < start and w[j - 2:j] == "of" and (j < 3 or not w[j - 3].isalpha()):
        j -= 2
        while j > 0 and w[j - 1].isspace():
            j -= 1
    if w[j - 2:j] in ("st", "nd", "rd", "th"):
        j -= 2
    k = j
    while k > 0 and w[k - 1].isdigit():
        k -= 1
    return k if k < j else start


def _zh_month_in(w: str, at: int, months: frozenset[int]) -> bool:
    """Whether the numeral before 月 at `at` (after one space at most) may be a month of `months`; a 月
    with no numeral of a month before it ("3个月", "每月") begins no date."""
    end = at - 1 if at and w[at - 1].isspace() else at
    for size in (1, 2):
        word = w[max(0, end - size):end]
        value = int(word) if word.isascii() and word.isdigit() else _ZH_MONTHS.get(word)
        if value in months:
            return True
    return False


def _run_on(scanner, limit: int) -> bool:
    """Whether some stretch of the text with no sentence break may hold more than `limit` places a figure
    can start (the whole read skips the rest of such a stretch; a read of spans would not)."""
    r, w = scanner.r, scanner.w
    at = 0
    for m in r.sentence_break.finditer(w + "\n"):
        if m.start() - at > limit:
            stretch = w[at:m.start()]
            trigger = r.trigger_ascii if stretch.isascii() else r.trigger
            if len(trigger.findall(stretch)) + stretch.count("Christmas") > limit:
                return True
        at = m.end()
    return False

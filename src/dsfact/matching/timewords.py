"""The time words of a text and the reference points of its records ("its worst day since March 2020"),
found once per stretch of a text: the role rules (dsfact.matching.roles), the doubt about a figure's day
(dsfact.matching.doubt) and the year of a date without one (dsfact.matching.undated) each ask of the same
sentences, figure after figure. The words are language data (time.words); this module holds the look-up."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.fold import has_han
from dsfact.matching import when
from dsfact.matching.daybefore import after_base, base_years, move_bases
from dsfact.matching.memo import LastText
from dsfact.numbers.patterns import lazy

REFERENCE_REACH = 24  # characters between "since" and the end of the date it measures from
REFERENCE_WORDS = 32  # characters of words between "since" and the date it measures from
SUPERLATIVE_REACH = 40  # characters between a reference date and the superlative it serves
RECORD_REACH = 48  # characters between "the previous record" and the end of the year it was set in
_RECORD_YEAR = lazy(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])(?:年(?:[0-9]{1,2}月)?)?")

# the folded text last asked about (per thread: dsfact.matching.memo) -> what was found in it: time words by
# (start, end, with Chinese), reference spans by (start, end), the text with its white space made single
# spaces by "spaced" (may_hold)
_SEEN = LastText()
_LEXICON: list = []  # dsfact.matching.roles.lexicon, imported when first asked (roles imports this module)


def _lexicon():
    if not _LEXICON:
        from dsfact.matching.roles import lexicon

        _LEXICON.append(lexicon)
    return _LEXICON[0]()


def time_words(folded: str, start: int, end: int, chinese: bool | None = None) -> list[tuple[object, str]]:
    """The time words in folded[start:end], each with its kind (_time_kind), found once per stretch: the
    words for text with Chinese characters when `chinese` (by default, when the stretch holds one). The list
    is shared: callers do not change it."""
    if chinese is None:
        chinese = has_han(folded[start:end])
    found = _SEEN.of(folded)
    key = (start, end, chinese)
    words = found.get(key)
    if words is None:
        words = found[key] = [(m, kind) for m in _lexicon().time.get(chinese).finditer(folded, start, end)
                              if (kind := _time_kind(folded, m)) != "another" or _tells_further(folded, m)]
    return words


_FIGURE_START = lazy(r"\s*(?:[0-9$€£¥]|us\$|rmb|hk\$)")
_HEAD_WORD = lazy(r"\s*([a-z]+)")


def _tells_further(folded: str, m: re.Match) -> bool:
    """Whether a word of the kind "another" (time.words) tells a further move: "another 4%", "another day", but
    not "another US chipmaker" (time.words [another-heads]: a determiner before a noun of another kind)."""
    from dsfact.lang import word_set

    if " ".join(m.group().split()) not in word_set("time", "another-heads", "determiners"):
        return True
    if _FIGURE_START.match(folded, m.end()):
        return True
    head = _HEAD_WORD.match(folded, m.end())
    return head is not None and head.group(1) in word_set("time", "another-heads")


def may_hold(folded: str, which: str, kind_of) -> bool:
    """Whether folded may hold a time word whose kind `kind_of(kind)` accepts: whether its text, with each
    run of white space made one space, holds one of those words (a word matches as its parts with any
    white space between them; `which` names the test, so that the words are gathered once per process).
    A text without any has no such word anywhere, so a scan of its sentences for one finds nothing."""
    words = _WORDS.get(which)
    if words is None:
        kinds = _lexicon().time_kinds
        words = _WORDS[which] = tuple({" ".join(word.split()) for word in kinds
                                        if kind_of(kinds.get(" ".join(word.split()), "span"))})
    seen = _SEEN.of(folded)
    found = seen.get(which)  # (asked for each figure: answered once per text)
    if found is None:
        spaced = seen.get("spaced")
        if spaced is None:
            spaced = seen["spaced"] = " ".join(folded.split())
        found = seen[which] = any(word in spaced for word in words)
    return found


_WORDS: dict[str, tuple[str, ...]] = {}


def time_tags(folded: str, start: int, end: int) -> list[str]:
    """The kinds of the time words in folded[start:end] ("previous-year", "span", "weekday:0")."""
    skip = references(folded, start, end)
    return [kind for m, kind in time_words(folded, start, end) if not inside(m.start(), skip)]


POSSESSIVE = ("'s", "’s", "的")  # the marks of an owner before its noun ("Monday's losses", 周一的, "V3's")


def possessive_days(folded: str, start: int, at: int, end: int) -> set[str]:
    """The weekdays folded[at:end] names only as the owner of a noun ("up 8.9%, recovering some of Monday's
    losses", 收复周一的部分失地) and folded[start:at] not at all: the day of another move that the clauses after
    a figure's own (which ends at `at`) recall, not the figure's."""
    skip = references(folded, start, end)
    words = [(m, kind) for m, kind in time_words(folded, start, end) if not inside(m.start(), skip)]
    owners = {kind for m, kind in words if m.start() >= at and kind.startswith("weekday:")
              and folded.startswith(POSSESSIVE, m.end())}
    return owners - {kind for m, kind in words if m.start() < at or not folded.startswith(POSSESSIVE, m.end())}


def _time_kind(folded: str, m: re.Match) -> str:
    """The kind of the time word m matched ("previous-year", "weekday:1"); a weekday told in East Asian
    time ("北京时间周二凌晨") or of the week before ("last Monday", 上周一) carries the marks of
    dsfact.matching.when."""
    kind = _lexicon().time_kinds.get(" ".join(m.group().split()), "span")
    if kind == when.YEAR_ABOUT and after_base(folded, m.start()):
        return "span"  # "up 60% from a year ago", 较一年前: a span's start, no time of the figure
    if not kind.startswith("weekday:"):
        return kind
    return kind + when.weekday_marks(folded, m.start(), m.end())


def filed_in_week(folded: str, date: str, end: int, time: str) -> bool:
    """Whether `date` (ISO, perhaps without its year), ending at `end` in folded text, is the day a story was
    filed, a dateline's ("新华社北京1月28日电 周一……", "1月28日消息，": the words right after it end a dateline,
    time.words [dateline] `after`), in the week that begins on a claim's day `time`: the story may tell that day."""
    from dsfact.document.dated import ends_dateline

    if not ends_dateline(folded[end:end + 6].lstrip()):
        return False
    import datetime

    parts = date.rstrip(when.SHIFTED).lstrip("-").split("-")
    year, month, day = (int(p) for p in time.split("-"))
    try:
        filed_on = datetime.date(int(parts[-3]) if len(parts) == 3 else year, int(parts[-2]), int(parts[-1]))
    except (ValueError, IndexError):
        return False
    return 0 <= (filed_on - datetime.date(year, month, day)).days < when.WEEK


def references(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of folded[start:end] that name a reference point of a record, not a time of any figure:
    "since March 16, 2020" in "its worst day since March 16, 2020", "自2020年3月以来" before "的最大跌幅".
    Found once per stretch; the list is shared: callers do not change it."""
    found = _SEEN.of(folded)
    key = (start, end)
    spans = found.get(key)
    if spans is None:
        spans = found[key] = _references(folded, start, end)
    return spans


def _date_end(folded: str, first: int, stop: int) -> int:
    """Where the date whose first digit is at `first` ends at the latest: the first clause mark after it that no
    year follows ("since March 16, 2020, when it lost 18%": the date ends before ", when", not at "18")."""
    for i in range(first, stop):
        if folded[i] in ",;，；。" and not folded[i + 1:i + 6].strip()[:4].isdigit():
            return i
    return stop


def _references(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    lex = _lexicon()
    chinese = has_han(folded[start:end])
    out = []
    for m in lex.reference_before.get(chinese).finditer(folded, start, end):
        stop = min(end, m.end() + REFERENCE_REACH + REFERENCE_WORDS)
        digits = [i for i in range(m.end(), stop) if folded[i].isdigit()]
        # "since the turbulent days of March 2020": a few words may come before the date, in its clause
        if not digits or digits[0] - m.end() > REFERENCE_WORDS or any(c in ",;，；。" for c in folded[m.end():digits[0]]):
            event = _event_reference(folded, m, start, end, chinese)
            if event is not None:
                out.append(event)
            continue
        digits = [i for i in digits if i < _date_end(folded, digits[0], stop)]  # not the next clause's figure
        b = digits[-1] + 1
        while b < stop and folded[b] in "年月日号":
            b += 1
        if _superlative_near(folded, m.start(), b, start, end, chinese):
            out.append((m.start(), b))
    # "美国企业有史以来最大的单日市值损失", "the worst day since records began": a record over all time names no time
    out += [(m.start(), m.end()) for m in lex.reference_ever.get(chinese).finditer(folded, start, end)]
    for m in lex.record.get(chinese).finditer(folded, start, end):  # "the previous record, set in 2024"
        year = _RECORD_YEAR.search(folded, m.end(), min(end, m.end() + RECORD_REACH))
        if year is not None:
            out.append((m.end(), year.end()))  # the record word itself still places its figure
    out += move_bases(folded, start, end, chinese)  # "from Friday's close to Monday's"
    out += base_years(folded, start, end, chinese)  # "a major increase from 2024"
    out += _beaten_records(folded, start, end, chinese)  # "比去年9月创下的纪录多一倍"
    for m in lex.reference_after.get(chinese).finditer(folded, start, end):
        a = max(start, m.start() - REFERENCE_REACH)
        a = max(a, *(folded.rfind(c, a, m.start()) + 1 for c in ",;，；。"))  # the date's clause: not "当天" before it
        if any(c.isdigit() for c in folded[a:m.start()]) \
                and _superlative_near(folded, a, m.end(), start, end, chinese):
            out.append((a, m.end()))
        elif not any(c.isdigit() for c in folded[a:m.start()]) and lex.reference_before.get(chinese).search(folded, a, m.start()):
            # "创自疫情以来最大单日跌幅": an event, no date, right before the superlative of a record that holds no
            # figure of its own in the clause ("自发布以来最多下跌了20%" is a span of time)
            b = m.end()
            while b < end and folded[b] not in _MARKS:
                b += 1
            best = lex.superlative.get(chinese).search(folded, m.end(), b)
            if best is not None and best.start() - m.end() <= EVENT_SUPERLATIVE \
                    and not any(c.isdigit() for c in folded[m.end():b]):
                out.append((a, m.end()))
    return out


_MARKS = ",;:，；：。!?！？\n"  # the marks that end a clause
EVENT_SUPERLATIVE = 1  # characters between 以来 and the superlative of a record since an event ("以来最大", "以来的最大")


def _event_reference(folded: str, m: re.Match, start: int, end: int, chinese: bool) -> tuple[int, int] | None:
    """The span of a record's reference point that names an event, not a date, after a `before` word ("the
    worst day since the pandemic", "its biggest drop since the financial crisis"): a superlative before the
    word in its clause, and words without a digit up to the clause's end. None otherwise: without a
    superlative before it, "down 20% since the launch" is a span of time."""
    marks = _MARKS
    b = m.end()
    while b < end and folded[b] not in marks:
        b += 1
    phrase = folded[m.end():b]
    if not phrase.strip() or len(phrase) > REFERENCE_WORDS or any(c.isdigit() for c in phrase):
        return None
    a = max(start, m.start() - SUPERLATIVE_REACH)
    a = max(a, *(folded.rfind(c, a, m.start()) + 1 for c in marks))
    if _lexicon().superlative.get(chinese).search(folded, a, m.start()) is None:
        return None
    return m.start(), b


_DATE_DIGITS = lazy(r"[0-9]+")


@lru_cache(maxsize=1)
def _set_words():
    """time.words [reference] `beaten` and `set`, each as one wordtables.Alternation."""
    from dsfact.lang import load_words
    from dsfact.matching.wordtables import Alternation

    reference = load_words("time").get("reference", {})
    return Alternation(reference.get("beaten", ())), Alternation(reference.get("set", ()))


@lru_cache(maxsize=1)
def _recounted_words():
    """time.words [reference] `recounted`, as one wordtables.Alternation."""
    from dsfact.lang import load_words
    from dsfact.matching.wordtables import Alternation

    return Alternation(load_words("time").get("reference", {}).get("recounted", ()))


def _beaten_records(folded: str, start: int, end: int, chinese: bool) -> list[tuple[int, int]]:
    """The spans of earlier records the day's figure is set against, told with the time they were set:
    a `beaten` word, then in its clause a word that a record was `set` and a superlative, or a word of an
    earlier `record` ([reference] `record`), and no figure but a date ("比英伟达去年9月创下的纪录多一倍",
    "beating the record it set last September", "surpassing its previous record from September 2024",
    超过此前纪录): the time told there is the old record's, and the record word no time of the day's figures
    ("the previous record of $279 billion", with a figure of its own, still places that figure)."""
    beaten, set_ = _set_words()
    out = []
    for m in beaten.get(chinese).finditer(folded, start, end):
        b = _clause_end(folded, m.end(), end)
        b = _set_after(folded, b, end, set_.get(chinese))  # "breaking its record for the largest loss, previously set in September"
        if _lexicon().record.get(chinese).search(folded, m.end(), b) is None and (
                set_.get(chinese).search(folded, m.end(), b) is None
                or _lexicon().superlative.get(chinese).search(folded, m.end(), b) is None):
            continue
        if all(_is_date_digits(folded, d) for d in _DATE_DIGITS.finditer(folded, m.end(), b)) \
                and not (_recounted_after(folded, b, end, chinese) and _no_figure_before(folded, start, m.start())):
            out.append((m.start(), b))
    return out


RECOUNTED_OPENER = 3  # characters between a beaten record's clause mark and the `recounted` word that opens the next


def _no_figure_before(folded: str, start: int, at: int) -> bool:
    """Whether no figure but a date comes before `at` in the sentence: "輝達週一市值蒸發5690億美元，超越了去年9月的紀錄，
    當時……" still holds the day's own figure, which the record's time must not place."""
    return all(_is_date_digits(folded, d) for d in _DATE_DIGITS.finditer(folded, start, at))


def _recounted_after(folded: str, b: int, end: int, chinese: bool) -> bool:
    """Whether the clause after a beaten record's (ending at b) opens with a `recounted` word and holds a figure
    that is no date ("..., when a 9% decline erased $279 billion", "，当时市值蒸发2790亿美元"): that figure is the old
    record's, and the time the record's clause told is its time, not a reference point to skip."""
    if b >= end or folded[b] not in ",，":
        return False
    found = _recounted_words().get(chinese).search(folded, b + 1, min(end, b + 1 + RECOUNTED_OPENER + 16))
    if found is None or len(folded[b + 1:found.start()].strip()) > 0 or found.start() - b - 1 > RECOUNTED_OPENER:
        return False
    c = _clause_end(folded, found.end(), end)
    return any(not _is_date_digits(folded, d) for d in _DATE_DIGITS.finditer(folded, found.end(), c))


def _clause_end(folded: str, b: int, end: int) -> int:
    while b < end and folded[b] not in _MARKS:
        b += 1
    return b


SET_AFTER_WORD = 12  # characters of one word ("previously") that may open the clause after a beaten record's


def _set_after(folded: str, b: int, end: int, finder) -> int:
    """Where a beaten record's clause ends, taking in the clause after it when that one opens with a `set` word,
    maybe after one word ("the largest loss, previously set in September", "，此前创下于去年9月"): that clause
    tells when the old record was set."""
    if b >= end or folded[b] not in ",，":
        return b
    j = b + 1
    while j < end and folded[j] == " ":
        j += 1
    found = finder.search(folded, j, min(end, j + SET_AFTER_WORD + 20))
    if found is None or found.start() - j > SET_AFTER_WORD or " " in folded[j:found.start()].strip():
        return b
    return _clause_end(folded, found.end(), end)


def _is_date_digits(folded: str, d: re.Match) -> bool:
    """Whether a run of digits is part of a date: a year (19xx, 20xx) or a number of months or days (9月)."""
    after = folded[d.end():d.end() + 1]
    return after in ("年", "月", "日", "号") or (len(d.group()) == 4 and d.group()[:2] in ("19", "20"))


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether pos falls in one of the (start, end) spans: a reference point `references` found, a figure
    already read, a cue word's words."""
    return any(a <= pos < b for a, b in spans)


def _superlative_near(folded: str, a: int, b: int, start: int, end: int, chinese: bool) -> bool:
    """Whether a superlative serves the reference point folded[a:b]: one within SUPERLATIVE_REACH of it, or one
    earlier in its clause with no figure between ("the steepest single-session percentage fall for the S&P 500 since
    Jan. 10", "the biggest one-day drop in the history of US markets since ...": a long noun phrase, still a record's)."""
    lo, hi = max(start, a - SUPERLATIVE_REACH), min(end, b + SUPERLATIVE_REACH)
    superlative = _lexicon().superlative.get(chinese)
    if superlative.search(folded, lo, hi) is not None:
        return True
    lo = max(start, a - CLAUSE_SUPERLATIVE_REACH)
    lo = max(lo, *(folded.rfind(c, lo, a) + 1 for c in _MARKS))
    found = [m.end() for m in superlative.finditer(folded, lo, a)]
    return bool(found) and _FIGURE.search(folded, found[0], a) is None


CLAUSE_SUPERLATIVE_REACH = 96  # characters back to a superlative of the reference point's clause
# a figure between a superlative and a reference point: a sum, a share or points ("the biggest bank, up 40%
# since March": "since March" is the 40%'s span); a number that is a name's ("the S&P 500") is none
_FIGURE = lazy(r"[$€£¥][0-9]|[0-9](?:\s?%| ?per ?cent| percent| points?\b| billion| million| trillion)")


def event_dated(folded: str, start: int, end: int) -> bool:
    """Whether the date at folded[start:end] is owned by a noun of an event right before it ("R1's release on
    January 20, 2025 sent Nvidia's shares down 17%", "the launch of V3 on December 26") or right after it
    (R1于2025年1月20日的发布): that event's date, which tells no time of the figures its sentence goes on to tell
    (time.words [event-date]): it places none of them (FigureReader.place_times), and a figure whose sentence names
only such a date binds loosely (sentdates.time_fits_beside): it may agree, never contradict."""
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import word_ending, word_starting

    before = folded[max(0, start - 40):start].rstrip()
    if word_ending(before, words_of("time", "event-date", "before", longest_first=True)):
        return True
    return bool(word_starting(folded[end:end + 8], words_of("time", "event-date", "after", longest_first=True)))


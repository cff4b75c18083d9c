"""The date a paragraph opens with: "On Oct. 10, 2025, Wall Street had its worst day since April. ... Nvidia
lost $229 billion", "2025年10月10日，美股大跌……英伟达市值蒸发2290亿美元". A date at the head of a paragraph, or of a sentence in
it ("This happened on one trading day. On Jan. 8, stocks split."), is the time of what the paragraph tells
after it, sentence by sentence, until a sentence names a time of its own: a figure there is
not about the story's day that earlier paragraphs set. A date without its year ("当地时间1月8日，", "On Jan. 8,")
places it too when its month and day are not the claim's: whatever its year, it is another day. One told in
East Asian time ("北京时间1月28日，美股三大指数收盘……") names the US session of its day or of the day before, as a
zone word before any date does (dsfact.matching.when.east_of). Read by dsfact.matching.doubt (the day of a
figure bound to a claim tied to a day)."""
from __future__ import annotations

from functools import lru_cache

from dsfact.fold import has_han
from dsfact.matching.alone import date_links
from dsfact.matching.pertext import remembered
from dsfact.matching.timewords import time_tags
from dsfact.matching.when import SHIFTED, date_fits, east_of, has_day

HEAD_REACH = 12  # characters of date-clause words ("On", 在, 于) a paragraph may open with before its date


def opened_elsewhere(text, si: int, time: str) -> bool:
    """Whether the date a sentence of si's paragraph opens with places si's figures on another day than
    `time` (a claim's day): a date (a month and day at least, its year perhaps unsaid) at the head of the
    nearest sentence before si in its paragraph that opens with one;
    no sentence from the one after it to si names a time of its own (a date, a weekday, "that day", "today")."""
    date = _opening(text, si)
    return date is not None and not date_fits(date, time)


def opened_on(text, si: int) -> list[str]:
    """The date that places si's figures as opened_elsewhere reads it, as a date of si's own: a chronology's
    entry "**Jan. 27, 2025.** Nvidia's shares sink 15%." is that day's, whatever else the text tells (a later
    cause, a later date); [] when no such date opens si's paragraph, or it gives no year (a row's date cell
    "1月27日" leaves the year to the text: doubt._day_doubt)."""
    date = _opening(text, si)
    return [] if date is None or date.startswith("-") else [date]


def _opening(text, si: int) -> str | None:
    """The date at the head of the nearest sentence before si in its paragraph that opens with one, when no
    sentence from the one after it to si names a time of its own: worked out once per text and sentence (the
    day rules ask it of each figure of a sentence, and for each claim of its day)."""
    return remembered(text, "_openings", si, _opening_of)


def _opening_of(text, si: int) -> str | None:
    paragraph = text.sentences[si].paragraph
    first, date = si - 1, None
    while first >= 0 and text.sentences[first].paragraph == paragraph:
        date = _head_date(text, text.sentences[first])
        if date is not None:
            break
        first -= 1
    if date is None:
        return None
    for k in range(first + 1, si + 1):
        sentence = text.sentences[k]
        if time_tags(text.folded, sentence.start, sentence.end) \
                or any(x.unit == "date" for x in text.read_alone(sentence)):
            return None
    return date


def _head_date(text, sentence) -> str | None:
    """The date (ISO, a month at least: "2025-10-10", "--01-08") sentence opens with, perhaps after
    date-clause words ("On", 在, 当地时间) or a lead-in in black lenticular brackets, the Chinese kicker
    ("【英伟达市值一夜蒸发】当地时间1月8日，"): None when it opens otherwise, or with the text's dateline
    ("Tuesday, January 28, 2025 - ...": the day of writing, datelineday.past_dateline)."""
    from dsfact.matching.datelineday import past_dateline

    if past_dateline(text, sentence) > sentence.start:
        return None
    lead = _kicker(text.folded, sentence)
    found = [x for x in text.read_alone(sentence) if x.start >= lead]
    if not found or found[0].unit != "date":
        return None
    x = found[0]
    value = str(x.value)
    head = text.folded[sentence.start + lead:sentence.start + x.start]
    bare = _without_weekday(head)  # "美东时间周一(3月4日)", "On Monday (March 4)": the date says which Monday
    if value.count("-") < 1 or x.start - lead - (len(head) - len(bare)) > HEAD_REACH:
        return None
    bare = bare.strip(" \t\n\"'“‘「*#")
    if any(w not in date_links() for w in bare.replace(",", " ").split()):
        return None
    start = sentence.start + x.start
    return value + SHIFTED if east_of(text.folded, start, sentence.start + x.end) else value


def _without_weekday(head: str) -> str:
    """The words before a date with the weekday it glosses left out, and the bracket the date opens
    ("美东时间周一(" -> "美东时间", "on monday, " -> "on , "); the head itself when it names no weekday."""
    stripped = head.rstrip(" ")
    if stripped.endswith(("(", "（")):
        stripped = stripped[:-1].rstrip(" ")
    elif stripped.endswith((",", "，")):
        stripped = stripped[:-1].rstrip(" ")
    else:
        return head
    for word in _weekday_words():
        if stripped.endswith(word) and (has_han(word) or not stripped[:-len(word)][-1:].isalpha()):
            return stripped[:-len(word)]
    return head


@lru_cache(maxsize=1)
def _weekday_words() -> tuple[str, ...]:
    from dsfact.lang import words_of

    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return tuple(sorted((w for d in days for w in words_of("time", "weekdays", d)), key=len, reverse=True))


def _kicker(folded: str, sentence) -> int:
    """The length of the lead-in a sentence opens with in black lenticular brackets (【…】), 0 if none."""
    if not folded.startswith("【", sentence.start):
        return 0
    close = folded.find("】", sentence.start, sentence.end)
    return close + 1 - sentence.start if close > 0 else 0


def glossed_elsewhere(folded: str, end: int, claim_time: str) -> bool:
    """Whether the weekday that ends at `end` is glossed by a date right after it, in brackets or after a comma,
    that is not the claim's day: "周一(3月4日)", "Monday, March 4" name another Monday."""
    gap = 0
    while end + gap < len(folded) and gap < 3 and folded[end + gap] in " (（,，":
        gap += 1
    if not gap:
        return False
    from dsfact.numbers import parse_quantities

    found = parse_quantities(folded[end + gap:end + gap + 24])
    x = found[0] if found else None
    return x is not None and x.start == 0 and x.unit == "date" and has_day(str(x.value)) \
        and not date_fits(str(x.value), claim_time)


def opens_with_name(text, q, ci: int) -> bool:
    """Whether figure q's sentence opens with a name, before q, that is no subject of claim ci's and no mere
    comparison ("GPT-4o延续了OpenAI的路线，……需要10万块A100持续训练90天。" after a paragraph on V3): the
    sentence tells of that body, whatever kind of figure the name's own claims are of, and a subject borrowed
    from an earlier sentence binds q only loosely (read by dsfact.matching.doubt.passed_over)."""
    from dsfact.matching.comparison import is_comparison
    from dsfact.matching.referents import spoken_lead

    si = text.sentence_of(q.start)
    sentence = text.sentences[si]
    hits = [h for h in text.sentence_hits(si) if h.end <= q.start]
    if spoken_lead(text, si, q):
        return False  # ("孙正义表示，他们的计画……": the speaker, not the subject)
    topic = topic_opener(text.folded, sentence.start, q.start)
    first = min(hits, key=lambda h: h.start) if hits else None
    if topic and (first is None or first.start > topic or not any(text.index.naming(first.cue))):
        return (first is None or first.start >= topic) and _unnamed_topic(text.text, topic, q.start)
    if first is None:
        return False
    if text.text[sentence.start:first.start].strip(_LEAD_MARKS) and topic != first.start:
        return False  # the sentence opens with other words: the name is not its subject
    entity, subjects = text.index.naming(first.cue)
    return (entity or bool(subjects)) and ci not in subjects and not is_comparison(text.folded, first.start, first.end)


_LEAD_MARKS = " \t\r\n-*•·–—#>\"'“”「」『』《》()（）"


def topic_opener(folded: str, start: int, end: int) -> int:
    """Where the name after a sentence's opening topic word starts ("For Llama, we can back it out: ...", 至于
    Llama，……: names.words [topic-opener]), or 0 when the sentence opens with no such word."""
    lead = len(folded[start:end]) - len(folded[start:end].lstrip(_LEAD_MARKS))
    at = start + lead
    for word in _topic_words():
        if folded.startswith(word, at):
            after = at + len(word)
            if word.isascii():
                if after >= end or folded[after] != " ":
                    continue
                after += 1
            return after if after < end else 0
    return 0


@lru_cache(maxsize=1)
def _topic_words() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return words_of("names", "topic-opener", longest_first=True)


def _unnamed_topic(raw: str, start: int, end: int) -> bool:
    """Whether the topic word's name, at raw[start:], is one no cue word covers: a capitalised word or a few, or a
    Latin name after a Chinese topic word, closed by a comma before `end` (the first cue hit or the figure)."""
    words = raw[start:end].split(",", 1)[0].split("，", 1)[0].strip()
    if len(words) >= len(raw[start:end].strip()) or not words or len(words.split()) > 4:
        return False  # no comma closes it, or a whole clause: not a name
    after_han = start > 0 and has_han(raw[start - 1])  # 至于Llama: any Latin name; "For Llama": a capital
    return words[0].isupper() or after_han and words[0].isascii() and words[0].isalpha()


def read_past_dateline(text, sentence) -> tuple[list, int]:
    """The figures of `sentence` past the dateline that opens it (past_dateline), read alone (offsets in the
    sentence), and where its own words start (an offset in `text`)."""
    from dsfact.matching.datelineday import past_dateline

    lead = past_dateline(text, sentence)
    return [x for x in text.read_alone(sentence) if sentence.start + x.start >= lead], lead

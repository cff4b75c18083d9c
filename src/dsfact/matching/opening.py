"""The date a paragraph opens with: "On Oct. 10, 2025, Wall Street had its worst day since April. ... Nvidia
lost $229 billion", "2025年10月10日，美股大跌……英伟达市值蒸发2290亿美元". A full date (with its year) at the head
of a paragraph is the time of what the paragraph tells after it, sentence by sentence, until a sentence names a
time of its own: a figure there is not about the story's day that earlier paragraphs set. Read by
dsfact.matching.doubt (the day of a figure bound to a claim tied to a day)."""
from __future__ import annotations

from dsfact.matching.alone import date_links
from dsfact.matching.timewords import time_tags
from dsfact.matching.when import date_fits

HEAD_REACH = 12  # characters of date-clause words ("On", 在, 于) a paragraph may open with before its date


def opened_elsewhere(text, si: int, time: str) -> bool:
    """Whether the date the paragraph of sentence si opens with places si's figures on another day than
    `time` (a claim's day): a date with its year, at the head of the paragraph's first sentence, before si;
    no sentence from the one after it to si names a time of its own (a date, a weekday, "that day", "today")."""
    paragraph = text.sentences[si].paragraph
    first = si
    while first > 0 and text.sentences[first - 1].paragraph == paragraph:
        first -= 1
    if first == si:
        return False
    date = _head_date(text, text.sentences[first])
    if date is None or date_fits(date, time):
        return False
    for k in range(first + 1, si + 1):
        sentence = text.sentences[k]
        if time_tags(text.folded, sentence.start, sentence.end) \
                or any(x.unit == "date" for x in text.read_alone(sentence)):
            return False
    return True


def _head_date(text, sentence) -> str | None:
    """The full date (ISO, with its year and month) sentence opens with, perhaps after date-clause words
    ("On", 在): None when it opens otherwise."""
    found = text.read_alone(sentence)
    if not found or found[0].unit != "date":
        return None
    x = found[0]
    value = str(x.value)
    if value.startswith("-") or value.count("-") < 1 or x.start > HEAD_REACH:
        return None
    head = text.folded[sentence.start:sentence.start + x.start].strip(" \t\n\"'“‘「*#")
    if any(w not in date_links() for w in head.replace(",", " ").split()):
        return None
    return value

"""Labelled lines: a spec list written one "Label: value" a line ("Training cost: $5.576 million", "GPUs:
2,048 H800", "训练成本：557.6万美元"). Each such line is a statement of its own, as a reader takes it, so the
line break before it ends a sentence in Markdown (where a soft line break is otherwise a space) and in a
hard-wrapped plain-text paragraph (where a wrapping break is). One test for both readers.

Standard library only; the pattern is compiled on first use.
"""
from __future__ import annotations

import re
from functools import lru_cache

_LABEL_WORDS = 5  # a label of more words than this is a sentence's start, not a label


@lru_cache(maxsize=1)
def _rx() -> re.Pattern:
    # a bullet or number, then the label (no clause mark, no digit first), its colon, and the value; the
    # value "opens a figure" when a qualifier, a currency and a digit come first
    return re.compile(r"[ \t]*(?:[-*•·][ \t]+|\d{1,2}[.)][ \t]+|" + OUTLINE_NUMBER + ")?"
                      r"(?P<label>[^\s\d:：。.!?;；,，|()（）\"“”][^\n:：。!?;；,，|\"“”]{0,29}?)[ \t]*[:：][ \t]*"
                      r"(?P<value>(?:(?:about|around|roughly|nearly|almost|over|under|some|more than|less than)[ \t]+"
                      r"|[~≈约約近逾超过過]{1,2})?(?:US|HK|NT|RMB|USD|CNY)?[$€£¥]?[ \t]?\d)?\S")


# A Chinese outline number before a line's text, as a list's number stands: "2．", "3、", "一、", "（二）",
# "①" (a circled number), and "2." before Chinese text (a full-width stop folded); a pattern's alternatives, for
# the patterns of a line's bullet or number
OUTLINE_NUMBER = (r"[0-9０-９]{1,2}(?:[．、]|\.(?=[ \t]*[\u4e00-\u9fff]))[ \t]*|[一二三四五六七八九十]{1,3}、[ \t]*"
                  r"|[（(][一二三四五六七八九十]{1,3}[)）][ \t]*|[\u2460-\u2473\u2776-\u277f][ \t]*")
# The same where no Chinese character follows on the line: "2." then needs one, and the class of the Chinese range
# costs 2 ms to compile (dsfact.matching.apposition's line heads)
OUTLINE_NUMBER_PLAIN = (r"[0-9０-９]{1,2}[．、][ \t]*|[一二三四五六七八九十]{1,3}、[ \t]*"
                        r"|[（(][一二三四五六七八九十]{1,3}[)）][ \t]*|[\u2460-\u2473\u2776-\u277f][ \t]*")


@lru_cache(maxsize=1)
def _outline() -> re.Pattern:
    # an outline number that opens a line: before Chinese text ("2．输出", "（二）API价格"); a circled one before anything
    # ... or a bullet glyph a page copied from the web keeps ("  • Hardware used: 2,048 H800 GPUs"), which Markdown
    # reads as no list marker
    return re.compile(r"[ \t]*(?:(?:[0-9０-９]{1,2}[．.、]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,2}[)）])"
                      r"[ \t]*[\u4e00-\u9fff「“《]|[\u2460-\u2473\u2776-\u277f]|[•▪●◦‣■][ \t])")


# The characters _outline's match can open with, past the line's spaces and tabs: a line that opens with none of
# them is not an outlined one, and the pattern (2 ms to compile: its classes of Chinese characters) is not compiled
_OUTLINE_OPENS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十（(•▪●◦‣■"
                           + "".join(map(chr, (*range(0x2460, 0x2474), *range(0x2776, 0x2780)))))


def outlined(s: str, a: int, b: int) -> bool:
    """Whether the line s[a:b] opens with an outline number ("2．输出：每百万tokens 16元", "（二）API价格",
    "① 英伟达收跌17%") or a bullet glyph ("• Hardware used: 2,048 H800 GPUs"): an item of its own, so the line
    break before it ends a sentence in Markdown, as a list item's does."""
    if s[a:b].lstrip(" \t")[:1] not in _OUTLINE_OPENS:  # ("" is in no set)
        return False
    return _outline().match(s, a, b) is not None


def labelled(s: str, a: int, b: int) -> tuple[bool, bool]:
    """Whether the line s[a:b] is a labelled line ("GPUs: 2,048 H800"), and whether its value opens with a
    figure (a digit, perhaps after a qualifier and a currency: "Training cost: about $5.6 million")."""
    if s.find(":", a, b) < 0 and s.find("：", a, b) < 0:
        return False, False  # no colon, no label: the pattern is not compiled for a text without one
    m = _rx().match(s, a, b)
    if m is None or len(m["label"].split()) > _LABEL_WORDS:
        return False, False
    return True, m["value"] is not None


def set_apart(s: str, a: int, b: int) -> bool:
    """Whether the line s[a:b] is set apart in bold or italics as a whole, short, as a page's callout or
    subhead is ("**$27.6 billion**" over the paragraph that says whose it is, "**5.6%**", "__Key numbers__",
    "**2,790億美元**"): a statement of its own, so the line breaks before and after it end a sentence in
    Markdown, as a heading's do; the stop of the sentence before it ("... $590 billion.") no longer runs on into
    it because an emphasis mark, not a capital, opens the line."""
    line = s[a:b].strip()
    if len(line) > _SET_APART or len(line) < 5:
        return False
    mark = line[:2] if line[:2] in ("**", "__") else line[:1] if line[:1] in "*_" else ""
    if not mark or not line.endswith(mark) or mark in line[len(mark):-len(mark)]:
        return False
    body = line[len(mark):-len(mark)].strip()
    return bool(body) and body[0] not in "*_" and body[-1] not in "*_:："  # ("**Training cost:**" leads its value)


_SET_APART = 80  # characters: a callout or a subhead is short; a whole paragraph in bold is prose


def breaks_before(s: str, a: int, b: int, na: int, nb: int) -> bool:
    """Whether the line break between the line s[a:b] and the next one s[na:nb] ends a sentence because the
    next is a labelled line: its value opens with a figure, or the line before is labelled too (a list of
    "Label: value" lines, whatever its values); or because both open with a date and a dash, as a chronology's
    entries do ("Jan 20, 2025 — R1 released" over "Feb 17, 2025 — Grok 3 unveiled")."""
    if dated_entry(s, na, nb) and dated_entry(s, a, b):
        return True
    if dateline(s, na, nb) or dateline(s, a, b):
        return True  # a headline over "OUTLET | Jan 28, 2025, 03.26 AM IST": the date is the page's, not the headline's
    label, figure = labelled(s, na, nb)
    if not label:
        return False
    return figure or labelled(s, a, b)[0]


@lru_cache(maxsize=1)
def _dated() -> re.Pattern:
    # a bullet or not, then a date (a month's name and day, perhaps its year; a day and a month; a year; a Chinese
    # date) and a dash or a colon
    month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
    return re.compile(r"[ \t]*(?:[-*•·][ \t]+)?(?:\*\*)?(?:" + month + r"[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:,?[ \t]+\d{4})?"
                      r"|\d{1,2}[ \t]+" + month + r"(?:,?[ \t]+\d{4})?|\d{4}(?:年(?:\d{1,2}月(?:\d{1,2}日)?)?)?"
                      r"|\d{1,2}月\d{1,2}日)(?:\*\*)?[ \t]*(?:[—–:：]|-[ \t])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern:
    # a byline or an outlet's name and a separator, or "Published" / "Updated", then a date (a month's name, its day
    # and year; a day, month and year in figures; 2025年1月28日; 2025-01-28), then perhaps a time and its zone, and
    # nothing else
    month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
    return re.compile(r"[ \t]*(?:(?:published|updated|posted)(?:[ \t]+on)?:?[ \t]+|[^\W\d_][\w.&' -]{0,40}?[ \t]*[|·•][ \t]*)?"
                      r"(?:" + month + r"[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}|\d{1,2}[ \t]+" + month + r",?[ \t]+\d{4}"
                      r"|\d{1,2}/\d{1,2}/\d{4}|\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})"
                      r"(?:,?[ \t]+\d{1,2}[.:]\d{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[a-z]{2,4})?)?[ \t]*$", re.IGNORECASE)


def dateline(s: str, a: int, b: int) -> bool:
    """Whether the line s[a:b] is a page's dateline alone, a byline or outlet's name perhaps before it and its time
    after it ("TIMESOFINDIA.COM | Jan 28, 2025, 03.26 AM IST", "Published 27/01/2025, 08:46 pm", "January 28,
    2025", "新浪财经 | 2025年01月28日 08:30"): it dates the page, so the line breaks around it end a sentence (a headline above it is not told of
    that day, nor is the paragraph below it)."""
    return b - a <= _DATELINE and _year().search(s, a, b) is not None and _dateline().fullmatch(s, a, b) is not None


_DATELINE = 80  # characters: a dateline is short
# Every date _dateline reads has four digits in a row (its year): a line without them is no dateline, and the
# pattern (3 ms to compile: [a-z] under IGNORECASE folds in two characters outside ASCII) is not compiled for it
@lru_cache(maxsize=1)
def _year() -> re.Pattern:
    return re.compile(r"\d{4}")


def dated_entry(s: str, a: int, b: int) -> bool:
    """Whether the line s[a:b] opens with a date and a dash or colon: a chronology's entry ("Dec 26, 2024 — V3
    released", "- 1月20日：R1发布")."""
    if not any(mark in s[a:b] for mark in _DATED_MARKS):
        return False  # (the pattern, 2 ms to compile, is not compiled for a text with no such line)
    return _dated().match(s, a, b) is not None


_DATED_MARKS = ("—", "–", ":", "：", "-")  # a dated entry's date is followed by one of them (_dated)


_LINK_LABEL = 30  # characters of a label that may stand before a block's link ("Read more:", "延伸阅读：")


def link_label(before: str) -> bool:
    """Whether what stands before a link in its block (`before`: its text, or its Markdown source) is nothing,
    or a short label that ends in a colon ("Read more:", "**Related:**", "延伸阅读："): then the block is that
    link's text, a headline of another page."""
    before = before.strip(" \t*_")
    return not before or len(before) <= _LINK_LABEL and before.endswith((":", "：")) and "\n" not in before

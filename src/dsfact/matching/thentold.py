"""A sentence told "at the time" of a date named in the sentence before it: "2025年1月DeepSeek再发表推理模型R1。
当时引发英伟达股价单日暴跌17%". Its figures are placed by that date, not by the day the text was written (a
dateline of another week, 中央社纽约6日电, in a retrospective a year on). The words that open such a sentence:
time.words [reference] `then-opener`; this module holds only the mechanism."""
from __future__ import annotations

from dsfact.matching.wordtables import word_starting

_OPENERS: list = []  # (Latin words, other words), read once


def _openers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not _OPENERS:
        from dsfact.lang import words_by_script

        _OPENERS.append(words_by_script("time", "reference", "then-opener", longest_first=True))
    return _OPENERS[0]


def told_then(text, si: int) -> list[str]:
    """The dates (ISO, as dsfact.matching.when reads them) of the sentence before sentence si of `text` (a
    TextMatcher), when sentence si opens with a word that points back to the time told there; else none."""
    if si == 0:
        return []
    sentence = text.sentences[si]
    head = text.folded[sentence.start:sentence.start + 24].lstrip(" \t\n\"'“‘「（(")
    latin, other = _openers()
    if not (head.startswith(other) or word_starting(head, latin)):
        return []
    before = text.sentences[si - 1]
    return [str(x.value) for x in text.figures_in(before.start, before.end) if x.unit == "date"]

"""Sentences and paragraphs of a text, by the rules in dsfact/lang/sentences.words."""
from __future__ import annotations

import re
from typing import NamedTuple

from dsfact.matching.cues import is_cjk

_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
# The longest sentence matching reads as one, in characters: news sentences stay far below it (the
# longest in the evaluation articles and fixtures is under 300). A longer run (a run-on sentence full of
# figures, a table flattened to one line) is cut at clause marks into pieces no longer than this, so that
# the figures per sentence and the cue words each figure looks at stay bounded: time stays linear.
LONGEST = 600
_CUT = re.compile(r"[,，;；、:：]\s*|\s+")  # where a long run may be cut: after a clause mark or a space


class Sentence(NamedTuple):
    """text[start:end], in its paragraph (counted from 0); a named tuple, as CueHit is."""

    start: int
    end: int
    paragraph: int


class _Rules:
    """The sentence rules, read once per process."""

    def __init__(self) -> None:
        from dsfact.lang import load_words

        tables = load_words("sentences", frozenset(("ends", "stops", "opens", "words")))
        rules = tables.get("rules", {})
        self.ends = "".join(rules.get("ends", ()))
        self.stops = "".join(rules.get("stops", ()))
        self.opens = "".join(rules.get("opens", ()))
        self.abbreviations = frozenset(w.lower() for w in tables.get("abbreviations", {}).get("words", ()))
        ends = "[" + re.escape(self.ends + "\n") + "]"
        stops = "[" + re.escape(self.stops) + "](?=[ \t])" if self.stops else "(?!)"
        self.boundary = re.compile(ends + "|" + stops)  # where a sentence may end


_RULES: _Rules | None = None


def _rules() -> _Rules:
    global _RULES
    if _RULES is None:
        _RULES = _Rules()
    return _RULES


def split_sentences(text: str) -> list[Sentence]:
    """Sentences and paragraphs: 。！？!? end a sentence, so does a full stop before a capital or a line end;
    a line break ends a sentence and a blank line a paragraph."""
    rules = _rules()
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    n = len(text)
    for m in rules.boundary.finditer(text):  # only where a sentence may end: one regex pass, not a loop per character
        i = m.start()
        ch = text[i]
        new_paragraph = False
        if ch == "\n":
            j = i + 1
            while j < n and text[j] in " \t\r":
                j += 1
            if j < n and text[j] == "\n":
                new_paragraph = True
        elif ch in rules.stops:
            j = i + 1
            while j < n and text[j] in " \t":
                j += 1
            if j < n and not _opens_sentence(text, i, j, rules):
                continue
        if text[start:i + 1].strip():
            _append(sentences, text, start, i + 1, paragraph)
        start = i + 1
        if new_paragraph:
            paragraph += 1
    if text[start:].strip():
        _append(sentences, text, start, n, paragraph)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    """Add text[start:end] as a sentence, or, when longer than LONGEST, as pieces cut at the last clause
    mark or space of each stretch of LONGEST characters (anywhere, when there is none)."""
    while end - start > LONGEST:
        cut = start + LONGEST
        for m in _CUT.finditer(text, start + LONGEST // 2, start + LONGEST):
            cut = m.end()
        sentences.append(Sentence(start, cut, paragraph))
        start = cut
    sentences.append(Sentence(start, end, paragraph))


def _opens_sentence(text: str, stop: int, j: int, rules: _Rules) -> bool:
    """Whether the stop at `stop` ends a sentence, the next one beginning at j (not after an abbreviation)."""
    word = _WORD_BEFORE.search(text, max(0, stop - 8), stop)
    if word is not None and word.group(1).lower() in rules.abbreviations:
        return False
    return text[j].isupper() or is_cjk(text[j]) or text[j] in rules.opens

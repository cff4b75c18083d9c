"""A headline run into its story on one line: "Meta Plans to Deploy 1.3 Million GPUs: Meta Platforms has announced a
plan to deploy 1.3 million GPUs by the end of 2025", "輝達市值單日蒸發5890億美元：受DeepSeek衝擊，輝達股價……". The title
and the story each state the figure, as a title over its story does on a line of its own: a right figure in one
does not show that a wrong one in the other gives another state, part or day of it (dsfact.check.
beside_its_own_statement), as a right figure told in the same breath would. A run-in title opens its line (after
a bullet or a heading's marks), holds a figure, no clause mark and, in English, capitals on most of its longer
words (a title's case, not a label's: "Training cost on 2,048 GPUs: $5.6 million" is a label); a colon ends it and
a sentence of its own follows on the line."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.numbers.patterns import lazy

TITLE_CHARS = 100  # a run-in title this long at most, from its line's start to its colon
_OPENING = lazy(r"[ \t]*(?:#{1,6}[ \t]+|[-*•·][ \t]+|>[ \t]*)?")
_COLON = lazy(r"[:：][ \t]*")
_FIGURE = lazy(r"(?<![A-Za-z\d.,-])\d")  # a number of its own: not the digits of a code (H800, V3, GPT-4o)
_WORD = lazy(r"[A-Za-z][A-Za-z'’-]*")
_MARKS = frozenset(",;!?，；！？。、")
_CAPITALS = 0.75  # of a title's words of four letters or more, at least this share capitalised
_BODY_WORDS, _BODY_HAN = 5, 10  # a story after the colon: this many words, or Chinese characters


def run_in_side(text: str, at: int) -> int:
    """Where offset `at` of `text` stands on its line: 0 when the line opens with no run-in title, 1 in the title,
    2 in the story after it."""
    line = text.rfind("\n", 0, at) + 1
    end = text.find("\n", line)
    colon = _title_end(text, line, len(text) if end < 0 else end)
    return 0 if colon < 0 else 1 if at < colon else 2


def _title_end(text: str, line: int, end: int) -> int:
    """The offset of the colon that ends a run-in title opening the line text[line:end], or -1."""
    start = _OPENING.match(text, line).end()
    colon = min((k for k in (text.find(":", start, start + TITLE_CHARS), text.find("：", start, start + TITLE_CHARS))
                 if k >= 0), default=-1)
    if colon < 0:
        return -1
    title = text[start:colon]
    if any(c in _MARKS for c in title) or ". " in title or not _FIGURE.search(title):
        return -1
    body = text[_COLON.match(text, colon).end():end]
    if has_han(title):
        return colon if sum(1 for c in body if "\u4e00" <= c <= "\u9fff") >= _BODY_HAN else -1
    longer = [w for w in _WORD.findall(title) if len(w) >= 4]
    titled = len(longer) >= 2 and sum(w[0].isupper() for w in longer) >= _CAPITALS * len(longer)
    return colon if titled and body[:1].isupper() and len(_WORD.findall(body)) >= _BODY_WORDS else -1

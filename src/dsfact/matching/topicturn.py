"""Whether a kind word after a figure is the topic a later clause turns to, not the figure's kind.

Reads names.words [topic-turn]: the words right after a word that opens a later clause of the figure's
sentence and make it that clause's topic ("input is another story", "输入则是另一回事", "輸入部分則另計").
Such a clause states no figure: it says that the thing it names is not what the figure before it measured,
so its word (a kind word of a price family: input, 输入, 輸入) tells nothing of the figure's kind
(dsfact.matching.siblings.price_kind). "R1 charges $2.19 per million tokens; input is another story" states
R1's output price: the input word must not make the figure the family's generic (input) price, where it
would read as a wrong one.
"""
from __future__ import annotations

import bisect

from dsfact.matching.text import TextCues
from dsfact.model import Quantity

_OPEN = " ,，;；:：、—-–"  # what may stand between a clause mark and the topic word opening the clause
_TURNS: list[tuple[str, ...]] = []


def _turns() -> tuple[str, ...]:
    if not _TURNS:
        from dsfact.lang import words_of

        _TURNS.append(words_of("names", "topic-turn", longest_first=True))
    return _TURNS[0]


def topic_turned(text: TextCues, q: Quantity, hit) -> bool:
    """Whether word `hit`, after figure q, opens a later clause of q's sentence as the topic that clause
    turns to (names.words [topic-turn] right after it), with no figure after it in the sentence."""
    marks = text._marks
    at = bisect.bisect_right(marks, hit.start)
    if hit.start < q.end or at == 0 or at == bisect.bisect_right(marks, q.start):
        return False
    folded = text.folded
    head = folded[marks[at - 1] + 1:hit.start].lstrip(_OPEN)
    if head not in ("", "the ", "its ", "their "):
        return False  # the word must open its clause: "..., input is another story"
    si = text.sentence_of(hit.start)
    end = text.sentences[si].end
    starts = text._quantity_starts
    k = bisect.bisect_left(starts, hit.end)
    if k < len(starts) and starts[k] < end:
        return False  # "..., input $0.55": the clause gives its own figure
    rest = folded[hit.end:end].lstrip(" ")
    return any(rest.startswith(w) and (not w[-1].isascii() or not w[-1].isalpha() or not rest[len(w):len(w) + 1].isalpha())
               for w in _turns())

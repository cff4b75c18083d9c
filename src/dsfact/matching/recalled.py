"""A figure spoken of as a figure: "The widely reported "USD 6 million" figure is specifically for DeepSeek-V3",
"560万美元这个数字只包括最后一次训练". Its noun ("figure", "number", 数字: nouns.words [figure-noun]) says
what it is no more than "the number"; what it measures is what the text has just been telling. Such a figure
takes the metric words of the sentences just before it (in its paragraph, or the last of the paragraph
before), and one introduced by the noun and a colon ("all eyes on one number: $6 million") those of the
sentence after it too, loosely: the words were said of another figure, so it may agree with a claim but never
contradicts it. Its subject is found as any figure's is."""
from __future__ import annotations

import bisect

from dsfact.lang import words_of
from dsfact.matching.text import INF
from dsfact.matching.wordtables import word_starting

_BACK = 2  # sentences back whose metric words the figure takes
_QUOTES = " \t\"'“”‘’「」『』"


def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (words_of("nouns", "figure-noun", longest_first=True),
            words_of("nouns", "figure-noun", "before", longest_first=True))


def _noun_at(folded: str, i: int) -> bool:
    """Whether a noun of a figure (perhaps after a word of `before`: 这个, 这一) begins at folded[i:]."""
    nouns, before = _words()
    if folded.startswith(before, i):  # (a tuple: any of them; which one, in order, below)
        for w in before:
            if folded.startswith(w, i):
                i += len(w)
                break
    if not folded.startswith(nouns, i):
        return False
    return word_starting(folded, nouns, i) is not None


def spoken_of(folded: str, end: int) -> bool:
    """Whether the figure that ends at `end` is followed by a noun of a figure ("the $6 million figure")."""
    i = end
    while i < len(folded) and folded[i] in _QUOTES and i < end + 3:
        i += 1
    return _noun_at(folded, i)


def introduced(folded: str, start: int) -> bool:
    """Whether the figure that begins at `start` is introduced by a noun of a figure and a colon ("focused on one
    number: $6 million", "盯着一个数字：600万美元"): the sentences around it say what the number is."""
    i = start
    while i > 0 and folded[i - 1] in _QUOTES and i > start - 3:
        i -= 1
    if i == 0 or folded[i - 1] not in ":：":
        return False
    i -= 1
    while i > 0 and folded[i - 1] in " \t":
        i -= 1
    nouns, _ = _words()
    return any(folded.endswith(w, 0, i) and (not w.isascii() or not folded[i - len(w) - 1:i - len(w)].isalpha())
               for w in nouns)


def noun_spans(folded: str) -> list[tuple[int, int]]:
    """Where the text holds a noun of a figure at all, as (start, end), by start (for
    dsfact.matching.prefilter): found once per text, rather than each noun searched for in each sentence."""
    nouns, _ = _words()
    out = []
    for w in nouns:
        at = folded.find(w)
        while at >= 0:
            out.append((at, at + len(w)))
            at = folded.find(w, at + 1)
    out.sort()
    return out


def mentions(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether folded[start:end] holds a noun of a figure whole, among the text's `spans` (noun_spans)."""
    k = bisect.bisect_left(spans, (start, -1))
    while k < len(spans) and spans[k][0] < end:
        if spans[k][1] <= end:
            return True
        k += 1
    return False


def earlier_metrics(text, si: int, ahead: bool = False) -> set[int]:
    """The claims the sentences just before sentence si hold a metric word of (_BACK of them, in its
    paragraph or the last of the paragraph before); `ahead`: and the sentence after it in its paragraph (a
    number introduced with a colon is told of next)."""
    sentences, metrics = text.sentences, text.sentence_claims()[0]
    out: set[int] = set()
    if ahead and si + 1 < len(sentences) and sentences[si + 1].paragraph == sentences[si].paragraph:
        out |= metrics[si + 1]
    for back in range(si - 1, max(si - 1 - _BACK, -1), -1):
        if sentences[si].paragraph - sentences[back].paragraph > 1:
            break
        out |= metrics[back]
        if sentences[back].paragraph != sentences[si].paragraph:
            break
    return out


def recalled_metric(text, si: int, q, cues, family: frozenset[int], distance: float) -> None:
    """Give figure q, spoken of as a figure, the metric words of the sentences before it, loosely, at
    `distance` (matcher.SENTENCE_PENALTY), for the claims its own sentence has none of (`cues`, matcher._Cues)."""
    ahead = introduced(text.folded, q.start)
    if not ahead and not spoken_of(text.folded, q.end):
        return
    for ci in earlier_metrics(text, si, ahead):
        if ci in family and cues.metric.get(ci, INF) == INF:
            cues.metric[ci] = distance
            cues.loose.add(ci)

"""A figure spoken of as a figure: "The widely reported "USD 6 million" figure is specifically for DeepSeek-V3",
"560万美元这个数字只包括最后一次训练". Its noun ("figure", "number", 数字: nouns.words [figure-noun]) says
what it is no more than "the number"; what it measures is what the text has just been telling. Such a figure
takes the metric words of the sentences just before it (in its paragraph, or the last of the paragraph
before), loosely: the words were said of another figure, so it may agree with a claim but never contradicts
it. Its subject is found as any figure's is."""
from __future__ import annotations

from dsfact.matching.text import INF

_BACK = 2  # sentences back whose metric words the figure takes
_TABLE: tuple[tuple[str, ...], tuple[str, ...]] | None = None
_QUOTES = " \t\"'“”‘’「」『』"


def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    global _TABLE
    if _TABLE is None:
        from dsfact.lang import load_words

        table = load_words("nouns").get("figure-noun", {})
        _TABLE = (tuple(sorted(table.get("words", ()), key=len, reverse=True)),
                  tuple(sorted(table.get("before", ()), key=len, reverse=True)))
    return _TABLE


def _noun_at(folded: str, i: int) -> bool:
    """Whether a noun of a figure (perhaps after a word of `before`: 这个, 这一) begins at folded[i:]."""
    nouns, before = _words()
    for w in before:
        if folded.startswith(w, i):
            i += len(w)
            break
    for w in nouns:
        if folded.startswith(w, i) and (not w.isascii() or not folded[i + len(w):i + len(w) + 1].isalpha()):
            return True
    return False


def spoken_of(folded: str, end: int) -> bool:
    """Whether the figure that ends at `end` is followed by a noun of a figure ("the $6 million figure")."""
    i = end
    while i < len(folded) and folded[i] in _QUOTES and i < end + 3:
        i += 1
    return _noun_at(folded, i)


def mentions(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] holds a noun of a figure at all (for dsfact.matching.prefilter)."""
    nouns, _ = _words()
    return any(folded.find(w, start, end) >= 0 for w in nouns)


def earlier_metrics(text, si: int) -> set[int]:
    """The claims the sentences just before sentence si hold a metric word of (_BACK of them, in its
    paragraph or the last of the paragraph before)."""
    sentences, metrics = text.sentences, text.sentence_claims()[0]
    out: set[int] = set()
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
    if not spoken_of(text.folded, q.end):
        return
    for ci in earlier_metrics(text, si):
        if ci in family and cues.metric.get(ci, INF) == INF:
            cues.metric[ci] = distance
            cues.loose.add(ci)

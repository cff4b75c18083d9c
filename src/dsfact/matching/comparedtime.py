"""The period of what a figure is set against, not the figure's own. A clause after a figure's that opens with
a word of comparison (roles.words [compared-standard]: "more than double", "twice", "eclipsing", 远超, 比) and holds
no figure names the standard the figure is measured by: its time words are the standard's. "Nvidia's $589 billion
loss is the largest one-day loss on record, more than double its previous record loss last September" places the
record of September, not the loss; so does "英伟达市值蒸发5890亿美元，比去年9月创下的纪录高出一倍多". The figure's
day is then read from the rest of its sentence and text, as for a figure whose sentence names no period."""
from __future__ import annotations

from dsfact.matching.cues import has_cjk
from dsfact.matching.timewords import time_tags

_WORDS: list = []  # the Words of [compared-standard], read once


def _standard():
    if not _WORDS:
        from dsfact.lang import load_words
        from dsfact.matching.wordtables import Words

        _WORDS.append(Words(load_words("roles").get("compared-standard", {}).get("words", ())))
    return _WORDS[0]


def without_standard(text, q, sentence, tags: tuple) -> tuple:
    """`tags` (the time words of figure q's sentence) less those of each later clause of it that opens with a
    word of comparison and holds no figure of q's unit ("one-day" is none: `text`: a TextMatcher)."""
    if not tags:
        return tags
    reader, folded = text.reader(), text.folded
    at = reader.clause_span(q.start)[1]
    left = list(tags)
    while at < sentence.end:
        start = at
        while start < sentence.end and folded[start] in " \t,，;；—-":
            start += 1
        if start >= sentence.end:
            break
        end = max(reader.clause_span(start)[1], start + 1)
        if _standard().begins(folded, start, has_cjk(folded[start:start + 1])) \
                and not any(x.unit == q.unit for x in text.figures_in(start, end)):
            for tag in time_tags(folded, start, end):
                if tag in left:
                    left.remove(tag)
        at = end
    return tuple(left)

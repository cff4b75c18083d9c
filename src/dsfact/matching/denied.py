"""A figure in the predicate of a denied verb: "Analysts say DeepSeek did not build its model for $5 million",
"分析师认为深度求索并没有只花500万美元就训练出V3", "分析師認為深度求索並沒有只花500萬美元就訓練出V3".

The denial (roles.words [denied-verb]) stands before the figure in its clause, within REACH characters, with
no other amount and no word of [denied-stops] between: the sentence says the figure's event did not happen as told, so the
figure may agree with a claim but never contradicts one (dsfact.matching.doubt). A word of [denied-stops] ends the denial's
reach: an infinitive or a relative clause takes the figure as given ("did not have the power to run 300,000 GPUs"),
and "but", 而是 set the truth against the denial ("did not lose a sliver of its value but rather $689 billion").
[negated] `before` reads a denial told right before the figure ("was not $1 trillion"); this reads the verb's."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.matching.cues import has_cjk
from dsfact.matching.wordtables import whole_words

REACH = 60  # characters between the denial and the figure: one predicate, not a sentence


@lru_cache(maxsize=2)
def _table(key: str) -> tuple[re.Pattern | None, tuple[str, ...]]:
    """roles.words [denied-verb] or [denied-stops] as (one pattern of its Latin words, whole words; its Chinese
    words)."""
    from dsfact.lang import words_of

    words = words_of("roles", f"denied-{key}")
    latin = [w for w in words if not has_cjk(w)]
    pattern = whole_words(latin, "a-z0-9'’") if latin else None
    return pattern, tuple(w for w in words if has_cjk(w))


def _last(key: str, text: str) -> int | None:
    """The end of the last word of `key` in text, or None."""
    pattern, chinese = _table(key)
    ends = [m.end() for m in pattern.finditer(text)] if pattern is not None else []
    ends += [at + len(w) for w in chinese if (at := text.rfind(w)) >= 0]
    return max(ends, default=None)


def denied(reader, q) -> bool:
    """Whether figure q stands in the predicate of a denied verb before it in its clause."""
    lo, _hi = reader.clause_span(q.start)
    start = max(lo, q.start - REACH)
    gap = reader.folded[start:q.start].replace("’", "'")
    end = _last("verb", gap)
    if end is None:
        return False
    k = bisect.bisect_left(reader.starts, start + end)
    if k < len(reader.quantities) and reader.quantities[k].start < q.start:
        return False  # another figure between: the denial's own
    return _last("stops", gap[end:]) is None

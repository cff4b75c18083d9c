"""A year's sum told with the part its last quarter or a quarter of it made: "Meta's capex for fiscal 2025 was $72.2
billion, $22.1 billion of it in the fourth quarter", "2025财年资本支出为722亿美元，Q4单季221亿美元", "2025財年資本開支
達722億美元，其中第四季度221億美元". A sum of a year followed in its sentence by a smaller sum of its unit that a word
of a quarter governs (time.words [quarter-part], right before it or in the few words after it, no other figure
between) is the year as its quarters were reported: its outcome, or a plan revised once quarters were in, not the
plan told at the year's start that a claim of that year's spending records. It may agree but never contradicts.
Only when the year's sum comes first and names the claim's year in its clause: a quarter told before a year's
plan ("第四季度资本支出148亿美元，2025年预计600亿至650亿美元") is the year before's, and the plan stays judged."""
from __future__ import annotations

from dsfact.matching.cues import has_cjk
from dsfact.matching.when import WRITTEN_YEAR

_WORDS: list = []  # [Alternation of time.words [quarter-part]], read once
BEFORE = 10  # characters before the quarter's sum where its word of a quarter may end ("Q4单季221亿", "第四季度的")
AFTER = 28  # characters after it where that word may begin ("$22.1 billion of it in the fourth quarter")


def year_with_quarter(text, q, year: str) -> bool:
    """Whether sum q (`text`: a TextMatcher) names the claim's `year` in its clause and is followed in its sentence
    by a smaller sum of its unit that a word of a quarter governs, no other figure of that unit between."""
    if q.unit in ("count", "pct", "ratio", "date", "duration") or q.per is not None or q.direction is not None \
            or not isinstance(q.value, (int, float)) or text._quantities is None:
        return False
    folded = text.folded
    start, _ = text.reader().clause_span(q.start)
    if not any(m.group(1) == year for m in WRITTEN_YEAR.finditer(folded, start, q.start)):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    after = [x for x in text.figures_in(q.end, sentence.end) if x.unit == q.unit]
    if not after or not isinstance(after[0].value, (int, float)) or not 0 < after[0].value < q.value:
        return False
    part = after[0]
    nxt = after[1].start if len(after) > 1 else sentence.end
    finder = _finder(has_cjk(folded[start:part.end]))
    if any(m.end() <= part.start for m in finder.finditer(folded, max(q.end, part.start - BEFORE), part.start)):
        return True
    return finder.search(folded, part.end, min(nxt, part.end + AFTER)) is not None


def _finder(chinese: bool):
    if not _WORDS:
        from dsfact.lang import words_of
        from dsfact.matching.wordtables import Alternation

        _WORDS.append(Alternation(words_of("time", "quarter-part")))
    return _WORDS[0].get(chinese)

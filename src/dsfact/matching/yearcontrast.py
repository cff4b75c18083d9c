"""A year's figure told as "this year" beside the claim's year named for another figure of its kind: "Meta's
capex this year is expected to reach $135 billion, far above the $72 billion of 2025", "今年资本开支预计达
1350亿美元，远超2025年的722亿美元". A writer who names 2025 for one figure and says "this year" of the other in
the same sentence means two years: "this year" is not the claim's year, whatever the rest of the text says
(dsfact.matching.doubt.doubts_time reads it as another day). A figure placed in the claim's year by its own
words ("今年（2025年）") is that year's."""
from __future__ import annotations

from dsfact.matching.when import WRITTEN_YEAR, year_kind

_RELATIVE = frozenset(("current-year", "next-year"))


def year_set_apart(text, q, year: str) -> bool:
    """Whether figure q is placed in "this year" or "next year" by its own words while its sentence names the
    claim's `year` for another figure of q's unit, and nothing of q's own places it in that year."""
    reader = text.reader()
    own = reader.times(q)
    if not any(year_kind(t)[0] in _RELATIVE for t in own) or any(t.startswith("date:" + year) for t in own):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    if not any(m.group(1) == year for m in WRITTEN_YEAR.finditer(text.text, sentence.start, sentence.end)):
        return False
    return any(x is not q and x.unit == q.unit and any(t.startswith("date:" + year) for t in reader.times(x))
               for x in text.figures_in(sentence.start, sentence.end))

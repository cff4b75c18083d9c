"""A deadline of an order is not a later day of the figure ordered: in "South Korea plans to secure 10,000 GPUs by
the end of 2025", told in 2025, the year's end is when the order is to be filled, not a state as of a day after
the claim's sources were written ("As of December 31, 2025, Colossus had 200,000 GPUs", "had secured 40,000 GPUs
by the end of 2025"). Only a deadline (time.words [state] `deadline`) in the year the claim's sources were
written, in a sentence that tells a plan before the figure ([state] `plan`), for a claim of an order ([state]
`plan-events`: the claim's event in events.words) counts. "By the end of 2026" is a later plan; "Colossus will
have 200,000 GPUs by the end of 2025" a later size of a cluster whose GPUs the claim counts; and in a plan over
years the sum by a deadline inside it is a first tranche ("plans to invest $100 billion by the end of 2025").
(dsfact.matching.when.event_later asks it of each state's date.)"""
from __future__ import annotations

import datetime

from dsfact.lang import words_by_script, words_of


def plan_horizon(text, q, x, day: datetime.date, claim) -> bool:
    """Whether date figure x, a state's date (`day`) in figure q's sentence, is the deadline of a plan that q's
    sentence tells, in the year the claim's sources were written (`text`: a TextMatcher)."""
    from dsfact.matching.events import event_of
    from dsfact.matching.sourcedays import source_days
    from dsfact.matching.wordtables import whole_word_in, word_ending

    if event_of(claim) not in words_of("time", "state", "plan-events"):
        return False  # a state ("GPUs in the cluster that trained Grok 3"): a year-end size is a later one
    days = source_days(claim, text.registry.sources)
    if not days or str(day.year) != max(days)[:4]:
        return False
    folded = text.folded
    head = folded[max(0, x.start - 24):x.start].rstrip()
    if word_ending(head, words_of("time", "state", "deadline")) is None:
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    latin, chinese = words_by_script("time", "state", "plan")
    return any(w in folded[sentence.start:q.start] for w in chinese) \
        or whole_word_in(folded, sentence.start, q.start, latin)

"""Where in a text a figure can state a claim, found from the cue words alone, before any figure is read.

Reading figures is most of the cost of checking figure-dense news text (a markets page states a figure
every few words), and most of those figures are about things no registry speaks of. dsfact.match binds
a figure to a claim only when the figure's own sentence holds a metric word of that claim, and a
subject word of it is in that sentence or in one of the LOOKBACK_SENTENCES sentences before it
(TextMatcher.candidates, _borrow_subject; _respectively only re-pairs subjects already found). So
only in such sentences can a figure become a finding, and the numbers engine need read nothing else.

dsfact.numbers reads the figures of those spans as a read of the whole text reads them (it begins a
margin before each). tests/test_prefilter.py holds the findings equal to those of a read of the whole
text; a change to binding that lets a figure take a metric word from another sentence must change
`bindable_spans` with it.
"""
from __future__ import annotations

from dsfact.match import LOOKBACK_SENTENCES, METRIC, SUBJECT, TextMatcher


def bindable_spans(matcher: TextMatcher) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) spans of matcher.text in which a figure may state a claim."""
    sentences = matcher.sentences
    if not sentences or not matcher.hits:
        return []
    subjects: list[set[int]] = []
    metrics: list[set[int]] = []
    hits, starts = matcher.hits, matcher._hit_starts
    roles = matcher.index.roles
    from bisect import bisect_left

    for s in sentences:
        subj: set[int] = set()
        met: set[int] = set()
        for k in range(bisect_left(starts, s.start), bisect_left(starts, s.end)):
            hit = hits[k]
            if hit.end > s.end:
                continue
            for ci, role in roles.get(hit.cue, ()):
                if role == METRIC:
                    met.add(ci)
                elif role == SUBJECT:
                    subj.add(ci)
        subjects.append(subj)
        metrics.append(met)
    spans: list[tuple[int, int]] = []
    for i, s in enumerate(sentences):
        if not metrics[i]:
            continue
        if not any(metrics[i] & subjects[j] for j in range(max(0, i - LOOKBACK_SENTENCES), i + 1)):
            continue
        if spans and s.start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], s.end)
        else:
            spans.append((s.start, s.end))
    return spans


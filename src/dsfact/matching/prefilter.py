"""Where in a text a figure can state a claim, found from the cue words alone, before any figure is read.

Reading figures is most of the cost of checking figure-dense news text (a markets page states a figure
every few words), and most of those figures are about things no registry speaks of. dsfact.matching binds
a figure to a claim only when the figure's own sentence holds a metric word of that claim, and a
subject word of it is in that sentence or in one of the LOOKBACK_SENTENCES sentences before it
(TextMatcher.candidates, _borrow_subject), or in the heading above it or its list's lead line
(_structure_subject; _respectively only re-pairs subjects already found). So
only in such sentences can a figure become a finding, and the numbers engine need read nothing else;
and there only a figure whose unit is one of those claims' units need be matched.

dsfact.numbers reads the figures of those spans as a read of the whole text reads them (it begins a
margin before each). tests/test_prefilter.py holds the findings equal to those of a read of the whole
text; a change to binding that lets a figure take a metric word from another sentence must change
`Bindable` with it.
"""
from __future__ import annotations

from dsfact.matching.matcher import LOOKBACK_SENTENCES, TextMatcher
from dsfact.model import Quantity


class Bindable:
    """Where in a text a figure may state a claim (`spans`, for the numbers engine), and which claims a
    figure read there may state (`admits`): those with a metric word in its sentence and a subject word
    in reach, of a unit the figure can have."""

    def __init__(self, matcher: TextMatcher) -> None:
        self.matcher = matcher
        self.claims: dict[int, set[int]] = {}  # sentence index -> claims a figure in it may state
        self.spans: list[tuple[int, int]] = []  # sorted, disjoint (start, end) offsets
        self._context_subjects: dict[tuple, frozenset[int]] = {}
        sentences = matcher.sentences
        if not sentences or not matcher.hits:
            return
        subjects: list[set[int]] = [set() for _ in sentences]
        metrics: list[set[int]] = [set() for _ in sentences]
        by_role = matcher.index.claims_by_role
        ends = [s.end for s in sentences]
        si, last = 0, len(sentences) - 1
        for hit in matcher.hits:  # in order of position: one pass, the sentence advancing with them
            while si < last and hit.start >= ends[si]:
                si += 1
            if hit.start < sentences[si].start or hit.end > ends[si]:
                continue  # between sentences, or across the end of one
            metric, subject = by_role(hit.cue)
            metrics[si] |= metric
            subjects[si] |= subject
        spans = self.spans
        for i, s in enumerate(sentences):
            if not metrics[i]:
                continue
            claims = metrics[i] & set().union(*subjects[max(0, i - LOOKBACK_SENTENCES):i + 1],
                                              self._carried(s.start))
            if not claims:
                continue
            self.claims[i] = claims
            if spans and s.start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], s.end)
            else:
                spans.append((s.start, s.end))

    def _carried(self, pos: int) -> frozenset[int]:
        """The claims whose subject a heading above, or the lead line of the list, at pos names."""
        structure = self.matcher.structure
        if structure is None:
            return frozenset()
        spans = structure.context_of(pos)
        found = self._context_subjects.get(spans)
        if found is None:
            by_role = self.matcher.index.claims_by_role
            found = frozenset().union(*(by_role(h.cue)[1] for a, b, _ in spans for h in self.matcher.hits_in(a, b)))
            self._context_subjects[spans] = found
        return found

    def admits(self, q: Quantity) -> bool:
        """Whether figure q (read in one of the spans) may state a claim at all."""
        claims = self.claims.get(self.matcher.sentence_of(q.start))
        return bool(claims) and not claims.isdisjoint(self.matcher.index.family(q.unit))


def bindable_spans(matcher: TextMatcher) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) spans of matcher.text in which a figure may state a claim."""
    return Bindable(matcher).spans

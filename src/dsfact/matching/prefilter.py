"""Where in a text a figure can state a claim, found from the cue words alone, before any figure is read.

Reading figures is most of the cost of checking figure-dense news text (a markets page states a figure
every few words), and most of those figures are about things no registry speaks of. dsfact.matching binds
a figure to a claim only when the figure's own sentence holds a metric word of that claim, and a
subject word of it is in that sentence or in one of the LOOKBACK_SENTENCES sentences before it
(TextMatcher.candidates, _borrow_subject) or in the sentence after it (nextrecall.named_next), or in
the heading above it or its list's lead line (a table cell: also its row's label and its column's header,
whose metric words count as the cell's own: dsfact.matching.tables)
(_structure_subject; _respectively only re-pairs subjects already found); a figure in a heading also
takes the metric words of the first sentence under it (leads.heading_lead), and a list item those of its lead
line (leadmetric). So
only in such sentences can a figure become a finding, and the numbers engine need read nothing else;
and there only a figure whose unit is one of those claims' units need be matched.

dsfact.numbers reads the figures of those spans as a read of the whole text reads them (it begins a
margin before each). tests/test_prefilter.py holds the findings equal to those of a read of the whole
text; a change to binding that lets a figure take a metric word from another sentence must change
`Bindable` with it.
"""
from __future__ import annotations

from dsfact.matching.again import recalled_spans
from dsfact.matching.described import described_in, describes_any
from dsfact.matching.glossdate import glossed_claims, may_gloss
from dsfact.matching.leads import title_at
from dsfact.matching.matcher import TextMatcher
from dsfact.matching.pertext import offset_between
from dsfact.matching.recalled import earlier_metrics, mentions, noun_spans
from dsfact.matching.tables import pipe_row, table_metrics
from dsfact.model import Quantity


class Bindable:
    """Where in a text a figure may state a claim (`spans`, for the numbers engine), and which claims a
    figure read there may state (`admits`): those with a metric word in its sentence and a subject word
    in reach, of a unit the figure can have."""

    def __init__(self, matcher: TextMatcher) -> None:
        self.matcher = matcher
        self.claims: dict[int, set[int]] = {}  # sentence index -> claims a figure in it may state
        self.spans: list[tuple[int, int]] = []  # sorted, disjoint (start, end) offsets
        sentences = matcher.sentences
        if not sentences or not matcher.hits:
            return
        metrics = matcher.sentence_claims()[0]
        spans = self.spans
        structure = matcher.structure
        nouns = noun_spans(matcher.folded)
        amounts = recalled_spans(matcher.folded)  # "The $294K excludes ...": an amount said before (again)
        # a level may end a move the sentence tells ("lost 612.47 points, or 3.07%, to 19,341.83"), with no
        # metric word of its own (TextMatcher._cues): a sentence with a metric word may state any level
        levels = frozenset(i for i, c in enumerate(matcher.registry.claims) if c.kind == "level")
        text = matcher.text
        rows = "|" in text or "   " in text or "\t" in text  # else no sentence is a row (asked once, not per sentence)
        describes = describes_any(matcher)  # else no sentence describes a claim (asked once, not per sentence)
        glosses = may_gloss(matcher)  # else no sentence glosses a name with a date (the same)
        for i, s in enumerate(sentences):
            wanted = metrics[i] | levels if metrics[i] else metrics[i]
            table = structure.table_of(s.start) if structure is not None else None
            if not table and rows and (text.find("|", s.start, s.end) >= 0 or text.find("   ", s.start, s.end) >= 0
                                       or text.find("\t", s.start, s.end) >= 0):  # pipes, or columns of spaces
                table = pipe_row(text, s.start, s.end)
            if table:  # a table cell: its column's header and its row's label are read with it
                wanted = wanted | table_metrics(matcher, table)
            if nouns and mentions(nouns, s.start, s.end):  # "the $6 million figure", "one number: $6 million"
                wanted = wanted | earlier_metrics(matcher, i, True)
            if amounts and offset_between(amounts, s.start, s.end):
                wanted = wanted | earlier_metrics(matcher, i)
            if i + 1 < len(sentences) and metrics[i + 1] and title_at(matcher, i) is not None:
                wanted = wanted | metrics[i + 1]  # a heading's figure read with its lead (matcher._heading_lead)
            context = structure.context_of(s.start) if structure is not None else ()
            if context and not context[0][2]:  # a list item: its lead line's metric words (leadmetric)
                wanted = wanted | metrics[matcher.sentence_of(max(context[0][0], context[0][1] - 1))]
            if wanted:
                wanted = wanted & matcher.reach(i, context)
            if glosses:
                wanted = wanted | glossed_claims(matcher, i)  # "DeepSeek V3 (December 26, 2024)" (glossdate)
            claims = wanted | described_in(matcher, i) if describes else wanted
            if not claims:
                continue  # ("Trump revealed a partnership ... in AI infrastructure": dsfact.matching.described)
            self.claims[i] = claims
            if spans and s.start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], s.end)
            else:
                spans.append((s.start, s.end))

    def admits(self, q: Quantity) -> bool:
        """Whether figure q (read in one of the spans) may state a claim at all."""
        claims = self.claims.get(self.matcher.sentence_of(q.start))
        return bool(claims) and not claims.isdisjoint(self.matcher.index.family(q.unit))


def bindable_spans(matcher: TextMatcher) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) spans of matcher.text in which a figure may state a claim."""
    return Bindable(matcher).spans

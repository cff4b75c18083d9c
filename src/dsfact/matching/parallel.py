"""The kind of a price set against another: "R1 charges $2.19 per million output tokens, versus o1's $80",
"DeepSeek-R1每百万输出tokens收费2.19美元，低于OpenAI o1的80美元". The second price names no kind of its own; it
is compared with the first, whose own words say it is an output price, so it is o1's output price too."""
from __future__ import annotations

from dsfact.matching.comparison import is_comparison
from dsfact.model import Quantity


def parallel_kind(q: Quantity, text, hits, words: dict, rate_before) -> frozenset[str]:
    """The ids of the price claims (of q's family: `words`, kind word -> ids) whose kind the price q is set
    against names in its own words: q's clause names a compared name before q ("versus o1's", "低于OpenAI
    o1的"), and the nearest price before that clause, in q's sentence and of q's currency, has a kind word
    among its own words (`rate_before(folded, x)`: where they begin). Empty when none does."""
    folded = text.folded
    sentence = text.sentences[text.sentence_of(q.start)]
    clause_start, _ = text.reader().clause_span(q.start)
    if clause_start <= sentence.start:
        return frozenset()  # q's clause opens the sentence: nothing before it to be set against
    if not any(clause_start <= h.start and h.end <= q.start and text.index.names(h.cue)
               and is_comparison(folded, h.start, h.end) for h in hits):
        return frozenset()
    earlier = [x for x in text.figures_in(sentence.start, clause_start) if x.per is not None and x.unit == q.unit]
    if not earlier:
        return frozenset()
    return _own_kinds(earlier[-1], folded, hits, words, rate_before)


def run_kind(q: Quantity, text, hits, words: dict, rate_before) -> frozenset[str]:
    """The ids of the price claims the k-th bare price of a run in q's clause states when an earlier clause of
    its sentence gave as many prices, each with a kind word of its own ("R1 charges $0.55 per million input
    tokens and $2.19 per million output tokens, versus $15 and $60 for o1": $15 is o1's input price, $60
    its output price). Empty when the counts differ or an earlier price names no kind: then nothing pairs."""
    folded = text.folded
    sentence = text.sentences[text.sentence_of(q.start)]
    clause_start, clause_end = text.reader().clause_span(q.start)
    if clause_start <= sentence.start:
        return frozenset()
    run = [x for x in text.figures_in(clause_start, clause_end) if x.unit == q.unit]
    if len(run) < 2 or any(x.per is not None for x in run):
        return frozenset()
    earlier = [x for x in text.figures_in(sentence.start, clause_start) if x.per is not None and x.unit == q.unit]
    if len(earlier) != len(run):
        return frozenset()
    told = []
    for x in earlier:
        kinds = _own_kinds(x, folded, hits, words, rate_before)
        if not kinds:
            return frozenset()
        told.append(kinds)
    if len(set(told)) != len(told):
        return frozenset()  # two prices of one kind: the run pairs with models, not kinds
    return told[run.index(q)]


def _own_kinds(x: Quantity, folded: str, hits, words: dict, rate_before) -> frozenset[str]:
    """The ids the kind words among price x's own words name (from where `rate_before` says they begin to x's end)."""
    own = rate_before(folded, x)
    return frozenset().union(*(words.get(h.cue, ()) for h in hits if own <= h.start and h.end <= x.end))


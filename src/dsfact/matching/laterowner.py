"""A subject named after a figure only in a later clause that holds a figure of its own, when the figure's own words
speak for that subject in the first person (issue 9: the nearest subject wins). '"Our goal is to raise €200 billion
in total," von der Leyen said, and the EU itself will put in €50 billion', "范德賴恩表示：「我們的目標是籌集總計2,000
億歐元」，並表示歐盟將出資500億歐元": the EU named in the later clause is the subject of that clause's figure, out of
the first figure's reach. A subject named only out of reach makes the one a figure then borrows from an earlier sentence
loose (dsfact.matching.matcher: "After Monday's 20% slide, analysts still like Nvidia" names Nvidia for no figure,
and "While most models need 16,000 GPUs, DeepSeek used 2,048" sets the figure against it). But where the figure's
clause says "we" for the subject (the speaker speaks for it: dsfact.matching.ourwords) and the later name only owns a
figure of its own, the figure has its subject in its own words: the one borrowed binds as it would alone."""
from __future__ import annotations

from dsfact.matching.cues import SUBJECT
from dsfact.matching.text import INF


def out_of_reach(text, q, missing: list[int], subject: dict[int, float]) -> list[int]:
    """The claims of `missing` whose subject figure q's sentence names only out of its reach (`subject` holds
    them at INF), but for those every name of which after q stands in a later clause with a figure of q's unit
    of its own while q's words say "we" for that subject (`text`: a TextMatcher)."""
    named = [ci for ci in missing if subject.get(ci, 0.0) == INF]
    if not named:
        return named
    si = text.sentence_of(q.start)
    sentence = text.sentences[si]
    from dsfact.matching.ourwords import speaks_for
    from dsfact.matching.sections import speaks_first_person

    if not speaks_first_person(text.folded, sentence.start, q.start, text.text):
        return named  # (no "we" before q: no claim's speaker speaks for it)
    reader, after = text.reader(), text.hits_in(q.end, sentence.end)
    out = []
    for ci in named:
        later = [h for h in after if (ci, SUBJECT) in text.roles_of(h)]
        if not later or not all(_owned(text, reader, q, h) for h in later) or not speaks_for(text, q, si, ci):
            out.append(ci)
    return out


def _owned(text, reader, q, hit) -> bool:
    """Whether the name at `hit` stands in a clause after q's that holds a figure of q's unit."""
    start, end = reader.clause_span(hit.start)
    return start >= q.end and any(x is not q and x.unit == q.unit for x in text.figures_in(start, end))

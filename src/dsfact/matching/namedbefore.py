"""Whether a figure's own sentence names someone before it (TextMatcher._named_before), worked out once per figure:
the matcher asks it of a figure before reading its cue words (matcher._unreached), again when the figure's sentence
names no subject (before borrowing one), and dsfact.matching.referents.said_after asks it a third time."""
from __future__ import annotations

from dsfact.matching.aside import in_aside
from dsfact.matching.capitals import framed_before, reached, sentence_names
from dsfact.matching.epithets import in_epithet
from dsfact.matching.others import not_names as _not_names
from dsfact.matching.relaside import described_asides, names_only_in, within
from dsfact.model import Quantity


def named_before(text, q: Quantity, si: int) -> bool:
    """TextMatcher._named_before of figure q of sentence si, kept for the last figure asked (the matcher asks of one
    figure at a time; the answer reads the clause marks its figures give, so the figures the text uses are part of
    the key, as are the figure itself and its sentence)."""
    last = getattr(text, "_named_last", None)
    if last is not None and last[0] is q and last[1] is text._quantities and last[2] == si:
        return last[3]
    found = _named_before(text, q, si)
    text._named_last = (q, text._quantities, si, found)
    return found


def _named_before(text, q: Quantity, si: int) -> bool:
    (first_cue, names), asides = sentence_names(text, si, q.unit), described_asides(text, si, q.start)
    if first_cue <= q.start and not names_only_in(text, si, q, asides) and not framed_before(text, si, q):
        return True
    not_names = _not_names()
    for start, end, word in reached(text.folded, names, q.start):  # (none a name a thing is likened to)
        if end > q.start:  # a name cut by the figure is read as far as the figure
            word = text.text[start:q.start].lower()
        if word not in not_names and not in_epithet(text, si, q.start, start) and not in_aside(text, start, end, q.start) and not within(asides, start, end):
            return True  # (an epithet's capitals name no one: "The Silicon Valley chip giant rose 9%")
    return False

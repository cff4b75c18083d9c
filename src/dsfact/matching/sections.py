"""A subject borrowed from another section: in a roundup each item stands under a heading of its own ("## DeepSeek"
over V3's cost, then "## Cohere" over "The Toronto start-up said its newest model cost $9 million"), and a figure
under one heading whose sentence names no one is not about the subject an earlier item named. A subject carried
into a section from the body or heading of another section (one whose heading is not above the figure) binds
loosely: it may agree, never contradict. A name in a heading above the figure (the story's title) or in the
body that opens the document, or the section above it, carries as before."""
from __future__ import annotations

import bisect

from dsfact.matching.text import INF


def other_section(text, q, missing: list[int], subject_d: dict[int, float]) -> list[int]:
    """The claims of `missing` whose subject figure q borrowed (a finite `subject_d`) from a name in another
    section of the text than q's own (see the module's docstring)."""
    structure = text.structure
    if structure is None:
        return []
    borrowed = [ci for ci in missing if subject_d.get(ci, INF) < INF]
    if not borrowed:
        return []
    chain = [span for span in structure.context_of(q.start) if span[2]]  # the headings above q, innermost first
    if not chain:
        return []
    own = chain[0][0]
    naming = text.index.naming
    out = []
    for ci in borrowed:
        if any(ci in naming(h.cue)[1] for h in text.hits_in(own, q.start)):
            continue  # named in the figure's own section (its heading or its body)
        before = [h for h in text.hits_in(0, own) if ci in naming(h.cue)[1]]
        if not before:
            continue
        pos = before[-1].start
        if any(a <= pos < b for a, b, _ in chain):
            continue  # a heading above the figure names it
        head = _section_head(structure, pos)
        if head is not None and head not in [span[:2] for span in chain]:
            out.append(ci)
    return out


def _section_head(structure, pos: int) -> tuple[int, int] | None:
    """The span of the heading whose section holds offset pos: the heading itself when pos stands in one (a
    heading a block under it names as its own), else the innermost heading above pos's block; None before
    every heading."""
    k = bisect.bisect_right(structure.starts, pos) - 1
    if k < 0 or pos >= structure.ends[k]:
        return None
    span = (structure.starts[k], structure.ends[k])
    if any(k + 1 < len(structure.contexts) and c[:2] == span and c[2] for c in structure.contexts[k + 1]):
        return span
    heads = [c[:2] for c in structure.contexts[k] if c[2]]
    return heads[0] if heads else None

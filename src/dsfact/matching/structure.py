"""Subjects carried by a document's structure: a heading gives its subject to the blocks under it, and a
list's lead line to the list's items ("DeepSeek-V3 at a glance:" above "- Training cost: $5.6 million").

dsfact.document gives each block the texts of the headings above it and of its list's lead line
(`Block.headings`, `Block.lead`); here they become spans of the text, so that their cue words can be
found among the text's own."""
from __future__ import annotations

import bisect


class Structure:
    """Per block of a text: where it stands, and the spans whose subject it may take, nearest first (its
    lead line, then the headings above it from the innermost out). A plain class: a dataclass costs a
    millisecond or more to create, on every run."""

    __slots__ = ("starts", "ends", "contexts")

    def __init__(self, starts: list[int], ends: list[int], contexts: list[tuple[tuple[int, int, bool], ...]]) -> None:
        self.starts = starts
        self.ends = ends
        self.contexts = contexts  # (start, end, is a heading)

    def context_of(self, pos: int) -> tuple[tuple[int, int, bool], ...]:
        """The lead line and heading spans of the block at offset pos (none outside every block), each
        with whether it is a heading."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0 or pos >= self.ends[k]:
            return ()
        return self.contexts[k]


def structure_of(text: str, blocks) -> Structure | None:
    """The Structure of a text from its document's blocks (in order); None when no block has a heading
    above it or a lead line."""
    if not any(b.headings or b.lead for b in blocks):
        return None
    starts, ends, contexts = [], [], []
    latest: dict[str, tuple[int, int, bool]] = {}  # a block's text -> the span of the latest block so written
    headings: dict[str, tuple[int, int, bool]] = {}
    for b in sorted(blocks, key=lambda b: b.start):
        spans = []
        if b.lead:
            span = latest.get(" ".join(b.lead.split()))
            if span is not None:
                spans.append(span)
        for heading in reversed(b.headings):
            span = headings.get(" ".join(heading.split()))
            if span is not None and span not in spans:
                spans.append(span)
        starts.append(b.start)
        ends.append(b.end)
        contexts.append(tuple(spans))
        words = " ".join(text[b.start:b.end].split())
        latest[words] = (b.start, b.end, False)
        if b.kind == "heading":
            headings[words] = (b.start, b.end, True)
    return Structure(starts, ends, contexts)

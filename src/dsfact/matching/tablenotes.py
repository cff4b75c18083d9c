"""What a table says of its units outside its headers: a note over or under it ("單位：億美元", "Unit: US$ bn",
"（单位：万GPU小时）") and a column of units ("| Model | Input | Output | Unit |" over "| DeepSeek-R1 | 0.55 | 2.19 |
$ per 1M tokens |"). A bare cell figure whose header and row label name no unit takes the unit its row's unit
cell names, else the one its table's note names (read by dsfact.matching.tables.cell_units, as a header's).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.lang import words_of
from dsfact.numbers.patterns import lazy

NOTE_CHARS = 60  # a unit note is a short line of its own (or the end of a caption): not a paragraph of prose


class TableNotes:
    """The unit words of a document's table cells beyond their headers: `of(pos)`, for the cell holding pos."""

    __slots__ = ("starts", "ends", "words")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.words: list[tuple[str, ...]] = []  # per cell: its row's unit cell, then its table's note

    def of(self, pos: int) -> tuple[str, ...]:
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.words[k] if k >= 0 and pos < self.ends[k] else ()


def table_notes(text: str, blocks) -> TableNotes | None:
    """The unit words of each table cell of a document (its blocks, in order) that a note or a unit column gives
    it; None when no table has either."""
    notes, blocks = TableNotes(), sorted(blocks, key=lambda b: b.start)
    k = 0
    while k < len(blocks):
        if blocks[k].kind != "cell":
            k += 1
            continue
        end = k
        while end < len(blocks) and blocks[end].kind == "cell":
            end += 1
        note = _note(text, blocks[k - 1] if k > 0 else None) or _note(text, blocks[end] if end < len(blocks) else None)
        _add_table(text, blocks[k:end], note, notes)
        k = end
    return notes if notes.starts else None


def _add_table(text: str, cells: list, note: str | None, notes: TableNotes) -> None:
    """The unit words of one table's cells: its row's unit cell (a cell under a header of [unit-column]), its note."""
    units = _unit_headers()
    row_unit: dict[str, str] = {}  # a row's label -> its unit cell's text
    for b in cells:
        if b.row is not None and b.column is not None and " ".join(b.column.split()).strip(" *_").lower() in units:
            row_unit[b.row] = text[b.start:b.end].strip()
    if not row_unit and note is None:
        return
    for b in cells:
        if b.row is None or b.column is None:
            continue
        found = tuple(w for w in (row_unit.get(b.row), note) if w)
        if found:
            notes.starts.append(b.start)
            notes.ends.append(b.end)
            notes.words.append(found)


# "單位：億美元", "Unit: US$ bn", "(Units: $ per 1M tokens)", "资料来源：彭博；单位：亿美元", "...（单位：万GPU小时）"; and
# told in a sentence: "Note: figures in US$ billions unless stated", "注：单位为亿美元", "註：金額單位為億美元"
_NOTE = lazy(r"(?:^|(?<=[\s(（;；,，。.:：]))(?:(?:金额|金額)?(?:单位|單位|units?)\s*(?:[:：]|[为為是]|are|is)\s*"
             r"|(?:all\s+)?(?:figures|amounts|numbers|values)\s+(?:are\s+)?in\s+)"
             r"(?P<unit>[^()（）;；,，。\n]{1,24}?)\s*(?:[)）;；,，。]|\.?$|\s+unless\b|\s+except\b)", re.I)


def _note(text: str, block) -> str | None:
    """The unit a short block beside a table names in a note ("單位：億美元", "Source: LSEG. Unit: US$ bn"); None
    when it is no such block."""
    if block is None or block.kind not in ("paragraph", "heading") or block.end - block.start > NOTE_CHARS:
        return None
    m = _NOTE.search(text, block.start, block.end)
    return m.group("unit").strip() if m else None


@lru_cache(maxsize=1)
def _unit_headers() -> frozenset[str]:
    return frozenset(words_of("roles", "unit-column"))

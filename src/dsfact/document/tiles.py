"""Stat tiles as a page copied from the web writes them: a block of short lines, a bare figure over its label
and the next figure under it ("1M⏎Token Context Input⏎30%⏎Compute vs DeepSeek R1⏎$534.7K⏎Reinforcement Training
Cost", "80K⏎推理输出⏎53.47万美元⏎强化学习成本"). Each line is a tile's part, not the words of one sentence: run on
into one, the label of a tile ("Compute vs DeepSeek R1") reads as the subject of the next tile's figure. The
Markdown reader keeps the break before each figure of such a block: a tile, its figure and its label, is a
sentence of its own.

Standard library only.
"""
from __future__ import annotations

import re

from dsfact.numbers.patterns import lazy

_TILE_COLUMNS = 40  # characters: a tile's figure or label is short; prose runs longer
_TILE_LINES = 4  # lines: two tiles at least
# a line that is a figure alone: "$534.7K", "30%", "1M", "80K", "2.5x", "53.47万美元", "¥4"
_BARE_FIGURE = lazy(r"\s*[$€£¥]?\s?[0-9][0-9,.]*\s?(?:[%kmbt+x×倍]|万|亿|千|萬|億|美元|元|欧元|歐元)*\+?\s*",
                    re.IGNORECASE)
_STOPS = ".。!！?？;；:："


def tile_breaks(s: str, lines: list[tuple[int, int]]) -> frozenset[int]:
    """The lines of a block (offsets in s, in order) after which a tile ends, when the block is stat tiles: four
    lines or more, each short and ending no sentence, at least two of them a figure alone, and every figure alone
    followed by a line of words (its label). A tile ends at the line before each figure alone: the figure and
    its label stay one sentence ("$534.7K Reinforcement Training Cost")."""
    bare = _bare_lines(s, lines)
    return frozenset(k for k in range(len(lines) - 1) if bare[k + 1]) if bare else frozenset()


def _bare_lines(s: str, lines: list[tuple[int, int]]) -> list[bool]:
    """For each line, whether it is a figure alone; empty when the block is no stat tiles."""
    if len(lines) < _TILE_LINES:
        return []
    bare = []
    for a, b in lines:
        line = s[a:b].strip()
        if not line or len(line) > _TILE_COLUMNS or line[-1] in _STOPS:
            return []
        bare.append(_BARE_FIGURE.fullmatch(line) is not None)
    if sum(bare) < 2 or bare[-1] or any(bare[k] and bare[k + 1] for k in range(len(bare) - 1)):
        return []
    return bare

"""Invisible format characters (Unicode category Cf): a zero-width space, a soft hyphen, a word
joiner, left-to-right and right-to-left marks, a byte order mark inside the text. A reader does not
see them, so they must not hide a figure from the checker: ``4,<U+200B>096`` is 4,096.

Nor does a reading of a Chinese character given in pinyin in brackets right after it, as pages that annotate
their characters print it ("600萬(wàn)美元", "據(jù)悉"): the annotation is no part of the sentence, and would part
萬 from 美元. Only a syllable with a tone mark is taken for one: "(AI)" or "(de)" after a character stays.
Nor does the number of a list item glued to its first word after a bullet ("• 1Nvidia lost $589 billion", a
page's counter copied without its space): it would hide the name it is glued to.

`strip_invisible` takes them out of the text that is checked and keeps the map back to the original
(`origin`, the entity ends, the blocks), so a finding is still located where it stands in the file.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from dsfact.document.model import Block
from dsfact.fold import has_han

# Every character of Unicode's category Cf (as of Unicode 15; tests/security checks it against the
# running Python's unicodedata).
_FORMAT_BMP = (  # those of the Basic Multilingual Plane
    "\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb")
FORMAT_CHARACTERS = _FORMAT_BMP + (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"  # a vowel (or n, m) with a tone mark: pinyin, not English
PINYIN_READING = rf"(?<=[\u3400-\u9fff])[(（][a-zü]{{0,5}}[{_TONED}][a-zü]{{0,5}}[)）]"

GLUED_ITEM_NUMBER = r"(?<=[•‣◦▪●■] )\d{1,2}(?=[A-Z][a-z])"  # "• 1Nvidia": the item's number, then its text


@lru_cache(maxsize=2)
def _invisible(reading: bool = True) -> re.Pattern[str]:
    """The pattern; without the pinyin reading for a text where none can stand (no Chinese character or no
    toned vowel): its look-behind, a class of the Chinese range, costs over a millisecond to compile."""
    if not reading:
        return re.compile(f"[{FORMAT_CHARACTERS}]+|{GLUED_ITEM_NUMBER}")
    return re.compile(f"[{FORMAT_CHARACTERS}]+|{PINYIN_READING}|{GLUED_ITEM_NUMBER}")


@lru_cache(maxsize=1)
def _may_strip() -> re.Pattern[str]:
    """Where a match of _invisible(False) must begin in text of the Basic Multilingual Plane: at a format character
    or a bullet (one character of a class, which the regex engine skips to far faster than it tries the pattern's
    branches, one of them a look-behind, at every character); compiled when first asked (ASCII text never is)."""
    return re.compile("[" + _FORMAT_BMP + "•‣◦▪●■]")


_HYPHENS = {0x2010: "-", 0x2011: "-"}  # hyphen, non-breaking hyphen: one character each, as "-" is


def _plain_hyphens(text: str, blocks: list[Block]) -> tuple[str, list[Block]]:
    """The text with Unicode's hyphens written "-": a reader sees "GPU‑hours" and "Llama‑3" (U+2011, a
    non-breaking hyphen that web pages and word processors put in) as "GPU-hours" and "Llama-3", and so
    must the checker. One character for one, so no offset moves."""
    blocks = [block._replace(headings=tuple(h.translate(_HYPHENS) for h in block.headings),
                             lead=None if block.lead is None else block.lead.translate(_HYPHENS))
              for block in blocks]
    return text.translate(_HYPHENS), blocks


def strip_invisible(
    text: str, origin: Sequence[int], ends: dict[int, int], blocks: list[Block]
) -> tuple[str, Sequence[int], dict[int, int], list[Block]]:
    """(text, origin, ends, blocks) with the format characters taken out of `text`: `origin` and the
    entity `ends` (text index -> original end) lose their entries, and block offsets and texts follow.
    Returns its arguments as they are when the text holds none (one regex search; none at all for
    ASCII text, where no format character can stand, so the pattern is not even compiled)."""
    if text.isascii():
        return text, origin, ends, blocks
    if "\u2010" in text or "\u2011" in text:
        text, blocks = _plain_hyphens(text, blocks)
    reading = has_han(text) and any(c in text for c in _TONED)
    if not reading and max(text) <= "\uffff" and _may_strip().search(text) is None:
        return text, origin, ends, blocks  # (the answer of pattern.search, in a third of its time)
    pattern = _invisible(reading)
    if pattern.search(text) is None:
        return text, origin, ends, blocks
    parts: list[str] = []
    kept: list[int] = []
    run_starts: list[int] = []
    run_ends: list[int] = []
    removed: list[int] = []  # characters removed up to the end of each run
    prev = 0
    for m in pattern.finditer(text):
        a, b = m.span()
        parts.append(text[prev:a])
        kept.extend(origin[prev:a])
        run_starts.append(a)
        run_ends.append(b)
        removed.append((removed[-1] if removed else 0) + b - a)
        prev = b
    parts.append(text[prev:])
    kept.extend(origin[prev:])  # the rest, and the end of the original after the last character

    def shift(i: int) -> int:
        """Where text index i (or a span boundary there) stands once the runs are out."""
        k = bisect_right(run_starts, i) - 1
        if k < 0:
            return i
        return i - (removed[k] - (run_ends[k] - min(i, run_ends[k])))

    new_ends = {}
    for i, end in ends.items():
        k = bisect_right(run_starts, i) - 1
        if k < 0 or i >= run_ends[k]:  # not itself removed
            new_ends[shift(i)] = end
    new_blocks = [
        block._replace(start=shift(block.start), end=shift(block.end),
                headings=tuple(pattern.sub("", h) for h in block.headings),
                lead=None if block.lead is None else pattern.sub("", block.lead))
        for block in blocks
    ]
    return "".join(parts), kept, new_ends, new_blocks

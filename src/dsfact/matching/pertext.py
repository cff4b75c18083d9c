"""A finding about a whole text, worked out once per text and key: several figures of a text ask the same thing
("is this text placed in another week than Monday 27 January?"), and the answer depends only on the text."""
from __future__ import annotations

import bisect
from collections.abc import Callable


def kept(text, name: str) -> dict:
    """The dict a rule keeps its findings about `text` (a TextMatcher) in, as its attribute `name`, made when first
    asked: it lives as long as the text."""
    found = getattr(text, name, None)
    if found is None:
        found = {}
        setattr(text, name, found)
    return found


def remembered(text, name: str, key, compute: Callable):
    """compute(text, key), worked out on the first ask for `key` and kept on `text` (a TextMatcher) as the dict
    named `name`."""
    found = kept(text, name)
    if key not in found:
        found[key] = compute(text, key)
    return found[key]


def places_of(text, name: str, words) -> list[int]:
    """Every offset of the folded text of `text` (a TextMatcher) where one of `words` (plain strings) begins, as a
    substring, sorted: found once per text and word list (`name`), so that a rule asks with a bisect whether one
    stands in a span before it reads the span (any_between)."""
    found = kept(text, "_places_of")
    held = found.get(name)
    if held is None:
        folded, places = text.folded, set()
        for w in words:
            at = folded.find(w)
            while at >= 0:
                places.add(at)
                at = folded.find(w, at + 1)
        held = found[name] = sorted(places)
    return held


def any_between(text, name: str, words, start: int, end: int) -> bool:
    """Whether one of `words` begins in folded[start:end] (start <= offset < end), as a substring (places_of)."""
    return offset_between(places_of(text, name, words), start, end)


def offset_between(offsets: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted `offsets` lies in [start, end)."""
    k = bisect.bisect_left(offsets, start)
    return k < len(offsets) and offsets[k] < end

"""A finding about a whole text, worked out once per text and key: several figures of a text ask the same thing
("is this text placed in another week than Monday 27 January?"), and the answer depends only on the text."""
from __future__ import annotations

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



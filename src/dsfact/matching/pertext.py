"""A finding about a whole text, worked out once per text and key: several figures of a text ask the same thing
("is this text placed in another week than Monday 27 January?"), and the answer depends only on the text."""
from __future__ import annotations

from collections.abc import Callable


def remembered(text, name: str, key, compute: Callable):
    """compute(text, key), worked out on the first ask for `key` and kept on `text` (a TextMatcher) as the dict
    named `name`."""
    found = getattr(text, name, None)
    if found is None:
        found = {}
        setattr(text, name, found)
    if key not in found:
        found[key] = compute(text, key)
    return found[key]

"""What a module found in the text it read last. One text is matched at a time, so a module keeps what it
worked out about that text (per sentence, per name) and forgets it when the next text comes."""
from __future__ import annotations


class LastText:
    """A dict of findings that belongs to one text and empties when another text is asked about."""

    __slots__ = ("found", "text")

    def __init__(self) -> None:
        self.text: object = None
        self.found: dict = {}

    def of(self, text) -> dict:
        if self.text is not text:
            self.text, self.found = text, {}
        return self.found

"""Character references (entities) of HTML and Markdown: ``&#8203;``, ``&#x4e07;``, ``&nbsp;``.

The table of 2,000 names is imported on first use, not with this module.
"""
from __future__ import annotations

from functools import lru_cache


def entity_table() -> dict[str, str]:
    """HTML5's named character references, each name with its ';' (and the legacy ones without)."""
    from html import entities  # imported on first use: a table of 2,000 names

    return entities.html5


def numeric_entity(digits: str, base: int) -> str:
    """What ``&#digits;`` stands for, as a browser reads it (U+FFFD for a number out of range)."""
    digits = digits.lstrip("0") or "0"
    return _character(int(digits, base) if len(digits) <= 8 else 0x110000)


@lru_cache(maxsize=4096)
def _character(num: int) -> str:
    import html

    return html.unescape(f"&#x{num:x};")


def named_entity(name: str, semicolon: bool) -> tuple[str, int] | None:
    """(replacement, length of the name used) for &name; or a legacy &name without ';'."""
    table = entity_table()
    if semicolon:
        rep = table.get(name + ";")
        if rep is not None:
            return rep, len(name)
    for k in range(min(len(name), 32), 1, -1):  # legacy names (amp, lt, nbsp...) need no ';'
        rep = table.get(name[:k])
        if rep is not None:
            return rep, k
    return None


_ENTITY_SPACES = str.maketrans({"\xa0": " ", "\n": " ", "\r": " "})


def space_nbsp(rep: str) -> str:
    """A no-break space from an entity is a space; so is a line break (lines stay the file's)."""
    return rep.translate(_ENTITY_SPACES)

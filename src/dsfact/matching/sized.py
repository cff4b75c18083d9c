"""A size told beside the noun of what has it (roles.words [sized]: "Nvidia's $3.5 trillion valuation dropped 17%",
"its market capitalisation of $3.5 trillion took a 17% hit") is the level a move after it is taken from, or the
move itself: this module tells which."""
from __future__ import annotations


def sized_move(reader, q, end: int, before: bool) -> bool:
    """Whether a size told beside the noun of what has it (q, read by `reader`, a FigureReader; its clause ends at
    `end`) is the move itself: no move of its own follows it in its clause ("a $589 billion market value loss"),
    or one told in a phrase of its own follows a size named `before` it ("market value of $689 billion erased in a
    17% plunge": roles.words [sized-gap])."""
    at = None if q.direction is not None else reader._first_amount(q.end, end)
    if at is None or not before:
        return at is None
    from dsfact.lang import word_set

    return not word_set("roles", "sized-gap").isdisjoint(reader.folded[q.end:reader.quantities[at].start].split())

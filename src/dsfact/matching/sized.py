"""A size told beside the noun of what has it (roles.words [sized]: "Nvidia's $3.5 trillion valuation dropped 17%",
"its market capitalisation of $3.5 trillion took a 17% hit") is the level a move after it is taken from, or the
move itself: this module tells which."""
from __future__ import annotations


def sized_move(reader, q, end: int, before: bool, noun_end: int | None) -> bool:
    """Whether a size told beside the noun of what has it (q, read by `reader`, a FigureReader; its clause ends at
    `end`) is the move itself: no move of its own follows it in its clause ("a $589 billion market value loss"),
    or one told in a phrase of its own follows a size named `before` it ("market value of $689 billion erased in a
    17% plunge": roles.words [sized-gap]). A size told before its noun (the reader found it: it ends at `noun_end`,
    none if no noun follows the size) with no move after it and no direction of its own is the move only when the
    noun's next word names one (_move_named)."""
    at = None if q.direction is not None else reader._first_amount(q.end, end)
    if at is None and not before and q.direction is None:
        return _move_named(reader.folded, noun_end, end) or _lost_before(reader.folded, q.start)
    if at is None and before and _taken_off(reader, q):
        return False  # "wiped $590 billion off its market capitalisation of $3.5 trillion": the level
    if at is None or not before:
        return at is None
    from dsfact.lang import word_set

    return not word_set("roles", "sized-gap").isdisjoint(reader.folded[q.end:reader.quantities[at].start].split())


def _move_named(folded: str, noun_end: int | None, end: int) -> bool:
    """Whether the noun of a size right after it ([sized] `after`: valuation, 市值, chipmaker), which ends at
    `noun_end`, is followed by a word that names its move (roles.words [sized-moved]: "market value loss", 市值蒸发),
    or by one later in its clause (before `end`) that makes the size vanish ("8900亿美元市值在几小时内蒸发"); True
    with no such noun (keep it the move)."""
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import any_word_in
    from dsfact.matching.wordtables import space_end, word_starting

    if noun_end is None:
        return True
    j = space_end(folded, noun_end)
    j += folded.startswith("-", j)
    return word_starting(folded, [w for w in words_of("roles", "sized-moved") if j + len(w) <= end], j) is not None \
        or any_word_in(folded, words_of("roles", "sized-moved", "clause"), j, end)


def _taken_off(reader, q) -> bool:
    """Whether a figure of q's unit earlier in q's clause is taken off or out of the size named before q
    (roles.words [sized-taken] between them: "wiped $590 billion off Nvidia's market capitalisation of
    $3.5 trillion"): that figure is the move, q the level it was taken from."""
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import any_word_in

    start = reader.clause_span(q.start)[0]
    for x in reader.quantities:
        if x.unit == q.unit and start <= x.start and x.end <= q.start:
            if any_word_in(reader.folded, words_of("roles", "sized-taken"), x.end, q.start):
                return True
    return False


LOST_REACH = 24  # characters before a size read for the verb that loses it


def _lost_before(folded: str, at: int) -> bool:
    """Whether a verb that loses or wipes out the size stands right before offset `at` (roles.words [sized-moved]
    `before`: "wiped out $589 billion market value", 这场抛售抹去了5890亿美元市值): the size is the move."""
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import word_ending

    head = folded[max(0, at - LOST_REACH):at].rstrip()
    return word_ending(head, words_of("roles", "sized-moved", "before")) is not None

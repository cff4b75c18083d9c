"""A figure told as a change from an earlier estimate of its own: "annual spending will reach $37-40 billion, up
from a previous forecast of $35-40 billion", "将达到370亿-400亿美元，高于之前预估的350亿-400亿美元". The
figure is a revised forecast, a state later than the plan it revises: it may agree with a claim of a year's
plan but never contradicts it. The words are roles.words [revised-from]; this module holds the mechanism."""
from __future__ import annotations

REACH = 40  # characters of the clause after a figure's in which its words are sought


def revised_from(text, q) -> bool:
    """Whether the clause right after figure q's, in its sentence, opens with words that compare it with an
    earlier estimate of its own (roles.words [revised-from])."""
    from dsfact.lang import words_of

    _, end = text.reader().clause_span(q.start)
    sentence = text.sentences[text.sentence_of(q.start)]
    if end >= sentence.end - 1:
        return False
    after = text.folded[end + 1:min(sentence.end, end + 1 + REACH)].lstrip()
    return any(after.startswith(w) and (not w.isascii() or not after[len(w):len(w) + 1].isalnum())
               for w in words_of("roles", "revised-from", longest_first=True))

"""The day's trading told as the noun a close verb takes (roles.words [closed-trading]): "Nvidia closed Monday's
trading down 19.6%" is the close, though [session] reads "trading down" as a quote of the moment ("shares were trading
down 12%"). Chinese tells the close by its own verb (收跌, 收盘下跌), which the session's words already give way to."""
from __future__ import annotations

from dsfact.lang import word_set, words_of

_REACH = 40  # characters before "trading" read for the close verb and the possessive between


def closed_trading(text, q) -> bool:
    """Whether every [session] word that governs figure q is "trading" ([closed-trading] `head`) taken as a noun by a
    close verb right before it, with at most a possessive between ("closed trading down", "ended the day's trading
    lower")."""
    words = text.reader().clause_words(q, "session")
    if not words:
        return False
    folded, verbs = text.folded, word_set("roles", "closed-trading", "words")
    nouns = words_of("roles", "closed-trading", "head")
    for w in words:
        if not folded.startswith(nouns, w):
            return False
        before = folded[max(0, w - _REACH):w].replace("\u2019", "'").split()
        if before and before[-1].endswith("'s"):
            before.pop()  # "Monday's", "the session's"
            if before and before[-1] == "the":
                before.pop()
        if not before or before[-1] not in verbs and " ".join(before[-2:]) not in verbs:
            return False
    return True

"""A short phrase of where a body is, set off by commas after its noun ("the company, based in Hangzhou, spent
$6 million", "the lab, headquartered in Hangzhou, trained ..."), is an aside: its commas part no clause, so the
verb after it still governs the figure before it. The words that open such a phrase are language data
(dsfact/lang/sentences.words [located-aside])."""
from __future__ import annotations

ASIDE_CHARS = 40  # characters of the phrase at most, from its opening word to its closing comma


def aside_commas(text: str) -> set[int]:
    """The offsets of the commas that open and close such a phrase in `text`."""
    from dsfact.lang import words_of

    found: set[int] = set()
    lower = text.lower()  # (once per text: clause_marks asks when the text has ", ")
    for word in words_of("sentences", "located-aside"):
        at = lower.find(", " + word + " ")
        while at >= 0:
            close = lower.find(",", at + 2, at + 2 + ASIDE_CHARS)
            phrase = lower[at + 2:close] if close > 0 else ""
            if close > 0 and not any(c in phrase for c in ";:()—.") and close + 1 < len(lower) \
                    and lower[close + 1] == " ":
                found.update((at, close))
            at = lower.find(", " + word + " ", at + 2)
    return found

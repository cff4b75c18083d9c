"""A figure its subject is said to have given: "the cost could be far higher than the stated $5.6 million",
"遠高於DeepSeek對外宣稱的557萬美元", "DeepSeek號稱以560萬美元打造" (names.words [claimed-figure]). A word of
claiming right before the figure (a few words of `between` may stand between them) says the figure is what its
subject stated: the claim as reported. Such a figure is read as its claim's figure even where its clause sets it
against another amount, or its subject is carried from the sentence before ("its", "the firm"): the doubts of a
loose binding, another event, a framed name, a condition or a guess do not keep it from contradicting. The word's
owner must be the claim's subject, named right before it, or a word that points back to the subject told already
("its", "the company's", 其): "Wang's claimed 50,000 GPUs" is Wang's figure, and stays as it was."""
from __future__ import annotations

from dsfact.matching.cues import SUBJECT

_WORDS: tuple | None = None
_POSSESSIVE = ("'s", "’s", "的")  # "DeepSeek's claimed", "DeepSeek的宣称" (a name owns the word through these)


def _words() -> tuple:
    """names.words [claimed-figure] `before`, `between`, `owner` and `adverb`, each a wordtables.Words, read once."""
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import words_of
        from dsfact.matching.wordtables import Words

        _WORDS = tuple(Words(words_of("names", "claimed-figure", key)) for key in ("before", "between", "owner", "adverb"))
    return _WORDS


def claimed_figure(text, q, ci: int) -> bool:
    """Whether figure q (bound by `text`, a TextMatcher, to claim ci) is told as its subject's claim: a word of
    [claimed-figure] `before` ends right before it, or before a few `between` words, and the word's owner is
    ci's subject or an `owner` word."""
    folded = text.folded
    claims, between, _, _ = _words()
    end = q.start
    while True:  # step back over the words allowed between ("the stated mere $5.6 million", "声称只花了")
        end = _trimmed(folded, end)
        word = _ending(claims, folded, end)
        if word is not None:
            return _owner_fits(text, word, ci)
        step = _ending(between, folded, end)
        if step is None or step < q.start - 24:
            return False
        end = step


def _trimmed(folded: str, end: int) -> int:
    """Offset `end` moved back past the spaces before it."""
    while end > 0 and folded[end - 1] == " ":
        end -= 1
    return end


def _ending(words, folded: str, end: int) -> int | None:
    """Where the longest of `words` (a wordtables.Words) that ends folded[:end] as a word begins, or None."""
    starts = words.ending(folded, end, True, 0, end)
    return min(starts) if starts else None


def _owner_fits(text, at: int, ci: int) -> bool:
    """Whether the owner of the word of claiming that starts at `at` is claim ci's subject, named right before it
    (through "'s" or 的, past an `adverb`), or an `owner` word."""
    _, _, owners, adverbs = _words()
    folded = text.folded
    end = _trimmed(folded, at)
    while (adverb := _ending(adverbs, folded, end)) is not None:
        end = _trimmed(folded, adverb)
    if _ending(owners, folded, end) is not None:
        return True
    head = end
    for mark in _POSSESSIVE:
        if folded.endswith(mark, 0, end):
            head = _trimmed(folded, end - len(mark))
            break
    named = [h for h in text.hits_in(max(0, head - 40), end) if head <= h.end <= end]
    return any((ci, SUBJECT) in text.roles_of(h) for h in named)


# the doubts (roles.words) that speak of what a figure told as its subject's claim is set against, not of the claim
_NOT_THE_CLAIMED = frozenset(("condition", "conjecture", "true-cost", "others-estimate"))


def not_of_claimed(text, q, claim, names: list[str]) -> list[str]:
    """The doubts `names` that govern figure q (dsfact.matching.doubt), less those that speak of what it is set against
    when q is told as its subject's claim: "if it hid chips, V3 may have cost far more than the stated $5.6 million"."""
    if _NOT_THE_CLAIMED.isdisjoint(names):
        return names
    ci = text.index.position.get(claim.id)
    if ci is None or not claimed_figure(text, q, ci):
        return names
    return [n for n in names if n not in _NOT_THE_CLAIMED]

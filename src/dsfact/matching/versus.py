"""A sum set against another of its sentence (issue 9: another model's price beside the registered one): "R1 is far
cheaper than o1: $2.19 per million output tokens against $60", "DeepSeek R1 charges $0.55 per million input tokens
compared with $15", "每百万输出tokens 2.19美元对60美元". The sum after the word of comparison is the other side's
price, whoever the sentence named first: it may agree with a claim, never contradict one. A name right after it
("versus $60 for o1", "against $15 from OpenAI") says whose it is, and binds it as any name does. The words are
language data (names.words [set-against])."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.wordtables import whole_at, word_ending
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy
from dsfact.numbers.words import is_money

BETWEEN = 12  # characters that may stand between the word and the sum: a qualifier ("against about $60", 对约)
NAME_AFTER = 24  # characters after the sum where the name that says whose it is may begin


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from dsfact.lang import words_of

    return (words_of("names", "set-against", longest_first=True),
            words_of("names", "set-against", "after", longest_first=True))


def set_against_before(text, q: Quantity) -> bool:
    """Whether sum q stands right after a word of names.words [set-against] that follows a sum of its currency in
    its sentence, and no name right after q says whose it is (`text`: a TextMatcher)."""
    if not is_money(q.unit):
        return False
    folded = text.folded
    sentence = text.sentences[text.sentence_of(q.start)]
    head = folded[max(sentence.start, q.start - BETWEEN - 16):q.start]
    words, after = _words()
    for w in words:
        at = head.rfind(w)
        if at < 0:
            continue
        start, end = q.start - len(head) + at, q.start - len(head) + at + len(w)
        gap = folded[end:q.start]
        if len(gap) > BETWEEN or any(ch.isdigit() for ch in gap) or text.hits_in(end, q.start):
            continue
        if w.isascii() and not whole_at(folded, start, end):
            continue
        if not any(x.unit == q.unit and x.end <= start for x in text.figures_in(sentence.start, start)):
            continue
        return not _named_after(text, q, after)
    return False


def _named_after(text, q: Quantity, after: tuple[str, ...]) -> bool:
    """Whether a name begins right after sum q, alone or after a word of [set-against] `after` ("$60 for o1")."""
    folded = text.folded
    rest = folded[q.end:q.end + NAME_AFTER]
    stripped = rest.lstrip(" ")
    for w in after:
        if stripped.startswith(w + " "):
            stripped = stripped[len(w) + 1:]
            break
    at = q.end + len(rest) - len(stripped)
    names = text.index.names
    return any(h.start == at and names(h.cue) for h in text.hits_in(at, q.end + NAME_AFTER))


def compared_owner_after(text, q: Quantity, at: int) -> bool:
    """Whether figure q, set against another's by a word of comparison right before it (names.words [comparison]
    `before`: "compared with", "versus"), is followed at `at` by "for" and a registered name: "GPT-4o cost $100
    million, compared with $6.5 million for DeepSeek-V3", "100,000 GPUs versus 20,000 for DeepSeek-V3". The name
    after "for" owns the figure; it is no use a slice of the other figure is set aside for."""
    folded = text.folded
    head = folded[max(0, q.start - NAME_AFTER):q.start].rstrip()
    if word_ending(head, _compared_words()) is None:
        return False
    m = _FOR_NAME.match(folded, at)
    if m is None:
        return False
    naming = text.index.naming
    return any(h.start == m.end() and any(naming(h.cue)) for h in text.hits_in(m.end(), m.end() + NAME_AFTER))


_FOR_NAME = lazy(r"\s*for\s+(?:the\s+)?")


@lru_cache(maxsize=1)
def _compared_words() -> tuple[str, ...]:
    """names.words [comparison] `before`, its Latin words: the words that set a figure against another's."""
    from dsfact.lang import words_by_script

    return words_by_script("names", "comparison", "before")[0]

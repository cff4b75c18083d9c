"""A sentence that only tells who said the quote before it: '"... the venture will put $500 billion to work."
the President told reporters on Tuesday.', '“……”特朗普表示。' A quote that ends with its own full stop leaves
its attribution a sentence of its own; the speaker named there, an official who announces what others fund
(names.words [announcer], as in dsfact.matching.announcer), is no subject that sentence gives the sentences after
it, nor a body that turns the story away from the subject the quote was about: a later figure's search for a
subject (matcher._names_in, epithets.epithet_subject) reads past it. A company that speaks may speak of itself
('"Demand is strong," Microsoft said. The company plans ...'): it still counts. Only a short sentence counts: a
title and a name, a word of saying (names.words [speaker]) and a few words of when or where ("after the
announcement"), in either order ("said President Trump"), and a quote right before it; no figure. The words are
language data."""
from __future__ import annotations

from dsfact.lang import words_of
from dsfact.matching.wordedges import word_places

MAX_CHARS = 80  # the attribution sentence at most: "President Donald Trump said at the White House on Tuesday."
MAX_WORDS = 6  # words after the word of saying ("said after the announcement on Tuesday")
_CLOSING = "\"”」』'’"


def speaker_from(text, start: int, end: int) -> int | None:
    """Where in the sentence text[start:end] an attribution of the quote before it begins: `start` when the whole
    sentence only tells who said the quote that closes right before it, the offset after a closing quote when the
    rest of the sentence does ('"…" Trump said.' read as one sentence, “……。”特朗普表示。); None otherwise."""
    folded = text.folded
    before = folded[max(0, start - 4):start].rstrip()
    if before and before[-1] in _CLOSING and _attribution(folded[start:end]):
        return start
    close = max(folded.rfind(c, start, end) for c in _CLOSING)
    if close > start and _attribution(folded[close + 1:end]):
        return close + 1
    return None


def _attribution(span: str) -> bool:
    span = span.strip().rstrip(".。!！ ")
    if not span or len(span) > MAX_CHARS or any(c.isdigit() for c in span) \
            or any(c in span for c in ",，;；:：\"“”「」『』"):
        return False
    if not any(_word_at(span, name) is not None for name in words_of("names", "announcer")):
        return False  # ('"...," Microsoft said. The company plans ...': a company's quote may be about itself)
    for word in words_of("names", "speaker", longest_first=True):
        at = _word_at(span, word)
        if at is None:
            continue
        rest, head = span[at + len(word):].split(), span[:at].split()
        if word.isascii() and (len(rest) > MAX_WORDS or len(head) > MAX_WORDS):
            return False
        return bool(head or rest)
    return False


def _word_at(span: str, word: str) -> int | None:
    """Where `word` first stands in span, as word_places finds it (a Latin word whole)."""
    return next(word_places(span, word), None)

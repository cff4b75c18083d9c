"""A story told in the middle of a trading day: "By mid-afternoon, Nvidia's shares had sunk 17%" at the head
of a text places its moves of the day at that hour, not at the close (dsfact/lang/time.words
[session-head]). A move of a day's claim in such a text, in a sentence that does not name the close itself,
may agree with the claim but never contradicts it: the figures after the head are the session's."""
from __future__ import annotations

_WORDS: list = []  # [(head words, close words)], read once
HEAD_REACH = 40  # characters: the head word opens the text's first sentence, perhaps after a dateline


def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not _WORDS:
        from dsfact.lang import load_words

        table = load_words("time").get("session-head", {})
        _WORDS.append((tuple(table.get("before", ())), tuple(table.get("close", ()))))
    return _WORDS[0]


def mid_session(text, q) -> bool:
    """Whether figure q, in a text whose head tells the middle of a session, is a move of that session:
    its sentence names no close (`text`: a TextMatcher)."""
    found = getattr(text, "_mid_session", None)  # read once per text
    if found is None:
        found = text._mid_session = _told_mid_session(text)
    if not found:
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    return not _says(text.folded, sentence.start, sentence.end, _words()[1])


def _told_mid_session(text) -> bool:
    if not text.sentences:
        return False
    first = text.sentences[0]
    folded = text.folded
    head = folded[first.start:min(first.end, first.start + HEAD_REACH)].lstrip(" \t\n\"'“‘「")
    return any(head.startswith(w) and (not w.isascii() or not head[len(w):len(w) + 1].isalnum())
               for w in _words()[0])


def _says(folded: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether folded[start:end] holds one of the words (a Latin word whole)."""
    for w in words:
        at = folded.find(w, start, end)
        while at >= 0:
            stop = at + len(w)
            if not w.isascii() or (not folded[at - 1:at].isalnum() and not folded[stop:stop + 1].isalnum()):
                return True
            at = folded.find(w, stop, end)
    return False

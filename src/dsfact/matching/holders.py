"""Chinese words that hold a registered name but are another word: "每日经济新闻" (a newspaper, often quoted as
"据每日经济新闻报道") holds 日经, the Nikkei's name; a name found inside such a word names nothing
(names.words [holder]). Chinese is written without spaces, so a name is found wherever its characters stand."""
from __future__ import annotations

from dsfact.lang import words_of

_HOLDERS: list[tuple[str, ...]] = []  # names.words [holder] words, read when first asked


def unheld(folded: str, hits: list) -> list:
    """The cue hits of a folded text without those inside a word of [holder]; the same list when none is."""
    if not _HOLDERS:
        _HOLDERS.append(words_of("names", "holder"))
    spans = []
    for word in _HOLDERS[0]:
        at = folded.find(word)
        while at >= 0:
            spans.append((at, at + len(word)))
            at = folded.find(word, at + 1)
    if not spans:
        return hits
    return [h for h in hits if not any(a <= h.start and h.end <= b and (h.start, h.end) != (a, b) for a, b in spans)]

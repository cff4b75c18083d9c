"""A company told through its chief: "his company's market value" after "Nvidia CEO Jensen Huang", 他的公司 after
英伟达首席执行官黄仁勋, "her firm" after "Meta's chief executive, Jane Doe".

A possessive of a company (names.words [chief] `words`: "his company", "her firm", 他的公司) names the company whose
chief the text has just introduced by a title phrase: a registered name, a word of a chief's title (`before`: CEO,
chief executive, founder, 首席执行官, 创始人) and the chief's name right after it ("Nvidia CEO Jensen Huang",
"Nvidia's founder Jensen Huang", 英伟达CEO黄仁勋). The owner chain must be clear: the title phrase stands in the
possessive's sentence or the one before it in its paragraph, it is the only title phrase there, and no other
person is named between (a name the registry knows as an entity, among them its people, or a run of two
capitalised words no cue covers: "Sam Altman"); a registered subject's name is no person ("admires DeepSeek, the
start-up that wiped $600 billion off his company's value": his is still the chief's). The possessive then reads as a hit of the company's
name (dsfact.matching.text builds the hits), so every rule that reads a subject reads it: "wiped nearly $600
billion off his company's market value" is Nvidia's loss, as "off Nvidia's market value" is."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.lang import words_by_script
from dsfact.matching.cues import CueHit
from dsfact.matching.wordtables import spaced
from dsfact.numbers.patterns import lazy, led_by

_TITLE_GAP = (" ", "'s ", "’s ", "的", "")  # between the company's name and the title: "Nvidia CEO", "英伟达的创始人"
_PERSON_LATIN = lazy(r"\s*(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’-]+")  # "Jensen Huang", "Lisa T. Su"
_PERSON_HAN = lazy(r"[\u3400-\u9fff]{2,4}")  # 黄仁勋
_TWO_CAPITALS = lazy(r"[A-Z](?<=\b.)[a-z]+\s+[A-Z][a-z]+\b")  # another person's name: "Sam Altman"

_TABLES: tuple | None = None


def _tables() -> tuple:
    """(possessive patterns: for a text without a Chinese character and for one with, Latin title words, Chinese
    title words), built on first use from names.words [chief]. Each pattern opens with a look-ahead of its words'
    first characters (led_by: the same matches): searched over a whole text, a pattern that opens with a look-behind
    is otherwise tried in full at every character; the plain one leaves out the Chinese words, which cannot match
    there (a class of Chinese first characters costs more to compile)."""
    global _TABLES
    if _TABLES is None:
        latin_words, han_words = words_by_script("names", "chief")
        latin_titles, han_titles = words_by_script("names", "chief", "before")
        latin = r"(?<![\w])(?:%s)(?![\w])" % spaced(latin_words)
        _TABLES = ((lazy(led_by(*latin_words) + latin), lazy(led_by(*latin_words, *han_words) + r"(?:%s|%s)"
                                                             % (latin, spaced(han_words)))),
                   tuple(sorted(latin_titles, key=len, reverse=True)), tuple(sorted(han_titles, key=len, reverse=True)))
    return _TABLES


def chief_hits(text, hits: list[CueHit]) -> list[CueHit]:
    """The cue hits of a text, with each possessive of a chief's company read as a hit of that company's name
    (`text`, a TextCues being built: its index, text, folded text and sentences)."""
    folded = text.folded
    possessive = _tables()[0][has_han(folded)]
    if not hits or not text.sentences or possessive.search(folded) is None:
        return hits
    added = []
    for m in possessive.finditer(folded):
        owner = _owner(text, hits, m.start())
        if owner is not None:
            added.append(CueHit(m.start(), m.end(), owner.cue))
    return sorted(hits + added, key=lambda h: (h.start, h.end)) if added else hits


def _owner(text, hits: list[CueHit], at: int):
    """The hit of the registered name whose chief the possessive at `at` speaks of, or None (see the module)."""
    import bisect

    starts = [s.start for s in text.sentences]
    si = bisect.bisect_right(starts, at) - 1
    if si < 0:
        return None
    lo = text.sentences[si].start
    if si and text.sentences[si - 1].paragraph == text.sentences[si].paragraph:
        lo = text.sentences[si - 1].start
    naming = text.index.naming
    found = []
    for hit in (h for h in hits if lo <= h.start and h.end <= at):
        entity, subjects = naming(hit.cue)
        end = _titled(text, hit)
        if end is not None:
            found.append((hit, end, bool(subjects) and not entity))
    if len(found) != 1 or not found[0][2]:
        return None  # no title phrase, two of them (whose chief is "he"?), or a chief of a body no claim is about
    owner, end, _ = found[0]
    between = [h for h in hits if end <= h.start and h.end <= at]
    if any(naming(h.cue)[0] for h in between):
        return None  # a name the registry knows as an entity (a person among them: Trump, 孙正义) may be "his"
    covered = [(h.start, h.end) for h in between]
    for m in _TWO_CAPITALS.finditer(text.text, end, at):
        if not any(a <= m.start() < b for a, b in covered):
            return None  # a person no cue knows: "Sam Altman"
    return owner


def _titled(text, hit) -> int | None:
    """Where the chief's name ends, when the name at `hit` is followed by a chief's title and a name
    ("Nvidia CEO Jensen Huang", 英伟达首席执行官黄仁勋); None otherwise."""
    folded = text.folded
    _, latin, han = _tables()
    for gap in _TITLE_GAP:
        at = hit.end + len(gap)
        if folded[hit.end:at] != gap:
            continue
        for title in latin:
            if folded.startswith(title, at) and folded[at + len(title):at + len(title) + 1] == " ":
                m = _PERSON_LATIN.match(text.text, at + len(title))
                if m is not None:
                    return m.end()
        for title in han:
            if folded.startswith(title, at):
                m = _PERSON_HAN.match(folded, at + len(title))
                if m is not None:
                    return m.end()
    return None

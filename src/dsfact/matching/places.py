"""A country named as the place of a city: "the summit in Paris, France, where the EU announced ...",
"在法国首都巴黎举行的峰会上". The name says where something happened, not who did it, so it does not stand
between a figure and its subject as another body (matcher._cues). The cities, and the words that may stand
between a country and its city (首都, "capital"), are language data: dsfact/lang/names.words [place-of].

Only the two orders that cannot be read as a subject are taken: Chinese country-then-city (法国巴黎,
法国首都巴黎, 法国的首都巴黎) and English "City, Country" closed by a mark ("in Paris, France, the
Commission ..."); "in Paris, France pledged €109 billion" leaves France the subject."""
from __future__ import annotations

from dsfact.lang import word_set, words_of
from dsfact.matching.memo import LastText
from dsfact.matching.wordtables import word_ending

_PLACES: tuple | None = None
_CLOSERS = ",.;:)，。；：）"
_REACH = 24  # characters looked at on either side of the country's name


def _places() -> tuple:
    """(Latin cities, Chinese cities, words between a country and its city), longest first."""
    global _PLACES
    if _PLACES is None:
        from dsfact.lang import words_by_script

        latin, chinese = words_by_script("names", "place-of", longest_first=True)
        _PLACES = (latin, chinese, words_of("names", "place-of", "before", longest_first=True))
    return _PLACES


def names_place(folded: str, start: int, end: int) -> bool:
    """Whether the country named at folded[start:end] is the place of a city that follows it (Chinese) or
    that it follows after a comma (English, closed by a mark)."""
    latin, chinese, between = _places()
    after = folded[end:end + _REACH]
    if chinese and after[:1] and not after[0].isascii():
        after = after.removeprefix("的")
        for word in between:
            if after.startswith(word):
                after = after[len(word):].removeprefix("的")
                break
        if after.startswith(chinese):
            return True
    if latin and folded[end:end + 1] in _CLOSERS:  # at the text's end too
        before = folded[max(0, start - _REACH):start]
        if before.endswith(", "):
            before = before[:-2]
            return word_ending(before, latin) is not None
    return False


def place_of_figure(folded: str, start: int, end: int, figure: int) -> bool:
    """Whether the name at folded[start:end] is the place of the figure that follows it at `figure`: "in" (the)
    before it, "of" after it and nothing else between (names.words [place-in]: "investment in AI Factories in
    the EU of €10 billion")."""
    if not 0 < figure - end <= _REACH:
        return False  # (most names: asked for each name and figure of a sentence)
    if " ".join(folded[end:figure].split()) not in word_set("names", "place-in", "after"):
        return False
    words = folded[max(0, start - _REACH):start].split()
    if words and words[-1] == "the":
        words.pop()
    return bool(words) and words[-1] in word_set("names", "place-in", "before")


_SAID = LastText()  # the text last asked about -> (name's start, end, entity) -> what the figure does not change


def names_a_place(folded: str, start: int, end: int, figure: int, entity: bool) -> bool:
    """Whether the name at folded[start:end] says where, not who, for the figure at `figure`: a country named
    as the place of a city (an entity: names_place), or any body named as the place of the figure
    (place_of_figure) or of a body beside it (place_of_body). The first and the last are said once per name of
    a text (each figure of a sentence asks of its names, `matcher._cues`); only place_of_figure asks of the
    figure."""
    said = _SAID.of(folded)
    key = (start, end, entity)
    found = said.get(key)
    if found is None:
        found = said[key] = bool(entity and names_place(folded, start, end) or place_of_body(folded, start, end))
    return found or place_of_figure(folded, start, end, figure)


def place_of_body(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] is the place of a company named right after it, a kind of body
    between ("South Korea's largest search engine Naver", "南韩最大搜寻引擎NAVER将获得6万张GPU": names.words
    [place-of-body], `before` a ranking word, `words` the kind), or of the kind of body named right before it
    ("the largest search engine in South Korea", "a chipmaker in South Korea"): the country says where that
    body is, not who holds the figure."""
    kinds = words_of("names", "place-of-body", longest_first=True)
    before = folded[max(0, start - _REACH):start]
    for joint in (" in the ", " in "):  # "the largest search engine in South Korea": the kind before it
        if before.endswith(joint):
            head = before[:-len(joint)]
            if word_ending(head, [w for w in kinds if w.isascii()]) is not None:
                return True
            break
    after = folded[end:end + _REACH]
    latin = not after[:1] or after[0].isascii()
    if latin:
        if folded[start:end].endswith(("'s", "’s")) and after.startswith(" "):
            after = after[1:]  # (a cue hit that holds its possessive)
        elif after.startswith(("'s ", "’s ")):
            after = after[3:]
        else:
            return False
    else:
        after = after.removeprefix("的")
    ranking = words_of("names", "place-of-body", "before", longest_first=True)
    for word in ranking if after.startswith(ranking) else ():  # (after most names none: one test of all first)
        if after.startswith(word) and (not latin or after[len(word):len(word) + 1] == " "):
            after = after[len(word):].lstrip(" ").removeprefix("的")
            break
    if not after.startswith(kinds):
        return False
    for word in kinds:
        if after.startswith(word) and (not latin or not after[len(word):len(word) + 1].isalnum()):
            return True
    return False

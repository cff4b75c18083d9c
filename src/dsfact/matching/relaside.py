"""A non-restrictive relative clause between a subject and its verb tells of the subject, not of the main
clause's figure: in "Nvidia, which was the world's most valuable company in 2024, fell 17% on Monday" the year
is the aside's, and the fall is Monday's. Such an aside opens with a comma and a relative word ("which", "who",
"whose"), or in Chinese with an apposition that describes it (辉达，这家……的公司，), and closes with a comma or a
dash before the figure; its dates place nothing outside it. The opening words are language data (names.words
[relative-aside]).

In a sentence whose subject is given by description ("The chatbot, which topped Apple's US App Store, was built
for $5.6 million"), a name in such an aside is the aside's: the figure still takes the subject the description
stands for (described_asides)."""
from __future__ import annotations

from functools import lru_cache

_CLOSERS = ",—–;"
_REACH = 120  # characters an aside may run
_MARKS = {"comma": ",", "dash": " —", "hyphen": " -"}  # names.words [relative-aside]: the mark before each key's words


@lru_cache(maxsize=1)
def _openers() -> tuple[str, ...]:
    """What opens an aside, as it stands in folded text (the full-width comma folded to a comma): the mark, then a
    Latin word between spaces (", which "), or a Chinese word right after it (",这家")."""
    from dsfact.lang import words_of

    return tuple(mark + (f" {word} " if word.isascii() else word)
                 for key, mark in _MARKS.items() for word in words_of("names", "relative-aside", key))


@lru_cache(maxsize=1)
def _said() -> tuple[str, ...]:
    """The words of saying after which a Chinese opener begins what was said, no aside (names.words [relative-aside]
    `before`)."""
    from dsfact.lang import words_of

    return words_of("names", "relative-aside", "before")


@lru_cache(maxsize=1)
def _participles() -> tuple[str, ...]:
    """What opens a participle's aside after a described subject (names.words [described-aside] `comma`: "The data
    center, set to be as large as Manhattan, ..."), as it stands in folded text."""
    from dsfact.lang import words_of

    return tuple(f", {word} " for word in words_of("names", "described-aside", "comma"))


def relative_asides(folded: str, start: int, end: int, openers: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """The spans of the relative asides of folded[start:end] closed within it (and of those `openers` open)."""
    out = []
    for opener in _openers() + openers:
        at = folded.find(opener, start, end)
        while at >= 0:
            body = at + len(opener)
            if not opener[-1].isascii() and folded.endswith(_said(), start, at):
                at = folded.find(opener, body, end)
                continue  # "知情人士透露，这家……": what was said, its subject first
            close = next((i for i in range(body, min(end, body + _REACH)) if folded[i] in _CLOSERS
                          and not _digit_group(folded, i)), -1)
            if close > body:
                out.append((at, close + 1))
            at = folded.find(opener, body, end)
    return out


def _digit_group(folded: str, i: int) -> bool:
    """Whether the comma at folded[i] groups a figure's digits ("1,000億美元"): no mark that closes an aside."""
    return folded[i] == "," and 0 < i < len(folded) - 1 and folded[i - 1].isdigit() and folded[i + 1].isdigit()


def only_in_asides(text, sentence, q, dates: list[tuple[str, int, int]], fits) -> bool:
    """Whether every date of q's sentence that does not fit the claim (`fits(date)`) stands in a relative
    aside closed before figure q (`dates`: dsfact.matching.sentdates.sentence_dates, (date, start, end) in the text)."""
    wrong = [(start, end) for d, start, end in dates if not fits(d)]
    if not wrong:
        return False
    asides = [(a, b) for a, b in relative_asides(text.folded, sentence.start, q.start) if b <= q.start]
    return bool(asides) and all(any(a <= s and e <= b for a, b in asides) for s, e in wrong)


def in_aside_before(text, hit, q_start: int) -> bool:
    """Whether a word (a cue hit) stands in a relative aside closed before the figure at q_start, in its sentence:
    "Nvidia, which at one point was the most valuable company, fell 17%" (at one point is the aside's, not the
    fall's); "DeepSeek, whose app topped Apple's US chart, said it spent $5.6 million" (Apple is the aside's)."""
    sentence = text.sentences[text.sentence_of(q_start)]
    if not sentence.start <= hit.start < q_start:
        return False
    return any(a <= hit.start and hit.end <= b <= q_start for a, b in relative_asides(text.folded, sentence.start, q_start))


@lru_cache(maxsize=1)
def _determiners() -> tuple[str, ...]:
    """The words that open a description of a subject (nouns.words [epithet] `before`: the, this, 这家, 该), as they
    stand at a sentence's start in folded text."""
    from dsfact.lang import words_of

    return tuple(w + " " if w.isascii() else w for w in words_of("nouns", "epithet", "before"))


def described_asides(text, si: int, q_start: int) -> list[tuple[int, int]]:
    """The relative asides closed before q_start of sentence si when the sentence opens with a description of its
    subject ("The chatbot, which topped Apple's chart, ...", "The company, whose app ...", or a participle's: "The
    data center, set to be as large as Manhattan, ..."); none otherwise (a
    sentence that opens with a name, "Arm, which designs chips for Apple, fell 10%", is that name's)."""
    sentence = text.sentences[si]
    head = text.folded[sentence.start:q_start].lstrip(" \t\n\"'“‘")
    if not head.startswith(_determiners()):
        return []
    return [(a, b) for a, b in relative_asides(text.folded, sentence.start, q_start, _participles()) if b <= q_start]


def names_only_in(text, si: int, q, asides: list[tuple[int, int]]) -> bool:
    """Whether every cue word before figure q in sentence si that names a body or a subject stands in one of
    `asides` (none when there are none)."""
    if not asides:
        return False
    reading = text.index.reading
    for hit in text.sentence_hits(si):
        if hit.end > q.start:
            break
        _, foreign, names, entity, _, _, _ = reading(hit.cue, q.unit)
        if (entity or names or foreign) and not within(asides, hit.start, hit.end):
            return False
    return True


def within(asides: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether text[start:end] stands in one of `asides`."""
    return any(a <= start and end <= b for a, b in asides)

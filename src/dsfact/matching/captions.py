"""Photo captions (issue 9). A page copied from a news site keeps its pictures' captions: a short paragraph
told of a picture ("The logo is displayed at a store in Tokyo, Japan January 28, 2025."), its credit on the
line after it ("Issei Kato | Reuters") or at its end ("... January 27, 2025. REUTERS/Dado Ruvic"). The date
in a caption is the day the picture was taken, often a file photo's: it does not date the text, so it
places no figure of it on a claim's day (dsfact.matching.undated.text_dates and names_date, and the day a text
names: dsfact.matching.doubt._anchored).
Credit words are language data: sentences.words [credit]."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.numbers.patterns import lazy

CAPTION_CHARS = 400  # a caption is a short paragraph
CREDIT_CHARS = 80  # a credit line on its own is shorter still

_LINE = lazy(r"[^\n]*\S[^\n]*")


def in_caption(text, pos: int) -> bool:
    """Whether offset pos of `text` (a TextMatcher) stands in a photo's caption or its credit line."""
    spans = caption_spans(text)
    if not spans:
        return False
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def folded_without_captions(text) -> str:
    """text.folded with its captions and credit lines blanked (the same length: offsets hold); read once."""
    found = getattr(text, "_uncaptioned", None)
    if found is None:
        found = text.folded
        for a, b in caption_spans(text):
            found = found[:a] + " " * (b - a) + found[b:]
        text._uncaptioned = found
    return found


def caption_spans(text) -> tuple[tuple[int, int], ...]:
    """The spans of a text's captions and credit lines, in order; read once per text."""
    found = getattr(text, "_captions", None)
    if found is None:
        found = text._captions = _captions(text.text)
    return found


def _captions(raw: str) -> tuple[tuple[int, int], ...]:
    credit, agency = _patterns()
    credited = _may_credit(raw) and credit.search(raw) is not None
    if not credited and ("|" not in raw or agency.search(raw) is None):  # (an agency follows a bar)
        return ()
    lines = [(m.start(), m.end()) for m in _LINE.finditer(raw)]
    out: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(lines):
        line = raw[a:b]
        if credit.search(line) is None and ("|" not in line or agency.search(line) is None):
            continue
        if b - a <= CREDIT_CHARS and k > 0 and lines[k - 1][1] - lines[k - 1][0] <= CAPTION_CHARS:
            out.extend((lines[k - 1], (a, b)))  # "Issei Kato | Reuters" under the caption it credits
        elif b - a <= CAPTION_CHARS:
            out.append((a, b))  # "... January 27, 2025. REUTERS/Dado Ruvic", "... 2025. Issei Kato | Reuters"
    return tuple(sorted(set(out)))


# The characters other than a letter's two cases that re's IGNORECASE matches to an ASCII letter: "İ" and "ı" to "i",
# "ſ" to "s" (and "K", the Kelvin sign, whose lower case is "k"); "İ" is also the one character whose lower case is
# two characters. Mapped so, a text lowered holds a credit word wherever the credit pattern matches in it.
_CASELESS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _may_credit(raw: str) -> bool:
    """Whether a credit word may stand in raw: each looked for with str.find in the text lowered as IGNORECASE
    reads it, before the credit pattern is searched (its first characters are common letters, so that search
    tries the whole alternation at most characters of a text)."""
    # (str.translate walks every character in Python's slow path for a text not in ASCII: only where one of the
    # three characters it maps stands; a test of `in` for each runs in C)
    lowered = (raw.translate(_CASELESS) if "\u0130" in raw or "\u0131" in raw or "\u017f" in raw else raw).lower()
    return any(w in lowered for w in _credit_words())


@lru_cache(maxsize=1)
def _credit_words() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return tuple(w.lower() for w in words_of("sentences", "credit"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """sentences.words [credit]: its words anywhere in a line; its agencies after a bar ("Name | Reuters")."""
    from dsfact.lang import words_of
    from dsfact.numbers.patterns import led_by

    words = words_of("sentences", "credit", longest_first=True)
    agencies = words_of("sentences", "credit", "agencies", longest_first=True)
    # the credit words opened by a look-ahead of their first characters (the same matches, case folded alike):
    # searched over a whole text, an alternation without one is tried in full at every character
    credit = led_by(*words) + "(?:" + "|".join(re.escape(w) for w in words) + ")" if words else "(?!)"
    agency = "|".join(re.escape(w) for w in agencies) or "(?!)"
    return (re.compile(credit, re.IGNORECASE),
            re.compile(rf"\S\s*\|\s*(?:{agency})(?![a-z])\s*$", re.IGNORECASE | re.MULTILINE))

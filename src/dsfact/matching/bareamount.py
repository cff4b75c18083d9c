"""A sum of money written without its currency: "wiped nearly six hundred billion from Nvidia's market cap",
"英伟达市值蒸发5890亿". Copy drops the currency where the subject leaves no doubt of it (a US company's market value
is in dollars), and a reader supplies it; read as a count of nothing, such a figure would state no claim. A bare
figure of a hundred million or more, written with a scale word and followed by no noun of what it counts (only
by a mark, the end of its sentence, or a word of roles.words [bare-amount-after]: "from", "off", "in"), is read
in the one currency of the claims whose cue words bind it there. Its currency is the reader's guess: it may agree
with a claim but never contradicts one (dsfact.check reads it as a guessed unit)."""
from __future__ import annotations

from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy
from dsfact.numbers.words import is_money

FROM = 1e8  # a bare count this large, written with a scale word, may be a sum of money
_SCALED = lazy(r"billion|trillion|[0-9]\s*(?:bn|tn|bil|tril)(?![a-z])|[億亿]")
_NEXT = lazy(r"\s*([a-z]+|[^\sa-z0-9])?")
_WORDS: list = []


def _after() -> frozenset[str]:
    if not _WORDS:
        from dsfact.lang import load_words

        _WORDS.append(frozenset(load_words("roles").get("bare-amount-after", {}).get("words", ())))
    return _WORDS[0]


def bare_amounts(matcher, quantities: list[Quantity]) -> tuple[list[Quantity], frozenset]:
    """The figures with each bare sum of money read in its claims' currency, and the spans of those so read."""
    units = None
    out, read = list(quantities), set()
    for k, q in enumerate(quantities):
        if q.unit != "count" or isinstance(q.value, str) or q.value < FROM or q.per is not None \
                or not _SCALED.search(q.text.lower()) or not _unnamed(matcher.folded, q.end):
            continue
        if units is None:
            units = sorted({c.unit for c in matcher.registry.claims if is_money(c.unit)})
        fits = [x for x in (q._replace(unit=u) for u in units) if any(
            c.claim.unit == x.unit for c in matcher.candidates(x, out))]
        if len(fits) == 1:
            out[k] = fits[0]
            read.add((q.start, q.end))
    return out, frozenset(read)


def _unnamed(folded: str, end: int) -> bool:
    """Whether no noun of what a figure counts follows it at `end`: a mark, the end, or a word of the table."""
    m = _NEXT.match(folded, end)
    word = m.group(1)
    if word is None:
        return True
    if word.isascii() and word.isalpha():
        return word in _after()
    return not word.isalnum()  # (a Chinese character after 亿 is a noun or a verb: 亿颗, 亿人; a mark ends it)

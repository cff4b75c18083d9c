"""A family's member named by its size: "Meta's Llama 3, which counts 405 billion parameters, used 11 times as much
compute", "Llama 3 405B needed 30.8 million GPU hours", "4050亿参数的Llama 3", "4050億參數的Llama 3". A claim of a
family (Llama 3's models together) lists the sizes of its members among its exclude words; such a word names which
model is meant, so it rules the claim out where another exclude word would not: in an appositive that describes
the name before the figure (dsfact.matching.aside.describes_subject: "DeepSeek, a start-up spun out of High-Flyer,"
speaks of the name, not of the figure's metric; a size is the name's own narrowing), and where the reader reads the
size as a figure of its own ("405B") while the figure's own words hold the claim's metric
(dsfact.matching.ownwords), and before the figure across figures of other units that the member's clause tells
("Llama 3 405B burned 30.8 million GPU hours, about 11 times DeepSeek-V3's": sized_before). A size is a number with a word of size (names.words [model-size]) or a scale letter
right after it ("405b"). Other numbered names ("V3", "H800") are not sizes."""
from __future__ import annotations

from functools import lru_cache

from dsfact.numbers.patterns import lazy

_LETTER_SIZE = lazy(r"\d(?:[\d.,]*\d)?\s?[bm]\b")  # "405b", "70b", "1.5b" (folded: lower case)


@lru_cache(maxsize=1)
def _size_words() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return words_of("names", "model-size")


def names_size(folded: str, start: int, end: int) -> bool:
    """Whether the exclude word at folded[start:end] names a model by its size: a number and a word of size, or a
    number with a scale letter ("405 billion parameters", "405-billion-parameter", "4050亿参数", "405b")."""
    word = folded[start:end]
    if not any(c.isdigit() for c in word) and not any(c in word for c in "亿億万萬"):
        return False
    return _LETTER_SIZE.search(word) is not None or any(w in word for w in _size_words())


def sized_before(text, q, hit) -> bool:
    """Whether exclude word `hit`, before figure q in its sentence, names a model's size and no figure of q's unit
    stands between them: the size names the subject of every figure of its sentence that follows it, whatever
    figures of other units come between (`text`: a TextCues)."""
    if hit.end > q.start or not names_size(text.folded, hit.start, hit.end):
        return False
    si = text.sentence_of(q.start)
    if text.sentence_of(hit.start) != si:
        return False
    return not any(x.unit == q.unit for x in text.figures_in(hit.end, q.start) if x.end <= q.start)

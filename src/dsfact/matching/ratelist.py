"""A list of rates: "DeepSeek's API costs $0.55 per million input tokens, $0.14 for cached inputs, and $2.19 per
million output tokens". The rate's base is told once, with the list's first item; the items after it that tell
none of their own are rates of the same base, not sums set aside for a use beside a larger total
(dsfact.matching.family.earmarked_slice reads "€20 billion for gigafactories" so); and the words of the short
"for" phrase an item opens ("for cached inputs") are that item's, which rule no claim out for the next
(dsfact.matching.bodies.governs_other)."""
from __future__ import annotations

from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

# what stands between two items of a list: a comma (or 、, ；), and perhaps "and"/"or", or a word joining them
_LIST_GAP = lazy(r"\s*(?:[,，、;；]\s*(?:(?:and|or|plus)\s+)?|(?:and|or|plus|及|和|与)\s*)")


_PHRASE = 3  # words an item may add after its figure before the comma ("for cached inputs")


def continues_rate(text, q: Quantity) -> bool:
    """Whether figure q, a sum with no rate of its own, follows in a list, in its sentence, a figure of its unit
    that is a rate (it has a base: "per million tokens"), with only the list's comma or joining word between
    them, or the short phrase that figure opens after its rate ("$0.14 for cached inputs, and $2.19 ...":
    each item a rate in turn)."""
    if q.per is not None:
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    folded = text.folded
    later = q
    for x in reversed(text.figures_in(sentence.start, q.start)):
        if x.unit != q.unit or x.end > later.start:
            continue
        gap = folded[x.end:later.start]
        comma = max(gap.rfind(","), gap.rfind("，"), gap.rfind("、"))
        said = gap[:comma].split() if comma >= 0 else None  # the item's own short phrase, "for cached inputs"
        if _LIST_GAP.fullmatch(gap) is None and (said is None or len(said) > _PHRASE or not all(map(str.isalpha, said))
                                                 or _LIST_GAP.fullmatch(gap, comma) is None):
            return False
        if x.per is not None:
            return True
        later = x  # an item with no base of its own: the rate may stand before it ("$0.55 per ..., $0.14 ..., $2.19")
    return False


_FOR_WORDS = 2  # words of a "for" phrase before the word it governs ("for cached inputs", "for the output")


def for_phrase(gap: str) -> bool:
    """Whether `gap` (between a figure and a word after it) opens a short phrase of that figure with one of
    roles.words [for-phrase] and holds no more than _FOR_WORDS letters-only words after it."""
    from dsfact.lang import word_set

    words = gap.split()
    return 1 < len(words) <= 1 + _FOR_WORDS and words[0] in word_set("roles", "for-phrase") \
        and all(w.isalpha() for w in words[1:]) and not gap.rstrip().endswith((",", "，"))

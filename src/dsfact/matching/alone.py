"""The words beside a figure in its clause: whether it stands there alone, told by the clause next to it
("On December 26, DeepSeek released V3", "训练它的成本，大约600万美元"), and the date an event's word follows
(dated_word). Read by dsfact.matching.matcher (a date's event) and dsfact.matching.evidence (how firmly a
metric word governs a figure)."""
from __future__ import annotations

import bisect

from dsfact.lang import word_set
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy
from dsfact.numbers.words import is_money


def stands_alone(folded: str, start: int, end: int, q: Quantity, upto: int | None = None) -> bool:
    """Whether figure q stands in the clause folded[start:end] with nothing beside it but a bracketed aside,
    words such as "on", "in" or 在 ([date-clause] in lang/time.words), a qualifier ("about", 大约) and a word
    that says others tell it (numbers.words [told-as]: "reportedly"); the dashes that set it off are no words:
    "In 2013, he founded DeepSeek", "训练它的成本，大约600万美元", "its cost — reportedly $6 million — ", and
    beside an amount a year of its own ("Meta's capex plan, up to $65 billion for 2025, ..."). Such a figure is
    told by the clause next to it.
    `upto`: where q's own restatement in another currency ends (`restated_until`), which is q's too
    ("训练它的成本，大约900多万美元不到3亿台币")."""
    links, told = date_links(), word_set("numbers", "told-as")
    words = [w.strip(_DASHES) for w in rest_words(folded, start, end, q, upto)]
    if q.unit != "date" and any(_YEAR_WORD.search(w) for w in words):  # "its plan, up to $65 billion for 2025,"
        words = [w for w in _YEAR_WORD.sub(" ", " ".join(words)).split() if w != "for"]  # 计划，2025年最多950亿美元
    return all(not w or w in links or w in told or w in _qualifier_words() for w in words)


def rest_words(folded: str, start: int, end: int, q: Quantity, upto: int | None = None) -> list[str]:
    """The words of the clause folded[start:end] beside figure q (and its restatement up to `upto`), without a
    bracketed aside. A restatement opened in a bracket takes its closing bracket with it ("approximately
    $249,000 (about 2.08 million RMB)", "约29.4万美元（约合210万元人民币）")."""
    after = max(q.end, upto or 0)
    if upto and folded.startswith((")", "）"), after) and any(b in folded[q.end:upto] for b in "(（"):
        after += 1
    rest = _ASIDE.sub(" ", folded[start:q.start] + " " + folded[after:end])
    return [w for w in _WORDS.split(rest) if w]


def restated_until(folded: str, q: Quantity, after: list[Quantity], reader) -> int | None:
    """Where the restatement of sum q in another currency that follows it ends, when the next figure (the
    first of `after`, the figures after q in its clause) is one: "大约900多万美元不到3亿台币", "about $9 million,
    or roughly NT$290 million" (roles.words [conversion], or only a qualifier between: 不到, "under"). The
    conversion is no second claim and no word of another subject beside q. `reader`: the text's
    dsfact.matching.roles.FigureReader. None when there is none."""
    if not after or not is_money(q.unit):
        return None
    from dsfact.matching.roles import CONVERSION_GAP

    x = after[0]
    if not is_money(x.unit) or x.unit == q.unit or x.start - q.end > CONVERSION_GAP:
        return None
    gap = [w for w in _WORDS.split(folded[q.end:x.start]) if w]
    if all(w in _qualifier_words() or w == "or" for w in gap) or "conversion" in reader.roles(x):
        return x.end
    return None


_QUALIFIER_WORDS: frozenset[str] | None = None


def _qualifier_words() -> frozenset[str]:
    """The words of the qualifiers before and after a figure (lang/numbers.words), one by one."""
    global _QUALIFIER_WORDS
    if _QUALIFIER_WORDS is None:
        from dsfact.lang import load_words

        tables = load_words("numbers")
        phrases = [w.split(" (", 1)[0] for t in ("qualifiers", "qualifiers-after")
                   for words in tables.get(t, {}).values() for w in words]
        _QUALIFIER_WORDS = frozenset(part for p in phrases for part in p.lower().split())
    return _QUALIFIER_WORDS


_YEAR_WORD = lazy(r"(?<![0-9])(?:19|20)[0-9]{2}(?:\s?年)?(?![0-9])")  # a year beside an amount in its clause: its time
_DASHES = "—–-"  # the dashes that set a figure off as an aside: "cost—$6 million—"
_ASIDE = lazy(r"[(（][^)）]*[)）]")  # a bracketed aside: "(Beijing time)", "（北京时间）"
_WORDS = lazy(r"[\s,，.。;；:：]+")


def date_links() -> frozenset[str]:
    """The words that may stand beside a date in a clause of its own (dsfact/lang/time.words [date-clause])."""
    return word_set("time", "date-clause")


def dated_word(text, q: Quantity, hit) -> bool:
    """Whether the word of an event at `hit`, before date q, follows another date right after it, nothing
    but spaces between ("2023年成立的DeepSeek在2024年底推出V3", "the 2023-founded lab launched V3 in
    December"): a date written right before its event's word is that event's, and the word is not q's."""
    starts = text._quantity_starts
    k = bisect.bisect_left(starts, hit.start) - 1
    if k < 0:
        return False
    x = text._quantities[k]
    return x is not q and x.unit == "date" and x.end <= hit.start and x.end < q.start \
        and not text.folded[x.end:hit.start].strip(" -")

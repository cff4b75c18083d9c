"""A fraction taken of an earlier state of its subject, not of the body a ratio claim compares with: "needed a
fifth of the compute of its predecessor", "只需要之前算力的1/10", "僅為過去的3%" (roles.words [fraction-base]),
or of another kind of sum ("half of what a mid-size lab budgets", "初创公司预算的一半").
The registry's fractions each compare with one body (GPT-4o's cost, GPT-4o's compute, the leading labs' GPUs); a
cut against what the subject used before is another comparison, and is not judged against them. A base that
names the body the claim compares with ("3% of what OpenAI spent on GPT-4o", "GPT-4o的5%") stays the claim's,
and so does a peer standing for it ("5% of its rivals' spending", 同行的二十分之一: tests/cases/subject9.yaml).
A fraction whose clause goes on to give, after it, a sum that is neither term of the claim's ratio (derived:
ratio_of) is taken of that sum: "以十分之一的成本做到人家要花100億美元才能做的事" is a tenth of ten billion, not of
GPT-4o's cost; "5% of GPT-4o's $100 million" and "5% of GPT-4o's cost, some $5.6 million" stay the claim's.
So is one whose sentence goes on to tell what another party spent to do the same, when the fraction's clause does
not name the body the claim compares with: "1% of your cost, doing what took you tens of billions", "只係用你1%嘅
成本，就做到你用幾百億開發做到嘅事" (roles.words [fraction-base] done)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.matching.wordtables import whole_words
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

CHINESE_REACH = 8  # a Chinese base: at most this many characters before the 的 right before the figure
_STOPS = lazy(r"[，,。；;：:！!？?、（）()\[\]“”\"「」]")


def _alternation(words) -> re.Pattern:
    """The Latin words of `words` as one pattern, each whole, longest first."""
    return whole_words([w for w in words if w.isascii()])


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern, re.Pattern, tuple[str, ...]]:
    """(the Latin words that open a base after the figure, the Latin base words, the Chinese base words)."""
    from dsfact.lang import load_words

    table = load_words("roles").get("fraction-base", {})
    words = table.get("words", ())
    return _alternation(table.get("after", ())), _alternation(words), tuple(w for w in words if not w.isascii())


@lru_cache(maxsize=1)
def _done() -> tuple[re.Pattern, tuple[str, ...]]:
    """roles.words [fraction-base] done: (the Latin ones as one pattern, the Chinese ones)."""
    from dsfact.lang import words_of

    words = words_of("roles", "fraction-base", "done")
    return _alternation(words), tuple(w for w in words if not w.isascii())


@lru_cache(maxsize=1)
def _peers() -> tuple[re.Pattern, tuple[str, ...]]:
    """roles.words [fraction-base] peers: (the Latin ones as one pattern, the Chinese ones)."""
    from dsfact.lang import words_of

    words = words_of("roles", "fraction-base", "peers")
    return _alternation(words), tuple(w for w in words if not w.isascii())


def clause_around(text, q: Quantity) -> tuple:
    """(figure q's sentence, the start and end of q's clause in it): from the clause mark before q (itself
    included) to the one after it."""
    marks = text._marks
    k = bisect.bisect_right(marks, q.start)
    sentence = text.sentences[text.sentence_of(q.start)]
    start = max(marks[k - 1] if k else sentence.start, sentence.start)
    end = min(marks[k] if k < len(marks) else sentence.end, sentence.end)
    return sentence, start, end


def _base_text(text, q: Quantity, start: int, end: int) -> tuple[int, int] | None:
    """Where the base of fraction q is told in its clause text.folded[start:end]: after a word of `after` right
    after the figure ("a fifth of the compute of its predecessor": to the clause's end), or, in Chinese, the
    few characters before a 的 right before the figure ("之前算力的1/10"), not counting a sum that ends at the
    的: the base's own amount ("预算1300万美元的一半"); None when neither."""
    folded = text.folded
    opener, _, _ = _table()
    k = q.end
    while k < end and folded[k] == " ":
        k += 1
    m = opener.match(folded, k, end)
    if m is not None:
        stop = _STOPS.search(folded, m.end(), end)
        return m.end(), stop.start() if stop else end
    k = q.start
    while k > start and folded[k - 1] == " ":
        k -= 1
    if k > start and folded[k - 1] == "的":
        reach = max(start, _before_sum(text, k - 1) - CHINESE_REACH)
        stops = [m.end() for m in _STOPS.finditer(folded, reach, k - 1)]
        return (stops[-1] if stops else reach), k - 1
    return None


def _before_sum(text, at: int) -> int:
    """Where a sum that ends at `at` (spaces aside) starts; `at` itself when none does."""
    folded, k = text.folded, at
    while k > 0 and folded[k - 1] == " ":
        k -= 1
    starts = text._quantity_starts
    i = bisect.bisect_left(starts, k) - 1
    if i >= 0 and text._quantities[i].end == k:
        return text._quantities[i].start
    return at


def _third_sum(text, q: Quantity, ci: int, end: int) -> bool:
    """Whether a sum stands after fraction q in its clause (up to `end`) that agrees with no statement of
    either term of claim ci's ratio (derived: ratio_of), in a unit of theirs: the fraction is of that sum."""
    from dsfact.numbers.quantity import agrees

    refs = {str(r).split("@")[0] for r in ((text.registry.claims[ci].derived or {}).get("ratio_of") or ())}
    terms = [c for c in text.registry.claims if c.id in refs]
    units = {c.unit for c in terms}
    if len(terms) < 2 or not text._quantity_starts:
        return False
    at = bisect.bisect_left(text._quantity_starts, q.end)
    for x in text._quantities[at:]:
        if x.start >= end:
            break
        if x.unit in units and x.direction is None \
                and not any(agrees(x, st, c.per) for c in terms for st in c.statements):
            return True
    return False


def other_fraction_base(text, q: Quantity, ci: int, start: int, end: int, compared: frozenset[str]) -> bool:
    """Whether fraction q (a share or ratio of claim ci, a ratio claim, in the clause text[start:end]) is
    taken of a base a word of [fraction-base] names ("its predecessor", 之前, 过去) that is none of the bodies
    ci compares with (`compared`, less ci's own subject: its names may stand in its metric), or of a sum
    after it that is neither term of ci's ratio (_third_sum)."""
    from dsfact.matching.bodies import alnum

    if _third_sum(text, q, ci, end) or _done_by_others(text, q, ci, start, end, compared):
        return True
    span = _base_text(text, q, start, end)
    if span is None:
        return False
    base = text.folded[span[0]:span[1]]
    _, latin, chinese = _table()
    if latin.search(base) is None and not any(w in base for w in chinese):
        return False
    own, others = _others_compared(text.registry.claims[ci], compared)
    # a name the base's first characters cut ("GPT-4o等同级模型的1/50": the base read from "4o等") is in it too
    named = [hit for hit in text.hits_in(max(0, span[0] - CHINESE_REACH), span[1]) if hit.end > span[0]]
    return not _names_any({alnum(hit.cue) for hit in named} - own, others)


def unnamed_base(text, q: Quantity, ci: int) -> bool:
    """Whether claim ci is a fraction that compares its subject with another body (dsfact.matching.bodies.bodies:
    GPT-4o's cost, the leading labs' GPUs) and figure q's sentence names neither that body nor, in q's clause where
    a base stands (after the figure; in Chinese before it), a peer standing for it (roles.words [fraction-base]
    peers): "comparable results at 1/15th the cost", "3% of what American labs spend", 同类模型的1/50 are shares of
    a base the writer leaves open, and a share of an unnamed base is no wrong share of the registered one. (A
    multiple's base and a saving's: dsfact.matching.bodies.)"""
    claim = text.registry.claims[ci]
    if claim.unit != "ratio":
        return False
    from dsfact.matching.bodies import alnum, bodies

    own, others = _others_compared(claim, bodies(text)[ci])
    if not others:
        return False
    sentence, start, end = clause_around(text, q)
    if _names_any({alnum(hit.cue) for hit in text.hits_in(sentence.start, sentence.end)} - own, others):
        return False
    latin, chinese = _peers()
    folded = text.folded
    if latin.search(folded, q.end, end) is not None or any(w in folded[q.end:end] for w in chinese):
        return False  # the base after the figure ("a third of its rivals' spending")
    return not any(w in folded[start:q.start] for w in chinese)  # 同行的二分之一


def _done_by_others(text, q: Quantity, ci: int, start: int, end: int, compared: frozenset[str]) -> bool:
    """Whether the rest of fraction q's sentence after it tells what another party
    spent to do the same (roles.words [fraction-base] done: "doing what took you tens of billions", 才能做到),
    while q's clause (text[start:end]) names none of the bodies claim ci compares with (`compared`)."""
    from dsfact.matching.bodies import alnum

    sentence = text.sentences[text.sentence_of(q.start)]
    after = text.folded[q.end:sentence.end]
    latin, chinese = _done()
    if not any(w in after for w in chinese) and latin.search(after) is None:
        return False
    own, others = _others_compared(text.registry.claims[ci], compared)
    return not _names_any({alnum(hit.cue) for hit in text.hits_in(start, end)} - own, others)


def _others_compared(claim, compared: frozenset[str]) -> tuple[set[str], set[str]]:
    """(the cue keys of claim's own subject, the bodies of `compared` that are not among them): a compared
    body's names may hold the subject's own ("deepseekreasoner" beside GPT-4o)."""
    from dsfact.matching.bodies import alnum

    own = {alnum(w.lower()) for w in claim.subject_cues}
    return own, {b for b in compared if b not in own}


def _names_any(keys: set[str], others: set[str]) -> bool:
    """Whether a cue key of `keys` names one of the bodies `others` (the one's key within the other's)."""
    return any(same_name(key, b) for key in keys for b in others)


def same_name(key: str, body: str) -> bool:
    """Whether cue key `key` names `body` (cue keys, dsfact.matching.bodies.alnum): the one within the other
    ("deepseek" in "deepseekv3", "v3" in "deepseekv3", "openai" in "openaigpt4o"), but not when the shorter ends
    with a model's number and the longer goes on right after it with a letter or a digit: "gpt4" within "gpt4o",
    "o1" within "o1pro" name another member of the family (GPT-4 is not GPT-4o, o1 pro is not o1)."""
    short, long = (key, body) if len(key) <= len(body) else (body, key)
    at = long.find(short)
    if at < 0:
        return False
    after = at + len(short)
    return not (short[-1:].isdigit() and after < len(long) and long[after].isalnum())

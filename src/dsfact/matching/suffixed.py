"""A Chinese name no cue word covers, told as a body by its suffix ("幻方科技", "幻方量化", names.words
[body-suffix]) or by its stock code in brackets ("万国数据(09698.HK)大涨21.2%": a code leads to its clause's verb): when the verb or a word that leads to it follows the suffix right away ("幻方科技成立于2016年",
"幻方量化于2015年成立"), the body is the subject of its clause, and a figure of that clause is its own, not a
registered subject's carried from an earlier sentence, as a capitalised name no cue word covers is in English
("High-Flyer Capital was founded in 2015": dsfact.matching.capitals.unregistered). Not when the figure's clause
names a registered body after the figure ("幻方量化于2023年5月分拆成立DeepSeek": the founded company is the verb's
object, and the claim's subject), nor a name that continues a cue word ("英伟达公司"), one made only of words of
kind ("初创公司", "中国AI公司": names.words [body-kind]), one opened by a word that points back or counts
("这家公司", "该集团"), or one that a word before it governs ("由幻方量化孵化", "被幻方基金收购")."""
from __future__ import annotations

import bisect
from functools import lru_cache

from dsfact.matching.cues import EXCLUDE
from dsfact.matching.text import INF
from dsfact.numbers.patterns import lazy

NAME_REACH = 12  # characters: a name before its suffix is short; a longer run names no one we can tell
_POSSESSIVE = "的"
# a stock code in brackets right after a name ("万国数据(09698.HK)", "GDS Holdings (HK:9698)", "(NYSE:BABA)",
# "(NVDA)"), folded: it tells a listed company as a suffix does, and its digits are part of the name
STOCK_CODE = lazy(r"\s*[(（]\s*(?:[a-z]{1,6}\s*[:：]\s*[0-9a-z.]{1,10}|[0-9]{3,6}\.[a-z]{1,3}|[a-z]{1,5})\s*[)）]")


@lru_cache(maxsize=1)
def _tables() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """names.words [body-suffix] (suffixes, words after them, governing words before a name) and [body-kind]
    (words of kind, pointers), longest first."""
    from dsfact.lang import words_of

    return (tuple(sorted((*words_of("names", "body-suffix"), *words_of("names", "body-suffix", "owned")),
                         key=len, reverse=True)),
            words_of("names", "body-suffix", "after", longest_first=True),
            words_of("names", "body-suffix", "before", longest_first=True),
            words_of("names", "body-kind", longest_first=True),
            words_of("names", "body-kind", "before", longest_first=True))


_OWNER_REACH = 8  # characters of an owner's name that opens its clause: "瑞致达的股价"


@lru_cache(maxsize=1)
def _owners() -> tuple[tuple[str, ...], frozenset[str]]:
    """names.words [body-suffix] `owned` (suffixes that tell an owner, not a kind of body) and `owner-not`."""
    from dsfact.lang import words_of

    return tuple(words_of("names", "body-suffix", "owned")), frozenset(words_of("names", "body-suffix", "owner-not"))


def _owner(words: str) -> bool:
    """Whether the words that open a clause before 的股价 or 的市值 may be a name: short, no time, no pointer."""
    return 2 <= len(words) <= _OWNER_REACH and not any(c in _owners()[1] for c in words)


def suffixed_name(text, q) -> float:
    """The distance to figure q of a Chinese name with a body's suffix that is the subject of q's clause
    (before q, the suffix followed right away by a cue word, a word of [body-suffix] `after` or q itself);
    INF when there is none, or when q's clause names a registered body after q."""
    suffixes = _tables()[0]
    folded, marks = text.folded, text._marks
    sentence = text.sentences[text.sentence_of(q.start)]
    k = bisect.bisect_left(marks, q.start)
    lo = max(marks[k - 1] + 1 if k else sentence.start, sentence.start)
    hi = min(marks[k] if k < len(marks) else sentence.end, sentence.end)
    codes = {}  # a coded name leads to q; its brackets are marks, so q's clause opens after its code
    for m in STOCK_CODE.finditer(folded, sentence.start, q.start):
        if m.end() >= lo:
            codes[m.end()] = m.start()
            j = bisect.bisect_left(marks, m.start())
            lo = min(lo, max(marks[j - 1] + 1 if j else sentence.start, sentence.start))
    if not codes and not any(w in folded[lo:q.start] for w in suffixes):
        return INF
    hits = text.hits_in(lo, hi)
    naming = text.index.naming
    if any(h.start >= q.end and any(naming(h.cue)) for h in hits):
        return INF  # "幻方量化于2023年分拆成立DeepSeek": the registered body is the verb's object
    roles = text.index.roles
    # (a cue word only of a claim's exclude words, 幻方 for a training cost, may be part of a name; any other is a
    # word the registry reads, "年内", no name)
    named = [h for h in hits if any(role != EXCLUDE for _, role in roles.get(h.cue, ()))]
    ends: dict[int, int] = {}  # where a suffix ends -> where its longest suffix starts
    for w in suffixes:
        at = folded.find(w, lo, q.start)
        while at >= 0:
            end = at + len(w)
            if end <= q.start and (end not in ends or at < ends[end]):
                ends[end] = at
            at = folded.find(w, at + 1, q.start)
    for end, at in codes.items():
        ends.setdefault(end, at)
    for end in sorted(ends):  # "幻方科技公司": suffixes in a row are one
        if ends[end] in ends:
            ends[end] = ends[ends[end]]
    best = INF
    for end, at in ends.items():
        if folded.startswith(_owners()[0], at) and not _owner(folded[lo:at].strip(" \t#>*-")):
            continue  # "当天的股价", "令这家芯片制造商的股价": a time or a pointer, no owner opening the clause
        if q.start - end < best and (end in codes or _leads(folded, end, q, hits)) and _names(folded, lo, at, named, ends):
            best = float(q.start - end)
    return best


def _leads(folded: str, end: int, q, hits: list) -> bool:
    """Whether the suffix ending at `end` is followed right away by q, a cue word or a word that leads to a verb."""
    if end == q.start or any(h.start == end for h in hits):
        return True
    return folded.startswith(_tables()[1], end)


def _names(folded: str, lo: int, at: int, hits: list, ends: dict[int, int]) -> bool:
    # (`hits`: the cue words of q's clause the registry reads, other than as exclude words alone)
    """Whether the words before a suffix at `at` (back to a mark, 的, another suffix or a governing word, within
    NAME_REACH) are a name: not after a figure ("在4年内投资"), neither holding nor continuing a cue word, nor
    words of kind or a pointer."""
    _, _, governing, kinds, pointers = _tables()
    hit_ends = {h.end for h in hits}
    j = at
    while True:
        if j in hit_ends or any(h.start < at and h.end > j for h in hits):
            return False  # "英伟达公司": a cue word's own name
        if j <= lo or j in ends or j < at and folded.endswith(governing, lo, j):
            break  # (a governing word's character right before the suffix ends the name: "万国数据(…)", 据)
        c = folded[j - 1]
        if c.isdigit():
            return False  # "在4年内投资": words after a figure are its unit's, no name
        if c == _POSSESSIVE or not (c.isalpha() or c == "-"):
            break
        j -= 1
        if at - j > NAME_REACH:
            return False
    run = folded[j:at].strip()
    if j > lo and folded.endswith(governing, lo, j) or run.startswith(pointers):
        return False  # "由幻方量化孵化", "这家公司"
    for w in kinds + _indefinite():
        run = run.replace(w, "")
    return len(run) >= 2


@lru_cache(maxsize=1)
def _indefinite() -> tuple[str, ...]:
    """names.words [indefinite-body]: "there is a" before a measure word (中国有家公司), longest first."""
    from dsfact.lang import words_of

    return words_of("names", "indefinite-body", longest_first=True)

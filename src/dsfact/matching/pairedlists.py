"""Two lists told in the same order, with no "respectively": "The Nasdaq and the S&P 500 fell 3.1% and 1.5%",
"纳指和标普500指数下跌3.1%和1.5%". A sentence that names as many registered subjects, joined as a list, before a
run of figures of one unit joined as a list (and, 、, 和, 及) pairs them in order, as "respectively" says; a
figure is not the nearest name's ("the S&P 500 fell 3.1%" is no reading of it)."""
from __future__ import annotations

from dsfact.matching.memo import LastText

_ARTICLES = ("the ", "a ", "an ")
_JOINTS = frozenset((",", "and", ", and", "、", "和", "及", "与", "以及", "&", "跟", "同"))


_LATER: list = []  # (cues.SUBJECT, patterns.joins_list), imported on the first call: asked per sentence and figure


def _later() -> tuple:
    if not _LATER:
        from dsfact.matching.cues import SUBJECT
        from dsfact.numbers.patterns import joins_list

        _LATER.append((SUBJECT, joins_list))
    return _LATER[0]


def pairs_lists(text, si: int) -> bool:
    """Whether sentence si of `text` (a TextCues) names two or more subjects joined as a list before a run of
    as many figures of one unit joined as a list, and nothing else of that unit."""
    subject, joins_list = _later()
    sentence = text.sentences[si]
    figures = text.figures_in(sentence.start, sentence.end)
    if len(figures) < 2:
        return False
    unit = figures[-1].unit
    run = [x for x in figures if x.unit == unit]
    if len(run) < 2 or any(not joins_list(text.text[a.end:b.start], joint=True) for a, b in zip(run, run[1:])):
        return False
    names = [h for h in text.sentence_hits(si) if h.end <= run[0].start
             and any(role == subject for _, role in text.roles_of(h))]
    if len(names) != len(run):
        return False
    folded = text.folded
    for a, b in zip(names, names[1:]):
        gap = folded[a.end:b.start].strip()
        for article in _ARTICLES:
            if gap.endswith(" " + article.strip()) or gap == article.strip():
                gap = gap[:len(gap) - len(article.strip())].strip()
        if gap not in _JOINTS:
            return False
    return True


_KIND_JOINTS = (" and ", " or ", " & ", "和", "与", "及", "、", "跟", "或")  # (folded: 與 reads 与)
_KIND_COMMAS = (",", "，", "、")  # between the kinds of a longer list: "cache-hit, cache-miss and output prices"
_LATIN_WORDS = 2  # a kind of several words ("cache hit and cache miss"): this many on each side at most
_CJK_CHARS = 6


def listed_kinds(matcher, q, si: int) -> tuple[str | None, tuple[str, ...]]:
    """The word figure q stands for as one of the figures of one unit joined as a list after as many kinds joined as
    one, in the same order: "Input and output prices for R1 are $0.55 and $2.19", "R1's cache-hit, cache-miss and
    output prices are $0.14, $0.55 and $2.19", "R1的输入和输出价格为4元和16元" (the second is an output price, as a
    slash pair's is: structure.slash_pair). Only kinds the registry reads (cue words that name no one: names joined
    so are dsfact.matching.pairedlists.pairs_lists'), and only when those figures are all of their unit in the
    sentence; with the other kinds of the list, whose claims are the other figures'. (None, ()) otherwise."""
    quantities = matcher._quantities
    if not quantities:
        return None, ()
    key = (si, q.unit)  # the list and its kinds are the sentence's, for every figure of the unit in it
    said = _LISTS.of(quantities)
    found = said.get(key)
    if found is None:
        found = said[key] = _listed(matcher, q.unit, si) or False
    if not found:
        return None, ()
    same, kinds = found
    k = next(k for k, x in enumerate(same) if x is q)
    return kinds[k], tuple(kinds[:k] + kinds[k + 1:])


_LISTS = LastText()  # the figures of the text last asked about -> (sentence, unit) -> _listed (False: none)


def _listed(matcher, unit: str, si: int) -> tuple[list, list[str]] | None:
    """The figures of this unit in sentence si, joined as one list after as many kinds, and the kinds; None when
    they are not."""
    joins_list = _later()[1]
    sentence, folded = matcher.sentences[si], matcher.folded
    same = [x for x in matcher.figures_in(sentence.start, sentence.end) if x.unit == unit]
    if len(same) < 2 or len({x.per for x in same if x.per is not None}) > 1:
        return None
    for a, b in zip(same, same[1:]):
        gap = folded[a.end:b.start]
        if not joins_list(gap, joint=True) and not (b is not same[-1] and gap.strip() in _KIND_COMMAS):
            return None
    kinds = _kinds_before(matcher, folded[sentence.start:same[0].start])
    if len(kinds) != len(same):
        return None
    return same, kinds


def _kinds_before(matcher, folded: str) -> list[str]:
    """The last list of kinds in `folded` (a sentence up to its first figure): two joined by a joint, and the kinds
    before them joined by commas, each the longest cue word that ends (or begins) at its joint and names no one."""
    index = matcher.index
    from dsfact.matching.cues import _cue_key, has_cjk

    def kind(word: str) -> bool:
        key = _cue_key(word, word)[0]
        return bool(key) and key in index.roles and not index.names(key)

    def longest(run: str, left: bool) -> str | None:
        if has_cjk(run):
            run = run[-_CJK_CHARS:] if left else run[:_CJK_CHARS]
            cuts = [run[-n:] if left else run[:n] for n in range(len(run), 1, -1)]
        else:
            words = run.split()
            words = words[-_LATIN_WORDS:] if left else words[:_LATIN_WORDS]
            cuts = [" ".join(words[-n:] if left else words[:n]) for n in range(len(words), 0, -1)]
        return next((w for w in cuts if kind(w)), None)

    best, at = [], -1
    for joint in _KIND_JOINTS:
        i = folded.rfind(joint)
        while i > at:
            head = folded[:i].rstrip().rstrip(",，").rstrip()  # ("cache-hit, cache-miss, and output")
            a = longest(head, True)
            b = longest(folded[i + len(joint):].lstrip(), False)
            if a and b and _cue_key(a, a)[0] != _cue_key(b, b)[0]:
                best, at = [a, b], i
                rest = head[:len(head) - len(a)].rstrip()
                while rest.endswith(_KIND_COMMAS) and (c := longest(rest[:-1].rstrip(), True)):
                    best.insert(0, c)
                    rest = rest[:-1].rstrip()
                    rest = rest[:len(rest) - len(c)].rstrip()
                break
            i = folded.rfind(joint, 0, i)
    return best

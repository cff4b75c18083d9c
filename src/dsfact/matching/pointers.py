"""Subjects pointed to by their place in a pair: "DeepSeek-V3 and GPT-4o are often compared. The former was
trained on 2,048 GPUs, the latter on 25,000." A clause that opens with "the former" (前者) speaks of the first
of the two names last joined as a pair before it ("X and Y", "X与Y", "X、Y", "X versus Y"), "the latter" (后者)
of the second: in its own sentence, else in the sentence before, in its paragraph. The figure's subject is
then that name, however near the other name stands; no subject is borrowed from elsewhere. When no such pair
stands before the word, the figure binds only loosely: it may agree, never contradict (whose figure it is,
the text does not say in words dsfact reads).

The words are names.words [former] and [latter]; [former-latter-adjective] lists the words after "the
former" that make it an adjective ("the former chief executive", "the latter half of the year"), which
points back to no one.

A sentence that opens with a noun pointing back ("The venture", 该项目, 該公司) whose nearest earlier thing of that
noun is another one the text introduced ("Oracle also runs a separate venture in Texas.", 软银另有一个数据中心项目)
speaks of that thing: no subject named before it is borrowed (pointed_past; the noun's rule: dsfact.matching.referents)."""
from __future__ import annotations

import bisect

from dsfact.matching.comparison import is_comparison
from dsfact.matching.memo import LastText
from dsfact.matching.referents import antecedent
from dsfact.matching.text import INF

_PAIR_GAP = 12  # characters between the two names of a pair ("V3 and OpenAI's", "」與「")
_JOIN = frozenset(("and", "or", "versus", "vs", "vs.", "with", "against", "和", "与", "及", "以及", "跟", "同", "、",
                   ",", "，", "对", "对比", "the"))  # (an article before the second name: "the S&P 500 and the Nasdaq")
_WORDS: tuple[tuple[str, ...], tuple[str, ...], frozenset[str]] | None = None


def _words() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import word_set, words_of

        _WORDS = (words_of("names", "former"), words_of("names", "latter"),
                  word_set("names", "former-latter-adjective", "after"))
    return _WORDS


def _pointer(folded: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The last "the former"/"the latter" (前者, 后者) in folded[start:end] that points back: its end, 0
    for the first of a pair, 1 for the second, and its start; None when there is none."""
    former, latter, adjective = _words()
    found = None
    for place, words in enumerate((former, latter)):
        for w in words:
            at = folded.rfind(w, start, end)
            while at >= 0:
                stop = at + len(w)
                if w.isascii():
                    nxt = folded[stop:stop + 24].lstrip()
                    word = nxt.split(" ", 1)[0].strip(",.;:'’")
                    ok = (not folded[at - 1:at].isalnum() and not folded[stop:stop + 1].isalnum()
                          and word not in adjective)
                else:
                    ok = True
                if ok:
                    if found is None or stop > found[0]:
                        found = (stop, place, at)
                    break
                at = folded.rfind(w, start, at)
    return found


def _names(text, start: int, end: int) -> list[tuple]:
    """The names in text[start:end] (cue words that name a subject or a body), the longest of overlapping
    ones, in order: (hit, entity, subjects)."""
    out: list[tuple] = []
    naming = text.index.naming
    for h in text.hits_in(start, end):
        entity, subjects = naming(h.cue)
        if not (entity or subjects):
            continue
        if out and h.start < out[-1][0].end:
            if h.end - h.start > out[-1][0].end - out[-1][0].start:
                out[-1] = (h, entity, subjects)
            continue
        if out and text.folded[out[-1][0].end:h.start].strip() in ("'s", "’s", "的"):
            out[-1] = (h, entity, subjects)  # "OpenAI's GPT-4o", "OpenAI的GPT-4o": one name, its owner's
            continue
        out.append((h, entity, subjects))
    return out


def _pair(text, names: list[tuple]) -> tuple[tuple, tuple] | None:
    """The last two names of `names` joined as a pair: only a joining word, a possessive, a comma or a
    bracketed gloss between them; else the two names, when `names` holds no more than two ("V3比肩OpenAI的
    GPT-4o，后者……")."""
    for k in range(len(names) - 1, 0, -1):
        a, b = names[k - 1], names[k]
        if (a[1], a[2]) != (b[1], b[2]) and _joined(text, a, b):
            return a, b
    distinct = list({(entity, subjects): (h, entity, subjects) for h, entity, subjects in names}.values())
    return (distinct[0], distinct[1]) if len(distinct) == 2 and distinct[0][0].start < distinct[1][0].start else None


def _rivals(text, names: list[tuple], pair: tuple[tuple, tuple]) -> bool:
    """Whether `names` hold a third name that "the former" might as well mean: one in the pair's own clause
    ("V3 is set beside GPT-4o and Claude; the former ...", "V3常被拿來和GPT-4o、Claude比較，前者"), unless it
    only owns a noun there ("Nvidia's fall dragged down the S&P 500 and the Nasdaq. The former ...": an index's).
    A name in another clause is no rival ("英伟达暴跌，拖累标普500指数和纳斯达克指数，前者……")."""
    ours = {(entity, subjects) for _, entity, subjects in pair}
    first, marks, folded = pair[0][0], text._marks, text.folded
    for k, (h, entity, subjects) in enumerate(names):
        if (entity, subjects) in ours:
            continue
        if k + 1 < len(names) and names[k + 1][0] is first and _joined(text, names[k], names[k + 1]):
            return True  # the head of a longer list: "Nvidia, Broadcom and the Nasdaq"
        a, b = (h.end, first.start) if h.end <= first.start else (pair[1][0].end, h.start)
        if bisect.bisect_right(marks, b) > bisect.bisect_left(marks, a):
            continue  # in another clause
        if h.end <= first.start and possessor(folded, h):
            continue  # a possessor of a noun of its own ("Nvidia's fall", 英伟达的暴跌)
        return True
    return False


def possessor(folded: str, hit) -> bool:
    """Whether the name `hit` owns the noun after it: "Nvidia's", 英伟达的."""
    ends = ("'s", "’s", "的")
    return folded[hit.start:hit.end].endswith(ends) or folded[hit.end:hit.end + 4].lstrip().startswith(ends)


def _joined(text, a: tuple, b: tuple) -> bool:
    """Whether names a and b stand joined: only a joining word, a possessive, a comma or a bracketed gloss
    between them."""
    gap = text.folded[a[0].end:b[0].start]
    for head in _index_heads():  # an index's own noun after its name: "标普500指数与纳斯达克指数", "the S&P 500 index and"
        gap = gap.replace(head, " ")
    if len(gap.strip()) > _PAIR_GAP:
        return False
    words = gap.replace("'s", " ").replace("’s", " ").replace("的", " ")
    for mark in "「」『』\"“”()（）":
        words = words.replace(mark, " ")
    for mark in (",", "，", "、"):
        words = words.replace(mark, f" {mark} ")
    parts = words.split()
    return bool(parts) and all(p in _JOIN for p in parts)


def _index_heads() -> tuple[str, ...]:
    """The nouns of an index that may follow its name (nouns.words [epithet] `index`), longest first."""
    from dsfact.lang import words_of

    return words_of("nouns", "epithet", "index", longest_first=True)


_UNRESOLVED = (-1, False, ())
_SEEN = LastText()  # the folded text last asked about -> whether it holds a word that points (per thread)


def pointed(text, si: int, q) -> tuple[int, bool, tuple[int, ...]] | None:
    """What "the former" or "the latter" before figure q in its clause points to: where the word ends, and
    whether the name it points to is an entity and the claims it is the subject of; _UNRESOLVED when no
    pair stands before the word; None when the clause has no such word (or a name stands between it and q:
    "the former's cost was a fraction of GPT-4o's $100 million" is GPT-4o's own figure)."""
    folded = text.folded
    seen = _SEEN.of(folded)
    pointing = seen.get("pointing")
    if pointing is None:  # the cheap look first, once per text: this runs for every figure
        pointing = seen["pointing"] = any(w in folded for w in ("former", "latter", "前者", "后者"))
    if not pointing:
        return None
    sentence = text.sentences[si]
    marks = text._marks
    k = bisect.bisect_right(marks, q.start) - 1
    clause_start = max(marks[k] if k >= 0 else 0, sentence.start)
    found = _pointer(folded, clause_start, q.start)
    if found is None:
        return None
    end, place, at = found
    if _names(text, end, q.start) or is_comparison(folded, at, end):
        return None  # "不到后者的二十分之一": the pointer names the measure the figure is set against, as a name would
    names = _names(text, sentence.start, end - 1)
    if not names and si > 0 and text.sentences[si - 1].paragraph == sentence.paragraph:
        before = text.sentences[si - 1]
        names = _names(text, before.start, before.end)
    pair = _pair(text, names)
    if pair is None or _rivals(text, names, pair):
        return _UNRESOLVED  # no pair, or a third name of its kind: which one is meant, the words do not say
    _, entity, subjects = pair[place]
    return end, entity, subjects


def former_latter(text, si: int, q, cues) -> bool:
    """Give figure q the subject "the former" or "the latter" in its clause points to (see the module's
    docstring), in `cues` (matcher._Cues); whether it did (a word with no pair before it binds the
    figure's claims loosely, and the subject is looked for as if it were not there)."""
    found = pointed(text, si, q)
    if found is None:
        return False
    claims = set(cues.subject) | set(cues.metric)
    if found is _UNRESOLVED:
        text._loose.update(claims)
        return False
    end, entity, subjects = found
    d = float(q.start - end)
    for ci in claims:
        cues.subject[ci] = d if ci in subjects else INF
    for ci in subjects:
        if ci in claims:  # named, as it were, in the figure's own clause (doubt.passed_over)
            cues.subject_before.add(ci)
            cues.last_subject[ci] = end
    cues.entity = d if entity and not any(ci in claims for ci in subjects) else INF
    cues.named_before = cues.entity < INF
    return True


def pointed_past(text, si: int, q, missing: list[int]) -> bool:
    """Whether figure q's sentence opens with a noun that points back to another thing than a name: the nearest
    earlier thing of that noun is one the text introduced ("Stargate is a joint venture. Oracle also runs a
    separate venture in Texas. The venture will invest ...", 星际之门是一个合资项目。软银另有一个数据中心项目。
    該項目將投資……): the description is that thing's, and no rule may lend it a subject named before it. Not when
    the sentence that introduced it names a subject of the `missing` claims: the thing may be that subject's ("The
    US formed a joint venture with Stargate, OpenAI, Oracle and SoftBank. The venture will invest ...")."""
    found = antecedent(text, si, q)
    if found is None or found[0] != "other":
        return False
    return not any(ci in missing for h in text.sentence_hits(found[1]) for ci in text.index.naming(h.cue)[1])

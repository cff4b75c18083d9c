"""The figure's own noun: what a figure measures, from the noun that governs it (issue 9).

"42% lower latency" and "37 billion active parameters" name their quantity right after the figure;
"latency fell 42%", "cut latency by 42%" and "延迟降低42%" name it before, as the noun whose change the
figure is. When that noun is one of the quantities of dsfact/lang/nouns.words and no word of its family
is one of a claim's cue words, the figure measures another quantity than the claim: it may agree, never
contradict. Only listed nouns are read: "98% lower prices" or "$5.6 million training cost" are left to the
cues. (dsfact.matching.counted does the same for the noun a count of GPUs counts, from any noun.)
"""
from __future__ import annotations

from dsfact.matching.cues import has_cjk
from dsfact.model import Claim, Quantity
from dsfact.numbers.words import is_money

REACH = 56  # characters read either side of a figure for its noun, within its clause (a hedge may stand between)
LINKS = 4  # at most this many linking words stand between a figure and its noun
_STOPS = frozenset(",，;；:：。!?！？、()（）[]【】\"“”「」『』|\n")

_WORDS: dict | None = None  # made on first use, never at start-up
_CLAIMS: dict[tuple, frozenset[str]] = {}  # a claim's cue words -> the families of nouns that are its own


def _words() -> dict:
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import load_words

        tables = load_words("nouns")  # [quantities] keys are the families' names
        directions = load_words("numbers").get("directions", {})
        family = {w: name for name, words in tables.get("quantities", {}).items() for w in words}
        moves = tuple(w for words in directions.values() for w in words)
        objects = tables.get("object", {})
        _WORDS = {
            "family": family,
            "nouns": _Edges(family),
            "after": _Edges(tables.get("after", {}).get("words", ())),
            "before": _Edges((*tables.get("before", {}).get("words", ()), *moves)),
            "function": frozenset(objects.get("function", ())),
            "object-end": _MARKS | frozenset(objects.get("end", ())),
            "referent": tuple(objects.get("referent", ())),
            "join": tuple(objects.get("join", ())),
            "agent": tuple(w + " " for w in objects.get("agent", ())),
            "time-between": tables.get("time-between", {}),
            "comparison": tables.get("comparison", {}),
            "than": _Edges(tables.get("comparison", {}).get("than", ())),
            "unpriced": frozenset(tables.get("unpriced", {}).get("words", ())),
        }
    return _WORDS


class _Edges:
    """Words, longest first, by their first and by their last character, each with whether it is Chinese:
    only the words that begin (end) with a text's first (last) character can begin (end) it, so a look-up
    tries a few words, not the whole list."""

    __slots__ = ("first", "last")

    def __init__(self, words) -> None:
        self.first: dict[str, tuple[tuple[str, bool], ...]] = {}
        self.last: dict[str, tuple[tuple[str, bool], ...]] = {}
        for w in sorted(set(words), key=len, reverse=True):
            if w:
                self.first[w[0]] = (*self.first.get(w[0], ()), (w, has_cjk(w)))
                self.last[w[-1]] = (*self.last.get(w[-1], ()), (w, has_cjk(w)))


def _latin_edge(text: str, i: int) -> bool:
    """Whether offset i of text is a word's edge for a Latin word (no letter or digit on the other side)."""
    return i <= 0 or i >= len(text) or not (text[i].isascii() and text[i].isalnum())


def _ends_with(text: str, words: _Edges) -> str | None:
    for w, cjk in words.last.get(text[-1:], ()):
        if text.endswith(w) and (cjk or _latin_edge(text, len(text) - len(w) - 1)):
            return w
    return None


def _starts_with(text: str, words: _Edges) -> str | None:
    for w, cjk in words.first.get(text[:1], ()):
        if text.startswith(w) and (cjk or _latin_edge(text, len(w))):
            return w
    return None


def _clipped_before(folded: str, start: int) -> str:
    label = folded[max(0, start - 3):start].rstrip()
    if label.endswith((":", "：")):  # a label's colon right before the figure: "active parameters: 37B", "激活参数：37B"
        start = max(0, start - 3) + len(label) - 1
    s = folded[max(0, start - REACH):start]
    for i in range(len(s) - 1, -1, -1):  # the last stop: looked for from the end
        if s[i] in _STOPS or s[i].isdigit():
            return s[i + 1:]
    return s


def _clipped_after(folded: str, end: int) -> str:
    s = folded[end:end + REACH]
    cut = next((i for i, c in enumerate(s) if c in _STOPS or c.isdigit()), len(s))
    return s[:cut]


def own_noun(folded: str, q: Quantity) -> str | None:
    """The family of the quantity noun that governs figure q in folded text (nouns.words), or None: the
    noun after it first ("42% lower latency"), else the noun whose change it is before it ("延迟降低42%")."""
    words = _words()
    after = _past_links(_clipped_after(folded, q.end), words["after"], forward=True)
    noun = _starts_with(after.lstrip(), words["nouns"])
    if noun is not None:
        return words["family"][noun]
    before = _past_links(_clipped_before(folded, q.start), words["before"], forward=False)
    noun = _ends_with(before.rstrip(), words["nouns"])
    if noun is None:  # "空头头寸在暴跌前激增40%": a time said between the noun and its change
        before = _past_links(_past_time(before.rstrip(), words["time-between"]), words["before"], forward=False)
        noun = _ends_with(before.rstrip(), words["nouns"])
    if noun is None:  # "召回率比o1低12%": a comparison between the noun and its change
        at = _comparison_start(folded, q.start, words)
        if at is not None:
            before = _past_links(_clipped_before(folded, at), words["before"], forward=False)
            noun = _ends_with(before.rstrip(), words["nouns"])
    return None if noun is None else words["family"][noun]


def _comparison_start(folded: str, start: int, words: dict) -> int | None:
    """Where a comparison right before offset start opens ("比o1低" before "12%": the offset of 比), when the
    words before the figure are a word of nouns.words [comparison] than, a comparator of at most `reach`
    characters and no mark, and a word of its frame; else None."""
    table = words["comparison"]
    reach = int((table.get("reach") or ("16",))[0])
    base = max(0, start - reach - 8)
    head = folded[base:start].rstrip()
    than = _ends_with(head, words["than"]) if head else None
    if than is None:
        return None
    head = head[:-len(than)]
    at = max((head.rfind(f) for f in table.get("frame", ())), default=-1)
    if at <= 0 or len(head) - at > reach or any(c in _STOPS for c in head[at:]):
        return None
    return base + at


def _past_time(s: str, table: dict) -> str:
    """`s` without a time said at its end between an opener and a closer of nouns.words [time-between]
    ("在暴跌前"), or `s` as it is."""
    reach = int((table.get("reach") or ("8",))[0])
    for close in table.get("close", ()):
        if s.endswith(close):
            body = s[:-len(close)]
            at = max((body.rfind(o, max(0, len(body) - reach - len(o))) for o in table.get("open", ())), default=-1)
            if at > 0:
                return s[:at]
    return s


def _past_links(s: str, links: _Edges, forward: bool) -> str:
    """`s` without the linking words (at most LINKS) at its start (forward: the words after a figure) or at
    its end (the words before it), each with the spaces before it."""
    for _ in range(LINKS):
        s = s.lstrip() if forward else s.rstrip()
        link = _starts_with(s, links) if forward else _ends_with(s, links)
        if link is None:
            break
        s = s[len(link):] if forward else s[:-len(link)]
    return s


def _own_families(claim: Claim) -> frozenset[str]:
    """The families of nouns.words that one of claim's cue words belongs to (or contains a word of). A variant
    word only tells one member of a family of claims from another (C24's 使用, "to use": the cost of use, not
    the overall cost), no quantity of its own: it names a family only by being one of its words ("记忆体使用量",
    memory use, is no cost of use)."""
    key = (claim.subject_cues, claim.metric_cues, claim.variant_cues)
    found = _CLAIMS.get(key)
    if found is None:
        from dsfact.fold import fold_text

        cues = [fold_text(c).strip() for c in (*claim.subject_cues, *claim.metric_cues)]
        variants = {fold_text(c).strip() for c in claim.variant_cues}
        own = set()
        for word, family in _words()["family"].items():
            if word in variants:
                own.add(family)
                continue
            for cue in cues:
                if cue == word or (has_cjk(word) and (word in cue or (len(cue) > 1 and cue in word))) \
                        or (not has_cjk(word) and (word in cue.split() or cue in word.split())):
                    own.add(family)
                    break
        found = _CLAIMS[key] = frozenset(own)
    return found


def other_quantity(folded: str, q: Quantity, claim: Claim) -> bool:
    """Whether figure q's own noun names a quantity that is none of claim's: "latency 42% lower" beside a
    claim of how much cheaper a price is, "37 billion active parameters" beside a count of tokens."""
    family = own_noun(folded, q)
    if family is not None and is_money(q.unit) and family in _words()["unpriced"]:
        return False  # "a $50 billion hallucination": a figure of speech (nouns.words [unpriced])
    return family is not None and family not in _own_families(claim)


OBJECT_REACH = 40  # characters after an event's verb read for what it founded or released
_MARKS = frozenset(",，;；:：。!?！？、()（）[]【】\"“”「」『』|\n0123456789")  # with nouns.words [object] end: 的 in "发布的模型"


def founds_other(text, q: Quantity, claim: Claim) -> bool:
    """Whether a date's event verb, the claim's metric word nearest it in its clause, has another name than
    claim's subject for its object: "co-founded the hedge fund High-Flyer in 2015", "2015年创立杭州幻方科技"
    date another founding than DeepSeek's. Only a name (a capital in Latin text; in Chinese, words after the
    verb that are no referent such as 该公司) counts: "founded the company in 2023" may be DeepSeek's."""
    from dsfact.matching.alone import stands_alone
    from dsfact.matching.cues import METRIC, SUBJECT

    ci = text.index.position.get(claim.id)
    if ci is None or claim.unit != "date":
        return False
    start, end = text.reader().clause_span(q.start)
    verbs = [h for h in text.hits_in(start, end) if (ci, METRIC) in text.roles_of(h)
             and (h.end <= q.start or h.start >= q.end)]
    if not verbs and end < len(text.folded) and stands_alone(text.folded, start, end, q):
        end = text.reader().clause_span(end + 1)[1]  # "3月1日，DeepSeek发布了“One More Thing”": told by the next clause
        verbs = [h for h in text.hits_in(q.end, end) if (ci, METRIC) in text.roles_of(h)]
    if not verbs:
        return False
    verb = min(verbs, key=lambda h: text.distance(q, h))
    folded = text.folded
    a = verb.end
    while a < end and folded[a] in " 了「『“\"":  # a quoted object: "创立「幻方量化」"
        a += 1
    for h in verbs:  # "决定分拆成立「DeepSeek」": the verb after, one of the claim's too, has the object
        if h.start == a:
            a = h.end
    a = _joined_verb(text, verbs, a, end)  # "发布并开源了Janus-Pro": the next verb's object
    b = a
    stops = _words()["object-end"]
    while b < min(end, a + OBJECT_REACH) and folded[b] not in stops and not (q.start <= b < q.end):
        b += 1
    words = folded[a:b]
    latin = not has_cjk(words)
    if latin and words.startswith(_words()["agent"]):
        return False  # "was founded by Liang Wenfeng in 2023": the agent; the thing founded is the subject before
    if latin:
        words = _latin_object(words)
        b = a + len(words)
    if len(words.strip()) < 2:
        return False
    if any(h.start < b and a < h.end and (ci, SUBJECT) in text.roles_of(h) for h in text.hits_in(a, end)):
        return False  # "founded DeepSeek in 2023"
    if not latin and _head_names(text, ci, a, end, q):
        return False  # "发布了性能比肩o1正式版的DeepSeek-R1模型": the words before 的 describe the claim's subject
    if latin:
        return any(w[:1].isupper() for w in text.text[a:b].split())
    return not words.startswith(_referents())


def _head_names(text, ci: int, a: int, end: int, q) -> bool:
    """Whether a Chinese object opening at folded[a] is a modifier ending in 的 whose head, the words after 的 up to
    the next mark, names claim ci's subject: "于2025年1月发布了性能比肩o1正式版的DeepSeek-R1模型", "發布了號稱成本極低
    的V3" release the claim's model, however long the words that describe it (in Chinese the head comes last;
    digits do not end the words here: "o1正式版的" is one modifier)."""
    from dsfact.matching.cues import SUBJECT

    folded = text.folded
    last = min(end, a + OBJECT_REACH)
    de = folded.find("的", a, last)
    if de < 0 or any(c in _HARD_MARKS for c in folded[a:de]) or a <= q.start < de:
        return False
    e = de + 1
    while e < last and folded[e] not in _HARD_MARKS and not (q.start <= e < q.end):
        e += 1
    return any(de < h.start < e and (ci, SUBJECT) in text.roles_of(h) for h in text.hits_in(de + 1, e))


_HARD_MARKS = _MARKS - frozenset("0123456789")  # the marks that end a Chinese object, digits aside


def _joined_verb(text, verbs, a: int, end: int) -> int:
    """Where the object of a Chinese verb at offset `a` (right after it) begins when a joining word (nouns.words
    [object] join: 并) ties it to another of the claim's verbs ("发布并开源了Janus-Pro": Janus-Pro is what both
    name), after that verb and its 了; after the joining word when no verb of the claim follows ("发布并以MIT许可证
    开源": what follows opens with 以, no object; "发布并收购了X": X is read); `a` when no joining word stands there."""
    folded = text.folded
    for word in _words()["join"]:
        if folded.startswith(word, a):
            k = a + len(word)
            for h in verbs:
                if h.start == k:
                    k = h.end
                    while k < end and folded[k] in " 了":
                        k += 1
            return k
    return a


def _latin_object(words: str) -> str:
    """The words of a Latin object, up to the first word that names nothing ("High-Flyer in 2015")."""
    function = _words()["function"]
    out = []
    for w in words.split(" "):
        if w in function and out:
            break
        out.append(w)
    return " ".join(out).rstrip()


_REFERENTS: tuple | None = None


def _referents() -> tuple[str, ...]:
    """The words that open an object pointing back (names.words [referent], and nouns.words [object]
    referent: 该, 这, 其): no name."""
    global _REFERENTS
    if _REFERENTS is None:
        from dsfact.lang import load_words

        table = load_words("names").get("referent", {})
        _REFERENTS = tuple(w for w in (*table.get("before", ()), *table.get("words", ())) if has_cjk(w)) \
            + _words()["referent"]
    return _REFERENTS

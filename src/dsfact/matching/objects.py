"""The objects of another body's verb: "V3.2 unifies V3 and R1 into a single model at $0.28/$0.42 per million
tokens", "DeepSeek-V3.2将V3和R1合二为一，每百万输入token收费0.28美元". A verb of names.words [object-verb] right
after the name of another body (a later version, a rival's model) makes the registered names after it its
objects: a figure after them in the sentence is the verb's subject's, so they do not bind it (matcher._Cues),
and the nearer body does. Not past a relative clause of an object ("replaces R1, which charged $2.19": R1's)."""
from __future__ import annotations

from dsfact.lang import word_set, words_of
from dsfact.matching.cues import has_cjk
from dsfact.matching.wordtables import Alternation, Pattern
from dsfact.numbers.patterns import lazy

_VERB_REACH = 12  # characters between the body's name and its verb ("V3.2 now unifies", "V3.2将")
_OBJECT_REACH = 40  # characters between the verb and the name it takes ("replaces both the older V3 and R1")
_AFTER_REACH = 8  # characters between the last object and its verb after it ("将V3和R1合二为一")
_PATTERNS: list = []  # [the verbs, the relative words after a comma, the object markers, the verbs after,
# the verbs of rivalry], built once
_CLAUSE_MARKS = ",;:，；：。!?！？"


def _patterns() -> list[Pattern | Alternation]:
    """The word lists alone as Alternations (found as their regex finds them, with no pattern of the whole list to
    compile: most texts search a few windows with them), the relative words after a comma as a Pattern."""
    if not _PATTERNS:

        _PATTERNS[:] = [Alternation(words_of("names", "object-verb", "words")),
                        Pattern(r"[,，]\s*(?:{})", words_of("names", "relative", "words")),
                        Alternation(words_of("names", "object-verb", "before")),
                        Alternation(words_of("names", "object-verb", "after")),
                        Alternation(words_of("names", "rivalry", "words"))]
    return _PATTERNS


def object_of_other(text, q, hit, hits) -> bool:
    """Whether the registered name `hit`, before figure q in its sentence (`text`: a TextMatcher; `hits`: the
    sentence's cue hits, in order), is the object of a verb of [object-verb] that follows another body's name."""
    if hit.end > q.start:
        return False
    folded = text.folded
    chinese = has_cjk(folded[hit.start:q.end]) or has_cjk(folded[max(0, hit.start - _OBJECT_REACH):hit.start])
    verbs, relative, marker, after, _ = _patterns()  # each compiled when first searched
    naming = text.index.naming
    found = None
    for other in hits:
        if other.end > hit.start:
            break
        entity, subjects = naming(other.cue)
        if not entity or subjects:
            continue
        m = verbs.get(chinese).search(folded, other.end, hit.start)
        if m is None:  # "V3.2将V3和R1合二为一": the object set before its verb
            m = marker.get(chinese).search(folded, other.end, hit.start)
            if m is None or after.get(chinese).search(folded, hit.end, min(q.start, hit.end + _AFTER_REACH)) is None:
                continue
        if m.start() - other.end > _VERB_REACH or hit.start - m.end() > _OBJECT_REACH:
            continue
        if any(c in _CLAUSE_MARKS for c in folded[other.end:hit.start]):
            continue
        found = m
    if found is None:
        return False
    return relative.get(chinese).search(folded, hit.end, q.start) is None


def rival_object(text, q, hit, hits) -> bool:
    """Whether the registered name `hit`, before figure q in its sentence (`text`: a TextMatcher; `hits`: the
    sentence's cue hits, in order), is the object of a verb of rivalry (names.words [rivalry]) right after another
    name, its subject, with no clause mark between ("R1 undercuts o1 at $2.19", "R1击败o1，……仅收2.19美元"): the
    figure is the subject's, unless it is the object's own (its possessive or bracket right after it, or a
    relative clause of it: "o1's $60", "o1, which charges $60"). The subject's own name, when the figure stands in
    what modifies the verb's object, not in a verb joined to the subject's: modified_object."""
    if hit.end > q.start:
        return False
    if modified_object(text, q, hit):
        return True
    folded = text.folded
    gap = folded[hit.end:q.start].lstrip()
    if gap.startswith(words_of("names", "rivalry", "own")) or (not gap and folded[hit.end - 2:hit.end] in ("'s", "’s")):
        return False  # "o1's $60", "o1 ($60)", "o1的60美元": the object's own figure
    chinese = has_cjk(folded[max(0, hit.start - _OBJECT_REACH):q.end])
    verbs, relative = _patterns()[4], _patterns()[1]
    naming = text.index.naming
    for other in hits:
        if other.end > hit.start:
            break
        if other.cue == hit.cue or not any(naming(other.cue)):
            continue
        m = verbs.get(chinese).search(folded, other.end, hit.start)
        if m is None or m.start() - other.end > _VERB_REACH or hit.start - m.end() > _VERB_REACH:
            continue
        if any(c in _CLAUSE_MARKS for c in folded[other.end:hit.start]):
            continue
        return relative.get(chinese).search(folded, hit.end, q.start) is None
    return False


def _verb_aside(folded: str, start: int, verb, end: int) -> bool:
    """Whether the verb of rivalry `verb` (a match) stands in an aside that opens after the subject (ending at
    `start`) and closes before the figure at `end`: "V3 (which competes with GPT-4) was trained for $5.6 million",
    "V3 — a model that rivals o1 — cost $6 million": the aside describes the subject, the figure is its own."""
    for a in _ASIDE.finditer(folded, start, end):
        if a.start() <= verb.start() and verb.end() <= a.end():
            return True
    return False


_TOKEN = lazy(r"[,;:—–(]|[^\s,;:—–(]+")  # a clause mark, or a word
_MARKS = frozenset(",;:—–(")
_PREPOSITIONS = frozenset(("at", "for", "with", "by", "in", "on", "to", "from"))  # the verb's own: "undercuts o1 at $2.19"
_NOUN_WORDS = 4  # words of the object's noun phrase after its name ("'s best open model")
_ASIDE = lazy(r"\([^()]*\)|（[^（）]*）|[—–][^—–]*[—–]")  # an aside closed again: brackets, a pair of dashes


def modified_object(text, q, hit) -> bool:
    """Whether a verb of rivalry (names.words [rivalry]) stands after the registered name `hit` and before figure q
    in its sentence, and q stands in what modifies the verb's object ("V3 rivals GPT-4o, a model that cost $100
    million", "V3 matches Llama 3.1 405B, trained for $60 million", "V3 beats Meta's model, which used 16,384
    GPUs"): right after the object (the last name after the verb, a few words of its noun phrase) a clause mark, a
    relative word or a participle opens a modifier. A word joining a second verb to the subject's (names.words
    [rivalry-joined]: "V3 rivals Meta's Llama 3.1 but cost just $5.6 million", "V3 beats o1, yet charges $2.19") or
    a preposition of the verb ("competitive with GPT-4 at a price of $0.07", "R1 undercuts o1 at $2.19") comes
    first, or a gerund after the mark (", cutting its bill to $5.6 million"), or a contrasting joiner anywhere
    before q ("outperformed models trained on 16,000 GPUs while using 2,048"), or the modifier closes with a mark
    before q ("o1, which needed many GPUs, for $6 million"; "R1, on par with o1, cost $5.6 million"): the subject's. An aside closed before q is left out ("o1 — which needed ... — for $6 million"). English
    only: a Chinese modifier stands before its noun (的), and a clause after the object is the topic's own."""
    folded = text.folded
    if has_cjk(folded[hit.start:q.end]):
        return False
    m = _patterns()[4].get(False).search(folded, hit.end, q.start)
    if m is None or _verb_aside(folded, hit.end, m, q.start):
        return False
    si = text.sentence_of(q.start)
    at = max([m.end(), *(h.end for h in text.sentence_hits(si) if m.end() <= h.start and h.end <= q.start
                          and text.index.names(h.cue))])
    coordinate, relatives = word_set("names", "rivalry-joined"), word_set("names", "relative")
    tokens = _TOKEN.findall(_ASIDE.sub(" ", folded[at:q.start]))
    if any(t in coordinate and t != "and" for t in tokens):
        return False  # "outperformed models trained with 16,000 GPUs while using only 2,048": the subject's again
    if tokens[:1] and tokens[0] in _MARKS and any(c in _MARKS for c in folded[hit.end:m.start()]):
        return False  # "R1, on par with OpenAI's o1, cost just $5.6 million": the mark closes the verb's aside
    marked, words = False, 0
    for k, token in enumerate(tokens):
        if token in _MARKS:
            marked = True
            continue
        if token in coordinate or token in _PREPOSITIONS or marked and token.endswith("ing"):
            return False  # (", cutting its bill to $5.6 million": a free adjunct of the subject's)
        if marked or token == "that" or token in relatives or len(token) > 4 and token.endswith("ed") and token.isalpha():
            return not any(t in _MARKS for t in tokens[k + 1:])  # ("o1, which needed many GPUs, for $6 million")
        words += 1
        if words > _NOUN_WORDS:
            return False
    return marked

"""A company's name told as another's byname: "DeepSeek被称为AI界拼多多，训练只花了557.6万美元", "DeepSeek, dubbed
the Pinduoduo of AI, spent $5.6 million". The name after a word of naming (names.words [byname]), with a
few words of kind between (AI界, "the"), describes the name right before that word, which stays the subject:
it is no other body between a subject and its figure."""
from __future__ import annotations

from dsfact.lang import words_by_script
from dsfact.matching.wordtables import word_ending

_LEAD = 24  # characters before a name searched for the word of naming and the name it describes
_KIND_HAN = 6  # characters of kind between the word and the byname: AI界的, 中国的
_KIND_WORDS = 3  # words of kind between the word and the byname: "the", "AI's", "China's"
_MARKS = ".。;；:：!！?？\n"


def byname_of(text, hit) -> bool:
    """Whether the name at `hit` (a cue hit of text.folded) is the byname of a name right before its word of
    naming (a body's name: "the plan, dubbed Stargate," names the plan, and Stargate is its own name). Said
    once per name of a text: the words before the name decide, not the figure that asks."""
    said = getattr(text, "_bynames", None)
    if said is None:
        said = text._bynames = {}
        latin, han = words_by_script("names", "byname")  # a text with no word of naming has no byname at all
        text._byname_told = any(w in text.folded for w in han) or any(w + " " in text.folded for w in latin)
    if not text._byname_told:
        return False
    found = said.get(hit.start)
    if found is None:
        found = said[hit.start] = _byname_of(text, hit)
    return found


def _byname_of(text, hit) -> bool:
    folded = text.folded
    lo = max(0, hit.start - _LEAD)
    lead = folded[lo:hit.start]
    if not lead or any(c in lead for c in _MARKS):
        lead = lead[max(lead.rfind(c) for c in _MARKS) + 1:]
        lo = hit.start - len(lead)
    latin, han = words_by_script("names", "byname")
    best = None
    for w in han:
        at = lead.rfind(w)
        if at >= 0 and len(lead) - at - len(w) <= _KIND_HAN and not _marked(lead[at + len(w):]):
            best = at if best is None else min(best, at)
    for w in latin:
        at = lead.rfind(w + " ")
        if at >= 0 and (at == 0 or not lead[at - 1].isalnum()) \
                and len(lead[at + len(w):].split()) <= _KIND_WORDS and not _marked(lead[at + len(w):]):
            best = at if best is None else min(best, at)
    if best is None:
        return False
    glue = lead[:best].rstrip(" \t,，")
    latin_glue, han_glue = words_by_script("names", "byname", "before")
    w = word_ending(glue, sorted(latin_glue + han_glue, key=len, reverse=True))
    if w is not None:
        glue = glue[:-len(w)].rstrip(" \t,，")
    end = lo + len(glue)
    return any(h.end == end and any(text.index.naming(h.cue)) for h in text.hits_in(lo, end) if h is not hit)


def _marked(kind: str) -> bool:
    """Whether the words between a word of naming and a name hold a clause mark or a figure: no byname then."""
    return any(c in kind for c in ",，、" + _MARKS) or any(c.isdigit() for c in kind)

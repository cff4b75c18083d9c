"""A first tranche's word governs its own clause: "Stargate will start immediately and eventually expand to
$500 billion", 星际之门将立即启动，并最终扩展至5000亿美元. A claim's exclusion word of a first tranche (立即,
首期, initial, immediately) before an eventual word (最终, eventually) does not rule out the whole the eventual
word gives the figure after it. The words are language data (dsfact/lang/roles.words [first-tranche])."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.matching.wordtables import Alternation

_WORDS: list = []  # [first tranche's words (cue keys), eventual words, joining words (Alternations)], read once
_CLAUSE_MARKS = ",，;；、"


def _words() -> tuple[frozenset[str], Alternation, Alternation]:
    if not _WORDS:
        from dsfact.lang import load_words
        from dsfact.matching.cues import _cue_key

        table = load_words("roles").get("first-tranche", {})
        _WORDS[:] = [frozenset(_cue_key(w, w.lower())[0] for w in table.get("before", ())),  # written folded
                     Alternation(tuple(table.get("words", ()))), Alternation(tuple(table.get("after", ())))]
    return _WORDS[0], _WORDS[1], _WORDS[2]


def tranche_word_apart(text, q, hit) -> bool:
    """Whether exclusion word `hit`, before figure q, is a first tranche's word with an eventual word between
    it and q that gives q the whole: the tranche's word is its own clause's, no exclusion of q."""
    tranche, eventual, joining = _words()
    if hit.end > q.start or hit.cue not in tranche:
        return False
    folded = text.folded
    chinese = has_han(folded[hit.end:q.start])
    found = eventual.get(chinese).search(folded, hit.end, q.start)
    if found is None or any(x.unit == q.unit for x in text.figures_in(found.end(), q.start)):
        return False
    gap = folded[hit.end:found.start()]
    return any(c in gap for c in _CLAUSE_MARKS) or joining.get(chinese).search(folded, hit.end, found.start()) is not None

"""Another release of a model, for a claim of its release date: a dated snapshot's tag right after the name
("DeepSeek-R1-0528", "V3-0324": month and day), or a word of update around it ("the updated R1", "R1更新版";
the [release] words of dsfact/lang/roles.words). Its date is the update's, not the first release's; its price
or its count is the model's own, so only dates read it (dsfact.matching.family)."""
from __future__ import annotations

from dsfact.matching.cues import has_cjk
from dsfact.numbers.patterns import lazy

# a month and a day joined to a name: "-0528", " 0324"; not a year ("V3 2025"), nor a longer number
_TAG = lazy(r"[ \-_](?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9])")
REACH = 24  # characters before a name searched for a word of update
_WORDS = None


def _words():
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import load_words
        from dsfact.matching.wordtables import Words

        section = load_words("roles").get("release", {})
        _WORDS = (Words(section.get("before", ())), Words(section.get("after", ())))
    return _WORDS


def another_release(folded: str, start: int, end: int, floor: int) -> bool:
    """Whether the name at folded[start:end] is another release of its model: a snapshot's tag after it, a
    word of update right before it (after `floor`, the sentence's start; an article may stand between) or
    right after it."""
    if _TAG.match(folded, end):
        return True
    before, after = _words()
    chinese = has_cjk(folded[max(floor, start - REACH):min(len(folded), end + REACH)])
    window = folded[max(floor, start - REACH):start]
    e = len(window.rstrip())
    if before.ends(window, 0, e, chinese):
        return True
    for article in ("the", "an", "a"):
        a = e - len(article)
        if a > 0 and window.startswith(article, a, e) and window[a - 1].isspace() and before.ends(window, 0, a, chinese):
            return True
    n = len(folded)
    i = end + 2 if folded.startswith("'s", end) else end
    return i < n and after.opens(folded, i, chinese)

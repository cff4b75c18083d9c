"""A body of the story that no claim is about: a name of the registry's `story` that no claim's subject cue
or entity covers ("High-Flyer", 幻方, the fund that owns DeepSeek). As the subject of a figure's clause ("High-
Flyer was founded in 2015", "幻方于2015年成立"), or the name an appositive right after it describes ("DeepSeek
grew out of High-Flyer, a quant fund founded in 2015"), it owns the figure, as a capitalised name no cue word
covers does (dsfact.matching.capitals.unregistered): the figure is not a registered subject's borrowed from an
earlier sentence. Not when a word before the name governs it ("spun out of High-Flyer in 2023", 由幻方孵化), it
names another's owner ("High-Flyer's DeepSeek", 幻方的DeepSeek), or the figure's clause names a registered
body after the figure ("幻方于2023年5月分拆成立DeepSeek": the founded company is the verb's object)."""
from __future__ import annotations

import bisect
import re

from dsfact.matching.bodies import governed
from dsfact.matching.comparison import is_comparison
from dsfact.matching.memo import LastText
from dsfact.matching.text import INF
from dsfact.numbers.patterns import lazy

_ARTICLE = lazy(r"\s*(?:a|an|the)\s")  # an appositive's opening: ", a quant fund founded in 2015"
_RELATIVE = lazy(r"\s*(?:which|who|whose|that)\s")  # ", which owns DeepSeek,"
_OWNER = ("'s", "’s", "的")
_OPENING = ",，(（—–-"  # the marks that open a phrase describing the name right before them
_VERB_CHARS = 3  # a relative clause's verb after its figure: 成立, 创立的
_cache = LastText().of  # the text last read -> where its story bodies are named


def story_body(text, q) -> float:
    """The distance to figure q (characters) of a story body that owns it in its sentence; INF when none does."""
    spans = _spans(text)
    if not spans:
        return INF
    si = text.sentence_of(q.start)
    sentence = text.sentences[si]
    folded, marks = text.folded, text._marks
    k = bisect.bisect_left(marks, q.start)
    lo = max(marks[k - 1] + 1 if k else sentence.start, sentence.start)
    hi = min(marks[k] if k < len(marks) else sentence.end, sentence.end)
    i = bisect.bisect_left(spans, (q.start,))
    if i < len(spans) and _relative(folded, q, *spans[i], hi):
        return 0.0  # "2015年成立的幻方": the figure's clause describes the name after it
    i -= 1
    while i >= 0 and spans[i][0] >= sentence.start:
        start, end = spans[i]
        i -= 1
        if end > q.start or folded.startswith(_OWNER, end) or is_comparison(folded, start, end) \
                or any(x.unit == q.unit for x in text.figures_in(end, q.start)):
            continue  # (another figure of q's kind between is that one's; "与两位同学于2016年" passes no date over)
        if start < lo and not _apposed(folded, end, lo):
            if not _resumed(folded, marks, k, end) or governed(folded, start):
                return INF  # a name in another clause: "Backed by High-Flyer, ..."
        elif start >= lo and (governed(folded, start) or _governed_cjk(folded, lo, start)):
            continue  # "spun out of High-Flyer in 2023", 由幻方孵化
        if any(h.start >= q.end and any(text.index.naming(h.cue)) for h in text.hits_in(q.end, hi)):
            return INF  # "幻方于2023年5月分拆成立DeepSeek": the registered body is the verb's object
        return float(q.start - end)
    return INF


def _relative(folded: str, q, start: int, end: int, hi: int) -> bool:
    """Whether the name at folded[start:end], after figure q in its clause, is the head a Chinese relative clause
    ending in 的 right before it describes, a verb of a few characters after the figure or none ("2015年成立的幻方",
    "成立于2016年2月的幻方")."""
    gap = folded[q.end:start]
    return end <= hi and gap.endswith(_OWNER[2]) and 0 < len(gap) <= _VERB_CHARS + 1 and \
        all("\u3400" <= c <= "\u9fff" for c in gap)


def _apposed(folded: str, end: int, lo: int) -> bool:
    """Whether the name ending at `end` stands right before the mark that opens q's clause (starting at lo), and
    that clause describes the name: a bracket ("High-Flyer (founded in 2016)", 幻方（2016年成立）), or a comma or
    a dash before an article, a relative word or a word of names.words [story-apposition] ("High-Flyer, a quant
    fund founded in 2015", "High-Flyer, which was founded in 2016", "High-Flyer, founded in 2016", 幻方，一家成立于
    2016年的量化基金)."""
    gap = folded[end:lo].strip()
    if not gap or gap.strip(_OPENING):
        return False
    if gap[-1] in "(（":
        return True
    if _ARTICLE.match(folded, lo) is not None or _RELATIVE.match(folded, lo) is not None:
        return True
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import word_starting

    return word_starting(folded[lo:lo + 24].lstrip(), words_of("names", "story-apposition")) is not None


def _resumed(folded: str, marks: list[int], k: int, end: int) -> bool:
    """Whether the name ending at `end` is the subject q's clause (the k-th) resumes after it: the name ends right
    before the comma that opens q's clause ("DeepSeek's backer, the hedge fund High-Flyer, was founded in 2015"),
    or before one that opens a relative clause, the clause just before q's ("High-Flyer, which owns DeepSeek,
    was founded in 2015")."""
    for back in (1, 2):
        at = marks[k - back] if k >= back else -1
        if at < end:
            return False
        if folded[end:at].strip() == "" and folded[at:at + 1] == ",":
            return back == 1 or _RELATIVE.match(folded, at + 1) is not None
    return False


def _governed_cjk(folded: str, lo: int, start: int) -> bool:
    """Whether a Chinese word that makes the name its object stands right before it (由幻方, 被幻方; names.words
    [body-suffix] `before`)."""
    from dsfact.matching.suffixed import _tables

    return start > lo and folded.endswith(_tables()[2], lo, start)


def _spans(text) -> list[tuple[int, int]]:
    """Where the text names a story body, in order; read once per text."""
    found = _cache(text)
    spans = found.get("spans")
    if spans is None:
        names = _bodies(text)
        spans = found["spans"] = [] if names is None else [m.span() for m in names.finditer(text.folded)]
    return spans


def _bodies(text) -> re.Pattern | None:
    """The story's names that no claim's subject cue or entity covers, as one pattern (a Latin name whole)."""
    from dsfact.matching.cues import _cue_key
    from dsfact.matching.undated import _story_pattern

    folded = text.registry.folded_cues
    names = []
    for name in text.registry.story:
        n = folded.get(name, name.strip().lower())
        key = _cue_key(n, n)[0]
        if key and not any(text.index.naming(key)):
            names.append(n)
    return _story_pattern(tuple(names))

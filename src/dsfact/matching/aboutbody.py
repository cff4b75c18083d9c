"""A section about a body of its own, and a participle opener whose main clause names one: a press release ends
with "**About Acme Compute**" over "Founded in 2016, Acme Compute employs 1,200 people", a Chinese one with
"关于星河云：星河云成立于2019年"; the founding year is the issuer's, not that of the company the release spoke of
before (DeepSeek). Used by dsfact.matching.matcher (TextMatcher._named_before): such a figure borrows no subject
from an earlier sentence. The words that open such a heading are language data (names.words [about-heading])."""
from __future__ import annotations

import bisect

from dsfact.lang import words_by_script
from dsfact.matching.cues import has_cjk

_LEADING = " \t\n\"'“‘「*#-•·–_"
_OWN = ("我", "本", "此", "该", "这")  # "关于我们", "关于本公司": the issuer names itself, whoever it is
_LOOKBACK = 6  # sentences: how far above a figure its section's heading may stand

_ABOUT: tuple[tuple[str, ...], tuple[str, ...]] | None = None


def _about_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    global _ABOUT
    if _ABOUT is None:
        _ABOUT = words_by_script("names", "about-heading", longest_first=True)
    return _ABOUT


def about_other(matcher, si: int, q) -> bool:
    """Whether figure q of sentence si stands in a section about a body no cue word names: its sentence opens with
    such a label before it ("关于星河云：星河云成立于2019年"), or the nearest heading or title line above it opens with
    one ("**About Acme Compute**"); or q stands in a participle opener whose main clause opens with a name no cue
    word covers ("Founded in 2016, Acme Compute employs ...")."""
    from dsfact.matching.leads import title_at

    sentence = matcher.sentences[si]
    label = _label_end(matcher.folded, sentence.start, q.start)
    if label is not None and _names_other(matcher, *label):
        return True
    for back in range(si - 1, max(si - 1 - _LOOKBACK, -1), -1):
        span = title_at(matcher, back)
        if span is not None:
            head = _about_head(matcher.folded, *span)
            return head is not None and _names_other(matcher, head, span[1])
    return _opener_names_other(matcher, si, q)


def _about_head(folded: str, start: int, end: int) -> int | None:
    """Where the name after a heading's opening word of [about-heading] starts, or None."""
    at = start + len(folded[start:end]) - len(folded[start:end].lstrip(_LEADING))
    latin, chinese = _about_words()
    for word in chinese:
        if folded.startswith(word, at):
            return at + len(word)
    for word in latin:
        if folded.startswith(word + " ", at):
            return at + len(word) + 1
    return None


def _label_end(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The name of a label "关于X：" or "About X:" that opens folded[start:end], before its colon."""
    head = _about_head(folded, start, end)
    if head is None:
        return None
    for colon in (":", "："):
        at = folded.find(colon, head, end)
        if 0 < at - head <= 24:
            return head, at
    return None


def _names_other(matcher, start: int, end: int) -> bool:
    """Whether text[start:end] names a body and no cue word of a registered subject stands in it."""
    text = matcher.text
    name = text[start:end].strip(" *_#")
    if not name or any(matcher.index.naming(h.cue)[1] or matcher.index.naming(h.cue)[0]
                       for h in matcher.hits_in(start, end)):
        return False
    if has_cjk(name):
        return not name.startswith(_OWN)
    return name[:1].isupper()


def _opener_names_other(matcher, si: int, q) -> bool:
    """"Founded in 2016, Acme Compute employs ...": q stands in the participle phrase that opens its sentence, and
    the main clause after it opens with a capitalised name no cue word covers."""
    from dsfact.matching.capitals import sentence_names
    from dsfact.matching.openers import opens_participle

    sentence, marks = matcher.sentences[si], matcher._marks
    folded = matcher.folded
    start = sentence.start + len(folded[sentence.start:q.start]) - len(folded[sentence.start:q.start].lstrip(_LEADING))
    first = bisect.bisect_left(marks, start)
    if first != bisect.bisect_left(marks, q.start) or first >= len(marks) or marks[first] >= sentence.end \
            or not opens_participle(folded, start, q.start):
        return False
    after = marks[first] + 1
    after += len(folded[after:sentence.end]) - len(folded[after:sentence.end].lstrip())
    return any(s == after for s, _, _ in sentence_names(matcher, si, q.unit)[1])

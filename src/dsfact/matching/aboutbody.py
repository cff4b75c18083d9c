"""A section about a body of its own, and a participle opener whose main clause names one: a press release ends
with "**About Acme Compute**" over "Founded in 2016, Acme Compute employs 1,200 people", a Chinese one with
"关于星河云：星河云成立于2019年"; the founding year is the issuer's, not that of the company the release spoke of
before (DeepSeek). Used by dsfact.matching.matcher (TextMatcher.candidates): such a figure borrows no subject
from an earlier sentence, unless the section's name is that subject ("## About DeepSeek"). The words that open such a heading are language data (names.words [about-heading])."""
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


def about_other(matcher, si: int, q, missing: list[int]) -> bool:
    """Whether figure q of sentence si stands in a section about another body than the subjects of the claims of
    `missing` (those whose subject q would borrow): its sentence opens with such a label before it ("关于星河云：
    星河云成立于2019年"), or the nearest heading or title line above it opens with one ("**About Acme Compute**",
    "**About NVIDIA**" over a founding year); or q stands in a participle opener whose main clause opens with such
    a name ("Founded in 2016, Acme Compute employs ...")."""
    from dsfact.matching.leads import title_at

    sentence = matcher.sentences[si]
    label = _label_end(matcher.folded, sentence.start, q.start)
    if label is not None and _names_other(matcher, *label, missing):
        return True
    for back in range(si - 1, max(si - 1 - _LOOKBACK, -1), -1):
        span = title_at(matcher, back)
        if span is not None:
            head = _about_head(matcher.folded, *span)
            return head is not None and _names_other(matcher, head, span[1], missing)
    return _opener_names_other(matcher, si, q, missing)


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


def _names_other(matcher, start: int, end: int, missing: list[int]) -> bool:
    """Whether text[start:end] names a body, and no subject of a claim of `missing`: a registered body of other
    claims (NVIDIA over a founding year), or a name no cue word covers ("Acme Compute", 星河云); not a topic
    that cue words of a metric make up ("关于成本：")."""
    text = matcher.text
    name = text[start:end].strip(" *_#")
    if not name or name.startswith(_OWN) or _names_missing(matcher, start, end, missing):
        return False
    hits = matcher.hits_in(start, end)
    if any(any(matcher.index.naming(h.cue)) for h in hits):
        return True
    rest = list(text[start:end])
    for h in hits:
        rest[h.start - start:h.end - start] = " " * (h.end - h.start)
    words = "".join(rest).split()
    return any(has_cjk(w) or w[:1].isupper() for w in words)


def _names_missing(matcher, start: int, end: int, missing: list[int]) -> bool:
    """Whether a cue word in text[start:end] names the subject of a claim of `missing`."""
    naming = matcher.index.naming
    return any(ci in missing for h in matcher.hits_in(start, end) for ci in naming(h.cue)[1])


def _opener_names_other(matcher, si: int, q, missing: list[int]) -> bool:
    """"Founded in 2016, Acme Compute employs ...": q stands in the participle phrase that opens its sentence, and
    the main clause after it opens with a capitalised name no cue word covers, or a registered body that is the
    subject of no claim of `missing` ("Founded in 1993, NVIDIA is ...")."""
    from dsfact.matching.capitals import compared, sentence_names
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
    if any(name[0] == after and not compared(matcher.folded, name) for name in sentence_names(matcher, si, q.unit)[1]):
        return True
    naming = matcher.index.naming
    return any(h.start == after and any(naming(h.cue)) and not _names_missing(matcher, h.start, h.end, missing)
               for h in matcher.hits_in(after, min(after + 40, sentence.end)))

"""The subjects an epithet may take in TextCues.reach: "the start-up" may stand for the subject the text named
last, however far back (dsfact.matching.epithets.epithet_subject), so a figure of a sentence with an epithet may
take the subject of any earlier sentence."""
from __future__ import annotations

from dsfact.matching.pertext import kept

_STORY_REACH: list = []  # epithets.story_reach, imported on the first call (epithets imports dsfact.matching.text)


def story_subjects(text, si: int) -> frozenset[int]:
    """The claims whose subject a sentence before si names, when sentence si holds an epithet; else none (reach
    asks only for a sentence after the first that holds a metric word). Worked out once per sentence (reach asks once per sentence and heading context), from a
    running union of the sentences' subjects made once per text (a union of every earlier sentence's subjects
    on each ask cost about 1% of a run)."""
    found = kept(text, "_story_subjects")
    if si not in found:
        if _story_reach(text, si):
            found[si] = _earlier(text)[si]
        else:
            found[si] = frozenset()
    return found[si]


def _earlier(text) -> list[frozenset[int]]:
    """Per sentence, the claims whose subject a sentence before it names (a running union)."""
    earlier = getattr(text, "_earlier_subjects", None)
    if earlier is None:
        running: frozenset[int] = frozenset()
        earlier = text._earlier_subjects = []
        for subjects in text.sentence_claims()[1]:
            earlier.append(running)
            if subjects:
                running = running | subjects
    return earlier


def _story_reach(text, si: int) -> bool:
    if not _STORY_REACH:  # (an import statement costs a lookup that fails on every call)
        from dsfact.matching.epithets import story_reach

        _STORY_REACH.append(story_reach)
    return _STORY_REACH[0](text, si)

"""An owner's or a leader's name told before a registered name it describes: "More than $US580bn was wiped from
the market value of Jensen Huang's Nvidia", "黄仁勋旗下的英伟达市值蒸发5890亿美元", "黃仁勳旗下的輝達市值蒸發".

The owner (another body or a person the registry knows, an entity) stands nearer the figure than the registered
name after it, and the nearest body wins (dsfact.matching.matcher): the figure was taken as the owner's and left
unjudged. An owner joined to the registered name by a word of names.words [owner-link] ('s, 旗下的) only says whose
that body is; the registered name is the phrase's head, and the owner is no rival for the figure."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.agents import agent_of_attribute
from dsfact.matching.coshared import joined_subject
from dsfact.matching.cues import has_cjk
from dsfact.matching.timemark import marks_time
from dsfact.numbers.patterns import lazy

_SPACE = lazy(r"[ \t]*")


@lru_cache(maxsize=1)
def _links() -> tuple[str, ...]:
    """names.words [owner-link], longest first; a Latin one is followed by a space."""
    from dsfact.lang import words_of

    return tuple(w if has_cjk(w) else w + " " for w in words_of("names", "owner-link", longest_first=True))


def owns_name(matcher, hit, hits) -> bool:
    """Whether the name `hit` (an entity) is joined by an owner's link to a registered subject's name right after
    it, among the sentence's `hits`."""
    folded = matcher.folded.replace("’", "'") if "’" in matcher.folded[hit.end:hit.end + 2] else matcher.folded
    at = hit.end
    if folded[hit.start:at].endswith(("'s", "'")):  # the name's cue took the possessive: "jensen huang's"
        at = _SPACE.match(folded, at).end()
    else:
        link = next((w for w in _links() if folded.startswith(w, at)), None)
        if link is None:
            return False
        at = _SPACE.match(folded, at + len(link)).end()
    naming = matcher.index.naming
    return any(h.start == at and naming(h.cue)[1] for h in hits)


def not_rival(matcher, q, hit, hits) -> bool:
    """Whether the entity `hit` is no rival subject for figure q: the agent of an attribute of the figure
    (dsfact.matching.agents), a time ("在发布V4前": dsfact.matching.timemark), an owner of the registered name
    after it (owns_name), or a company joined to a registered subject as one subject of a move in percent
    ("Nvidia and Broadcom fell 17%": dsfact.matching.coshared)."""
    return agent_of_attribute(matcher, q, hit) or marks_time(matcher.folded, hit) or owns_name(matcher, hit, hits) \
        or joined_subject(matcher, q, hit, hits)

"""A bracket opened right after a name holds that name's figures: "a model stronger than Llama 3 405B (which
used 30.8 million GPU hours)", "训练算力远低于Llama 3 405B（3080万GPU小时）", "比Llama-3405B(使用3080万小时 GPU)更强".
A rival named only as a comparison binds no figure outside the bracket (dsfact.matching.comparison), but the
bracket after it tells what the rival used, not what the figure's subject did: the figure there is bound too
loosely to contradict the subject's claim. Only a model's size or version may stand between the name and the
bracket ("405B", "3.1 405B"), not a product's code ("Nvidia H800 (2,048 units)": the subject's chips), and the
bracket must not name the claim's own subject before the figure ("than Llama 3 (DeepSeek-V3: 2.8 million)")."""
from __future__ import annotations

from dsfact.matching.cues import ENTITY, SUBJECT
from dsfact.numbers.patterns import lazy

OPEN_REACH = 40  # characters from a bracket's opening to the figure inside it
# what may stand between a name and its bracket: a size or version ("405b", "-3405b", "3.1 405b"), no product code
_SIZE_GAP = lazy(r"(?:[\s\-–]*[0-9][0-9.]*[a-z]{0,2})*\s*")


def in_named_aside(text, q, ci: int) -> bool:
    """Whether figure q stands in a bracket opened right after a name (a cue word that is the subject of another
    claim, or a body the registry knows) that is not the subject of claim ci, with no subject word of ci between
    the bracket's opening and q (`text`: a TextMatcher)."""
    folded = text.folded
    opener = _opening_before(folded, q.start)
    if opener < 0:
        return False
    if any(c == ci and role == SUBJECT for hit in text.hits_in(opener, q.start) for c, role in text.roles_of(hit)):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    for hit in text.hits_in(max(sentence.start, opener - OPEN_REACH), opener):
        if hit.end <= opener and _SIZE_GAP.fullmatch(folded, hit.end, opener) is not None:
            roles = text.roles_of(hit)
            if any(role in (SUBJECT, ENTITY) for _, role in roles) \
                    and not any(c == ci and role == SUBJECT for c, role in roles):
                return True
    return False


def _opening_before(folded: str, start: int) -> int:
    """The offset of the bracket still open at `start`, opened within OPEN_REACH characters before it on its line,
    or -1."""
    from dsfact.matching.evidence import opened_bracket

    opened = opened_bracket(folded, max(start - OPEN_REACH, folded.rfind("\n", 0, start) + 1, 0), start)
    return -1 if opened is None else opened

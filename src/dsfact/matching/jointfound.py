"""A contribution made jointly to found something is the new venture's funding, not one party's share.

"OpenAI, SoftBank and Oracle will jointly contribute $500 billion to create Stargate", "三家公司将共同注资
5000亿美元，创立星际之门", "三家公司將共同出資5000億美元，成立「星際之門」": a word of jointness (roles.words
[joint-founding] `before`) right before the word of contribution, and a word of founding (`after`) right after
the figure, tell a sum all the founders put in to create the thing named after it: its funding, its size.
dsfact.matching.roles drops the figure's [contribution] role then; the venture named after the figure binds
it as before. A joint contribution with no founding after it ("软银和OpenAI共同注资190亿美元") stays one.
"""
from __future__ import annotations

import functools

from dsfact.matching.cues import SUBJECT

_GAP = 3  # characters at most between the word of jointness and the word of contribution ("将", "will ")
_AFTER_GAP = " ,，、"  # what may stand between the figure and the word of founding
_NOUN = ("of funding", "in funding", "of capital", "in capital", "of investment", "的资金", "资金", "的资本", "资本")


@functools.cache
def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    from dsfact.lang import words_of

    return (words_of("roles", "joint-founding", "before", longest_first=True),
            words_of("roles", "joint-founding", "after", longest_first=True),
            words_of("roles", "contribution", "before", longest_first=True))


def _past_noun(rest: str) -> str:
    """`rest` (the words after a figure) past the figure's own noun, when it opens with one: "$500 billion of funding
    to create", "5000亿美元资金，创立"."""
    for noun in _NOUN:
        if rest.startswith(noun):
            return rest[len(noun):].lstrip(_AFTER_GAP)
    return rest


def joint_founding(before: str, after: str) -> bool:
    """Whether the folded text `before` a figure (its clause's, up to the figure) ends with a word of contribution
    right after a word of jointness, and the text `after` it (past its clause's end) opens with a word of founding."""
    joint, founding, contribution = _words()
    tail = before.rstrip()
    for word in contribution:
        if not tail.endswith(word) or word.isascii() and tail[-len(word) - 1:-len(word)].isalpha():
            continue
        lead = tail[:-len(word)].rstrip()
        if not any(j in lead[-(len(j) + _GAP):] for j in joint):
            return False
        rest = _past_noun(after.lstrip(_AFTER_GAP))
        return any(rest.startswith(w) and (not w.isascii() or not rest[len(w):len(w) + 1].isalpha()) for w in founding)
    return False


_FOUNDED_REACH = 30  # characters after the figure in which the word of founding and the name it founds stand
_CLAUSE_MARKS = ",，;；"
_QUOTES = " \"'“”「」『』‘’《"


@functools.cache
def _group_words() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return words_of("roles", "joint-founders")


def founders_before(text, q, hit) -> bool:
    """Whether the name `hit`, before figure q in its sentence, is one of the founders of a venture that a joint
    contribution founds, the venture a claim's subject named right after the word of founding: "特朗普联同孙正义宣布，
    三家公司将共同注资5000亿美元，创立星际之门", "SoftBank and Oracle will jointly contribute $500 billion to create
    Stargate". The sum is the venture's funding: the founders, the official who announced it and those beside him
    hold no share of it, and do not stand between the figure and the venture (matcher._cues). Only a name outside
    the figure's clause: a founder named as the subject of the contribution ("软银和OpenAI将共同注资400亿美元，成立星际之门")
    may tell a share of its own, and keeps the figure; so do the names before it when no registered name is founded
    after it ("软银和OpenAI共同注资190亿美元，成立合资公司"), or when no word of the founders as a group (roles.words
    [joint-founders]: 3家公司, 这些公司) stands between them and the figure ("孙正义表示，软银和OpenAI一起，将共同注资
    190亿美元，成立星际之门": the founders named themselves, whose share it may be)."""
    folded = text.folded
    between = folded[hit.end:q.start] if hit.end <= q.start else ""
    if not any(c in between for c in _CLAUSE_MARKS) or not any(w in between for w in _group_words()) \
            or not joint_founding(folded[max(0, q.start - 40):q.start], folded[q.end:q.end + _FOUNDED_REACH]):
        return False
    rest = folded[q.end:q.end + _FOUNDED_REACH]
    at = len(rest) - len(_past_noun(rest.lstrip(_AFTER_GAP)))
    for word in _words()[1]:
        if folded.startswith(word, q.end + at):
            start = q.end + at + len(word)
            start += len(folded[start:start + 3]) - len(folded[start:start + 3].lstrip(_QUOTES))
            return any(h.start == start and any(role == SUBJECT for _, role in text.roles_of(h))
                       for h in text.hits_in(start, start + 20))
    return False


def founds_name(folded: str, q_start: int, end: int, start: int) -> bool:
    """Whether the text between a figure's end and a name at `start` is only a comma and a word of founding,
    with a word of jointness just before the figure ("共同注资5000亿美元，创立「星际之门」", "jointly put in $500
    billion, creating Stargate"): the clause after the mark founds the name with the sum all its founders put
    in, and the name reaches the figure across that one mark. ("SoftBank invests $19 billion, creating ...":
    no jointness, one party's share: the mark still parts them.)"""
    between = folded[end:start]
    if "," not in between and "，" not in between:
        return False
    rest = _past_noun(between.lstrip(_AFTER_GAP))
    if rest.rstrip(" \"'“”「」『』‘’") not in _words()[1]:
        return False
    lead = folded[max(0, q_start - 16):q_start]
    return any(j in lead for j in _words()[0])

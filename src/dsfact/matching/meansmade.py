"""A clause of means whose main clause opens with its maker, not its subject: "For just $5.6 million, the team
trained DeepSeek-V3", "Using 2.664M GPU hours, we finished pre-training DeepSeek-V3",
"仅用557.6万美元，团队就完成了DeepSeek-V3的训练", "只花了557.6萬美元，他們便訓練出DeepSeek-V3". The figure is what making
the thing named as the verb's object took, so that name owns it, as the name that opens such a main clause does
(dsfact.matching.structure.means_owner). The maker is a pronoun or a plain noun of people (roles.words
[means-made] `before`), a verb of making follows within a few words (`words`), and the name comes next, no other
name between; after the verb only the words of its object's frame (`after`). Also: a word of value between the article and "cost of" ("at an economical cost of", "at a total
cost of", "at a modest cost of") opens such a clause as "at a cost of" does (means_head)."""
from __future__ import annotations

import bisect

from dsfact.lang import words_by_script, words_of
from dsfact.matching.text import means_in
from dsfact.numbers.patterns import lazy

_MADE_WORDS = 6  # Latin words at most between the maker and the name (the verb among them)
_MADE_CJK = 10  # characters at most between a Chinese maker and the name
_MADE_BEFORE = 2  # Latin words at most between the maker and its verb ("then", "were able to")
_VALUED = lazy(r"\bat an? [a-z]+ (cost|price|budget) of\b")


def means_head(head: str) -> str:
    """The opening words of a clause of means, stripped of marks and bullets before them, with one word of
    value between "at a" and "cost of" dropped ("at an economical cost of only" reads as "at a cost of only")."""
    head = head.strip(" \t\"'“”‘’「」*#-•·–,，、;；:：")  # (a list's bullet too: "• At a cost of ...")
    m = _VALUED.match(head)  # (at its start)
    return f"at a {m.group(1)} of{head[m.end():]}" if m else head


def means_at(matcher, start: int, end: int) -> bool:
    """text.means_in, or a clause of means opened with a word of value ("at an economical cost of": means_head)."""
    return means_in(matcher, start, end) or _VALUED.search(matcher.folded, start, end) is not None


def made_object(folded: str, hits, names, opening: int) -> bool:
    """Whether the clause opening at `opening` (after a clause of means) opens with a maker and a verb of making
    whose object is a registered name (made_name)."""
    return made_name(folded, hits, names, opening) is not None


def made_name(folded: str, hits, names, opening: int):
    """The name (one of `hits`, CueIndex.names) that is the object of the verb of making of a maker who opens the
    clause at `opening` (after a clause of means); None when there is none: after the verb only the words of the object's
    frame (`after`: "the pre-training of"), so "we trained a model that beats DeepSeek-V3" is no such clause;
    in Chinese the verb stands right before the name (了, 出 after it or not)."""
    latin, chinese = words_by_script("roles", "means-made", "before", longest_first=True)
    rest = folded[opening:opening + 120]
    agent = next((w for w in latin if rest.startswith(w + " ")), None)
    if agent is None:
        agent = next((w for w in chinese if rest.startswith(w)), None)
        if agent is None:
            return None
    start = opening + len(agent)
    named = sorted((h for h in hits if names(h.cue) and h.start >= start), key=lambda h: h.start)
    if not named:
        return None
    between = folded[start:named[0].start]
    if any(c in between for c in ".;:!?。；：！？,，"):
        return None
    verbs = words_of("roles", "means-made")
    if agent.isascii():  # the verb, a word or two before it, and after it only the words of its object's frame
        words = between.split()
        at = next((i for i, w in enumerate(words) if w in verbs), None)
        frame = words_of("roles", "means-made", "after")
        made = at is not None and at <= _MADE_BEFORE and len(words) <= _MADE_WORDS \
            and all(w in frame for w in words[at + 1:])
    else:
        tail = between.rstrip("了出")  # "就完成了V3的训练", "便训练出V3"
        made = len(between) <= _MADE_CJK and any(tail.endswith(v) for v in verbs if not v.isascii())
    return named[0] if made else None


def means_object(matcher, q, hit) -> bool:
    """Whether the name `hit` after figure q is the object a maker made with q, q's clause one of means ("At a cost
    of 2.664M GPU hours, we pre-trained DeepSeek-V3 on 14.8T tokens"): the name then heads no
    figure of its own after it (dsfact.matching.heads), it owns q as well."""
    from dsfact.matching.structure import means_clause

    marks, si = matcher._marks, matcher.sentence_of(q.start)
    k = bisect.bisect_left(marks, q.end)
    clause_start = max(marks[bisect.bisect_right(marks, q.start) - 1] if marks and marks[0] < q.start else 0,
                       matcher.sentences[si].start)
    if k >= len(marks) or not means_clause(matcher, q, si, clause_start, k):
        return False
    opening = marks[k] + 1
    opening += len(matcher.folded[opening:]) - len(matcher.folded[opening:].lstrip(" \t,，"))
    made = made_name(matcher.folded, matcher.sentence_hits(si), matcher.index.names, opening)
    return made is not None and made.start == hit.start

"""A sum one party pledges to a plan is the party's part of it (issue 9: a part versus the total). "Early backers
pledged $19 billion for Stargate", "SoftBank committed $19 billion to the venture": a word of pledging right before
the sum and the plan's name right after it across "for", "to" or "into"; "软银将为星际之门出资190亿美元",
"甲骨文承諾向星際之門注資70億美元": the plan's name after 为 or 向 and the word of pledging, and nothing else, between
it and the sum. The plan's claim may agree with such a sum (its backers together may pledge it all) but is never
contradicted by it: the claim is loose. "Stargate will invest $500 billion", "The venture's backers pledged $500
billion in all" name no plan as the receiver and stay firm. The words are names.words [pledged-to]; this module
holds the mechanism (dsfact.matching.matcher asks it for each figure)."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.pertext import any_between
from dsfact.matching.wordtables import spaced

_REACH = 40  # characters before a sum where its word of pledging may stand
_CJK_REACH = 16  # characters between the plan's name and the sum, in Chinese
_PARTIES = 2  # names of bodies before a sum (the receiver's among them) that may be one party and its plan


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """The English words of pledging before a sum, the English words between the sum and the plan's name, the
    Chinese words between the plan's name and the sum, and the Chinese words right before the plan's name."""
    from dsfact.lang import words_by_script

    verbs, verbs_cjk = words_by_script("names", "pledged-to", "verbs", longest_first=True)
    between, between_cjk = words_by_script("names", "pledged-to", "between", longest_first=True)
    after = words_by_script("names", "pledged-to", "after", longest_first=True)[0]
    before_cjk = words_by_script("names", "pledged-to", "before", longest_first=True)[1]
    english = re.compile(r"(?<![a-z])(?:" + spaced(verbs) + r")(?:\s+(?:" + spaced(between) + r"))?\s+$")
    to = re.compile(r"\s+(?:" + spaced(after) + r")\s+(?:the\s+)?[\"'“‘]?$")
    cjk = re.compile(r"[」』\"'”’》]*(?:将|会|已|再|另|共|额外|承诺|计划|拟|同意)*(?:"
                     + "|".join(map(re.escape, verbs_cjk)) + r")(?:" + "|".join(map(re.escape, between_cjk))
                     + r")?\s*$")
    return english, to, cjk, re.compile("(?:" + "|".join(map(re.escape, before_cjk)) + r")[「『\"“《]?$")


@lru_cache(maxsize=1)
def _pledging() -> tuple[str, ...]:
    """What a text must hold for either pattern of pledging to match: the first word of an English word of
    pledging (the pattern lets any white space stand between its words), or a Chinese one."""
    from dsfact.lang import words_by_script

    verbs, verbs_cjk = words_by_script("names", "pledged-to", "verbs", longest_first=True)
    return tuple(w.split()[0] for w in verbs if w.split()) + tuple(verbs_cjk)


def pledged_to(text, q, si: int) -> set[int]:
    """The claims figure q of sentence si is told as one party's pledge to: their subject named as what receives
    it (see the module's docstring). Not when two or more bodies are named before it: the backers together
    ("OpenAI, SoftBank and Oracle agreed to invest $600 billion in Stargate", OpenAI、软银和甲骨文计划向星际之门
    投资4000亿美元) pledge the plan's whole."""
    found: set[int] = set()
    if not any_between(text, "pledged-to", _pledging(), q.start - max(_REACH, _CJK_REACH), q.start):
        return found  # no word of pledging where either pattern reads one (the text's places found once)
    folded, naming = text.folded, text.index.naming
    english, to, cjk, receiver = _patterns()
    pledged = None
    hits = text.sentence_hits(si)
    if sum(1 for hit in hits if hit.end <= q.start and any(naming(hit.cue))) > _PARTIES:
        return found
    for hit in hits:
        subjects = naming(hit.cue)[1]
        if not subjects:
            continue
        if hit.start >= q.end and hit.start - q.end <= 24:
            if to.fullmatch(folded, q.end, hit.start) is None:
                continue
            if pledged is None:
                pledged = english.search(folded, max(0, q.start - _REACH), q.start) is not None
            if pledged:
                found.update(subjects)
        elif hit.end <= q.start and q.start - hit.end <= _CJK_REACH and receiver.search(folded, max(0, hit.start - 3), hit.start) \
                and cjk.fullmatch(folded, hit.end, q.start):
            found.update(subjects)
    return found

"""A registered figure said again (issue 9): a passage that has stated a claim's figure, bound firmly by
its own cue words, often repeats the same amount later with only a word of the claim's metric beside it
("Stargate will cost $500 billion. ... The government is putting in $500 billion to build AI capacity",
"政府投入了5000亿美元"), or only a noun that recalls it ("The headline figure, half a trillion dollars, ...").
The repeat names no subject of its own, so no other rule binds it; being the same amount as the claim's
figure told before it, in a sentence that names no other company or body before it, it states that claim
again. It is bound loosely: it may agree, never contradict (being the same amount, it only agrees when the
first did)."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.text import INF
from dsfact.model import Claim, Quantity


def said_again(matcher, q: Quantity, claim: Claim, kept: list = ()) -> bool:
    """Whether figure q, which no cue word bound, may be `claim`'s figure said again: its sentence holds a
    word of the claim's metric (none of its exclude words near q), or q is an amount a determiner recalls
    (recalled_amount) in a sentence where no figure of the claim is found (`kept`: check's findings so far; the
    sentence states the claim itself: "The €200 billion sum combines a €250 billion commitment"), and names no
    subject, company or other body before q, and q's role and time fit the claim."""
    si = matcher.sentence_of(q.start)
    family = matcher.index.family(q.unit)
    ci = matcher.index.position[claim.id]
    if ci not in family:
        return False
    cues = matcher._cues(q, si, matcher.sentence_hits(si), family)
    if ci in cues.excluded or cues.metric.get(ci, INF) == INF and not (
            recalled_amount(matcher.folded, q.start) and not _states_itself(matcher, si, claim, kept)):
        return False  # (no word of its metric: only an amount a determiner recalls, "The $294K excludes ...")
    if cues.named_before or cues.entity < INF or cues.subject_before or matcher._named_before(q, si):
        return False  # "Apple, too, pledged $500 billion": another body's figure of the same size
    roles = matcher.reader().roles(q)
    return matcher._fits(q, claim, roles, matcher.sentences[si])


def _states_itself(matcher, si: int, claim: Claim, kept) -> bool:
    """Whether a finding of `claim` kept so far stands in sentence si."""
    return any(k[0].claim == claim.id and matcher.sentence_of(k[0].start) == si for k in kept)


def recalled_amount(folded: str, start: int) -> bool:
    """Whether a determiner of nouns.words [recalled-amount] stands right before the figure at `start`, making it
    a noun that recalls an amount said before: "The $294K excludes ...", "这560万美元只是……"."""
    a = max(0, start - _DETERMINER_REACH)
    return any(m.end() == start and _word_starts(folded, m.start()) for m in _recalled().finditer(folded, a, start + 2))


def recalled_spans(folded: str) -> list[int]:
    """Where in the text a figure follows such a determiner (for dsfact.matching.prefilter), by offset."""
    return [m.end() for m in _recalled().finditer(folded) if _word_starts(folded, m.start())]


def _word_starts(folded: str, at: int) -> bool:
    """Whether a word begins at `at`: no Latin letter or digit right before it ("the", not "breathe")."""
    return not at or not (folded[at - 1].isascii() and folded[at - 1].isalnum())


_DETERMINER_REACH = 8  # characters before a figure searched for its determiner


@lru_cache(maxsize=1)
def _recalled():
    """The determiners, each with the space a Latin one takes, before a figure's first character: one
    alternation of literal words, which the regex engine scans for quickly (no look-behind)."""
    import re

    from dsfact.lang import words_of

    words = words_of("nouns", "recalled-amount", "before", longest_first=True)
    alternatives = "|".join(re.escape(w + " " if w.isascii() else w) for w in words)
    return re.compile(rf"(?:{alternatives})(?=[$€£¥]?\d)")


def firmly_said(said: list) -> dict[str, list]:
    """Claim -> the figures that state it firmly and rightly, from what check._keep noted of each figure that agrees
    with its claim and is not in doubt, (claim, figure, its candidate, or None when it is bound loosely): one bound
    loosely, or one whose candidate is not weak. Asked only of a text with a figure no claim took (most have
    none): a candidate's `weak` is costly (another member, a move mid-session: 3% of a run) and nothing else reads
    it of a figure that agrees. The dict is the one check._keep built when it asked each figure in turn."""
    found: dict[str, list] = {}
    for claim, q, candidate in said:
        if candidate is None or not candidate.weak:
            found.setdefault(claim, []).append(q)
    return found


HEADLINE_REACH = 2  # paragraphs under a headline its figure may be told again in


def headline_told(matcher, q: Quantity, x: Quantity) -> bool:
    """Whether figure q stands in a headline (leads.title_at) and x, the same amount stated firmly after it,
    in the first paragraphs under it: a headline gives its story's figure before the story names whose it is
    ("5000億美元大項目大幅縮水" over "…星際之門…計劃投資5000億美元"), so q says x's claim again."""
    if x.start <= q.start:
        return False
    from dsfact.matching.leads import title_at

    si = matcher.sentence_of(q.start)
    if title_at(matcher, si) is None:
        return False
    sentences = matcher.sentences
    return sentences[matcher.sentence_of(x.start)].paragraph - sentences[si].paragraph <= HEADLINE_REACH

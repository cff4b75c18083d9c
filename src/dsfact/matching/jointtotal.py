"""A sum two bodies tell together: "France and the EU jointly announced a €309 billion plan", "法国总统与欧盟委员会
主席共同宣布了3090亿欧元的投资计划", "法國與歐盟共同宣布3090億歐元的投資計劃". Where a claim's subject, the name of it nearest
before the figure in its sentence, stands right after a word that joins it to another party (names.words
[joint-total] `before`: "and", "with", 与, 和) and a word of a joint act (`words`: jointly, together, 共同, 联合) stands
between it and the figure, the figure is the pair's total, not the subject's own plan: not judged for that claim.
Not when the subject or one of its members is named before it in the sentence too ("SoftBank and OpenAI will
jointly invest $500 billion in Stargate", 软银与OpenAI共同投资5000亿美元: the subject's own partners; their sum is its)."""
from __future__ import annotations

from dsfact.lang import words_of
from dsfact.matching.pertext import any_between
from dsfact.matching.wordedges import any_word_in, word_ending

ARTICLES = frozenset(("the", "its", "their"))  # words between the joining word and the name: "and the EU"
REACH = 24  # characters before the name read for the joining word


def joint_total(text, q, ci: int) -> bool:
    """Whether figure q is a total claim ci's subject tells together with another party (the module's rule). A figure
    with no word of a joint act before it in its sentence tells none (the text's places of those words found once)."""
    si = text.sentence_of(q.start)
    if not any_between(text, "joint-total", words_of("names", "joint-total"), text.sentences[si].start, q.start):
        return False
    naming = text.index.naming
    own = [h for h in text.sentence_hits(si) if h.end <= q.start and ci in naming(h.cue)[1]]
    if not own:
        return False
    nearest = max(own, key=lambda h: h.end)
    folded = text.folded
    lo = max(folded.rfind(";", 0, nearest.start), folded.rfind("；", 0, nearest.start))  # (its part of the sentence)
    if any(lo < h.start and h.end <= nearest.start for h in own):
        return False  # the subject (or a member of it) named before: its own partners
    head = folded[max(text.sentences[si].start, nearest.start - REACH):nearest.start].rstrip()
    last = head.rsplit(None, 1)[-1] if head.split() else ""
    if last in ARTICLES:
        head = head[:len(head) - len(last)].rstrip()
    if word_ending(head, words_of("names", "joint-total", "before", longest_first=True)) is None:
        return False
    return any_word_in(folded, words_of("names", "joint-total"), nearest.end, q.start)

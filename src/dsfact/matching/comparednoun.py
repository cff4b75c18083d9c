"""A figure of the other things a subject is set against: "DeepSeek-V3 rivals models trained on 16,000 GPUs",
"performs as well as systems built with 16,000 GPUs", "可媲美用1.6万块GPU训练的模型". A word of rivalry or
likeness (dsfact/lang/names.words [compared-noun] `before`) and, right after it, a noun of other things
(`words`: models, systems, rivals, 模型) make those things another body: the first figure in the phrase that
qualifies the noun is theirs, not the subject's. In English the phrase follows the noun in its clause
("models trained on 16,000 GPUs"); in Chinese it stands before 的 and the noun ("用1.6万块GPU训练的模型"). The
figure is then bound too loosely to contradict the subject's claim (dsfact.matching.passedover). A subject word
of the claim between the comparison and the figure keeps it the subject's."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.cues import SUBJECT, has_cjk
from dsfact.numbers.patterns import lazy

LATIN_WORDS = 3  # words between the comparison and the noun: "rivals the best models", "matches much larger models"
LATIN_GAP = 40  # characters from the noun to the figure: "models that were trained on"
CJK_BEFORE = 14  # characters from the comparison to the figure: "媲美用", "匹敌以"
CJK_AFTER = 14  # characters from the figure to 的 and the noun: "块GPU训练的模型"
_CLAUSE_MARKS = ",，;；:：.。!！?？()（）\n"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(English comparison and noun, Chinese comparison, Chinese 的 and noun), from names.words [compared-noun]."""
    from dsfact.lang import words_by_script

    def alternation(words) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    before_latin, before_cjk = words_by_script("names", "compared-noun", "before")
    nouns_latin, nouns_cjk = words_by_script("names", "compared-noun")
    latin = re.compile(r"\b(?:%s)\s+(?:[a-z][\w'’-]*\s+){0,%d}?(?:%s)\b"
                       % (alternation(before_latin), LATIN_WORDS, alternation(nouns_latin)))
    # (the Chinese ones compiled when a figure with Chinese before it first asks)
    return latin, lazy(alternation(before_cjk)), lazy(r"的\s?(?:%s)" % alternation(nouns_cjk))


def of_compared_noun(text, q, ci: int) -> bool:
    """Whether figure q is the first figure of a phrase that qualifies a noun of other things set against the
    subject in q's sentence, with no subject word of claim ci between the comparison and q (`text`: a
    TextMatcher)."""
    folded = text.folded
    sentence = text.sentences[text.sentence_of(q.start)]
    start = max(sentence.start, q.start - 120)
    latin, compared_cjk, noun_cjk = _patterns()
    if has_cjk(folded[max(start, q.start - CJK_BEFORE):q.end]):
        at = _cjk_comparison(folded, compared_cjk, max(start, q.start - CJK_BEFORE), q.start)
        if at < 0 or not _noun_after(folded, noun_cjk, q.end, sentence.end):
            return False
    else:
        at = -1
        for m in latin.finditer(folded, start, q.start):
            gap = folded[m.end():q.start]
            if len(gap) <= LATIN_GAP and not any(c in _CLAUSE_MARKS for c in gap):
                at = m.start()
                break
        if at < 0:
            return False
    if any(x.start < q.start and x.end > at for x in text.figures_in(at, q.start)):
        return False  # another figure comes first: the phrase is its
    return not any(c == ci and role == SUBJECT for hit in text.hits_in(at, q.start) for c, role in text.roles_of(hit))


def _cjk_comparison(folded: str, pattern: re.Pattern, start: int, end: int) -> int:
    """The offset of the last word of comparison in folded[start:end] with no clause mark after it, or -1."""
    found = -1
    for m in pattern.finditer(folded, start, end):
        if not any(c in _CLAUSE_MARKS for c in folded[m.end():end]):
            found = m.start()
    return found


def _noun_after(folded: str, pattern: re.Pattern, end: int, stop: int) -> bool:
    """Whether 的 and a noun of other things follow `end` within CJK_AFTER characters, in its clause."""
    tail = folded[end:min(stop, end + CJK_AFTER + 4)]
    m = pattern.search(tail)
    return m is not None and m.start() <= CJK_AFTER and not any(c in _CLAUSE_MARKS for c in tail[:m.start()])

"""A part whose whole's rest is left to others: "the EU will put up €50 billion, with the rest pledged by investors and
industry", "歐盟將出資500億歐元，其餘由企業和投資者承擔", "欧盟出资500亿欧元，其余来自私营部门", "will buy 50,000 Nvidia GPUs,
with the rest coming from Samsung and SK". Such words, right after a sum or a count in its sentence (within REACH
characters, with no other figure of its unit between), tell that the figure is its subject's own share of a plan
and that the plan's total is larger: the share is not the total a claim records and never contradicts it (it may
agree). A figure after the words is not touched ("..., with the rest promised by industry, for a total of 300
billion euros" is the total, still judged), nor one its own clause names a total (synonyms.words [total]: "a total
of", 总额), nor a percentage ("holds 60%, the rest by its partners" is a share already). So do words that leave the rest
to a later time ("has committed $100 billion up front, with the remaining investment to follow over four years",
先投入1000亿美元，其余资金将在四年内到位): the figure is the first part of the whole. Words: roles.words [rest-others]."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.cues import has_cjk
from dsfact.matching.wordtables import Alternation

REACH = 60  # characters after a sum where the words that leave its rest to others (or to later) stand


@lru_cache(maxsize=1)
def _words():
    from dsfact.lang import words_of

    return Alternation(words_of("roles", "rest-others"))


def rest_to_others(text, q) -> bool:
    """Whether a sum q is followed in its sentence, within REACH characters and before any other figure of its
    unit, by words that leave the rest of its whole to others (`text`: a TextMatcher)."""
    if q.unit in ("pct", "date") or text._quantities is None:
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    end = min(sentence.end, q.end + REACH)
    later = [x.start for x in text.figures_in(q.end, end) if x.unit == q.unit and x.start >= q.end]
    if later:
        end = min(later)
    folded = text.folded
    if _words().get(has_cjk(folded[q.end:end])).search(folded, q.end, end) is None:
        return False
    start, stop = text.reader().clause_span(q.start)  # a sum its clause names the total ("总额为3000亿欧元，其余……",
    stop = min(stop, end)  # "$600 billion in total, with the remaining ...")
    return _totals().get(has_cjk(folded[start:stop])).search(folded, start, stop) is None


@lru_cache(maxsize=1)
def _totals():
    from dsfact.lang import words_of

    return Alternation(words_of("synonyms", "total"))

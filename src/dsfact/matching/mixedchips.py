"""A count summed over several chip models, not a count of one model's chips (issue 9): "a rumoured cluster of
50,000 GPUs in total (H100, H800 and H20)", "50,000 GPUs, counting H100s, H800s and H20s together",
"即合共5萬塊H100、H800及H20 GPU", "H100、H800和H20，总共5万块". Beside a claim that counts one model's chips (V3's 2,048
H800s, Colossus's 100,000 H100s), such a total is of a mixed fleet: its sentence names two or more chip codes and a
word of a total (counts.words `summed`: "in total", "combined", 合共, 总共, 混合), and the codes stand next to the count
with no other count between (the list its noun opens, "5万块H100、H800及H20", or the nearest code of its sentence).
A count whose own noun is the claim's chip alone ("2,048 H800s") counts that chip; a total of models each counted
("6,000 H800s plus 4,000 H100s, 10,000 GPUs altogether") is left to the rules of parts and totals. Such a total
of models none counted may agree with the claim but never contradicts it. Imported only when a figure disagrees
with its claim."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.aside import CHIP_CODE_WORD as _CODE
from dsfact.model import Claim, Quantity
from dsfact.numbers.patterns import lazy

NOUN_REACH = 12  # characters after a count where its own noun's chip code may begin ("50,000 H100, ...", 5万块H100)
# what may join the codes of one list: marks, "and", "or", 及, 和, 与 (folded), and a noun of chips between them
_JOIN = lazy(r"(?:\s|[,，、/&]|and|or|及|和|与|gpus?|chips?)*")


@lru_cache(maxsize=1)
def _summed() -> tuple[re.Pattern, tuple[str, ...]]:
    """counts.words [counts] `summed`: (its Latin words as one pattern, each whole; its Chinese words)."""
    from dsfact.lang import words_of
    from dsfact.matching.cues import has_cjk
    from dsfact.matching.wordtables import whole_words

    words = words_of("counts", "counts", "summed", longest_first=True)
    return whole_words(words, "a-z"), tuple(w for w in words if has_cjk(w))


def _claim_codes(claim: Claim) -> frozenset[str]:
    return _codes_of(claim.metric_cues)


@lru_cache(maxsize=256)
def _codes_of(cues: tuple[str, ...]) -> frozenset[str]:
    """The chip codes a claim's metric cues name, worked out once per cue list (a registry's claims are few):
    folding each cue (OpenCC) for every count that disagrees was most of summed_models' time."""
    from dsfact.fold import fold_text

    return frozenset(m.group(1) for cue in cues for m in _CODE.finditer(fold_text(cue)))


def code_runs(folded: str, start: int, end: int, join: re.Pattern = _JOIN) -> list[tuple[int, int, set[str]]]:
    """The runs of chip codes in folded[start:end] that only joining words separate (what `join` matches in full
    between two codes: by default marks, "and", 及, nouns of chips): (start, end, codes). dsfact.matching.counted
    reads the codes right after a count with its own, narrower joins (one joining word: "H100/H200", "H100和H200")."""
    runs: list[tuple[int, int, set[str]]] = []
    for m in _CODE.finditer(folded, start, end):
        if runs and join.fullmatch(folded, runs[-1][1], m.start()):
            runs[-1] = (runs[-1][0], m.end(), runs[-1][2] | {m.group(1)})
        else:
            runs.append((m.start(), m.end(), {m.group(1)}))
    return runs


def _has_summed(folded: str, start: int, end: int) -> bool:
    latin, chinese = _summed()
    return latin.search(folded, start, end) is not None or any(w in folded[start:end] for w in chinese)


def summed_models(text, q: Quantity, claim: Claim) -> bool:
    """Whether count q is a total over several chip models beside a claim that counts one model's chips
    (`text`: the TextMatcher that bound q)."""
    if q.unit != "count" or claim.unit != "count" or text._quantities is None:
        return False
    own = _claim_codes(claim)
    if not own:
        return False
    folded = text.folded
    sentence = text.sentences[text.sentence_of(q.start)]
    runs = code_runs(folded, sentence.start, sentence.end)
    if len({c for r in runs for c in r[2]}) < 2 or not _has_summed(folded, sentence.start, sentence.end):
        return False
    counts = [x for x in text.figures_in(sentence.start, sentence.end) if x.unit == "count" and x is not q]
    if any(r[0] - NOUN_REACH <= x.end <= r[0] for r in runs for x in counts):
        return False  # "6,000 H800s plus 4,000 H100s, 10,000 GPUs altogether": each model counted, the sum their total
    noun = next((r for r in runs if q.end <= r[0] <= q.end + NOUN_REACH
                 and not any(x.unit == "count" for x in text.figures_in(q.end, r[0]))), None)
    if noun is not None:
        return len(noun[2]) > 1 or not noun[2] <= own  # "5万块H100、H800及H20"; "2,048 H800s" counts the claim's chip

    def alone(r) -> bool:  # no other count between q and the run
        a, b = (q.end, r[0]) if r[0] >= q.end else (r[1], q.start)
        return not any(a <= x.start < b for x in counts)

    near = min(runs, key=lambda r: r[0] - q.end if r[0] >= q.end else q.start - r[1])
    return alone(near) and (len(near[2]) > 1 or len(runs) > 1)

"""A figure that restates a rate in another unit is a rate too: "each trillion tokens took about 180K GPU
hours, or 3.7 days on the cluster", "每万亿token仅需18万GPU小时，即约3.7天". The restatement opens with a
word of roles.words [conversion] `before` ("or", "i.e.", 即, 相当于); the counts that place it ("on 2,048
GPUs", 在2048块GPU的集群上) may stand between.

So is a rate told by a figure of its base (roles.words [rate-base]): "每训练一万亿token只需18万GPU小时" holds
the base, one trillion tokens, no amount of its own, and the rate's value, the GPU hours after it in its
clause ("180,000 GPU hours for every 1 trillion tokens": before the word)."""
from __future__ import annotations

from dsfact.lang import words_of
from dsfact.matching.wordtables import Words

REACH = 60  # at most this many characters between a rate and the figure that restates it
BASE_GAP = 16  # at most this many characters between a rate's base and its value in their clause

_BASE: list[Words] = []  # roles.words [rate-base] `before`, read when first asked


def restates_rate(reader, k: int) -> bool:
    """Whether figure k of the reader (dsfact.matching.roles.FigureReader) restates an earlier figure of its
    sentence that is a rate, with only counts between them: the words after the rate open with a word of
    restatement."""
    quantities, folded = reader.quantities, reader.folded
    q = quantities[k]
    if q.unit == "count":
        return False  # the counts that place a restatement are not it: "即在2048块H800的集群上用3.7天"
    start, _end = reader.sentence_of(q.start)
    conversion = reader._conversion
    j = k - 1
    while j >= 0 and quantities[j].start >= start and q.start - quantities[j].end <= REACH:
        previous = quantities[j]
        if previous.unit != "count" and previous.unit != q.unit:
            gap = folded[previous.end:quantities[j + 1].start if j + 1 < k else q.start]
            gap = gap.strip().lstrip(",，").strip()
            return bool(gap) and conversion.before.after(gap, reader._chinese) and "rate" in reader.roles(previous)
        if previous.unit != "count":
            return False
        j -= 1
    return False


def _based(reader, k: int) -> bool:
    """Whether a word of [rate-base] ends right before figure k."""
    if not _BASE:
        _BASE.append(Words(words_of("roles", "rate-base", "before")))
    q = reader.quantities[k]
    lo, _hi = reader.clause_span(q.start)
    return _BASE[0].ends(reader.folded, lo, q.start, reader._chinese)


def per_base(reader, k: int) -> bool:
    """Whether figure k is a rate's base told after a word of [rate-base] ("每训练一万亿token"), or the rate's
    value told beside such a base in its clause, in another unit: right after the base ("……只需18万GPU小时"), or
    right before the word ("180,000 GPU hours for every 1 trillion tokens")."""
    quantities, folded = reader.quantities, reader.folded
    if _based(reader, k):
        return True
    q = quantities[k]
    lo, hi = reader.clause_span(q.start)
    if k > 0 and (base := quantities[k - 1]).start >= lo and base.unit != q.unit and q.start - base.end <= BASE_GAP \
            and _based(reader, k - 1):
        return True
    if k + 1 < len(quantities) and (base := quantities[k + 1]).end <= hi and base.unit != q.unit \
            and _based(reader, k + 1):
        gap = folded[q.end:base.start]
        return len(gap) <= BASE_GAP and _BASE[0].ends(folded, q.end, base.start, reader._chinese) \
            and not any(ch.isdigit() for ch in gap)
    return False

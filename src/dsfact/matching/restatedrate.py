"""A figure that restates a rate in another unit is a rate too: "each trillion tokens took about 180K GPU
hours, or 3.7 days on the cluster", "每万亿token仅需18万GPU小时，即约3.7天". The restatement opens with a
word of roles.words [conversion] `before` ("or", "i.e.", 即, 相当于); the counts that place it ("on 2,048
GPUs", 在2048块GPU的集群上) may stand between."""
from __future__ import annotations

REACH = 60  # at most this many characters between a rate and the figure that restates it


def restates_rate(reader, k: int) -> bool:
    """Whether figure k of the reader (dsfact.matching.roles.FigureReader) restates an earlier figure of its
    sentence that is a rate, with only counts between them: the words after the rate open with a word of
    restatement."""
    quantities, folded = reader.quantities, reader.folded
    q = quantities[k]
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

"""A multiple of a count is a multiple of that count: "Llama 3 was trained on 16,384 H100s, eight times the 2,048
GPUs DeepSeek-V3 used", "其GPU数量是DeepSeek-V3所用2,048块的8倍". The base a multiple is measured against
(dsfact.matching.family.base_span) tells what it multiplies; when that base is itself a count told as a figure and
holds none of the claim's metric words (compute, 计算量), the multiple compares numbers of things (chips), not the
claim's metric (C14's training compute): it is not judged against it. "Fifteen times the compute DeepSeek-V3 spent
on its 2,048 GPUs" names the compute, and stays the claim's."""
from __future__ import annotations

from dsfact.matching.cues import METRIC
from dsfact.model import Quantity


def count_right_after(text, q: Quantity, end: int) -> tuple[int, int] | None:
    """The base of multiple q when a count follows it in its clause (which ends at `end`) with only a word of
    roles.words [multiple-counted] between ("eight times the 2,048 GPUs"): from q's end to the clause's; None
    otherwise."""
    from dsfact.lang import word_set

    after = [x for x in text.figures_in(q.end, end) if x.start >= q.end]
    if not after or after[0].unit != "count":
        return None
    gap = text.folded[q.end:after[0].start].split()
    return (q.end, end) if len(gap) <= 1 and all(w in word_set("roles", "multiple-counted") for w in gap) else None


def counted_base(text, q: Quantity, ci: int, span: tuple[int, int]) -> bool:
    """Whether the base text.folded[span] of multiple q holds a figure that counts things and no metric word of
    claim ci (`text`: the TextMatcher that bound q)."""
    if not any(x.unit == "count" and x is not q for x in text.figures_in(*span)):
        return False
    return not any(c == ci and role == METRIC for hit in text.hits_in(*span) for c, role in text.roles_of(hit))

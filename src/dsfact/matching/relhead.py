"""A figure in a Chinese modifier before a noun belongs to that noun: in "R1的架构与该公司于2024年12月发布的早期模型
V3相同" the month is V3's release ("V3, released in December 2024"), and in "软银宣布了价值5000亿美元的合作协议
“星际之门”" the sum is Stargate's, whatever name opens the sentence. The modifier ends with 的 a few characters
after the figure or a bracketed aside after it (a verb may stand between: 发布的, 投资的), and the name heads the noun phrase right after it,
a few characters of noun between (早期模型, 合作协议“, AI基础设施项目「), no clause mark or dash, no other 的, and no 的
after it (in "…的计划，星际之门的法国版" Stargate owns the head, it is not the head). The head's
claims bind the figure as a name right before it would; the claims of names elsewhere in the sentence bind
it only loosely: they may agree, never contradict."""
from __future__ import annotations

from dsfact.fold import has_han

_VERB_REACH = 6  # characters from the figure's end to the 的 that closes its modifier
_NOUN_REACH = 12  # characters from that 的 to the name that heads the noun phrase
_MARKS = ",，;；:：。.!！?？()（）\n、–—"


def relative_head(text, si: int, q, cues, family: frozenset[int]) -> None:
    """Bind figure q to the name that heads the noun its modifier (…的) qualifies, when one does (`cues`,
    matcher._Cues; `family`, the claims of q's unit)."""
    folded = text.folded
    start = _past_aside(folded, q.end)  # "5000亿美元（约3.65万亿元人民币）的合作协议": the conversion is an aside
    window = folded[start:start + _VERB_REACH + 1]
    de = window.find("的")
    if de < 0 or any(c in _MARKS for c in window[:de]) or not has_han(window[:de + 1]):
        return
    de += start
    for x in text.figures_in(start, de):
        if x is not q and x.start >= start:
            return  # another figure stands between: the modifier is that figure's
    head = None
    for hit, _roles, _foreign, names, entity, subjects, _metrics, _excludes in text.entries(si, q):
        if hit.start <= de or hit.start > de + 1 + _NOUN_REACH:
            continue
        between = folded[de + 1:hit.start]
        if any(c in _MARKS for c in between) or "的" in between:
            continue
        if entity or subjects or names:
            if folded[hit.end:hit.end + 3].lstrip(" 」”\"'』").startswith("的"):
                return  # "…的计划 星际之门的法国版": the name owns the head, it is not the head
            head = (hit, [ci for ci in subjects if ci in family])
            break
    if head is None or not head[1]:
        return
    hit, own = head
    d = float(hit.start - q.end)
    for ci in own:
        cues.subject[ci] = min(cues.subject.get(ci, d), d)
        cues.subject_before.add(ci)
    if cues.entity < d:  # a body named elsewhere in the sentence is not the figure's
        cues.entity = d
    cues.loose.update(ci for ci in cues.metric if ci not in own)


_ASIDE_REACH = 30  # characters of a bracketed aside right after the figure (a conversion, a note)


def _past_aside(folded: str, end: int) -> int:
    """Where the text after a figure ending at `end` goes on past a bracketed aside right after it (its
    closing bracket within _ASIDE_REACH characters); `end` when there is none."""
    k = end
    while k < len(folded) and folded[k] == " ":
        k += 1
    if k >= len(folded) or folded[k] not in "(（":
        return end
    close = next((i for i in range(k + 1, min(len(folded), k + _ASIDE_REACH)) if folded[i] in ")）"), -1)
    return end if close < 0 or any(c in "(（\n" for c in folded[k + 1:close]) else close + 1

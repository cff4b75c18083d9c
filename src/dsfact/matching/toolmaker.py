"""The maker of a tool the sentence's subject uses, named before the tool's noun: not another body.

"trained V3 using Nvidia's H800 chips, spending under $6 million", "used just 2,048 Nvidia H800 chips and $5.5
million in training costs", 使用NVIDIA性能较低的H800芯片训练，花费不到600万美元, 僅用2048張輝達H800晶片和550萬美元訓練成本:
the maker's name tells what the subject used (names.words [tool-maker]: a word of use before the name, and the
tool's noun a few words after it). A count of the tools may stand between the word of use and the name ("used
2,048 Nvidia H800s", "using 2,048 of Nvidia's chips", 用2048张英伟达H800芯片), after a word of [tool-maker] `between` ("just", "only", 约). Such a
name neither comes between a claim's subject and its figure (dsfact.matching.passedover.passed_over) nor, as a
name of another claim's subject before the figure, stops the figure from taking its subject from an earlier
sentence ("DeepSeek rewrote the playbook. The company said it used 2,048 Nvidia H800 chips and $5.5 million",
dsfact.matching.capitals.sentence_names)."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.lang import words_of
from dsfact.matching.wordtables import word_ending
from dsfact.numbers.patterns import lazy

TOOL_REACH = 16  # characters between a tool's maker and the tool's noun ("NVIDIA 性能较低的H800芯片")
HEAD_REACH = 48  # characters before the name read for the word of use (and a count between)

_COUNT_END = lazy(r"\d[\d,.]*\s*(?:万|千|k\b)?\s*$")  # the count right before the name ("2,048 ", 2048张: measure word cut)


@lru_cache(maxsize=1)
def _measure() -> tuple[str, ...]:
    return words_of("counts", "counts", "measure")


def _past_count(head: str) -> str:
    """`head` (the folded text before a name) with a count that closes it cut off, and a word of [tool-maker]
    `between` before that count: "used just 2,048" -> "used", "仅用2048张" -> "仅用"; unchanged with no count."""
    if head.endswith(_measure()):
        head = head[:-1].rstrip(" ")
    for w in words_of("names", "tool-maker", "partitive"):  # "2,048 of Nvidia's chips": the count's, of the maker's
        if head.endswith(" " + w) and head[:-len(w)].rstrip(" ")[-1:].isdigit():
            head = head[:-len(w)].rstrip(" ")
            break
    last = head.rstrip()[-1:]  # what a count's match ends with, before its white space: a cheap test first
    m = _COUNT_END.search(head) if last.isdecimal() or last in (",", ".", "万", "千", "k") else None
    if m is None:
        return head
    head = head[:m.start()].rstrip(" ")
    w = word_ending(head, words_of("names", "tool-maker", "between"))
    return head if w is None else head[:-len(w)].rstrip(" ")


def named_as_tool_maker(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] is the maker of a tool the subject uses, not another body: a word of
    use right before the name (or before a count of the tools right before it) and the tool's noun a few words
    after it (names.words [tool-maker]). A bracket right after the name glosses it ("英伟达(NVIDIA)", "Nvidia
    (NVDA)") and is stepped over; a name in such a bracket is the name it glosses (_glossed_maker). In Chinese the
    tool's noun may follow a modifier the maker opens, ended by 的 ("使用英伟达专供中国的降规版H800芯片",
    "使用輝達專為中國市場設計的H800晶片": the maker's own description of its chip)."""
    if start and folded[start - 1] in "(（":
        return _glossed_maker(folded, start, end)
    head = folded[max(0, start - HEAD_REACH):start].rstrip(" ")
    for text in (head, _past_count(head)):  # the word of use right before the name, or before its count
        if word_ending(text, words_of("names", "tool-maker", "before")) is not None:
            break
    else:
        return False
    gloss = _GLOSS.match(folded, end)
    if gloss is not None:
        end = gloss.end()
    if _tool_in(folded[end:end + TOOL_REACH]):
        return True
    modifier = _MODIFIER.match(folded, end)  # "专供中国的": the maker's description of its tool
    return modifier is not None and _tool_in(folded[modifier.end():modifier.end() + TOOL_REACH])


# a bracket glossing the name right before it ("英伟达(NVIDIA)", "Nvidia (NVDA)")
_GLOSS = lazy(r"[ \u3000]?[(（][^()（）,，。;；:：]{1,24}[)）]")
# a Chinese modifier a maker opens before its tool's noun, ended by 的, with no clause mark in it ("专供中国的")
_MODIFIER = lazy(r"[^,，。;；:：!！?？、()（）的]{1,16}的")
_NAME_REACH = 12  # characters of the name a bracketed gloss follows ("英伟达", "Nvidia")


def _glossed_maker(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end], in a bracket right after another name ("英伟达(NVIDIA)专供中国的
    H800"), glosses a tool's maker: the name before the bracket, of at most _NAME_REACH characters, is one."""
    close = end
    while close < len(folded) and folded[close] == " ":
        close += 1
    if close >= len(folded) or folded[close] not in ")）":
        return False
    outer = start - 1
    if outer and folded[outer - 1] == " ":
        outer -= 1
    for k in range(outer - 1, max(-1, outer - 1 - _NAME_REACH), -1):
        if not (folded[k].isalnum() or folded[k] in "-. "):
            break
        if named_as_tool_maker(folded, k, outer):  # (the name's first character: the word of use right before it)
            return True
    return False


def _tool_in(after: str) -> bool:
    return any(w in after if not w.isascii() else re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", after)
               for w in words_of("names", "tool-maker", "after"))

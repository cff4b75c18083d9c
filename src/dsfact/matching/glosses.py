"""A figure told in passing in brackets right after a name: "GPT-4 ($100M)", "DeepSeek V3 ($5.5M) 和 Kimi K2 ($4.6M)
的成本", "DeepSeek-V3 ($1.10 per million output tokens) sits far below OpenAI's". The brackets are no clause
boundary (dsfact.matching.text), and the name owns the figure: an exclude word after them rules nothing out for it
(dsfact.matching.excluding)."""
from __future__ import annotations

from dsfact.model import Quantity


def glosses_name(text: str, before: int, at: int, start: int) -> bool:
    """Whether the bracket opened at `at` holds only the figure that starts at `start` (spaces or a sign of
    approximation between) and follows a word (text[before], the last character before the bracket, spaces
    aside): a letter, a Chinese character or a digit of a name ("GPT-4 ($100M)"), not a mark."""
    return before >= 0 and (text[before].isalnum() or "\u3400" <= text[before] <= "\u9fff") \
        and not text[at + 1:start].strip(" \u3000~≈")


def bracketed_alone(text: str, x: Quantity) -> tuple[int, int, int] | None:
    """When figure x stands in brackets with at most a word of approximation before it ("(about ", "（约合") and
    nothing after it: the offsets of the opening bracket, of the last character before it (spaces aside) and
    of the closing bracket."""
    lead = text[max(0, x.start - 16):x.start]
    at = max(lead.rfind("("), lead.rfind("（"))
    if at < 0 or any(c.isdigit() for c in lead[at:]):
        return None
    at += x.start - len(lead)
    before = at - 1
    while before >= 0 and text[before] in " \u3000":
        before -= 1
    close = x.end
    while close < len(text) and text[close] in " \u3000":
        close += 1
    return (at, before, close) if close < len(text) and text[close] in ")）" else None


def name_gloss_end(text: str, x: Quantity) -> int:
    """The offset of the closing bracket when figure x is all a bracket right after a name holds ("DeepSeek-V3
    ($1.10 per million output tokens) sits far below OpenAI's"): the name's own figure, told in passing; else -1."""
    found = bracketed_alone(text, x)
    return found[2] if found is not None and glosses_name(text, found[1], found[0], x.start) else -1

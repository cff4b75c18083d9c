"""A figure told in brackets right after a name: "GPT-4 ($100M)", "DeepSeek V3 ($5.5M) 和 Kimi K2 ($4.6M) 的成本",
"DeepSeek-V3 ($1.10 per million output tokens) sits far below OpenAI's". Such a bracket glosses the name before it:
the brackets are no clause boundary (dsfact.matching.text keeps the figure in the clause around it), an exclude
word after them rules nothing out for it (dsfact.matching.excluding), and when no cue word covers the name
("比Mistral Small（每百万tokens 0.2美元）贵", "Kimi K2 ($4.6M)") the figure is that model's or company's, not a
registered subject's named earlier in the sentence (read by TextMatcher.candidates). So is a bracket that holds
only another name of the name before it, its Latin name, ticker or model tag ("深度求索(DeepSeek)正式发布",
"輝達（Nvidia）股價", "Nvidia (NVDA) fell"): no clause boundary (alias_brackets). So is a bracket that gives the name
before it the short name the text goes on to call it by, after a word of naming or in quotes alone ("杭州深度求索人工
智能公司（下称“DeepSeek”）发布了R1", "輝達公司（以下簡稱「輝達」）", "Hangzhou DeepSeek AI Co. (hereafter “DeepSeek”)
released R1"; names.words [alias-lead]): the clause goes on past it to its verb."""
from __future__ import annotations

from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

_SPACES = " \u3000"
_NAME_REACH = 40  # characters of a name before its bracket looked at
_INSIDE = 16  # characters of a bracket on either side of its figure


def glosses_other(text, q) -> bool:
    """Whether figure q (`text`: the TextMatcher that reads it) is the only figure of a short bracket (its rate's
    words may stand in it: "（每百万tokens 0.2美元）") that follows a capitalised Latin name (the last word before
    it: "Mistral Small", "Kimi K2") that no cue word ends."""
    folded, raw = text.folded, text.text
    lo = max(0, q.start - _INSIDE)
    i = max(folded.rfind("(", lo, q.start), folded.rfind("（", lo, q.start))
    if i < 1:
        return False  # no bracket opens before it (most figures: the closing one is not looked for)
    hi = min(len(folded), q.end + _INSIDE)
    ends = [c for c in (folded.find(")", q.end, hi), folded.find("）", q.end, hi)) if c >= 0]
    if not ends or any(c in folded[i + 1:q.start] for c in ")）\n") \
            or any(x is not q for x in text.figures_in(i, min(ends))):
        return False
    j = i - 1
    while j >= 0 and folded[j] in _SPACES:
        j -= 1
    if j < 0 or not (raw[j].isascii() and raw[j].isalnum()):
        return False
    if any(h.end == j + 1 for h in text.hits_in(max(0, j + 1 - _NAME_REACH), j + 1)):
        return False  # a cue word's name or noun ("DeepSeek-V3 ($5.6M)", "output tokens ($2.19)")
    k = j
    while k >= 0 and raw[k].isascii() and (raw[k].isalnum() or raw[k] in "-."):
        k -= 1
    return raw[k + 1:k + 2].isupper()


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


# a bracket that holds only a capitalised Latin name of up to four words, a ticker or a model tag, after a word:
# "深度求索(DeepSeek)", "輝達（Nvidia）", "Nvidia (NASDAQ: NVDA)", "推理模型(R1)"
_ALIAS = lazy(r"[(（][ \u3000]?[A-Z][0-9A-Za-z.\-]*(?:(?:[ \u3000]|[:：][ \u3000]?)[A-Z0-9][0-9A-Za-z.\-]*){0,3}"
              r"[ \u3000]?[)）]")


def alias_brackets(text: str, starts: list[int], folded: str | None = None) -> list[int]:
    """The offsets of the brackets that hold only another name of the word right before them (_ALIAS, or a short
    name told after a word of naming or in quotes, read in `folded` when given: _told_aliases), no figure (figures
    start at `starts`): such a bracket glosses the name and is no clause boundary."""
    import bisect

    out = []
    found = [(m.start(), m.end() - 1) for m in _ALIAS.finditer(text)]
    if folded is not None and "(" in folded:
        found += _told_aliases(folded)
    for at, close in found:
        before = at - 1 if at and text[at - 1] not in _SPACES else at - 2
        if before < 0 or not (text[before].isalnum() or "\u3400" <= text[before] <= "\u9fff"):
            continue
        k = bisect.bisect_left(starts, at)
        if k < len(starts) and starts[k] < close:
            continue  # a figure inside ("(R1 $2.19)"): read by the rules above
        out += (at, close)
    return out


_ALIAS_REACH = 24  # characters of a short name in its bracket, its word of naming and quotes aside
_QUOTES = "\"'“”‘’「」『』"


def _told_aliases(folded: str) -> list[tuple[int, int]]:
    """The (opening, closing) offsets of the brackets in folded text that hold only a short name the text goes on to
    use, after a word of naming (names.words [alias-lead]: 下称, 以下简称, "hereafter") or in quotes alone: "（下称
    “DeepSeek”）", "(以下簡稱「輝達」)", "(hereafter “the company”)", "（“深度求索”）". No mark of a clause, sentence
    or line inside."""
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import word_starting

    leads = words_of("names", "alias-lead", longest_first=True)
    out = []
    at = folded.find("(")
    while at >= 0:
        close = folded.find(")", at + 1, at + 2 + _ALIAS_REACH + 12)
        if close > 0:
            inside = folded[at + 1:close].strip()
            lead = word_starting(inside, leads)
            name = inside[len(lead):].lstrip(" :,") if lead else inside
            quoted = len(name) > 2 and name[0] in _QUOTES and name[-1] in _QUOTES
            name = name.strip(_QUOTES + " ")
            if (lead or quoted) and name and len(name) <= _ALIAS_REACH \
                    and not any(c in name for c in "(,;:.!?。、\n"):
                out.append((at, close))
        at = folded.find("(", at + 1)
    return out

"""Whether a name is only set against a figure's subject: a comparison ("than GPT-4o", "比OpenAI"), an index that
stands for the exchange a stock trades on ("the Nasdaq's biggest loser"), or the one who announced a plan
("announced by Trump"). Such a name binds only its own figure. The words are language data (names.words
[comparison], [agent]; roles.words [exchange]), read by dsfact.matching.roles.lexicon."""
from __future__ import annotations

import re

from dsfact.matching.cues import has_cjk
from dsfact.matching.memo import LastText
from dsfact.matching.roles import EXCHANGE_REACH, lexicon
from dsfact.matching.wordtables import owner_start
from dsfact.numbers.patterns import lazy

_ARTICLE = re.compile(r"(?<![a-z])(?:the|a|an)\s+$")

_COMPARISONS = LastText()  # the text last asked about -> what is_comparison said of its names
# a fraction or a multiple right after a name ("GPT-4o七分之一的算力", "GPT-4o的1/11", "DeepSeek-R1的8倍"): a share or a
# multiple of the name's quantity
_FRACTION_AFTER = lazy(r"\s?的?\s?(?:[0-9]+\s?/\s?[0-9]+|[一二两三四五六七八九十百千]+分之[一二三四五六七八九十]+"
                        r"|(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千]+)\s?倍)")


def is_comparison(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] is only a comparison ("比OpenAI", "than GPT-4o") or the one who
    announced or led a plan ("announced by Trump", "由特朗普宣布"): a name that binds only its own figure.
    Said once per name of a text (each figure of a sentence asks of its names)."""
    said = _COMPARISONS.of(folded)
    found = said.get((start, end))
    if found is None:
        found = said[(start, end)] = _is_comparison(folded, start, end)
    return found


_BEFORE_REACH = 24  # characters before a name (or its owner's name) where a comparison word may end


def _is_comparison(folded: str, start: int, end: int) -> bool:
    lex = lexicon()
    before, after = max(0, start - _BEFORE_REACH), folded[end:end + 8]
    chinese = has_cjk(folded[before:start])
    # the comparison word is read as far back before an owner's name as before a bare one ("competitive with
    # OpenAI's o1", "rivalling Meta's Llama 3"): the window is counted from where the owner's name begins
    if any(lex.compared_before.ends(folded, max(0, at - _BEFORE_REACH), at, chinese)
           for at in (start, owner_start(folded, before, start))) \
            or lex.compared_after.after(after, has_cjk(after)):  # (owner_start: "rivals OpenAI's o1", "比肩OpenAI的o1")
        return True
    if start > 0 and has_cjk(folded[start - 1]) and _FRACTION_AFTER.match(folded, end) is not None:
        return True  # "只用了GPT-4o七分之一的算力", "是DeepSeek-R1的8倍": a fraction or a multiple of the name's own,
        # told after a verb; the name is its base
    if _share_base(lex, folded, before, start, end, chinese):
        return True  # "3.6% of what o1 charges", "为Chat GPT o1之3%~4%": the base of a share (names.words [share-of])
    # an index's name that stands for the exchange a stock trades on ("which trades on the Nasdaq", "the
    # Nasdaq's biggest loser", "纳指成分股"): the stock's figure is not the index's
    listed = folded[end:end + EXCHANGE_REACH]
    if folded[end - 2:end] in ("'s", "’s"):  # the name's cue word took its possessive: "nasdaq's"
        listed = "'s" + listed
    elif listed.startswith("’s"):
        listed = "'s" + listed[2:]
    lead = _ARTICLE.search(folded, before, start)
    if lex.exchange_before.ends(folded, before, lead.start() if lead else start, chinese) \
            or lex.exchange_after.after(listed, has_cjk(listed)) or _market_venue(folded, start, end):
        return True
    # the one who announced or led a plan ("announced by Trump", "由特朗普宣布"): in Chinese, with its verb
    agent = lex.agent_before.get(chinese).search(folded, before, start)
    return agent is not None and (agent.group().isascii() or lex.agent_after.get(True).match(after) is not None)


_VENUE: list = []  # (market names, the words of trading after them) of names.words [market-venue], read once


def _market_venue(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] is a market named as where a stock trades, right before a word of its
    trading there ("英伟达昨日美股股价大跌17%": names.words [market-venue])."""
    if not _VENUE:
        from dsfact.lang import load_words

        table = load_words("names").get("market-venue", {})
        _VENUE.append((frozenset(table.get("words", ())), tuple(table.get("after", ()))))
    names, after = _VENUE[0]
    return folded[start:end] in names and folded.startswith(after, end)


def _share_base(lex, folded: str, before: int, start: int, end: int, chinese: bool) -> bool:
    """Whether the name at folded[start:end] is the base of a share told of it: in English after a per cent or
    a share in words and "of what" ("3.6% of what o1 charges"), in Chinese after a copula and before 之 or 的 and
    a per cent or fraction ("为o1之3%~4%", "是GPT-4o的1/20")."""
    if chinese:
        return lex.share_before.get(True).search(folded, before, start) is not None \
            and lex.share_after.get(True).match(folded, end) is not None
    window = folded[max(0, start - _SHARE_REACH):start]  # its plain pattern ends "\s+(?:{before})\s+$": a cheap test first
    if not window[-1:].isspace() or not window.rstrip().endswith(_share_ends(lex)):
        return False  # (most names: then the pattern is never compiled)
    return lex.share_words.get(False).search(folded, max(0, start - _SHARE_REACH), start) is not None


_SHARE_REACH = 40  # characters before a name where an English share and its "of what" stand
_SHARE_ENDS: list[tuple[str, ...]] = []  # the last parts of names.words [share-of] `before` written without Chinese


def _share_ends(lex) -> tuple[str, ...]:
    """What a window must end with, white space stripped, for share_words' plain pattern to match at its end: the last
    part of one of its `before` words (its second group; Pattern.get(False) keeps those without a Chinese character)."""
    if not _SHARE_ENDS:
        _SHARE_ENDS.append(tuple(w.split()[-1] for w in lex.share_words.groups[1] if not has_cjk(w)))
    return _SHARE_ENDS[0]


# what may stand between a name set against a subject and the next name of the same pair or list: the first
# name's product ("OpenAI's ChatGPT"), then "and"/"or" (和, 与, 及, 、), and after a Chinese one a Latin word the
# registry does not know, the next name's brand ("超越DeepSeek R1和ChatGPT o1"); or, after a possessive, only white
# space ("Meta's Llama": the owner's product)
_LISTED_NEXT = re.compile(r"(?:['’]s)?(?:\s+[\w.\-]+){0,3}?(?:,?\s+(?:and|or|as well as)\s+"
                          r"|\s*[、和与及跟]\s*(?:[a-z][a-z0-9.\-]*\s?)?)")
_OWNED_NEXT = re.compile(r"(?:['’]s)?\s+")


def listed_with(folded: str, prev_end: int, start: int) -> bool:
    """Whether the name at folded[start:] is the next of a pair or list whose name before it ends at prev_end
    ("comparable to OpenAI's ChatGPT and Meta's Llama 3.1", "媲美GPT-4o和Claude"), or that name's product
    ("Meta's Llama"): set against the subject as the first one is when the first one is."""
    if not 0 <= prev_end <= start or start - prev_end > 32:
        return False
    if _LISTED_NEXT.fullmatch(folded, prev_end, start) is not None:
        return True
    if folded[prev_end:start].strip() == "的":  # "Meta的Llama 3.1"
        return True
    owner = folded[max(0, prev_end - 2):prev_end] in ("'s", "’s") or folded[prev_end:prev_end + 2] in ("'s", "’s")
    return owner and _OWNED_NEXT.fullmatch(folded, prev_end, start) is not None


def likened(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end], after a figure, is only set against its subject: a comparison
    (is_comparison), or a name in a Chinese frame of likeness, itself or one of the list the frame opens with
    ("超越了Llama 3.1，与GPT-4o、Claude等模型相媲美"). It is no other subject of the figure before it."""
    return is_comparison(folded, start, end) or (has_cjk(folded[max(0, start - 8):start]) and _framed(folded, start, end))


_FRAME: list = []  # (openers, closers) of names.words [comparison-frame], read once
_FRAME_REACH = 40  # characters from a frame's opener to the name, past the names listed before it
_CLOSER_REACH = 60  # characters after the name within which the frame's closer (相媲美, 不相上下) is looked for
_LIST_JOINERS = ("、", "和", "及", "以及", "与")
_CLAUSE_MARKS = "，,。；;：:！!？?\n"


def _framed(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] stands in a Chinese frame of comparison, itself or as one of a
    list the frame opens with ("与GPT-4o、Claude等模型相媲美"): an opener before it, a closing word later in
    its clause (names.words [comparison-frame])."""
    openers, closers = _frame()
    lead = folded[max(0, start - _FRAME_REACH):start]
    lead = lead[max(lead.rfind(c) for c in _CLAUSE_MARKS) + 1:].rstrip()
    if not lead.endswith(openers):
        at = max((lead.rfind(w) for w in openers), default=-1)
        if at < 0 or not lead.endswith(_LIST_JOINERS):
            return False  # not right after the opener, nor listed after a name that is
    return _closed_after(folded, end, closers)


def in_frame(folded: str, name_end: int, start: int, end: int) -> bool:
    """Whether the words at folded[start:end], after a name that ends at name_end and stands in a frame of
    likeness (likened), are still inside that frame: no clause mark between, and the frame's closer after
    them ("可与OpenAI和Meta等公司最新产品相媲美": 产品 is what the name makes, the measure of the likeness)."""
    if any(c in folded[name_end:start] for c in _CLAUSE_MARKS):
        return False
    return _closed_after(folded, end, _frame()[1])


def _frame() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The openers and closers of a frame of comparison (names.words [comparison-frame]), read once."""
    if not _FRAME:
        from dsfact.lang import load_words

        table = load_words("names").get("comparison-frame", {})
        _FRAME.append((tuple(table.get("before", ())), tuple(table.get("after", ()))))
    return _FRAME[0]


def _closed_after(folded: str, end: int, closers: tuple[str, ...]) -> bool:
    """Whether one of a frame's closers stands after `end` in its clause, within _CLOSER_REACH characters."""
    reach = end + _CLOSER_REACH
    stop = min((i for i in (folded.find(c, end, reach) for c in _CLAUSE_MARKS) if i >= 0), default=reach)
    return any(w in folded[end:stop] for w in closers)

"""The base of a share, told as an estimate: "僅為GPT-4預估成本的5%左右", "仅为GPT-4预估成本的5%", "about 5% of the
expected cost of GPT-4o". A conjecture's noun (roles.words [conjecture]: 预估成本, "expected cost") that stands in
the base of a share names what the share is taken of, an estimated sum; it tells no guess of the share itself, so
the share is read as stated (dsfact.matching.doubt). Only a noun of cost does this, right before 的 and the figure,
or after the figure's "of" with at most a few words between ("5% of the expected cost"); a guess that governs the
clause ("似乎是GPT-4o的5%", "it seems it was 5% of GPT-4o's cost") still puts the share in doubt."""
from __future__ import annotations

import re

from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

_NOUNS = ("cost", "costs", "成本", "费用")  # the nouns of an estimated sum a share may be taken of
_OF = lazy(r"\s*of\s+(?:[\w'’-]+\s+){0,2}$")  # "5% of the ", "5% of GPT-4o's "
_WORD = lazy(r"[\w-]+(?:\s+[\w-]+)?")  # a Latin clause word: its one or two words


def in_share_base(folded: str, q: Quantity, words: list[int]) -> bool:
    """Whether every conjecture word at these offsets of `folded` stands in the base of share q: a noun of cost
    right before 的 and q, or after q's "of" ("15% of the expected cost")."""
    return bool(words) and all(_base_word(folded, q, w) for w in words)


def _base_word(folded: str, q: Quantity, w: int) -> bool:
    if w < q.start:
        head = folded[w:q.start].rstrip()
        if not head.endswith("的"):
            return False
        noun = head[:-1].rstrip()
        return len(noun) <= 6 and noun.endswith(_NOUNS) and not re.search(r"[，,。；;：:、（）()]", noun)
    if not _OF.fullmatch(folded[q.end:w]):
        return False
    m = _WORD.match(folded, w)
    return m is not None and m.group().endswith(_NOUNS)

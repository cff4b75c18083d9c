"""A sign glued to a figure says its direction as a word would. In a line of figures ("Nasdaq Composite:
19,341.83 (-3.07%)", "- Nvidia: -17%, -$589bn") the minus is the "down" a sentence would say ("the Nasdaq
fell 3.07%"): each such sign is a cue hit of its word (numbers.words [sign-words]), so a claim of a move
whose metric words hold that word finds the figure as it would in prose. A sign is read so only where a
line of figures puts one: glued to its figure (or to the currency sign before it), after a label's colon,
a comma, a slash between two moves ("NVDA -17% / -$589B"), an opening bracket or a cell's bar, at the head of a Markdown or HTML table's cell (whose bars the
document reader leaves out: "| Nasdaq Composite | -3.07% |" under "| Index | Change |"), or on a per cent or index points
a space after a name, as a headline writes a move ("Nvidia -17%, Nasdaq -3.1%", "Nasdaq Composite −612.47 points"); never inside a word or a number ("5-6%",
"2025-01-27")."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.cues import CueHit

_BEFORE = frozenset("(（:：,，|/／")  # what may stand before a sign of direction, past spaces ("-17% / -$589B")
_MONEY = frozenset("$€£¥￥")


@lru_cache(maxsize=2)
def _signs(table: str = "sign-words") -> dict[str, str]:
    """Each sign and the folded word it says (on a sum of money: numbers.words [sign-words-money])."""
    from dsfact.lang import load_words

    return {sign: word.lower() for word, signs in load_words("numbers").get(table, {}).items()
            for sign in signs}


def signed(index, folded: str, hits: list[CueHit], cells: frozenset[int] = frozenset()) -> list[CueHit]:
    """The cue hits of a text, with a hit of its word for each sign of direction on a figure in a line of
    figures, when that word is a cue of the registry; the same list when there is none. `cells`: where the
    text's table cells begin."""
    signs, money = _signs(), _signs("sign-words-money")
    extra = []
    n = len(folded)
    for sign, word in signs.items():
        said = money.get(sign)
        if word not in index.roles and said not in index.roles:
            continue
        at = folded.find(sign)
        while at >= 0:
            if _on_figure(folded, at, n, cells):
                w = said if said is not None and _money(folded, at + 1, n) else word  # "-$589B", "-5890亿美元": lost
                if w in index.roles:
                    extra.append(CueHit(at, at + 1, w))
            at = folded.find(sign, at + 1)
    if not extra:
        return hits
    return sorted(hits + extra, key=lambda h: (h.start, -h.end))


def _on_figure(folded: str, at: int, n: int, cells: frozenset[int]) -> bool:
    k = at + 1
    if k < n and folded[k] in _MONEY:
        k += 1
    if not (k < n and folded[k].isdigit()):
        return False
    if at in cells:
        return True
    j = at - 1
    while j >= 0 and folded[j] in " \t":
        j -= 1
    if j >= 0 and folded[j].isalpha() and j < at - 1 and _ends_pct(folded, k, n):
        return True  # a headline's "Nvidia -17%, Nasdaq -3.1%": a name, a space, a signed per cent
    return j >= 0 and folded[j] in _BEFORE


def _ends_pct(folded: str, k: int, n: int) -> bool:
    """Whether the number at folded[k] ends in a per cent sign or in index points ("-17%", "-3.1%", "−712.47
    points", "-612点")."""
    while k < n and (folded[k].isdigit() or folded[k] in ".,"):
        k += 1
    return k < n and folded[k] in "%％点" or folded.startswith((" points", " pts", " point"), k)


_CURRENCY_AFTER = ("美元", "美金", "欧元", "元", "亿美元", "万美元", "亿欧元", "亿元", "万元")  # (folded: Simplified)


def _money(folded: str, k: int, n: int) -> bool:
    """Whether the figure a sign stands before at folded[k] is a sum of money: a currency sign first ("-$589B"),
    or a currency word after its digits and scale ("-5890亿美元")."""
    if k < n and folded[k] in _MONEY:
        return True
    while k < n and (folded[k].isdigit() or folded[k] in ".,"):
        k += 1
    return folded.startswith(_CURRENCY_AFTER, k)

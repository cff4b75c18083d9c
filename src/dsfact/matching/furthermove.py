"""A further move is not the move a claim records: "Meitu rose another 5% on Tuesday", "Kingsoft Cloud climbed a
further 4%", "美图周二再涨5%", "美圖股價又漲了5%". The words are time.words [another] (a further move, an earlier
record); for a claim tied to a day they already place the figure on another day (dsfact.matching.timefits). A
claim of a move told with no day of its own (the Hong Kong rises after DeepSeek's breakthrough, how much cheaper
R1 is) is no less one move: a figure its own words tell as a further one may agree with it by chance, never
contradicts it. Asked only of a figure that disagrees (dsfact.matching.otherthing)."""
from __future__ import annotations

from dsfact.model import Claim, Quantity


def further_move(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q, bound to claim (a move with no day of its own), is told as a further move (`text`: the
    TextMatcher that bound it)."""
    return claim.kind == "change" and not claim.time and "another" in text.reader().times(q)

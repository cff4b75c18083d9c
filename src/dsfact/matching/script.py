"""What a text's script says about its figures: a bare 元 in Simplified Chinese is the yuan.

The figure reader reads "16元" as the unit 元, yuan or New Taiwan dollars, unsaid (dsfact.numbers): in
Taiwan's Traditional text 元 is the New Taiwan dollar; in Simplified text, written on the mainland, it is
the yuan. A text is Simplified when it writes Chinese and no character of it is folded to another (a
Traditional text's 價, 萬, 輸 are)."""
from __future__ import annotations

from dsfact.model import Quantity

YUAN = "元"


def is_simplified(text: str, folded: str) -> bool:
    """Whether a text writes Chinese in Simplified characters only (folded: dsfact.fold.fold_text(text))."""
    from dsfact.matching.cues import is_cjk

    chinese = False
    for a, b in zip(text, folded):
        if is_cjk(a):
            if a != b:
                return False
            chinese = True
    return chinese


def yuan_in_simplified(text: str, folded: str, quantities: list[Quantity]) -> list[Quantity]:
    """The figures of a text, with a bare 元 read as CNY when the text is Simplified Chinese."""
    if not any(q.unit == YUAN for q in quantities) or not is_simplified(text, folded):
        return quantities
    return [q._replace(unit="CNY") if q.unit == YUAN else q for q in quantities]

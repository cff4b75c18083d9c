"""What a figure's context says about its unit, beyond what the figure reader reads in it.

A bare 元 in Simplified Chinese is the yuan: the figure reader reads "16元" as the unit 元, yuan or New
Taiwan dollars, unsaid (dsfact.numbers); in Taiwan's Traditional text 元 is the New Taiwan dollar, in
Simplified text, written on the mainland, the yuan. A text is Simplified when it writes Chinese and no
character of it is folded to another (a Traditional text's 價, 萬, 輸 are).

Hours by the hundred thousand are GPU hours: "2.788 million hours on H800 GPUs", "总训练时长高达2亿小时".
No run is timed in decades of wall-clock hours; a count that large is of processor hours."""
from __future__ import annotations

from dsfact.model import Quantity

YUAN = "元"
GPU_HOURS_FROM = 100_000  # hours: over eleven years of wall-clock time


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


def read_units(text: str, folded: str, quantities: list[Quantity]) -> list[Quantity]:
    """The figures of a text, with a bare 元 read as CNY when the text is Simplified Chinese, and hours
    by the hundred thousand as GPU hours."""
    hours = any(q.unit == "hour" and _large(q) for q in quantities)
    yuan = any(q.unit == YUAN for q in quantities) and is_simplified(text, folded)
    if not hours and not yuan:
        return quantities
    return [q._replace(unit="CNY") if yuan and q.unit == YUAN
            else q._replace(unit="gpu_hour") if q.unit == "hour" and _large(q) else q for q in quantities]


def points_as_percent(quantities: list[Quantity]) -> tuple[list[Quantity], set[int]]:
    """The figures with the moves told in percentage points read as moves in per cent ("Nvidia's shares fell
    nearly 17 percentage points", "下跌近17个百分点": a price moves in per cent, and copy that says points of
    one means the other), and where those stand: such a figure may agree with a claim of a move but never
    contradicts one (a true move in points is of a rate or a share, no price)."""
    loose = {q.start for q in quantities if q.unit == "pp" and q.direction and not isinstance(q.value, str)}
    if not loose:
        return quantities, loose
    return [q._replace(unit="pct") if q.start in loose else q for q in quantities], loose


def _large(q: Quantity) -> bool:
    return isinstance(q.value, float) and q.value >= GPU_HOURS_FROM

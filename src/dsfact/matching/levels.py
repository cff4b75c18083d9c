"""An index level that is not the day's: "標普500指數上漲28.37點或0.41%，收6978.60點" after a paragraph that names
"27日" is a market wrap of another 27th (or another day altogether), not the close of 27 January 2025, whose
level the registry records (claims of `kind: level` in index points: 6,012.28). An index does not close nine per cent or more
away from its own level of that day, so a level that far from every level the registry records for that index
and day places its passage (its paragraph) on another day, and the passage's figures tied to that day are not
judged. A level that differs from a recorded one by a slip of one digit ("19,841.83" for 19,341.83) is a wrong
level of the day, and so is a far one beside a figure of the passage that agrees with a claim of that day ("fell
3.1%, closing at 13,985.45"): the passage is the day's, and both are judged as before. The paragraph after a
wrap placed so, when it names no day of its own, goes on with the same session ("個股方面，輝達跌3.58%"):
it is placed with it. Read by dsfact.check
once every figure of a text is judged. A level near the day's but none of its recorded ones is of another moment
of that day's session (session_moment, read by dsfact.matching.session)."""
from __future__ import annotations

import math

FAR = 0.09  # an index this far (relative) from each of its recorded levels of a day is of another day
INDEX = "point"  # the unit of an index's level: a share's price may move further in a day (Nvidia fell 17%)


REACH = 1  # paragraphs after a wrap's own that it places when they name no day of their own


def off_level_passages(findings: list, claims: dict, paragraph_of, names_day) -> set[int]:
    """The ids of the findings of `findings` (not supported) that stand in a paragraph whose index level is far
    from the registry's levels of its claim's day (_far_level), tied to that day, with no supported finding
    of a claim of that day in the paragraph, or in the REACH paragraphs after it while none names a day
    (`names_day`: paragraph -> whether it names a day of its own). `claims`: each claim by id;
    `paragraph_of`: offset -> paragraph."""
    from dsfact.model import SUPPORTED

    other: set[tuple[int, str]] = set()  # (paragraph, day) placed elsewhere by a level
    for f in findings:
        claim = claims[f.claim]
        if f.verdict != SUPPORTED and claim.kind == "level" and claim.unit == INDEX and claim.time \
                and _far_level(f.value, claim, claims):
            other.add((paragraph_of(f.start), claim.time))
    if not other:
        return set()
    placed = {(paragraph_of(f.start), claims[f.claim].time) for f in findings if f.verdict == SUPPORTED}
    other -= placed  # a figure of the passage that agrees with a claim of the day places the passage there
    for paragraph, day in list(other):
        for after in range(paragraph + 1, paragraph + 1 + REACH):
            if names_day(after) or (after, day) in placed:
                break
            other.add((after, day))
    return {id(f) for f in findings if f.verdict != SUPPORTED and (paragraph_of(f.start), claims[f.claim].time) in other}


def session_moment(q, levels: list) -> tuple[bool, str | None]:
    """For a level q told as the end of a move ("added 180.05 points, or 0.41%, to 44,604.30"), against the
    registry's level claims of its index (`levels`: its close, its low): (anchored, day). Anchored: q is one of
    them at the writer's rounding, or one written with a digit wrong (_written_slip), so the move is the close's
    (or the low's) and is judged as before. `day`: q is near the levels of that day (not FAR) but none of them, so the move is a
    snapshot of another moment of that day's session (dsfact.matching.session). (False, None) when q is far
    from every day's levels (off_level_passages places it) or nothing is recorded."""
    from dsfact.quantity import agrees

    if not isinstance(q.value, (int, float)) or q.value <= 0:
        return False, None
    for day in sorted({c.time for c in levels if c.time}):
        told = [(c, st) for c in levels if c.time == day for st in c.statements
                if isinstance(st.value, (int, float)) and st.value > 0]
        if not told or all(abs(q.value - st.value) / st.value >= FAR for _, st in told):
            continue
        if any(_written_slip(q, st.value) or agrees(q, st, c.per, written=True) for c, st in told):
            return True, None
        return False, day
    return False, None


def _far_level(value, claim, claims: dict) -> bool:
    """Whether an index level is FAR from every level the registry records for the claim's subject on its day
    (its close, its low), and no slip of one digit of any of them."""
    if not isinstance(value, (int, float)) or value <= 0:
        return False
    recorded = [st.value for c in claims.values() if c.kind == "level" and c.subject == claim.subject
                and c.time == claim.time for st in c.statements if isinstance(st.value, (int, float)) and st.value > 0]
    if not recorded:
        return False
    return all(abs(value - v) / v >= FAR and not _digit_slip(value, v) for v in recorded)


def _written_slip(q, recorded: float) -> bool:
    """Whether figure q is a recorded level written with one digit wrong, to the recorded figure's own decimals
    ("19,841.83" for 19,341.83); a level given to other decimals than the recorded one ("19,254.20" beside a low
    recorded as 19,234) is another figure, near it by chance."""
    if not q.precision or q.precision > 1:
        return False
    places = max(0, round(-math.log10(q.precision)))
    text = repr(float(recorded))
    if "e" in text or len(text.split(".")[1].rstrip("0")) != places:
        return False
    return _apart(f"{q.value:.{places}f}".replace(".", ""), f"{recorded:.{places}f}".replace(".", ""))


def _digit_slip(a: float, b: float) -> bool:
    """Whether the whole parts of two numbers differ by one digit: one written wrong, two beside each other
    swapped, or one left out or added."""
    return _apart(str(int(a)), str(int(b)))


def _apart(x: str, y: str) -> bool:
    """Whether two strings of digits differ by one digit (wrong, left out or added) or two beside each other
    swapped."""
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        return len(diff) <= 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]]
                                  and x[diff[1]] == y[diff[0]])
    if abs(len(x) - len(y)) != 1:
        return False
    long, short = (x, y) if len(x) > len(y) else (y, x)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))

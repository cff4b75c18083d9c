"""Whether a claim's exclude word, near a figure, rules that claim out for it."""
from __future__ import annotations

from dsfact.matching.aside import describes_subject
from dsfact.matching.bodies import governs_other
from dsfact.matching.text import TextCues
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy


def rules_out(text: TextCues, q: Quantity, hit, near: bool, respectively_own: bool) -> bool:
    """Whether an exclude word rules its claims out for figure q: `near` it, governing no other figure, with no
    figure between (or, with 分别, in q's clause: `respectively_own`), and not in an appositive that describes
    the name before it ("DeepSeek, a start-up spun out of High-Flyer, says it spent ...": High-Flyer, one of
    C01's exclude words, speaks of DeepSeek there, not of the figure's metric)."""
    return near and not governs_other(text, q, hit) and not describes_subject(text, hit, q.start) \
        and (not text._figure_between(q, hit) or respectively_own or _restated_between(text, q, hit))


# a bracketed aside right after a figure: its restatement in another currency or unit ("$35 billion (about 250
# billion yuan) of financing", "350亿美元（约合人民币2556亿元）的融资")
_RESTATED = lazy(r"[ \u3000]*[(（][^()（）]{1,40}[)）]")


def _restated_between(text: TextCues, q: Quantity, hit) -> bool:
    """Whether the only figures between q and an exclude word after it stand in a bracket right after q, a
    restatement of q: the word is still q's, not the bracketed figure's."""
    if hit.start < q.end:
        return False
    m = _RESTATED.match(text.folded, q.end)
    if m is None or m.end() > hit.start:
        return False
    return not _figures_in(text, m.end(), hit.start) and _figures_in(text, q.end, m.end())


def _figures_in(text: TextCues, a: int, b: int) -> bool:
    import bisect

    starts = text._quantity_starts
    lo = bisect.bisect_left(starts, a)
    return lo < len(starts) and starts[lo] < b


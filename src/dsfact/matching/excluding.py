"""Whether a claim's exclude word, near a figure, rules that claim out for it."""
from __future__ import annotations

from dsfact.matching.aside import describes_subject
from dsfact.matching.bodies import governs_other
from dsfact.matching.text import TextCues
from dsfact.model import Quantity


def rules_out(text: TextCues, q: Quantity, hit, near: bool, respectively_own: bool) -> bool:
    """Whether an exclude word rules its claims out for figure q: `near` it, governing no other figure, with no
    figure between (or, with 分别, in q's clause: `respectively_own`), and not in an appositive that describes
    the name before it ("DeepSeek, a start-up spun out of High-Flyer, says it spent ...": High-Flyer, one of
    C01's exclude words, speaks of DeepSeek there, not of the figure's metric)."""
    return near and not governs_other(text, q, hit) and not describes_subject(text, hit, q.start) \
        and (not text._figure_between(q, hit) or respectively_own)

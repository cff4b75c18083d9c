"""A speaker's lead whose noun points back to nothing the text named with it ("OpenAI, SoftBank and Oracle unveiled
Stargate. Trump said the venture will invest $500 billion.", "Trump described the venture as a company that will
invest ...", 特朗普表示该项目将投资……): the figure after it takes the subject an earlier sentence gives, as any sentence
borrows one (matcher._borrow_subject), but loosely: the speaker's words may be about something else, so the figure
may agree but never contradicts (dsfact.matching.referents.spoken_lead tells the lead; referred_back, pronoun_subject
the firmer ways back)."""
from __future__ import annotations

from dsfact.matching.referents import head_noun
from dsfact.matching.text import INF


def borrowed_after_lead(text, si: int, q, missing: list[int], subject_d: dict[int, float], family) -> bool:
    """Whether figure q of sentence si, after a speaker's lead, took a subject of `missing` from an earlier sentence
    (given in subject_d, and marked loose on the matcher `text`)."""
    if head_noun(text, si, q) is None or not text._borrow_subject(q, si, missing, subject_d, family):
        return False  # ("软银表示，四年内将投入5000亿美元": with no noun, the speaker is the subject)
    given = [ci for ci in missing if subject_d.get(ci, INF) < INF]
    text._loose.update(given)
    return bool(given)

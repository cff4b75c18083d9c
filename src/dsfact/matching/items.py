"""Subjects of a list's items when its lead line names no one: a profile told as a list under a plain label.

    DeepSeek-V3 is a mixture-of-experts model from Hangzhou ...
    Key features
    - Parameters: 671 billion in all
    - Efficiency: 2.788 million H800 GPU hours for the whole run

The items are about what the text before the list is about: its lead line ("Key features", "### 主要特点")
names no one, so each item that names no subject of its own takes the subject named last before the lead
line, a few sentences back, as a figure takes one from an earlier sentence (matcher._borrow_subject: as
loosely bound, contradicting only with its metric word beside it). The items before it in the list do not
stand in the way: an item that compares the subject with others ("on par with GPT-4o and Claude") speaks
of the subject's features, as each item does. A lead line or heading that names someone gives its subject
instead (matcher._structure_subject), and a list whose text before names another body gives none."""
from __future__ import annotations

from dsfact.matching.text import INF


def intro_subject(text, si: int, q, missing: list[int], subject_d: dict[int, float], family: frozenset[int]) -> bool:
    """Give the missing claims of figure q, in a list item whose lead line and headings name no one, the
    subject the text before the lead names (see the module's docstring); whether it gave any."""
    structure = text.structure
    if structure is None:
        return False
    context = structure.context_of(q.start)
    if not context or all(heading for _, _, heading in context):
        return False  # not in a list: a paragraph under a heading borrows across it as any sentence does
    from dsfact.matching.leads import names_other
    from dsfact.matching.matcher import _names_in

    for start, end, heading in context:
        if _names_in(text, start, end, family)[0] or names_other(text, start, end, heading):
            return False
    lead = text.sentence_of(min(start for start, _, _ in context))
    if lead >= si:
        return False
    before = {ci: subject_d.get(ci, INF) for ci in missing}
    text._borrow_subject(q, lead, missing, subject_d, family)
    return any(subject_d.get(ci, INF) < d for ci, d in before.items())

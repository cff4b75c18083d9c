"""A figure restated in brackets in another currency ("€200 billion (about $208 billion)") is a conversion
and states no claim (roles.words [conversion]). The order is the writer's, not the record's: "a $208
billion (€200 billion) initiative" gives the EU's plan in euros second. When the claim is recorded in the
bracketed figure's currency and not in the first figure's, the bracketed figure is the claim's own
statement and the first the conversion; a bracketed figure said to be near ("(about $208 billion)",
（约2080亿美元）) stays the writer's own conversion."""
from __future__ import annotations

from dsfact.model import Claim, Quantity


def restated_own(q: Quantity, claim: Claim, roles) -> bool:
    """Whether figure q, read as a conversion of the figure before it, is rather the claim's own figure: its
    currency is one the claim's statements are in, the first figure's is none of them, q carries no
    qualifier, and no role but the conversion rules the claim out (`roles`, q's FigureRoles)."""
    if q.qualifier is not None or "conversion" not in roles:
        return False
    units = {claim.unit} | {st.unit for st in claim.statements if st.unit}
    if q.unit not in units:
        return False
    k = getattr(roles, "k", 0)
    quantities = roles.reader.quantities if hasattr(roles, "reader") else ()
    if k <= 0 or k > len(quantities) or quantities[k - 1].unit in units:
        return False
    from dsfact.matching.roles import lexicon

    return not any(name in roles for name in lexicon().never(claim.kind) if name != "conversion")

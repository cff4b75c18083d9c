"""The days on which the sources of a claim's statements were written (the registry's `sources`, each with its
`date`): the times rules count from ("a document dated three months after every source may tell a later state",
"a price dated a year before its sources is an earlier one"). A source with no full date gives no day."""
from __future__ import annotations

import datetime


def source_days(claim, sources: dict) -> list[str]:
    """The days (ISO, "2025-01-20") on which the sources of a claim's statements were written, one per statement
    whose source gives its full date."""
    dates = (sources[st.source].date for st in claim.statements if st.source in sources)
    return [d[:10] for d in dates if isinstance(d, str) and len(d) >= 10]


def all_source_days(claim, sources: dict) -> list[str]:
    """source_days when the source of every statement of a claim gives its full date; [] when one does not (its
    first and last days are then unknown)."""
    days = source_days(claim, sources)
    return days if len(days) >= len(claim.statements) else []


def days_after_sources(day: datetime.date, claim, sources: dict) -> int | None:
    """How many days `day` falls after the last source that states a claim was written; None when a source is
    undated."""
    days = all_source_days(claim, sources)
    if not days:
        return None
    try:
        return (day - datetime.date.fromisoformat(max(days))).days
    except ValueError:
        return None

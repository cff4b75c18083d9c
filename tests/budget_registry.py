"""The small registry many tests start from: claim B1, Shelbyville's budget, with one source quoting it."""
from __future__ import annotations

BUDGET_CLAIM = """\
  - id: B1
    topic: cost
    subject: Shelbyville
    metric: budget
    unit: USD
    cues: {subject: [Shelbyville], metric: [budget]}
    statements:
"""


def registry_text(file: str = "gazette.txt", quote: str = "approved a budget of $120 million for 2024",
                  value: str = "120000000", extra_claim: str = "") -> str:
    """A one-source registry of claim B1 (lines: the claim at 5, its statement at 12, its value at 13)."""
    return f"""\
version: 1
sources:
  - {{id: gazette, file: "{file}", publisher: G, title: T, date: "2024-03-02", language: en}}
claims:
{BUDGET_CLAIM}      - source: gazette
        value: {value}
        quote: "{quote}"
{extra_claim}"""

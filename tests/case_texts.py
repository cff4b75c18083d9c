"""The texts of every case in tests/cases, after a test's own: what the tests of a first test (a cheap question
asked before a rule) read to show the rule answers as it did without it."""
from __future__ import annotations

from pathlib import Path

import yaml

CASES = Path(__file__).parent / "cases"


def case_texts(own: list[str]) -> list[str]:
    """`own`, then the text of every case in tests/cases/*.yaml."""
    texts = list(own)
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or ():
            if isinstance(case, dict) and isinstance(case.get("text"), str):
                texts.append(case["text"])
    return texts

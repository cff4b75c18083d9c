"""Texts checked side by side on threads of one process (dsfact archive's Dask workers may be threads) are
read as when checked one by one: no cache of "the text last read" hands one text's answers to another."""
from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from conftest import ROOT

from dsfact.check import find_findings


def _texts() -> list[str]:
    paths = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    # the same texts again with their lines shifted, so that two threads hold texts whose offsets differ
    return texts + ["\n\n" + t.replace("\n", "\n\n") for t in texts]


def _found(text: str, registry) -> list[tuple]:
    return [(f.claim, f.verdict, f.start, f.end) for f in find_findings(text, registry)]


def test_threads_side_by_side_find_what_one_thread_finds(bundled_registry):
    texts = _texts()
    alone = [_found(t, bundled_registry) for t in texts]
    assert any(alone), "the texts state registered figures"
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter lets them
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            together = list(pool.map(lambda t: _found(t, bundled_registry), texts * 2))
    finally:
        sys.setswitchinterval(interval)
    assert together == alone * 2

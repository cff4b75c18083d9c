"""--jobs: every core by default as soon as there is more than one file; never more workers than files."""
import concurrent.futures

import pytest
from conftest import ROOT

from dsfact import run

ARTICLES = [str(ROOT / "examples" / name) for name in ("draft_en.md", "draft_zh_hant.md", "draft_zh_hans.md")]


class _SerialPool:
    """A stand-in for ProcessPoolExecutor that records its size and runs in this process."""

    made: list[int] = []

    def __init__(self, max_workers, initializer, initargs):
        self.made.append(max_workers)
        initializer(*initargs)

    def map(self, fn, items, chunksize=1):
        return map(fn, items)

    def shutdown(self, cancel_futures=False):
        pass


@pytest.fixture
def pools(monkeypatch):
    _SerialPool.made = []
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _SerialPool)
    monkeypatch.setattr(run.os, "cpu_count", lambda: 4)
    return _SerialPool.made


def results(paths, jobs, registry):
    files = [(p, None) for p in paths]
    return list(run.iter_results(files, registry, encoding=None, stdin_filename=None, jobs=jobs))


@pytest.mark.parametrize("paths, jobs, expected", [
    (ARTICLES[:2], None, [2]),  # two files: two workers, though the machine has four cores
    (ARTICLES, None, [3]),
    (ARTICLES[:1], None, []),  # one file: no pool
    (ARTICLES, 1, []),
    (ARTICLES[:2], 8, [2]),
])
def test_workers_by_default_and_never_more_than_files(pools, bundled_registry, paths, jobs, expected):
    checked = results(paths, jobs, bundled_registry)
    assert pools == expected
    assert [r.path for r in checked] == paths
    assert all(r.findings for r in checked)


def test_a_pool_finds_what_one_process_finds(bundled_registry):
    serial = results(ARTICLES, 1, bundled_registry)
    pooled = results(ARTICLES, 2, bundled_registry)  # real worker processes
    assert [[(f.claim, f.verdict, f.start) for f in r.findings] for r in pooled] == \
           [[(f.claim, f.verdict, f.start) for f in r.findings] for r in serial]

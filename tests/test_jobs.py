"""--jobs: by default one process for a run of files that add up to a few kilobytes, every core for a larger one;
never more workers than files; an explicit --jobs is always obeyed."""
import concurrent.futures
import os
import signal

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

    def submit(self, fn, *args):
        future = concurrent.futures.Future()
        future.set_result(fn(*args))
        return future

    def shutdown(self, cancel_futures=False):
        pass


@pytest.fixture
def pools(monkeypatch):
    """The stand-in pool, and this process's Ctrl-C handler put back afterwards: the worker initializer it
    runs here ignores Ctrl-C, which every later subprocess of the suite would otherwise inherit."""
    _SerialPool.made = []
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _SerialPool)
    monkeypatch.setattr(run.os, "cpu_count", lambda: 4)
    handler = signal.getsignal(signal.SIGINT)
    yield _SerialPool.made
    signal.signal(signal.SIGINT, handler)


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
def test_workers_by_default_and_never_more_than_files(pools, bundled_registry, paths, jobs, expected, monkeypatch):
    monkeypatch.setattr(run, "SERIAL_BYTES", 0)  # the three example drafts as a large run
    checked = results(paths, jobs, bundled_registry)
    assert pools == expected
    assert [r.path for r in checked] == paths
    assert all(r.findings for r in checked)


def test_a_small_run_takes_one_process_a_large_one_the_pool_and_an_explicit_jobs_wins(pools, bundled_registry,
                                                                                     tmp_path):
    small = ARTICLES  # about 1 KB
    assert results(small, None, bundled_registry) and pools == []
    assert [r.path for r in results(small, 2, bundled_registry)] == small and pools == [2]
    text = open(ARTICLES[0], encoding="utf-8").read()
    large = []
    for i in range(3):
        path = tmp_path / f"a{i}.md"
        path.write_text(text * (run.SERIAL_BYTES // len(text) // 2 + 1), encoding="utf-8")
        large.append(str(path))
    pools.clear()
    assert len(results(large[:1], None, bundled_registry)) == 1 and pools == []  # one file: no pool, however long
    assert [r.path for r in results(large, None, bundled_registry)] == large and pools == [3]
    pools.clear()
    assert len(results(large, 1, bundled_registry)) == 3 and pools == []


def test_the_size_of_a_run_counts_staged_contents_and_stops_at_the_limit(tmp_path):
    assert run._small([str(tmp_path / "missing.md")], {})
    staged = {"a.md": b"x" * run.SERIAL_BYTES}
    assert run._small(["a.md"], staged)
    assert not run._small(["a.md", str(tmp_path / "missing.md"), "b.md"], {**staged, "b.md": b"x"})


def test_a_pool_finds_what_one_process_finds(bundled_registry):
    serial = results(ARTICLES, 1, bundled_registry)
    pooled = results(ARTICLES, 2, bundled_registry)  # real worker processes
    assert [[(f.claim, f.verdict, f.start) for f in r.findings] for r in pooled] == \
           [[(f.claim, f.verdict, f.start) for f in r.findings] for r in serial]


def test_chunks_keep_every_file_in_order_and_shrink_to_one(tmp_path):
    paths = []
    for i in range(150):
        path = tmp_path / f"a{i:03}.md"
        path.write_text("DeepSeek spent $5.6 million. " * 100, encoding="utf-8")
        paths.append(str(path))
    chunks = run._chunks(paths, 2)
    assert [p for chunk in chunks for p in chunk] == paths
    assert max(len(c) for c in chunks) <= run.CHUNK_FILES
    assert len(chunks[0]) > 1 and len(chunks[-1]) == 1  # no worker waits long on another's last chunk


def test_a_written_finding_is_sent_back_only_as_counted(bundled_registry):
    finish = run.Finish(render=lambda result, registry: "written\n")
    result = run.check_one(ARTICLES[0], bundled_registry)
    kept = [(f.claim, f.verdict, f.severity, f.location) for f in result.findings]
    finished, text = finish.apply(result, bundled_registry)
    assert text == "written\n"
    assert [(f.claim, f.verdict, f.severity, f.location) for f in finished.findings] == kept
    assert all(f.quantity is None and not f.message for f in finished.findings)


def test_chinese_text_among_the_first_files_is_warmed_before_the_workers_fork(tmp_path):
    english, chinese, big5 = tmp_path / "en.md", tmp_path / "zh.md", tmp_path / "big5.txt"
    english.write_text("DeepSeek trained V3 for $5.6 million.\n", encoding="utf-8")
    chinese.write_text("DeepSeek 訓練成本約557.6萬美元。\n", encoding="utf-8")
    big5.write_bytes("訓練成本".encode("big5"))  # not UTF-8: nothing is sniffed from it
    assert not run._holds_chinese([str(english)], {})
    assert run._holds_chinese([str(english), str(chinese)], {})
    assert not run._holds_chinese([str(big5), str(tmp_path / "missing.md")], {})
    if hasattr(os, "mkfifo"):  # a named pipe is not waited on (no writer ever comes)
        os.mkfifo(tmp_path / "pipe.md")
        assert not run._holds_chinese([str(tmp_path / "pipe.md")], {})
    # staged content is what a file holds for the hook, not what is on disk
    assert run._holds_chinese([str(english)], {str(english): "英伟达".encode()})
    # only the first files are looked at: the run is not held up reading every file first
    late = [str(english)] * run.SNIFF_FILES + [str(chinese)]
    assert not run._holds_chinese(late, {})


def test_the_collector_is_settled_for_a_run_and_put_back_after_it():
    import gc

    gc.unfreeze()  # what other tests' pools froze in this process
    before = gc.get_threshold()
    with run.collector_settled():
        assert gc.get_threshold() == run.GC_THRESHOLD
        assert gc.get_freeze_count() > 0  # what was built before the run is out of the collector's sight
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_run_of_one_file_keeps_the_collector_off_and_puts_it_back():
    import gc

    gc.unfreeze()
    enabled = gc.isenabled()
    gc.enable()
    try:
        with run.collector_settled(1):
            assert not gc.isenabled()  # one text's cycles end with the run
            made = [[] for _ in range(1000)]
        assert gc.isenabled() and gc.get_freeze_count() == 0  # put back, nothing left frozen
        assert gc.get_count()[0] < len(made)  # what the run made is not left for the next young collection to read
        gc.disable()
        with run.collector_settled(1):
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        (gc.enable if enabled else gc.disable)()


def test_a_run_that_fails_puts_the_collector_back():
    import gc

    before = gc.get_threshold()
    with pytest.raises(KeyError), run.collector_settled():
        raise KeyError("x")
    assert gc.get_threshold() == before


def test_an_abandoned_pool_checks_none_of_its_queued_files():
    """Ctrl-C gives the pool up: what is queued is cancelled even though the run drops the pool at once (the
    executor's manager thread cancels only what it can still reach), and the workers are ended, so nothing
    queued runs after the interrupt. Before, a pool collected first went on through every queued file."""
    import gc
    import time

    pool = concurrent.futures.ProcessPoolExecutor(max_workers=2)
    futures = [pool.submit(time.sleep, 0.3) for _ in range(40)]  # 6 seconds of work per worker
    futures[0].result()  # the workers are running
    run._abandon(pool)
    del pool
    gc.collect()
    deadline = time.monotonic() + 60
    while not all(f.done() for f in futures) and time.monotonic() < deadline:  # (wait() skips the cancelled)
        time.sleep(0.05)
    assert all(f.done() for f in futures)
    finished = [f for f in futures if not f.cancelled() and f.exception() is None]
    assert len(finished) < 10, f"{len(finished)} of 40 queued tasks ran after the pool was abandoned"


def test_an_abandoned_pool_has_closed_its_wakeup_when_given_up():
    """At exit Python 3.11 wakes every pool's manager thread through a pipe that thread closes as it ends; a
    thread still ending then made the wake-up write to a closed pipe, and a traceback followed "dsfact:
    interrupted". _abandon returns only once the manager thread has ended and closed that pipe."""
    import time

    pool = concurrent.futures.ProcessPoolExecutor(max_workers=2)
    futures = [pool.submit(time.sleep, 0.3) for _ in range(10)]
    futures[0].result()  # the workers are running
    manager, wakeup = pool._executor_manager_thread, pool._executor_manager_thread_wakeup
    run._abandon(pool)
    assert not manager.is_alive()
    assert wakeup._closed


# A pool whose only worker is in the middle of sending its result: it has announced a megabyte and sent a
# kilobyte when the pool is abandoned. Run in a process of its own, which must end.
_HALF_SENT = r'''
import concurrent.futures, multiprocessing, os, struct, sys, time
from pathlib import Path
from dsfact import run

QUEUE = {}

def keep_queue():  # the pool's worker calls this with its queue of results at hand
    QUEUE["results"] = sys._getframe(1).f_locals["result_queue"]

def half_sent(marker):
    results = QUEUE["results"]
    with results._wlock:  # as a worker sending its result holds it
        os.write(results._writer.fileno(), struct.pack("!i", 1 << 20) + b"x" * 1024)
        Path(marker).touch()
        time.sleep(600)

if __name__ == "__main__":
    marker = Path(sys.argv[1])
    pool = concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                                  initializer=keep_queue)
    future = pool.submit(half_sent, str(marker))
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    print("half sent" if marker.exists() else "never sent", flush=True)
    run._abandon(pool)
'''


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the worker is forked to share this script's functions")
def test_a_worker_ended_in_the_middle_of_its_result_does_not_hold_the_process(tmp_path):
    """Ctrl-C can end a worker while it sends its result (a chunk's text is often more than a pipe holds):
    the pool's manager thread then waited for the rest of the message for ever, and the process, which
    waits for that thread before it exits, printed its one line and hung."""
    import subprocess
    import sys

    script = tmp_path / "half_sent.py"
    script.write_text(_HALF_SENT, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(tmp_path / "sent")], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # its worker too
        proc.communicate()
        raise AssertionError("the process did not exit after its pool was abandoned") from None
    assert out.decode().split() == ["half", "sent"], err.decode()
    assert proc.returncode == 0 and not err, err.decode()


_TWICE = r'''
import os, signal, sys, time
from dsfact.cli.exits import guarded

def interrupted():
    raise KeyboardInterrupt

print("status", guarded(interrupted), flush=True)
os.kill(os.getpid(), signal.SIGINT)  # the second Ctrl-C, while the run winds down
time.sleep(30)
print("survived", flush=True)
'''


def test_a_second_ctrl_c_ends_the_run_at_once_without_a_traceback(tmp_path):
    """The first Ctrl-C is reported in one line (exit 130); a second one, while the run still winds down,
    ends the process at once with the same status, never with a traceback from the interpreter's shutdown."""
    import subprocess
    import sys

    script = tmp_path / "twice.py"
    script.write_text(_TWICE, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.stdout.splitlines() == ["status 130"]
    assert done.returncode == 130
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == "dsfact: interrupted"

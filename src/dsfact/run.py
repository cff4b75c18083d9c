"""Files to results: read and check each file (check_one), apply its inline directives, and run many
files through a pool of worker processes in input order (iter_finished). Nothing here prints, builds a
console or picks an exit status: the command line (dsfact.cli), the language server and the archive
do that with what this returns."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager

from dsfact.errors import DsfactError, InputError
from dsfact.model import FileResult, Notice, NoticeCode, record


def check_one(path: str, registry, *, data: bytes | None = None, encoding: str | None = None,
              fmt: str | None = None, ignore: frozenset[str] = frozenset(), date: str | None = None) -> FileResult:
    """Read and check one file; an unreadable file (or one with a malformed directive) becomes a
    FileResult with its error. Inline directives are applied, and the ones that suppress nothing are
    reported as warnings; claims in `ignore` are dropped last. `date` is the file's date when it gives
    none of its own (`check --date`, an archive record's)."""
    from dsfact.check import check_document
    from dsfact.document import read_document

    try:
        doc = read_document(path, data=data, encoding=encoding, format=fmt)
    except InputError as exc:
        return FileResult(path=path, error=exc.problem)
    except DsfactError as exc:
        return FileResult(path=path, error=str(exc))
    result = check_document(doc, registry, date=date)
    if not doc.original.strip():
        result.warnings.append(Notice(NoticeCode.EMPTY_FILE, "empty file, nothing to check", path))
    if doc.directives:
        apply_directives(result, doc.directives, registry)
    if ignore:
        result.findings = [f for f in result.findings if f.claim not in ignore]
    return result


def apply_directives(result: FileResult, directives, registry) -> None:
    """Drop the findings the directives suppress; warn about directives that suppress nothing, that
    name a claim the registry does not have, or an `on` with no `off` before it."""
    from dsfact.document import Suppressions

    suppressions = Suppressions(directives)
    kept, used = [], set()
    for f in result.findings:
        directive = suppressions.find(f.location.line, f.claim)
        if directive is None:
            kept.append(f)
        else:
            used.add(id(directive))
    result.findings = kept
    known = {c.id for c in registry.claims}
    path = result.path
    in_off = False
    for d in sorted(directives, key=lambda d: d.start):
        unknown = [c for c in d.claims if c not in known]
        if unknown:
            result.warnings.append(Notice(NoticeCode.UNKNOWN_CLAIM, f"suppression names {', '.join(unknown)}, "
                                          f"which {'is not a claim' if len(unknown) == 1 else 'are not claims'} "
                                          "of the registry in use", path, d.line))
        if d.kind == "ignore" and id(d) not in used:
            ids = ", ".join(d.claims) or "any claim"
            result.warnings.append(Notice(NoticeCode.UNUSED_SUPPRESSION,
                                          f"unused suppression: no finding for {ids} here", path, d.line))
        elif d.kind == "off":
            if not in_off and id(d) not in used:
                result.warnings.append(Notice(NoticeCode.UNUSED_SUPPRESSION, "unused suppression: no finding "
                                              "between 'dsfact: off' and its 'dsfact: on'", path, d.line))
            in_off = True
        elif d.kind == "on":
            if not in_off:
                result.warnings.append(Notice(NoticeCode.STRAY_ON, "'dsfact: on' without a 'dsfact: off' before it",
                                              path, d.line))
            in_off = False


SEVERITIES = ("info", "warning", "error")  # lowest first
_VERDICT_SEVERITY = {"contradicted": "error", "disputed": "warning"}


def finding_severity(finding) -> str:
    """error, warning or info: the finding's own severity where it has one, else its verdict's
    (contradicted an error, disputed a warning, supported information)."""
    own = getattr(finding, "severity", None)
    own = getattr(own, "value", own)
    if own in SEVERITIES:
        return own
    return _VERDICT_SEVERITY.get(finding.verdict, "info")


@record
class Finish:
    """What is done to each file's result where it was checked (in a worker process, with --jobs), so
    that the parent receives it ready to write: keep the changed lines and the selected claims, render
    its text (`render(result, registry) -> str`, a module-level function or a partial of one, so that it
    reaches the workers: a big run spends more time drawing tables than checking), and drop the evidence
    the output will not show (so it is not pickled back)."""

    changed: dict | None = None  # path -> changed line numbers (--changed)
    select: frozenset = frozenset()  # --select
    lean: bool = False  # no output shows the evidence
    min_severity: str = "info"  # --min-severity: findings below it are not reported at all
    render: object = None  # (result, registry) -> the text to write for the file, in the worker

    def apply(self, result: FileResult, registry) -> tuple[FileResult, str]:
        if self.changed is not None and result.error is None:
            _keep_changed(result, self.changed.get(os.path.normpath(result.path), set()))
        if self.select:
            result.findings = [f for f in result.findings if f.claim in self.select]
        if self.min_severity != "info":
            floor = SEVERITIES.index(self.min_severity)
            result.findings = [f for f in result.findings if SEVERITIES.index(finding_severity(f)) >= floor]
        text = self.render(result, registry) if self.render is not None else ""
        if self.render is not None:  # written: what is left is counted (exit status, summary, --statistics)
            result.findings = [_counted(f) for f in result.findings]
        elif self.lean:
            result.findings = [f._replace(evidence=()) for f in result.findings]
        return result, text


def _counted(finding):
    """A finding already written, as the run still counts it (its claim, verdict, severity and place):
    without the figure, the message and the sources, which a worker would pickle and the parent read
    back for nothing."""
    return finding._replace(text="", value=None, sources={}, message="", quantity=None, evidence=(),
                            decided_by=())


_WORKER = {}


def _started(pool, tasks) -> list:
    """A future per task (_worker), in order, with Ctrl-C held back while the pool forks its workers: a
    worker takes its parent's signal mask, so one interrupted before its initializer has run (it ignores
    Ctrl-C) does not die with a traceback of its own and leave the parent a broken pool to report. A Ctrl-C
    that came meanwhile reaches the parent as the mask is lifted: one line, exit 130.

    Submitted one by one rather than through pool.map, whose results, when interrupted, cancel the futures
    behind the pool's back: a pool that then found itself broken (its workers ended by _abandon) failed on
    the first cancelled future, with a traceback, on Python 3.11. Cancelling queued tasks is left to the
    pool's shutdown (_abandon), which does it in step with its manager thread."""
    import signal

    mask = getattr(signal, "pthread_sigmask", None)  # not on Windows, where workers are not forked
    if mask is None:
        return [pool.submit(_worker, task) for task in tasks]
    mask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return [pool.submit(_worker, task) for task in tasks]  # the first starts every worker
    finally:
        mask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _worker_init(registry, ignore, finish, date=None):
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: one line, exit 130
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back while it was forked (_started)
    _WORKER["registry"] = registry
    _WORKER["ignore"] = ignore
    _WORKER["finish"] = finish
    _WORKER["date"] = date


def _worker(items) -> list[tuple[FileResult, str]]:
    """Check and finish a chunk of files (path, encoding, data) in a worker: one task and one reply each."""
    registry, ignore, finish, date = _WORKER["registry"], _WORKER["ignore"], _WORKER["finish"], _WORKER.get("date")
    return [finish.apply(check_one(path, registry, data=data, encoding=encoding, ignore=ignore, date=date), registry)
            for path, encoding, data in items]


# What the engine builds on first meeting Chinese text (the numbers engine's Chinese patterns, the
# Traditional-to-Simplified converter, the role words' Chinese tables), met once before the workers fork.
_WARM_CHINESE = ("深度求索表示，V3的訓練成本約為557.6萬美元，用了2048塊H800晶片，於2024年12月26日發佈。"
                 "英伟达1月27日市值蒸发近6000亿美元，股价下跌17%，每百万token收费2元。")
SNIFF_FILES = 16  # the first files looked at for Chinese text
SNIFF_BYTES = 4096  # of each


def _warm(registry, chinese: bool = False) -> None:
    """Build here what every worker needs (the engine's modules and patterns, the registry's cue index,
    and when the files hold Chinese text, what reading it builds): workers forked from this process start
    with it instead of each building its own. What is built is then left out of garbage collection, whose
    passes would otherwise write to every page the workers share with this process (and so copy them) for
    objects that live as long as the run."""
    import gc

    from dsfact.check import find_findings

    find_findings("DeepSeek 1", registry)
    if chinese:
        find_findings(_WARM_CHINESE, registry)
    gc.freeze()


def _holds_chinese(paths: list[str], contents: dict) -> bool:
    """Whether the first few files begin with Chinese text (their first few kilobytes, read as UTF-8): a
    run over English files does not pay for warming what only Chinese text needs."""
    from dsfact.fold import has_han

    for path in paths[:SNIFF_FILES]:
        head = contents.get(path)
        if head is None:
            head = _head(path)
        if has_han(head[:SNIFF_BYTES].decode("utf-8", "ignore")):
            return True
    return False


def _head(path: str) -> bytes:
    """The first SNIFF_BYTES of a regular file; nothing from anything else (a named pipe is opened without
    waiting for a writer and never read) or from what cannot be opened."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b""
    try:
        return os.read(fd, SNIFF_BYTES) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return b""
    finally:
        os.close(fd)


CHUNK_BYTES = 64 * 1024  # about what a worker checks in a few tenths of a second
CHUNK_FILES = 16  # at most: the first file's output is not held back behind a long chunk


def _chunks(paths: list[str], jobs: int) -> list[list[str]]:
    """The files cut into tasks for the pool, largest first: each a quarter of what is left per worker
    (so that no worker idles while another finishes a long last chunk), at most CHUNK_FILES files and
    about CHUNK_BYTES, down to one file at the end."""
    sample = paths[:64]
    sizes = []
    for p in sample:
        try:
            sizes.append(os.stat(p).st_size)
        except OSError:
            pass
    average = sum(sizes) / len(sizes) if sizes else 0
    most = min(CHUNK_FILES, max(1, int(CHUNK_BYTES // average))) if average else CHUNK_FILES
    out, at = [], 0
    while at < len(paths):
        size = max(1, min(most, (len(paths) - at) // (jobs * 4)))
        out.append(paths[at:at + size])
        at += size
    return out


SERIAL_BYTES = 48 * 1024  # files that add up to no more are checked in one process unless --jobs says otherwise


def _small(paths: list[str], contents: dict) -> bool:
    """Whether the files add up to at most SERIAL_BYTES (a path in `contents` counts those bytes; one that
    cannot be read, none). Starting the pool costs about 0.2 s of CPU (forking the workers, which then copy
    the pages they touch, and sending the results back); a pre-commit hook's run of a few staged articles
    is over before the pool would pay for itself, and on a busy machine the pool never does: 3 articles,
    11 KB, took 1.13 s of wall time in one process against 1.70 s with two workers (2 cores at a load of 7).
    On a quiet machine the pool still lost at 30 and 40 KB of sparse bench articles (wall 1.14 of one
    process's) and won at 66 KB (0.89): from about 48 KB of news text the check itself is long enough that
    two cores halve it by more than the pool costs. Sizes are read only until they pass the limit."""
    total = 0
    for path in paths:
        data = contents.get(path)
        if data is not None:
            total += len(data)
        else:
            try:
                total += os.stat(path).st_size
            except OSError:
                pass
        if total > SERIAL_BYTES:
            return False
    return True


def iter_results(files: list[tuple[str, str | None]], registry, *, encoding, stdin_filename, jobs,
                 ignore: frozenset[str] = frozenset()):
    """Results in input order; with jobs > 1, checked by a pool of processes."""
    for result, _ in iter_finished(files, registry, encoding=encoding, stdin_filename=stdin_filename, jobs=jobs,
                                   ignore=ignore):
        yield result


def iter_finished(files: list[tuple[str, str | None]], registry, *, encoding, stdin_filename, jobs,
                  ignore: frozenset[str] = frozenset(), finish: Finish = Finish(), contents: dict | None = None,
                  date: str | None = None):
    """(result, pre-rendered text) per file, in input order; with jobs > 1, checked (and finished, see
    Finish) by a pool of processes. A path in `contents` is checked with those bytes (the staged content
    of a file, for the git hook), not what is on disk. `date` is the date of a file that gives none."""
    contents = contents or {}
    readable = [p for p, err in files if err is None and p != "-"]
    if jobs is None:  # every core, unless the files are few and short enough that one process is sooner
        jobs = 1 if _small(readable, contents) else (os.cpu_count() or 1)
    jobs = min(jobs, len(readable))
    pool = None
    try:
        if jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            _warm(registry, chinese=_holds_chinese(readable, contents))
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                                       initargs=(registry, ignore, finish, date))
            tasks = [[(p, encoding, contents.get(p)) for p in chunk] for chunk in _chunks(readable, jobs)]
            checked = (done for future in _started(pool, tasks) for done in future.result())
        else:
            checked = (finish.apply(check_one(p, registry, data=contents.get(p), encoding=encoding,
                                              ignore=ignore, date=date), registry) for p in readable)
        for path, err in files:
            if err is not None:
                yield finish.apply(FileResult(path=path, error=err), registry)
            elif path == "-":
                yield finish.apply(_stdin_result(registry, encoding, stdin_filename, ignore, date), registry)
            else:
                yield next(checked)
    except BaseException:
        if pool is not None:  # interrupted: do not wait for the workers' queued files
            _abandon(pool)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


_ABANDONED: list = []  # pools given up on an interrupt, kept until the process ends (_abandon)


def _abandon(pool) -> None:
    """Give up a pool at once (Ctrl-C): its queued files are cancelled and its workers, which ignore Ctrl-C,
    are ended, so that the run exits now and not after every file it handed them. The pool stays referenced:
    its manager thread cancels the queued files only while it can still reach the pool, and a pool collected
    first (as soon as the run dropped it) left every file queued, to be checked before the process could end.

    A worker ended while it was sending its result (a chunk's rendered text is often larger than a pipe
    holds, so a worker waits in the middle of its message until the parent reads on) leaves the pool's
    manager thread waiting for the rest of that message, and the interpreter waits for that thread before it
    exits: the run printed its one line and then hung. The rest could only come from a worker or from this
    process's own copy of the pipe's writing end, which nothing here writes with: closed, the manager thread
    reads the end of the pipe once the workers are gone, finds the pool broken and ends."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)  # shutdown() lets go of it
    manager = getattr(pool, "_executor_manager_thread", None)  # and of this
    _ABANDONED.append(pool)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.terminate()
        except (OSError, ValueError):  # already gone
            pass
    writer = getattr(results, "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass
    if manager is not None:  # let it finish closing its wake-up pipe now: at exit Python 3.11 wakes every pool's
        manager.join(ABANDON_WAIT)  # manager thread, and one closing that pipe at that moment printed a traceback
        # after "dsfact: interrupted" (Bad file descriptor: CPython's race, locked only in later versions)


ABANDON_WAIT = 5.0  # seconds an abandoned pool's manager thread is given to end (it ends once the workers are gone)


GC_THRESHOLD = (10_000, 20, 20)  # the young generation is collected every 10,000 allocations, not 700


@contextmanager
def collector_settled(files: int = 2):
    """Garbage collection made cheap for one run of `files` files, and put back as it was after it. What is
    built before the files are read (the registry, its cue index, the engine's tables) lives as long as the
    run, so it is moved out of the collector's sight (gc.freeze), and the young generation is collected less
    often: checking a text allocates many short-lived objects and few cycles, and with the default threshold
    the collector took about a tenth of a dense run's time. The collector is on for the run even when it was
    off before (the command line keeps it off while it starts: dsfact.cli.entry), but for a run of one file (a
    pre-commit hook's, an editor's): what one text's check leaves in cycles is little (0.2 MB for a text of
    570 KB; it is what a run of many files must collect, 90 KB a dense article) and collecting it cost 2% of
    the check of a short article."""
    import gc

    before, frozen, enabled = gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()
    gc.freeze()
    if files <= 1:
        gc.disable()
        try:
            yield
        finally:
            gc.freeze()  # what the run made, out of the young generation: else the first collection after it reads it all
            if not frozen:
                gc.unfreeze()
            if enabled:
                gc.enable()
        return
    gc.set_threshold(*GC_THRESHOLD)
    gc.enable()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if not enabled:
            gc.disable()
        if not frozen:  # what someone else froze before stays frozen
            gc.unfreeze()


def _stdin_result(registry, encoding, stdin_filename, ignore=frozenset(), date=None) -> FileResult:
    from dsfact.document import MAX_FILE_BYTES, detect_format

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    name = stdin_filename or "-"
    return check_one(name, registry, data=data, encoding=encoding,
                     fmt=detect_format(stdin_filename) if stdin_filename else "text", ignore=ignore, date=date)


def _keep_changed(result: FileResult, lines) -> None:
    """--changed: only findings (and suppression warnings) on changed lines."""
    result.findings = [f for f in result.findings if f.location is None or f.location.line in lines]
    result.warnings = [w for w in result.warnings if w.line is None or w.line in lines]


def without_supported(result: FileResult) -> FileResult:
    """The result as --quiet shows it: what needs attention only."""
    from dsfact.model import SUPPORTED

    return FileResult(path=result.path, findings=[f for f in result.findings if f.verdict != SUPPORTED],
                      error=result.error, warnings=result.warnings)

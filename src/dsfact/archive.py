"""`dsfact archive`: check an archive of articles on a Dask cluster (the optional extra `dsfact[dask]`).

The client (this process) lists the documents of each SOURCE (a directory tree, or a JSON Lines export
of {"id", "text"[, "date", "url"]} records) in a stable order, cuts the list into partitions of
`partition_size` documents, reads the bytes of one partition at a time and sends them to the cluster, so
the workers need dsfact installed but no access to the archive. Each worker receives the registry once,
through a worker plugin. A finished partition comes back as the JSON Lines of `dsfact check --format
jsonl` and is written by the client to OUT/part-NNNNN.jsonl, atomically (a temporary file, then a
rename): `--resume` skips the partitions whose file exists. OUT/archive.json records what the run was
(sources, partition size, registries) so that a resumed run is the same run; OUT/summary.json is written
at the end. Dask is imported here only: `dsfact check` never loads it.
"""
from __future__ import annotations

import json
import os
import sys
import time
import uuid
from pathlib import Path

from dsfact.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError
from dsfact.model import CONTRADICTED, DISPUTED, VERDICTS, FileResult, Severity

MANIFEST = "archive.json"
SUMMARY = "summary.json"
PART = "part-{:05d}.jsonl"
PARTITION_SIZE = 200  # documents: about a second of one worker's time on news articles
_BAD_RECORD = 'not a JSON record with a string "id" (or number) and a string "text"'


def _import_dask():
    try:
        import distributed
    except ImportError:
        raise UsageError("dsfact archive needs Dask: pip install 'dsfact[dask]'") from None
    return distributed


# ---------------------------------------------------------------------------------------------------
# Documents: a reference per document (a file path, or a line of a JSON Lines export), read per partition


def list_documents(sources: list[str], include, exclude, base: str | None, *, hidden: bool = False,
                   respect_ignore_files: bool = True) -> list[tuple]:
    """One reference per document, in a stable order: ("file", path, error) for each file of a
    directory tree (walked as check walks it), ("jsonl", export, byte offset, line number) for each
    non-blank line of an export."""
    from dsfact.workspace.walk import collect_paths

    refs: list[tuple] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            refs.extend(("file", p, err) for p, err in collect_paths(
                [source], include, exclude, base, hidden=hidden, respect_ignore_files=respect_ignore_files))
        elif path.is_file():
            refs.extend(_jsonl_lines(source))
        elif path.exists():
            raise UsageError(f"{source}: not a directory or a regular file")
        else:
            raise UsageError(f"{source}: no such file or directory")
    return refs


def _jsonl_lines(source: str) -> list[tuple]:
    out = []
    offset = 0
    try:
        with open(source, "rb") as f:
            for number, line in enumerate(f, 1):
                if line.strip():
                    out.append(("jsonl", source, offset, number))
                offset += len(line)
    except OSError as exc:
        raise UsageError(f"{source}: {exc.strerror or exc}") from None
    return out


def read_partition(refs: list[tuple]) -> list[tuple[str, bytes | None, str | None, str | None, str | None]]:
    """(name, bytes, error, format, date) for each document of a partition: what a worker needs to check
    it (the date is a JSON Lines record's "date", the day its text was written, when it gives one)."""
    from dsfact.document import _read_bytes, detect_format
    from dsfact.errors import InputError

    docs = []
    handles: dict[str, object] = {}
    try:
        for ref in refs:
            if ref[0] == "file":
                _, path, err = ref
                if err is not None:
                    docs.append((path, None, err, None, None))
                    continue
                try:
                    docs.append((path, _read_bytes(path), None, None, None))
                except InputError as exc:
                    docs.append((path, None, exc.problem, None, None))
                continue
            _, source, offset, number = ref
            f = handles.get(source)
            if f is None:
                f = handles[source] = open(source, "rb")  # noqa: SIM115 - closed below
            f.seek(offset)
            docs.append(_record(f.readline(), f"{source}:{number}", detect_format))
    finally:
        for f in handles.values():
            f.close()
    return docs


def _record(line: bytes, where: str, detect_format) -> tuple[str, bytes | None, str | None, str | None, str | None]:
    try:
        record = json.loads(line)
    except ValueError:
        return where, None, _BAD_RECORD, None, None
    if not isinstance(record, dict):
        return where, None, _BAD_RECORD, None, None
    ident, text = record.get("id"), record.get("text")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)) or not isinstance(text, str) or ident == "":
        return where, None, _BAD_RECORD, None, None
    name = str(ident)
    return name, text.encode("utf-8", "surrogatepass"), None, detect_format(name), _record_date(record.get("date"))


def _record_date(value) -> str | None:
    """A record's "date" as an ISO day ("2025-01-28", or the day of a timestamp "2025-01-28T09:30:00Z"),
    or None: a date that is no day is left out, not an error (the record is still checked)."""
    if not isinstance(value, str):
        return None
    from dsfact.document.dated import valid_date

    return valid_date(value.strip()[:10])


# ---------------------------------------------------------------------------------------------------
# On the workers


_LOADED: dict[str, tuple] = {}  # run token -> (registry, ignored claims, encoding), set by the plugin


def _plugin_class():
    from distributed.diagnostics.plugin import WorkerPlugin

    class RegistryPlugin(WorkerPlugin):
        """Hands each worker the registry once, before it runs a partition of this run."""

        def __init__(self, token: str, registry, ignore, encoding) -> None:
            self.name = f"dsfact-registry-{token}"
            self.token = token
            self.state = (registry, ignore, encoding)

        def setup(self, worker) -> None:
            from dsfact.archive import _LOADED  # this class travels by value; the table stays the module's

            _LOADED[self.token] = self.state

        def teardown(self, worker) -> None:
            from dsfact.archive import _LOADED

            _LOADED.pop(self.token, None)

    return RegistryPlugin


def check_partition(docs, token: str) -> tuple[str, dict, list[str]]:
    """Check the documents of one partition on a worker: (JSON Lines as check writes them, counts,
    the lines for stderr)."""
    from dsfact.render.escape import visible
    from dsfact.render.json import render_jsonl_file
    from dsfact.run import check_one

    registry, ignore, encoding = _LOADED[token]
    out, messages = [], []
    counts = _zero()
    for name, data, error, fmt, date in docs:
        if error is not None:
            result = FileResult(path=name, error=error)
        else:
            result = check_one(name, registry, data=data, encoding=encoding, fmt=fmt, ignore=ignore, date=date)
        _count(counts, result)
        if result.error:  # a member's name is the archive author's: shown, never sent (render.escape)
            messages.append(f"dsfact: error: {visible(f'{result.path}: {result.error}')}")
        messages.extend(f"dsfact: warning: {visible(str(w))}" for w in result.warnings)
        out.append(render_jsonl_file(result))
    return "".join(out), counts, messages


def _zero() -> dict:
    return {"documents": 0, "errors": 0, **{v: 0 for v in VERDICTS}, **{_severity_key(s): 0 for s in Severity}}


def _severity_key(severity) -> str:
    """Counts of findings by severity ("errors" already counts unreadable documents)."""
    return f"severity:{severity}"


# a partition written before findings had a severity: the verdict's usual one
_OLD_SEVERITY = {CONTRADICTED: Severity.ERROR, DISPUTED: Severity.WARNING}


def _count(counts: dict, result) -> None:
    counts["documents"] += 1
    if result.error:
        counts["errors"] += 1
    for f in result.findings:
        counts[f.verdict] += 1
        counts[_severity_key(f.severity)] += 1


def count_partition_file(path: Path) -> dict:
    """The counts of a partition written by an earlier run (for --resume)."""
    counts = _zero()
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            counts["documents"] += 1
            if record.get("error"):
                counts["errors"] += 1
            for finding in record.get("findings", ()):  # an unreadable document carries its error instead
                counts[finding["verdict"]] += 1
                severity = finding.get("severity") or _OLD_SEVERITY.get(finding["verdict"], Severity.INFO)
                counts[_severity_key(severity)] += 1
    return counts


# ---------------------------------------------------------------------------------------------------
# The client


def write_atomically(path: Path, text: str) -> None:
    """Write a new file beside `path` (never through a symlink left at its name) and rename it over
    `path`; on failure (a full disk) the temporary file is removed."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if os.path.lexists(tmp):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _prepare_out(out: Path, manifest: dict, resume: bool) -> set[int]:
    """Make OUT ready; return the partitions an earlier run of the same archive has written."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: not a directory")
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(".*.tmp"):  # a run stopped while writing
        stale.unlink()
    written = {int(p.name[5:10]) for p in out.glob("part-[0-9][0-9][0-9][0-9][0-9].jsonl")}
    before = out / MANIFEST
    if resume:
        if before.is_file():
            try:
                earlier = json.loads(before.read_text(encoding="utf-8"))
            except ValueError:
                earlier = None
            if earlier != manifest:
                raise UsageError(f"--resume: {out} holds a run over other sources, registries or partition size "
                                 f"(see {before}); choose another --out")
        elif written:
            raise UsageError(f"--resume: {out} has partitions but no {MANIFEST}; choose another --out")
    elif written or before.exists():
        raise UsageError(f"{out} holds an earlier archive run: --resume to continue it, or choose an empty --out")
    write_atomically(before, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return {i for i in written if i < manifest["partitions"]}


def _connect(distributed, scheduler: str, workers: int | None):
    import logging

    if scheduler == "local":
        n = workers or os.cpu_count() or 1
        cluster = distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=logging.ERROR)
        return distributed.Client(cluster), cluster
    if workers is not None:
        raise UsageError("--workers sizes a local cluster (--scheduler local); a running cluster has its own")
    try:
        return distributed.Client(scheduler, timeout="20s"), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})") from None


class _Progress:
    """Documents checked, on stderr, when stderr is a terminal."""

    def __init__(self, total: int, done: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(stderr=True), transient=True)
        self._bar.start()
        self._task = self._bar.add_task("archive", total=total, completed=done)

    def advance(self, n: int) -> None:
        self._bar.advance(self._task, n)

    def close(self) -> None:
        self._bar.stop()


def run_archive(*, sources, out, scheduler="local", workers=None, partition_size=PARTITION_SIZE, resume=False,
                registry_path=None, fail_on=None, include=(), exclude=(), encoding=None, use_config=True,
                hidden=False, respect_ignore_files=True, progress: bool | None = None) -> int:
    """Check every document of the sources on a Dask cluster; write OUT/part-*.jsonl and OUT/summary.json;
    return the exit status (as check: 2 for unreadable documents, 1 for findings that --fail-on names)."""
    from dsfact.registry import load_registries
    from dsfact.workspace.settings import resolve_settings

    if partition_size < 1:
        raise UsageError("--partition-size must be at least 1")
    if workers is not None and workers < 1:
        raise UsageError("--workers must be at least 1")
    distributed = _import_dask()
    settings = resolve_settings(list(sources), registry=registry_path, fail_on=fail_on, include=include or (),
                                exclude=exclude or (), use_config=use_config)
    from dsfact.render.escape import visible

    for warning in settings.warnings:  # they name config files, whose folders anyone may have named
        sys.stderr.write(f"dsfact: warning: {visible(warning)}\n")
    registry = load_registries(settings.registry)
    base = os.path.dirname(settings.config_file) if settings.config_file else None
    refs = list_documents(list(sources), settings.include, settings.exclude, base, hidden=hidden,
                          respect_ignore_files=respect_ignore_files)
    partitions = [refs[i:i + partition_size] for i in range(0, len(refs), partition_size)]
    out_dir = Path(out)
    manifest = {
        "version": 1,
        "sources": [os.path.abspath(s) for s in sources],
        "registries": [os.path.abspath(r) for r in settings.registry],
        "partition_size": partition_size,
        "documents": len(refs),
        "partitions": len(partitions),
    }
    done = _prepare_out(out_dir, manifest, resume)
    totals = _zero()
    for i in sorted(done):
        _add(totals, count_partition_file(out_dir / PART.format(i)))
    client, cluster = _connect(distributed, scheduler, workers)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        token = uuid.uuid4().hex
        client.register_plugin(_plugin_class()(token, registry, settings.ignore, encoding))
        started = time.perf_counter()  # the checking, without the cluster's start-up
        _check_partitions(distributed, client, partitions, done, token, out_dir, totals,
                          progress=sys.stderr.isatty() if progress is None else progress, window=2 * n_workers)
        seconds = time.perf_counter() - started
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    status = _status(totals, settings.fail_on)
    checked_now = totals["documents"] - sum(len(partitions[i]) for i in done)
    summary = {
        "version": 1,
        **{k: manifest[k] for k in ("sources", "registries", "partition_size", "partitions")},
        "resumed_partitions": len(done),
        "documents": totals["documents"],
        "errors": totals["errors"],
        "findings": {v: totals[v] for v in VERDICTS},
        "severity": {str(s): totals.get(_severity_key(s), 0) for s in Severity},
        "fail_on": settings.fail_on,
        "exit_status": status,
        "workers": n_workers,
        "seconds": round(seconds, 3),
        "documents_per_second": round(checked_now / seconds, 1) if seconds > 0 else None,
    }
    write_atomically(out_dir / SUMMARY, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.write(_summary_line(totals, len(partitions), len(done), out_dir))
    return status


def _check_partitions(distributed, client, partitions, done, token: str, out_dir: Path, totals: dict, *,
                      progress: bool, window: int) -> None:
    """Send the partitions not `done` to the cluster, at most `window` in flight (every worker busy, the
    client's memory bounded); write each as it comes back and add its counts to `totals`."""
    bar = _Progress(sum(len(p) for p in partitions), sum(len(partitions[i]) for i in done)) if progress else None
    inflight: dict = {}

    def finish(futures) -> None:
        for fut in futures:
            index = inflight.pop(fut)
            text, counts, messages = fut.result()
            write_atomically(out_dir / PART.format(index), text)
            _add(totals, counts)
            for m in messages:
                sys.stderr.write(m + "\n")
            if bar:
                bar.advance(counts["documents"])

    try:
        for index, part in enumerate(partitions):
            if index in done:
                continue
            while len(inflight) >= window:
                finish(distributed.wait(list(inflight), return_when="FIRST_COMPLETED").done)
            fut = client.submit(check_partition, read_partition(part), token, pure=False,
                                key=f"dsfact-partition-{index:05d}-{token}")
            inflight[fut] = index
        while inflight:
            finish(distributed.wait(list(inflight), return_when="FIRST_COMPLETED").done)
    finally:
        if bar:
            bar.close()


def _summary_line(totals: dict, partitions: int, resumed: int, out_dir: Path) -> str:
    docs = totals["documents"]
    return (f"{docs} document{'s' if docs != 1 else ''} in {partitions} partition"
            f"{'s' if partitions != 1 else ''} ({resumed} resumed): {totals['supported']} supported, "
            f"{totals['contradicted']} contradicted, {totals['disputed']} disputed; results in {out_dir}\n")


def _add(totals: dict, counts: dict) -> None:
    for k, v in counts.items():
        totals[k] = totals.get(k, 0) + v


def _status(totals: dict, fail_on: str) -> int:
    """As dsfact.cli.exits.exit_code, from counts."""
    if totals["errors"]:
        return EXIT_ERROR
    from dsfact.workspace.settings import FAIL_AT

    return EXIT_FINDINGS if any(totals.get(_severity_key(s)) for s in FAIL_AT[fail_on]) else EXIT_OK

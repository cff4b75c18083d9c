"""One `dsfact check` run: collect files, read and check each, render, decide the exit code."""
from __future__ import annotations

import fnmatch
import os
import sys
from pathlib import Path

from dsfact.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, DsfactError, InputError, UsageError
from dsfact.model import CONTRADICTED, DISPUTED, FileResult, Report

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.html", "*.htm")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}
PARALLEL_FROM = 8  # files; below this a second process costs more than it saves


def collect_paths(paths: list[str], include: list[str], exclude: list[str]) -> list[tuple[str, str | None]]:
    """Files to check, in a stable order, each with the error that stops it (None when readable).

    A file named on the command line is checked whatever its name; a directory contributes the files
    that match the include globs and not the exclude globs.
    """
    include = list(include) or list(DEFAULT_INCLUDE)
    out: list[tuple[str, str | None]] = []
    for raw in paths:
        if raw == "-":
            out.append(("-", None))
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
                for name in sorted(files):
                    full = os.path.join(root, name)
                    rel = os.path.relpath(full, path)
                    if any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in include) and not any(
                        fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(full, g) for g in exclude
                    ):
                        found.append(full)
            if not found:
                out.append((raw, "no files to check in this directory (looked for " + ", ".join(include) + ")"))
            out.extend((f, None) for f in found)
        elif any(fnmatch.fnmatch(raw, g) or fnmatch.fnmatch(path.name, g) for g in exclude):
            continue
        else:
            out.append((raw, None))
    return out


def check_one(path: str, registry, *, data: bytes | None = None, encoding: str | None = None,
              fmt: str | None = None) -> FileResult:
    """Read and check one file; an unreadable file becomes a FileResult with its error."""
    from dsfact.check import check_document
    from dsfact.document import read_document, suppressed

    try:
        doc = read_document(path, data=data, encoding=encoding, format=fmt)
    except InputError as exc:
        return FileResult(path=path, error=exc.problem)
    except DsfactError as exc:
        return FileResult(path=path, error=str(exc))
    result = check_document(doc, registry)
    if doc.directives:
        kept, used = [], set()
        for f in result.findings:
            directive = suppressed(doc.directives, f.location.line, f.claim)
            if directive is None:
                kept.append(f)
            else:
                used.add(id(directive))
        result.findings = kept
        for d in doc.directives:
            if d.kind == "ignore" and id(d) not in used:
                ids = ", ".join(d.claims) or "any claim"
                result.warnings.append(f"{path}:{d.line}: unused suppression: no finding for {ids} here")
    return result


_WORKER_REGISTRY = None


def _worker_init(registry_path):
    global _WORKER_REGISTRY
    from dsfact.registry import load_registry

    _WORKER_REGISTRY = load_registry(registry_path)


def _worker(args) -> FileResult:
    path, encoding = args
    return check_one(path, _WORKER_REGISTRY, encoding=encoding)


def iter_results(files: list[tuple[str, str | None]], registry, registry_path, *, encoding, stdin_filename, jobs):
    """Results in input order; with jobs > 1, checked by a pool of processes."""
    readable = [p for p, err in files if err is None and p != "-"]
    if jobs is None:
        jobs = min(os.cpu_count() or 1, 4) if len(readable) >= PARALLEL_FROM else 1
    if jobs > 1 and len(readable) > 1:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(registry_path,))
        try:
            chunk = max(1, min(32, len(readable) // (jobs * 4) or 1))
            results = pool.map(_worker, [(p, encoding) for p in readable], chunksize=chunk)
            for path, err in files:
                if err is not None:
                    yield FileResult(path=path, error=err)
                elif path == "-":
                    yield _stdin_result(registry, encoding, stdin_filename)
                else:
                    yield next(results)
        finally:
            pool.shutdown(cancel_futures=True)
        return
    for path, err in files:
        if err is not None:
            yield FileResult(path=path, error=err)
        elif path == "-":
            yield _stdin_result(registry, encoding, stdin_filename)
        else:
            yield check_one(path, registry, encoding=encoding)


def _stdin_result(registry, encoding, stdin_filename) -> FileResult:
    from dsfact.document import detect_format

    data = sys.stdin.buffer.read()
    name = stdin_filename or "-"
    result = check_one(name, registry, data=data, encoding=encoding,
                       fmt=detect_format(stdin_filename) if stdin_filename else "text")
    return result


def exit_code(report: Report, fail_on: str) -> int:
    """The one place that decides the exit status: 2 for unreadable input, 1 for failing findings."""
    if any(r.error for r in report.files):
        return EXIT_ERROR
    failing = {"contradicted": {CONTRADICTED}, "disputed": {CONTRADICTED, DISPUTED}, "never": set()}[fail_on]
    if any(f.verdict in failing for r in report.files for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def run_check(*, paths, output, registry_path, fail_on, encoding, stdin_filename, include, exclude,
              changed, jobs, use_config=True) -> int:
    """Check the paths and write the report in the chosen format to stdout; return the exit code."""
    from dsfact.registry import load_registry

    if output is None:
        output = "table" if sys.stdout.isatty() else "lines"

    if paths.count("-") > 1:
        raise UsageError("standard input (-) can be named once")
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be at least 1")
    registry = load_registry(registry_path)
    files = collect_paths(paths, include, exclude)
    changed_lines = None
    if changed is not None:
        from dsfact.changes import changed_lines_for

        changed_lines = changed_lines_for([p for p, e in files if e is None and p != "-"], changed or None)
    report = Report()
    stream = output == "jsonl"
    progress = None
    if output == "table" and len(files) >= 50 and sys.stderr.isatty():
        progress = _progress(len(files))
    for result in iter_results(files, registry, registry_path, encoding=encoding,
                               stdin_filename=stdin_filename, jobs=jobs):
        if changed_lines is not None and result.error is None:
            lines = changed_lines.get(os.path.normpath(result.path), set())
            result.findings = [f for f in result.findings if f.location.line in lines]
        if result.error:
            sys.stderr.write(f"dsfact: error: {result.path}: {result.error}\n")
        for warning in result.warnings:
            sys.stderr.write(f"dsfact: warning: {warning}\n")
        report.files.append(result)
        if stream:
            from dsfact.render.json import render_jsonl_file

            sys.stdout.write(render_jsonl_file(result))
            sys.stdout.flush()
        if progress:
            progress.advance()
    if progress:
        progress.close()
    _render(report, output, registry)
    return exit_code(report, fail_on or "contradicted")


def _render(report: Report, output: str, registry) -> None:
    if output == "jsonl":
        return
    if output == "json":
        from dsfact.render.json import render_json

        sys.stdout.write(render_json(report))
    elif output == "table":
        from dsfact.render.table import make_console, render_table

        render_table(report, registry, make_console())
    elif output == "lines":
        from dsfact.render.lines import render_lines

        sys.stdout.write(render_lines(report))
    elif output == "github":
        from dsfact.render.github import render_github

        sys.stdout.write(render_github(report))
    elif output == "sarif":
        from dsfact.render.sarif import render_sarif

        sys.stdout.write(render_sarif(report, registry))


class _progress:
    """A Rich progress bar on stderr for long runs at a terminal."""

    def __init__(self, total: int) -> None:
        from rich.progress import Progress

        self._bar = Progress(transient=True)
        self._bar.start()
        self._task = self._bar.add_task("checking", total=total)

    def advance(self) -> None:
        self._bar.advance(self._task)

    def close(self) -> None:
        self._bar.stop()

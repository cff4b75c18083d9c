"""One `dsfact check` run: settle the settings, collect files, read and check each, render, decide
the exit code."""
from __future__ import annotations

import fnmatch
import os
import sys
from pathlib import Path

from dsfact.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, DsfactError, InputError, UsageError
from dsfact.model import CONTRADICTED, DISPUTED, FileResult, Report

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


def _matches(globs, name: str, *paths: str) -> bool:
    """Does a glob match the file's name, or one of its paths (forward slashes) at any depth?"""
    for g in globs:
        if fnmatch.fnmatch(name, g):
            return True
        for p in paths:
            if p and (fnmatch.fnmatch(p, g) or fnmatch.fnmatch(p, "*/" + g)):
                return True
    return False


def _slashed(path: str) -> str:
    return path.replace(os.sep, "/")


def collect_paths(paths: list[str], include, exclude, base: str | None = None) -> list[tuple[str, str | None]]:
    """Files to check, in a stable order, each with the error that stops it (None when readable).

    A file named on the command line is checked whatever its name, unless an exclude glob matches
    it; a directory contributes the files that match the include globs and not the exclude globs.
    A glob matches a file's name, or its path (relative to the directory walked, or to `base`, the
    directory of the config file) at any depth: "archive/*" skips drafts/archive/old.md.
    """
    from dsfact.config import DEFAULT_INCLUDE

    include = list(include) or list(DEFAULT_INCLUDE)
    exclude = list(exclude)
    base = os.path.abspath(base or os.getcwd())

    def from_base(p: str) -> str:
        rel = os.path.relpath(os.path.abspath(p), base)
        return "" if rel.startswith("..") else _slashed(rel)

    out: list[tuple[str, str | None]] = []
    for raw in paths:
        if raw == "-":
            out.append(("-", None))
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                kept = []
                for d in sorted(dirs):
                    full = os.path.join(root, d)
                    if d in SKIP_DIRS or _matches(exclude, d, _slashed(os.path.relpath(full, path)), from_base(full)):
                        continue
                    kept.append(d)
                dirs[:] = kept
                for name in sorted(files):
                    full = os.path.join(root, name)
                    rel = _slashed(os.path.relpath(full, path))
                    if _matches(include, name, rel, from_base(full)) and not _matches(
                            exclude, name, rel, from_base(full), _slashed(full)):
                        found.append(os.path.normpath(full))  # "./a.md" -> "a.md"
            if not found:
                out.append((raw, "no files to check in this directory (looked for " + ", ".join(include) + ")"))
            out.extend((f, None) for f in found)
        elif _matches(exclude, path.name, _slashed(raw), from_base(raw)):
            continue
        else:
            out.append((raw, None))
    return out


def check_one(path: str, registry, *, data: bytes | None = None, encoding: str | None = None,
              fmt: str | None = None, ignore: frozenset[str] = frozenset()) -> FileResult:
    """Read and check one file; an unreadable file (or one with a malformed directive) becomes a
    FileResult with its error. Inline directives are applied, and the ones that suppress nothing are
    reported as warnings; claims in `ignore` are dropped last."""
    from dsfact.check import check_document
    from dsfact.document import read_document

    try:
        doc = read_document(path, data=data, encoding=encoding, format=fmt)
    except InputError as exc:
        return FileResult(path=path, error=exc.problem)
    except DsfactError as exc:
        return FileResult(path=path, error=str(exc))
    result = check_document(doc, registry)
    if not doc.original.strip():
        result.warnings.append(f"{path}: empty file, nothing to check")
    if doc.directives:
        apply_directives(result, doc.directives, registry)
    if ignore:
        result.findings = [f for f in result.findings if f.claim not in ignore]
    return result


def apply_directives(result: FileResult, directives, registry) -> None:
    """Drop the findings the directives suppress; warn about directives that suppress nothing, that
    name a claim the registry does not have, or an `on` with no `off` before it."""
    from dsfact.document import suppressed

    kept, used = [], set()
    for f in result.findings:
        directive = suppressed(directives, f.location.line, f.claim)
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
            result.warnings.append(f"{path}:{d.line}: suppression names {', '.join(unknown)}, "
                                   f"which {'is not a claim' if len(unknown) == 1 else 'are not claims'} "
                                   "of the registry in use")
        if d.kind == "ignore" and id(d) not in used:
            ids = ", ".join(d.claims) or "any claim"
            result.warnings.append(f"{path}:{d.line}: unused suppression: no finding for {ids} here")
        elif d.kind == "off":
            if not in_off and id(d) not in used:
                result.warnings.append(f"{path}:{d.line}: unused suppression: no finding between "
                                       "'dsfact: off' and its 'dsfact: on'")
            in_off = True
        elif d.kind == "on":
            if not in_off:
                result.warnings.append(f"{path}:{d.line}: 'dsfact: on' without a 'dsfact: off' before it")
            in_off = False


_WORKER = {}


def _worker_init(registry, ignore, lean):
    _WORKER["registry"] = registry
    _WORKER["ignore"] = ignore
    _WORKER["lean"] = lean


def _worker(args) -> FileResult:
    path, encoding = args
    result = check_one(path, _WORKER["registry"], encoding=encoding, ignore=_WORKER["ignore"])
    if _WORKER["lean"]:  # the output will not show evidence: do not pickle every quote back to the parent
        from dataclasses import replace

        result.findings = [replace(f, evidence=()) for f in result.findings]
    return result


def _warm(registry) -> None:
    """Build here what every worker needs (the engine's modules and patterns, the registry's cue index):
    workers forked from this process start with it instead of each building its own."""
    from dsfact.check import find_findings

    find_findings("DeepSeek 1", registry)


def iter_results(files: list[tuple[str, str | None]], registry, *, encoding, stdin_filename, jobs,
                 ignore: frozenset[str] = frozenset(), lean: bool = False):
    """Results in input order; with jobs > 1, checked by a pool of processes."""
    readable = [p for p, err in files if err is None and p != "-"]
    if jobs is None:  # every core as soon as there is more than one file
        jobs = os.cpu_count() or 1
    jobs = min(jobs, len(readable))
    pool = None
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        _warm(registry)
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                                   initargs=(registry, ignore, lean))
        chunk = max(1, min(16, len(readable) // (jobs * 8) or 1))  # small chunks: no worker idles at the end
        checked = pool.map(_worker, [(p, encoding) for p in readable], chunksize=chunk)
    else:
        checked = (check_one(p, registry, encoding=encoding, ignore=ignore) for p in readable)
    try:
        for path, err in files:
            if err is not None:
                yield FileResult(path=path, error=err)
            elif path == "-":
                yield _stdin_result(registry, encoding, stdin_filename, ignore)
            else:
                yield next(checked)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _stdin_result(registry, encoding, stdin_filename, ignore=frozenset()) -> FileResult:
    from dsfact.document import MAX_FILE_BYTES, detect_format

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    name = stdin_filename or "-"
    return check_one(name, registry, data=data, encoding=encoding,
                     fmt=detect_format(stdin_filename) if stdin_filename else "text", ignore=ignore)


def changed_without_ref(args: list[str]) -> list[str]:
    """`--changed` takes an optional REF, so in `--changed draft.md` argparse would take the file for
    the REF (and pre-commit appends the file names right after a hook's args). As git does, a word
    that names an existing path (or -) is a path: `--changed draft.md` is `--changed= draft.md`.
    `--changed=REF` is always a REF."""
    out = list(args)
    for i, arg in enumerate(out[:-1]):
        if arg == "--":
            break
        if arg == "--changed":
            nxt = out[i + 1]
            if nxt == "-" or nxt.startswith("-") or os.path.exists(nxt):
                out[i] = "--changed="
    return out


def exit_code(report: Report, fail_on: str) -> int:
    """The one place that decides the exit status: 2 for unreadable input, 1 for failing findings."""
    if any(r.error for r in report.files):
        return EXIT_ERROR
    failing = {"contradicted": {CONTRADICTED}, "disputed": {CONTRADICTED, DISPUTED}, "never": set()}[fail_on]
    if any(f.verdict in failing for r in report.files for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _warning_line(warning: str, path: str) -> int | None:
    """The line a 'path:line: ...' warning is about."""
    rest = warning[len(path) + 1:] if warning.startswith(path + ":") else ""
    number = rest.split(":", 1)[0]
    return int(number) if number.isdigit() else None


def _keep_changed(result: FileResult, lines) -> None:
    """--changed: only findings (and suppression warnings) on changed lines."""
    result.findings = [f for f in result.findings if f.location is None or f.location.line in lines]
    result.warnings = [w for w in result.warnings
                       if (n := _warning_line(w, result.path)) is None or n in lines]


def run_check(*, paths, output, registry_path, fail_on, encoding, stdin_filename, include, exclude,
              changed, jobs, use_config=True) -> int:
    """Check the paths and write the report in the chosen format to stdout; return the exit code.

    Command-line values (and $DSFACT_REGISTRY, which arrives as `registry_path`) win over the
    configuration file, which wins over the defaults (see dsfact.config)."""
    from dsfact.config import load_registries, resolve_settings

    if output is None:
        output = "table"  # without colour codes when piped (render.table.make_console)
    if paths.count("-") > 1:
        raise UsageError("standard input (-) can be named once")
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be at least 1")
    settings = resolve_settings(paths, registry=registry_path, fail_on=fail_on, include=include or (),
                                exclude=exclude or (), use_config=use_config)
    for warning in settings.warnings:
        sys.stderr.write(f"dsfact: warning: {warning}\n")
    registry = load_registries(settings.registry)
    base = os.path.dirname(settings.config_file) if settings.config_file else None
    files = collect_paths(paths, settings.include, settings.exclude, base)
    changed_lines = None
    if changed is not None:
        from dsfact.changes import ALL_LINES, changed_lines_for

        on_disk = [p for p, e in files if e is None and p != "-"]
        changed_lines = changed_lines_for(on_disk, changed or None) if on_disk else {}
        if "-" in paths:  # standard input has no history to compare with: every line is new
            changed_lines[os.path.normpath(stdin_filename or "-")] = ALL_LINES
    report = Report()
    stream = output == "jsonl"
    progress = None
    if output == "table" and len(files) >= 50 and sys.stderr.isatty():
        progress = _progress(len(files))
    for result in iter_results(files, registry, encoding=encoding, stdin_filename=stdin_filename, jobs=jobs,
                               ignore=settings.ignore, lean=output in ("json", "jsonl", "lines", "github")):
        if changed_lines is not None and result.error is None:
            _keep_changed(result, changed_lines.get(os.path.normpath(result.path), set()))
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
    sys.stdout.write(render_report(report, output, registry))
    return exit_code(report, settings.fail_on)


def render_report(report: Report, output: str, registry, *, console=None) -> str:
    """The report in one output format, as text. The table is printed on `console` (stdout by
    default) and jsonl was streamed as the files were checked: for those the text is empty."""
    if output == "jsonl":
        return ""
    if output == "json":
        from dsfact.render.json import render_json

        return render_json(report)
    if output == "table":
        from dsfact.render.table import make_console, render_table

        render_table(report, registry, console if console is not None else make_console())
        return ""  # printed by the console
    if output == "lines":
        from dsfact.render.lines import render_lines

        return render_lines(report)
    if output == "github":
        from dsfact.render.github import render_github

        return render_github(report)
    if output == "sarif":
        from dsfact.render.sarif import render_sarif

        return render_sarif(report, registry)
    raise UsageError(f"unknown output format {output!r}")


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

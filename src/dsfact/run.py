"""One `dsfact check` run: settle the settings, collect files, read and check each, render, decide
the exit code."""
from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass

from dsfact.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, DsfactError, InputError, UsageError
from dsfact.model import FileResult, Notice, NoticeCode, Report, Severity

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


def collect_paths(paths: list[str], include, exclude, base: str | None = None, *, hidden: bool = False,
                  respect_ignore_files: bool = True) -> list[tuple[str, str | None]]:
    """Files to check, in a stable order, each with the error that stops it (None when readable).

    A directory walk skips hidden files and folders (unless `hidden`) and what `.gitignore`, `.ignore`
    and `.git/info/exclude` ignore (unless not `respect_ignore_files`), as ruff and ripgrep do. A
    directory the walk cannot read is reported as an unreadable file is.

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
        elif os.path.isdir(raw):
            found = _walk(raw, include, exclude, from_base, hidden=hidden, respect_ignore_files=respect_ignore_files)
            if not found:
                out.append((raw, "no files to check in this directory (looked for " + ", ".join(include) + ")"))
            out.extend(found)
        elif not _matches(exclude, os.path.basename(raw), _slashed(raw), from_base(raw)):
            out.append((raw, None))
    return out


def _walk(top: str, include, exclude, from_base, *, hidden: bool, respect_ignore_files: bool):
    """The files under `top` to check, depth first with names sorted (as os.walk top-down with sorted
    names), without recursion: a tree of any depth is walked. A directory that cannot be listed
    comes with its error."""
    rules = None
    if respect_ignore_files:
        from dsfact.ignorefiles import IgnoreRules

        rules = IgnoreRules(top)
    found: list[tuple[str, str | None]] = []
    stack = [top]
    while stack:
        root = stack.pop()
        try:
            with os.scandir(root) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.append((os.path.normpath(root), _unreadable_directory(exc)))
            continue
        if rules is not None:
            rules.add_directory(root)
        subdirs = []
        for entry in entries:
            name, full = entry.name, os.path.join(root, entry.name)
            is_dir = _is_dir(entry)
            if (not hidden and name.startswith(".")) or (rules is not None and rules.ignored(full, is_dir)):
                continue
            rel = _slashed(os.path.relpath(full, top))
            if is_dir:
                if not (name in SKIP_DIRS or entry.is_symlink() or _matches(exclude, name, rel, from_base(full))):
                    subdirs.append(full)
            elif _matches(include, name, rel, from_base(full)) and not _matches(
                    exclude, name, rel, from_base(full), _slashed(full)):
                found.append((os.path.normpath(full), None))  # "./a.md" -> "a.md"
        stack.extend(reversed(subdirs))
    return found


def _is_dir(entry) -> bool:
    try:
        return entry.is_dir()  # a symlink to a directory is one (and is not walked into, as os.walk)
    except OSError:
        return False


def _unreadable_directory(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot read this directory (permission denied)"
    return f"cannot read this directory ({exc.strerror or exc})"


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


@dataclass(frozen=True)
class Finish:
    """What is done to each file's result where it was checked (in a worker process, with --jobs), so
    that the parent receives it ready to write: keep the changed lines and the selected claims, render
    the table (in parallel: a big run spends more time drawing tables than checking), and drop the
    evidence the output will not show (so it is not pickled back)."""

    changed: dict | None = None  # path -> changed line numbers (--changed)
    select: frozenset = frozenset()  # --select
    quiet: bool = False
    table: tuple | None = None  # (width, colour system or None) of the console the table is drawn for
    lean: bool = False
    min_severity: str = "info"  # --min-severity: findings below it are not reported at all

    def apply(self, result: FileResult, registry) -> tuple[FileResult, str]:
        if self.changed is not None and result.error is None:
            _keep_changed(result, self.changed.get(os.path.normpath(result.path), set()))
        if self.select:
            result.findings = [f for f in result.findings if f.claim in self.select]
        if self.min_severity != "info":
            floor = SEVERITIES.index(self.min_severity)
            result.findings = [f for f in result.findings if SEVERITIES.index(finding_severity(f)) >= floor]
        text = ""
        if self.table is not None:
            visible = without_supported(result) if self.quiet else result
            if visible.findings or not self.quiet:
                text = _table_text(visible, registry, *self.table)
        if self.lean or self.table is not None:
            from dataclasses import replace

            result.findings = [replace(f, evidence=()) for f in result.findings]
        return result, text


def _table_text(result: FileResult, registry, width: int, color_system: str | None) -> str:
    import io

    from rich.console import Console

    from dsfact.render.table import render_file_table

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=color_system, force_terminal=color_system is not None,
                      highlight=False, emoji=False, soft_wrap=False)
    render_file_table(result, registry, console)
    return buffer.getvalue()


_WORKER = {}


def _worker_init(registry, ignore, finish):
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: one line, exit 130
    _WORKER["registry"] = registry
    _WORKER["ignore"] = ignore
    _WORKER["finish"] = finish


def _worker(args) -> tuple[FileResult, str]:
    path, encoding = args
    result = check_one(path, _WORKER["registry"], encoding=encoding, ignore=_WORKER["ignore"])
    return _WORKER["finish"].apply(result, _WORKER["registry"])


def _warm(registry) -> None:
    """Build here what every worker needs (the engine's modules and patterns, the registry's cue index):
    workers forked from this process start with it instead of each building its own."""
    from dsfact.check import find_findings

    find_findings("DeepSeek 1", registry)


CHUNK_BYTES = 64 * 1024  # about what a worker checks in a few tenths of a second


def _chunk_size(paths: list[str], jobs: int) -> int:
    """Files per task for the pool: small enough that no worker idles at the end, and that the first
    file's output is not held back behind a long chunk of big files; up to 16 short articles."""
    by_count = max(1, min(16, len(paths) // (jobs * 8) or 1))
    sample = paths[:64]
    sizes = []
    for p in sample:
        try:
            sizes.append(os.stat(p).st_size)
        except OSError:
            pass
    average = sum(sizes) / len(sizes) if sizes else 0
    by_size = max(1, int(CHUNK_BYTES // average)) if average else by_count
    return min(by_count, by_size)


def iter_results(files: list[tuple[str, str | None]], registry, *, encoding, stdin_filename, jobs,
                 ignore: frozenset[str] = frozenset()):
    """Results in input order; with jobs > 1, checked by a pool of processes."""
    for result, _ in iter_finished(files, registry, encoding=encoding, stdin_filename=stdin_filename, jobs=jobs,
                                   ignore=ignore):
        yield result


def iter_finished(files: list[tuple[str, str | None]], registry, *, encoding, stdin_filename, jobs,
                  ignore: frozenset[str] = frozenset(), finish: Finish = Finish()):
    """(result, pre-rendered text) per file, in input order; with jobs > 1, checked (and finished, see
    Finish) by a pool of processes."""
    readable = [p for p, err in files if err is None and p != "-"]
    if jobs is None:  # every core as soon as there is more than one file
        jobs = os.cpu_count() or 1
    jobs = min(jobs, len(readable))
    pool = None
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        _warm(registry)
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                                   initargs=(registry, ignore, finish))
        chunk = _chunk_size(readable, jobs)
        checked = pool.map(_worker, [(p, encoding) for p in readable], chunksize=chunk)
    else:
        checked = (finish.apply(check_one(p, registry, encoding=encoding, ignore=ignore), registry) for p in readable)
    try:
        for path, err in files:
            if err is not None:
                yield finish.apply(FileResult(path=path, error=err), registry)
            elif path == "-":
                yield finish.apply(_stdin_result(registry, encoding, stdin_filename, ignore), registry)
            else:
                yield next(checked)
    except BaseException:
        if pool is not None:  # interrupted: do not wait for the workers' queued files
            pool.shutdown(wait=False, cancel_futures=True)
            pool = None
        raise
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


# --fail-on: the severities that fail a run; "contradicted" and "disputed" are the names of error and
# warning from before findings had a severity.
FAIL_AT = {
    "error": {Severity.ERROR}, "warning": {Severity.ERROR, Severity.WARNING}, "never": set(),
    "contradicted": {Severity.ERROR}, "disputed": {Severity.ERROR, Severity.WARNING},
}


def exit_code(report: Report, fail_on: str) -> int:
    """The one place that decides the exit status: 2 for unreadable input, 1 for failing findings."""
    if any(r.error for r in report.files):
        return EXIT_ERROR
    failing = FAIL_AT[fail_on]
    if any(f.severity in failing for r in report.files for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _keep_changed(result: FileResult, lines) -> None:
    """--changed: only findings (and suppression warnings) on changed lines."""
    result.findings = [f for f in result.findings if f.location is None or f.location.line in lines]
    result.warnings = [w for w in result.warnings if w.line is None or w.line in lines]


def _claim_list(values) -> frozenset[str]:
    """--select/--ignore values: repeatable, each a comma-separated list of claim ids."""
    return frozenset(c.strip() for v in values or () for c in v.split(",") if c.strip())


def _use_color(color: str | None, stream) -> bool:
    """--color auto|always|never for plain-text output: auto is a terminal without NO_COLOR or TERM=dumb."""
    if color == "always":
        return True
    if color == "never":
        return False
    return bool(stream.isatty()) and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


STREAMED = ("lines", "jsonl", "github", "table")  # written file by file, in input order, as each is checked
STATISTICS_FORMATS = ("table", "lines", "github", "json")
PROGRESS_FROM = 50  # files: below this a run is short enough to need no progress bar


def run_check(*, paths, output, registry_path, fail_on, encoding, stdin_filename, include, exclude,
              changed, jobs, use_config=True, config_file=None, quiet=False, statistics=False, select=(),
              ignore=(), color="auto", hidden=False, respect_ignore_files=True, min_severity="info") -> int:
    """Check the paths and write the report in the chosen format to stdout; return the exit code.

    Command-line values (and $DSFACT_REGISTRY, which arrives as `registry_path`) win over the
    configuration file, which wins over the defaults (see dsfact.config). `select` and `ignore`
    narrow the claims of the run (and so the exit code); `quiet` only hides what needs no attention:
    supported findings, and the summary when nothing else is left."""
    from dsfact.config import load_registries, resolve_settings

    if output is None:
        output = "table"  # without colour codes when piped (render.table.make_console)
    if paths.count("-") > 1:
        raise UsageError("standard input (-) can be named once")
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if statistics and output not in STATISTICS_FORMATS:
        raise UsageError(f"--statistics goes with --format {', '.join(STATISTICS_FORMATS)} (not {output})")
    settings = resolve_settings(paths, registry=registry_path, fail_on=fail_on, include=include or (),
                                exclude=exclude or (), use_config=use_config, config_file=config_file)
    for warning in settings.warnings:
        sys.stderr.write(f"dsfact: warning: {warning}\n")
    registry = load_registries(settings.registry)
    selected, ignored = _claim_list(select), _claim_list(ignore)
    known = {c.id for c in registry.claims}
    for option, ids in (("--select", selected), ("--ignore", ignored)):
        unknown = sorted(ids - known)
        if unknown:
            sys.stderr.write(f"dsfact: warning: {option} names {', '.join(unknown)}, not "
                             f"{'a claim' if len(unknown) == 1 else 'claims'} of the registry in use\n")
    base = os.path.dirname(settings.config_file) if settings.config_file else None
    files = collect_paths(paths, settings.include, settings.exclude, base, hidden=hidden,
                          respect_ignore_files=respect_ignore_files)
    changed_lines = None
    if changed is not None:
        from dsfact.changes import ALL_LINES, changed_lines_for

        on_disk = [p for p, e in files if e is None and p != "-"]
        changed_lines = changed_lines_for(on_disk, changed or None) if on_disk else {}
        if "-" in paths:  # standard input has no history to compare with: every line is new
            changed_lines[os.path.normpath(stdin_filename or "-")] = ALL_LINES
    report = Report()  # everything the run found (the exit code and the summary count it)
    shown = Report()  # what is written: without supported findings under --quiet
    console = None
    table = None
    if output == "table":
        from dsfact.render.table import make_console

        console = make_console(color=color)
        table = (console.width, console.color_system if console.is_terminal else None)
    write_file = _file_writer(output)
    plain_color = _use_color(color, sys.stdout)
    progress = None
    if len(files) >= PROGRESS_FROM and sys.stderr.isatty() and not (output in STREAMED and sys.stdout.isatty()):
        progress = _progress(len(files))
    if min_severity not in SEVERITIES:
        raise UsageError(f"--min-severity must be one of {', '.join(SEVERITIES)} (got {min_severity!r})")
    finish = Finish(changed=changed_lines, select=selected, quiet=quiet, table=table,
                    lean=output in ("json", "jsonl", "lines", "github"), min_severity=min_severity)
    try:
        for result, text in iter_finished(files, registry, encoding=encoding, stdin_filename=stdin_filename,
                                          jobs=jobs, ignore=settings.ignore | ignored, finish=finish):
            if result.error:
                sys.stderr.write(f"dsfact: error: {result.path}: {result.error}\n")
            for warning in result.warnings:
                sys.stderr.write(f"dsfact: warning: {warning}\n")
            report.files.append(result)
            visible = without_supported(result) if quiet else result
            shown.files.append(visible)
            if write_file is not None:
                text = write_file(visible, plain_color)
            if text:
                _write(text, flush=True)
            if progress:
                progress.advance()
    finally:
        if progress:
            progress.close()
    clean = not any(r.error or r.findings for r in shown.files)
    if not (quiet and clean and output in ("lines", "github", "table")):  # machine formats are always whole
        try:
            tail = render_tail(report, shown, output, registry, console=console, statistics=statistics)
        except BrokenPipeError:  # a table drawn by Rich straight to stdout
            _broken_pipe()
            tail = ""
        _write(tail)
    if statistics and output != "json":  # JSON carries them in the document
        from dsfact.render import render_statistics

        _write(render_statistics(report, registry))
    return exit_code(report, settings.fail_on)  # whether or not the reader saw all of the report


_PIPE = {"broken": False}


def _broken_pipe() -> None:
    from dsfact.safe import discard_stdout

    _PIPE["broken"] = True
    discard_stdout()


def _write(text: str, flush: bool = False) -> None:
    """Write to stdout; when its reader has gone (| head -1), keep checking so that the exit status
    still says whether there were findings."""
    if _PIPE["broken"] or not text and not flush:
        return
    try:
        sys.stdout.write(text)
        if flush:
            sys.stdout.flush()
    except BrokenPipeError:
        _broken_pipe()


def without_supported(result: FileResult) -> FileResult:
    """The result as --quiet shows it: what needs attention only."""
    from dsfact.model import SUPPORTED

    return FileResult(path=result.path, findings=[f for f in result.findings if f.verdict != SUPPORTED],
                      error=result.error, warnings=result.warnings)


def _file_writer(output: str):
    """For lines, github and jsonl, a function from one file's result (and whether to colour) to the
    text to write as soon as it is checked; the table comes pre-rendered from iter_results."""
    if output == "lines":
        from dsfact.render.lines import render_file_lines

        return lambda result, color: render_file_lines(result, color=color)
    if output == "github":
        from dsfact.render.github import render_file_github

        return lambda result, color: render_file_github(result)
    if output == "jsonl":
        from dsfact.render.json import render_jsonl_file

        return lambda result, color: render_jsonl_file(result)
    return None


def render_tail(report: Report, shown: Report, output: str, registry, *, console=None,
                statistics: bool = False) -> str:
    """What follows the streamed files (their summary), or the whole report for json and sarif."""
    from dsfact.render import summary_line

    if output == "jsonl":
        return ""
    if output == "lines":
        return summary_line(report) + "\n"
    if output == "github":
        from dsfact.render.github import github_summary

        return github_summary(report)
    if output == "table":
        from dsfact.render.table import table_summary

        console.print(table_summary(report))
        return ""
    if output == "json":
        from dsfact.render.json import render_json

        return render_json(shown, summary_of=report, statistics=statistics)
    return render_report(shown, output, registry, console=console)


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
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(stderr=True), transient=True)
        self._bar.start()
        self._task = self._bar.add_task("checking", total=total)

    def advance(self) -> None:
        self._bar.advance(self._task)

    def close(self) -> None:
        self._bar.stop()

"""One `dsfact check` run as the command line does it: settle the settings, collect the files, have
dsfact.run check them, write the report to stdout as the results come (with a progress bar on a long
run at a terminal), and return the exit status (dsfact.cli.exits)."""
from __future__ import annotations

import os
import sys

from dsfact.cli.exits import exit_code
from dsfact.errors import UsageError
from dsfact.model import FileResult, Report
from dsfact.render import escape
from dsfact.run import SEVERITIES, Finish, collector_settled, iter_finished, without_supported
from dsfact.workspace.walk import collect_paths


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
              ignore=(), color="auto", hidden=False, respect_ignore_files=True, min_severity="info",
              force_exclude=False, contents: dict | None = None, changed_lines: dict | None = None,
              date: str | None = None) -> int:
    """Check the paths and write the report in the chosen format to stdout; return the exit code.

    Command-line values (and $DSFACT_REGISTRY, which arrives as `registry_path`) win over the
    configuration file, which wins over the defaults (see dsfact.workspace.settings). `select` and `ignore`
    narrow the claims of the run (and so the exit code); `quiet` only hides what needs no attention:
    supported findings, and the summary when nothing else is left. The git hook passes `contents` (the
    staged bytes of each path) and `changed_lines` (the lines the commit changes) instead of `changed`."""
    from dsfact.registry import load_registries, registry_warnings
    from dsfact.workspace.settings import resolve_settings

    output = output or "table"  # without colour codes when piped (render.table.make_console)
    _check_options(paths, jobs, statistics, output, min_severity)
    date = _date_option(date)
    settings = resolve_settings(paths, registry=registry_path, fail_on=fail_on, include=include or (),
                                exclude=exclude or (), use_config=use_config, config_file=config_file)
    for warning in settings.warnings:  # they name config files, whose folders anyone may have named
        sys.stderr.write(f"dsfact: warning: {escape.visible(warning)}\n")
    registry = load_registries(settings.registry)
    notices = list(registry_warnings(registry))  # the registry's own (an unknown key), at its lines
    for notice in notices:
        sys.stderr.write(f"dsfact: warning: {escape.visible(str(notice))}\n")
    selected, ignored = _claim_list(select), _claim_list(ignore)
    _warn_unknown_claims(registry, selected, ignored)
    base = os.path.dirname(settings.config_file) if settings.config_file else None
    files = collect_paths(paths, settings.include, settings.exclude, base, hidden=hidden,
                          respect_ignore_files=respect_ignore_files, force_exclude=force_exclude)
    if changed_lines is None and changed is not None:
        changed_lines = _changed_lines(files, changed, "-" in paths, stdin_filename)
    out = _Output(output, color, quiet)
    finish = Finish(changed=changed_lines, select=selected, render=out.in_worker, min_severity=min_severity,
                    lean=output in ("json", "jsonl", "lines", "github"))
    results = iter_finished(files, registry, encoding=encoding, stdin_filename=stdin_filename, jobs=jobs,
                            ignore=settings.ignore | ignored, finish=finish, contents=contents, date=date)
    with collector_settled(len(files)):
        report, shown = out.stream(results, len(files))
    report.warnings = shown.warnings = notices
    clean = not any(r.error or r.findings for r in shown.files)
    if not (quiet and clean and output in ("lines", "github", "table")):  # machine formats are always whole
        try:
            tail = render_tail(report, shown, output, registry, console=out.console, statistics=statistics)
        except BrokenPipeError:  # a table drawn by Rich straight to stdout
            _broken_pipe()
            tail = ""
        _write(tail)
    if statistics and output != "json":  # JSON carries them in the document
        from dsfact.render import render_statistics

        _write(render_statistics(report, registry))
    return exit_code(report, settings.fail_on)  # whether or not the reader saw all of the report


def _date_option(date: str | None) -> str | None:
    """--date as an ISO day, or a usage error."""
    if date is None:
        return None
    from dsfact.document.dated import valid_date

    found = valid_date(date.strip())
    if found is None:
        raise UsageError(f"--date {date!r}: expected a day written YYYY-MM-DD")
    return found


def _check_options(paths, jobs, statistics: bool, output: str, min_severity: str) -> None:
    """Options that do not go together, as one usage error."""
    if paths.count("-") > 1:
        raise UsageError("standard input (-) can be named once")
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if statistics and output not in STATISTICS_FORMATS:
        raise UsageError(f"--statistics goes with --format {', '.join(STATISTICS_FORMATS)} (not {output})")
    if min_severity not in SEVERITIES:
        raise UsageError(f"--min-severity must be one of {', '.join(SEVERITIES)} (got {min_severity!r})")


def _warn_unknown_claims(registry, selected, ignored) -> None:
    known = {c.id for c in registry.claims}
    for option, ids in (("--select", selected), ("--ignore", ignored)):
        unknown = sorted(ids - known)
        if unknown:
            sys.stderr.write(f"dsfact: warning: {option} names {', '.join(unknown)}, not "
                             f"{'a claim' if len(unknown) == 1 else 'claims'} of the registry in use\n")


def _changed_lines(files, ref: str, stdin: bool, stdin_filename: str | None) -> dict:
    """--changed [REF]: path -> the lines changed against REF (HEAD by default)."""
    from dsfact.changes import ALL_LINES, changed_lines_for

    on_disk = [p for p, e in files if e is None and p != "-"]
    lines = changed_lines_for(on_disk, ref or None) if on_disk else {}
    if stdin:  # standard input has no history to compare with: every line is new
        lines[os.path.normpath(stdin_filename or "-")] = ALL_LINES
    return lines


class _Output:
    """Where and how a run's results are written as they come: the console of the table, the colour
    of plain text, the text each file's result becomes."""

    def __init__(self, output: str, color: str, quiet: bool) -> None:
        self.output, self.quiet = output, quiet
        self.console = None
        self.in_worker = None  # (result, registry) -> its text, made where the file was checked
        if output == "table":
            from functools import partial

            from dsfact.render.table import make_console

            self.console = make_console(color=color)
            self.in_worker = partial(table_text, width=self.console.width, quiet=quiet,
                                     color_system=self.console.color_system if self.console.is_terminal else None)
        self.plain_color = _use_color(color, sys.stdout)
        if output in ("lines", "github", "jsonl"):  # with --jobs, the workers write the text, not the parent
            from functools import partial

            self.in_worker = partial(file_text, output=output, color=self.plain_color, quiet=quiet)

    def stream(self, results, total: int) -> tuple[Report, Report]:
        """Write each file's result as it comes; return everything the run found (the exit status and
        the summary count it) and what was shown (without supported findings under --quiet)."""
        report, shown = Report(), Report()
        progress = None
        if total >= PROGRESS_FROM and sys.stderr.isatty() and not (self.output in STREAMED and sys.stdout.isatty()):
            progress = _Progress(total)
        try:
            for result, text in results:
                if result.error:  # a name's line feed or ESC is shown, never sent (render.escape)
                    sys.stderr.write(f"dsfact: error: {escape.visible(f'{result.path}: {result.error}')}\n")
                for warning in result.warnings:
                    sys.stderr.write(f"dsfact: warning: {escape.visible(str(warning))}\n")
                report.files.append(result)
                visible = without_supported(result) if self.quiet else result
                shown.files.append(visible)
                if text:
                    _write(text, flush=True)
                if progress:
                    progress.advance()
        finally:
            if progress:
                progress.close()
        return report, shown


def table_text(result: FileResult, registry, *, width: int, color_system: str | None, quiet: bool) -> str:
    """One file's table as text, drawn for a console of this width and colour system (in a worker)."""
    import io

    from dsfact.render.table import console_class, render_file_table

    Console = console_class()

    visible = without_supported(result) if quiet else result
    if quiet and not visible.findings:
        return ""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=color_system, force_terminal=color_system is not None,
                      highlight=False, emoji=False, soft_wrap=False)
    render_file_table(visible, registry, console)
    return buffer.getvalue()


_PIPE = {"broken": False}


def _broken_pipe() -> None:
    from dsfact.cli.exits import discard_stdout

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


def file_text(result: FileResult, registry, *, output: str, color: bool, quiet: bool) -> str:
    """One file's result as lines, github or jsonl text, as soon as it is checked: in the worker that
    checked it (dsfact.run.Finish), so that with --jobs the parent only writes. Under --quiet, without
    its supported findings."""
    visible = without_supported(result) if quiet else result
    if output == "lines":
        from dsfact.render.lines import render_file_lines

        return render_file_lines(visible, color=color)
    if output == "github":
        from dsfact.render.github import render_file_github

        return render_file_github(visible)
    from dsfact.render.json import render_jsonl_file

    return render_jsonl_file(visible)


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


class _Progress:
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

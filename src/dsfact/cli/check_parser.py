"""`dsfact check`'s options, parsed with argparse, not Typer: a pre-commit hook runs `check` on every
commit, and importing Typer costs more than checking a short article. dsfact.cli.commands declares the
same options for `dsfact -h`, completion and CliRunner (tests/test_cli_vocabulary.py keeps them in step).
"""
from __future__ import annotations

import os
import sys

from dsfact.errors import EXIT_ERROR, EXIT_OK, UsageError

FORMATS = ("table", "json", "jsonl", "lines", "github", "sarif")
FAIL_ON = ("error", "warning", "never", "contradicted", "disputed")  # the last two: aliases of the first two
COLOR = ("auto", "always", "never")
SEVERITIES = ("info", "warning", "error")  # the same words as dsfact.run.SEVERITIES


def _option_suggestion(message: str, options) -> str:
    """' (did you mean --format?)' for the first unknown option in an argparse message, or ''."""
    import difflib

    if "unrecognized arguments:" not in message:
        return ""
    for word in message.split(":", 1)[1].split():
        if word.startswith("-"):
            close = difflib.get_close_matches(word.split("=", 1)[0], options, n=1, cutoff=0.6)
            if close:
                return f" (did you mean {close[0]}?)"
    return ""


def _help_width() -> int:
    """The width help is wrapped to, as argparse computes it (the terminal's, or $COLUMNS, less 2) but
    without shutil: argparse makes a formatter for every option it declares, and importing shutil (and
    with it bz2 and lzma) is a noticeable part of a hook's start-up."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns or 80) - 2


def check_parser():
    """The options of `dsfact check`. Parsed with argparse, not Typer: a pre-commit hook runs this on
    every commit, and importing Typer costs more than the whole check of a short article. No option
    may be abbreviated (`--form` is not `--format`), and a mistyped one is one line on stderr naming
    the nearest real option."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str):  # one line, as every other dsfact error, instead of usage + error
            options = [o for a in self._actions for o in a.option_strings]
            raise UsageError(f"dsfact check: {message}{_option_suggestion(message, options)} "
                             "(dsfact check -h lists the options)")

    class Formatter(argparse.HelpFormatter):
        def __init__(self, prog: str) -> None:
            super().__init__(prog, width=_help_width())

    parser = Parser(
        prog="dsfact check", description="Check files for figures that state a registered claim.",
        allow_abbrev=False, formatter_class=Formatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to check; - reads standard input")
    parser.add_argument("-f", "--format", default=None, choices=FORMATS, metavar="FORMAT",
                        help="output format: " + ", ".join(FORMATS) + " (default: table; hooks and editors want lines)")
    parser.add_argument("-r", "--registry", default=None, metavar="PATH",
                        help="registry YAML (default: $DSFACT_REGISTRY or the bundled one)")
    parser.add_argument("--fail-on", choices=FAIL_ON, default=None, metavar="LEVEL",
                        help="exit 1 on a finding of this severity or worse: error (default), warning, never "
                             "(contradicted and disputed are the older names of error and warning)")
    parser.add_argument("--encoding", default=None, metavar="NAME", help="force the input encoding (default: detect)")
    parser.add_argument("--stdin-filename", default=None, metavar="NAME", help="name (and so format) of standard input")
    parser.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                        help="the date the text was written, for files that give none of their own (front matter, "
                             "an HTML publication date, a dateline): 'last year', 'yesterday', 'on Monday' count from it")
    parser.add_argument("--include", action="append", default=[], metavar="GLOB",
                        help="glob of files to check in directories (repeatable)")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="glob of files to skip (repeatable)")
    parser.add_argument("--changed", nargs="?", const="", default=None, metavar="REF",
                        help="report only lines changed against REF (default: HEAD, so the staged and unstaged "
                             "changes); a following word that names a file is a file: use --changed=REF")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help="worker processes (default: every core when the files add up to more than 48 KB, else one)")
    parser.add_argument("--no-config", action="store_true", help="ignore pyproject.toml / .dsfact.toml settings")
    parser.add_argument("--config", default=None, metavar="PATH",
                        help="read the settings from this file instead of searching for one")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="only what needs attention: no supported findings, no summary when clean")
    parser.add_argument("--statistics", action="store_true", help="counts per claim and verdict after the report")
    parser.add_argument("--select", action="append", default=[], metavar="CLAIM[,CLAIM...]",
                        help="report only these claims (repeatable)")
    parser.add_argument("--ignore", action="append", default=[], metavar="CLAIM[,CLAIM...]",
                        help="never report these claims (repeatable; adds to the config's ignore)")
    parser.add_argument("--color", choices=COLOR, default="auto", metavar="WHEN",
                        help="colour: auto (on a terminal, unless NO_COLOR is set), always, never")
    parser.add_argument("--min-severity", choices=SEVERITIES, default="info", metavar="LEVEL",
                        help="report only findings at or above: info (default: all), warning, error")
    parser.add_argument("--hidden", action="store_true", help="walk hidden files and folders too")
    parser.add_argument("--force-exclude", action="store_true",
                        help="apply the exclude globs to files named on the command line too (as pre-commit names "
                             "every staged file); without it a file named is always checked")
    parser.add_argument("--no-ignore", action="store_true",
                        help="walk what .gitignore, .ignore and .git/info/exclude ignore too")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the registry cache (also: DSFACT_NO_CACHE=1)")
    parser.add_argument("--cache-dir", default=None, metavar="DIR",
                        help="the cache directory (default: $DSFACT_CACHE_DIR, else $XDG_CACHE_HOME/dsfact, "
                             "else ~/.cache/dsfact); it must belong to you and be writable by no one else")
    return parser


def run_check_command(args: list[str], **given) -> int:
    """`dsfact check ARGS`: parse, check, render; returns the exit code. `given` goes to run_check as
    it is (the hook's staged contents and changed lines)."""
    opts = plain_options(args)
    if opts is not None:
        return run_check_options(opts, **given)
    parser = check_parser()
    try:
        parsed = parser.parse_args(changed_without_ref(args))
    except SystemExit as exc:  # argparse has printed the help
        return EXIT_OK if exc.code == 0 else EXIT_ERROR
    return run_check_options(vars(parsed), **given)


def run_check_options(opts: dict, **given) -> int:
    """Run a check from parsed options (argparse's, or Typer's for completion and CliRunner)."""
    from dsfact.cli.report import run_check

    if opts.get("no_cache") or opts.get("cache_dir") is not None:
        from dsfact.registry import cache

        cache.configure(directory=opts.get("cache_dir"), enabled=not opts.get("no_cache"))
    return run_check(
        paths=opts["paths"], output=opts["format"],
        registry_path=opts["registry"] or os.environ.get("DSFACT_REGISTRY"),
        fail_on=opts["fail_on"], encoding=opts["encoding"], stdin_filename=opts["stdin_filename"],
        include=opts["include"], exclude=opts["exclude"], changed=opts["changed"], jobs=opts["jobs"],
        use_config=not opts["no_config"], config_file=opts["config"], quiet=opts["quiet"],
        statistics=opts["statistics"], select=opts["select"], ignore=opts["ignore"], color=opts["color"],
        hidden=opts["hidden"], respect_ignore_files=not opts["no_ignore"], min_severity=opts["min_severity"],
        force_exclude=opts.get("force_exclude", False), date=opts.get("date"),
        **given,
    )


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


# What an argv of paths and the common options parses to, without argparse (importing it and declaring the
# options cost a twentieth of a short article's check): each option below takes no value, or (--format, -f) one
# of FORMATS. tests/test_check_parser.py keeps these in step with check_parser's declarations.
_FLAGS = {"--no-config": "no_config", "-q": "quiet", "--quiet": "quiet", "--statistics": "statistics",
          "--hidden": "hidden", "--force-exclude": "force_exclude", "--no-ignore": "no_ignore",
          "--no-cache": "no_cache"}
_DEFAULTS = {"format": None, "registry": None, "fail_on": None, "encoding": None, "stdin_filename": None,
             "date": None, "include": [], "exclude": [], "changed": None, "jobs": None, "no_config": False,
             "config": None, "quiet": False, "statistics": False, "select": [], "ignore": [], "color": "auto",
             "min_severity": "info", "hidden": False, "force_exclude": False, "no_ignore": False, "no_cache": False,
             "cache_dir": None}


def plain_options(args: list[str]) -> dict | None:
    """The options check_parser reads from `args` when they are paths (none beginning with "-") in one run, or
    every word after "--", and the options of _FLAGS and --format (-f) with a format: what a hook or an editor
    passes. None for any other argv, which check_parser reads (and reports the faults of)."""
    opts = {**_DEFAULTS, "include": [], "exclude": [], "select": [], "ignore": []}
    paths: list[str] = []
    closed = False  # an option came after the paths: argparse takes no more
    i, count = 0, len(args)
    while i < count:
        arg = args[i]
        i += 1
        if not arg.startswith("-"):
            if closed:
                return None
            paths.append(arg)
            continue
        closed = bool(paths)
        if arg == "--":  # what follows is paths, whatever they begin with (the git hook's argv)
            if paths or i == count:
                return None
            paths = list(args[i:])
            break
        if arg in _FLAGS:
            opts[_FLAGS[arg]] = True
        elif arg.startswith("--format="):
            opts["format"] = arg[len("--format="):]
        elif arg in ("--format", "-f") and i < count:
            opts["format"] = args[i]
            i += 1
        else:
            return None
        if opts["format"] not in (None, *FORMATS):
            return None
    if not paths:
        return None
    opts["paths"] = paths
    return opts

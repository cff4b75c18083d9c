"""The command line. `main` sends `check` straight to an argparse parser (a pre-commit hook runs it on
every commit, and importing Typer costs more than checking a short article); every other command goes to
the Typer app in dsfact.commands. Heavy modules (rich, yaml, rapidfuzz, the engine) are imported inside
the functions that use them.
"""
from __future__ import annotations

import os
import sys

from dsfact.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, DsfactError

FORMATS = ("table", "json", "jsonl", "lines", "github", "sarif")
FAIL_ON = ("contradicted", "disputed", "never")


def check_parser():
    """The options of `dsfact check`. Parsed with argparse, not Typer: a pre-commit hook runs this on
    every commit, and importing Typer costs more than the whole check of a short article."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="dsfact check", description="Check files for figures that state a registered claim.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to check; - reads standard input")
    parser.add_argument("-f", "--format", default=None, choices=FORMATS,
                        help="output format (default: table; hooks and editors want lines)")
    parser.add_argument("-r", "--registry", default=None, help="registry YAML (default: $DSFACT_REGISTRY or the bundled one)")
    parser.add_argument("--fail-on", choices=FAIL_ON, default=None, help="exit 1 on: contradicted (default), disputed, never")
    parser.add_argument("--encoding", default=None, help="force the input encoding (default: detect)")
    parser.add_argument("--stdin-filename", default=None, help="name (and so format) of standard input")
    parser.add_argument("--include", action="append", default=[], help="glob of files to check in directories (repeatable)")
    parser.add_argument("--exclude", action="append", default=[], help="glob of files to skip (repeatable)")
    parser.add_argument("--changed", nargs="?", const="", default=None, metavar="REF",
                        help="report only lines changed against REF (default: HEAD, so the staged and unstaged "
                             "changes); a following word that names a file is a file: use --changed=REF")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: auto for many files)")
    parser.add_argument("--no-config", action="store_true", help="ignore pyproject.toml / .dsfact.toml settings")
    return parser


def run_check_command(args: list[str]) -> int:
    """`dsfact check ARGS`: parse, check, render; returns the exit code."""
    from dsfact.run import changed_without_ref, run_check

    parser = check_parser()
    try:
        opts = parser.parse_args(changed_without_ref(args))
    except SystemExit as exc:  # argparse has printed its usage line or help
        return EXIT_OK if exc.code == 0 else EXIT_ERROR

    return run_check(
        paths=opts.paths, output=opts.format, registry_path=opts.registry or os.environ.get("DSFACT_REGISTRY"),
        fail_on=opts.fail_on, encoding=opts.encoding, stdin_filename=opts.stdin_filename,
        include=opts.include, exclude=opts.exclude, changed=opts.changed, jobs=opts.jobs,
        use_config=not opts.no_config,
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turn every DsfactError into one line on stderr and an exit code."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        if args and args[0] == "check":  # the hot path: no Typer import
            return run_check_command(args[1:])
        from dsfact.commands import app

        code = app(args=args, prog_name="dsfact", standalone_mode=False)
        return code if isinstance(code, int) else EXIT_OK
    except DsfactError as exc:
        from dsfact.errors import RegistryError

        lines = exc.lines() if isinstance(exc, RegistryError) else [str(exc)]
        for line in lines:
            sys.stderr.write(f"dsfact: error: {line}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("dsfact: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's flush at exit
        except OSError:
            pass
        return EXIT_OK
    except Exception as exc:  # click's usage errors and anything unforeseen: one line, never a traceback
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # a usage error from the option parser
            exc.show()
            return EXIT_ERROR
        if type(exc).__name__ == "Abort":
            return EXIT_INTERRUPTED
        sys.stderr.write(f"dsfact: internal error: {type(exc).__name__}: {exc}\n")
        return EXIT_ERROR


def __getattr__(name: str):
    if name == "app":  # dsfact.cli.app, for typer's CliRunner, without importing Typer for `check`
        from dsfact.commands import app

        return app
    raise AttributeError(name)

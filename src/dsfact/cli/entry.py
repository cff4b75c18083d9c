"""The entry point: `dsfact ARGS`. `check` goes straight to the argparse parser of dsfact.cli.check_parser
(the hot path: no Typer import); every other command to the Typer app in dsfact.cli.commands. Every
error ends in dsfact.cli.exits.guarded. Heavy modules (rich, yaml, rapidfuzz, the engine) are imported
inside the functions that use them.
"""
from __future__ import annotations

import os
import sys

from dsfact.cli.exits import end_process, guarded, say
from dsfact.errors import EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run dsfact with `argv` (default: sys.argv[1:]); return the exit status. Without `argv` this is the
    process's entry (the console script, python -m dsfact): a check then ends the process itself once its
    output is flushed (dsfact.cli.exits.end_process), skipping the interpreter's teardown."""
    args = sys.argv[1:] if argv is None else list(argv)
    if sys.stdout is None:  # started with stdout closed (>&-): the report is lost, the exit status is not
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
        say("dsfact: warning: standard output is closed; the report is discarded\n")
    code = guarded(_dispatch, args)
    if argv is None and args[:1] == ["check"]:  # the process's own entry (the console script, python -m dsfact)
        return end_process(code)
    return code


def _dispatch(args: list[str]) -> int:
    if args and args[0] in ("--version", "-V"):
        from dsfact import __version__

        sys.stdout.write(f"dsfact {__version__}\n")
        return EXIT_OK
    if args and args[0] == "check":  # the hot path: no Typer import
        import gc

        # Until the files are read (dsfact.run.collector_settled turns it on), a check builds only what lives
        # as long as the run (modules, the registry, its cue index, compiled patterns): collecting that is
        # wasted, 2% of a short article's check.
        enabled = gc.isenabled()
        gc.disable()
        try:
            from dsfact.cli.check_parser import run_check_command

            return run_check_command(args[1:])
        finally:
            if enabled:
                gc.enable()
    from dsfact.cli.commands import app

    code = app(args=args, prog_name="dsfact", standalone_mode=False)
    return code if isinstance(code, int) else EXIT_OK

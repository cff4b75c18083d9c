"""The command line (the top layer): everything that reads argv, prints, or picks an exit status.

    entry.py         main(): `dsfact ARGS`; `check` without Typer, the rest through the Typer app
    exits.py         the exit policy (exit_code) and the one error handler (guarded)
    check_parser.py  `dsfact check`'s options (argparse: cheap to start on every commit)
    commands.py      the Typer app: every other command, and check's options again for help and completion
    report.py        one check run: settings, files, checking (dsfact.run), writing the report, the status
    config.py        `dsfact config`: the settings in force and where each came from
    git.py           what is staged for a commit (for the hook)
    hook.py          `dsfact hook install|uninstall`, and what the installed hook runs

The settings and the files of a run are dsfact.workspace's, one layer down, which the language server
and the archive share. `import dsfact.cli` loads none of rich, yaml, rapidfuzz or typer (tests/test_imports.py).
"""
from __future__ import annotations

from dsfact.cli.entry import main

__all__ = ["main"]


def __getattr__(name: str):
    if name == "app":  # dsfact.cli.app, for typer's CliRunner, without importing Typer for `check`
        from dsfact.cli.commands import app

        return app
    raise AttributeError(name)

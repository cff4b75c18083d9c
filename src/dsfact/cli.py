"""The command line: thin commands that parse options, call one core function, render and exit.

Heavy modules (rich, yaml, rapidfuzz, the engine) are imported inside the commands that use them, so
that `dsfact check` on one file starts fast enough for a pre-commit hook.
"""
from __future__ import annotations

import os
import sys
from typing import List, Optional

import typer

from dsfact.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, DsfactError, UsageError

app = typer.Typer(
    name="dsfact",
    help="Check the figures in news text against a registry of sourced claims.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

FORMATS = ("table", "json", "jsonl", "lines", "github", "sarif")
FAIL_ON = ("contradicted", "disputed", "never")

RegistryOption = typer.Option(
    None, "--registry", "-r", envvar="DSFACT_REGISTRY", help="Registry YAML (default: the bundled DeepSeek one)."
)


def _registry(path: Optional[str]):
    from dsfact.registry import load_registry

    return load_registry(path)


def _stdout_console(width: Optional[int] = None):
    from dsfact.render.table import make_console

    return make_console(width=width)


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Files or directories to check; - reads standard input."),
    format: str = typer.Option("table", "--format", "-f", help=f"Output: {', '.join(FORMATS)}."),
    registry: Optional[str] = RegistryOption,
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit 1 on: contradicted (default), disputed, never."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force the input encoding (default: detect)."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Name (and so format) for stdin."),
    include: List[str] = typer.Option([], "--include", help="Glob of files to check in directories (repeatable)."),
    exclude: List[str] = typer.Option([], "--exclude", help="Glob of files to skip (repeatable)."),
    changed: Optional[str] = typer.Option(None, "--changed", help="Report only lines changed against REF ('' = staged)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: auto for many files)."),
) -> None:
    """Check files for figures that state a registered claim."""
    from dsfact.run import run_check

    if format not in FORMATS:
        raise UsageError(f"unknown --format {format!r} (choose from {', '.join(FORMATS)})")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(f"unknown --fail-on {fail_on!r} (choose from {', '.join(FAIL_ON)})")
    code = run_check(
        paths=paths, output=format, registry_path=registry, fail_on=fail_on, encoding=encoding,
        stdin_filename=stdin_filename, include=include, exclude=exclude, changed=changed, jobs=jobs,
    )
    raise typer.Exit(code)


@app.command()
def parse(
    text: str = typer.Argument(..., help="The text to read figures from."),
    format: str = typer.Option("table", "--format", "-f", help="Output: table or json."),
) -> None:
    """Show the figures the numeric engine reads in TEXT."""
    import json

    from dsfact.numbers import parse_quantities, quantity_to_dict

    quantities = [quantity_to_dict(q) for q in parse_quantities(text)]
    if format == "json":
        sys.stdout.write(json.dumps(quantities, ensure_ascii=False, indent=2) + "\n")
        return
    if format != "table":
        raise UsageError(f"unknown --format {format!r} (choose from table, json)")
    from rich.table import Table

    table = Table("Text", "Value", "Unit", "Qualifier", "Span", "Other")
    for q in quantities:
        other = ", ".join(f"{k}={q[k]}" for k in ("high", "per", "direction") if q.get(k) is not None)
        table.add_row(q["text"], str(q["value"]), q["unit"], q.get("qualifier") or "",
                      f"{q['start']}-{q['end']}", other)
    console = _stdout_console()
    console.print(table if quantities else "no figures found")


@app.command()
def validate(path: Optional[str] = typer.Argument(None, help="Registry YAML (default: the bundled one).")) -> None:
    """Check a registry: schema, unique ids, quotes found verbatim, values read back from the quotes."""
    from dsfact.registry import default_registry_path, load_registry, registry_warnings, validate_registry

    target = path or os.environ.get("DSFACT_REGISTRY") or str(default_registry_path())
    reg = load_registry(target, use_cache=False)
    for line, message in registry_warnings(reg):
        sys.stderr.write(f"{target}:{line}: warning: {message}\n")
    faults = validate_registry(reg)
    for line, message in faults:
        sys.stderr.write(f"{target}:{line}: {message}\n")
    if faults:
        sys.stderr.write(f"{target}: {len(faults)} problem{'s' if len(faults) != 1 else ''}\n")
        raise typer.Exit(EXIT_ERROR)
    statements = sum(len(c.statements) for c in reg.claims)
    sys.stdout.write(f"{target}: ok: {len(reg.claims)} claims, {statements} statements, "
                     f"{len(reg.sources)} sources; every quote found and read back\n")


@app.command()
def claims(
    claim_id: Optional[str] = typer.Argument(None, help="A claim id (e.g. C01), a topic, or a word to match."),
    registry: Optional[str] = RegistryOption,
    format: str = typer.Option("table", "--format", "-f", help="Output: table or json."),
) -> None:
    """Browse the registry's claims."""
    from dsfact.browse import render_claims

    render_claims(_registry(registry), claim_id, format, _stdout_console())


@app.command()
def sources(
    registry: Optional[str] = RegistryOption,
    format: str = typer.Option("table", "--format", "-f", help="Output: table or json."),
) -> None:
    """List the registry's sources."""
    from dsfact.browse import render_sources

    render_sources(_registry(registry), format, _stdout_console())


def main(argv: Optional[List[str]] = None) -> int:
    """Entry point: run the app, turn every DsfactError into one line on stderr and an exit code."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        code = app(args=args, prog_name="dsfact", standalone_mode=False)
        return code if isinstance(code, int) else EXIT_OK
    except typer.Exit as exc:
        return exc.exit_code
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
    return EXIT_OK


__all__ = ["app", "main", "EXIT_OK", "EXIT_FINDINGS", "EXIT_ERROR"]

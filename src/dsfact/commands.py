"""The Typer app: every command but the hot `check` path, which cli.main parses without Typer."""
from __future__ import annotations

import os
import sys
from typing import List, Optional

import typer

from dsfact.cli import FAIL_ON, FORMATS, run_check_command
from dsfact.errors import EXIT_ERROR, UsageError

app = typer.Typer(
    name="dsfact",
    help="Check the figures in news text against a registry of sourced claims.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

RegistryOption = typer.Option(
    None, "--registry", "-r", envvar="DSFACT_REGISTRY", help="Registry YAML (default: the bundled DeepSeek one)."
)


def _registry(path: Optional[str]):
    from dsfact.registry import load_registry

    return load_registry(path)


def _stdout_console(width: Optional[int] = None):
    from dsfact.render.table import make_console

    return make_console(width=width)


@app.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
def check(ctx: typer.Context) -> None:
    """Check files for figures that state a registered claim (dsfact check --help for options)."""
    raise typer.Exit(run_check_command(list(ctx.args)))


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



"""The Typer app: every command but the hot `check` path, which cli.main parses without Typer."""
from __future__ import annotations

import os
import sys
from typing import List, Optional

import typer

from dsfact.cli import FAIL_ON, run_check_command
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
    from dsfact.errors import RegistryError

    try:
        reg = load_registry(target, use_cache=False)
    except RegistryError as exc:  # schema faults, unreadable sources, quotes not in their sources
        for line in exc.lines():
            sys.stderr.write(f"dsfact: error: {line}\n")
        raise typer.Exit(EXIT_ERROR) from None
    for line, message in registry_warnings(reg):
        sys.stderr.write(f"{target}:{line}: warning: {message}\n")
    from dsfact.audit import derived_faults

    derived_errors, derived_warnings = derived_faults(reg)
    for line, message in derived_warnings:
        sys.stderr.write(f"{target}:{line}: warning: {message}\n")
    faults = sorted(validate_registry(reg) + list(derived_errors))
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




# --- dsfact compare / dsfact audit (src/dsfact/compare.py, src/dsfact/audit.py) -----------------------

@app.command()
def compare(
    topic: str = typer.Argument("all", help="A topic (cost, gpus, price, market, time, all), a claim id, or a word."),
    registry: Optional[str] = RegistryOption,
    format: str = typer.Option("table", "--format", "-f", help="Output: table or json."),
    chart: bool = typer.Option(False, "--chart", help="Draw a bar chart of rows that share a unit."),
) -> None:
    """Show, side by side, what every source says about a topic, and where they disagree."""
    from dsfact.compare import run_compare

    raise typer.Exit(run_compare(_registry(registry), topic, output=format, chart=chart, console=_stdout_console()))


@app.command()
def audit(
    registry: Optional[str] = RegistryOption,
    format: str = typer.Option("table", "--format", "-f", help="Output: table or json."),
) -> None:
    """Recompute every derived figure in the registry from the figures it depends on."""
    from dsfact.audit import run_audit

    raise typer.Exit(run_audit(_registry(registry), output=format, console=_stdout_console()))


# --- dsfact hook install / dsfact config (src/dsfact/hook.py, src/dsfact/config.py) ------------------

hook_app = typer.Typer(help="Install dsfact as a git pre-commit hook (for repositories without pre-commit).",
                       no_args_is_help=True)
app.add_typer(hook_app, name="hook")


@hook_app.command("install")
def hook_install(
    repo: str = typer.Option(".", "--repo", help="The git repository (default: the current directory)."),
    chain: bool = typer.Option(False, "--chain", help="Keep an existing pre-commit hook and run it first."),
    force: bool = typer.Option(False, "--force", help="Replace an existing hook (it is kept as pre-commit.dsfact-old)."),
) -> None:
    """Write .git/hooks/pre-commit that checks the staged files with dsfact."""
    from dsfact.hook import install_hook

    raise typer.Exit(install_hook(repo, chain=chain, force=force))


@app.command()
def config(
    paths: List[str] = typer.Argument(None, help="Files or directories whose settings to show (default: .)."),
    format: str = typer.Option("table", "--format", "-f", help="Output: table or json."),
    registry: Optional[str] = typer.Option(None, "--registry", "-r", help="As for check: a registry that wins."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="As for check: contradicted, disputed, never."),
    include: List[str] = typer.Option([], "--include", help="As for check (repeatable)."),
    exclude: List[str] = typer.Option([], "--exclude", help="As for check (repeatable)."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore pyproject.toml / .dsfact.toml."),
) -> None:
    """Print the settings in force and the file each came from (with check's options, what they change)."""
    from dsfact.config import show_config

    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on must be one of {', '.join(FAIL_ON)} (got {fail_on!r})")
    raise typer.Exit(show_config(paths or ["."], output=format, console=_stdout_console(), registry=registry,
                                 fail_on=fail_on, include=include, exclude=exclude, use_config=not no_config))

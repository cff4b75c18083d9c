"""The Typer app: every command but the hot `check` path, which dsfact.cli.entry sends to check_parser.

One vocabulary across commands: `-r/--registry PATH` wherever a registry is read, `-f/--format FORMAT`
wherever there is output (a format a command cannot write is a usage error, exit 2), `-h/--help`
everywhere, and real metavariables in the help.
"""
from __future__ import annotations

import os
import sys
from typing import List, Literal, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from dsfact.cli.check_parser import FORMATS, run_check_options
from dsfact.errors import EXIT_ERROR, UsageError


class _PlainArgument(TyperArgument):
    """An argument shown in help by its metavariable alone (Typer would add `<list[str]>`)."""

    def display_type_rich(self, ctx):
        return None


class _Command(TyperCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _PlainArgument


class _Group(TyperGroup):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _PlainArgument


CONTEXT = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="dsfact",
    help="Check the figures in news text against a registry of sourced claims.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
    cls=_Group,
)

RegistryOption = typer.Option(
    None, "--registry", "-r", envvar="DSFACT_REGISTRY", metavar="PATH",
    help="Registry YAML (default: the bundled DeepSeek one).",
)
TableOrJson = Literal["table", "json"]


def format_option(help: str = "Output: table or json.", default: str = "table"):
    return typer.Option(default, "--format", "-f", metavar="FORMAT", help=help)


def _version(value: bool) -> None:
    if value:
        from dsfact import __version__

        sys.stdout.write(f"dsfact {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", is_eager=True, callback=_version,
                                 help="Print dsfact's version and exit."),
) -> None:
    """Check the figures in news text against a registry of sourced claims."""


def _registry(path: Optional[str]):
    from dsfact.registry import load_registry

    return load_registry(path)


def _stdout_console(width: Optional[int] = None):
    from dsfact.render.table import make_console

    return make_console(width=width)


# `dsfact check` is parsed by argparse in dsfact.cli (the hot path). This declaration mirrors its options
# so that `dsfact -h`, shell completion and CliRunner know them; tests/test_cli_vocabulary.py keeps the
# two in step.
CheckFormat = Literal["table", "json", "jsonl", "lines", "github", "sarif"]
FailOn = Literal["error", "warning", "never", "contradicted", "disputed"]


@app.command(cls=_Command)
def check(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Files or directories to check; - reads standard input."),
    format: Optional[CheckFormat] = typer.Option(None, "--format", "-f", metavar="FORMAT",
                                                 help="Output: " + ", ".join(FORMATS) + " (default: table)."),
    registry: Optional[str] = typer.Option(None, "--registry", "-r", metavar="PATH",
                                           help="Registry YAML (default: $DSFACT_REGISTRY or the bundled one)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", metavar="LEVEL",
                                             help="Exit 1 on a finding of this severity or worse: error (default), "
                                                  "warning, never (contradicted, disputed: older names)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", metavar="NAME", help="Force the input encoding."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", metavar="NAME",
                                                 help="Name (and so format) of standard input."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD",
                                       help="The date the text was written, for files that give none of their own."),
    include: List[str] = typer.Option([], "--include", metavar="GLOB", help="Files to check in directories (repeatable)."),
    exclude: List[str] = typer.Option([], "--exclude", metavar="GLOB", help="Files to skip (repeatable)."),
    changed: Optional[str] = typer.Option(None, "--changed", metavar="REF",
                                          help="Report only lines changed against REF (write --changed= for HEAD)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N",
                                      help="Worker processes (default: every core when the files add up to more than 48 KB, else one)."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore pyproject.toml / .dsfact.toml settings."),
    config: Optional[str] = typer.Option(None, "--config", metavar="PATH", help="Read the settings from this file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only what needs attention."),
    statistics: bool = typer.Option(False, "--statistics", help="Counts per claim and verdict."),
    select: List[str] = typer.Option([], "--select", metavar="CLAIM[,CLAIM...]", help="Report only these claims."),
    ignore: List[str] = typer.Option([], "--ignore", metavar="CLAIM[,CLAIM...]", help="Never report these claims."),
    color: Literal["auto", "always", "never"] = typer.Option("auto", "--color", metavar="WHEN",
                                                             help="Colour: auto, always, never."),
    min_severity: Literal["info", "warning", "error"] = typer.Option(
        "info", "--min-severity", metavar="LEVEL", help="Report only findings at or above: info, warning, error."),
    hidden: bool = typer.Option(False, "--hidden", help="Walk hidden files and folders too."),
    force_exclude: bool = typer.Option(False, "--force-exclude",
                                       help="Apply the exclude globs to files named on the command line too."),
    no_ignore: bool = typer.Option(False, "--no-ignore", help="Walk what .gitignore and .ignore ignore too."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the registry cache."),
    cache_dir: Optional[str] = typer.Option(None, "--cache-dir", metavar="DIR",
                                            help="The cache directory (default: ~/.cache/dsfact)."),
) -> None:
    """Check files for figures that state a registered claim."""
    raise typer.Exit(run_check_options(dict(locals())))


@app.command(cls=_Command)
def parse(
    text: str = typer.Argument(..., metavar="TEXT", help="The text to read figures from."),
    format: TableOrJson = format_option(),
) -> None:
    """Show the figures the numeric engine reads in TEXT."""
    import json

    from dsfact.numbers import parse_quantities, quantity_to_dict

    quantities = [quantity_to_dict(q) for q in parse_quantities(text)]
    if format == "json":
        sys.stdout.write(json.dumps(quantities, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    from dsfact.render.escape import markup

    table = Table("Text", "Value", "Unit", "Qualifier", "Span", "Other")
    for q in quantities:
        other = ", ".join(f"{k}={q[k]}" for k in ("high", "per", "direction") if q.get(k) is not None)
        table.add_row(markup(q["text"]), str(q["value"]), markup(q["unit"]), markup(q.get("qualifier") or ""),
                      f"{q['start']}-{q['end']}", markup(other))  # the text is the caller's: shown, never parsed
    console = _stdout_console()
    console.print(table if quantities else "no figures found")


@app.command(cls=_Command)
def validate(
    path: Optional[str] = typer.Argument(None, metavar="PATH", help="Registry YAML (default: the bundled one)."),
    registry: Optional[str] = typer.Option(None, "--registry", "-r", metavar="PATH",
                                           help="The same as PATH, as other commands spell it."),
    format: Literal["lines", "json"] = format_option("Output: lines (path:line: message) or json.", "lines"),
) -> None:
    """Check a registry: schema, unique ids, quotes found verbatim, values read back from the quotes."""
    from dsfact.registry import default_registry_path

    if path and registry and path != registry:
        raise UsageError("name the registry once: as PATH or as --registry")
    target = path or registry or os.environ.get("DSFACT_REGISTRY") or str(default_registry_path())
    if format == "json":
        raise typer.Exit(_validate_json(target))
    raise typer.Exit(_validate_lines(target))


def _validate_faults(target: str):
    """(registry or None, errors, warnings) for `dsfact validate`; errors and warnings are (line, message)."""
    from dsfact.audit import derived_faults
    from dsfact.errors import RegistryError
    from dsfact.registry import load_registry, registry_warnings, validate_registry

    try:
        reg = load_registry(target, use_cache=False)
    except RegistryError as exc:  # schema faults, unreadable sources, quotes not in their sources
        return None, list(exc.problems), []
    derived_errors, derived_warnings = derived_faults(reg)
    warnings = [(w.line or 0, w.message) for w in registry_warnings(reg)] + list(derived_warnings)
    return reg, sorted(validate_registry(reg) + list(derived_errors)), warnings


def _validate_json(target: str) -> int:
    import json

    reg, errors, warnings = _validate_faults(target)
    doc = {"path": target, "ok": not errors,
           "errors": [{"line": line, "message": message} for line, message in errors],
           "warnings": [{"line": line, "message": message} for line, message in warnings]}
    if reg is not None:
        doc.update(claims=len(reg.claims), statements=sum(len(c.statements) for c in reg.claims),
                   sources=len(reg.sources))
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return EXIT_ERROR if errors else 0


def _validate_lines(target: str) -> int:
    reg, errors, warnings = _validate_faults(target)
    if reg is None:  # the registry could not be loaded: its faults, as every other error
        for line, message in errors:
            sys.stderr.write(f"dsfact: error: {target}:{line}: {message}\n")
        return EXIT_ERROR
    for line, message in warnings:
        sys.stderr.write(f"{target}:{line}: warning: {message}\n")
    for line, message in errors:
        sys.stderr.write(f"{target}:{line}: {message}\n")
    if errors:
        sys.stderr.write(f"{target}: {len(errors)} problem{'s' if len(errors) != 1 else ''}\n")
        return EXIT_ERROR
    statements = sum(len(c.statements) for c in reg.claims)
    sys.stdout.write(f"{target}: ok: {len(reg.claims)} claims, {statements} statements, "
                     f"{len(reg.sources)} sources; every quote found and read back\n")
    return 0


@app.command(cls=_Command)
def claims(
    claim_id: Optional[str] = typer.Argument(None, metavar="ID|TOPIC|WORD",
                                             help="A claim id (e.g. C01), a topic, or a word to match."),
    registry: Optional[str] = RegistryOption,
    format: TableOrJson = format_option(),
) -> None:
    """Browse the registry's claims."""
    from dsfact.browse import claims_for
    from dsfact.render.browse import render_claims, render_claims_json

    chosen = claims_for(_registry(registry), claim_id)
    sys.stdout.write(render_claims_json(chosen) if format == "json" else render_claims(chosen, _stdout_console()))


@app.command(cls=_Command)
def sources(
    registry: Optional[str] = RegistryOption,
    format: TableOrJson = format_option(),
    scorecard: bool = typer.Option(False, "--scorecard",
                                   help="Grade each source against the primary records: how many of its figures "
                                        "agree, agree within rounding, or differ."),
) -> None:
    """List the registry's sources and their kind (primary, report, opinion)."""
    reg = _registry(registry)
    if scorecard:
        from dsfact.render.scorecard import render_scorecard, render_scorecard_json
        from dsfact.scorecard import scorecard as grade

        cards = grade(reg)
        sys.stdout.write(render_scorecard_json(cards) if format == "json" else render_scorecard(cards, _stdout_console()))
        return
    from dsfact.render.browse import render_sources, render_sources_json

    sys.stdout.write(render_sources_json(reg) if format == "json" else render_sources(reg, _stdout_console()))




# --- dsfact compare / dsfact audit (src/dsfact/compare.py, src/dsfact/audit.py) -----------------------

@app.command(cls=_Command)
def compare(
    topic: str = typer.Argument("all", metavar="TOPIC", help="A topic (cost, gpus, price, market, time, all), a claim id, or a word."),
    registry: Optional[str] = RegistryOption,
    format: TableOrJson = format_option(),
    chart: bool = typer.Option(False, "--chart", help="Draw a bar chart of rows that share a unit."),
) -> None:
    """Show, side by side, what every source says about a topic, and where they disagree."""
    from dsfact.compare import compare_topic
    from dsfact.render.compare import render_comparison, render_comparison_json

    comparison = compare_topic(_registry(registry), topic)
    sys.stdout.write(render_comparison_json(comparison) if format == "json"
                     else render_comparison(comparison, _stdout_console(), chart=chart))


@app.command(cls=_Command)
def audit(
    registry: Optional[str] = RegistryOption,
    format: TableOrJson = format_option(),
) -> None:
    """Recompute every derived figure in the registry from the figures it depends on."""
    from dsfact.audit import audit_registry, derived_faults
    from dsfact.errors import EXIT_FINDINGS, EXIT_OK
    from dsfact.render.audit import render_audit, render_audit_json

    reg = _registry(registry)
    for line, message in derived_faults(reg)[1]:
        sys.stderr.write(f"{reg.path}:{line}: warning: {message}\n")
    result = audit_registry(reg)
    sys.stdout.write(render_audit_json(result) if format == "json" else render_audit(result, _stdout_console()))
    raise typer.Exit(EXIT_FINDINGS if result.inconsistent else EXIT_OK)  # 1: a figure is inconsistent


# --- dsfact archive (src/dsfact/archive.py; the optional extra dsfact[dask]) --------------------------

@app.command(cls=_Command)
def archive(
    sources: List[str] = typer.Argument(..., metavar="SOURCE",
                                        help="Directory trees, or JSON Lines exports of {\"id\", \"text\"} records."),
    out: str = typer.Option(..., "--out", "-o", metavar="DIR", help="Directory for part-NNNNN.jsonl and summary.json."),
    scheduler: str = typer.Option("local", "--scheduler", metavar="local|ADDRESS",
                                  help="local (a cluster on this machine) or a Dask scheduler's address, "
                                       "e.g. tcp://10.0.0.5:8786."),
    workers: Optional[int] = typer.Option(None, "--workers", metavar="N",
                                          help="Workers of the local cluster (default: all cores)."),
    partition_size: int = typer.Option(200, "--partition-size", metavar="N",
                                       help="Documents per partition (and output file)."),
    resume: bool = typer.Option(False, "--resume", help="Continue a stopped run: skip the partitions already written."),
    registry: Optional[str] = RegistryOption,
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", metavar="LEVEL",
                                             help="As for check: contradicted, disputed, never."),
    include: List[str] = typer.Option([], "--include", metavar="GLOB", help="As for check (repeatable)."),
    exclude: List[str] = typer.Option([], "--exclude", metavar="GLOB", help="As for check (repeatable)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", metavar="NAME", help="As for check: force the input encoding."),
    hidden: bool = typer.Option(False, "--hidden", help="As for check: walk hidden files and folders too."),
    no_ignore: bool = typer.Option(False, "--no-ignore", help="As for check: walk what .gitignore, .ignore "
                                   "and .git/info/exclude ignore too."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore pyproject.toml / .dsfact.toml."),
) -> None:
    """Check an archive on a Dask cluster; write check's JSON Lines per partition (pip install 'dsfact[dask]')."""
    from dsfact.archive import run_archive

    raise typer.Exit(run_archive(sources=sources, out=out, scheduler=scheduler, workers=workers,
                                 partition_size=partition_size, resume=resume, registry_path=registry,
                                 fail_on=fail_on, include=include, exclude=exclude, encoding=encoding,
                                 use_config=not no_config, hidden=hidden, respect_ignore_files=not no_ignore))


# --- dsfact hook install / dsfact config (dsfact/cli/hook.py, dsfact/cli/config.py) ---------------

hook_app = typer.Typer(help="Install or remove dsfact's git pre-commit hook (for repositories without pre-commit).",
                       no_args_is_help=True, context_settings=CONTEXT, cls=_Group)
app.add_typer(hook_app, name="hook")


@hook_app.command("install", cls=_Command)
def hook_install(
    repo: str = typer.Option(".", "--repo", metavar="DIR", help="The git repository (default: the current directory)."),
    chain: bool = typer.Option(False, "--chain", help="Keep an existing pre-commit hook and run it first."),
    force: bool = typer.Option(False, "--force", help="Replace an existing hook (it is kept as pre-commit.dsfact-old)."),
) -> None:
    """Write .git/hooks/pre-commit that checks the staged files with dsfact."""
    from dsfact.cli.hook import install_hook

    raise typer.Exit(install_hook(repo, chain=chain, force=force))


@hook_app.command("uninstall", cls=_Command)
def hook_uninstall(
    repo: str = typer.Option(".", "--repo", metavar="DIR", help="The git repository (default: the current directory)."),
) -> None:
    """Remove dsfact's pre-commit hook, restoring the hook it chained or replaced."""
    from dsfact.cli.hook import uninstall_hook

    raise typer.Exit(uninstall_hook(repo))


@app.command(cls=_Command)
def lsp(
    registry: Optional[str] = typer.Option(None, "--registry", "-r", metavar="PATH",
                                           help="Registry YAML (default: $DSFACT_REGISTRY, the config's, or the bundled one)."),
    config_file: Optional[str] = typer.Option(None, "--config", metavar="PATH",
                                              help="Read the settings from this file instead of searching."),
    stdio: bool = typer.Option(False, "--stdio", help="Talk over standard input and output (the default and only transport)."),
) -> None:
    """Serve the Language Server Protocol on stdio: diagnostics, suppressions and hovers in an editor."""
    from dsfact.lsp import serve

    raise typer.Exit(serve(registry=registry, config_file=config_file))


@app.command(cls=_Command)
def config(
    paths: List[str] = typer.Argument(None, metavar="PATH",
                                      help="Files or directories whose settings to show (default: .)."),
    format: TableOrJson = format_option(),
    registry: Optional[str] = typer.Option(None, "--registry", "-r", metavar="PATH",
                                           help="As for check: a registry that wins."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", metavar="LEVEL",
                                             help="As for check: error, warning, never."),
    include: List[str] = typer.Option([], "--include", metavar="GLOB", help="As for check (repeatable)."),
    exclude: List[str] = typer.Option([], "--exclude", metavar="GLOB", help="As for check (repeatable)."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore pyproject.toml / .dsfact.toml."),
    config_file: Optional[str] = typer.Option(None, "--config", metavar="PATH",
                                              help="As for check: read this file instead of searching."),
) -> None:
    """Print the settings in force and the file each came from (with check's options, what they change)."""
    from dsfact.cli.config import show_config

    raise typer.Exit(show_config(paths or ["."], output=format, console=_stdout_console(), registry=registry,
                                 fail_on=fail_on, include=include, exclude=exclude, use_config=not no_config,
                                 config_file=config_file))

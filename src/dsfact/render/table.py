"""Rich tables for people at a terminal: the only module that imports rich for `check`."""
from __future__ import annotations

import sys
import threading

from dsfact.model import (
    CONSISTENT,
    CONTRADICTED,
    DISPUTED,
    SUPPORTED,
    SUPPORTS,
    FileResult,
    Finding,
    Registry,
    Report,
    Severity,
)
from dsfact.quantity import format_value
from dsfact.render import summary_line
from dsfact.render.escape import markup, visible

VERDICT_STYLE = {SUPPORTED: "green", CONTRADICTED: "bold red", DISPUTED: "yellow"}
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}
SOURCE_COLUMN = 16  # "✓ $5.576M, <$6M" and its padding


# Modules that dataclasses imports (rich.console and rich.table declare dataclasses) for what drawing a table
# never asks of them: inspect (a signature for the docstring of a class that has none; rich's all have one) and
# copy (deepcopy, for asdict). Executing them is a quarter of what the table adds to a short article's check.
UNUSED_BY_TABLES = ("inspect", "copy")


_DEFERRING = threading.RLock()  # a module executed may use another deferred one


def console_class():
    """rich.console.Console, imported with the modules of UNUSED_BY_TABLES that no one has imported yet deferred
    (see _Deferred): each is executed when one of its attributes is first used, by anyone."""
    if "rich.console" not in sys.modules:
        for name in UNUSED_BY_TABLES:
            if name not in sys.modules:
                _defer(name)
    from rich.console import Console

    return Console


def _defer(name: str) -> None:
    """Put module `name` in sys.modules unexecuted, to be executed on the first use of one of its attributes.
    Not importlib.util.LazyLoader: on Python 3.11 an `import` statement reads the module's __spec__, which
    executes a module that LazyLoader made lazy."""
    import importlib.machinery

    spec = importlib.machinery.PathFinder.find_spec(name)
    if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
        return
    module = _Deferred(name)
    for attribute, value in (("__spec__", spec), ("__loader__", spec.loader), ("__file__", spec.origin),
                             ("__cached__", spec.cached), ("__package__", spec.parent)):
        setattr(module, attribute, value)
    sys.modules[name] = module


class _Deferred(type(sys)):  # a module
    """A module not yet executed: the attributes the import system sets are there; asking for any other
    executes the module's code (once, under a lock: a thread that asks meanwhile waits for the whole module)
    and then gives the attribute. Asked by the module's own code while it runs (a circular import), it is
    as a module partly initialized is: what is not defined yet is missing."""

    def __getattr__(self, attribute: str):
        name = self.__name__
        with _DEFERRING:
            if name in _EXECUTING:
                raise AttributeError(f"partially initialized module {name!r} has no attribute {attribute!r}")
            if type(self) is _Deferred:
                _EXECUTING.add(name)
                try:
                    self.__spec__.loader.exec_module(self)
                finally:
                    _EXECUTING.discard(name)
                self.__class__ = type(sys)
        return getattr(self, attribute)


_EXECUTING: set[str] = set()  # the deferred modules whose code is running


def make_console(file=None, *, color: str | bool | None = "auto", width: int | None = None):
    """A console for `color` = auto (styles on a terminal), always, or never.

    NO_COLOR (when not overridden by --color always) and never write no escape codes at all: no
    colour, and no bold or italics either."""
    import os

    Console = console_class()

    mode = {True: "always", False: "never", None: "auto"}.get(color, color)  # type: ignore[arg-type]
    if mode == "never" or (mode == "auto" and os.environ.get("NO_COLOR")):
        return Console(file=file, color_system=None, highlight=False, emoji=False, width=width,
                       soft_wrap=False)
    if mode == "always":
        return Console(file=file, force_terminal=True, color_system="standard", highlight=False, emoji=False,
                       width=width, soft_wrap=False)
    return Console(file=file, highlight=False, emoji=False, width=width,
                       soft_wrap=False)


def _cell(f: Finding, source: str, prefix: str = ""):
    """A tick or cross and the source's value, shortest form ("✓ $5.6M"), as a styled Text (no markup
    to parse: a big run prints hundreds of thousands of cells)."""
    from rich.text import Text

    stance = f.sources.get(source)
    if stance is None:
        return Text("")
    values = []
    for st in f.evidence:
        if st.source == source:
            value = short_value(st)
            if value not in values:
                values.append(value)
    mark, style = {SUPPORTS: ("✓", "green"), CONSISTENT: ("≈", "yellow")}.get(stance, ("✗", "red"))
    if f.decided_by and source not in f.decided_by:
        style = "dim"  # shown, but not what the verdict rests on
    shown = ", ".join(values[:2]) + (" …" if len(values) > 2 else "")
    return Text.assemble(prefix, (mark, style), f" {shown}".rstrip())


def render_table(report: Report, registry: Registry, console) -> None:
    """A table per file (see render_file_table); then a one-line summary."""
    for result in report.files:
        render_file_table(result, registry, console)
    console.print(table_summary(report))


def render_file_table(result: FileResult, registry: Registry, console) -> None:
    """One file's table: location, words, claim, verdict, and a column per source (stacked into one
    column when the terminal is too narrow for them). Printed as soon as the file is checked."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    if result.error:
        return
    if not result.findings:
        console.print(f"{markup(result.path)}: no registered figures found")
        return
    by_authority = sorted(registry.sources.values(), key=lambda s: -s.authority)  # primary records first
    used = [s.id for s in by_authority if any(s.id in f.sources for f in result.findings)]
    wide = console.width >= 54 + SOURCE_COLUMN * len(used)
    table = Table(title=markup(result.path), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Where", no_wrap=True)
    table.add_column("Text", min_width=8, overflow="fold")
    table.add_column("Claim", no_wrap=True)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Severity", no_wrap=True)
    if wide:
        for source in used:
            table.add_column(markup(source), overflow="fold")
    else:
        table.add_column("Sources", overflow="fold")
    for f in result.findings:
        loc = f"{f.location.line}:{f.location.column}" if f.location else ""
        row = [Text(loc), Text(visible(f.text)), Text(visible(f.claim)), Text(f.verdict, style=VERDICT_STYLE[f.verdict]),
               Text(str(f.severity), style=SEVERITY_STYLE.get(f.severity, ""))]
        if wide:
            row += [_cell(f, s) for s in used]
        else:
            row.append(Text("\n").join(_cell(f, s, f"{visible(s)} ") for s in used if s in f.sources))
        table.add_row(*row)
    console.print(table)


def table_summary(report: Report) -> str:
    """The shared summary line, and how many files could not be read (their errors went to stderr)."""
    errors = sum(1 for r in report.files if r.error)
    return summary_line(report) + (f", {errors} not readable" if errors else "")


def short_value(st) -> str:
    return format_value(st.value, st.unit, st.qualifier, st.high, None, st.direction, short=True)

"""`dsfact config`: every setting in force for some paths, its value and where it came from
(dsfact.workspace.settings resolves them)."""
from __future__ import annotations

import os
import sys

from dsfact.workspace.settings import COMMAND_LINE, DEFAULT, ENVIRONMENT, REGISTRY_ENV, Settings, resolve_settings


def show_config(paths, *, output: str = "table", console=None, registry: str | None = None,
                fail_on: str | None = None, include=(), exclude=(), use_config: bool = True,
                config_file: str | None = None) -> int:
    """Print each setting in force for `paths`, its value and where it came from; return 0."""
    import json

    from dsfact.errors import EXIT_OK, UsageError

    if output not in ("table", "json"):
        raise UsageError(f"unknown --format {output!r} (choose from table, json)")
    origin = COMMAND_LINE
    if not registry and os.environ.get(REGISTRY_ENV):
        registry, origin = os.environ[REGISTRY_ENV], ENVIRONMENT
    settings = resolve_settings(list(paths), registry=registry, fail_on=fail_on, include=include,
                                exclude=exclude, use_config=use_config, registry_origin=origin,
                                config_file=config_file)
    from dsfact.render.escape import markup, visible

    for warning in settings.warnings:  # they name config files, and keys someone else may have written
        sys.stderr.write(f"dsfact: warning: {visible(warning)}\n")
    rows = settings_rows(settings)
    if output == "json":
        doc = {"config_file": settings.config_file,
               "settings": [{"setting": k, "value": v, "origin": o} for k, v, o in rows]}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if console is None:
        from dsfact.render.table import make_console

        console = make_console()
    from rich.table import Table

    table = Table("Setting", "Value", "From", title="dsfact settings", title_justify="left")
    for key, value, where in rows:
        shown = "\n".join(value) if isinstance(value, list) else str(value).lower() if isinstance(value, bool) \
            else str(value)
        table.add_row(key, markup(shown or "(none)"), markup(where))
    console.print(table)
    return EXIT_OK


def settings_rows(settings: Settings) -> list[tuple[str, object, str]]:
    """(setting, value, origin) for every setting, in a fixed order."""
    o = settings.origins or {}
    return [
        ("config file", settings.config_file or "", o.get("config file", "")),
        ("registry", list(settings.registry), o.get("registry", DEFAULT)),
        ("extend-registry", settings.extend_registry, o.get("extend-registry", DEFAULT)),
        ("fail-on", settings.fail_on, o.get("fail-on", DEFAULT)),
        ("include", list(settings.include), o.get("include", DEFAULT)),
        ("exclude", list(settings.exclude), o.get("exclude", DEFAULT)),
        ("ignore", sorted(settings.ignore), o.get("ignore", DEFAULT)),
    ]

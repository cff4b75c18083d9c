"""Settings for a check: the command line, then `[tool.dsfact]` in the nearest `.dsfact.toml` or
`pyproject.toml`, then the defaults. Each setting remembers where it came from (`dsfact config`).

The configuration file is found as black finds its project: from the directory that holds every
checked path (the current directory for standard input), walking up to the first directory with a
`.dsfact.toml`, or a `pyproject.toml` that has a `[tool.dsfact]` table. The walk stops at the top of a
git (or Mercurial) checkout, so a stray file above the repository is never read. One file applies to
the whole run.

Keys (kebab-case, as in ruff and black):

    registry = "claims/local.yaml"          # or a list; paths are relative to the config file
    extend-registry = true                  # load the bundled registry too, and these on top
    fail-on = "warning"                     # error | warning | never (contradicted, disputed: older names)
    include = ["*.md", "*.txt"]             # globs of files to check inside directories
    exclude = ["archive/*"]                 # globs of files never checked
    ignore = ["C12", "C45"]                 # claims never reported

An unknown key is a warning that names the file; a value of the wrong kind is a ConfigError naming
the file and line. Standard library only (tomllib).
"""
from __future__ import annotations

import os
import re

from dsfact.errors import ConfigError
from dsfact.model import record
from dsfact.registry.paths import absolute, lexical, parent, parents, registry_file

FAIL_ON = ("error", "warning", "never", "contradicted", "disputed")  # the same words as dsfact.cli.check_parser.FAIL_ON
DEFAULT_FAIL_ON = "error"
# --fail-on: the severities that fail a run (the values of dsfact.model.Severity, a StrEnum, so that
# reading the settings stays this light); "contradicted" and "disputed" are the names of error and
# warning from before findings had a severity.
FAIL_AT = {
    "error": {"error"}, "warning": {"error", "warning"}, "never": set(),
    "contradicted": {"error"}, "disputed": {"error", "warning"},
}
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.html", "*.htm")
CONFIG_NAMES = (".dsfact.toml", "pyproject.toml")
KEYS = ("registry", "extend-registry", "fail-on", "include", "exclude", "ignore")
PROJECT_MARKERS = (".git", ".hg")
REGISTRY_ENV = "DSFACT_REGISTRY"

DEFAULT = "default"
COMMAND_LINE = "command line"
ENVIRONMENT = f"environment ({REGISTRY_ENV})"

_CLAIM_ID = r"[A-Za-z][A-Za-z0-9_.\-]*"  # compiled when a config file ignores claims
# `[tool.dsfact]`, `tool.dsfact.x = ...`, or a bare `[tool]` table that might hold a `dsfact` key
_MAY_HAVE_TABLE = re.compile(rb"""tool["']?\s*\.\s*["']?dsfact|^\s*\[\s*["']?tool["']?\s*\]""", re.M)


@record
class Settings:
    """The settings in force for one run, and where each came from (a named tuple, not a dataclass:
    see dsfact.model)."""

    registry: tuple[str, ...]  # registry files, loaded in this order and merged
    fail_on: str = DEFAULT_FAIL_ON
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    ignore: frozenset[str] = frozenset()
    extend_registry: bool = False
    config_file: str | None = None
    origins: dict[str, str] | None = None  # setting -> file path, "default", ...
    warnings: tuple[str, ...] | list[str] = ()


# ---------------------------------------------------------------------------------------------------
# Finding and reading the file


def _toml():
    import tomllib

    return tomllib


def search_start(paths: list[str]) -> str:
    """The directory the walk starts from: the one that holds every path (cwd for stdin). Paths are
    strings spelt as pathlib.Path spells them (dsfact.registry.paths: importing pathlib costs 2% of a short
    article's check)."""
    dirs = []
    for raw in paths or ["."]:
        if raw == "-":
            dirs.append(lexical(os.getcwd()))
            continue
        p = absolute(raw)
        dirs.append(p if os.path.isdir(p) else parent(p))
    try:
        return lexical(os.path.commonpath(dirs))
    except ValueError:  # different drives on Windows
        return dirs[0]


def find_config(start, warnings: list[str] | None = None) -> str | None:
    """The nearest `.dsfact.toml`, or `pyproject.toml` with `[tool.dsfact]`, at or above `start`.

    A file that another user owns (other than root) or that others may write to is skipped, with a
    warning in `warnings`: in a shared parent directory it could silence every check."""
    here = absolute(start)
    for directory in (here, *parents(here)):
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if not os.path.isfile(candidate):
                continue
            problem = untrusted(candidate)
            if problem:
                if warnings is not None:
                    warnings.append(f"{candidate}: {problem}; ignoring it")  # the printer escapes it
                continue
            if name == ".dsfact.toml" or _has_dsfact_table(candidate):
                return candidate
        if any(os.path.exists(os.path.join(directory, marker)) for marker in PROJECT_MARKERS):
            return None
    return None


def untrusted(path: str) -> str | None:
    """Why a config file is not to be trusted (owned by another user, writable by others), or None."""
    if not hasattr(os, "getuid"):
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    if st.st_uid not in (os.getuid(), 0):
        return "config file belongs to another user"
    if st.st_mode & 0o022:
        return "config file can be written by other users"
    return None


def _has_dsfact_table(pyproject: str) -> bool:
    if not _MAY_HAVE_TABLE.search(_read_bytes(pyproject)):  # most pyproject.toml files: no TOML to parse
        return False
    data = _parse(pyproject)
    tool = data.get("tool")
    return isinstance(tool, dict) and "dsfact" in tool


MAX_CONFIG_BYTES = 1024 * 1024


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: larger than 1 MB; not a configuration file")
    return data


def _read_text(path: str) -> str:
    try:
        return _read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None


def _parse(path: str) -> dict:
    text = _read_text(path)
    try:
        return _toml().loads(text)
    except _toml().TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def read_config(path) -> tuple[dict, list[str]]:
    """The dsfact table of a config file, checked and normalised, and the warnings about it.

    `.dsfact.toml` holds the keys at the top level (a `[tool.dsfact]` table in it is read too);
    `pyproject.toml` under `[tool.dsfact]`. Paths in `registry` become absolute, relative to the file.
    """
    path = lexical(path)
    name = os.path.basename(path)
    text = _read_text(path)
    try:
        data = _toml().loads(text)
    except _toml().TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    tool = data.get("tool")
    table_name = "[tool.dsfact]"
    if isinstance(tool, dict) and "dsfact" in tool:
        table = tool["dsfact"]
        if name == ".dsfact.toml":
            extra = {k: v for k, v in data.items() if k != "tool"}
            if extra:
                raise ConfigError(f"{path}: put the settings either at the top level or under [tool.dsfact], not both")
    elif name == ".dsfact.toml":
        table, table_name = data, "the file"
    else:
        return {}, []
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.dsfact] must be a table")

    def bad(key: str, problem: str) -> ConfigError:
        line = _key_line(text, key)
        where = f"{path}:{line}" if line else str(path)
        return ConfigError(f"{where}: {key}: {problem}")

    warnings = []
    out: dict = {}
    for key, value in table.items():
        if key not in KEYS:
            if name == ".dsfact.toml" and key == "tool":
                continue
            hint = key.replace("_", "-")
            did_you_mean = f" (did you mean {hint!r}?)" if hint in KEYS else ""
            warnings.append(f"{path}: unknown key {key!r} in {table_name}{did_you_mean}; "
                            f"known keys: {', '.join(KEYS)}")
            continue
        if key == "registry":
            items = _strings(value)
            if items is None or not items:
                raise bad(key, "must be a path or a list of paths")
            out[key] = tuple(os.path.normpath(os.path.join(parent(path), os.path.expanduser(p))) for p in items)
        elif key == "extend-registry":
            if not isinstance(value, bool):
                raise bad(key, f"must be true or false (got {value!r})")
            out[key] = value
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise bad(key, f"must be one of {', '.join(FAIL_ON)} (got {value!r})")
            out[key] = value
        elif key in ("include", "exclude"):
            items = _strings(value)
            if items is None:
                raise bad(key, "must be a glob or a list of globs")
            out[key] = tuple(items)
        elif key == "ignore":
            items = _strings(value)
            if items is None:
                raise bad(key, "must be a list of claim ids")
            for item in items:
                if not re.fullmatch(_CLAIM_ID, item):
                    raise bad(key, f"{item!r} is not a claim id (ids look like C12)")
            out[key] = frozenset(items)
    return out, warnings


def _strings(value) -> list[str] | None:
    if isinstance(value, str):
        return [value] if value.strip() else None
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return list(value)
    return None


def _key_line(text: str, key: str) -> int | None:
    """The line a key is set on (best effort: tomllib does not keep positions)."""
    rx = re.compile(r'^\s*(?:tool\.dsfact\.)?["\']?' + re.escape(key) + r'["\']?\s*=')
    for number, line in enumerate(text.splitlines(), 1):
        if rx.match(line):
            return number
    return None


# ---------------------------------------------------------------------------------------------------
# Settings in force


def resolve_settings(
    paths: list[str],
    *,
    registry: str | None = None,
    fail_on: str | None = None,
    include: list[str] | tuple[str, ...] = (),
    exclude: list[str] | tuple[str, ...] = (),
    use_config: bool = True,
    registry_origin: str = COMMAND_LINE,
    config_file: str | None = None,
) -> Settings:
    """The settings for checking `paths`: command-line values win over the config file, which wins
    over the defaults. `registry` comes from -r or $DSFACT_REGISTRY (`registry_origin` says which).
    `config_file` (--config) names the file to read instead of searching for one."""
    found: dict = {}
    named = config_file
    config_file = None
    warnings: list[str] = []
    if named is not None:
        if not use_config:
            raise ConfigError("--config names a file and --no-config ignores it: choose one")
        if not os.path.isfile(lexical(named)):
            raise ConfigError(f"{named}: no such configuration file")
        config_file = str(named)
        found, warnings = read_config(named)
        if (not found and not warnings and os.path.basename(lexical(named)) != ".dsfact.toml"
                and not _has_dsfact_table(lexical(named))):
            warnings.append(f"{named}: no [tool.dsfact] table; the defaults apply")
    elif use_config:
        config = find_config(search_start(paths), warnings)
        if config is not None:
            config_file = str(config)
            found, more = read_config(config)
            warnings.extend(more)
    start = search_start(paths)
    origins: dict[str, str] = {
        "config file": ("--config" if named is not None else f"searched up from {start}" if use_config
                        else "--no-config"),
    }
    file_origin = config_file or DEFAULT

    def pick(key: str, cli_value, default):
        if cli_value:
            origins[key] = COMMAND_LINE
            return cli_value
        if key in found:
            origins[key] = file_origin
            return found[key]
        origins[key] = DEFAULT
        return default

    extend = bool(found.get("extend-registry", False))
    origins["extend-registry"] = file_origin if "extend-registry" in found else DEFAULT
    if registry:
        registries = (str(registry),)
        origins["registry"] = registry_origin
    elif "registry" in found:
        registries = tuple(found["registry"])
        if extend:
            registries = (registry_file(), *registries)
        origins["registry"] = file_origin
    else:
        registries = (registry_file(),)
        origins["registry"] = DEFAULT
    settings = Settings(
        registry=registries,
        fail_on=pick("fail-on", fail_on, DEFAULT_FAIL_ON),
        include=tuple(pick("include", tuple(include), DEFAULT_INCLUDE)),
        exclude=tuple(pick("exclude", tuple(exclude), ())),
        ignore=frozenset(pick("ignore", None, frozenset())),
        extend_registry=extend,
        config_file=config_file,
        origins=origins,
        warnings=warnings,
    )
    return settings

"""Compiled regular expressions kept across processes, so a pre-commit hook does not parse them anew.

The numeric engine compiles about a hundred patterns; parsing them costs more than checking a short
article. `compile` keeps what the regex compiler produces (the opcode list CPython's `_sre` runs) in a
cache file keyed by the interpreter's exact version and `_sre.MAGIC`, and rebuilds a pattern from it
with `_sre.compile`, as `re` itself does after parsing. Anything unexpected falls back to `re.compile`.
"""
from __future__ import annotations

import os
import re
import sys

_ENTRIES: dict[str, dict] = {}  # namespace -> {(pattern, flags): entry}
_USED: dict[str, dict] = {}
_LOADED: set[str] = set()


def _cache_path(namespace: str) -> str:
    import _sre

    base = os.environ.get("DSFACT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "dsfact"
    )
    version = "-".join(map(str, sys.version_info[:3])) + f"-{sys.implementation.name}-{_sre.MAGIC}"
    return os.path.join(base, f"regex-{namespace}-{version}.pickle")


def _load(namespace: str) -> dict:
    if namespace not in _LOADED:
        _LOADED.add(namespace)
        try:
            import pickle

            with open(_cache_path(namespace), "rb") as handle:
                entries = pickle.load(handle)
            if isinstance(entries, dict):
                _ENTRIES[namespace] = entries
        except Exception:  # no cache yet, or a damaged one: compile as usual
            pass
    return _ENTRIES.setdefault(namespace, {})


def _capture(pattern: str, flags: int):
    """Compile as re does, and return the pattern with the arguments `_sre.compile` was given."""
    import _sre
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    code = [int(op) for op in code]  # opcodes are int subclasses that do not pickle
    entry = (pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex),
             tuple(indexgroup))
    return _sre.compile(*entry), entry


def compile(pattern: str, flags: int = 0, *, namespace: str = "numbers") -> re.Pattern:
    """re.compile, served from the cross-process cache when this interpreter compiled it before."""
    flags = int(flags)
    key = (pattern, flags)
    entries = _load(namespace)
    used = _USED.setdefault(namespace, {})
    entry = entries.get(key)
    if entry is not None:
        try:
            import _sre

            compiled = _sre.compile(*entry)
            used[key] = entry
            return compiled
        except Exception:
            pass
    if not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    try:
        compiled, entry = _capture(pattern, flags)
    except Exception:
        return re.compile(pattern, flags)
    used[key] = entry
    return compiled


def save(namespace: str = "numbers") -> None:
    """Write the patterns this process used, if the cache did not already hold exactly them."""
    used = _USED.get(namespace)
    if not used or used.keys() == _ENTRIES.get(namespace, {}).keys():
        return
    try:
        import pickle

        path = _cache_path(namespace)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump(used, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _ENTRIES[namespace] = dict(used)
    except OSError:
        pass  # a read-only home only costs speed

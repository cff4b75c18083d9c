"""The registry cache: plain data only, in a directory only this user can write.

What is kept there (the parsed registry) is JSON, validated field by field
when read back; nothing read from the cache can run code or reach the regex compiler. A cache file is
named by a cryptographic hash (BLAKE2b) of what it was built from, and is used only when

- the directory belongs to the user running dsfact and no one else can write to it (else the cache is
  skipped, with one warning per process);
- the file itself is a regular file (not a symlink: opened with O_NOFOLLOW), belongs to the user and is
  writable by no one else, and is at most MAX_BYTES long.

A file is written under a fresh temporary name created exclusively (O_EXCL | O_NOFOLLOW, mode 600) and
renamed into place, so a planted symlink is never followed and a reader never sees half a file; a
temporary file is removed when writing fails (a full disk).

Where: `--cache-dir`, else $DSFACT_CACHE_DIR, else $XDG_CACHE_HOME/dsfact, else ~/.cache/dsfact.
`--no-cache` (or DSFACT_NO_CACHE=1) turns it off.
"""
from __future__ import annotations

import os
import stat
import sys
from collections.abc import Mapping

from dsfact.model import Claim, Per, Registry, Source, Statement, Value
from dsfact.registry.paths import read_source, read_upto, registry_root

CACHE_FORMAT = 11  # bump when the cached form changes
MAX_BYTES = 64 * 1024 * 1024  # a cache file larger than this is not read
_MAX_DEPTH = 60  # nesting of the plain data (a registry is refused deeper than this anyway)
_STATE: dict = {"dir": None, "enabled": True, "warned": False, "checked": {}}


def configure(*, directory: str | None = None, enabled: bool | None = None) -> None:
    """Set the cache directory and whether the cache is used (the command line's --cache-dir, --no-cache)."""
    if directory is not None:
        _STATE["dir"] = directory
    if enabled is not None:
        _STATE["enabled"] = enabled


def enabled() -> bool:
    return bool(_STATE["enabled"]) and os.environ.get("DSFACT_NO_CACHE", "") in ("", "0")


def cache_dir() -> str:
    """The cache directory in force (it may not exist yet)."""
    base = _STATE["dir"] or os.environ.get("DSFACT_CACHE_DIR")
    if not base:
        base = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
                            "dsfact")
    return os.path.abspath(base)


def digest(*parts: bytes) -> str:
    """A BLAKE2b digest (hex) of the parts, each length-prefixed so that no two lists of parts collide.

    `_blake2` is built into CPython and costs nothing to import; `hashlib` would load OpenSSL (20 ms)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # another interpreter
        from hashlib import blake2b
    h = blake2b(digest_size=32)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def _warn(message: str) -> None:
    if not _STATE["warned"]:
        _STATE["warned"] = True
        try:
            sys.stderr.write(f"dsfact: warning: {message}; not using the cache (see --cache-dir, --no-cache)\n")
        except (OSError, ValueError, AttributeError):
            pass


def _safe_dir(create: bool) -> str | None:
    """The cache directory when it is safe to use (created, mode 700, when missing and `create`)."""
    if not enabled():
        return None
    path = cache_dir()
    known = _STATE["checked"].get(path)
    if known is not None:
        return path if known else None
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if not create:
            return None
        try:
            os.makedirs(path, mode=0o700, exist_ok=True)
            st = os.stat(path)
        except OSError:
            _STATE["checked"][path] = False  # a read-only home only costs speed
            return None
    except OSError:
        _STATE["checked"][path] = False
        return None
    problem = None
    if not stat.S_ISDIR(st.st_mode):
        problem = f"cache directory {path!r} is not a directory"
    elif hasattr(os, "getuid") and st.st_uid != os.getuid():
        problem = f"cache directory {path!r} belongs to another user"
    elif st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        problem = f"cache directory {path!r} can be written by other users"
    _STATE["checked"][path] = problem is None
    if problem:
        _warn(problem)
        return None
    return path


def read(name: str) -> bytes | None:
    """The bytes of cache file `name`, or None (no cache, an unsafe directory or file)."""
    directory = _safe_dir(create=False)
    if directory is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(os.path.join(directory, name), flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if (not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES
                or (hasattr(os, "getuid") and st.st_uid != os.getuid())
                or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
            return None
        return read_upto(fd, MAX_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)


def write(name: str, data: bytes) -> bool:
    """Write cache file `name` atomically; False when the cache is off, unsafe or the write failed."""
    directory = _safe_dir(create=True)
    if directory is None or len(data) > MAX_BYTES:
        return False
    tmp = os.path.join(directory, f".{name}.{os.getpid()}.{os.urandom(6).hex()}.tmp")
    flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
             | getattr(os, "O_BINARY", 0))
    try:
        fd = os.open(tmp, flags, 0o600)
    except OSError:
        return False
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, os.path.join(directory, name))  # replaces a symlink itself, never its target
        return True
    except OSError:
        try:
            os.unlink(tmp)  # a full disk leaves nothing behind
        except OSError:
            pass
        return False


# --- the registry in the cache ----------------------------------------------------------------------------

def registry_name(file: str, data: bytes) -> str:
    """The cache file of the registry `file` holding `data`: "registry-P-D.json", P a hash of the registry's
    path (as named and resolved), D a hash of dsfact's version, the cache's format, that path and its bytes.
    What is made from the registry is named after it (dsfact.matching.cuecache: "cues-P-D-....json")."""
    from dsfact._version import __version__

    paths = (os.fsencode(os.path.realpath(file)), os.fsencode(file))
    return (f"registry-{digest(*paths)[:PATH_DIGITS]}-"
            + digest(f"{__version__}/{CACHE_FORMAT}".encode(), *paths, data)[:DATA_DIGITS] + ".json")


PATH_DIGITS, DATA_DIGITS = 16, 40  # a registry cache file's name: "registry-" P "-" D ".json", in hex digits
_OF_PATH = PATH_DIGITS + 1  # "P-": the files of one registry path
_OF_REGISTRY = PATH_DIGITS + 1 + DATA_DIGITS  # "P-D": the files made from one registry file


_KEEP_OTHERS = 2  # files of the same registry path (or cue index) kept beside the one just written, newest first


def prune(written: str) -> None:
    """After cache file `written` was written, remove the files it makes stale, so that a cache does not grow
    with every edit of a registry or every new version of dsfact: the other files of the same registry path
    (registry-P-*), or of the same registry's cue index (cues-P-D-*), but for the two written last (two
    versions of dsfact that share a cache, a pinned pre-commit hook and a newer command line, would otherwise
    remove each other's files at every start and each build its registry again), those whose registry file
    is gone, and those named as older versions of dsfact named them. Only regular files of these names are
    removed."""
    directory = _safe_dir(create=False)
    if directory is None:
        return
    try:
        names = os.listdir(directory)
    except OSError:
        return
    kind, _, rest = written.partition("-")
    same = f"{kind}-{rest[:_OF_PATH] if kind == 'registry' else rest[:_OF_REGISTRY + 1]}"  # "registry-P-", "cues-P-D-"
    others = sorted((n for n in names if n != written and n.startswith(same)),
                    key=lambda n: _written_at(os.path.join(directory, n)), reverse=True)
    stale = set(others[_KEEP_OTHERS:])
    stale |= {n for n in names if _legacy(n)}
    registries = {n[len("registry-"):-len(".json")] for n in names if n.startswith("registry-")} - \
        {n[len("registry-"):-len(".json")] for n in stale}
    stale |= {n for n in names if n.startswith("cues-") and n[len("cues-"):len("cues-") + _OF_REGISTRY] not in registries}
    for name in stale:
        path = os.path.join(directory, name)
        try:
            if stat.S_ISREG(os.lstat(path).st_mode):
                os.unlink(path)
        except OSError:
            pass


def _written_at(path: str) -> float:
    """When a cache file was last written (0.0 when it cannot be told: the oldest)."""
    try:
        return os.lstat(path).st_mtime
    except OSError:
        return 0.0


def _legacy(name: str) -> bool:
    """Whether a file is named as dsfact named its registry and cue caches before they were named by path:
    "registry-" or "cues-", 40 hexadecimal digits, ".json"."""
    kind, _, rest = name.partition("-")
    return kind in ("registry", "cues") and len(rest) == 45 and rest.endswith(".json") \
        and all(c in "0123456789abcdef" for c in rest[:40])


def cached_registry(name: str, file: str) -> Registry | None:
    """The registry kept under `name`, while it and every source file it quotes are unchanged."""
    registry = _from_cache(read(name), file)
    if registry is not None:
        _NAMES[id(registry)] = (registry, name)
    return registry


_NAMES: dict[int, tuple[Registry, str]] = {}  # id -> (registry, the name of its cache file)


def name_of(registry: Registry) -> str | None:
    """The name of the cache file this very registry object was read from or kept in (None for any other
    registry: a merged one, one parsed with the cache off): what is made from the registry alone, as its cue
    index, may be kept under a name made from it (dsfact.matching.cuecache)."""
    found = _NAMES.get(id(registry))
    return found[1] if found is not None and found[0] is registry else None


def store_registry(name: str, file: str, registry: Registry) -> bool:
    """Keep a parsed registry under `name`, with the hashes of its source files."""
    import json

    sources = _source_digests(file, registry)
    plain = _to_plain(registry)
    if sources is None or plain is None:
        return False
    try:
        text = json.dumps({"format": CACHE_FORMAT, "sources": sources, "registry": plain},
                          allow_nan=False)  # ASCII: a file name that is not UTF-8 survives
    except (TypeError, ValueError):
        return False
    if not write(name, text.encode("ascii")):
        return False
    _NAMES[id(registry)] = (registry, name)
    prune(name)
    return True


def _source_digests(file: str, registry: Registry) -> dict[str, str] | None:
    """The BLAKE2b digest of every source file the registry quotes (None when one cannot be read)."""
    root = registry_root(file)
    out = {}
    for source in registry.sources.values():
        if not source.file:
            continue  # a primary record known by its citations
        try:
            out[source.file] = digest(read_source(file, source, root))
        except ValueError:
            return None
    return out


def _from_cache(data: bytes | None, file: str) -> Registry | None:
    """A registry read back from its cache file, or None when there is none or it does not hold exactly
    what a cache file holds (then the registry is parsed again)."""
    if not data:
        return None
    import json

    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or doc.get("format") != CACHE_FORMAT or not isinstance(doc.get("sources"), dict):
        return None
    try:
        registry = _registry_from_plain(doc.get("registry"))
    except (_Invalid, TypeError, ValueError, KeyError, RecursionError):
        return None
    if registry.path != file:
        return None
    if _source_digests(file, registry) != doc["sources"]:
        return None  # a source file changed (or vanished) since the cache was written
    return registry


# --- the registry as plain data (the cache's JSON), validated field by field on the way back -------------

class _Invalid(Exception):
    pass


def _plain_value(value, depth: int = 0) -> bool:
    """Is `value` JSON data that reads back unchanged (string keys, finite numbers)?"""
    if depth > _MAX_DEPTH:
        return False
    if value is None or isinstance(value, (str, bool, int)):
        return True
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    if isinstance(value, (list, tuple)):
        return all(_plain_value(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_value(v, depth + 1) for k, v in value.items())
    return False


def _to_plain(registry: Registry) -> dict | None:
    plain = _as_plain(registry)
    return plain if _plain_value(plain) else None


def _as_plain(value, depth: int = 0):
    """A record (a named tuple of dsfact.model) as nested dicts, its tuples as lists; other values as
    they are (_plain_value decides whether the whole reads back)."""
    if depth > _MAX_DEPTH:
        return value
    if hasattr(value, "_asdict"):
        return {k: _as_plain(v, depth + 1) for k, v in zip(value._fields, value)}
    if isinstance(value, (list, tuple)):
        return [_as_plain(v, depth + 1) for v in value]
    if isinstance(value, Mapping):
        return {k: _as_plain(v, depth + 1) for k, v in value.items()}
    return value


def _s(value, optional: bool = False):
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _Invalid
    return value


def _i(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid
    return value


def _f(value, optional: bool = False):
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Invalid
    return float(value)


def _b(value) -> bool:
    if not isinstance(value, bool):
        raise _Invalid
    return value


def _strs(value) -> tuple[str, ...]:
    if type(value) is not list or not set(map(type, value)) <= _STR:  # JSON makes no subclass of str
        raise _Invalid
    return tuple(value)


_STR = {str}


def _optional(decode):
    return lambda value: None if value is None else decode(value)


def _plain_dict(value) -> dict:
    if not (isinstance(value, dict) and _plain_value(value)):
        raise _Invalid
    return value


def _mapping(decode):
    def read(value) -> dict:
        if not isinstance(value, dict):
            raise _Invalid
        return {_s(k): decode(v) for k, v in value.items()}
    return read


def _strings_by_string(value) -> dict:
    if type(value) is not dict or not set(map(type, value)) <= _STR or not set(map(type, value.values())) <= _STR:
        raise _Invalid
    return value


def _records(cls):
    def read(value) -> tuple:
        if not isinstance(value, list):
            raise _Invalid
        return tuple(_record(cls, v) for v in value)
    return read


# How each field of the cached records reads back, by its annotation (model.py's annotations are the
# types themselves). A field whose annotation is not here makes every cache file invalid (the registry is
# parsed again), and tests/security/test_sec_cache.py fails, so a new field cannot be silently dropped.
_DECODERS = {
    str: _s,
    str | None: _optional(_s),
    int: _i,
    bool: _b,
    float: _f,
    float | None: _optional(_f),
    Value: lambda v: v if isinstance(v, str) else _f(v),
    tuple[str, ...]: _strs,
    dict | None: _optional(_plain_dict),
    dict[str, str]: _strings_by_string,
    Per | None: _optional(lambda v: _record(Per, v)),
    tuple[Statement, ...]: _records(Statement),
    tuple[Claim, ...]: _records(Claim),
    dict[str, Source]: _mapping(lambda v: _record(Source, v)),
}


_LAYOUTS: dict[type, tuple[frozenset, tuple]] = {}


def _record(cls, value):
    """An instance of the record `cls` from its plain form: exactly its fields, each of its type."""
    layout = _LAYOUTS.get(cls) or _layout(cls)
    if not isinstance(value, dict) or value.keys() != layout[0]:
        raise _Invalid
    return cls._make([decode(value[name]) for name, decode in layout[1]])  # every field, in the record's order


def annotation(cls, name: str):
    """A record field's annotation in dsfact.model: the type itself (the module's annotations are
    evaluated)."""
    return cls.__annotations__[name]


def _layout(cls) -> tuple[frozenset, tuple]:
    """The names of a record's fields, and each one's reader (by its annotation), found once."""
    try:
        readers = tuple((name, _DECODERS[annotation(cls, name)]) for name in cls._fields)
    except KeyError:
        raise _Invalid from None  # a field this cache cannot read back: parse the registry instead
    _LAYOUTS[cls] = (frozenset(name for name, _ in readers), readers)
    return _LAYOUTS[cls]


def _registry_from_plain(d) -> Registry:
    return _record(Registry, d)

"""Safe paths: which files a registry may read, and reading them with limits.

A registry names its source files; a registry may come from a pull request, so it must not read what
lies outside its own tree (`/proc/self/environ`, `../../secret`: "quote not found" would reveal such a
file one guess at a time), nor hang on a FIFO or read a device without end. Standard library only.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from dsfact.errors import RegistryError
from dsfact.model import Source

REGISTRY_ENV = "DSFACT_REGISTRY"
MAX_REGISTRY_BYTES = 32 * 1024 * 1024  # a registry (YAML) larger than this is refused
MAX_SOURCE_BYTES = 16 * 1024 * 1024  # a source file larger than this is refused


def default_registry_path() -> Path:
    """The registry in force when none is named: $DSFACT_REGISTRY, else the bundled DeepSeek one."""
    named = os.environ.get(REGISTRY_ENV)
    if named:
        return Path(named)
    return default_bundled_path()


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; OSError (with a strerror) otherwise.

    Opened without blocking (a FIFO does not hang) and checked with fstat, so a device such as
    /dev/zero or a named pipe is refused before anything is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise OSError(0, "not a regular file")
        if st.st_size > limit:
            raise OSError(0, f"larger than {limit // (1024 * 1024)} MB")
        data = read_upto(fd, limit)
        if data is None:
            raise OSError(0, f"larger than {limit // (1024 * 1024)} MB")
        return data
    finally:
        os.close(fd)


def read_upto(fd: int, limit: int) -> bytes | None:
    """All the bytes left in open file `fd`, or None once they pass `limit` (a file that grew after
    its fstat, or one whose size fstat does not tell); reads no more than one chunk past the limit."""
    chunks, size = [], 0
    while size <= limit:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks) if size <= limit else None


def read_registry_bytes(path: Path) -> bytes:
    """The registry's bytes; RegistryError (one line) when it is missing, not a regular file or too large."""
    try:
        return read_limited(path, MAX_REGISTRY_BYTES)
    except FileNotFoundError:
        raise RegistryError(str(path), [(0, "registry not found")]) from None
    except IsADirectoryError:
        raise RegistryError(str(path), [(0, "registry is a directory, not a YAML file")]) from None
    except OSError as exc:
        raise RegistryError(str(path), [(0, f"cannot read registry: {exc.strerror or exc}")]) from None


def _bundled_root() -> Path:
    """The package directory (src/dsfact, or site-packages/dsfact) the bundled registry ships with."""
    return Path(__file__).resolve().parent.parent


def registry_root(registry_file: Path) -> Path:
    """The tree a registry's source files must lie in: the top of the git work tree holding the
    registry, or (outside any work tree) the registry's own directory. The bundled registry's tree is
    the package (or source checkout) it ships with."""
    here = registry_file.resolve().parent
    bundled = default_bundled_path()
    if registry_file.resolve() == bundled.resolve():
        return bundled.resolve().parent.parent
    for parent in (here, *here.parents):
        if os.path.lexists(parent / ".git"):
            return parent
    return here


def default_bundled_path() -> Path:
    here = _bundled_root()
    bundled = here / "data" / "claims.yaml"
    if bundled.is_file():
        return bundled
    return here.parent.parent / "data" / "claims.yaml"


def read_source(registry_file: Path, source: Source, root: Path | None = None) -> bytes:
    """The bytes of a source file, which must be named by a relative path that resolves (symlinks
    followed) inside the registry's tree and be a regular file of at most MAX_SOURCE_BYTES.
    Raises ValueError with the reason otherwise."""
    name = source.file
    if os.path.isabs(name) or (os.name == "nt" and os.path.splitdrive(name)[0]) or "\0" in name:
        raise ValueError(f"source {source.id}: file must be a path relative to the registry, not {name!r}")
    root = root or registry_root(registry_file)
    base = registry_file.resolve().parent
    try:
        full = (base / name).resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise ValueError(f"source {source.id}: cannot read {name}: {getattr(exc, 'strerror', None) or exc}") from None
    if not full.is_relative_to(root):
        raise ValueError(f"source {source.id}: {name} is outside the registry's tree ({root}); "
                         "a source file must lie inside it")
    try:
        return read_limited(full, MAX_SOURCE_BYTES)
    except OSError as exc:
        raise ValueError(f"source {source.id}: cannot read {name}: {exc.strerror or exc}") from None

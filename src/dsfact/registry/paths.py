"""Safe paths: which files a registry may read, and reading them with limits.

A registry names its source files; a registry may come from a pull request, so it must not read what
lies outside its own tree (`/proc/self/environ`, `../../secret`: "quote not found" would reveal such a
file one guess at a time), nor hang on a FIFO or read a device without end. Standard library only.
"""
from __future__ import annotations

import os
import stat
from errno import ELOOP

from dsfact.errors import RegistryError
from dsfact.model import Source

# Paths are strings here (os.path), as pathlib.Path would spell them: importing pathlib (with urllib.parse
# and ipaddress) costs 18 million instructions, 2% of a short article's check. Elsewhere than on POSIX the
# spelling is pathlib's own.
_POSIX = os.name == "posix"

REGISTRY_ENV = "DSFACT_REGISTRY"
MAX_REGISTRY_BYTES = 32 * 1024 * 1024  # a registry (YAML) larger than this is refused
MAX_SOURCE_BYTES = 16 * 1024 * 1024  # a source file larger than this is refused


def lexical(path) -> str:
    """`str(pathlib.Path(path))`: empty and "." parts dropped, no slash at the end, "." for nothing; ".."
    kept (no file system is asked)."""
    path = os.fspath(path)
    if not (_POSIX and isinstance(path, str)):
        from pathlib import Path

        return str(Path(path))
    root = "//" if path.startswith("//") and not path.startswith("///") else "/" if path.startswith("/") else ""
    rest = "/".join(part for part in path.split("/") if part and part != ".")
    return root + rest or "."


def absolute(path) -> str:
    """`str(pathlib.Path(path).absolute())`: the current directory before a relative path, not normalised."""
    path = lexical(path)
    return path if os.path.isabs(path) else lexical(os.path.join(os.getcwd(), path))


def parent(path: str) -> str:
    """`str(pathlib.Path(path).parent)` of a path spelt by `lexical`: the root and "." are their own parent."""
    if not _POSIX:
        from pathlib import Path

        return str(Path(path).parent)
    head, sep, _ = path.rpartition("/")
    if not sep:
        return "."
    if path in ("/", "//"):
        return path
    return head if head not in ("", "/") else path[:len(path) - len(path.lstrip("/"))]


def parents(path: str) -> list[str]:
    """`pathlib.Path(path).parents`, as strings: each parent up to the root (or ".")."""
    out, here = [], path
    while (up := parent(here)) != here:
        out.append(up)
        here = up
    return out


def registry_file() -> str:
    """The registry file in force when none is named: $DSFACT_REGISTRY, else the bundled DeepSeek one."""
    named = os.environ.get(REGISTRY_ENV)
    if named:
        return lexical(named)
    return bundled_file()


def default_registry_path():
    """`registry_file()` as a pathlib.Path."""
    from pathlib import Path

    return Path(registry_file())


def read_limited(path, limit: int) -> bytes:
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


def read_registry_bytes(path: str) -> bytes:
    """The registry's bytes; RegistryError (one line) when it is missing, not a regular file or too large."""
    try:
        return read_limited(path, MAX_REGISTRY_BYTES)
    except FileNotFoundError:
        raise RegistryError(str(path), [(0, "registry not found")]) from None
    except IsADirectoryError:
        raise RegistryError(str(path), [(0, "registry is a directory, not a YAML file")]) from None
    except OSError as exc:
        raise RegistryError(str(path), [(0, f"cannot read registry: {exc.strerror or exc}")]) from None


def _bundled_root() -> str:
    """The package directory (src/dsfact, or site-packages/dsfact) the bundled registry ships with."""
    return os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def registry_root(registry_file) -> str:
    """The tree a registry's source files must lie in: the top of the git work tree holding the
    registry, or (outside any work tree) the registry's own directory. The bundled registry's tree is
    the package (or source checkout) it ships with."""
    real = os.path.realpath(lexical(registry_file))
    here = os.path.dirname(real)
    bundled = os.path.realpath(bundled_file())
    if real == bundled:
        return parent(parent(bundled))
    for directory in (here, *parents(here)):
        if os.path.lexists(os.path.join(directory, ".git")):
            return directory
    return here


def bundled_file() -> str:
    """The bundled registry file."""
    here = _bundled_root()
    bundled = os.path.join(here, "data", "claims.yaml")
    if os.path.isfile(bundled):
        return bundled
    return os.path.join(parent(parent(here)), "data", "claims.yaml")


def default_bundled_path():
    """`bundled_file()` as a pathlib.Path."""
    from pathlib import Path

    return Path(bundled_file())


def _inside(path: str, root: str) -> bool:
    """Whether a resolved path is `root` or lies under it (pathlib's is_relative_to)."""
    if not _POSIX:
        from pathlib import Path

        return Path(path).is_relative_to(root)
    return path == root or path.startswith(root if root.endswith("/") else root + "/")


def read_source(registry_file, source: Source, root: str | None = None) -> bytes:
    """The bytes of a source file, which must be named by a relative path that resolves (symlinks
    followed) inside the registry's tree and be a regular file of at most MAX_SOURCE_BYTES.
    Raises ValueError with the reason otherwise."""
    name = source.file
    if os.path.isabs(name) or (os.name == "nt" and os.path.splitdrive(name)[0]) or "\0" in name:
        raise ValueError(f"source {source.id}: file must be a path relative to the registry, not {name!r}")
    root = root or registry_root(registry_file)
    base = os.path.dirname(os.path.realpath(lexical(registry_file)))
    try:
        full = os.path.realpath(os.path.join(base, name), strict=True)
    except OSError as exc:
        loop = exc.errno == ELOOP or getattr(exc, "winerror", 0) == 1921  # pathlib's words for a symlink loop
        reason = f"Symlink loop from {exc.filename!r}" if loop else exc.strerror or exc
        raise ValueError(f"source {source.id}: cannot read {name}: {reason}") from None
    if not _inside(full, root):
        raise ValueError(f"source {source.id}: {name} is outside the registry's tree ({root}); "
                         "a source file must lie inside it")
    try:
        return read_limited(full, MAX_SOURCE_BYTES)
    except OSError as exc:
        raise ValueError(f"source {source.id}: cannot read {name}: {exc.strerror or exc}") from None

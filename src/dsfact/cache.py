"""dsfact's cache directory: plain data only, in a directory only this user can write.

What is kept there (today: the parsed registry, see dsfact.registry) is JSON, validated field by field
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

MAX_BYTES = 64 * 1024 * 1024  # a cache file larger than this is not read
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
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks) if size <= MAX_BYTES else None
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

"""The files a check reads: the paths named on the command line, directories walked (iteratively, with
hidden files, ignore files, include and exclude globs), each with the error that stops it."""
from __future__ import annotations

import fnmatch
import os

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


def matches(globs, name: str, *paths: str) -> bool:
    """Does a glob match the file's name, or one of its paths (forward slashes) at any depth?"""
    for g in globs:
        if fnmatch.fnmatch(name, g):
            return True
        for p in paths:
            if p and (fnmatch.fnmatch(p, g) or fnmatch.fnmatch(p, "*/" + g)):
                return True
    return False


def _slashed(path: str) -> str:
    return path.replace(os.sep, "/")


def collect_paths(paths: list[str], include, exclude, base: str | None = None, *, hidden: bool = False,
                  respect_ignore_files: bool = True, force_exclude: bool = False) -> list[tuple[str, str | None]]:
    """Files to check, in a stable order, each with the error that stops it (None when readable).

    A directory walk skips hidden files and folders (unless `hidden`) and what `.gitignore`, `.ignore`
    and `.git/info/exclude` ignore (unless not `respect_ignore_files`), as ruff and ripgrep do. A
    directory the walk cannot read is reported as an unreadable file is.

    A file named on the command line is always checked, whatever its name (as ruff does): the globs
    choose the files of a directory walk, the files that match the include globs and not the exclude
    globs. With `force_exclude` (--force-exclude, for pre-commit, which names every staged file) the
    exclude globs apply to named files too.
    A glob matches a file's name, or its path (relative to the directory walked, or to `base`, the
    directory of the config file) at any depth: "archive/*" skips drafts/archive/old.md.
    """
    from dsfact.workspace.settings import DEFAULT_INCLUDE

    include = list(include) or list(DEFAULT_INCLUDE)
    exclude = list(exclude)
    base = os.path.abspath(base or os.getcwd())

    def from_base(p: str) -> str:
        rel = os.path.relpath(os.path.abspath(p), base)
        return "" if rel.startswith("..") else _slashed(rel)

    out: list[tuple[str, str | None]] = []
    for raw in paths:
        if raw == "-":
            out.append(("-", None))
        elif os.path.isdir(raw):
            found = _walk(raw, include, exclude, from_base, hidden=hidden, respect_ignore_files=respect_ignore_files)
            if not found:
                out.append((raw, "no files to check in this directory (looked for " + ", ".join(include) + ")"))
            out.extend(found)
        elif not (force_exclude and matches(exclude, os.path.basename(raw), _slashed(raw), from_base(raw))):
            out.append((raw, None))
    return out


def _walk(top: str, include, exclude, from_base, *, hidden: bool, respect_ignore_files: bool):
    """The files under `top` to check, depth first with names sorted (as os.walk top-down with sorted
    names), without recursion: a tree of any depth is walked. A directory that cannot be listed
    comes with its error."""
    rules = None
    if respect_ignore_files:
        from dsfact.workspace.ignorefiles import IgnoreRules

        rules = IgnoreRules(top)
    found: list[tuple[str, str | None]] = []
    stack = [top]
    while stack:
        root = stack.pop()
        try:
            with os.scandir(root) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.append((os.path.normpath(root), _unreadable_directory(exc)))
            continue
        if rules is not None:
            rules.add_directory(root)
        subdirs = []
        for entry in entries:
            name, full = entry.name, os.path.join(root, entry.name)
            is_dir = _is_dir(entry)
            if (not hidden and name.startswith(".")) or (rules is not None and rules.ignored(full, is_dir)):
                continue
            rel = _slashed(os.path.relpath(full, top))
            if is_dir:
                if not (name in SKIP_DIRS or entry.is_symlink() or matches(exclude, name, rel, from_base(full))):
                    subdirs.append(full)
            elif matches(include, name, rel, from_base(full)) and not matches(
                    exclude, name, rel, from_base(full), _slashed(full)):
                found.append((os.path.normpath(full), None))  # "./a.md" -> "a.md"
        stack.extend(reversed(subdirs))
    return found


def _is_dir(entry) -> bool:
    try:
        return entry.is_dir()  # a symlink to a directory is one (and is not walked into, as os.walk)
    except OSError:
        return False


def _unreadable_directory(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot read this directory (permission denied)"
    return f"cannot read this directory ({exc.strerror or exc})"

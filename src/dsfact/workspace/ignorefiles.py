"""Directory walks that skip what the repository ignores: `.gitignore` and `.ignore` files (the latter
as ripgrep reads it, for what is tracked but should not be checked), and `.git/info/exclude`.

Patterns are matched by `pathspec`, git's own wildmatch rules, relative to the directory of the file
that holds them; a deeper file overrides a shallower one, and a later pattern an earlier one (so `!`
re-includes). Files above the directory walked apply too, up to the top of the git checkout.
"""
from __future__ import annotations

import os

IGNORE_FILES = (".gitignore", ".ignore")  # in this order: .ignore wins over .gitignore, as in ripgrep


def _spec(lines: list[str]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines) if any(x.strip() for x in lines) else None


MAX_IGNORE_FILE_BYTES = 1024 * 1024


def _read_lines(path: str) -> list[str]:
    """The lines of an ignore file: a regular file (a symlink is followed, a FIFO or a device is never
    opened), its first megabyte at most."""
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return []
        with open(path, "rb") as fh:
            return fh.read(MAX_IGNORE_FILE_BYTES).decode("utf-8", "replace").splitlines()
    except OSError:
        return []


def _git_top(start: str) -> str | None:
    here = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


class IgnoreRules:
    """The ignore files that apply below `root`; `ignored(path, is_dir)` answers for any path under it."""

    def __init__(self, root: str) -> None:
        self._specs: list[tuple[str, object]] = []  # (directory, spec), shallow first
        root = os.path.abspath(root)
        top = _git_top(root)
        if top is not None:
            exclude = _spec(_read_lines(os.path.join(top, ".git", "info", "exclude")))
            if exclude is not None:
                self._specs.append((top, exclude))
            chain = []
            here = os.path.dirname(root)
            while top is not None and len(here) >= len(top) and here.startswith(top):
                chain.append(here)
                if here == top:
                    break
                here = os.path.dirname(here)
            for directory in reversed(chain):
                self.add_directory(directory)

    def add_directory(self, directory: str) -> None:
        """Read the ignore files of a directory the walk enters."""
        directory = os.path.abspath(directory)
        for name in IGNORE_FILES:
            spec = _spec(_read_lines(os.path.join(directory, name)))
            if spec is not None:
                self._specs.append((directory, spec))

    def ignored(self, path: str, is_dir: bool) -> bool:
        path = os.path.abspath(path)
        verdict = None
        for directory, spec in self._specs:
            if not path.startswith(directory + os.sep):
                continue
            rel = os.path.relpath(path, directory).replace(os.sep, "/") + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                verdict = result.include
        return bool(verdict)

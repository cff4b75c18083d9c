"""`dsfact check --changed [REF]`: which lines of each file differ from a git revision.

The lines are those of the file as it is in the working tree (the file dsfact reads), from the new
side of `git diff -U0 REF -- FILE`. Without REF the revision is HEAD, so the lines are those changed
since the last commit: under pre-commit, which stashes unstaged edits before running hooks, these are
exactly the staged changes. A file git does not track counts as changed on every line, and so does
every file of a repository without a commit yet, and a Word document that differs at all (git has no
lines to compare in it).
"""
from __future__ import annotations

import os
import re
import subprocess
from collections import defaultdict

from dsfact.errors import UsageError

_WHOLE = (".docx",)  # binary documents: changed as a whole or not at all
_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class AllLines:
    """Every line of a file: it is new to git."""

    def __contains__(self, line: object) -> bool:
        return True

    def __repr__(self) -> str:
        return "AllLines()"


ALL_LINES = AllLines()


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, check=False,
            env={**os.environ, "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0", "GIT_LITERAL_PATHSPECS": "1"},
        )
    except FileNotFoundError:
        raise UsageError("--changed needs git, and git was not found on PATH") from None


def repo_root(directory: str) -> str | None:
    """The top of the git work tree that holds `directory`, or None."""
    proc = _git(["rev-parse", "--show-toplevel"], cwd=directory)
    if proc.returncode != 0:
        return None
    return os.fsdecode(proc.stdout.strip()) or None


def changed_lines_for(paths: list[str], ref: str | None = None) -> dict:
    """{os.path.normpath(path): the 1-based line numbers changed against `ref` (default HEAD)}.

    A value is a set of ints, or ALL_LINES for a file git does not know. Raises UsageError when a
    path is outside any git repository or `ref` is not a revision.
    """
    by_root: dict[str, list[tuple[str, str]]] = defaultdict(list)  # root -> [(key, path from root)]
    roots: dict[str, str | None] = {}
    for path in paths:
        directory = os.path.dirname(os.path.abspath(path)) or "."
        if directory not in roots:
            roots[directory] = repo_root(directory) if os.path.isdir(directory) else None
        root = roots[directory]
        if root is None:
            raise UsageError(f"--changed compares with git, but {path} is not inside a git repository")
        rel = os.path.relpath(os.path.realpath(path), os.path.realpath(root)).replace(os.sep, "/")
        by_root[root].append((os.path.normpath(path), rel))
    out: dict = {}
    for root, entries in by_root.items():
        out.update(_changed_in_repo(root, entries, ref))
    return out


def _changed_in_repo(root: str, entries: list[tuple[str, str]], ref: str | None) -> dict:
    rels = [rel for _, rel in entries]
    out: dict = {}
    base = ref or "HEAD"
    has_base = _git(["rev-parse", "--verify", "--quiet", base + "^{commit}"], cwd=root).returncode == 0
    if not has_base:
        if ref:
            raise UsageError(f"--changed {ref}: not a git revision in {root}")
        return {key: ALL_LINES for key, _ in entries}  # no commit yet: everything is new
    tracked = _tracked(root, rels)
    lines = _diff_lines(root, [rel for rel in rels if not rel.lower().endswith(_WHOLE)], base)
    for key, rel in entries:
        if rel not in tracked:
            out[key] = ALL_LINES
        elif rel.lower().endswith(_WHOLE):  # a Word document has no lines git can compare
            changed = _git(["diff", "--quiet", "--no-ext-diff", "--no-textconv", base, "--", rel], cwd=root)
            out[key] = ALL_LINES if changed.returncode == 1 else set()
        else:
            out[key] = lines.get(rel, set())
    return out


def _tracked(root: str, rels: list[str]) -> set[str]:
    """The paths git tracks (those in the index); the others are new on every line."""
    known: set[str] = set()
    for chunk in _chunks(rels):
        proc = _git(["ls-files", "-z", "--", *chunk], cwd=root)
        if proc.returncode == 0:
            known.update(os.fsdecode(p) for p in proc.stdout.split(b"\0") if p)
    return known


def _diff_lines(root: str, rels: list[str], base: str) -> dict[str, set[int]]:
    """path -> new-side line numbers of `git diff -U0 base -- paths` (working tree against base)."""
    out: dict[str, set[int]] = {}
    for chunk in _chunks(rels):
        proc = _git(["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--no-textconv",
                     "--src-prefix=a/", "--dst-prefix=b/", base,
                     "--", *chunk], cwd=root)
        if proc.returncode != 0:
            message = os.fsdecode(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else b"")
            raise UsageError(f"--changed: git diff failed in {root}: {message or 'unknown error'}")
        out.update(new_side_lines(proc.stdout))
    return out


def new_side_lines(diff: bytes) -> dict[str, set[int]]:
    """path -> the new-side line numbers of the hunks of a `git diff -U0` (with b/ as the new prefix)."""
    out: dict[str, set[int]] = {}
    current = None
    for line in diff.split(b"\n"):
        if line.startswith(b"+++ "):
            current = _diff_path(line[4:])
            if current is not None:
                out.setdefault(current, set())
        elif line.startswith(b"@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start = int(m.group(1))
                count = 1 if m.group(2) is None else int(m.group(2))
                out[current].update(range(start, start + count))
    return out


def _diff_path(raw: bytes) -> str | None:
    """The path of a '+++ b/path' line (None for /dev/null); C-quoted paths are unquoted."""
    raw = raw.rstrip(b"\r").rstrip(b"\t")  # git ends a name that has a space with a tab
    if raw == b"/dev/null":
        return None
    if raw.startswith(b'"') and raw.endswith(b'"'):
        raw = _unquote_c(raw[1:-1])
    if raw.startswith(b"b/"):
        raw = raw[2:]
    return os.fsdecode(raw)


_C_ESCAPES = {ord("n"): b"\n", ord("t"): b"\t", ord('"'): b'"', ord("\\"): b"\\", ord("a"): b"\a",
              ord("b"): b"\b", ord("f"): b"\f", ord("r"): b"\r", ord("v"): b"\v"}


def _unquote_c(s: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(s):
        c = s[i]
        if c == 0x5C and i + 1 < len(s):  # backslash
            nxt = s[i + 1]
            if 0x30 <= nxt <= 0x37 and i + 3 < len(s):  # \ooo: an octal byte
                out.append(int(s[i + 1:i + 4], 8))
                i += 4
                continue
            out += _C_ESCAPES.get(nxt, bytes([nxt]))
            i += 2
            continue
        out.append(c)
        i += 1
    return bytes(out)


def _chunks(items: list[str], size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]

"""git for the command line: what is staged for the next commit (the files, their content in the
index, and the lines changed against HEAD). `dsfact hook` checks exactly what is being committed, not
the working tree: a file edited again after `git add` is checked as it was added."""
from __future__ import annotations

import os
import subprocess

from dsfact.errors import UsageError
from dsfact.model import record

WHOLE = (".docx",)  # binary documents: changed as a whole or not at all
SKIPPED_MODES = {"120000", "160000"}  # a symlink (its blob is the target's name), a submodule


@record
class Staged:
    """A staged file: its path from the top of the work tree, its content in the index, and the
    1-based lines that differ from HEAD (after rename and copy detection; every line of a new file)."""

    path: str
    data: bytes
    lines: object  # a set of ints, or dsfact.changes.ALL_LINES


def git(repo: str, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess:
    """Run git in `repo` with bytes out, in the C locale, with no optional locks; UsageError without git."""
    env = {**os.environ, "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        return subprocess.run(["git", "-C", repo, "-c", "core.quotepath=off", *args], input=data,
                              capture_output=True, check=False, env=env)
    except FileNotFoundError:
        raise UsageError("git was not found on PATH") from None


def _checked(proc: subprocess.CompletedProcess, what: str) -> bytes:
    if proc.returncode != 0:
        raise UsageError(f"{what} failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout


def staged_paths(repo: str = ".") -> list[str]:
    """The staged files that are added, copied, modified or renamed (the new name), from the top of the
    work tree, in git's order."""
    out = _checked(git(repo, "diff", "--cached", "--name-status", "-z", "-M", "-C", "--diff-filter=ACMR"),
                   "git diff --cached")
    fields = [os.fsdecode(f) for f in out.split(b"\0") if f]
    paths, i = [], 0
    while i < len(fields):
        status = fields[i]
        if status[:1] in ("R", "C"):
            paths.append(fields[i + 2])
            i += 3
        else:
            paths.append(fields[i + 1])
            i += 2
    return paths


def index_contents(repo: str, paths: list[str]) -> dict[str, bytes]:
    """{path: its content in the index} for the paths that are regular files there."""
    shas: dict[str, str] = {}
    for chunk in _chunks(paths):
        out = _checked(git(repo, "ls-files", "-s", "-z", "--", *chunk), "git ls-files")
        for entry in out.split(b"\0"):
            if not entry:
                continue
            info, _, name = entry.partition(b"\t")
            mode, sha, stage = info.decode().split()
            if stage == "0" and mode not in SKIPPED_MODES:
                shas[os.fsdecode(name)] = sha
    if not shas:
        return {}
    out = _checked(git(repo, "cat-file", "--batch", data="".join(f"{s}\n" for s in shas.values()).encode()),
                   "git cat-file")
    blobs: dict[str, bytes] = {}
    pos = 0
    for path in shas:
        header_end = out.index(b"\n", pos)
        size = out[pos:header_end].split()[2]
        start = header_end + 1
        blobs[path] = out[start:start + int(size)]
        pos = start + int(size) + 1
    return blobs


def staged_lines(repo: str, paths: list[str]) -> dict:
    """{path: the lines of its staged content that differ from HEAD}: what the commit changes, with
    renames and copies followed (a file moved and edited has its edited lines; every line of a new file)."""
    from dsfact.changes import ALL_LINES, new_side_lines

    diff = _checked(git(repo, "diff", "--cached", "-U0", "-M", "-C", "--no-color", "--no-ext-diff", "--no-textconv",
                        "--src-prefix=a/", "--dst-prefix=b/"), "git diff --cached")
    lines = new_side_lines(diff)
    return {p: ALL_LINES if p.lower().endswith(WHOLE) else lines.get(p, set()) for p in paths}


def staged(repo: str = ".") -> list[Staged]:
    """Every staged file (added, copied, modified, renamed) with its index content and changed lines."""
    paths = staged_paths(repo)
    blobs = index_contents(repo, paths)
    lines = staged_lines(repo, list(blobs))
    return [Staged(p, blobs[p], lines[p]) for p in paths if p in blobs]


def _chunks(items: list[str], size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]

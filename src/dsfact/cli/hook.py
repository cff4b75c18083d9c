"""`dsfact hook install` / `dsfact hook uninstall`: a git pre-commit hook for repositories that do not use pre-commit.

The hook is a short sh script that runs this Python (by absolute path, so it works outside the
virtual environment dsfact was installed in) as

    python -c "from dsfact.cli.hook import run_staged; ..."

which checks, as `dsfact check --format lines` would, the staged files (added, copied, modified or
renamed) whose names match the include globs (the config's, or *.md *.markdown *.txt *.html *.htm) and
no exclude glob. It checks what is being committed: the content in the index, not the working tree
(a file edited again after `git add` is checked as it was added), and only findings on the lines the
commit changes can block it (a file moved with `git mv` and edited: the edited lines).

An existing hook is never overwritten silently: without --chain or --force the install is refused.
With --chain the old hook is moved to `pre-commit.dsfact-chained` and run first (its failure stops the
commit, with its exit status); with --force it is kept as `pre-commit.dsfact-old` and replaced.
`core.hooksPath` is respected. `dsfact hook uninstall` removes dsfact's hook and puts back the one it
chained (or, failing that, the one --force set aside); a hook that is not dsfact's is left alone.
"""
from __future__ import annotations

import os
import shlex
import stat
import sys
from pathlib import Path

from dsfact.errors import EXIT_ERROR, EXIT_OK, UsageError

MARKER = "# dsfact pre-commit hook"
CHAINED = "pre-commit.dsfact-chained"
OLD = "pre-commit.dsfact-old"


def _git(repo: str, *args: str) -> str | None:
    """git's output in `repo`, stripped, or None when git fails."""
    from dsfact.cli.git import git

    proc = git(repo, *args)
    return os.fsdecode(proc.stdout).strip() if proc.returncode == 0 else None


def hooks_dir(repo: str) -> Path:
    """The directory git runs hooks from: core.hooksPath when set, else .git/hooks (worktree-aware)."""
    top = _git(repo, "rev-parse", "--show-toplevel")
    if top is None:
        raise UsageError(f"{repo}: not a git repository (or git cannot read it)")
    configured = _git(repo, "config", "--get", "core.hooksPath")
    if configured:
        path = Path(os.path.expanduser(configured))
        return path if path.is_absolute() else Path(top) / path
    git_path = _git(repo, "rev-parse", "--git-path", "hooks")
    path = Path(git_path or ".git/hooks")
    return path if path.is_absolute() else Path(repo) / path


def hook_script(python: str, *, chained: bool) -> str:
    """The text of the hook."""
    py = shlex.quote(python)
    lines = [
        "#!/bin/sh",
        f"{MARKER} (written by `dsfact hook install`; re-run it to update this file).",
        "# Checks the staged Markdown, text and HTML files; a contradicted figure on a changed line",
        "# stops the commit. Skip once with: git commit --no-verify",
    ]
    if chained:
        lines += [
            "",
            "# The hook that was here before, run first (dsfact hook install --chain).",
            f'chained="$(dirname "$0")/{CHAINED}"',
            'if [ -x "$chained" ]; then',
            '    "$chained" "$@" || exit $?',
            "fi",
        ]
    lines += [
        "",
        f"python={py}",
        'if [ ! -x "$python" ]; then',
        '    echo "dsfact hook: $python is gone; run dsfact hook install --force again" >&2',
        "    exit 1",
        "fi",
        'exec "$python" -c "import sys; from dsfact.cli.hook import run_staged; sys.exit(run_staged())"',
        "",
    ]
    return "\n".join(lines)


def install_hook(repo: str = ".", *, chain: bool = False, force: bool = False) -> int:
    """Write the pre-commit hook of the repository at `repo`; return the exit code.

    No existing hook is ever lost: the new hook is written in full first, and the old one (a file or a
    symlink, even a dangling one) is moved aside only then, and moved back if the last step fails. The
    mode of a symlink's target is never changed."""
    if chain and force:
        raise UsageError("--chain keeps the existing hook and --force replaces it: choose one")
    directory = hooks_dir(repo)
    hook = directory / "pre-commit"
    existing = os.path.lexists(hook)
    ours = existing and _is_ours(hook)
    chained = os.path.lexists(directory / CHAINED)
    aside = None  # where the existing hook goes
    if existing and not ours:
        if not (chain or force):
            sys.stderr.write(
                f"dsfact: error: {hook} already exists and is not dsfact's; not overwritten.\n"
                f"dsfact: run `dsfact hook install --chain` to run it before dsfact, or --force to replace it "
                f"(it is kept as {OLD})\n"
            )
            return EXIT_ERROR
        aside = directory / (CHAINED if chain else OLD)
        if os.path.lexists(aside):
            sys.stderr.write(f"dsfact: error: {aside} already exists; move it away first\n")
            return EXIT_ERROR
    try:
        _put_in_place(hook, aside, hook_script(sys.executable, chained=chained or (chain and aside is not None)))
    except OSError as exc:
        raise UsageError(f"cannot write {hook}: {exc.strerror or exc}; nothing was changed") from None
    if aside is not None:
        _say_aside(aside, chain)
    action = "updated" if ours else "installed"
    sys.stdout.write(f"dsfact: {action} {hook}\n")
    return EXIT_OK


def _put_in_place(hook: Path, aside: Path | None, text: str) -> None:
    """Write the new hook, move the existing one (if any) to `aside`, and the new one into place; on
    failure, the old hook is where it was."""
    hook.parent.mkdir(parents=True, exist_ok=True)
    tmp = hook.parent / "pre-commit.dsfact-tmp"
    try:
        _write_new(tmp, text)
        if aside is None:
            os.replace(tmp, hook)
            return
        os.replace(hook, aside)
        try:
            if aside.name == CHAINED:
                _make_executable(aside)  # a regular file only: a symlink's target is not ours to change
            os.replace(tmp, hook)
        except OSError:
            os.replace(aside, hook)
            raise
    finally:
        if os.path.lexists(tmp):
            tmp.unlink()


def _say_aside(aside: Path, chain: bool) -> None:
    if not chain:
        sys.stderr.write(f"dsfact: moved the existing hook to {aside}\n")
        return
    sys.stderr.write(f"dsfact: kept the existing hook as {aside}; it runs first\n")
    if aside.is_symlink() and not aside.exists():
        sys.stderr.write(f"dsfact: warning: {aside} is a symlink to {os.readlink(aside)}, which does not exist; "
                         "it runs once it does\n")


def _write_new(tmp: Path, text: str) -> Path:
    """Write `text` to a new file at `tmp` (never through a symlink or into a file left there), mode 755."""
    if os.path.lexists(tmp):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o755)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    _make_executable(tmp)  # whatever the umask
    return tmp


def uninstall_hook(repo: str = ".") -> int:
    """Remove dsfact's pre-commit hook and restore the hook it chained or replaced; return the exit code."""
    directory = hooks_dir(repo)
    hook = directory / "pre-commit"
    if not os.path.lexists(hook):
        sys.stdout.write(f"dsfact: no pre-commit hook in {directory}; nothing to uninstall\n")
        return EXIT_OK
    if not _is_ours(hook):
        raise UsageError(f"{hook} is not dsfact's hook; left as it is")
    for kept, how in ((CHAINED, "chained"), (OLD, "replaced")):
        if os.path.lexists(directory / kept):
            os.replace(directory / kept, hook)
            sys.stdout.write(f"dsfact: removed dsfact's hook; restored the hook it {how} as {hook}\n")
            return EXIT_OK
    hook.unlink()
    sys.stdout.write(f"dsfact: removed {hook}\n")
    return EXIT_OK


def _is_ours(hook: Path) -> bool:
    """Is this dsfact's hook? Reads the first 2,000 bytes of a regular file (a symlink is followed; a FIFO
    or a device is never opened)."""
    try:
        if not stat.S_ISREG(os.stat(hook).st_mode):
            return False
        with open(hook, "rb") as handle:
            return MARKER.encode() in handle.read(2000)
    except OSError:
        return False


def _make_executable(path: Path) -> None:
    """u+x, g+x, o+x where r is set (as chmod +x with a 022 umask); never through a symlink."""
    mode = path.lstat().st_mode
    if stat.S_ISREG(mode):
        path.chmod(mode | stat.S_IXUSR | ((mode & 0o044) >> 2))


def run_staged(argv: list[str] | None = None) -> int:
    """What the installed hook runs (from the top of the work tree, as git runs hooks); the exit status.
    Without `argv` (the hook's own call) the process ends here once its output is flushed, as a check from
    the command line does (dsfact.cli.exits.end_process)."""
    from dsfact.cli.exits import end_process, guarded

    code = guarded(_run_staged, list(argv or []))
    return end_process(code) if argv is None else code


def _run_staged(argv: list[str]) -> int:
    import fnmatch

    from dsfact.cli.check_parser import run_check_command
    from dsfact.cli.git import staged
    from dsfact.errors import DsfactError
    from dsfact.workspace.settings import DEFAULT_INCLUDE, resolve_settings
    from dsfact.workspace.walk import matches

    try:
        settings = resolve_settings(["."])
        include, exclude = settings.include, settings.exclude
    except DsfactError:  # a broken config file: the check below reports it
        include, exclude = DEFAULT_INCLUDE, ()
    files = [f for f in staged(".")
             if any(fnmatch.fnmatch(os.path.basename(f.path), g) or fnmatch.fnmatch(f.path, g) for g in include)
             and not matches(exclude, os.path.basename(f.path), f.path)]
    if not files:
        return EXIT_OK
    return run_check_command(["--format", "lines", *argv, "--", *(f.path for f in files)],
                             contents={f.path: f.data for f in files},
                             changed_lines={os.path.normpath(f.path): f.lines for f in files})

"""Helpers for the security tests: the real command line in a subprocess, and small registries."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from budget_registry import registry_text  # noqa: F401 - the security tests take it from here

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
ARTICLE = "The Shelbyville council approved a budget of $150 million for 2024.\n"  # the registry says 120


def dsfact(*args, cwd, env=None, timeout=60, stdin=None, **kw) -> subprocess.CompletedProcess:
    full = dict(os.environ, NO_COLOR="1", COLUMNS="200")
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "dsfact", *map(str, args)], cwd=cwd, capture_output=True,
                          timeout=timeout, env=full, stdin=stdin if stdin is not None else subprocess.DEVNULL, **kw)


SOURCE = "The Shelbyville council approved a budget of $120 million for 2024 on Monday.\n"


def make_registry(directory: Path, **kw) -> Path:
    """A one-claim registry and its source file in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "gazette.txt").write_text(SOURCE, encoding="utf-8")
    path = directory / "claims.yaml"
    path.write_text(registry_text(**kw), encoding="utf-8")
    return path


def lines(stderr: bytes | str) -> list[str]:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    return [line for line in text.splitlines() if line.strip()]

"""Where hooks written by `dsfact hook install` before the command line became the dsfact.cli package
find what they run (`from dsfact.hook import run_staged`); `dsfact hook install` writes the new name."""
from __future__ import annotations

from dsfact.cli.hook import run_staged

__all__ = ["run_staged"]

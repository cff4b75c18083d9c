"""Instructions (valgrind's cachegrind) of the start-up runs that bench.py times, run as it runs them:

    python3 bench/count.py [--no-install]

the same commands on the same article (bench.py's SHORT_ARTICLE), from bench/.venv (this tree installed
non-editable, as bench.py installs it), in bench/out with bench.py's environment, the registry cache warm,
PYTHONHASHSEED=0. Counts are steady from run to run where wall times are not; they are comparable with
bench.py's wall times only when both are of the same commands, which is what this script is for (counts
of another article, a one-sentence one say, leave out what the timed article's figures cost). Standard
library only; valgrind must be installed.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

import bench

STARTUP = {  # name: arguments after the program, as bench.py's start-up rounds run them
    "dsfact": ("dsfact", ["check", str(bench.SHORT_ARTICLE)]),
    "dsfact_lines": ("dsfact", ["check", "--format", "lines", str(bench.SHORT_ARTICLE)]),
    "proselint": ("proselint", ["check", str(bench.SHORT_ARTICLE)]),
}


def instructions(cmd: list[str]) -> int:
    """The instructions one whole process executes (cachegrind's I refs), its output discarded."""
    env = bench.env()
    env["PYTHONHASHSEED"] = "0"
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}",
                               *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=bench.OUT,
                              text=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if found is None:
        raise SystemExit(f"count: no count from valgrind for {cmd[0]}: {proc.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Count the instructions of bench.py's start-up runs.")
    parser.add_argument("--no-install", action="store_true", help="count what bench/.venv holds")
    opts = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("count: valgrind is not installed")
    bench.setup(reinstall=not opts.no_install)
    bench.OUT.mkdir(exist_ok=True)
    counts = {}
    for name, (program, args) in STARTUP.items():
        cmd = [bench.venv_bin(program), *args]
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=bench.env(), cwd=bench.OUT)
        counts[name] = instructions(cmd)  # after a warm-up run: the registry cache is written
    shown = {str(bench.SHORT_ARTICLE): os.path.relpath(bench.SHORT_ARTICLE, bench.ROOT)}
    rows = [f"| {name} | {' '.join(shown.get(a, a) for a in args)} | {n / 1e6:,.1f} M | {n / counts['proselint']:.2f} |"
            for name, (_, args) in STARTUP.items() for n in (counts[name],)]
    sys.stdout.write("| run | arguments | instructions | of proselint's |\n|---|---|---|---|\n" + "\n".join(rows)
                     + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

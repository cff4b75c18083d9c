"""How fast each output format answers on a big run: 300 files of 300 figures each (the case in which
the table once showed nothing for 32-48 s). For `lines` and `table`, the wall time of the whole run and
the time to the first byte on stdout, medians of a few alternating rounds. Goal: the table path is at
most 5x the lines path (and its first output comes after the first file, not the last).

    python3 bench/bench_output.py [--files 300] [--figures 300] [--rounds 3] [--dsfact PATH]

Standard library only; the articles are generated sentences, not published text.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "DeepSeek trained V3 on {n:,} H800 chips, the desk was told.",
    "The final training run cost ${m} million, a figure the company repeated.",
    "Nvidia lost ${b} billion of market value at the close on the day.",
    "The share price fell {p}% at the close, traders said.",
    "The weather was mild and the river ran high.",
]
GOAL = 5.0


def write_articles(folder: Path, files: int, figures: int) -> list[str]:
    paths = []
    for i in range(files):
        lines = []
        for j in range(figures):
            template = SENTENCES[(i + j) % len(SENTENCES)]
            lines.append(template.format(n=2048 + (j % 3) * 1024, m=5.6 + (j % 2), b=589 + j % 7, p=17 + j % 3))
            if j % 5 == 4:
                lines.append("")
        path = folder / f"article{i:04d}.md"
        path.write_text("# Story\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def timed(cmd: list[str]) -> tuple[float, float]:
    """(time to the first byte on stdout, whole wall time) of one run, in seconds."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env={**os.environ, "COLUMNS": "160"})
    first = proc.stdout.read(1)
    first_at = time.perf_counter() - start
    proc.stdout.read()
    proc.wait()
    total = time.perf_counter() - start
    return (first_at if first else total), total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--figures", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dsfact", default=str(Path(sys.executable).parent / "dsfact"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_articles(Path(tmp), args.files, args.figures)
        runs: dict[str, list[tuple[float, float]]] = {"lines": [], "table": []}
        for _ in range(args.rounds):
            for fmt in runs:
                runs[fmt].append(timed([args.dsfact, "check", "--fail-on", "never", "--format", fmt, *paths]))
    med = {fmt: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs)) for fmt, rs in runs.items()}
    ratio = med["table"][1] / med["lines"][1]
    print(f"{args.files} files x {args.figures} figures, median of {args.rounds} rounds")
    print("| format | first output | whole run |")
    print("|---|---|---|")
    for fmt, (first, total) in med.items():
        print(f"| {fmt} | {first:.2f} s | {total:.2f} s |")
    print(f"table / lines: {ratio:.2f} (goal <= {GOAL}: {'met' if ratio <= GOAL else 'NOT met'})")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())

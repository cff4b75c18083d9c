"""Benchmark dsfact against proselint: start-up, throughput, registry scaling. One command:

    python3 bench/bench.py            (or bench/run.sh)

It makes (once) a virtual environment bench/.venv with proselint from PyPI, installs this working tree
into it non-editable (every run, so the numbers are the code's as it is), generates the corpus
(bench/corpus.py) and the 5,000-claim registry (bench/registry.py) under bench/out/, then times whole
processes with time.perf_counter around subprocess.run, alternating the tools round by round, and prints
a table of medians and ratios; the same table goes to bench/results.md with the machine it ran on.
Standard library only (the generators run inside bench/.venv).
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV = BENCH / ".venv"
OUT = BENCH / "out"
SHORT_ARTICLE = ROOT / "examples" / "draft_en.md"

GOALS = {
    "startup": 0.8,  # dsfact / proselint wall time, one short article: at most
    "throughput": 3.0,  # dsfact / proselint articles per second, one invocation: at least
    "jobs": 1.7,  # --jobs 2 / --jobs 1 articles per second: at least
    "scaling": 3.0,  # per-article time with 5,000 claims / with the bundled registry: at most
    "dense": 2.0,  # dsfact --jobs 1 / proselint on the figure-dense corpus: at least (stretch: 5)
    "dense_jobs": 1.8,  # --jobs 2 / --jobs 1 on the figure-dense corpus: at least
}


def venv_bin(name: str) -> str:
    return str(VENV / "bin" / name)


def setup(reinstall: bool) -> None:
    """bench/.venv with proselint and this tree (non-editable)."""
    pip = [venv_bin("python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if not (VENV / "bin" / "python").exists():
        log("creating bench/.venv")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not (VENV / "bin" / "proselint").exists():
        log("installing proselint from PyPI")
        subprocess.run(pip + ["proselint"], check=True)
    if reinstall or not (VENV / "bin" / "dsfact").exists():
        log("installing this working tree into bench/.venv (non-editable)")
        subprocess.run(pip + ["--force-reinstall", "--no-deps", str(ROOT)], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run(pip + [f"{ROOT}[dask]"], check=True, stdout=subprocess.DEVNULL)  # its dependencies, Dask too


def generate(articles: int, claims: int) -> tuple[list[str], Path]:
    corpus = OUT / f"corpus-{articles}"
    if not corpus.is_dir() or len(list(corpus.iterdir())) != articles:
        log(f"generating {articles} articles")
        subprocess.run([venv_bin("python"), str(BENCH / "corpus.py"), str(corpus), "--articles", str(articles)],
                       check=True, stdout=subprocess.DEVNULL)
    registry = OUT / f"registry-{claims}" / "big.yaml"
    if not registry.is_file():
        log(f"generating a registry of {claims} claims")
        subprocess.run([venv_bin("python"), str(BENCH / "registry.py"), str(registry.parent), "--claims", str(claims)],
                       check=True, stdout=subprocess.DEVNULL)
    files = sorted(str(p) for p in corpus.iterdir())
    return files, registry


def generate_dense(articles: int) -> list[str]:
    corpus = OUT / f"dense-{articles}"
    if not corpus.is_dir() or len(list(corpus.iterdir())) != articles:
        log(f"generating {articles} figure-dense articles")
        subprocess.run([venv_bin("python"), str(BENCH / "corpus.py"), str(corpus), "--dense", "--articles",
                        str(articles)], check=True, stdout=subprocess.DEVNULL)
    return sorted(str(p) for p in corpus.iterdir())


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["DSFACT_CACHE_DIR"] = str(OUT / "cache")
    e.pop("DSFACT_REGISTRY", None)
    e["NO_COLOR"] = "1"
    return e


CPU: dict[str, list[float]] = {}  # CPU seconds (user + system) of each run, by command name


def timed(cmd: list[str], ok=(0, 1), name: str | None = None) -> float:
    """Wall time of one whole process; its output is discarded (piped, as in a hook). Its CPU time (with
    its worker processes) is kept in CPU: on a machine shared with other work it shows what wall times
    cannot."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env(), cwd=OUT)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in ok:
        raise SystemExit(f"bench: {cmd[0]} exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-500:]}")
    if name:
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        CPU.setdefault(name, []).append(cpu)
    return elapsed


def alternate(commands: dict[str, list[str]], rounds: int, warmup: int = 1) -> dict[str, list[float]]:
    """Run each command once per round, in turn, so that a slow spell of the machine hits all of them."""
    for _ in range(warmup):
        for cmd in commands.values():
            timed(cmd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for r in range(rounds):
        order = list(commands.items())
        if r % 2:
            order.reverse()
        for name, cmd in order:
            times[name].append(timed(cmd, name=name))
    return times


def archive_rates(dsfact: str, corpus: Path, workers: int, rounds: int) -> list[float]:
    """Documents per second of `dsfact archive --scheduler local --workers N` over the corpus, as its
    summary.json reports them: the checking, without the local cluster's start-up."""
    import json
    import shutil

    rates = []
    for _ in range(rounds):
        out = OUT / f"archive-{workers}"
        shutil.rmtree(out, ignore_errors=True)
        timed([dsfact, "archive", str(corpus), "--no-ignore", "--scheduler", "local", "--workers", str(workers),
               "--out", str(out)])  # bench/out is git-ignored
        rates.append(json.loads((out / "summary.json").read_text())["documents_per_second"])
    return rates


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    py = subprocess.run([venv_bin("python"), "-c", "import platform; print(platform.python_version())"],
                        capture_output=True, text=True).stdout.strip()
    prose = subprocess.run([venv_bin("proselint"), "version"], capture_output=True, text=True).stdout.strip()
    return (f"{os.cpu_count()} CPUs (nproc), {cpu}, {platform.system()} {platform.release()}, "
            f"Python {py}, {prose or 'proselint'}; load average {load}")


def log(message: str) -> None:
    sys.stderr.write(f"bench: {message}\n")
    sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark dsfact against proselint.")
    parser.add_argument("--articles", type=int, default=1200)
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--dense-articles", type=int, default=150, help="articles of the figure-dense corpus")
    parser.add_argument("--startup-rounds", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the corpus runs")
    parser.add_argument("--no-install", action="store_true", help="bench what bench/.venv holds")
    parser.add_argument("--quick", action="store_true", help="a smoke test: 300 articles, few rounds")
    parser.add_argument("--output", default=str(BENCH / "results.md"))
    opts = parser.parse_args(argv)
    if opts.quick:
        opts.articles, opts.startup_rounds, opts.rounds = 300, 5, 1

    setup(reinstall=not opts.no_install)
    OUT.mkdir(exist_ok=True)
    files, big = generate(opts.articles, opts.claims)
    dense = generate_dense(opts.dense_articles)
    dsfact, proselint = venv_bin("dsfact"), venv_bin("proselint")
    n = len(files)
    at_start = machine()

    log(f"start-up: {opts.startup_rounds} rounds")
    start = alternate({
        "dsfact": [dsfact, "check", str(SHORT_ARTICLE)],
        "proselint": [proselint, "check", str(SHORT_ARTICLE)],
        "dsfact_lines": [dsfact, "check", "--format", "lines", str(SHORT_ARTICLE)],
        "dsfact_big": [dsfact, "check", "--format", "lines", "--registry", str(big), str(SHORT_ARTICLE)],
    }, opts.startup_rounds, warmup=2)

    log(f"throughput: {opts.rounds} rounds over {n} articles")
    corpus = alternate({
        "prose_corpus": [proselint, "check", *files],
        "jobs1": [dsfact, "check", "--format", "jsonl", "--jobs", "1", *files],
        "jobs2": [dsfact, "check", "--format", "jsonl", "--jobs", "2", *files],
        "big1": [dsfact, "check", "--format", "jsonl", "--jobs", "1", "--registry", str(big), *files],
    }, opts.rounds, warmup=0)

    log(f"dense: {opts.rounds} rounds over {len(dense)} figure-dense articles")
    dense_runs = alternate({
        "prose_dense": [proselint, "check", *dense],
        "dense1": [dsfact, "check", "--format", "jsonl", "--jobs", "1", *dense],
        "dense2": [dsfact, "check", "--format", "jsonl", "--jobs", "2", *dense],
    }, opts.rounds, warmup=0)
    corpus.update(dense_runs)

    log(f"archive: {opts.rounds} rounds of dsfact archive with 1 and 2 local Dask workers")
    archive = {w: statistics.median(archive_rates(dsfact, Path(files[0]).parent, w, opts.rounds)) for w in (1, 2)}

    med = {k: statistics.median(v) for k, v in {**start, **corpus}.items()}
    rows = []

    def row(what, ours, theirs, ratio, goal, met):
        rows.append((what, ours, theirs, ratio, goal, "yes" if met else "**no**"))

    r = med["dsfact"] / med["proselint"]
    row("start-up, one short article (wall, median)", f"{med['dsfact'] * 1000:.0f} ms",
        f"proselint {med['proselint'] * 1000:.0f} ms", f"{r:.2f}", f"<= {GOALS['startup']}", r <= GOALS["startup"])
    r = med["dsfact_lines"] / med["proselint"]
    row("start-up, the same with --format lines", f"{med['dsfact_lines'] * 1000:.0f} ms",
        f"proselint {med['proselint'] * 1000:.0f} ms", f"{r:.2f}", f"<= {GOALS['startup']}", r <= GOALS["startup"])
    tp1, tpp = n / med["jobs1"], n / med["prose_corpus"]
    r = tp1 / tpp
    row(f"throughput, {n} articles, --jobs 1", f"{tp1:.0f} articles/s", f"proselint {tpp:.0f} articles/s",
        f"{r:.2f}", "(single process, for reference)", True)
    tp2 = n / med["jobs2"]
    r = tp2 / tpp
    row(f"throughput, {n} articles, --jobs 2", f"{tp2:.0f} articles/s", f"proselint {tpp:.0f} articles/s",
        f"{r:.2f}", f">= {GOALS['throughput']}", r >= GOALS["throughput"])
    r = tp2 / tp1
    row("--jobs 2 against --jobs 1", f"{tp2:.0f} articles/s", f"--jobs 1: {tp1:.0f} articles/s", f"{r:.2f}",
        f">= {GOALS['jobs']}", r >= GOALS["jobs"])
    per_small, per_big = med["jobs1"] / n, med["big1"] / n
    r = per_big / per_small
    row(f"per article, {opts.claims:,}-claim registry (--jobs 1)", f"{per_big * 1000:.2f} ms",
        f"bundled registry {per_small * 1000:.2f} ms", f"{r:.2f}", f"<= {GOALS['scaling']}", r <= GOALS["scaling"])
    row(f"start-up with the {opts.claims:,}-claim registry (cached, --format lines)",
        f"{med['dsfact_big'] * 1000:.0f} ms", f"bundled {med['dsfact_lines'] * 1000:.0f} ms",
        f"{med['dsfact_big'] / med['dsfact_lines']:.2f}", "(for reference)", True)

    nd = len(dense)
    dense_kb = sum(os.path.getsize(f) for f in dense) / 1e3
    d1, dp, d2 = nd / med["dense1"], nd / med["prose_dense"], nd / med["dense2"]
    r = d1 / dp
    row(f"figure-dense corpus ({nd} articles, {dense_kb:.0f} KB), --jobs 1", f"{d1:.0f} articles/s",
        f"proselint {dp:.0f} articles/s", f"{r:.2f}", f">= {GOALS['dense']} (stretch 5)", r >= GOALS["dense"])
    r = d2 / d1
    row("figure-dense corpus, --jobs 2 against --jobs 1", f"{d2:.0f} articles/s", f"--jobs 1: {d1:.0f} articles/s",
        f"{r:.2f}", f">= {GOALS['dense_jobs']}", r >= GOALS["dense_jobs"])
    cpu_d1 = statistics.median(CPU["dense1"])
    cpu_dp = statistics.median(CPU["prose_dense"])
    r = cpu_dp / cpu_d1
    row("figure-dense corpus, --jobs 1, CPU seconds", f"{cpu_d1:.2f} s", f"proselint {cpu_dp:.2f} s", f"{r:.2f}",
        "(for reference: what a busy machine does not change)", True)
    row(f"dsfact archive, {n} articles, 1 local Dask worker", f"{archive[1]:.0f} articles/s per worker",
        f"--jobs 1: {tp1:.0f} articles/s", f"{archive[1] / tp1:.2f}", "(for reference)", True)
    row(f"dsfact archive, {n} articles, 2 local Dask workers", f"{archive[2] / 2:.0f} articles/s per worker",
        f"1 worker: {archive[1]:.0f} articles/s", f"{archive[2] / archive[1]:.2f}", "(for reference)", True)

    header = ("| measure | dsfact | against | ratio | goal | met |", "|---|---|---|---|---|---|")
    table = "\n".join([*header, *("| " + " | ".join(x) + " |" for x in rows)])
    labels = {"dsfact": "dsfact check, short article", "proselint": "proselint check, short article",
              "dsfact_lines": "dsfact check --format lines, short article",
              "dsfact_big": f"dsfact check --format lines, short article, {opts.claims:,} claims",
              "prose_corpus": f"proselint check, {n} articles", "jobs1": f"dsfact check --format jsonl --jobs 1, {n} articles",
              "jobs2": f"dsfact check --format jsonl --jobs 2, {n} articles",
              "big1": f"dsfact check --format jsonl --jobs 1, {n} articles, {opts.claims:,} claims",
              "prose_dense": f"proselint check, {len(dense)} figure-dense articles",
              "dense1": f"dsfact check --format jsonl --jobs 1, {len(dense)} figure-dense articles",
              "dense2": f"dsfact check --format jsonl --jobs 2, {len(dense)} figure-dense articles"}
    cpu_rows = [f"| {labels[k]} | {statistics.median(v):.3f} | {statistics.median(CPU[k]):.3f} |"
                for k, v in {**start, **corpus}.items()]
    table += ("\n\nEach run's median wall time and CPU time (user + system, its worker processes included):"
              "\n\n| run | wall s | CPU s |\n|---|---|---|\n" + "\n".join(cpu_rows))
    spread = ", ".join(f"{k} {min(v) * 1000:.0f}–{max(v) * 1000:.0f} ms" for k, v in start.items())
    at_end = machine().rsplit("load average ", 1)[1]
    text = (f"# dsfact benchmark results\n\n{table}\n\n"
            f"Machine: {at_start} at the start, {at_end} at the end.\n\n"
            f"Medians of {opts.startup_rounds} alternating rounds for start-up (range: {spread}) and of "
            f"{opts.rounds} for the corpus of {n} generated articles "
            f"({sum(os.path.getsize(f) for f in files) / 1e6:.1f} MB; English Markdown, Traditional and "
            f"Simplified Chinese text), and of {opts.rounds} for the figure-dense corpus of {len(dense)} articles "
            f"({dense_kb / 1e3:.1f} MB, `bench/corpus.py --dense`: every sentence states figures). Whole processes, output piped; the registry's compiled form cached "
            f"(one warm-up run each). Command: `python3 bench/bench.py`.\n")
    sys.stdout.write(text)
    Path(opts.output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

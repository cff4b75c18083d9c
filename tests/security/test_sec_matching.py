"""Linear time on hostile text (issue 10): one run-on sentence full of figures and cue words, with no
full stop anywhere, must not make matching quadratic. Before the bound on a sentence's length, 100 KB
took over a minute and 150 KB three: every figure looked at every cue word of the one sentence, and each
metric word at every figure between it and the figure. Each run is a subprocess under a time limit, so a
regression fails instead of hanging the suite; what is compared is the CPU time of checking (the machine
may be busy with other work, which stretches wall time but not CPU time)."""
from __future__ import annotations

import subprocess
import sys

import pytest

# Registered subjects and metric words beside many figures of their units, and figures about others,
# joined by commas and "and" only: one sentence as far as punctuation goes.
PIECE = ("DeepSeek said V3 was trained on 2,048 Nvidia H800 GPUs for about $5.6 million, while Nvidia "
         "lost $589 billion of market value as its shares fell 17% and the Nasdaq Composite slid 3.1%, "
         "英伟达市值蒸发5890亿美元，股价下跌17%，训练成本约557.6万美元，使用2048块H800芯片，")
CEILING_1MB = 90.0  # CPU seconds: generous (about 20 today); quadratic matching needed hours
WALL_LIMIT = 600.0  # seconds a run may take on a busy machine before it counts as hung
GROWTH = 8.0  # four times the text may take at most this many times as long: linear is 4, quadratic 16
RUNS = 3

SCRIPT = """
import sys, time
from dsfact.check import find_findings
from dsfact.registry import load_registry
piece, size = sys.argv[1], int(sys.argv[2])
text = (piece * (size // len(piece) + 1))[:size]
registry = load_registry()
find_findings(piece, registry)  # warm: the engine and cue index are built once per process
t = time.process_time()
found = find_findings(text, registry)
print(time.process_time() - t, len(found))
"""


def _timed(size: int) -> tuple[float, int]:
    """CPU seconds find_findings takes on `size` characters of the run-on sentence, and its findings."""
    try:
        out = subprocess.run([sys.executable, "-c", SCRIPT, PIECE, str(size)], capture_output=True, text=True,
                             timeout=WALL_LIMIT, check=True).stdout.split()
    except subprocess.TimeoutExpired:
        pytest.fail(f"{size:,} characters of one run-on sentence took over {WALL_LIMIT:.0f} s")
    return float(out[0]), int(out[1])


def test_one_megabyte_run_on_sentence_is_checked_in_bounded_time():
    seconds, found = _timed(1_000_000)
    assert seconds < CEILING_1MB
    assert found > 0  # the figures are still read and judged, not skipped


def test_four_times_a_run_on_sentence_takes_about_four_times_as_long():
    """Sizes four times apart, and a bound halfway (in ratio) between linear and quadratic growth: a
    busy machine stretches one run by tens of percent, which a doubling with a 2.2 bound could not
    tell from a real regression, while quadratic matching would still take 16 times as long."""
    small = min(_timed(128_000)[0] for _ in range(RUNS))
    large = min(_timed(512_000)[0] for _ in range(RUNS))
    assert large <= GROWTH * small, f"128 KB: {small:.2f} s, 512 KB: {large:.2f} s"

"""Output details a user of the command line reads, through the installed console script: a timeline
for dates, variants said once, figures never broken across lines, rates and moves written as the
message says them, JSON that agrees with the message, one line per exit-2 error."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dsfact.model import Per
from dsfact.quantity import per_words

DSFACT = str(Path(sys.executable).parent / "dsfact")


def dsfact(*args, columns=None, input=None):
    env = {**os.environ, "NO_COLOR": "1"}
    if columns:
        env["COLUMNS"] = str(columns)
    return subprocess.run([DSFACT, *map(str, args)], capture_output=True, text=True, env=env, input=input)


def test_compare_chart_time_draws_a_timeline():
    proc = dsfact("compare", "time", "--chart", columns=100)
    assert proc.returncode == 0 and "nothing to chart" not in proc.stdout
    timeline = proc.stdout[proc.stdout.index("timeline"):].splitlines()
    rows = [line for line in timeline if "●" in line]
    dates = [line.split()[-1] for line in rows]
    assert len(rows) >= 4 and dates == sorted(dates)  # earliest first
    marks = [line.index("●") for line in rows]
    assert marks == sorted(marks) and marks[0] < marks[-1]  # later dates further along the axis
    doc = json.loads(dsfact("compare", "time", "--format", "json").stdout)
    (chart,) = [c for c in doc["charts"] if c["unit"] == "date"]
    assert [b["value"] for b in chart["bars"]] == sorted(b["value"] for b in chart["bars"])
    assert "2024-12-27" in [b["value"] for b in chart["bars"]]


def test_claims_says_a_variant_once():
    out = dsfact("claims", "market", columns=200).stdout
    assert "at the close" in out
    assert "(close) (close)" not in out and "close (close)" not in out and "(intraday) (intraday)" not in out
    single = dsfact("claims", "C25", columns=200).stdout.splitlines()[0]
    assert single.count("close") == 1


@pytest.mark.parametrize("columns", [50, 60, 80, 100, 160])
def test_compare_never_breaks_a_figure_across_lines(columns):
    out = dsfact("compare", "cost", columns=columns).stdout
    assert out.count("557.6萬美元") == 2, out  # both of tkp's quotes, each whole on one line
    assert "550 萬美元" in out


def test_rates_read_as_written():
    assert per_words(Per(1_000_000, "token")) == "per million tokens"
    assert per_words(Per(1, "token")) == "per token"
    assert per_words(Per(1000, "token")) == "per 1,000 tokens"
    proc = dsfact("check", "-f", "lines", "-", input="DeepSeek's R1 API charges 14 cents per million tokens.\n")
    assert "C20: $0.14 per million tokens agrees" in proc.stdout


def test_json_direction_agrees_with_the_signed_message():
    proc = dsfact("check", "-f", "json", "-", input="Nvidia shares fell 27% at the close on Monday.\n")
    (finding,) = json.loads(proc.stdout)["files"][0]["findings"]
    assert finding["value"] == 27 and finding["direction"] == "down"
    assert finding["message"].startswith("−27%")
    rise = dsfact("check", "-f", "json", "-", input="Nvidia shares rose 9% the next day.\n")
    assert [f["direction"] for f in json.loads(rise.stdout)["files"][0]["findings"]] == ["up"]
    plain = dsfact("check", "-f", "json", "-", input="DeepSeek trained V3 on 2,048 H800 chips.\n")
    assert [f["direction"] for f in json.loads(plain.stdout)["files"][0]["findings"]] == [None]


def test_an_unreadable_file_carries_its_error_instead_of_findings(tmp_path):
    ok = tmp_path / "ok.md"
    ok.write_text("DeepSeek trained V3 on 2,048 H800 chips.\n", encoding="utf-8")
    proc = dsfact("check", "-f", "json", tmp_path / "gone.md", ok)
    gone, fine = json.loads(proc.stdout)["files"]
    assert proc.returncode == 2
    assert set(gone) == {"path", "error"} and set(fine) == {"path", "findings", "warnings"}
    lines = [json.loads(line) for line in dsfact("check", "-f", "jsonl", tmp_path / "gone.md").stdout.splitlines()]
    assert "findings" not in lines[0] and lines[0]["error"]


def test_a_registry_with_several_faults_is_one_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nsources: []\nclaims:\n  - id: X1\n  - id: X1\n", encoding="utf-8")
    for args in (["check", "--registry", bad, "-"], ["claims", "--registry", bad], ["compare", "--registry", bad]):
        proc = dsfact(*args, input="x\n")
        assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
        assert f"{bad}:2:" in proc.stderr and "more" in proc.stderr and "dsfact validate" in proc.stderr

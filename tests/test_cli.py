"""The command line: exit codes, formats, stdin, errors as one line, the registry browser."""
import io
import json
import sys

from conftest import FIXTURES, ROOT
from typer.testing import CliRunner

from dsfact.cli import app, main

runner = CliRunner()
ARTICLE = FIXTURES / "articles" / "en_desk.md"


def run_main(capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_codes(capsys, tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("DeepSeek trained V3 on 2,048 H800 chips.\n", encoding="utf-8")
    assert run_main(capsys, "check", clean)[0] == 0
    wrong = tmp_path / "wrong.md"  # two independent reports say 2,048: an error
    wrong.write_text("DeepSeek trained V3 on 4,096 H800 chips.\n", encoding="utf-8")
    assert run_main(capsys, "check", wrong)[0] == 1
    assert run_main(capsys, "check", "--fail-on", "never", wrong)[0] == 0
    single = tmp_path / "single.md"  # only one opinion column states Grok 3's GPU count: a warning
    single.write_text("xAI trained Grok 3 on 200,000 H100 GPUs in Colossus.\n", encoding="utf-8")
    assert run_main(capsys, "check", single)[0] == 0
    assert run_main(capsys, "check", "--fail-on", "warning", single)[0] == 1
    assert run_main(capsys, "check", "--fail-on", "disputed", single)[0] == 1  # the older name of warning
    assert run_main(capsys, "check", "--fail-on", "contradicted", single)[0] == 0  # ... and of error
    assert run_main(capsys, "check", "--fail-on", "contradicted", wrong)[0] == 1


def test_missing_file_is_one_line_and_exit_2(capsys, tmp_path):
    code, out, err = run_main(capsys, "check", "--format", "json", tmp_path / "nope.md", ARTICLE)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "nope.md" in lines[0] and "Traceback" not in err
    report = json.loads(out)
    assert report["files"][1]["findings"], "the other file was still checked"


def test_usage_errors_exit_2(capsys):
    assert run_main(capsys, "check", "--format", "xml", ARTICLE)[0] == 2
    assert run_main(capsys, "check")[0] == 2
    assert run_main(capsys, "frobnicate")[0] == 2


def test_stdin(capsys, monkeypatch):
    code, out, _ = run_main(capsys, "check", "--format", "lines", "--fail-on", "warning", "-",
                            stdin="The Dow fell 0.2% on Monday.\n", monkeypatch=monkeypatch)
    assert code == 1
    assert out.startswith("-:1:14: error: contradicted C37: ")  # the close: up 0.65%


def test_table_is_the_default_even_when_piped(capsys):
    code, out, _ = run_main(capsys, "check", ARTICLE)
    assert out.splitlines()[0].strip() == str(ARTICLE)  # the table's title
    assert "\x1b[" not in out and "C42" in out and "contradicted" in out


def test_lines_format(capsys):
    code, out, _ = run_main(capsys, "check", "--format", "lines", ARTICLE)
    assert out.splitlines()[0].startswith(f"{ARTICLE}:3:22: info: supported C07: ")


def test_table_output_has_a_column_per_source_and_no_colour_codes(capsys):
    code, out, _ = run_main(capsys, "check", "--format", "table", FIXTURES / "articles" / "zh_hant_desk.md")
    assert "\x1b[" not in out
    for heading in ("Where", "Text", "Claim", "Verdict", "etnet", "tkp", "yu"):
        assert heading in out
    assert "6143億美元" in out and "supported" in out  # the intraday loss: no word says close or intraday
    assert "Severity" in out and "warning" in out and "error" in out
    assert out.strip().splitlines()[-1] == "1 file: 4 supported, 3 contradicted, 0 disputed"


def test_registry_option_and_environment(capsys, monkeypatch):
    city = FIXTURES / "city" / "city.yaml"
    text = FIXTURES / "city" / "gazette.txt"
    code, out, _ = run_main(capsys, "check", "--format", "json", "--registry", city, text)
    claims = {f["claim"] for f in json.loads(out)["files"][0]["findings"]}
    assert claims and claims <= {"B1", "B2", "B3", "B4"}
    monkeypatch.setenv("DSFACT_REGISTRY", str(city))
    code, out2, _ = run_main(capsys, "check", "--format", "json", text)
    assert json.loads(out2) == json.loads(out)


def test_broken_registry_is_reported_at_file_line(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nsources: x: y\n", encoding="utf-8")
    code, _, err = run_main(capsys, "check", "--registry", bad, ARTICLE)
    assert code == 2 and f"{bad}:2:" in err and "Traceback" not in err


def test_parse_json():
    result = runner.invoke(app, ["parse", "DeepSeek-V3 cost about $5.6 million on 2,048 H800s", "--format", "json"])
    assert result.exit_code == 0
    got = json.loads(result.stdout)
    assert [(q["text"], q["value"], q["unit"], q["qualifier"]) for q in got] == [
        ("$5.6 million", 5600000.0, "USD", "approximately"), ("2,048", 2048.0, "count", None)]
    assert got[0]["start"] == "DeepSeek-V3 cost about ".__len__()


def test_parse_table_shows_spans():
    result = runner.invoke(app, ["parse", "英偉達市值蒸發5890億美元"])
    assert result.exit_code == 0 and "5890億美元" in result.stdout and "USD" in result.stdout


def test_validate_bundled():
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "ok:" in result.stdout and "claims" in result.stdout


def test_validate_reports_wrong_quote(tmp_path):
    import shutil

    shutil.copytree(FIXTURES / "city", tmp_path / "city")
    path = tmp_path / "city" / "city.yaml"
    text = path.read_text(encoding="utf-8").replace("The city employs 2,150 people", "The city employs 2,151 people")
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    line = next(i for i, text_line in enumerate(text.splitlines(), 1) if "2,151" in text_line)
    assert f"{path}:{line}: claim B3: quote not found" in result.stderr


def test_claims_and_sources():
    result = runner.invoke(app, ["claims", "C25"])
    assert result.exit_code == 0 and "5890億美元" in result.stdout and "etnet" in result.stdout
    result = runner.invoke(app, ["claims", "gpus", "--format", "json"])
    topics = {c["topic"] for c in json.loads(result.stdout)}
    assert result.exit_code == 0 and topics == {"gpus"}
    result = runner.invoke(app, ["claims", "英伟达", "--format", "json"])
    assert {"C25", "C26", "C27"} <= {c["id"] for c in json.loads(result.stdout)}
    assert main(["claims", "no-such-thing"]) == 2
    result = runner.invoke(app, ["sources", "--format", "json"])
    ids = [s["id"] for s in json.loads(result.stdout)]
    assert ids[-5:] == ["etnet", "tkp", "aena", "yu", "yin"]  # after the primary records


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    for command in ("check", "parse", "validate", "claims", "sources"):
        assert command in result.stdout


def test_check_help(capsys):
    code, out, _ = run_main(capsys, "check", "--help")
    assert code == 0 and "--format" in out and "--registry" in out


def test_module_entry_point():
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "dsfact", "check", "--format", "json", "--fail-on", "warning",
                           str(ARTICLE)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1 and json.loads(proc.stdout)["summary"]["contradicted"] == 2

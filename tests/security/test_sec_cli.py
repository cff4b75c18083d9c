"""The command line under hostile conditions: a reader that goes away, a closed stdout, Ctrl-C in a
pool of workers, configuration files that someone else could have written."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sec_helpers import EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, dsfact, lines

CONTRADICTED = "DeepSeek trained its V3 model on 4,096 Nvidia H800 chips.\n"
ROOT_ONLY = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                               reason="giving a file to another user needs root")


@pytest.fixture
def many(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    for i in range(30):
        (folder / f"d{i:02}.md").write_text(CONTRADICTED * 3, encoding="utf-8")
    return folder


def test_a_reader_that_goes_away_does_not_turn_findings_into_success(tmp_path, many):
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.Popen([sys.executable, "-m", "dsfact", "check", "-f", "jsonl", many], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == EXIT_FINDINGS, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr


@pytest.mark.parametrize("fmt", ["table", "lines", "json"])
def test_a_closed_stdout_is_not_an_internal_error(tmp_path, fmt):
    draft = tmp_path / "d.md"
    draft.write_text(CONTRADICTED, encoding="utf-8")
    result = dsfact("check", "-f", fmt, draft, cwd=tmp_path, stdout=None, close_fds=True,
                    preexec_fn=lambda: os.close(1))
    text = result.stderr.decode()
    assert result.returncode == EXIT_FINDINGS, text
    assert "internal error" not in text and "Traceback" not in text


@pytest.mark.parametrize("when", ["after the first result", "as the workers start"])
def test_ctrl_c_during_jobs_is_one_line_and_exit_130(tmp_path, many, when):
    import time

    # far more work than the run does before the signal reaches it: on a loaded machine this process may
    # wait seconds for its turn, and a run that ended meanwhile has nothing left to interrupt
    for i in range(30, 2000):
        (many / f"d{i:04}.md").write_text(CONTRADICTED * 40, encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.Popen([sys.executable, "-m", "dsfact", "check", "-f", "jsonl", "--jobs", "2", many],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True, preexec_fn=_ctrl_c_as_in_a_terminal)
    if when == "as the workers start":
        _wait_for_a_child(proc.pid, time)
    else:
        proc.stdout.readline()  # the workers are running
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the whole process group
    try:
        _, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate()
        raise AssertionError(f"dsfact hung after Ctrl-C; it wrote {stderr.decode()[-300:]!r}") from None
    text = stderr.decode()
    assert proc.returncode == EXIT_INTERRUPTED, text
    assert lines(text) == ["dsfact: interrupted"], text


def _ctrl_c_as_in_a_terminal() -> None:
    """In the child, before dsfact starts: Ctrl-C at its default, as a terminal's foreground job has it. A
    process started with Ctrl-C ignored keeps ignoring it, and so does Python, and so did dsfact: run as a
    background job of a shell without job control (`pytest ... &` in a script), the suite handed that on to
    this test's dsfact, which then never saw the signal and checked every file ("hung after Ctrl-C")."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_a_child(pid: int, time) -> None:
    """Until process pid has started a worker (Linux lists a process's children in /proc), or at most a
    minute; where /proc cannot tell, one second. A fixed second alone was sometimes spent in the
    interpreter's own start-up on a busy machine, before dsfact could answer Ctrl-C at all."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if not children.exists():
        time.sleep(1.0)
        return
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if children.read_text().split():
                return
        except OSError:
            return  # the process is gone: what it printed decides the test
        time.sleep(0.02)


def _excluding_config(folder, mode=0o644):
    config = folder / ".dsfact.toml"
    config.write_text('exclude = ["*"]\n', encoding="utf-8")
    os.chmod(config, mode)
    return config


def test_a_config_others_may_write_is_ignored_with_a_warning(tmp_path):
    shared = tmp_path / "shared"
    (shared / "me").mkdir(parents=True)
    _excluding_config(shared, 0o666)
    draft = shared / "me" / "a.md"
    draft.write_text(CONTRADICTED, encoding="utf-8")
    result = dsfact("check", "-f", "lines", "a.md", cwd=shared / "me")
    text = result.stderr.decode()
    assert result.returncode == EXIT_FINDINGS, text
    assert "can be written by other users" in text and ".dsfact.toml" in text


@ROOT_ONLY
def test_a_config_of_another_user_is_ignored_with_a_warning(tmp_path):
    shared = tmp_path / "shared"
    (shared / "me").mkdir(parents=True)
    config = _excluding_config(shared)
    os.chown(config, 65534, 65534)
    (shared / "me" / "a.md").write_text(CONTRADICTED, encoding="utf-8")
    result = dsfact("check", "-f", "lines", "a.md", cwd=shared / "me")
    text = result.stderr.decode()
    assert result.returncode == EXIT_FINDINGS, text
    assert "belongs to another user" in text


def test_a_trusted_config_still_applies(tmp_path):
    (tmp_path / "me").mkdir()
    config = tmp_path / "me" / ".dsfact.toml"
    config.write_text('fail-on = "never"\n', encoding="utf-8")
    os.chmod(config, 0o644)
    (tmp_path / "me" / "a.md").write_text(CONTRADICTED, encoding="utf-8")
    result = dsfact("check", "-f", "lines", "a.md", cwd=tmp_path / "me")
    assert result.returncode == EXIT_OK, result.stderr


def test_usage_errors_still_exit_2(tmp_path):
    assert dsfact("check", "--cache-dir", cwd=tmp_path).returncode == EXIT_ERROR


DEEP_TOML = {
    "arrays": "x = " + "[" * 3000 + "]" * 3000 + "\n",
    "inline tables": "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
}


@pytest.mark.parametrize("shape", sorted(DEEP_TOML))
@pytest.mark.parametrize("where", [".dsfact.toml", "pyproject.toml", "--config"])
def test_toml_nested_3000_deep_is_one_line(tmp_path, shape, where):
    (tmp_path / "a.md").write_text(CONTRADICTED, encoding="utf-8")
    body = DEEP_TOML[shape]
    name = "pyproject.toml" if where == "pyproject.toml" else ("deep.toml" if where == "--config" else where)
    config = tmp_path / name
    config.write_text(("[tool.dsfact]\n" if where == "pyproject.toml" else "") + body, encoding="utf-8")
    os.chmod(config, 0o644)
    args = ("--config", config) if where == "--config" else ()
    for command in (("check", "-f", "lines", *args, "a.md"), ("config", *args)):
        result = dsfact(*command, cwd=tmp_path)
        text = result.stderr.decode()
        assert result.returncode == EXIT_ERROR, (command, text)
        assert lines(text) == [f"dsfact: error: {config}: "
                               "invalid TOML: nested too deeply"], (command, text)

"""A check from the command line ends its own process once its output is flushed (dsfact.cli.exits.end_process),
but only when the interpreter's exit has nothing else to do."""
import subprocess
import sys
import threading

from conftest import FIXTURES

from dsfact.cli.exits import end_process

ARTICLE = FIXTURES / "articles" / "en_desk.md"


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)


def test_the_report_is_whole_and_the_status_kept_when_the_process_ends_itself():
    done = subprocess.run([sys.executable, "-m", "dsfact", "check", "--format", "lines", "--fail-on", "never",
                           str(ARTICLE)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.rstrip().endswith("disputed") and ": info: " in done.stdout
    wrong = subprocess.run([sys.executable, "-m", "dsfact", "check", "--format", "lines", "-"],
                           input="DeepSeek-V3 cost $9 million to train.\n", capture_output=True, text=True,
                           timeout=120)
    assert wrong.returncode == 1 and "contradicted C01" in wrong.stdout


def test_an_atexit_handler_still_runs():
    code = ("import atexit, sys; atexit.register(lambda: print('handler ran')); "
            "sys.argv = ['dsfact', 'check', '--format', 'lines', '--fail-on', 'never', sys.argv[1]]; "
            "from dsfact.cli.entry import main; sys.exit(main())")
    done = _run(code, str(ARTICLE))
    assert done.returncode == 0 and done.stdout.rstrip().endswith("handler ran")


def test_it_returns_while_another_thread_runs():
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert end_process(3) == 3
    finally:
        release.set()
        other.join()

"""Fast start, checked: `dsfact check` is run on every commit, so it imports only what it needs."""
import os
import subprocess
import sys

import pytest
from conftest import ROOT

HEAVY = ("rich", "yaml", "rapidfuzz", "typer", "click", "opencc", "dask", "distributed", "pyromark", "markdown_it",
         "mdit_py_plugins")

_LOADED = "import sys; print(' '.join(sorted(m for m in {heavy!r} if m in sys.modules)))"


def loaded_after(code: str, cwd=ROOT) -> set[str]:
    """The heavy modules a fresh interpreter holds after running `code`."""
    script = code + "\n" + _LOADED.format(heavy=HEAVY)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=cwd, check=True)
    lines = out.stdout.splitlines()
    return set(lines[-1].split()) if lines else set()


def test_import_cli_loads_no_heavy_module():
    assert loaded_after("import dsfact.cli") == set()


def test_import_dsfact_loads_no_engine():
    script = "import dsfact, sys; print(sorted(m for m in sys.modules if m.startswith('dsfact.')))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


MARKDOWN = {"pyromark"}


@pytest.mark.parametrize("article, allowed", [
    ("draft_en.md", MARKDOWN),  # English: no Traditional/Simplified converter, no fuzzy matcher
    ("draft_zh_hant.md", {"opencc"} | MARKDOWN),
    ("draft_en.txt", set()),  # the Markdown parser only for a Markdown file
])
def test_check_of_a_short_article_loads_only_what_it_uses(article, allowed, tmp_path):
    """Piped output (lines), registry already compiled: no yaml, rich, typer or rapidfuzz."""
    path = ROOT / "examples" / article
    if not path.exists():  # the same article as plain text
        path = tmp_path / article
        path.write_bytes((ROOT / "examples" / article.replace(".txt", ".md")).read_bytes())
    run = (
        "import contextlib, io\n"
        "from dsfact.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['check', '--format', 'lines', {str(path)!r}])\n"
        "assert code in (0, 1), code\n"
    )
    subprocess.run([sys.executable, "-c", run], check=True, capture_output=True)  # compiles the registry cache
    assert loaded_after(run) <= allowed


def test_a_typo_in_a_name_still_matches_without_rapidfuzz_for_clean_words():
    """The cheap pre-filter keeps typo matching: Nvidea and Deepseak are still read as Nvidia and DeepSeek."""
    run = (
        "from dsfact.check import check_text\n"
        "found = [(f.claim, f.verdict) for f in check_text('Nvidea lost $589 billion in market value on January 27.')]\n"
        "found += [(f.claim, f.verdict) for f in check_text('Deepseak trained V3 on 2,048 GPUs.')]\n"
        "assert found == [('C25', 'supported'), ('C07', 'supported')], found\n"
    )
    assert "rapidfuzz" in loaded_after(run)  # a real near-spelling is decided by rapidfuzz


def test_parsing_check_options_does_not_ask_shutil_for_the_terminal(tmp_path):
    """argparse makes a help formatter per declared option, and each asks shutil (which loads bz2 and
    lzma) for the terminal's width: check's parser computes the width itself, and only the number."""
    run = (
        "import sys\n"
        "from dsfact.cli.check_parser import check_parser\n"
        "check_parser().parse_args(['draft.md', '--format', 'lines'])\n"
        "print('shutil' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", run], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]


def test_check_help_wraps_to_the_columns_it_is_given():
    for columns in (60, 120):
        out = subprocess.run([sys.executable, "-m", "dsfact", "check", "-h"], capture_output=True, text=True,
                             env={**os.environ, "COLUMNS": str(columns)}, check=True)
        widths = [len(line) for line in out.stdout.splitlines()]
        assert max(widths) <= columns - 2
        assert max(widths) > columns - 20  # it uses the width, not a fixed 80


def test_an_english_check_imports_neither_typing_nor_pathlib():
    """The records are named tuples made without typing (dsfact.model.record), and the registry's and the
    config file's paths are strings (dsfact.registry.paths): each import cost 2% of a short article's check."""
    path = ROOT / "examples" / "draft_en.md"
    run = (
        "import contextlib, io, sys\n"
        "from dsfact.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['check', '--format', 'lines', {str(path)!r}])\n"
        "assert code in (0, 1), code\n"
        "print(sorted(m for m in ('typing', 'pathlib') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", run], check=True, capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.splitlines()[-1] == "[]"


def test_a_table_defers_what_dataclasses_imports_and_it_still_works():
    """rich's dataclasses import inspect and copy, which drawing a table never uses: a check's table leaves them
    unexecuted, and they work as ever once something uses them (an attribute, a from-import)."""
    run = (
        "import contextlib, io, sys\n"
        "from dsfact.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    main(['check', {str(ROOT / 'examples' / 'draft_en.md')!r}])\n"
        "assert 'Verdict' in out.getvalue()\n"
        "print('executed:', *sorted(m for m in ('inspect', 'copy') if len(vars(sys.modules[m])) > 12))\n"
        "import inspect, copy\n"
        "from inspect import getsource\n"
        "print(inspect.signature(main), copy.deepcopy([[1]]), getsource(main).startswith('def main'))\n"
    )
    out = subprocess.run([sys.executable, "-c", run], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.splitlines() == ["executed:", "(argv: 'list[str] | None' = None) -> 'int' [[1]] True"]


def test_a_deferred_module_is_whole_for_a_thread_that_asks_while_it_runs(tmp_path, monkeypatch):
    """A second thread asking a deferred module for an attribute while the first runs its code waits for it,
    rather than finding it half made."""
    import threading

    from dsfact.render import table

    (tmp_path / "slow_deferred.py").write_text("import time\ntime.sleep(0.3)\nVALUE = 42\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "slow_deferred", raising=False)
    table._defer("slow_deferred")
    module = sys.modules["slow_deferred"]
    monkeypatch.setitem(sys.modules, "slow_deferred", module)
    seen = []

    def ask():
        try:
            seen.append(module.VALUE)
        except AttributeError as exc:
            seen.append(exc)

    first = threading.Thread(target=ask)
    first.start()
    threading.Event().wait(0.1)  # the first thread is inside the module's code
    ask()
    first.join()
    assert seen == [42, 42]

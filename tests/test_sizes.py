"""The house stays readable: no module over 600 lines, no class over 300, no function over 80.

`OVERSIZE` lists what is over a limit today, each by name and size; the list only shrinks. A new
oversize module, class or function fails, and so does an entry that is no longer over its limit (take
it off the list)."""
from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dsfact"
LIMITS = {"module": 600, "class": 300, "function": 80}

# (kind, module path under src/dsfact, name) of everything still over its limit.
OVERSIZE: set[tuple[str, str, str]] = set()


@functools.cache
def measure(package: Path = PACKAGE) -> dict[tuple[str, str, str], int]:
    """Every module, class and function of the package over its limit, with its length in lines."""
    over: dict[tuple[str, str, str], int] = {}
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(package).as_posix()
        lines = text.count("\n")
        if lines > LIMITS["module"]:
            over[("module", name, "")] = lines
        for node in ast.walk(ast.parse(text, filename=str(path))):
            if isinstance(node, ast.ClassDef):
                kind = "class"
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                kind = "function"
            else:
                continue
            length = node.end_lineno - node.lineno + 1
            if length > LIMITS[kind]:
                over[(kind, name, node.name)] = length
    return over


def test_nothing_new_is_oversize():
    new = {key: size for key, size in measure().items() if key not in OVERSIZE}
    assert not new, f"over the size limits {LIMITS}: {new}"


@pytest.mark.parametrize("entry", sorted(OVERSIZE))
def test_known_oversize_is_still_listed_only_while_oversize(entry):
    assert entry in measure(), f"{entry} is within the limits now: take it off OVERSIZE"


def test_measure_sees_an_oversize_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMITS["function"] + 1))
    (tmp_path / "big.py").write_text(f"def big():\n{body}\n\ndef small():\n    return 1\n", encoding="utf-8")
    assert set(measure(tmp_path)) == {("function", "big.py", "big")}

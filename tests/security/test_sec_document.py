"""Hostile input to the document layer (issue 10).

Invisible format characters (Unicode category Cf: a zero-width space, a soft hyphen, a word joiner,
direction marks, a byte order mark inside the text, or the same written as a character reference in
Markdown and HTML) must not hide a figure from the checker, and a finding is still reported at its
line and column in the original file. Reading a document, its directives and applying them take
linear time: a megabyte of character references, of `dsfact: off`/`dsfact: on` pairs or of ids in
one `ignore` list is read in a bounded time that at most about doubles when the input doubles.
"""
from __future__ import annotations

import gc
import json
import time
import unicodedata
from pathlib import Path

import pytest

from dsfact.cli import main
from dsfact.document import read_document

ROOT = Path(__file__).resolve().parents[2]
ZWSP, SHY, WJ, LRM, RLM, BOM = "\u200b", "\xad", "\u2060", "\u200e", "\u200f", "\ufeff"
SAID = "DeepSeek trained V3 on "  # C07: 2,048 GPUs; 4,096 contradicts it
COLUMN = len(SAID) + 1  # where the figure starts on a line that begins with SAID


def findings_of(tmp_path: Path, capsys, name: str, text: str) -> tuple[int, list[dict]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code = main(["check", "--format", "json", "--no-config", str(path)])
    out, _ = capsys.readouterr()
    return code, [f for file in json.loads(out)["files"] for f in file["findings"]]


def spans(findings: list[dict]) -> list[tuple]:
    return [(f["claim"], f["verdict"], f["text"], f["line"], f["column"], f["end_line"], f["end_column"])
            for f in findings]


# ---------------------------------------------------------------------------------------------
# Invisible characters


@pytest.mark.parametrize("hidden", [ZWSP, SHY, WJ, LRM, RLM, BOM, ZWSP + WJ])
def test_a_contradicted_figure_with_an_invisible_character_is_caught(tmp_path, capsys, hidden):
    line = f"{SAID}4,{hidden}096 GPUs."
    code, found = findings_of(tmp_path, capsys, "a.md", f"# Draft\n\n{line}\n")
    # "4,<hidden>096" runs from its "4" to past its "6" in the original line
    assert code == 1
    assert spans(found) == [("C07", "contradicted", "4,096", 3, COLUMN, 3, COLUMN + 5 + len(hidden))]


def test_columns_after_invisible_characters_point_into_the_original(tmp_path, capsys):
    text = (
        f"{LRM}{SAID}4,0{RLM}96 GPUs.\n\n"  # a mark before the figure shifts its column by one
        f"{SAID.replace('trained', 'tra' + SHY + 'ined')}4,096{BOM} GPUs.\n\n"
        f"{SAID}2,{ZWSP}048 GPUs.\n"  # supported: the same figure the record gives
    )
    code, found = findings_of(tmp_path, capsys, "a.txt", text)
    assert code == 1
    assert spans(found) == [
        ("C07", "contradicted", "4,096", 1, COLUMN + 1, 1, COLUMN + 7),
        ("C07", "contradicted", "4,096", 3, COLUMN + 1, 3, COLUMN + 6),
        ("C07", "supported", "2,048", 5, COLUMN, 5, COLUMN + 6),
    ]


def test_check_text_leaves_out_the_invisible_characters_as_a_file_read_does(bundled_registry):
    from dsfact import check_text

    text = f"{LRM}{SAID}4,0{RLM}96 GPUs.\n{SAID}4,{ZWSP}{WJ}096 GPUs.\n"
    found = [(f.claim, f.verdict, f.text, f.location.line, f.location.column, f.location.end_column)
             for f in check_text(text, bundled_registry)]
    assert found == [  # located in the text as given, invisible characters and all
        ("C07", "contradicted", f"4,0{RLM}96", 1, COLUMN + 1, COLUMN + 7),
        ("C07", "contradicted", f"4,{ZWSP}{WJ}096", 2, COLUMN, COLUMN + 7),
    ]


@pytest.mark.parametrize("name, wrap, reference", [
    ("a.md", "{}", "&#8203;"),
    ("a.md", "{}", "&#x200B;"),
    ("a.md", "{}", "&shy;"),
    ("a.html", "<p>{}</p>", "&#8203;"),
    ("a.html", "<p>{}</p>", "&#x2060;"),
    ("a.html", "<p>{}</p>", "&shy;"),
])
def test_a_character_reference_to_an_invisible_character_hides_nothing(tmp_path, capsys, name, wrap, reference):
    line = wrap.format(f"{SAID}4,{reference}096 GPUs.")
    code, found = findings_of(tmp_path, capsys, name, f"{line}\n")
    start = line.index("4,") + 1
    assert code == 1
    assert spans(found) == [("C07", "contradicted", "4,096", 1, start, 1, start + 5 + len(reference))]


def test_every_format_character_is_left_out_of_the_checked_text():
    cf = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    assert len(cf) > 150
    for c in cf:
        doc = read_document("x.txt", data=f"4,{c}096 and{c}{c} more".encode())
        assert doc.text == "4,096 and more", f"U+{ord(c):04X}"


def test_blocks_and_entity_ends_follow_the_characters_that_are_left_out():
    from dsfact.model import Location

    item_line = f"- 4,&#8203;096 GPUs &amp; {WJ}more"
    doc = read_document("x.md", data=f"# Co{ZWSP}sts\n\n{item_line}\n".encode())
    assert doc.text.startswith("Costs\n")
    heading, item = doc.blocks
    assert doc.text[heading.start:heading.end] == "Costs"
    assert (doc.text[item.start:item.end], item.headings) == ("4,096 GPUs & more", ("Costs",))
    amp = doc.text.index("&")
    column = item_line.index("&amp;") + 1
    assert doc.location(amp, amp + 1) == Location(3, column, 3, column + len("&amp;"))
    assert doc.location(item.start, item.end) == Location(3, 3, 3, len(item_line) + 1)


# ---------------------------------------------------------------------------------------------
# Linear time

MB = 1 << 20
CEILING = 30.0  # CPU seconds for a megabyte; the linear code needs a few at most on a slow machine
# How much longer twice the input may take. Linear work takes about 2.0x when the machine is quiet; on a
# shared virtual machine a megabyte's working set sometimes falls out of a cache that half a megabyte's
# fits in, and the same linear code (at c9cd645 as at later commits) then measured 2.3-3.0x in this
# process. A quadratic step takes 4x, which this bound still fails.
DOUBLING = 3.2


def assert_linear(work, make, runs: int = 3, most: int = 8) -> None:
    """`work(make(n))` takes at most CEILING for a megabyte and at most DOUBLING times as long for n as for n/2.

    Robust on a busy machine: CPU time of this process (not the wall clock), the best of a few runs
    taken in turn (half, full, half, full...), and 20 ms of slack for the timer. The garbage collector
    is held off while the work runs, as timeit does: its full collections walk every live object, the
    test's own inputs and the other tests' leftovers included, and that is not the code under test.
    Linear work doubles in about 2.0x its time, close to the bound, and a virtual machine's CPU time
    jumps now and then even when idle: while the best times so far exceed the bound, more rounds are
    taken, up to `most` in all (the bound itself stays)."""
    inputs = (make(MB // 2), make(MB))
    work(inputs[1])  # once untimed: growing the allocator's arenas and touching fresh pages fall in no timed run
    best = [float("inf"), float("inf")]
    for done in range(most):
        if done >= runs and best[1] <= 2.2 * best[0] + 0.02:  # near linear: no need for more rounds
            break
        for k, data in enumerate(inputs):
            gc.collect()
            gc.disable()
            try:
                start = time.process_time()
                work(data)
                best[k] = min(best[k], time.process_time() - start)
            finally:
                gc.enable()
            assert best[k] < CEILING, f"{len(data):,} bytes took {best[k]:.1f} s"
    half, full = best
    assert full <= DOUBLING * half + 0.02, f"doubling the input: {half:.3f} s -> {full:.3f} s"


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> bytes:
    return (head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail).encode()


@pytest.mark.parametrize("name, unit, head", [
    ("a.html", "&#1234567&#x10FFFF0;", "<p>"),  # out of range, with and without a semicolon
    ("a.md", "&#1234567;&#8203;&#x4e07; ", ""),
    ("a.txt", "&#1234567;", ""),
])
def test_numeric_character_references_read_in_linear_time(name, unit, head):
    assert_linear(lambda data: read_document(name, data=data), lambda n: _repeat(unit, n, head))


@pytest.mark.parametrize("name", ["a.html", "a.md"])
def test_one_endless_numeric_reference_reads_in_linear_time(name):
    doc = read_document(name, data=b"&#" + b"1234567" * 1000 + b"; 5")
    assert doc.text.endswith(" 5")
    assert_linear(lambda data: read_document(name, data=data), lambda n: b"<p>&#" + b"1" * n + b";</p>")


def _located(findings, lines: range):
    """One copy of `findings`' first finding on each of `lines`."""
    from dsfact.model import Location

    f = findings[0]
    return [f._replace(location=Location(n, 1, n, 2)) for n in lines]


@pytest.fixture(scope="module")
def finding_and_registry():
    from dsfact.check import check_text
    from dsfact.registry import load_registry

    registry = load_registry(ROOT / "data" / "claims.yaml", use_cache=False)
    found = check_text("DeepSeek trained V3 on 4,096 GPUs.", registry)
    assert [f.claim for f in found] == ["C07"]
    return found, registry


def test_thousands_of_off_on_pairs_apply_in_linear_time(finding_and_registry):
    from dsfact.model import FileResult
    from dsfact.run import apply_directives

    found, registry = finding_and_registry
    pair = "<!-- dsfact: off -->\nquoted 4,096\n<!-- dsfact: on -->\nours 4,096\n"

    def make(n: int):
        data = _repeat(pair, n)
        return data, _located(found, range(1, data.count(b"\n") + 1))  # a finding on every line

    def work(made) -> None:
        data, findings = made
        doc = read_document("a.txt", data=data)  # Markdown finds the same directives
        result = FileResult("a.txt", list(findings))
        apply_directives(result, doc.directives, registry)
        assert len(result.findings) == len(findings) // 2  # the lines between an off and its on are suppressed

    assert_linear(work, make)


def test_a_long_ignore_list_reads_and_applies_in_linear_time(finding_and_registry):
    from dsfact.model import FileResult
    from dsfact.run import apply_directives

    found, registry = finding_and_registry
    findings = _located(found, range(1, 3)) * 2000  # on the ignore's line and the next

    def make(n: int) -> bytes:
        ids, size, k = [], 0, 0
        while size < n:  # all different: a list that is searched for each id grows quadratic
            ids.append(f"X{k}")
            size += len(ids[-1]) + 2
            k += 1
        return f"<!-- dsfact: ignore {', '.join(ids)} C07 -- quoted -->\n4,096\n".encode()

    def work(made) -> None:
        data, given = made
        doc = read_document("a.md", data=data)
        (directive,) = doc.directives
        assert directive.claims[0] == "X0" and directive.claims[-1] == "C07"
        result = FileResult("a.md", list(given))
        apply_directives(result, doc.directives, registry)
        assert result.findings == []

    assert_linear(work, lambda n: (make(n), findings))

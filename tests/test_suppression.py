"""Inline suppression through `dsfact check`: `<!-- dsfact: ignore C07 -- reason -->` on the line or
the line before, `dsfact: off` / `dsfact: on` blocks, in Markdown, HTML and text; suppressions that
match nothing are reported, malformed ones are errors (exit 2) while other files are still checked."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dsfact.cli import main

WRONG = "An early draft said DeepSeek trained V3 on 4,096 H800 chips."  # C07, contradicted
RIGHT = "DeepSeek trained V3 on 2,048 H800 chips."  # C07, supported


def check(tmp_path: Path, capsys, name: str, text: str, *args: str) -> tuple[int, list[dict], list[str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code = main(["check", "--format", "json", "--no-config", *args, str(path)])
    out, err = capsys.readouterr()
    doc = json.loads(out)
    findings = [f for file in doc["files"] for f in file["findings"]]
    warnings = [line.replace(str(path), name) for line in err.splitlines() if "warning" in line]
    return code, findings, warnings


def lines_of(findings):
    return [(f["claim"], f["line"]) for f in findings]


def test_ignore_on_the_line_before(tmp_path, capsys):
    text = f"# Draft\n\n<!-- dsfact: ignore C07 -- quoting the wrong figure on purpose -->\n{WRONG}\n"
    code, findings, warnings = check(tmp_path, capsys, "a.md", text)
    assert (code, findings, warnings) == (0, [], [])


def test_ignore_on_the_same_line(tmp_path, capsys):
    code, findings, warnings = check(tmp_path, capsys, "a.md", f"{WRONG} <!-- dsfact: ignore C07 -->\n")
    assert (code, findings, warnings) == (0, [], [])


def test_ignore_covers_only_its_line_and_the_next(tmp_path, capsys):
    text = f"<!-- dsfact: ignore C07 -->\n{WRONG}\n{WRONG}\n"
    code, findings, warnings = check(tmp_path, capsys, "a.md", text)
    assert code == 1 and lines_of(findings) == [("C07", 3)]


def test_ignore_without_ids_covers_every_claim(tmp_path, capsys):
    text = f"<!-- dsfact: ignore -- a quoted wire story -->\n{WRONG} It cost about $5.6 million to train.\n"
    code, findings, warnings = check(tmp_path, capsys, "a.md", text)
    assert (code, findings, warnings) == (0, [], [])


def test_ignore_for_another_claim_keeps_the_finding_and_is_reported_unused(tmp_path, capsys):
    text = f"<!-- dsfact: ignore C01 -->\n{WRONG}\n"
    code, findings, warnings = check(tmp_path, capsys, "a.md", text)
    assert code == 1 and lines_of(findings) == [("C07", 2)]
    assert warnings == ["dsfact: warning: a.md:1: unused suppression: no finding for C01 here"]


def test_off_on_block(tmp_path, capsys):
    text = f"{WRONG}\n<!-- dsfact: off -->\n{WRONG}\n\n{WRONG}\n<!-- dsfact: on -->\n{WRONG}\n"
    code, findings, warnings = check(tmp_path, capsys, "a.md", text)
    assert lines_of(findings) == [("C07", 1), ("C07", 7)] and warnings == []


def test_off_to_the_end_of_the_file(tmp_path, capsys):
    code, findings, warnings = check(tmp_path, capsys, "a.md", f"{RIGHT}\n<!-- dsfact: off -->\n{WRONG}\n")
    assert code == 0 and lines_of(findings) == [("C07", 1)] and warnings == []


def test_unused_blocks_and_stray_on_are_reported(tmp_path, capsys):
    text = "Nothing here.\n<!-- dsfact: off -->\nStill nothing.\n<!-- dsfact: on -->\n<!-- dsfact: on -->\n"
    code, findings, warnings = check(tmp_path, capsys, "a.md", text)
    assert code == 0
    assert warnings == [
        "dsfact: warning: a.md:2: unused suppression: no finding between 'dsfact: off' and its 'dsfact: on'",
        "dsfact: warning: a.md:5: 'dsfact: on' without a 'dsfact: off' before it",
    ]


def test_a_claim_id_the_registry_lacks_is_reported(tmp_path, capsys):
    text = f"<!-- dsfact: ignore C07, C999 -->\n{WRONG}\n"
    code, findings, warnings = check(tmp_path, capsys, "a.md", text)
    assert code == 0 and findings == []
    assert warnings == ["dsfact: warning: a.md:1: suppression names C999, which is not a claim of the registry in use"]


def test_a_reason_without_the_separator_is_caught_as_unknown_claims(tmp_path, capsys):
    # dsfact.document reads words that look like ids as ids; the registry check names them.
    text = f"<!-- dsfact: ignore C07 because wire -->\n{WRONG}\n"
    code, findings, warnings = check(tmp_path, capsys, "a.md", text)
    assert code == 0
    assert warnings == ["dsfact: warning: a.md:1: suppression names because, wire, which are not claims "
                        "of the registry in use"]


@pytest.mark.parametrize("name, template", [
    ("page.html", "<html><body>\n<p>{wrong}</p>\n<!-- dsfact: ignore C07 -->\n<p>{wrong}</p>\n</body></html>\n"),
    ("notes.txt", "{wrong}\n<!-- dsfact: ignore C07 -->\n{wrong}\n"),
    ("draft.md", "{wrong}\n\n<!-- dsfact: ignore C07 -->\n{wrong}\n"),
])
def test_in_html_text_and_markdown(tmp_path, capsys, name, template):
    code, findings, _ = check(tmp_path, capsys, name, template.format(wrong=WRONG))
    assert code == 1 and len(findings) == 1
    assert findings[0]["line"] in (1, 2)


def test_a_directive_inside_code_is_not_a_directive(tmp_path, capsys):
    text = f"```\n<!-- dsfact: ignore C07 -->\n```\n{WRONG}\n"
    code, findings, warnings = check(tmp_path, capsys, "a.md", text)
    assert code == 1 and lines_of(findings) == [("C07", 4)] and warnings == []


@pytest.mark.parametrize("directive, problem", [
    ("<!-- dsfact: ignor C07 -->", "unknown word 'ignor'"),
    ("<!-- dsfact: ignore C07 (the wire's figure) -->", "bad claim id"),
    ("<!-- dsfact: off C07 -->", "'off' takes no claim ids"),
    ("<!-- dsfact: -->", "no directive"),
])
def test_a_malformed_directive_is_an_error_and_other_files_are_still_checked(tmp_path, capsys, directive, problem):
    bad = tmp_path / "bad.md"
    bad.write_text(f"# Draft\n\n{directive}\n{RIGHT}\n", encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(f"{WRONG}\n", encoding="utf-8")
    code = main(["check", "--format", "lines", "--no-config", str(bad), str(good)])
    out, err = capsys.readouterr()
    assert code == 2
    assert f"dsfact: error: {bad}: line 3: malformed dsfact directive: " in err
    assert problem in err
    assert f"{good}:1:" in out and "contradicted C07" in out  # the other file was checked


def test_suppression_with_changed_lines_only_warns_on_changed_lines(tmp_path, capsys):
    from dsfact.model import FileResult, Notice, NoticeCode
    from dsfact.run import _keep_changed

    unused = NoticeCode.UNUSED_SUPPRESSION
    result = FileResult(path="a.md", warnings=[Notice(unused, "unused suppression: no finding for C01 here", "a.md", 3),
                                               Notice(unused, "unused suppression: no finding for C02 here", "a.md", 9),
                                               Notice(NoticeCode.EMPTY_FILE, "empty file, nothing to check", "a.md")])
    _keep_changed(result, {9})
    assert [str(w) for w in result.warnings] == ["a.md:9: unused suppression: no finding for C02 here",
                                                 "a.md: empty file, nothing to check"]

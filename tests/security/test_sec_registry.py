"""A registry reads only regular files inside its own tree, under a size cap; its own size, nesting,
aliases and cue lengths are bounded; a bad value is a registry error at its line, never an internal one."""
from __future__ import annotations

import os
import time

import pytest
from sec_helpers import EXIT_ERROR, EXIT_OK, SOURCE, dsfact, lines, make_registry, registry_text

SECRET = "the launch code is 0000 and the budget of $120 million for 2024"


def _validate(reg, tmp_path, timeout=30):
    return dsfact("validate", reg, cwd=tmp_path, timeout=timeout)


def _one_error_at_source_line(result, reg):
    assert result.returncode == EXIT_ERROR, result
    text = result.stderr.decode()
    assert "Traceback" not in text
    errors = [line for line in lines(text) if "error" in line or str(reg) in line]
    assert errors and f"{reg}:3:" in errors[0], text  # line 3: the source's line
    return text


def test_an_absolute_source_path_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    reg = make_registry(tmp_path / "reg", file=str(secret), quote="budget of $120 million for 2024")
    text = _one_error_at_source_line(_validate(reg, tmp_path), reg)
    assert "relative" in text


def test_a_source_outside_the_registry_tree_is_refused(tmp_path):
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    reg = make_registry(tmp_path / "reg", file="../secret.txt", quote="budget of $120 million for 2024")
    text = _one_error_at_source_line(_validate(reg, tmp_path), reg)
    assert "outside the registry's tree" in text


def test_a_symlink_out_of_the_tree_is_refused(tmp_path):
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    reg = make_registry(tmp_path / "reg", file="link.txt", quote="budget of $120 million for 2024")
    os.symlink(tmp_path / "secret.txt", tmp_path / "reg" / "link.txt")
    _one_error_at_source_line(_validate(reg, tmp_path), reg)


def test_a_symlink_inside_the_tree_is_followed(tmp_path):
    reg = make_registry(tmp_path / "reg", file="sources/link.txt")
    (tmp_path / "reg" / "sources").mkdir()
    os.symlink(tmp_path / "reg" / "gazette.txt", tmp_path / "reg" / "sources" / "link.txt")
    assert _validate(reg, tmp_path).returncode == EXIT_OK


def test_sources_may_be_anywhere_in_the_git_work_tree(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "gazette.txt").write_text(SOURCE, encoding="utf-8")
    reg = tmp_path / "data" / "claims.yaml"
    reg.parent.mkdir()
    reg.write_text(registry_text(file="../seeds/gazette.txt"), encoding="utf-8")
    assert _validate(reg, tmp_path).returncode == EXIT_OK


def test_a_named_pipe_is_refused_at_once(tmp_path):
    reg = make_registry(tmp_path / "reg", file="fifo.txt")
    os.mkfifo(tmp_path / "reg" / "fifo.txt")
    text = _one_error_at_source_line(_validate(reg, tmp_path, timeout=20), reg)
    assert "not a regular file" in text


def test_a_device_is_refused(tmp_path):
    reg = make_registry(tmp_path / "reg", file="zero.txt")
    os.symlink("/dev/zero", tmp_path / "reg" / "zero.txt")
    reg.write_text(registry_text(file="zero.txt"), encoding="utf-8")
    # /dev/zero is outside the tree too; inside it, it would be "not a regular file"
    _one_error_at_source_line(_validate(reg, tmp_path, timeout=20), reg)


def test_a_huge_source_is_refused(tmp_path):
    reg = make_registry(tmp_path / "reg", file="huge.txt")
    with open(tmp_path / "reg" / "huge.txt", "wb") as handle:
        handle.write(SOURCE.encode())
        handle.truncate(17 * 1024 * 1024)  # sparse: costs no disk
    text = _one_error_at_source_line(_validate(reg, tmp_path), reg)
    assert "larger than" in text


def test_check_refuses_the_registry_too(tmp_path):
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    reg = make_registry(tmp_path / "reg", file="../secret.txt", quote="budget of $120 million for 2024")
    article = tmp_path / "a.md"
    article.write_text("Shelbyville approved a budget of $150 million for 2024.\n", encoding="utf-8")
    result = dsfact("check", "--registry", reg, article, cwd=tmp_path)
    assert result.returncode == EXIT_ERROR and "outside the registry's tree" in result.stderr.decode()


# --- resource limits -----------------------------------------------------------------------------------

BOMB = """\
  - id: B2
    topic: cost
    subject: Shelbyville
    metric: budget twice
    unit: USD
    cues: {subject: [Shelbyville], metric: [budget]}
    statements:
      - {source: gazette, value: 120000000, quote: "approved a budget of $120 million for 2024"}
    derived:
      a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]
      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
      d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
      e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
      f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
      g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
      h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
      i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


@pytest.mark.parametrize("command", ["validate", "check"])
def test_a_yaml_alias_bomb_is_refused_quickly(tmp_path, command):
    reg = make_registry(tmp_path / "reg", extra_claim=BOMB)
    article = tmp_path / "a.md"
    article.write_text("nothing\n")
    args = ("validate", reg) if command == "validate" else ("check", "--registry", reg, article)
    started = time.monotonic()
    result = dsfact(*args, cwd=tmp_path, timeout=60)
    assert time.monotonic() - started < 20
    assert result.returncode == EXIT_ERROR
    assert "derived holds more than" in result.stderr.decode()


def test_deep_yaml_is_one_line(tmp_path):
    reg = make_registry(tmp_path / "reg")
    reg.write_text(reg.read_text() + "extra: " + "[" * 300 + "]" * 300 + "\n")
    result = _validate(reg, tmp_path)
    assert result.returncode == EXIT_ERROR
    text = result.stderr.decode()
    assert "Traceback" not in text and "internal error" not in text and len(lines(text)) == 1, text


def test_a_huge_cue_is_a_registry_error(tmp_path):
    reg = make_registry(tmp_path / "reg")
    reg.write_text(reg.read_text().replace("metric: [budget]", "metric: [budget, " + "x" * 300_000 + "]"))
    result = _validate(reg, tmp_path)
    assert result.returncode == EXIT_ERROR
    assert "a cue of 300,000 characters" in result.stderr.decode()


def test_dev_zero_as_registry_is_refused(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("nothing\n")
    for args in (("validate", "/dev/zero"), ("check", "--registry", "/dev/zero", article)):
        result = dsfact(*args, cwd=tmp_path, timeout=20)
        assert result.returncode == EXIT_ERROR
        assert "not a regular file" in result.stderr.decode()


def test_a_huge_registry_is_refused(tmp_path):
    reg = tmp_path / "big.yaml"
    with open(reg, "wb") as handle:
        handle.write(b"# big\n")
        handle.truncate(40 * 1024 * 1024)
    result = _validate(reg, tmp_path)
    assert result.returncode == EXIT_ERROR and "larger than" in result.stderr.decode()


@pytest.mark.parametrize("key, value", [("note", "{a: 1}"), ("note", "[1, 2]"), ("variant", "{x: 1}"),
                                        ("group", "[g]")])
def test_a_claim_field_of_the_wrong_type_is_a_registry_error(tmp_path, key, value):
    reg = make_registry(tmp_path / "reg")
    reg.write_text(reg.read_text().replace("    unit: USD\n", f"    unit: USD\n    {key}: {value}\n"))
    for args in (("validate", reg), ("claims", "--registry", reg)):
        result = dsfact(*args, cwd=tmp_path)
        text = result.stderr.decode()
        assert result.returncode == EXIT_ERROR, (args, text)
        assert f"{key} must be a string" in text and "internal error" not in text


# --- values of the wrong type: an error at their line, never an internal error or a silent str() --------

WRONG_TYPES = [
    # (the line as make_registry writes it, the same line with a value of the wrong type, the key named)
    ("  - id: B1", "  - id: [B1]", "id"),
    ("    topic: cost", "    topic: [cost]", "topic"),
    ("    subject: Shelbyville", "    subject: {name: Shelbyville}", "subject"),
    ("    metric: budget", "    metric: [budget, spending]", "metric"),
    ("    unit: USD", "    unit: {code: USD}", "unit"),
    ("    unit: USD", "    unit: USD\n    time: [2024]", "time"),
    ("    unit: USD", "    unit: USD\n    note: {a: 1}", "note"),
    ("      - source: gazette", "      - source: [gazette]", "source"),
    ("        value: 120000000", "        value: .nan", "value"),
    ("        value: 120000000", "        value: -.inf", "value"),
    ("        value: 120000000", "        value: 1e400", "value"),
    ("        value: 120000000", "        value: 120000000\n        high: .inf", "high"),
    ("        value: 120000000", "        value: 120000000\n        note: [a, b]", "note"),
    ("        value: 120000000", "        value: 120000000\n        attributed_to: {x: 1}", "attributed_to"),
    ("id: gazette,", "id: {g: 1},", "id"),
    ("publisher: G,", "publisher: [G],", "publisher"),
    ("title: T,", "title: {t: 1},", "title"),
    ("language: en}", "language: no}", "language"),  # YAML reads a bare `no` as false
    ('date: "2024-03-02",', "date: [2024],", "date"),
    ('file: "gazette.txt",', "file: [gazette.txt],", "file"),
    ("version: 1", "version: 1\ntopics: 7", "topics"),
    ("version: 1", "version: 1\ntopics: [cost, [other]]", "topics"),
]


@pytest.mark.parametrize("line, wrong, key", WRONG_TYPES, ids=[f"{k}:{w.split(':', 1)[-1].strip()}"
                                                              for _, w, k in WRONG_TYPES])
def test_a_value_of_the_wrong_type_is_a_registry_error_at_its_line(line, wrong, key):
    from dsfact.errors import RegistryError
    from dsfact.registry import parse_registry

    text = registry_text()
    assert text.count(line) == 1
    bad = text.replace(line, wrong)
    at = bad[: bad.index(wrong)].count("\n") + 1 + wrong.count("\n")  # the line of the wrong value
    with pytest.raises(RegistryError) as caught:
        parse_registry(bad.encode(), "claims.yaml")
    problems = caught.value.problems
    assert any(n == at and key in message for n, message in problems), problems


def test_a_wrong_type_is_one_line_from_every_command(tmp_path):
    reg = make_registry(tmp_path / "reg")
    reg.write_text(reg.read_text().replace("    subject: Shelbyville", "    subject: [Shelbyville, 2]"))
    article = tmp_path / "a.md"
    article.write_text("The Shelbyville council approved a budget of $150 million for 2024.\n")
    for args in (("check", "--registry", reg, article), ("claims", "--registry", reg), ("validate", reg)):
        result = dsfact(*args, cwd=tmp_path)
        text = result.stderr.decode()
        assert result.returncode == EXIT_ERROR, (args, text)
        assert "Traceback" not in text and "internal error" not in text
        assert f"{reg}:7: claim B1: subject must be a string" in text, text


@pytest.mark.parametrize("nesting", ["flow", "block"])
@pytest.mark.parametrize("depth", [100, 300, 5000])
def test_deep_yaml_is_one_error_at_its_line(tmp_path, nesting, depth):
    """Deeper than MAX_DEPTH is refused where it goes too deep, whether or not Python's recursion
    limit or libyaml's own nesting limit (1,000) would have been reached."""
    from dsfact.registry import MAX_DEPTH

    reg = make_registry(tmp_path / "reg")
    base = reg.read_text()
    if nesting == "flow":
        reg.write_text(base + "extra: " + "[" * depth + "]" * depth + "\n")
    else:
        reg.write_text(base + "extra:\n" + "".join("  " * (i + 1) + "a:\n" for i in range(depth)))
    result = _validate(reg, tmp_path)
    text = result.stderr.decode()
    assert result.returncode == EXIT_ERROR
    assert len(lines(text)) == 1 and "Traceback" not in text, text
    if depth > 1000:  # libyaml stops first, also at the line where it went too deep
        assert f"{reg}:" in text and "nesting depth" in text, text
        return
    start = base.count("\n") + 1
    expected = start if nesting == "flow" else start + MAX_DEPTH  # the mapping one level too deep
    assert f"{reg}:{expected}: registry nested more than {MAX_DEPTH} levels deep" in text, text


def test_nesting_within_the_limit_is_accepted(tmp_path):
    reg = make_registry(tmp_path / "reg")
    reg.write_text(reg.read_text() + "extra: " + "[" * 50 + "]" * 50 + "\n")
    assert _validate(reg, tmp_path).returncode == EXIT_OK

"""Hard-wrapped drafts read like their unwrapped originals: a line break inside a paragraph is a space
(or nothing, between two Chinese characters), so every test article, wrapped at 40, 72 and 80 columns,
gives the same findings, verdicts and claims, each at the place where the figure stands in the wrapped
file."""
from __future__ import annotations

import bisect
import re
import unicodedata
from pathlib import Path

import pytest

from dsfact.numbers import parse_quantities
from dsfact.run import check_one

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
WIDTHS = (40, 72, 80)

BUNDLED = ROOT / "data" / "claims.yaml"
NEWSROOM = FIXTURES / "newsroom" / "registry" / "newsroom.yaml"
# Every test article, with the registry it is checked against.
MARKDOWN_ARTICLES = [
    *((p, BUNDLED) for p in sorted((FIXTURES / "articles").glob("*.md"))),
    *((p, BUNDLED) for p in sorted((ROOT / "examples").glob("*.md"))),
    (FIXTURES / "newsroom" / "article.md", BUNDLED),
    (FIXTURES / "newsroom" / "draft.md", BUNDLED),
    (FIXTURES / "newsroom" / "tunnel.md", NEWSROOM),
]
CITY = FIXTURES / "city" / "city.yaml"
TEXT_ARTICLES = [
    (FIXTURES / "newsroom" / "article.txt", BUNDLED),
    (FIXTURES / "newsroom" / "zh-hans.txt", BUNDLED),
    (FIXTURES / "newsroom" / "zh-hant.txt", BUNDLED),
    (FIXTURES / "city" / "gazette.txt", CITY),
    (FIXTURES / "city" / "herald.txt", CITY),
]

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
# A line must not start with what would begin another Markdown block: a list marker, heading, quote,
# rule, table, fence, HTML or a reference definition.
_BLOCK_START = re.compile(r"[-+*#>=|`~<\[]|\d+[.)](?:\s|$)")
_PREFIX = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+|[ \t]*>[ \t]?")
_FENCE = re.compile(r"[ \t]*(```|~~~)")


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _protected(line: str) -> list[tuple[int, int]]:
    """The figures of the line ("$5.6 million", "557.6萬美元"): a break falls inside one only at a space."""
    return sorted((q.start, q.end) for q in parse_quantities(line))


def _breaks(line: str, start: int, markdown: bool) -> list[tuple[int, bool]]:
    """Where line[start:] may be broken: (index, True) replaces a space, (index, False) goes between
    two Chinese characters."""
    spans = _protected(line)
    starts = [a for a, _ in spans]

    def inside(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and spans[k][0] < i < spans[k][1]

    out = []
    for i in range(start + 1, len(line)):
        if inside(i) and line[i] != " ":  # "557.6万美元" stays whole; "$5.6 million" breaks as words do
            continue
        if line[i] == " " and line[i - 1] != " " and i + 1 < len(line) and line[i + 1] != " ":
            if markdown and _BLOCK_START.match(line, i + 1):
                continue
            out.append((i, True))
        elif _CJK.match(line[i - 1]) and _CJK.match(line[i]):
            out.append((i, False))
    return out


def wrap(text: str, width: int, *, markdown: bool) -> tuple[str, list[int]]:
    """`text` hard-wrapped at `width` columns (a Chinese character takes two), as an editor fills a
    paragraph, and where each offset of `text` (and its end) went in the result. In Markdown, only
    paragraph, list and quote lines are filled (list items keep their indentation, quotes their ">"),
    and no line is made to start a new block."""
    out: list[str] = []
    where: list[int] = []
    size = 0
    in_fence = in_front = False
    lines = text.split("\n")
    for n, line in enumerate(lines):
        wrappable = bool(line.strip())
        cont = ""
        first = 0
        if markdown:
            if n == 0 and line.strip() == "---":
                in_front = True
            elif in_front and line.strip() == "---":
                in_front, wrappable = False, False
            if _FENCE.match(line):
                in_fence, wrappable = not in_fence, False
            if in_front or in_fence or line.lstrip().startswith(("#", "|", "<", "[")) or "<!--" in line:
                wrappable = False
            m = _PREFIX.match(line)
            if m:
                first = m.end()
                cont = m.group() if ">" in m.group() else " " * m.end()
        pieces = [(0, len(line), False)]
        if wrappable and _width(line) > width:
            pieces, col, seg_start, last = [], 0, 0, None
            breaks = dict(_breaks(line, first, markdown))
            i = 0
            while i < len(line):
                if i in breaks and i > seg_start:
                    last = i
                col += _width(line[i])
                if col > width and last is not None:
                    pieces.append((seg_start, last, breaks[last]))
                    seg_start = last + 1 if breaks[last] else last
                    col = _width(cont) + _width(line[seg_start : i + 1])
                    last = None
                i += 1
            pieces.append((seg_start, len(line), False))
        for k, (a, b, replaces_space) in enumerate(pieces):
            if k:
                out.append(cont)
                size += len(cont)
            for i in range(a, b):
                where.append(size)
                out.append(line[i])
                size += 1
            if k + 1 < len(pieces):
                if replaces_space:
                    where.append(size)  # the space became this line break
                out.append("\n")
                size += 1
        if n + 1 < len(lines):
            where.append(size)
            out.append("\n")
            size += 1
    where.append(size)
    return "".join(out), where


def _line_starts(s: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(s) if c == "\n"]


def _moved(loc, before: str, after: str, where: list[int]) -> tuple[int, int, int, int]:
    """A location in `before` as (line, column, end line, end column) in `after`."""
    old, new = _line_starts(before), _line_starts(after)

    def to(offset: int) -> tuple[int, int]:
        o = where[offset]
        line = bisect.bisect_right(new, o)
        return line, o - new[line - 1] + 1

    start = old[loc.line - 1] + loc.column - 1
    last = old[loc.end_line - 1] + loc.end_column - 2
    (line, column), (end_line, end_column) = to(start), to(last)
    return line, column, end_line, end_column + 1


def _at(loc) -> tuple[int, int, int, int]:
    return loc.line, loc.column, loc.end_line, loc.end_column


def _findings(path: str, data: bytes, registry) -> list:
    result = check_one(path, registry, data=data)
    assert result.error is None, result.error
    return result.findings


_REGISTRIES: dict = {}


def _registry(path: Path):
    from dsfact.registry import load_registry

    if path not in _REGISTRIES:
        _REGISTRIES[path] = load_registry(path, use_cache=False)
    return _REGISTRIES[path]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("article, registry", MARKDOWN_ARTICLES + TEXT_ARTICLES, ids=lambda p: p.name)
def test_wrapped_article_reads_as_unwrapped(article, registry, width):
    original = article.read_text(encoding="utf-8")
    bundled_registry = _registry(registry)
    wrapped, where = wrap(original, width, markdown=article.suffix == ".md")
    if width == 40:
        assert wrapped.count("\n") > original.count("\n"), "the article was not wrapped"
    before = _findings(article.name, original.encode(), bundled_registry)
    after = _findings(article.name, wrapped.encode(), bundled_registry)
    assert before, "an article with no finding tests nothing"
    expected = [(f.claim, f.verdict, f.value, f.text, _moved(f.location, original, wrapped, where)) for f in before]
    got = [(f.claim, f.verdict, f.value, f.text, _at(f.location)) for f in after]
    assert got == expected


def test_wrap_helper_keeps_figures_whole_and_breaks_chinese_between_characters():
    text = "DeepSeek trained V3 on 2,048 H800 GPUs for $5.6 million, according to the report it published."
    wrapped, where = wrap(text, 40, markdown=False)
    assert all(_width(line) <= 40 for line in wrapped.split("\n"))
    assert wrapped.replace("\n", " ") == text
    assert wrapped[where[text.index("$5.6")]] == "$"
    zh = "深度求索表示，DeepSeek-V3模型的训练成本为557.6万美元，使用了2048块H800芯片，远低于同类模型。"
    wrapped, _ = wrap(zh, 20, markdown=False)
    assert wrapped.replace("\n", "") == zh and "557.6万美元" in wrapped and "2048块" in wrapped
    assert wrapped.count("\n") >= 4


ISSUE_EXAMPLE = "DeepSeek trained V3 on 2,048 H800 GPUs\nfor $6.5 million, according to its report.\n"


@pytest.mark.parametrize("name, data", [
    ("draft.md", ISSUE_EXAMPLE),
    ("draft.md", "- DeepSeek trained V3 on 2,048 H800 GPUs\n  for $6.5 million, according to its report.\n"),
    ("draft.md", "> DeepSeek trained V3 on 2,048 H800 GPUs\n> for $6.5 million, according to its report.\n"),
    ("draft.md", "> DeepSeek trained V3 on 2,048 H800 GPUs\nfor $6.5 million, according to its report.\n"),  # lazy
])
def test_a_sentence_wrapped_in_markdown_is_one_sentence(name, data, bundled_registry):
    found = [(f.text, f.claim, f.verdict, f.location.line, f.location.column)
             for f in _findings(name, data.encode(), bundled_registry)]
    assert found == [("2,048", "C07", "supported", 1, data.index("2,048") + 1),
                     ("$6.5 million", "C01", "contradicted", 2, data.split("\n")[1].index("$6.5") + 1)]


def test_a_hard_line_break_in_markdown_still_ends_the_sentence(bundled_registry):
    data = "DeepSeek trained V3 on 2,048 H800 GPUs\\\nfor $6.5 million, according to its report.\n"
    assert [f.text for f in _findings("draft.md", data.encode(), bundled_registry)] == ["2,048"]


@pytest.mark.parametrize("data", [
    "<p>DeepSeek trained V3 on 2,048 H800 GPUs\nfor $6.5 million, according to its report.</p>\n",
    "<p>DeepSeek trained <b>V3</b> on <span class=n>2,048</span> H800 GPUs\n"
    "   for <a href='https://example.com/5.6'><em>$6.5&nbsp;million</em></a>, according to its report.</p>\n",
])
def test_a_sentence_wrapped_in_html_is_one_sentence(data, bundled_registry):
    found = [(f.text, f.claim, f.verdict, f.location.line) for f in _findings("page.html", data.encode(), bundled_registry)]
    assert found == [("2,048", "C07", "supported", 1), ("$6.5 million", "C01", "contradicted", 2)]
    [_, late] = _findings("page.html", data.encode(), bundled_registry)
    line = data.split("\n")[1]
    assert late.location.column == line.index("$6.5") + 1  # past the tags, in the original line


def test_a_br_in_html_ends_the_sentence(bundled_registry):
    data = "<p>DeepSeek trained V3 on 2,048 H800 GPUs<br>\nfor $6.5 million, according to its report.</p>"
    assert [f.text for f in _findings("page.html", data.encode(), bundled_registry)] == ["2,048"]


def test_a_plain_text_pipe_table_keeps_its_rows():
    """Rows of a pipe table in plain text are lines of their own, never prose wrapped onto the next, and
    their cells split as a Markdown table's do (one splitter for both)."""
    from dsfact.document.cells import row_cells
    from dsfact.document.plain import read_plain

    table = ("| Model | Training cost of the final run | GPUs used |\n|---|---|---|\n"
             "| DeepSeek-V3 | $5.6M | 2,048 H800 |\n| Llama 3.1 405B | $60M | 16,384 H100 |\n")
    assert read_plain(table)[0] == table
    row = "| DeepSeek-V3 | a \\| b |  |"
    assert [row[a:b] for a, b in row_cells(row, 0, len(row))] == ["DeepSeek-V3", "a \\| b", ""]

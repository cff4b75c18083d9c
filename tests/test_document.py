"""Tests for dsfact.document: decoding, prose extraction, locations, errors and directives."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("dsfact") is None:  # running without an installed package
    sys.path.insert(0, str(ROOT / "src"))

from dsfact import document  # noqa: E402
from dsfact.document import (  # noqa: E402
    Directive,
    Document,
    decode,
    decode_bytes,
    detect_format,
    parse_directives,
    read_document,
    suppressed,
)
from dsfact.errors import InputError, UsageError  # noqa: E402
from dsfact.model import Location  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "documents"


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def locate(doc: Document, figure: str, nth: int = 0) -> Location:
    """The location of the nth occurrence of `figure` in doc.text."""
    i = -1
    for _ in range(nth + 1):
        i = doc.text.find(figure, i + 1)
        assert i != -1, f"{figure!r} not in text: {doc.text!r}"
    return doc.location(i, i + len(figure))


def original_line(doc: Document, line: int) -> str:
    return doc.original.split("\n")[line - 1]


# ---------------------------------------------------------------------------------------------
# Format detection


@pytest.mark.parametrize(
    "path, expected",
    [
        ("story.md", "markdown"),
        ("STORY.MARKDOWN", "markdown"),
        ("a/b.html", "html"),
        ("page.HTM", "html"),
        ("notes.txt", "text"),
        ("-", "text"),
        ("README", "text"),
        ("md", "text"),
    ],
)
def test_detect_format(path, expected):
    assert detect_format(path) == expected


def test_format_override_and_unknown_format():
    doc = read_document("story.txt", data=b"**$5.6 million**", format="markdown")
    assert doc.format == "markdown" and doc.text == "$5.6 million"
    assert read_document("x", data=b"<b>1</b>", format="md").format == "markdown"
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        read_document("x", data=b"a", format="pdf")


# ---------------------------------------------------------------------------------------------
# Plain text


def test_plain_text_is_identity():
    doc = read_document(fixture("prose.txt"))
    assert doc.format == "text" and doc.encoding == "utf-8"
    assert doc.text == doc.original
    assert list(doc.origin) == list(range(len(doc.original) + 1))
    assert locate(doc, "$5.6 million") == Location(1, 25, 1, 37)
    assert locate(doc, "557.6萬美元") == Location(2, 34, 2, 42)
    assert locate(doc, "$589 billion") == Location(5, 13, 5, 25)


WRAPPED = (
    "DeepSeek said on Monday that it had trained the V3 model on 2,048 H800\n"
    "chips for about $5.6 million, a sum that rivals in Silicon Valley found\n"
    "hard to believe at first.\n"
)


@pytest.mark.parametrize("src, expected", [
    (WRAPPED, WRAPPED.replace("H800\n", "H800 ").replace("found\n", "found ")),  # a wrapped paragraph is joined
    (WRAPPED.replace("\n", "\r\n"), WRAPPED.replace("H800\n", "H800 ").replace("found\n", "found ").replace("\n", "\r\n")),
    ("One sentence on a line, as some desks write their copy.\nAnother one, a little shorter.\n"
     "A third, which is the longest of the three lines here.\n", None),  # sentences a line: kept
    ("Figures of the week, for the record of the desk\n- Nvidia lost $589 billion on the day\n"
     "- DeepSeek spent $5.6 million on the final run\n", None),  # bullets: kept
    ("Company        Figure          Date of the report\nNvidia         $589 billion    January 27, 2025\n", None),
    ("短行\n也是\n", None),  # narrower than any wrap width
    ("深度求索表示，DeepSeek-V3模型的最后一次训练成本约为557.6万美元，使用了\n"
     "2048块H800芯片，远低于美国同类模型的开支，令硅谷的投资者大吃一惊，英伟达\n"
     "的股价随之大跌。\n",
     "深度求索表示，DeepSeek-V3模型的最后一次训练成本约为557.6万美元，使用了 "
     "2048块H800芯片，远低于美国同类模型的开支，令硅谷的投资者大吃一惊，英伟达"
     "的股价随之大跌。\n"),  # nothing between two Chinese characters
])
def test_plain_text_joins_hard_wrapped_paragraphs_only(src, expected):
    doc = read_document("x.txt", data=src.encode())
    assert doc.text == (src if expected is None else expected)
    _check_origin(doc)
    i = doc.text.find("2,048")
    if i != -1:
        assert doc.location(i, i + 5) == Location(1, 61, 1, 66)
    i = doc.text.find("$5.6 million")
    if i != -1 and expected is not None and "chips" in src:
        assert doc.location(i, i + 12) == Location(2, 17, 2, 29)


def test_plain_text_directives_are_read():
    doc = read_document(fixture("prose.txt"))
    assert [(d.kind, d.claims, d.reason, d.line) for d in doc.directives] == [
        ("ignore", ("C02",), "quoted from the wire", 4)
    ]


# ---------------------------------------------------------------------------------------------
# Markdown


@pytest.fixture(scope="module")
def md() -> Document:
    return read_document(fixture("prose.md"))


def test_markdown_keeps_prose_and_strips_markup(md):
    assert md.format == "markdown"
    text = md.text
    for prose in (
        "DeepSeek's cheap model",  # heading, emphasis
        "DeepSeek trained V3 for $5.6 million on 2,048 Nvidia H800 chips.",  # bold
        "Hong Kong papers put the cost at 557.6萬美元 (source).",  # link text kept, target gone
        "Nvidia lost $589 billion of market value on January 27.",
        "Quoted: the run took 2.788 million GPU hours.",  # block quote
        "Training: ~$5.6 million",  # bullet
        "Ordered item about 3.5 points",  # ordered-list number and footnote mark gone
        "A footnote with 12 GPUs.",  # footnote definition text kept
    ):
        assert prose in text
    assert "\nGPUs\n2,048\n" in text  # a table cell ends a unit; pipes and emphasis gone
    assert "\nCost\n$5.6 million\n" in text  # "&nbsp;" in a table cell is a space


def test_markdown_leaves_out_code_front_matter_urls_and_comments(md):
    text = md.text
    assert "9.9" not in text  # front matter, fence, inline code, link target, autolink, comment
    assert "7.7" not in text  # bare URL
    assert "1234" not in text  # reference definition
    assert "title" not in text and "2025-01-28" not in text  # front matter
    assert "dsfact" not in text and "wire" not in text  # the directive comment
    for markup in ("**", "#", "|", "](", "[^1]", "`", "<", ">", "---", "1."):
        assert markup not in text, markup


def test_markdown_soft_breaks_are_spaces_and_blocks_keep_their_lines(md):
    # Lines 10 and 11 are one paragraph: the line break between them is a space, so a sentence
    # wrapped across them is one sentence. Between blocks every line break stays.
    lines = md.text.split("\n")
    assert lines[9] == (
        "DeepSeek trained V3 for $5.6 million on 2,048 Nvidia H800 chips. "
        "Hong Kong papers put the cost at 557.6萬美元 (source)."
    )
    assert all(line.strip() == "" for line in lines[:7])  # the front matter is blank lines
    assert md.text.count("\n") == md.original.count("\n") - 1 + 3  # one soft break; three table rows of two cells
    assert "Ordered item about 3.5 points" in lines


def test_markdown_locations_point_into_the_original(md):
    # After the six lines of front matter and a heading: line 10, after "**".
    assert locate(md, "$5.6 million") == Location(10, 27, 10, 39)
    assert locate(md, "557.6萬美元") == Location(11, 34, 11, 42)  # a CJK character is one column
    assert locate(md, "$589 billion") == Location(14, 13, 14, 25)
    assert locate(md, "2,048", 1) == Location(18, 11, 18, 16)  # inside _2,048_ in a table
    # "&nbsp;" is one text character standing for six original ones.
    loc = locate(md, "$5.6 million", 1)
    assert loc == Location(19, 10, 19, 27)
    assert original_line(md, 19)[loc.column - 1 : loc.end_column - 1] == "$5.6&nbsp;million"
    assert locate(md, "2.788 million") == Location(27, 24, 27, 37)


def test_markdown_with_crlf_has_the_same_locations(md):
    crlf = read_document(fixture("prose-crlf.md"))
    assert "\r\n" in crlf.original
    assert crlf.text.replace("\r", "") == md.text
    for figure, nth in (("$5.6 million", 0), ("557.6萬美元", 0), ("$589 billion", 0), ("$5.6 million", 1)):
        assert locate(crlf, figure, nth) == locate(md, figure, nth)
    assert [d.line for d in crlf.directives] == [d.line for d in md.directives] == [13]


def test_markdown_directive_from_comment(md):
    assert len(md.directives) == 1
    d = md.directives[0]
    assert (d.kind, d.claims, d.reason, d.line) == ("ignore", ("C02",), "quoted from the wire", 13)
    assert md.original[d.start : d.end] == "<!-- dsfact: ignore C02 -- quoted from the wire -->"


def test_markdown_directive_in_code_is_not_a_directive():
    src = "```\n<!-- dsfact: bogus -->\n```\n\nUse `<!-- dsfact: ignore -->` to silence.\n"
    doc = read_document("x.md", data=src.encode())
    assert doc.directives == []


@pytest.mark.parametrize(
    "src, expected",
    [
        ("a *$5.6 million* b", "a $5.6 million b"),
        ("__2,048__ GPUs", "2,048 GPUs"),
        ("snake_case_name 5", "snake_case_name 5"),  # intraword underscores stay
        ("3 * 4 = 12", "3 * 4 = 12"),  # a lone star between spaces is not emphasis
        ("cost ~~$6 million~~ $5.6 million", "cost  $5.6 million"),  # struck out: a correction's old figure
        ("fell <del>13%</del> 17%", "fell  17%"),
        ("a ~~ b ~~ c", "a ~~ b ~~ c"),  # runs that flank spaces strike nothing
        ("about ~5%", "about ~5%"),  # one tilde is prose
        ("5\\*3 and \\$5", "5*3 and $5"),  # backslash escapes
        ("![chart of 2,048 GPUs](img/2048.png)", "chart of 2,048 GPUs"),  # image alt kept, src gone
        ("[report][r1] says 5\n\n[r1]: https://x.com/99", "report says 5\n\n"),
        ("see [the report] for 5\n\n[the report]: https://x.com/99", "see the report for 5\n\n"),
        ("[not a link] stays", "[not a link] stays"),
        ("rival clusters.[3][4] stay", "rival clusters.[3][4] stay"),  # no definition: no reference link
        ("[report][r9] says 5", "[report][r9] says 5"),
        ("cited [3] and [4][4]\n\n[3]: https://x.com/a\n[4]: https://x.com/b", "cited  and \n\n\n"),  # citations
        ("see [12](https://x.com/a) now", "see  now"),  # a numbered link cites: its number is no figure
        ("<span class=\"n\">$5.6</span> million", "$5.6 million"),
        ("x <script>var a = 9.9;</script> y", "x  y"),
        ("a <5% share and 3 > 2", "a <5% share and 3 > 2"),
        ("mail <me@example.com> now", "mail  now"),
        ("(https://example.com/a_(1)) ok.", "() ok."),
        ("1.5 million people", "1.5 million people"),  # not a list marker: no space after "1."
        ("Text\n2025. A year", "Text 2025. A year"),  # only 1. may interrupt a paragraph
        ("\n2. Second item", "\nSecond item"),
        ("# Title #", "Title"),
        ("Title\n=====\nbody", "Title\n\nbody"),
        ("- [x] done 5", "done 5"),
        ("> > nested 7", "nested 7"),
        ("a\nwrapped $5\nline", "a wrapped $5 line"),  # soft line breaks are spaces
        ("a  \nb\\\nc", "a\nb\nc"),  # hard line breaks stay
        ("- one\n  two\n- three", "one two\nthree"),
        ("> quoted\nlazy line", "quoted lazy line"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "a\nb\n\n1\n2"),
        ("| a \\| b |\n|---|\n| $5 |", "a | b\n\n$5"),  # an escaped pipe stays in its cell
        ("a &amp; b &#x5104; &copy &bogus;", "a & b 億 &copy &bogus;"),
        ("$5.6&nbsp;million", "$5.6 million"),
        ("5&#10;6&#xA0;7", "5 6 7"),  # an entity line break does not add a line
        ("~~~\n$9.9\n~~~\nafter", "\n\n\nafter"),
        ("````\n```\n$9.9\n````\nafter", "\n\n\n\nafter"),  # a shorter fence does not close
        ("```\nunclosed $9.9", "\n"),
        ("a ``code ` span`` b", "a   b"),
        ("a `unclosed 5", "a `unclosed 5"),
        ("a `x\n\ny` b", "a `x\n\ny` b"),  # a code span does not cross a blank line
        ("---\nnot: front\n", "\nnot: front\n"),  # no closing line: a rule, not front matter
        ("---\nProse between rules, $5.\n---\n", "\nProse between rules, $5.\n\n"),  # no key: not front matter
        ("---\n# comment\nk: 9.9\n...\nbody", "\n\n\n\nbody"),
        ("+++\ntitle = 'x 9.9'\n+++\nbody", "\n\n\nbody"),
        ("a <!-- unclosed 5", "a <!-- unclosed 5"),
        ("<!--\n```\n-->\nafter 5", "\n\n\nafter 5"),  # a fence inside a comment is no fence
        ("text[^12] more", "text more"),
    ],
)
def test_markdown_inline_cases(src, expected):
    doc = read_document("case.md", data=src.encode())
    assert doc.text == expected
    _check_origin(doc)


def test_markdown_footnote_and_numbered_list_markers_are_not_figures():
    doc = read_document("x.md", data=b"Intro\n\n1. First 5\n2. Second 6\n10) Tenth 7\n")
    assert doc.text == "Intro\n\nFirst 5\nSecond 6\nTenth 7\n"


# ---------------------------------------------------------------------------------------------
# HTML


@pytest.fixture(scope="module")
def page() -> Document:
    return read_document(fixture("prose.html"))


def test_html_keeps_prose(page):
    text = page.text
    assert page.format == "html"
    assert "DeepSeek\u2019s cheap model" in text
    assert "DeepSeek trained V3 for $5.6 million on 2,048 Nvidia H800 chips." in text
    assert "Hong Kong papers put the cost at 557.6萬美元, 億 & then $7 billion." in text
    assert "Nvidia lost $589 billion of market value on January 27." in text
    assert "Nested 2.788 million GPU hours" in text
    assert "\xa0" not in text


def test_html_leaves_out_head_script_style_tags_and_comments(page):
    text = page.text
    assert "9.9" not in text  # <title>, <style>, <script>, href
    assert "<" not in text and ">" not in text
    assert "dsfact" not in text and "DOCTYPE" not in text


def test_html_blocks_separate_paragraphs_and_cells(page):
    paragraphs = [p.strip() for p in page.text.split("\n\n") if p.strip()]
    assert paragraphs[1] == "DeepSeek trained V3 for $5.6 million on 2,048 Nvidia H800 chips."
    assert "GPUs\n2,048" in page.text  # <td> ends a line


def test_html_locations_count_entities_in_the_original(page):
    assert locate(page, "$5.6 million") == Location(11, 31, 11, 48)  # spans "&nbsp;"
    assert locate(page, "557.6萬美元") == Location(12, 37, 12, 66)  # three numeric entities
    assert locate(page, "億") == Location(12, 68, 12, 76)  # one character from "&#x5104;"
    assert locate(page, "$7 billion") == Location(12, 88, 12, 98)  # after entities on its line
    assert original_line(page, 12)[87:97] == "$7 billion"
    assert locate(page, "$589 billion") == Location(14, 50, 14, 62)


def test_html_directive(page):
    assert [(d.kind, d.claims, d.line) for d in page.directives] == [("ignore", ("C02",), 13)]


@pytest.mark.parametrize(
    "src, expected",
    [
        ("<p>a</p><p>b</p>", "a\n\nb"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<ul><li>1</li><li>2</li></ul>", "1\n\n2"),
        ("5.<b>6</b> million", "5.6 million"),  # inline tags join
        ("a &lt;b&gt; c", "a <b> c"),  # decoded markup is text, not a tag
        ("&#160;x&NotEqualTilde;", " x\u2242\u0338"),  # two code points from one entity
        ("AT&T and R&D &copy2025 &amp", "AT&T and R&D ©2025 &"),  # legacy entities without ';'
        ("&#0; &#x110000; &#99999999999999999999;", "\ufffd \ufffd \ufffd"),
        ("a < b and c<5", "a < b and c<5"),
        ("<img alt='9.9' src=x.png>text", "text"),
        ("<a title='x > 9.9'>ok</a>", "ok"),
        ("<SCRIPT>9.9</SCRIPT>ok<Style>9.9</sTyle>", "ok"),
        ("<head><title>9.9</title><p>body", "body"),  # <p> starts the body
        ("<head><meta charset=utf-8>Text", "Text"),
        ("x<!-- 9.9 -->y<!---->z<!-->w", "xyzw"),
        ("x<!-- never closed 9.9", "x"),
        ("x<![CDATA[9.9]]>y<?php 9.9 ?>z", "xyz"),
        ("before <div class='x' 9.9", "before"),  # a tag left open at the end
        ("<p>DeepSeek trained\n  V3 on <b>2,048</b>\n\tGPUs</p>", "DeepSeek trained V3 on 2,048 GPUs"),  # white space collapses
        ("a <b> b </b> c", "a b c"),
        ("<p>训练成\n本为557.6万美元，\nDeepSeek</p>", "训练成本为557.6万美元， DeepSeek"),  # no space between Chinese
        ("x<br>\ny<br/>z", "x\ny\nz"),
        ("<ul><li>one\n two</li><li>three</li></ul>", "one two\n\nthree"),
        ("<p>a<b>$5.<i>6</i></b>&nbsp;million</p>", "a$5.6 million"),  # nested inline markup and an entity
        ("<pre>  5\n  6</pre>", "  5\n  6"),
    ],
)
def test_html_cases(src, expected):
    doc = read_document("case.html", data=src.encode())
    assert doc.text == expected
    _check_origin(doc)


def test_html_blocks_carry_headings_and_list_leads():
    src = ("<h1>DeepSeek</h1><h2>Costs</h2><p>The bills:</p>"
           "<ul><li>$5.6 million for the final run<ul><li>on 2,048 chips</li></ul></li></ul>"
           "<table><tr><td>GPUs</td><td>2,048</td></tr></table><blockquote>A quote</blockquote>")
    doc = read_document("x.html", data=src.encode())
    got = [(doc.text[b.start:b.end], b.kind, b.headings, b.lead, b.depth) for b in doc.blocks]
    assert got == [
        ("DeepSeek", "heading", (), None, 0),
        ("Costs", "heading", ("DeepSeek",), None, 0),
        ("The bills:", "paragraph", ("DeepSeek", "Costs"), None, 0),
        ("$5.6 million for the final run", "item", ("DeepSeek", "Costs"), "The bills:", 1),
        ("on 2,048 chips", "item", ("DeepSeek", "Costs"), "$5.6 million for the final run", 2),
        ("GPUs", "cell", ("DeepSeek", "Costs"), None, 0),
        ("2,048", "cell", ("DeepSeek", "Costs"), None, 0),
        ("A quote", "quote", ("DeepSeek", "Costs"), None, 0),
    ]


def test_markdown_blocks_carry_headings_and_list_leads():
    src = ("# DeepSeek\n\n## Costs\n\nThe bills:\n\n- $5.6 million for\n  the final run\n  - on 2,048 chips\n\n"
           "| GPUs | 2,048 |\n|---|---|\n\n> A quote\n\nText[^1]\n\n[^1]: A note\n")
    doc = read_document("x.md", data=src.encode())
    got = [(doc.text[b.start:b.end], b.kind, b.headings, b.lead, b.depth) for b in doc.blocks]
    assert got == [
        ("DeepSeek", "heading", (), None, 0),
        ("Costs", "heading", ("DeepSeek",), None, 0),
        ("The bills:", "paragraph", ("DeepSeek", "Costs"), None, 0),
        ("$5.6 million for the final run", "item", ("DeepSeek", "Costs"), "The bills:", 1),
        ("on 2,048 chips", "item", ("DeepSeek", "Costs"), "$5.6 million for the final run", 2),
        ("GPUs", "cell", ("DeepSeek", "Costs"), None, 0),
        ("2,048", "cell", ("DeepSeek", "Costs"), None, 0),
        ("A quote", "quote", ("DeepSeek", "Costs"), None, 0),
        ("Text", "paragraph", ("DeepSeek", "Costs"), None, 0),
        ("A note", "footnote", ("DeepSeek", "Costs"), None, 0),
    ]


def test_plain_text_blocks_are_its_paragraphs():
    doc = read_document("x.txt", data=b"One line\nand its next.\n\n  \nSecond $5.\n")
    assert [(doc.text[b.start:b.end], b.kind) for b in doc.blocks] == [
        ("One line\nand its next.", "paragraph"), ("Second $5.", "paragraph")]


def test_html_deeply_nested_is_linear():
    depth = 100_000
    src = ("<div>" * depth + "Cost $5.6 million" + "</div>" * depth).encode()
    t0 = time.process_time()
    doc = read_document("deep.html", data=src)
    elapsed = time.process_time() - t0
    assert doc.text == "Cost $5.6 million"
    assert locate(doc, "$5.6 million") == Location(1, 5 * depth + 6, 1, 5 * depth + 18)
    assert elapsed < 5, elapsed


def test_markdown_pathological_nesting_is_fast():
    n = 100_000
    src = ("[" * n + "x" + "]" * n + "\n" + ">" * n + " 5\nx" + "`" * 2000 + " 6 " + "<!--" * 10_000).encode()
    t0 = time.process_time()
    doc = read_document("deep.md", data=src)
    assert time.process_time() - t0 < 5
    assert "x" in doc.text and "\n5 x" in doc.text and " 6 " in doc.text  # deeper than the walk reads


@pytest.mark.parametrize("build", [
    lambda n: ">" * n + " deep $5\n",  # block quotes, one line
    lambda n: "".join(">" * k + " q\n" for k in (1, n // 2, n)) + "> deep $5\n",
    lambda n: "- " * n + "deep $5\n",  # list items, one line
    lambda n: "".join("  " * k + "- i\n" for k in range(n // 10)) + "  " * (n // 10) + "- deep $5\n",  # indented
    lambda n: "1. " * n + "deep $5\n",
    lambda n: "[^a]: " * n + "deep $5\n",
])
def test_markdown_deep_nesting_is_linear_and_read(build):
    """10,000 nested quotes or list markers: the parser keeps no Python stack and the walk does not
    descend past its limit, so nothing recurses and the time grows with the input, not faster. Depths
    four times apart: quadratic work would cost at least four times as much per character, linear the
    same, and a bound of 2.5 leaves room for a busy machine (these runs take milliseconds). The two depths
    are read in turn, round by round, and each keeps its fastest round: a burst of load on a shared machine
    slows a round of both, not one depth's every run."""
    inputs = [build(n).encode() for n in (2_500, 10_000)]
    best = [float("inf")] * len(inputs)
    for _ in range(7):
        for k, data in enumerate(inputs):
            t0 = time.process_time()
            doc = read_document("deep.md", data=data)
            best[k] = min(best[k], time.process_time() - t0)
            assert "deep $5" in doc.text
            loc = locate(doc, "$5")
            assert original_line(doc, loc.line)[loc.column - 1 : loc.end_column - 1] == "$5"
    for data in inputs:
        _check_origin(read_document("deep.md", data=data))
    assert max(best) < 5
    per_char = [t / len(data) for t, data in zip(best, inputs)]
    assert per_char[1] < 2.5 * per_char[0] + 1e-7, per_char  # four times the depth, about the same per character


def test_markdown_columns_count_characters_not_bytes():
    """The parser counts UTF-8 bytes; columns are code points, past 4 KiB of wide text too."""
    filler = "".join(f"段落{k}，約中文😀字。\n\n" for k in range(600))  # well past 4 KiB of UTF-8
    src = filler + "> 引用😀第一行\n> 第二行 $5 萬\n\n- 項目😀\n  續行 $6\n\n| 欄😀 | 值 |\n|---|---|\n| 中文 | $7 |\n\n## 標題😀 $8 ##\n"
    doc = read_document("wide.md", data=src.encode())
    base = filler.count("\n")
    assert locate(doc, "$5") == Location(base + 2, 7, base + 2, 9)
    assert locate(doc, "$6") == Location(base + 5, 6, base + 5, 8)
    assert locate(doc, "$7") == Location(base + 9, 8, base + 9, 10)
    assert locate(doc, "$8") == Location(base + 11, 8, base + 11, 10)
    assert "引用😀第一行第二行 $5 萬" in doc.text  # no space between two Chinese characters
    assert "項目😀 續行 $6" in doc.text
    assert [b.kind for b in doc.blocks[-7:]] == ["quote", "item", "cell", "cell", "cell", "cell", "heading"]


@pytest.mark.parametrize("src, expected", [
    ("---\ntitle: x 9.9\n---\nbody 5", "\n\n\nbody 5"),
    ("---\ntitle: x 9.9\n...\nbody 5", "\n\n\nbody 5"),  # YAML's document end closes it too
    ("---\ntitle: x\n    ---\nstill: front\n---\nbody 5", "\n\n\n\n\nbody 5"),  # an indented "---" is no end
    ("+++\ntitle = 'x 9.9'\nbody 5", "+++ title = 'x 9.9' body 5"),  # TOML without its end: prose
    ("---\r\nk: 9.9\r\n---\r\n中文 5", "\r\n\r\n\r\n中文 5"),
    ("---\r\ntags:\r\n- 9.9\r\n---\r\nbody 5", "\r\n\r\n\r\n\r\nbody 5"),  # a key with its value below
    ("---\n# comment 9.9\nk = 1\n+++\n---\nbody 5", "\n\n\n\n\nbody 5"),
    ("---\n- 9.9 is no key\n---\nbody 5", "\n9.9 is no key\n\nbody 5"),  # a list and a rule, not front matter
    ("a\rb 5\n\nc", "a\rb 5\n\nc"),  # a lone "\r" ends no line
])
def test_markdown_front_matter_and_line_ends(src, expected):
    doc = read_document("fm.md", data=src.encode())
    assert doc.text == expected
    _check_origin(doc)


def test_markdown_reader_survives_a_lone_surrogate():
    from dsfact.document.markdown import read_markdown

    text, origin, _, _, blocks = read_markdown("中 \ud800 $5\n\n> 文 $6")
    assert text == "中 \ud800 $5\n\n文 $6"
    assert [text[b.start:b.end] for b in blocks] == ["中 \ud800 $5", "文 $6"]
    assert origin[text.index("$6")] == 12


# ---------------------------------------------------------------------------------------------
# Encodings


def test_encoded_fixtures_match_their_sources():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    for name, data in make.build().items():
        assert (FIXTURES / name).read_bytes() == data, f"{name} is stale: run make_fixtures.py"


@pytest.mark.parametrize(
    "name, encoding",
    [
        ("prose-bom.txt", "utf-8-sig"),
        ("prose-utf16le.txt", "utf-16-le"),
        ("prose-utf16be.txt", "utf-16-be"),
        ("prose-utf16le-nobom.txt", "utf-16-le"),
    ],
)
def test_unicode_encodings_read_the_same_text(name, encoding):
    plain = read_document(fixture("prose.txt"))
    doc = read_document(fixture(name))
    assert doc.encoding == encoding
    assert doc.original == plain.original  # the BOM is stripped
    assert not doc.original.startswith("\ufeff")
    assert locate(doc, "557.6萬美元") == Location(2, 34, 2, 42)
    assert [d.line for d in doc.directives] == [4]


@pytest.mark.parametrize(
    "name, source, encoding, figure",
    [
        ("zh-simplified.gb18030.txt", "zh-simplified.txt", "gb18030", "557.6万美元"),
        ("zh-traditional.big5.txt", "zh-traditional.txt", "big5", "557.6萬美元"),
    ],
)
def test_chinese_legacy_encodings_are_told_apart(name, source, encoding, figure):
    doc = read_document(fixture(name))
    assert doc.encoding == encoding
    assert doc.original == (FIXTURES / source).read_text(encoding="utf-8")
    assert locate(doc, figure) == Location(1, 18, 1, 26)


def test_gb18030_vs_big5_when_both_decode():
    # These Big5 bytes are also valid GB18030 (as mojibake); the common characters decide.
    trad = "這是中國公司的一個重要進展，成本為557.6萬美元。".encode("big5")
    trad.decode("gb18030")  # both decodings are strictly valid
    assert decode_bytes(trad, "x") == ("這是中國公司的一個重要進展，成本為557.6萬美元。", "big5")
    simp = "这是中国公司的一个重要进展，成本为557.6万美元。".encode("gb18030")
    assert decode_bytes(simp, "x") == ("这是中国公司的一个重要进展，成本为557.6万美元。", "gb18030")


def test_big5_extensions_fall_back_to_cp950_or_hkscs():
    text = "香港的成本為557.6萬美元，裏面有€"  # € is only in cp950
    assert decode_bytes(text.encode("cp950"), "x") == (text, "cp950")


def test_latin1_is_not_mistaken_for_chinese():
    # "ï" + "v" is a valid GB18030 and Big5 pair, but reads as no common Chinese character.
    data = "A naïve reading of 5 figures".encode("latin-1")
    data.decode("gb18030")
    with pytest.raises(InputError, match="use --encoding"):
        decode_bytes(data, "x")
    assert decode_bytes(data, "x", "latin-1") == ("A naïve reading of 5 figures", "iso8859-1")


def test_utf8_is_preferred_to_legacy_chinese():
    data = "成本為557.6萬美元".encode("utf-8")
    assert decode_bytes(data, "x") == ("成本為557.6萬美元", "utf-8")


def test_forced_encoding():
    data = "café 5 €".encode("cp1252")
    with pytest.raises(InputError):
        decode_bytes(data, "x")
    assert decode_bytes(data, "x", "cp1252") == ("café 5 €", "cp1252")
    assert decode_bytes(b"\xef\xbb\xbfabc", "x", "utf-8") == ("abc", "utf-8")
    assert read_document("x.txt", data="557.6萬".encode("big5"), encoding="big5").text == "557.6萬"
    with pytest.raises(InputError, match=r"cannot decode as utf-8 \(bad byte at offset 3\)"):
        decode_bytes(b"caf\xe9 ", "x", "utf8")


def test_empty_file_is_not_an_error(tmp_path):
    p = tmp_path / "empty.md"
    p.write_bytes(b"")
    doc = read_document(str(p))
    assert (doc.text, doc.original, doc.origin, doc.directives) == ("", "", [0], [])
    assert doc.location(0, 0) == Location(1, 1, 1, 1)
    assert read_document("x.html", data=b"").text == ""
    assert read_document("-", data=b"\xef\xbb\xbf").text == ""


# ---------------------------------------------------------------------------------------------
# Errors


def problem(path: str, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        read_document(path, **kwargs)
    assert info.value.path == path
    assert str(info.value) == f"{path}: {info.value.problem}"
    return info.value.problem


def test_missing_file(tmp_path):
    assert problem(str(tmp_path / "nope.md")) == "no such file"
    assert problem(str(tmp_path / "nope" / "deeper.md")) == "no such file"


def test_directory(tmp_path):
    assert problem(str(tmp_path)) == "is a directory"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("x")
    p.chmod(0)
    try:
        assert problem(str(p)) == "permission denied"
    finally:
        p.chmod(0o644)


def test_os_errors_are_named():
    assert decode._os_problem(PermissionError(13, "Permission denied")) == "permission denied"
    assert decode._os_problem(FileNotFoundError(2, "No such file")) == "no such file"
    assert decode._os_problem(IsADirectoryError(21, "Is a directory")) == "is a directory"
    assert decode._os_problem(OSError(5, "Input/output error")) == "cannot read (Input/output error)"


def test_dash_without_data_reads_stdin(monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("成本557.6萬美元".encode("big5"))))
    doc = read_document("-")
    assert (doc.path, doc.text, doc.encoding) == ("-", "成本557.6萬美元", "big5")


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary file (ZIP archive)"),
        (b"GIF89a\x01\x00", "binary file (GIF image)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image)"),
        (b"plain text\x00with a NUL byte", "binary file (NUL bytes)"),
        (bytes(range(256)) * 4, "binary file (NUL bytes)"),
    ],
)
def test_binary_files(tmp_path, data, kind):
    p = tmp_path / "story.txt"
    p.write_bytes(data)
    assert problem(str(p)) == kind
    assert problem("-", data=data) == kind


def test_undecodable(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"Cost \xff\xfe\x80 $5.6 million \x80")
    assert problem(str(p)) == "cannot decode as UTF-8, UTF-16, GB18030 or Big5 (use --encoding)"


def test_bad_bom_content():
    assert "UTF-8" in problem("x.txt", data=b"\xef\xbb\xbfok \xff")
    assert "UTF-16" in problem("x.txt", data=b"\xff\xfe\x00\xd8a\x00")  # a lone surrogate


def test_unknown_encoding(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("x")
    assert problem(str(p), encoding="xyz") == "unknown encoding 'xyz'"
    assert problem(str(p), encoding="rot13") == "unknown encoding 'rot13'"  # not a text codec


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 1001)
    assert problem(str(p)) == "file too large (1001 bytes; limit 1000 bytes)"
    assert problem("-", data=b"x" * 1001) == "file too large (1001 bytes; limit 1000 bytes)"
    p.write_bytes(b"x" * 1000)
    assert read_document(str(p)).text == "x" * 1000


def test_size_limit_message_in_megabytes(monkeypatch):
    assert document.MAX_FILE_BYTES == 50 * 1024 * 1024
    mb = 1024 * 1024
    assert decode._too_large(73 * mb + 200_000) == "file too large (73.2 MB; limit 50 MB)"
    assert decode._too_large(50 * mb + 1) == "file too large (50.1 MB; limit 50 MB)"


def test_reading_does_not_touch_the_file(tmp_path):
    p = tmp_path / "story.md"
    data = (FIXTURES / "prose.md").read_bytes()
    p.write_bytes(data)
    os.utime(p, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = p.stat()
    doc = read_document(str(p))
    assert doc.path == str(p)
    after = p.stat()
    assert p.read_bytes() == data
    assert after.st_mtime_ns == before.st_mtime_ns == 1_600_000_000_000_000_000
    assert after.st_size == before.st_size


def test_stdin_data_uses_path_only_as_a_name(tmp_path):
    doc = read_document(str(tmp_path / "not-there.md"), data=b"**$5.6 million**")
    assert doc.text == "$5.6 million" and doc.format == "markdown"
    doc = read_document("-", data=b"**5**")
    assert (doc.path, doc.format, doc.text) == ("-", "text", "**5**")


def test_import_is_cheap():
    code = (
        "import sys, re; n = len(re._cache) if hasattr(re, '_cache') else 0; import dsfact.document;"
        "print('html.entities' in sys.modules, 'html' in sys.modules)"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["False", "False"]


# ---------------------------------------------------------------------------------------------
# Locations


def test_location_lines_and_columns_in_plain_text():
    doc = read_document("x.txt", data="first line\r\nsecond 5% \r\n😀 $3\r\n中文 7".encode())
    assert locate(doc, "5%") == Location(2, 8, 2, 10)
    assert locate(doc, "$3") == Location(3, 3, 3, 5)  # an astral character is one column
    assert locate(doc, "7") == Location(4, 4, 4, 5)
    cr = doc.text.index("\r")
    assert doc.location(cr, cr + 1) == Location(1, 11, 1, 12)  # "\r" is a column of its line
    nl = doc.text.index("\n")
    assert doc.location(nl, nl + 1) == Location(1, 12, 1, 13)
    assert doc.location(0, len(doc.text)) == Location(1, 1, 4, 5)  # a span over several lines


def test_location_edges():
    doc = read_document("x.txt", data=b"ab\ncd")
    assert doc.location(5, 5) == Location(2, 3, 2, 3)
    assert doc.location(2, 3) == Location(1, 3, 1, 4)  # the line break itself
    with pytest.raises(ValueError):
        doc.location(0, 6)
    with pytest.raises(ValueError):
        doc.location(3, 2)


def test_lone_cr_is_not_a_line_break():
    doc = read_document("x.txt", data=b"a\rb 5")
    assert locate(doc, "5") == Location(1, 5, 1, 6)


def test_replaced_document_keeps_entity_spans(page):
    copy = page._replace(path="copy.html")
    assert locate(copy, "億") == locate(page, "億") == Location(12, 68, 12, 76)
    assert copy.path == "copy.html" and copy != page and copy._replace(path=page.path) == page


def test_document_built_by_hand_locates():
    doc = Document("x", "a\nbc", "a\nbc", [0, 1, 2, 3, 4])
    assert doc.location(2, 4) == Location(2, 1, 2, 3)
    assert doc.directives == [] and doc.format == "text"


# ---------------------------------------------------------------------------------------------
# Directives


def directives(src: str) -> list[Directive]:
    return parse_directives(src, path="story.md")


def test_directive_forms():
    src = (
        "<!-- dsfact: ignore C12 -- the wire copy rounds -->\n"
        "<!-- dsfact: ignore C12, C13 -->\n"
        "<!--dsfact:ignore-->\n"
        "<!-- dsfact: off -->\n"
        "<!-- dsfact: on -- table over -->\n"
        "<!-- DSFACT: IGNORE c1 C2.a x_y-z -->\n"
        "<!-- an ordinary comment: dsfact: ignore 12 -->\n"
        "<!-- dsfact: ignore C1,C1\n   --\n   reason over\n   lines -->\n"
    )
    got = [(d.kind, d.claims, d.reason, d.line, d.end_line) for d in directives(src)]
    assert got == [
        ("ignore", ("C12",), "the wire copy rounds", 1, 1),
        ("ignore", ("C12", "C13"), None, 2, 2),
        ("ignore", (), None, 3, 3),
        ("off", (), None, 4, 4),
        ("on", (), "table over", 5, 5),
        ("ignore", ("c1", "C2.a", "x_y-z"), None, 6, 6),
        ("ignore", ("C1",), "reason over lines", 8, 11),
    ]
    first = directives(src)[0]
    assert src[first.start : first.end] == "<!-- dsfact: ignore C12 -- the wire copy rounds -->"


@pytest.mark.parametrize(
    "comment, detail",
    [
        ("<!-- dsfact: ignroe C12 -->", "unknown word 'ignroe' (expected ignore, off or on)"),
        ("<!-- dsfact: -->", "no directive (expected ignore, off or on)"),
        ("<!-- dsfact: -- just a reason -->", "no directive"),
        ("<!-- dsfact: ignore 12 -->", "bad claim id '12'"),
        ("<!-- dsfact: ignore C12 - old -->", "bad claim id '-'"),
        ("<!-- dsfact: ignore C12 — old -->", "bad claim id '—'"),
        ("<!-- dsfact: ignore C12,,C13 -->", "an empty claim id in the list"),
        ("<!-- dsfact: ignore C12, -->", "an empty claim id in the list"),
        ("<!-- dsfact: off C12 -->", "'off' takes no claim ids"),
        ("<!-- dsfact: on now -->", "'on' takes no claim ids"),
        ("<!-- dsfact: ignore C12", "the comment is not closed"),
    ],
)
def test_malformed_directives_name_the_line(comment, detail):
    src = "Para one.\n\n" + comment + "\nText $5.\n"
    with pytest.raises(InputError) as info:
        directives(src)
    assert info.value.path == "story.md"
    assert info.value.problem.startswith("line 3: malformed dsfact directive: ")
    assert detail in info.value.problem
    for name in ("story.md", "story.html", "story.txt"):  # every format checks its comments
        with pytest.raises(InputError, match="line 3: malformed dsfact directive"):
            read_document(name, data=src.encode())


def test_suppressed_same_and_next_line():
    ds = directives("a\n<!-- dsfact: ignore C12 -- r -->\nb\nc\n")
    d = ds[0]
    assert suppressed(ds, 2, "C12") is d  # same line
    assert suppressed(ds, 3, "C12") is d  # the line after
    assert suppressed(ds, 1, "C12") is None
    assert suppressed(ds, 4, "C12") is None
    assert suppressed(ds, 3, "C13") is None  # another claim


def test_suppressed_all_claims_and_specific_first():
    ds = directives("<!-- dsfact: ignore -->\n<!-- dsfact: ignore C5 -->\n")
    assert suppressed(ds, 1, "C99") is ds[0]
    assert suppressed(ds, 2, "C5") is ds[1]  # the one naming the claim is the one used
    assert suppressed(ds, 2, "C6") is ds[0]
    assert suppressed(ds, 3, "C5") is ds[1]
    assert suppressed(ds, 3, "C6") is None


def test_suppressed_multi_line_comment_covers_the_line_after_its_end():
    ds = directives("<!-- dsfact: ignore C1 --\n  long reason -->\n$5\n$6\n")
    assert [suppressed(ds, n, "C1") is ds[0] for n in (1, 2, 3, 4)] == [True, True, True, False]


def test_suppressed_off_on_blocks():
    src = "1\n<!-- dsfact: off -->\n3\n4\n<!-- dsfact: on -->\n6\n<!-- dsfact: off -->\n8\n"
    ds = directives(src)
    off1, on, off2 = ds
    assert [suppressed(ds, n, "C1") for n in range(1, 10)] == [None, off1, off1, off1, None, None, off2, off2, off2]


def test_suppressed_nested_off_and_stray_on():
    src = "<!-- dsfact: on -->\n<!-- dsfact: off -->\n<!-- dsfact: off -->\n4\n<!-- dsfact: on -->\n6\n"
    ds = directives(src)
    assert suppressed(ds, 1, "C1") is None
    assert suppressed(ds, 4, "C1") is ds[1]  # the first off opened the region
    assert suppressed(ds, 6, "C1") is None


def test_suppressed_with_no_directives():
    assert suppressed([], 1, "C1") is None


# ---------------------------------------------------------------------------------------------
# Invariants


def _check_origin(doc: Document) -> None:
    text, original, origin = doc.text, doc.original, doc.origin
    assert len(origin) == len(text) + 1
    assert origin[-1] == len(original)
    assert all(origin[i] <= origin[i + 1] for i in range(len(origin) - 1))
    for i, ch in enumerate(text):
        o = origin[i]
        assert 0 <= o < len(original)
        # A kept character, or a separator the reader put in, or one decoded from an entity.
        assert ch == original[o] or ch in " \n" or original[o] == "&", (i, ch, original[o])
    for i in range(len(text)):
        loc = doc.location(i, i + 1)
        assert (loc.end_line, loc.end_column) >= (loc.line, loc.column + 1)


_PIECES = st.sampled_from(
    [
        "a", "5.6", " ", "\n", "\r\n", "\n\n", "*", "**", "_", "~~", "`", "```", "~~~", "#", "> ", "- ",
        "1. ", "|", "[", "]", "(", ")", "![", "](", "<", ">", "</", "<b>", "</b>", "<p>", "<div>", "<br>",
        "<!--", "-->", "<script>", "</script>", "<head>", "&", "&amp;", "&nbsp;", "&#x5104;", "&copy", "&#10;", "&#13;",
        "\\", "https://x.com/5", "[^1]", "[r]: u", "---", "萬", "😀", "\t", '"', "'", "=",
    ]
)
_DOCS = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS, st.sampled_from(["x.md", "x.html", "x.txt"]))
def test_readers_keep_origin_consistent(src, name):
    doc = read_document(name, data=src.encode("utf-8"))
    assert doc.original == src
    _check_origin(doc)
    if name == "x.md":  # soft line breaks become spaces; a line break is added only between table cells
        assert doc.text.count("\n") <= src.count("\n") + src.count("|")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_decode_never_fails_unexpectedly(data):
    try:
        text, encoding = decode_bytes(data, "x")
    except InputError as e:
        assert e.problem.startswith(("binary file", "cannot decode"))
    else:
        assert isinstance(text, str) and encoding
        assert "\x00" not in text


def test_one_line_index_for_every_location():
    from dsfact.document import LineIndex

    index = LineIndex("ab\r\ncd\n\nz")
    assert index.starts == [0, 4, 7, 8]
    assert [index.line(i) for i in (0, 3, 4, 7, 8, 9)] == [1, 1, 2, 3, 4, 4]
    assert index.position(2) == (1, 3)  # the "\r" is a column of its line
    assert index.location(4, 6) == Location(2, 1, 2, 3)
    assert index.location(1, 5) == Location(1, 2, 2, 2)  # across a line break
    assert index.location(8, 8) == Location(4, 1, 4, 1)  # an empty span ends where it starts
    doc = read_document("x.txt", data=b"ab\r\ncd\n\nz")
    assert doc.lines.starts == index.starts and doc.location(4, 6) == index.location(4, 6)


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011"])
def test_a_unicode_hyphen_reads_as_a_hyphen(hyphen, tmp_path):
    # web pages write "GPU‑hours" with a non-breaking hyphen; read as a count of GPUs it contradicted C07
    from dsfact.check import check_document, check_text
    from dsfact.registry import load_registry

    registry = load_registry()
    line = f"DeepSeek{hyphen}V3 took 2.788 million H800 GPU{hyphen}hours to train."
    [f] = check_text(line, registry)
    assert (f.claim, f.verdict, f.location.column) == ("C52", "supported", 18)
    assert f.text == f"2.788 million H800 GPU{hyphen}hours"  # the words as written
    path = tmp_path / "a.md"
    path.write_text(f"# {line}\n\n{line}\n", encoding="utf-8")
    doc = document.read_document(str(path))
    assert [(x.claim, x.location.line, x.location.column) for x in check_document(doc, registry).findings] == [
        ("C52", 1, 20), ("C52", 3, 18)]
    assert doc.blocks[-1].headings == (line.replace(hyphen, "-"),)  # a heading lends its subject as read


@pytest.mark.parametrize("name, data", [
    ("t.md", "| Model | Input | Output |\n|---|---|---|\n| DeepSeek-R1 | $0.55 | $2.19 |\n|  | $1 | $2 |\n"),
    ("t.html", "<table><tr><th>Model</th><th>Input</th><th>Output</th></tr>"
               "<tr><td>DeepSeek-R1</td><td>$0.55</td><td>$2.19</td></tr>"
               "<tr><td></td><td>$1</td><td>$2</td></tr></table>"),
])
def test_table_cells_know_their_row_label_and_column_header(name, data):
    from dsfact.document import read_document

    doc = read_document(name, data=data.encode())
    cells = {doc.text[b.start:b.end]: (b.row, b.column) for b in doc.blocks if b.kind == "cell"}
    assert cells["Input"] == (None, None)  # the header row has no header above it
    assert cells["DeepSeek-R1"] == (None, "Model")  # a row's first cell is its label
    assert cells["$2.19"] == ("DeepSeek-R1", "Output")
    assert cells["$2"] == (None, "Output")  # a row whose first cell is empty has no label

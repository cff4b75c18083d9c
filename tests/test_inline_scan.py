"""The Markdown inline scan's pattern opens with a look-ahead of its tokens' first characters, so that a search
skips prose at once (dsfact.document.markdown_inline._rx). The look-ahead must let through every place a token
can begin: each search finds what the plain alternation of the tokens finds, at every offset and bound."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.document.markdown_inline import _rx

PLAIN = re.compile(
    r"""
     (?P<code>`+)
    |(?P<angle><)
    |(?P<escape>\\[!-/:-@\[-`{-~])
    |(?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
    |(?P<url>(?:https?://|ftp://|www\.)[^\s<>]*)
    |(?P<open>!?\[)
    |(?P<bracket>\])
    |(?P<emph>\*++|_++|~~+)
    """,
    re.X,
)

PIECES = st.sampled_from([
    "`", "``", "<", ">", "\\", "\\*", "\\[", "&", "&amp;", "&#169;", "&#x1F;", "&#", "&x", "http://a.b", "https://x",
    "ftp://f", "www.example.com", "www", "http", "h", "f", "w", "!", "![", "[", "]", "*", "**", "_", "__", "~", "~~",
    " ", "\n", "a", "A", "9", ";", "#", ":", "/", ".", "中文", "（", "—", "\u200b",
])


def _found(pattern: re.Pattern, text: str, pos: int, end: int):
    m = pattern.search(text, pos, end)
    return None if m is None else (m.span(), m.lastgroup, m.group())


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=24).map("".join), st.data())
def test_inline_pattern_finds_what_the_plain_alternation_finds(text, data):
    pattern = _rx().md_inline
    for pos in range(len(text) + 1):
        assert _found(pattern, text, pos, len(text)) == _found(PLAIN, text, pos, len(text))
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    assert _found(pattern, text, pos, end) == _found(PLAIN, text, pos, end)


def test_inline_pattern_on_prose_with_markup():
    text = ("Nvidia's **shares** fell 17% ([source](https://example.com/a_b)) on `Monday`; see www.example.org "
            "&amp; <b>bold</b> \\*not emphasis\\* ~~struck~~ ![chart](c.png) and __more__ &#8212; h f w")
    found = [(m.span(), m.lastgroup) for m in _rx().md_inline.finditer(text)]
    assert found == [(m.span(), m.lastgroup) for m in PLAIN.finditer(text)]
    assert {kind for _, kind in found} == {"code", "angle", "escape", "entity", "url", "open", "bracket", "emph"}

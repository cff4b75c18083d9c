"""dsfact.rxcharset builds the regex compiler's character classes as the standard library does."""
import random
import re
import re._compiler as compiler
import re._parser as parser

import pytest

from dsfact import rxcharset


def _code(pattern: str, flags: int, optimize) -> list[int]:
    saved = compiler._optimize_charset
    compiler._optimize_charset = optimize
    try:
        return compiler._code(parser.parse(pattern, flags), flags)
    finally:
        compiler._optimize_charset = saved


def _class(rnd: random.Random) -> str:
    chars = set()
    for _ in range(rnd.randint(1, 40)):
        k = rnd.random()
        chars.add(rnd.randint(0, 255) if k < .3 else rnd.randint(0x3000, 0x9FFF) if k < .7
                  else rnd.randint(0, 0xFFFF) if k < .95 else rnd.randint(0x10000, 0x10FFFF))
    body = "".join(re.escape(chr(c)) for c in sorted(chars) if not 0xD800 <= c <= 0xDFFF)
    if rnd.random() < .3:
        a = rnd.randint(0, 0xFFF0)
        body += re.escape(chr(a)) + "-" + re.escape(chr(min(a + rnd.randint(1, 600), 0xFFFF)))
    if rnd.random() < .2:
        body += r"\w"
    return "[" + ("^" if rnd.random() < .2 else "") + body + "]"


REAL = [  # classes of dsfact's patterns: full-width marks, Chinese numerals, a curly apostrophe, a range
    r"[,，;；:：、()（）—\s]x", r"\b(?:this|the)\s+([a-z][\w'’-]*\s+)", r"[〇零一二三四五六七八九]{4}\s?年",
    r"[a-z一-龥]+", r"[^\d\s$€£¥]{0,16}", r"(?i)[a-zſK]+", r"[\u200b\u3000\xa0 ]", r"[abc]", r"[a-c]", r"[ace]",
    r"(?=[0-9\$€£¥一二两三四五六七八九十百千〇零ACDEFaef])", r"[\U0001F600-\U0001F64F\u2600-\u26FF]",
]


@pytest.mark.parametrize("pattern", REAL)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_real_classes_compile_to_the_same_code(pattern, flags):
    assert _code(pattern, flags, rxcharset._optimize_charset) == _code(pattern, flags, rxcharset.STDLIB)


def test_random_classes_compile_to_the_same_code():
    rnd = random.Random(13)
    big = 0
    for _ in range(1500):
        pattern, flags = _class(rnd) + "x", rnd.choice([0, 0, re.IGNORECASE])
        ours = _code(pattern, flags, rxcharset._optimize_charset)
        assert ours == _code(pattern, flags, rxcharset.STDLIB), pattern
        big += compiler.BIGCHARSET in ours
    assert big > 500  # the path this module rewrites was taken


def _compiled(pattern: str, optimize) -> re.Pattern:
    saved = compiler._optimize_charset
    compiler._optimize_charset = optimize
    try:
        return compiler.compile(pattern, 0)  # not re.compile: its cache would give one pattern twice
    finally:
        compiler._optimize_charset = saved


def test_matches_are_the_same_with_the_faster_classes():
    text = "今年1月，DeepSeek的V3模型花了５百万美元, it’s $5.6 million (about 40%)；營收〇二三年 😀"
    for pattern in REAL:
        ours, theirs = _compiled(pattern, rxcharset._optimize_charset), _compiled(pattern, rxcharset.STDLIB)
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)], pattern


def test_installed_only_over_the_function_it_was_written_from(monkeypatch):
    monkeypatch.setattr(compiler, "_optimize_charset", rxcharset.STDLIB)
    rxcharset.install()
    assert (compiler._optimize_charset is rxcharset._optimize_charset) == rxcharset.installable()
    monkeypatch.setattr(rxcharset, "STDLIB", lambda *a, **k: None)  # another Python's function
    monkeypatch.setattr(compiler, "_optimize_charset", rxcharset.STDLIB)
    rxcharset.install()
    assert compiler._optimize_charset is rxcharset.STDLIB

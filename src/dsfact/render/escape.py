"""Text from outside (file names, registry strings) made safe for each output, in one place.

A file name may hold a line feed that starts a forged GitHub workflow command, an ESC sequence that
clears the screen, Rich markup, or bytes that are not UTF-8 (kept by Python as lone surrogates); a
registry string may hold markup. Each output escapes what it must, and nothing else:
  visible     text shown to a person (lines, tables, stderr): control characters written as escapes
  markup      text printed through Rich markup: visible, and the markup escaped
  json_text   text in JSON: what JSON cannot carry (a lone surrogate) written as its byte
  github_data, github_property   workflow-command escaping (GitHub's own rules)
  uri_path    a path as a URI reference: percent-encoded from the name's bytes
"""
from __future__ import annotations

import re

from dsfact.numbers.patterns import lazy

# C0 and C1 control characters and DEL; line and paragraph separators; the bidirectional controls (they
# reorder what a terminal shows); lone surrogates (a name that is not UTF-8, decoded with surrogateescape).
# Written as three alternatives, none a class of more than two runs past U+00FF: re compiles such a class
# into a large table built in Python. Compiled when first asked (a run of jsonl or lines output may never ask).
_UNSAFE = lazy("[\x00-\x1f\x7f-\x9f]|(?=[\u200e\u200f\u2028-\u202e]).|(?=[\u2066-\u2069\ud800-\udfff]).")
_SURROGATE = lazy("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape keeps the byte 0x80-0xff as U+DC80-U+DCFF
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """The text with every control character written as an escape a person can read: a line feed as
    `\\n`, ESC as `\\x1b`, a byte that is not UTF-8 as `\\xe9`. Text without any is returned as it is."""
    if not isinstance(text, str):
        text = str(text)
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


def markup(text: str) -> str:
    """Text to put in Rich markup: visible, with `[` escaped so that it is shown, never parsed."""
    from rich.markup import escape

    return escape(visible(text))


def json_text(text: str) -> str:
    """Text for a JSON document: a lone surrogate (a byte of a name that is not UTF-8) becomes `\\xe9`,
    so the document stays valid UTF-8; everything else JSON escapes itself."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escape, text)


def github_data(text: str) -> str:
    """The message part of a workflow command: %, CR and LF percent-encoded (GitHub decodes them), then
    any other control character made visible."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(text: str) -> str:
    """A property value of a workflow command (file=, title=): also ':' and ','."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def uri_path(path: str) -> str:
    """A relative path as a URI reference: the name's bytes (as the file system has them) percent-encoded,
    '/' kept."""
    import os
    from urllib.parse import quote_from_bytes

    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate the file system's encoding did not make
        raw = path.encode("utf-8", "surrogatepass")
    return quote_from_bytes(raw, safe="/-._~")

"""Text from outside (file names, registry strings) made safe to print. Standard library only.

A file name can hold any byte but / and NUL: a newline followed by `::error ...::` would forge a GitHub
workflow command, an ESC sequence would rewrite the terminal, a byte that is not UTF-8 (kept by Python
as a lone surrogate) would break a JSON or SARIF encoder. `shown` turns every such character into a
visible escape, so one name is always one printable line.
"""
from __future__ import annotations

import os
import re
import sys

# C0 and C1 controls, DEL, lone surrogates (undecodable bytes), line/paragraph separators, and the
# bidirectional controls that reorder what a reader sees (Trojan Source).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    if 0xDC80 <= n <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{n - 0xDC00:02x}"
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def shown(text: str) -> str:
    """`text` with control, bidirectional and undecodable characters shown as escapes (\\n, \\x1b, \\xe9)."""
    if text.isprintable() and text.isascii():
        return text
    return _UNSAFE.sub(_escape, text)


def github_data(text: str) -> str:
    """A GitHub workflow command's message (after `::`): %, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A GitHub workflow command's property value (file=, title=): also `:` and `,` escaped."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def uri_path(path: str) -> str:
    """A relative or absolute file path as a URI reference (RFC 3986): forward slashes, every byte
    outside the unreserved set percent-encoded; undecodable bytes keep their own value."""
    from urllib.parse import quote

    data = os.fsencode(path) if isinstance(path, str) else path
    return quote(data.replace(b"\\", b"/") if os.sep == "\\" else data, safe="/")


def discard_stdout() -> None:
    """Send the rest of standard output nowhere (its reader has gone): no error at exit either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    except OSError:
        pass

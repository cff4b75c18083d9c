"""Inline directives: ``<!-- dsfact: ignore C12 -- reason -->``, ``<!-- dsfact: off -->`` and
``<!-- dsfact: on -->``; which findings they suppress.

Standard library only; patterns are compiled on first use.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from types import SimpleNamespace

from dsfact.document.lines import LineIndex
from dsfact.errors import InputError
from dsfact.model import record

IGNORE, OFF, ON = "ignore", "off", "on"
DIRECTIVE_KINDS = (IGNORE, OFF, ON)

Comment = tuple[int, "int | None", int]  # (start, end or None if never closed, end of its body)


@record
class Directive:
    """An inline suppression comment: ``<!-- dsfact: ignore C12 -- reason -->``, ``off``, ``on``.
    (A named tuple, as dsfact.model's records are: no dataclass to build at every start.)"""

    kind: str  # "ignore" | "off" | "on"
    claims: tuple[str, ...]  # for ignore: claim ids; empty = all claims
    reason: str | None
    line: int  # 1-based line of the comment (its "<!--") in the original file
    start: int  # code-point span of the whole comment in the original text
    end: int
    end_line: int = 0  # the line the comment ends on (same as `line` unless it spans lines)


def parse_directives(original: str, *, path: str = "<text>") -> list[Directive]:
    """The dsfact directives in every ``<!-- ... -->`` comment of `original`.

    (For plain text. Markdown and HTML documents take theirs from the comments their reader found,
    so a comment inside a code block or a <script> is not a directive.) Raises InputError naming the
    line of a comment that starts with ``dsfact:`` but does not parse.
    """
    comments: list[tuple[int, int | None, int]] = []
    pos = 0
    while True:
        a = original.find("<!--", pos)
        if a == -1:
            break
        k = original.find("-->", a + 4)
        if k == -1:
            comments.append((a, None, len(original)))
            break
        comments.append((a, k + 3, k))
        pos = k + 3
    return directives_from_comments(original, comments, path)


def directives_from_comments(
    original: str, comments: list[tuple[int, int | None, int]], path: str
) -> list[Directive]:
    """The directives among the HTML comments a reader found, as (start, end or None when the comment
    is not closed, end of its body) in `original`."""
    directives: list[Directive] = []
    index: LineIndex | None = None
    for start, end, body_end in comments:
        head = original[start + 4 : min(body_end, start + 4 + 64)].lstrip()
        if not head[:7].lower() == "dsfact:":
            continue
        if index is None:
            index = LineIndex(original)
        line = index.line(start)
        if end is None:
            raise InputError(path, f"line {line}: malformed dsfact directive: the comment is not closed with -->")
        end_line = index.line(end - 1)
        directives.append(_parse_directive(original[start + 4 : body_end], line, start, end, end_line, path))
    return directives


def _parse_directive(body: str, line: int, start: int, end: int, end_line: int, path: str) -> Directive:
    rx = _rx()

    def bad(detail: str) -> InputError:
        return InputError(path, f"line {line}: malformed dsfact directive: {detail}")

    rest = body.strip()[len("dsfact:") :].strip()
    reason = None
    m = rx.reason_sep.search(rest)
    if m:
        reason = " ".join(rest[m.end() :].split()) or None
        rest = rest[: m.start()].strip()
    if not rest:
        raise bad("no directive (expected ignore, off or on)")
    word, *more = rest.split(None, 1)
    args = more[0] if more else ""
    kind = word.lower()
    if kind not in DIRECTIVE_KINDS:
        raise bad(f"unknown word {word!r} (expected ignore, off or on)")
    args = args.strip()
    if kind != IGNORE and args:
        raise bad(f"'{kind}' takes no claim ids (found {args!r})")
    claims: dict[str, None] = {}  # in order, each once (a dict: a long list stays linear)
    if args:
        for item in rx.id_split.split(args):
            if not item:
                raise bad("an empty claim id in the list")
            if not rx.claim_id.fullmatch(item):
                raise bad(f"bad claim id {item!r} (ids look like C12; put a reason after ' -- ')")
            claims[item] = None
    return Directive(kind, tuple(claims), reason, line, start, end, max(end_line, line))


def suppressed(directives: list[Directive], line: int, claim: str) -> Directive | None:
    """The directive that suppresses a finding for `claim` on `line` (1-based), or None.

    ``ignore`` covers the line(s) of its comment and the line after it; ``ignore`` with ids only
    those claims (an ignore naming the claim is preferred to a bare ``ignore``). ``off`` covers its
    own line up to, not including, the line of the next ``on`` (or the end of the file); an ``off``
    inside an off region and an ``on`` outside one do nothing. Claim ids match exactly.
    (For many findings, build `Suppressions` once.)
    """
    return Suppressions(directives).find(line, claim)


class Suppressions:
    """The directives of one document, indexed by line once so that each finding is looked up in
    (amortised) constant time whatever the number of directives or of ids in one; `find` answers
    as `suppressed` does."""

    __slots__ = ("_ignores", "_region_lines", "_regions")

    def __init__(self, directives: Iterable[Directive]) -> None:
        directives = list(directives)
        # line -> the ignores that cover it, in the order given, each with its ids as a set
        self._ignores: dict[int, list[tuple[Directive, frozenset[str]]]] = {}
        for d in directives:
            if d.kind == IGNORE:
                ids = frozenset(d.claims)
                for covered in range(d.line, d.end_line + 2):
                    self._ignores.setdefault(covered, []).append((d, ids))
        # the off regions, in order: [off line, on line) with its off; the lines never overlap
        regions: list[tuple[int, float, Directive]] = []
        off: Directive | None = None
        for d in sorted((d for d in directives if d.kind in (OFF, ON)), key=lambda d: d.start):
            if d.kind == OFF:
                if off is None:
                    off = d
            elif off is not None:
                if off.line < d.line:
                    regions.append((off.line, d.line, off))
                off = None
        if off is not None:
            regions.append((off.line, float("inf"), off))
        self._regions = regions
        self._region_lines = [r[0] for r in regions]

    def find(self, line: int, claim: str) -> Directive | None:
        """The directive that suppresses a finding for `claim` on `line` (1-based), or None."""
        blanket = None
        for d, ids in self._ignores.get(line, ()):
            if not ids:
                if blanket is None:
                    blanket = d
            elif claim in ids:
                return d
        if blanket is not None:
            return blanket
        k = bisect_right(self._region_lines, line) - 1
        if k >= 0 and line < self._regions[k][1]:
            return self._regions[k][2]
        return None


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    c = re.compile
    return SimpleNamespace(
        reason_sep=c(r"(?:^|\s)--(?:\s|$)"),
        id_split=c(r"\s*,\s*|\s+"),
        claim_id=c(r"[A-Za-z][A-Za-z0-9_.\-]*"),
    )

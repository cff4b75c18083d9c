"""Markdown inline markup: one scan, left to right over each block's content in the original, marks
what of it is prose; `Marks` then builds the text, every character knowing where it came from.

Code spans become a space, HTML tags and comments, autolinks, bare URLs, link destinations, escapes
and emphasis markers are left out, and character references are decoded. A finding must be located
to the column in the original file, so nothing is read from the parser's inline events.
"""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from dsfact.document.directives import Comment
from dsfact.document.entities import entity_table, numeric_entity, space_nbsp
from dsfact.document.html import raw_text_end
from dsfact.numbers.patterns import lazy

# Mask codes: what becomes of each original character.
KEEP, DROP, SPACE, SUBST, BREAK = 0, 1, 2, 3, 4


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    # Every token starts with its own character. "<" opens several (comment, declaration, autolink,
    # tag), whose patterns are compiled only when a "<" is met: a draft rarely has one, and they
    # cost more to compile than the scan of a whole article. The look-ahead of the tokens' first
    # characters opens the pattern so that a search skips other characters at once instead of trying
    # each token there (a sixth of the time on prose with no markup).
    c = re.compile
    return SimpleNamespace(
        md_inline=c(
            r"""(?=[`<\\&hfw!\[\]*_~])
            (?:(?P<code>`+)
            |(?P<angle><)
            |(?P<escape>\\[!-/:-@\[-`{-~])
            |(?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
            |(?P<url>(?:https?://|ftp://|www\.)[^\s<>]*)
            |(?P<open>!?\[)
            |(?P<bracket>\])
            |(?P<emph>\*++|_++|~~+))
            """,
            re.X,
        ),
        runs=c(rb"\x00+|\x01+|\x02+|\x03|\x04"),
    )


@lru_cache(maxsize=1)
def _angle_rx() -> SimpleNamespace:
    """The tokens that open with "<" past a comment or a declaration: an autolink, else a tag."""
    c = re.compile
    return SimpleNamespace(
        autolink=c(
            r"""<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>
               |<[A-Za-z0-9.!\#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?
                  (?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>""",
            re.X,
        ),
        tag=c(
            r"""<(?P<closing>/)?(?P<name>[A-Za-z][A-Za-z0-9\-]*+)
               (?:\s++[A-Za-z_:][A-Za-z0-9_.:\-]*+(?:\s*+=\s*+(?:[^\s"'=<>`]++|'[^']*+'|"[^"]*+"))?+)*+\s*+/?>""",
            re.X,
        ),
    )


@lru_cache(maxsize=1)
def _link_rx() -> SimpleNamespace:
    """What may follow a link's "]": its destination, or a reference label."""
    c = re.compile
    return SimpleNamespace(
        link_dest=c(
            r"""\(\s*+(?:<[^<>\n]*+>|(?:[^\s()\\]++|\\.|\((?:[^\s()\\]++|\\.)*+\))*+)
                (?:\s++(?:"(?:[^"\\]++|\\.)*+"|'(?:[^'\\]++|\\.)*+'|\((?:[^()\\]++|\\.)*+\)))?+\s*+\)""",
            re.X,
        ),
        ref_label=c(r"\[(?:[^\[\]\\]++|\\.){0,999}+\]"),
    )


@lru_cache(maxsize=64)
def _closing_backticks(n: int) -> re.Pattern[str]:
    return re.compile(r"(?<!`)`{%d}(?!`)" % n)


class Marks:
    """What becomes of each original character, and the text built from that.

    Everything starts left out except line breaks; the block walk marks inline content as kept and
    soft line breaks as spaces; the inline pass then leaves out markup within the content.
    """

    __slots__ = ("s", "mask", "subst")

    def __init__(self, s: str) -> None:
        self.s = s
        mask = bytearray(b"\x01" * len(s))
        i = s.find("\n")
        while i != -1:
            mask[i] = KEEP
            if i and s[i - 1] == "\r":
                mask[i - 1] = KEEP
            i = s.find("\n", i + 1)
        self.mask = mask
        self.subst: dict[int, tuple[str, int]] = {}

    def set(self, a: int, b: int, code: int) -> None:
        """Mark s[a:b]; its line breaks keep what the block walk made of them."""
        if a >= b:
            return
        s, mask = self.s, self.mask
        i = s.find("\n", a, b)
        if i == -1:
            mask[a:b] = bytes((code,)) * (b - a)
            return
        saved = []
        while i != -1:
            saved.append((i, mask[i]))
            if i > a and s[i - 1] == "\r":
                saved.append((i - 1, mask[i - 1]))
            i = s.find("\n", i + 1, b)
        mask[a:b] = bytes((code,)) * (b - a)
        for k, v in saved:
            mask[k] = v

    def replace(self, a: int, b: int, rep: str) -> None:
        self.mask[a:b] = bytes((DROP,)) * (b - a)
        self.mask[a] = SUBST
        self.subst[a] = (rep, b)

    def assemble(self) -> tuple[str, list[int], dict[int, int]]:
        s, mask, subst = self.s, self.mask, self.subst
        parts: list[str] = []
        origin: list[int] = []
        ends: dict[int, int] = {}
        for m in _rx().runs.finditer(mask):
            a, b = m.span()
            code = mask[a]
            if code == KEEP:
                parts.append(s[a:b])
                origin.extend(range(a, b))
            elif code == SPACE:
                parts.append(" ")
                origin.append(a)
            elif code == BREAK:
                parts.append("\n")
                origin.append(a)
            elif code == SUBST:
                rep, end = subst[a]
                for _ in rep:
                    ends[len(origin)] = end
                    origin.append(a)
                parts.append(rep)
        origin.append(len(s))
        return "".join(parts), origin, ends



def read_inlines(s: str, marks: Marks, ranges: list[tuple[int, int]], refs: set[str]) -> list[Comment]:
    """Read inline markup left to right in each range of content (in order); mark it in `marks` and
    return the HTML comments as (start, end or None, body end)."""
    scan = _Scan(s, marks, refs)
    pos = 0
    for seg_start, seg_end in ranges:
        pos = scan.segment(max(pos, seg_start), seg_end)
    return scan.comments


class _Scan:
    """The inline pass over one document: each method reads one token and returns where to go on."""

    __slots__ = ("s", "marks", "refs", "rx", "comments", "no_close", "closer")

    def __init__(self, s: str, marks: Marks, refs: set[str]) -> None:
        self.s, self.marks, self.refs, self.rx = s, marks, refs, _rx()
        self.comments: list[Comment] = []
        self.no_close: set[tuple[int, int]] = set()  # (run length, limit): no closing run before limit
        self.closer = _CommentCloser(s)

    def segment(self, pos: int, seg_end: int) -> int:
        """Read s[pos:seg_end]; return where the scan stopped (a comment or tag may run past the end)."""
        pattern, mask = self.rx.md_inline, self.marks.mask
        stack: list[tuple[int, int]] = []  # open brackets: (position, length of "[" or "![")
        while pos < seg_end:
            m = pattern.search(self.s, pos, seg_end)
            if m is None:
                break
            a = m.start()
            if mask[a] != KEEP:  # not content: list or quote markers, a soft break
                pos = a + 1
                continue
            pos = self.token(m, seg_end, stack)
        return pos

    def token(self, m: re.Match[str], seg_end: int, stack: list[tuple[int, int]]) -> int:
        """Mark one token; return where the scan goes on."""
        a, e = m.span()
        kind = m.lastgroup
        marks = self.marks
        if kind == "code":
            return self.code(a, e, seg_end)
        if kind == "angle":
            return self.angle(a, seg_end)
        if kind == "url":
            return self.url(a, e)
        if kind == "bracket":
            return _close_bracket(self.s, marks, stack, self.refs, a, e)
        if kind == "escape":
            marks.set(a, a + 1, DROP)
        elif kind == "entity":
            rep = _markdown_entity(m.group())
            if rep is not None:
                marks.replace(a, e, rep)
        elif kind == "open":
            stack.append((a, e - a))
        elif kind == "emph":
            if _is_emphasis(self.s, a, e):
                struck = _struck_end(self.s, a, e, seg_end) if self.s[a] == "~" else None
                marks.set(a, e if struck is None else struck, DROP)  # "~~13%~~ 17%": the old figure struck out
                return e if struck is None else struck
        return e

    def code(self, a: int, e: int, limit: int) -> int:
        """A code span (a space in the text); it does not leave its block."""
        width = e - a
        close = None
        if (width, limit) not in self.no_close:
            close = _closing_backticks(width).search(self.s, e, limit)
            if close is None:
                self.no_close.add((width, limit))
        if close is None:
            return e
        self.marks.set(a, close.end(), SPACE)
        return close.end()

    def comment(self, a: int) -> int:
        k = self.closer.find(a + 2)
        if k == -1:
            self.comments.append((a, None, len(self.s)))
            return a + 4
        self.marks.set(a, k + 3, DROP)
        self.comments.append((a, k + 3, k))
        return k + 3

    def angle(self, a: int, seg_end: int) -> int:
        """A "<": a comment, a declaration, an autolink or a tag opens here, or it is prose."""
        s = self.s
        if s.startswith("<!--", a, seg_end):
            return self.comment(a)
        if s.startswith("<![CDATA[", a, seg_end):
            return self.special(a, a + 9, "]]>")
        if s.startswith("<?", a, seg_end):
            return self.special(a, a + 2, "?>")
        if s.startswith("<!", a, seg_end) and a + 2 < seg_end and s[a + 2].isascii() and s[a + 2].isalpha():
            return self.special(a, a + 3, ">")
        rx = _angle_rx()
        m = rx.autolink.match(s, a, seg_end)
        if m:
            self.marks.set(a, m.end(), DROP)
            return m.end()
        m = rx.tag.match(s, a, seg_end)
        return a + 1 if m is None else self.tag(m)

    def special(self, a: int, e: int, end_token: str) -> int:
        """CDATA, a processing instruction or a declaration (s[a:e] opens it): left out up to its end."""
        k = self.s.find(end_token, e)
        if k == -1:
            return e
        self.marks.set(a, k + len(end_token), DROP)
        return k + len(end_token)

    def tag(self, m: re.Match[str]) -> int:
        """An HTML tag; a <script> or <style> is left out up to its end tag."""
        a, pos = m.start(), m.end()
        name = m.group("name").lower()
        if not m.group("closing") and name in ("script", "style", *_STRUCK_TAGS):
            c = raw_text_end(name).search(self.s, pos)  # <del>13%</del>: struck out, as ~~13%~~
            if c is not None:
                gt = self.s.find(">", c.end())
                pos = len(self.s) if gt == -1 else gt + 1
        self.marks.set(a, pos, DROP)
        return pos

    def url(self, a: int, e: int) -> int:
        """A bare URL (not inside a word), without the punctuation that ends its sentence."""
        s = self.s
        if a > 0 and (s[a - 1].isalnum() or s[a - 1] in "_/@.-"):
            return a + 1
        end = _trim_url(s, a, e)
        if end - a > 4:
            self.marks.set(a, end, DROP)
            return end
        return a + 1


# the tags of struck-out text: a correction's old figure, kept visible beside the new one ("<del>13%</del> 17%")
_STRUCK_TAGS = ("del", "s", "strike")


def _struck_end(s: str, a: int, e: int, seg_end: int) -> int | None:
    """Where the struck-out text that a "~~" run at s[a:e] opens ends (after its closing run), or None when the
    run closes nothing: a correction shows the old figure struck out beside the new one ("closed down ~~13%~~
    17%"), and the struck words are no statement of the writer's."""
    width = e - a
    k = s.find("~" * width, e, seg_end)
    while k != -1:
        end = k + width
        if (end >= len(s) or s[end] != "~") and s[k - 1] != "~" and not s[k - 1].isspace():
            return end if k > e and not s[e].isspace() else None
        k = s.find("~" * width, end, seg_end)
    return None


def _is_punct(c: str) -> bool:
    return not c.isalnum() and not c.isspace()


class _CommentCloser:
    """Where the next "-->" is, remembering when there is none (so many "<!--" stay linear)."""

    __slots__ = ("s", "none_after")

    def __init__(self, s: str) -> None:
        self.s = s
        self.none_after = len(s) + 1

    def find(self, start: int) -> int:
        if start >= self.none_after:
            return -1
        i = self.s.find("-->", start)
        if i == -1:
            self.none_after = min(self.none_after, start)
        return i

def normalize_label(label: str) -> str:
    """A link label as CommonMark compares it: trimmed, runs of white space as one space, case folded
    (lower then upper case, so that every variant of a letter is one)."""
    return " ".join(label.split()).lower().upper()


def _markdown_entity(token: str) -> str | None:
    body = token[1:-1]
    if body.startswith(("#x", "#X")):
        return space_nbsp(numeric_entity(body[2:], 16))
    if body.startswith("#"):
        return space_nbsp(numeric_entity(body[1:], 10))
    rep = entity_table().get(body + ";")
    return None if rep is None else space_nbsp(rep)


def _trim_url(s: str, a: int, e: int) -> int:
    while e > a:
        c = s[e - 1]
        if c in "?!.,:*_~'\";":
            e -= 1
        elif c == ")" and s.count("(", a, e) < s.count(")", a, e):
            e -= 1
        else:
            break
    return e


def _close_bracket(s: str, marks: Marks, stack: list[tuple[int, int]], refs: set[str], a: int, e: int) -> int:
    """A "]": a link, image, reference or footnote closes here, or it is only a bracket."""
    if not stack:
        return e
    opener, width = stack.pop()
    label = s[opener + width : a]
    end = None
    if s.startswith("(", e):
        m = _link_rx().link_dest.match(s, e)
        end = m.end() if m else None
    elif s.startswith("[", e):  # a full or collapsed reference: a link only when its label is defined
        m = _link_rx().ref_label.match(s, e)
        if m and normalize_label(s[m.start() + 1 : m.end() - 1] or label) in refs:
            end = m.end()
    if end is not None:
        _drop_link(marks, label, opener, width, a, end)
        return end
    if a - opener > 1000:  # longer than any link label
        return e
    if width == 1 and label.startswith("^") and label[1:] and not any(c.isspace() for c in label):
        marks.set(opener, e, DROP)  # a footnote reference: [^1]
    elif refs and normalize_label(label) in refs:  # a shortcut reference: [report]
        _drop_link(marks, label, opener, width, a, e)
    return e


def _drop_link(marks: Marks, label: str, opener: int, width: int, a: int, end: int) -> None:
    """Leave out a link's markup, keeping its text; all of it when its text is a number alone."""
    if _NUMBERED.fullmatch(label):  # "[3](#ref-3)", "[12][12]": a numbered citation, no figure
        marks.set(opener, end, DROP)
    else:
        marks.set(opener, opener + width, DROP)
        marks.set(a, end, DROP)


# a link whose text is a number alone cites a note or a source ("[3]", "[12]"): the number is no figure
_NUMBERED = lazy(r"\s*[0-9]{1,3}\s*")


def _is_emphasis(s: str, a: int, e: int) -> bool:
    """Is this run of * _ or ~~ emphasis markup (by CommonMark's flanking rules)?"""
    before = s[a - 1] if a > 0 else "\n"
    after = s[e] if e < len(s) else "\n"
    ws_b, ws_a = before.isspace(), after.isspace()
    p_b, p_a = _is_punct(before), _is_punct(after)
    left = not ws_a and (not p_a or ws_b or p_b)
    right = not ws_b and (not p_b or ws_a or p_a)
    ch = s[a]
    if ch == "*":
        return (left or right) and not (before.isdigit() and after.isdigit())
    if ch == "_":
        return (left and (not right or p_b)) or (right and (not left or p_a))
    return left or right

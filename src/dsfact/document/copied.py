"""Lines as a page copied from the web writes them: a paragraph on a line of its own, with no blank line
after it, and a title or a stamp on a short line over a paragraph ("Chip wreck", "Last update: Jan 28,
2025", "Updated at 2:54 PM EST").

No one wraps prose by hand wider than PARAGRAPH_COLUMNS, so a line that long which ends a sentence is a
whole paragraph, and the line after it begins another (dsfact.matching.sentences reads the break as a
paragraph break, as a blank line; the Markdown reader keeps it, as it keeps a hard break). A short line
that ends no sentence and on no word a sentence goes on after, over a paragraph whose first word would have
fitted on it, is a line broken by hand: a title of its own, not the first words of the paragraph's first
sentence (the Markdown reader keeps that break too, which then ends a sentence). Words are
dsfact/lang/sentences.words [goes-on].

Standard library only; the words are read on first use.
"""
from __future__ import annotations

from dsfact.document.plain import _doubles, _unbreakable
from dsfact.numbers.patterns import lazy

PARAGRAPH_COLUMNS = 100  # columns of a line past which it was not wrapped by hand
TITLE_COLUMNS = 60  # columns of a title or a stamp on a line of its own
HEADLINE_COLUMNS = 160  # columns of a headline over a page's paragraphs copied one a line
_STOPS = frozenset(".!?。！？")
_CLOSES = frozenset("\"”’')）」』")
_OPENS = "\"“‘'(（「『"
_COPIED_LINES = 3  # lines of a block, at least, that copy a page's paragraphs one a line
_WORD = lazy(r"[A-Za-z.]+$")
_YEAR_END = lazy(r"(?<![\d.,])(?:19|20)\d\d$")  # "Last update: Jan 28, 2025": a date's year ends it
# A stamp: a line that opens with a full date in digits and holds nothing else or a time and a short tail with no
# mark of a sentence ("2025年09月24日 09:12 发布者:eechina", "2025-01-28 10:05 来源：新浪财经", "2025/1/28")
_STAMP = lazy(r"[ \t]*(?:19|20)\d\d(?:年\d{1,2}月\d{1,2}日|([-/.])\d{1,2}\1\d{1,2})"
              r"(?:[ \t]*\d{1,2}:\d\d(?::\d\d)?(?:[ \t]+[^,，.。;；!！?？\n]*)?)?[ \t\r]*$")
_WORDS: dict[str, frozenset[str]] = {}


def _table(name: str) -> frozenset[str]:
    found = _WORDS.get(name)
    if found is None:
        from dsfact.lang import load_words

        found = _WORDS[name] = frozenset(w.lower() for w in load_words("sentences").get(name, {}).get("words", ()))
    return found


def _goes_on() -> frozenset[str]:
    return _table("goes-on")


def _abbreviations() -> frozenset[str]:
    return _table("abbreviations")


def _trimmed(s: str, a: int, b: int) -> int:
    while b > a and s[b - 1] in " \t\r":
        b -= 1
    return b


def ends_sentence(s: str, a: int, b: int) -> bool:
    """Whether the line s[a:b] ends with a sentence's stop (past closing quotes and brackets), not one after an
    abbreviation ("Corp.", "Jan.")."""
    k = _trimmed(s, a, b)
    while k > a and s[k - 1] in _CLOSES:
        k -= 1
    if not (k > a and s[k - 1] in _STOPS):
        return False
    word = _WORD.search(s, max(a, k - 9), k - 1)
    return word is None or word.group().lower() not in _abbreviations()


def paragraph_line(s: str, a: int, b: int) -> bool:
    """Whether the line s[a:b] may be a paragraph on a line of its own: it ends a sentence and is wider than
    any line wrapped by hand."""
    b = _trimmed(s, a, b)
    return b - a + _doubles(s[a:b]) >= PARAGRAPH_COLUMNS and ends_sentence(s, a, b)


def colon_line(s: str, a: int, b: int) -> bool:
    """Whether the line s[a:b] is a lead that ends in a colon and is wider than any line wrapped by hand ("Yesterday
    Nvidia's shares fell 17% in a day on the news of DeepSeek R1:"): the writer broke the line after it, and what it
    introduces on a next line of words (copied_break: one that opens with a Latin letter, "it turned out that ...
    earlier, no company had lost ...") is a sentence of its own, however it opens: its time words are not the
    lead's. A line of figures or of Chinese after it ("2,048 H800 GPUs", 此前……) stays joined to it."""
    b = _trimmed(s, a, b)
    return b > a and s[b - 1] in ":：" and b - a + _doubles(s[a:b]) >= PARAGRAPH_COLUMNS


def copied_block(s: str, lines: list[tuple[int, int]]) -> bool:
    """Whether a block's lines (offsets in s, in order) are a page's paragraphs, one a line: three lines or more,
    two in three of them paragraphs on a line of their own. A writer's own text that puts a sentence on a line
    ("... cost about $5.6 million.⏎The model came out on December 25.") is one paragraph still."""
    if len(lines) < _COPIED_LINES:
        return False
    return sum(paragraph_line(s, a, b) for a, b in lines) * 3 >= len(lines) * 2


def opens_paragraph(s: str, na: int) -> bool:
    """Whether the line at na opens a sentence: a capital, a Chinese character, an opening quote or bracket."""
    c = s[na] if na < len(s) else ""
    return c.isupper() or c in _OPENS or "\u3400" <= c <= "\u9fff"


def title_line(s: str, a: int, b: int, na: int, nb: int) -> bool:
    """Whether the line s[a:b] is a title or a stamp over the paragraph on the line s[na:nb]: short, ending
    in a letter (or a date's year), not on a word a sentence goes on after, and the line below opening with a
    capital, its first word fitting on the title's line within that line's own width."""
    b, nb = _trimmed(s, a, b), _trimmed(s, na, nb)
    while a < b and s[a] in " \t":
        a += 1
    width = b - a + _doubles(s[a:b])
    if not a < b or width > TITLE_COLUMNS or not (na < nb and s[na].isupper()) or width > b - a:  # (Chinese: broken_by_hand)
        return False
    last = s[b - 1]
    if not (last.isalpha() or _YEAR_END.search(s, a, b)):
        return False
    word = s[a:b].rsplit(None, 1)[-1].lower()
    if word in _goes_on():
        return False
    first = _unbreakable(s, na, nb)
    below = nb - na + _doubles(s[na:nb])
    return width + 1 + len(first) <= below - below // 10


def headline(s: str, a: int, b: int) -> bool:
    """Whether the first line s[a:b] of a page's paragraphs copied one a line is its headline, however wide
    ("DeepSeek reportedly failed to utilize its primary model following a $294,000 investment" over the story):
    it ends no sentence, on a letter or a digit and not on a word a sentence goes on after, within HEADLINE_COLUMNS.
    Read with the headline, the story's first sentence would lend it its names."""
    b = _trimmed(s, a, b)
    if not a < b or b - a + _doubles(s[a:b]) > HEADLINE_COLUMNS or ends_sentence(s, a, b) or not s[b - 1].isalnum():
        return False
    return s[a:b].rsplit(None, 1)[-1].lower() not in _goes_on()


def stamp_line(s: str, a: int, b: int) -> bool:
    """Whether the line s[a:b] is a page's date stamp between its headline and its story, short and opening with
    a full date in digits, alone or with a time and what follows it ("2025年09月24日 09:12 发布者:eechina",
    "2025-01-28 10:05 來源：經濟日報", "2025/01/28 08:30 Reuters"): a line of its own, neither the headline's
    end nor the first sentence's head (read with them, the headline's figures would stand in the story's first
    sentence)."""
    b = _trimmed(s, a, b)
    line = s[a:b]  # _STAMP's date opens with its century: a line that does not is not compiled for
    return line.lstrip(" \t")[:2] in ("19", "20") and b - a + _doubles(line) <= TITLE_COLUMNS \
        and _STAMP.match(line) is not None


def copied_break(s: str, segments: list[tuple[int, int]], k: int, copied: bool) -> bool:
    """Whether the line break after the k-th line of a Markdown block (`segments`: its lines' content, offsets
    in s) stays a line break: in a block of a page's paragraphs (`copied`: copied_block), after a paragraph of
    its own before one that opens a sentence; anywhere, after a title over the next line when the title opens
    the block or follows a line that ends a sentence, after a lead that ends in a colon (colon_line), and before
    and after a date stamp (stamp_line)."""
    (a, b), (na, nb) = segments[k], segments[k + 1]
    if stamp_line(s, a, b) or stamp_line(s, na, nb):
        return True
    if colon_line(s, a, b) and s[na:na + 1].isascii() and s[na:na + 1].isalpha():
        return True  # "... the neural network DeepSeek R1:⏎it turned out that ...": what the lead introduces
    if copied and (paragraph_line(s, a, b) or k == 0 and headline(s, a, b)) and opens_paragraph(s, na):
        return True  # (a headline too long for title_line over a page's paragraphs: the block's first line)
    return (k == 0 or ends_sentence(s, *segments[k - 1])) and title_line(s, a, b, na, nb)


def copied_run(s: str, at: int, seen: dict[int, bool]) -> bool:
    """Whether the run of lines between blank lines that holds offset `at` of s is a page's paragraphs, one a line
    (copied_block); `seen` keeps the answer by the run's start, so a run is read once."""
    start = at
    while True:
        k = s.rfind("\n", 0, start - 1) + 1 if start else 0
        if start == 0 or not s[k:start - 1].strip():
            break
        start = k
    found = seen.get(start)
    if found is None:
        lines, a = [], start
        while a < len(s):
            b = s.find("\n", a)
            b = len(s) if b == -1 else b
            if not s[a:b].strip():
                break
            lines.append((a, b))
            a = b + 1
        found = seen[start] = copied_block(s, lines)
    return found

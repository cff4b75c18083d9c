"""A name set after a dash or between commas beside the figure's own noun is that noun's name, not a clause of
its own: in "the €200 billion plan – InvestAI – was unveiled by the Commission", "高达2000亿欧元的计划 –
InvestAI，由欧盟宣布", "The $500 billion project, Stargate, was announced", "一项5000亿美元的计划，星际之门，
在白宫宣布", the dash or comma that parts clauses elsewhere ("its claim – that V3 cost $6M –") here only
names the plan, so the name is as near the figure as the noun is. The nouns are language data (names.words
[apposed-noun]); only a noun of them, right after the figure, and the dash or comma may stand between.
Between commas the name must close with its own comma and begin no list ("a $500 billion venture, OpenAI,
SoftBank and Oracle said": names.words [list-joiners] before the next clause mark), and it stands alone
("the $500 billion project, OpenAI said," names no project)."""
from __future__ import annotations

import bisect
import re

from dsfact.document.labels import OUTLINE_NUMBER, OUTLINE_NUMBER_PLAIN
from dsfact.fold import has_han
from dsfact.lang import words_by_script, words_of
from dsfact.matching.cues import is_cjk
from dsfact.matching.memo import LastText
from dsfact.numbers.patterns import lazy

_PATTERN: list = []  # the gap's pattern (a dash, or a comma: its group "comma") and the list joiners


def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """The pattern of the figure's noun then a dash or a comma (group "comma"), and the list joiners. One
    pattern for both marks: a gap ends with the one or the other. Before a noun right after the figure it
    takes no Chinese characters ("的计划"): `_gap_match` steps over them in Python, where a class of the
    Chinese range would cost milliseconds to compile."""
    if not _PATTERN:
        latin, han_words = words_by_script("names", "apposed-noun", longest_first=True)
        nouns = "|".join(map(re.escape, (*latin, *han_words)))
        noun = rf"(?:\s+(?:[a-z]+\s+)?(?:{nouns})|(?:{nouns}))"
        joiners_latin, joiners_han = words_by_script("names", "list-joiners", longest_first=True)
        joiners = "|".join([*(rf"\b{re.escape(w)}\b" for w in joiners_latin), *map(re.escape, joiners_han), "、"])
        _PATTERN.extend((re.compile(rf"{noun}(?:(?P<comma>\s*[,，]\s*)|\s+[-–—]\s*|\s*—\s*)$"),
                         lazy(joiners)))  # asked of a name between commas only
    return _PATTERN[0], _PATTERN[1]


def _gap_match(gap: str) -> re.Match | None:
    """The gap as the noun then a dash or a comma; the noun may follow 的 and up to three Chinese characters
    ("的计划 – ", "的新计划，") where the gap holds Chinese (where it holds none, no character is one)."""
    if gap.rstrip()[-1:] not in _GAP_ENDS:  # the pattern ends with a comma or a dash, then white space only
        return None
    both = _patterns()[0]
    found = both.match(gap)
    limit = 4 if gap[:1] == "的" else 3
    lead = 0
    while found is None and lead < limit and "\u3400" <= gap[lead:lead + 1] <= "\u9fff":
        lead += 1
        if not gap[lead:lead + 1].isspace():  # right after the characters: the noun, no space before it
            found = both.match(gap, lead)
    return found


def apposed(folded: str, q_end: int, hit_start: int, hit_end: int) -> int:
    """1 when the words between figure q (ending at q_end) and a name at hit_start:hit_end are only the
    figure's own noun and a dash ("plan – ", "的计划 – ") or a comma ("project, ", "的计划，"), and the name
    stands alone, a mark or the end right after it ("– InvestAI,", "– Stargate –", ", Stargate,"; not "–
    Stargate's French cousin"): the name apposes the noun, no clause mark parts it from the figure; else 0."""
    gap = folded[q_end:hit_start]
    aside = _ASIDE.match(gap)
    if aside is not None:  # "US$500 billion (S$676.2 billion) AI project, Stargate.": the conversion is an aside
        gap = gap[aside.end():]
    if len(gap) > 24 or not gap:
        return 0
    # both patterns of a restated noun hold a comma
    if ("," in gap or "，" in gap) and _restated(has_han(gap)).match(gap) is not None:  # "four dedicated teams, or “war rooms,”"
        while folded[hit_end:hit_end + 1] in ("”", "」", "』", '"'):
            hit_end += 1  # "又称“作战室”，": the name's closing quote
        return _closed(folded, hit_end, _patterns()[1])
    found = _gap_match(gap)
    if found is not None and found.group("comma") is not None:
        return _closed(folded, hit_end, _patterns()[1])
    if any(c in ",，;；:：()（）.。" for c in gap):
        return 0
    rest = folded[hit_end:hit_end + 3].lstrip(" ")
    if rest and rest[0] not in _CLOSING:
        return 0
    return 1 if found is not None else 0


_RESTATED: dict = {}  # the pattern of a noun given another name, by whether the gap holds Chinese


def _restated(han: bool) -> re.Pattern:
    """The words between a figure and a name that give the figure's own noun that name (names.words
    [restated-noun]): a few words of a noun, a comma and "or", "dubbed", 又称 ("dedicated teams, or “",
    "个专门小组，又称“")."""
    if han not in _RESTATED:
        latin, han_words = words_by_script("names", "restated-noun", longest_first=True)
        if han:
            words = "|".join(map(re.escape, han_words)) or "(?!)"
            _RESTATED[han] = re.compile(rf"[^\s,，。.;；:：()（）]{{1,8}}[,，]\s*(?:{words})\s*[“\"「『]?$")
        else:
            words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in latin) or "(?!)"
            _RESTATED[han] = re.compile(rf"(?:\s+[a-z][a-z-]*){{1,3}},\s+(?:{words})\s+[“\"'‘]?$")
    return _RESTATED[han]


def _closed(folded: str, hit_end: int, joiners: re.Pattern) -> int:
    """1 when the name ending at hit_end closes with a comma of its own and the clause after that comma
    joins no list ("Stargate, was announced"; not "OpenAI, SoftBank and Oracle"), or when the sentence ends
    with it ("its $500 billion AI project, Stargate.", "一项5000亿美元的计划，星际之门。")."""
    after = folded[hit_end:hit_end + 1]
    if after in _ENDS:
        return 1
    if after not in (",", "，"):
        return 0
    clause = re.match(r"[^,，;；:：.。!！?？()（）]*", folded[hit_end + 1:hit_end + 80]).group()
    return 0 if joiners.search(clause) else 1


_CLOSING = ",，;；:：.。-–—)）\n"
_GAP_ENDS = (",", "，", "-", "–", "—")  # what the gap's pattern ends with, but white space
_ENDS = ("", ".", "。", "!", "！", "?", "？", "\n")  # what may end a sentence right after an apposed name
# a bracketed aside right after the figure (a conversion, "(S$676.2 billion)", "（约合3.6万亿元人民币）")
_ASIDE = re.compile(r"\s*[(（][^()（）]{1,40}[)）]")


_OPENING_QUOTES = " \"“「『《'‘"
_STACK_REACH = 30  # the longest clause of a modifier read as one
_STACK_SHORTEST = 4  # and the shortest, 的 included: a verb and its object ("谷歌的" names an owner)


def stacked(folded: str, marks: list[int], q_end: int, hit_start: int) -> bool:
    """Whether the one clause mark between figure q (ending at q_end) and a name at hit_start only parts two
    modifiers of that name: the clause after the mark ends in 的 right before it (quotes aside), so that both
    clauses tell of what the name names ("规模高达5000亿美元、旨在推动AI发展的“星际之门”项目": the plan's size and
    aim, a Chinese noun's stacked modifiers). The caller asks it only of a figure whose clause names no
    subject before it."""
    k = bisect.bisect_left(marks, hit_start) - 1
    if k < 0 or marks[k] < q_end or folded[marks[k]] not in ",，、":
        return False
    tail = folded[marks[k] + 1:hit_start].strip()
    head = tail.rstrip(_OPENING_QUOTES)
    if not (_STACK_SHORTEST < len(head) <= _STACK_REACH and head.endswith("的") and is_cjk(head[-2])):
        return False  # a possessive ("，而OpenAI的o1") is no modifier clause
    return not head.startswith(words_of("names", "new-clause", "words"))  # "，而……的" opens a clause of its own


_GLOSS_HEAD = lazy(r"[ \t]*(?:[-*•·][ \t]+|\d{1,2}[.)][ \t]+|" + OUTLINE_NUMBER + ")?")  # a bullet or a number first
_GLOSS_HEAD_PLAIN = lazy(r"[ \t]*(?:[-*•·][ \t]+|\d{1,2}[.)][ \t]+|" + OUTLINE_NUMBER_PLAIN + ")?")  # no Chinese on its line


_HEADS = LastText()  # the folded text last asked about -> where each line's head ends (_line_head)


def _line_head(folded: str, line: int) -> int:
    """Where the bullet or number that opens the line at `line` ends (at `line` when there is none): the plain
    pattern on a line with no Chinese character, whose outline numbers can then only be the plain ones. Read
    once per line of a text: glossed and titled ask it for each (figure, cue word) pair of the line."""
    heads = _HEADS.of(folded)
    found = heads.get(line)
    if found is None:
        end = folded.find("\n", line)
        head = _GLOSS_HEAD if has_han(folded[line:end if end >= 0 else len(folded)]) else _GLOSS_HEAD_PLAIN
        found = heads[line] = head.match(folded, line).end()
    return found
_GLOSS_MARK = lazy(r"[ \t]*(?:[:：—–]|--)[ \t]*")  # ("--": a dash typed in plain text)


def glossed(folded: str, q_start: int, q_end: int, hit_start: int) -> int:
    """1 when figure q opens its line (after a bullet or a list's number) and a colon or a dash right after it
    opens the gloss that says what it is, on the same line as a cue word at hit_start ("1. $5.6 million: the
    cost of V3's final run", "17%：輝達週一的跌幅"): the mark parts no clause from the figure; else 0."""
    line = folded.rfind("\n", 0, q_start) + 1
    if _line_head(folded, line) != q_start:
        return 0
    mark = _GLOSS_MARK.match(folded, q_end)
    if mark is None or mark.end() == q_end or "\n" in folded[q_end:hit_start]:
        return 0
    return 1


def titled(folded: str, q_start: int, q_end: int, hit_start: int) -> int:
    """1 when figure q opens its line with a few words of its own and a colon after them, on the same line as a
    cue word at hit_start: a headline that puts the figure and what it is first, the subject after the colon
    ("$600 Billion Loss: Nvidia's Stock Slides", "5890億美元蒸發：輝達股價重挫"); else 0. The words are at most
    _TITLE_WORDS Latin words or _TITLE_CJK Chinese characters, with no digit and no clause mark: "$1 trillion
    gone, and Nvidia: ..." is no title. A figure right before its colon is `glossed`."""
    line = folded.rfind("\n", 0, q_start) + 1
    if _line_head(folded, line) != q_start:
        return 0
    colon = _TITLE.match(folded, q_end)
    if colon is None or "\n" in folded[q_end:hit_start] or colon.end() > hit_start:
        return 0
    words = colon.group(1).strip()
    if has_han(words):
        return int(len(words) <= _TITLE_CJK and all("\u3400" <= c <= "\u9fff" for c in words))
    return int(0 < len(words.split()) <= _TITLE_WORDS)


_TITLE_WORDS = 3  # "$600 Billion Loss", "$600 billion wiped out"
_TITLE_CJK = 4  # "5890亿美元蒸发", "市值蒸发"
_TITLE = lazy(r"([^\W\d_]*(?:[ \t'’-]+[^\W\d_]+)*)[ \t]*[:：][ \t]*")  # words of letters only, then a colon


def gloss_of(text: str, q_start: int, q_end: int) -> tuple[int, int] | None:
    """The span of the gloss after figure q when q opens its line and a colon or a dash follows it ("- **14.8T**
    — tokens of pre-training data": the gloss, up to the line's end, names what the figure counts); else None."""
    end = text.find("\n", q_end)
    end = len(text) if end < 0 else end
    if not glossed(text, q_start, q_end, end):
        return None
    return _GLOSS_MARK.match(text, q_end).end(), end

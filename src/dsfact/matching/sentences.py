"""Sentences and paragraphs of a text, by the rules in dsfact/lang/sentences.words."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from dsfact.document.copied import copied_run, opens_paragraph, paragraph_line
from dsfact.matching.counters import counter_ends
from dsfact.matching.cues import is_cjk
from dsfact.model import record
from dsfact.numbers.patterns import lazy

_WORD_BEFORE = lazy(r"([A-Za-z.]+)$")
# The longest sentence matching reads as one, in characters: news sentences stay far below it (the
# longest in the evaluation articles and fixtures is under 300). A longer run (a run-on sentence full of
# figures, a table flattened to one line) is cut at clause marks into pieces no longer than this, so that
# the figures per sentence and the cue words each figure looks at stay bounded: time stays linear.
LONGEST = 600
# Numbered citations after a stop ("... deployment.[1] This ..."): the sentence ends after them, as after a
# closing quote
_CITATIONS = r"(?:\[\d{1,3}\])*"
_CUT = lazy(r"[,，;；、:：]\s*|\s+")  # where a long run may be cut: after a clause mark or a space


@record
class Sentence:
    """text[start:end], in its paragraph (counted from 0); a named tuple, as CueHit is."""

    start: int
    end: int
    paragraph: int


class _Rules:
    """The sentence rules, read once per process."""

    def __init__(self) -> None:
        from dsfact.lang import load_words

        tables = load_words("sentences")
        rules = tables.get("rules", {})
        self.ends = "".join(rules.get("ends", ()))
        self.stops = "".join(rules.get("stops", ()))
        self.opens = "".join(rules.get("opens", ()))
        self.closes = "".join(rules.get("closes", ()))
        self.bullets = "".join(rules.get("bullets", ()))
        self.abbreviations = frozenset(w.lower() for w in tables.get("abbreviations", {}).get("words", ()))
        answers, questions = (sorted(tables.get(k, {}).get("words", ()), key=len, reverse=True)
                              for k in ("answer-marks", "question-marks"))
        # a question's line, then its answer's, opened by a mark (a blank line may stand between)
        self.answer_line = lazy(r"[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(?:" + "|".join(map(re.escape, answers))
                                      + r")[ \t]*[:：][ \t]*", re.I) if answers else None
        self.question_mark = lazy("(?:" + "|".join(map(re.escape, questions)) + r")[ \t]*[:：][ \t]*",
                                        re.I) if questions else None
        latin, wide = (("".join(c for c in self.ends + self.stops if c.isascii() == a)) for a in (True, False))
        self.stat_stops = tuple(c + " " for c in latin) + tuple(wide)  # where a sentence before a figure's line ends
        self.first_sentence = re.compile(r".*?(?:[" + re.escape(latin) + r"](?=\s|$)|[" + re.escape(wide) + "]|$)")
        ends = "[" + re.escape(self.ends + "\n") + "]"
        closes = "[" + re.escape(self.closes) + "]*" if self.closes else ""
        # where a sentence may end: a mark of `ends`; a stop, perhaps closing marks and citations, then a space; a
        # stop glued to the next sentence's first word, as a page copied without its line breaks gives it ("... the
        # dominance of U.S. rivals.On Monday, Nvidia lost ..."): a word of two lower-case letters at least before it,
        # a capital and a lower-case letter after (not a ticker's "NVDA.O", a name's "Amazon.com"); a run of numbered
        # citations closing a list's item that no stop ends, the next item opening with a capital ("... top-tier AI
        # models [12][13] Group 2: ..."); not with a bullet alone ("[1] - Meta预计……"), where the items may be one
        # list's parts, as a sentence's clauses are. Led by the class of the characters every branch begins with,
        # each branch reading its first character behind it: the regex engine skips to them in C (a look-ahead at
        # them, tried at every character, took twice the time; the bare branches half as much again)
        stop = "(?<=[" + re.escape(self.stops) + "])" if self.stops else "(?!)"
        self.boundary = re.compile("[" + re.escape(self.ends + "\n" + self.stops + "[") + "](?:(?<=" + ends + ")"
                                   + "|" + stop + closes + _CITATIONS + "(?=[ \t])"
                                   + "|" + stop + "(?<=[a-z][a-z].)(?=[A-Z][a-z])"
                                   + r"|(?<=\[)\d{1,3}\](?:\[\d{1,3}\])*(?=[ \t]+[A-Z]))")


_RULES: _Rules | None = None


def _rules() -> _Rules:
    global _RULES
    if _RULES is None:
        _RULES = _Rules()
    return _RULES


def split_sentences(text: str, prose: Callable[[int], bool] | None = None) -> list[Sentence]:
    """Sentences and paragraphs: 。！？!? end a sentence (a question mark not before the figure that answers
    it), so does a full stop before a capital or a line end;
    a line break ends a sentence and a blank line a paragraph (so does a line break after a paragraph on a line
    of its own, as a page copied from the web writes one: dsfact.document.copied), except a break that only wraps a sentence or
    stands between a label and its value (`continues`) where `prose` (offset -> bool; default: everywhere) says a paragraph's lines
    stand: a page that breaks its lines mid-sentence ("Shares of Nvidia plummeted by nearly\n17%")."""
    rules = _rules()
    sentences: list[Sentence] = []
    counters = counter_ends(text)  # "... by US 0 details were published ...": a page's scraped sentence ends
    paragraph = 0
    start = 0
    n = len(text)
    joined = -1  # a question's answer on the next line is told with it up to here (`_answer_line`)
    copied: dict[int, bool] = {}  # the runs of lines that copy a page's paragraphs, one a line, by their start
    for m in rules.boundary.finditer(text):  # only where a sentence may end: one regex pass, not a loop per character
        i = m.start()
        if i < joined:
            continue
        ch = text[i]
        new_paragraph = False
        if ch == "\n":
            j = i + 1
            while j < n and text[j] in " \t\r":
                j += 1
            if j < n and text[j] == "\n":
                new_paragraph = True
            elif j < n and continues(text, i, j) and (prose is None or prose(i)):
                continue
            elif j < n and paragraph_line(text, text.rfind("\n", 0, i) + 1, i) and opens_paragraph(text, j) \
                    and copied_run(text, i, copied):
                new_paragraph = True  # a page's paragraph on a line of its own, copied with no blank line after it
        elif ch in "?？" and (_ANSWER.match(text, i + 1) or (joined := _answer_line(text, i + 1, rules)) > i):
            continue  # "The cost of training R1? A mere $294,000.": the answer is told with its question
        elif ch in rules.stops:
            stop, i = i, m.end() - 1  # (the sentence takes the quote or bracket its stop closes: 'research."')
            j = i + 1
            while j < n and text[j] in " \t":
                j += 1
            if j < n and not _opens_sentence(text, stop, j, rules):
                continue
        elif ch == "[":
            i = m.end() - 1  # the item's citations close it: the next item is a sentence of its own
        elif ch in rules.ends:
            while i + 1 < n and text[i + 1] in rules.closes:
                i += 1  # "……的强烈信心。”": the closing quote ends the sentence it closes, not the next one's head
        if text[start:i + 1].strip():
            _append(sentences, text, start, i + 1, paragraph, counters)
        start = i + 1
        if new_paragraph and sentences and sentences[-1].paragraph == paragraph:
            paragraph += 1  # (a run of blank lines parts two paragraphs, not three or four)
    if text[start:].strip():
        _append(sentences, text, start, n, paragraph, counters)
    return sentences


def continues(text: str, i: int, j: int) -> bool:
    """Whether the line break at i only wraps a sentence that goes on at j: the line before ends in a Chinese
    comma, or in a comma and the line after begins with a lower-case letter, a digit or a currency sign ("technologies,\n
    plummeted"), or the line before ends in a lower-case Latin letter and the line after begins with a
    figure ("by nearly\n17%", "about\n$600 billion"). A line that ends in a stop, a capital (a heading) or
    a Chinese character (a list's label), or one after it that begins with a capital (a headline, a list
    without marks), still ends the sentence."""
    k = i
    while k > 0 and text[k - 1] in " \t\r":
        k -= 1
    if k == 0:
        return False
    before, after = text[k - 1], text[j]
    if _labels(text, k, j) or stat_over(text, k, j):
        return True
    if before == "，":
        opens = True  # a Chinese comma never ends a sentence: "英伟达股价大幅下挫，⏎跌幅达17%"
    elif before == ",":
        opens = "a" <= after <= "z" or after.isdigit() or after in _MONEY
    else:  # (a break a writer made on purpose, Markdown's "GPUs\\⏎for", goes on with a word)
        opens = "a" <= before <= "z" and (after.isdigit() or after in _MONEY)
    return opens and not _NUMBERED.match(text, j)  # "include\n1. $5.6 million for training": a numbered list


def _labels(text: str, k: int, j: int) -> bool:
    """Whether the line ending at k is a label over the short line of its value at j, as a profile copied
    from a page's two-column layout writes them ("发布时间⏎2024年12月（V3版本）", "GPU Hours⏎2.788M"): the
    label short, with no digit and no mark, the value opening with its figure."""
    a = text.rfind("\n", 0, k) + 1
    label = text[a:k].strip()
    if not label or any(c.isdigit() or c in _LABEL_MARKS for c in label):
        return False
    if sum(map(is_cjk, label)) > _LABEL_CJK or len(label.split()) > _LABEL_LATIN:
        return False
    end = text.find("\n", j)
    value = text[j:end if end >= 0 else len(text)]
    return len(value.strip()) <= _VALUE and bool(_FIGURE_FIRST.match(value)) and not _NUMBERED.match(value)


def stat_over(text: str, k: int, j: int, a: int = -1) -> bool:
    """Whether the line ending at k holds a figure alone over the sentence at j that tells what it is, as a page's
    "by the numbers" box writes them ("$590 billion⏎The approximate decline in Nvidia's market value."): the
    figure's line short, opening with its figure, with no mark of a sentence; the line after a sentence, longer
    than a label (not "GPU Hours⏎2.788M⏎Training cost⏎$5.6M", a profile's labels and values)."""
    if a < 0:  # the line's last sentence: a reader may have joined the figure's line to the one before
        lo = max(0, k - _STAT - 2)  # (only so far back: a longer line is no figure's)
        if _DIGIT.search(text, lo, k) is None:
            return False  # (most lines: no digit near their end)
        a = text.rfind("\n", lo, k) + 1
        for stop in _rules().stat_stops:
            a = max(a, text.rfind(stop, lo, k) + 1)
        if a <= 0 < lo:
            return False
    if not _stat_line(text, a, k) or _under_label(text, a):
        return False  # (not "英伟达周一的跌幅⏎17%⏎纳指周一的跌幅": a profile's value under its label)
    end = text.find("\n", j)
    line = text[j:end if end >= 0 else len(text)].strip()
    first = _rules().first_sentence.match(line)
    if not line or _NUMBERED.match(line) or line[0] in _LABEL_MARKS or any(c.isdigit() for c in first.group()):
        return False  # (a sentence with a figure of its own states it: "After the rout, Ellison lost $27.6 billion.")
    if _set_beside(first.group().lower()):
        return False  # "$27.6 billion⏎The loss in Ellison's fortune as Nvidia sank": Nvidia the setting
    return len(line.split()) > _LABEL_LATIN + 1 or sum(map(is_cjk, line)) > _LABEL_CJK


def _under_label(text: str, a: int) -> bool:
    """Whether the figure's line opening at a stands right under a label: a line of words with no figure that ends
    with no mark of a sentence's end ("Nvidia's fall on Monday⏎17%"); a Markdown heading is no label."""
    p = text.rfind("\n", 0, a)
    if p < 0 or text[p:a].strip():  # (the figure's line joined by the reader to a sentence before it)
        return False
    line = text[text.rfind("\n", 0, p) + 1:p].strip()
    rules = _rules()
    return bool(line) and line[0] != "#" and line[-1] not in rules.ends and line[-1] not in rules.stops \
        and not any(c.isdigit() for c in line)


def _set_beside(caption: str) -> bool:
    """Whether a caption (folded) holds a word of sentences.words [stat-setting], one that sets its figure beside a
    body's move ("as", 之际) rather than telling that body's own figure."""
    return _setting().search(caption) is not None


@lru_cache(maxsize=1)
def _setting():
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import whole_words

    return whole_words(words_of("sentences", "stat-setting"), chinese=True)


def _stat_line(text: str, a: int, k: int) -> bool:
    """Whether text[a:k] is a line that holds a figure alone: "$590 billion", "17%", "5000亿美元"."""
    line = text[a:k].strip()
    return 0 < len(line) <= _STAT and bool(_FIGURE_FIRST.match(line)) and len(line.split()) <= 2 and not _YEAR.match(line) \
        and not any(c in _LABEL_MARKS for c in line.replace(",", "").replace(".", "")) and not _NUMBERED.match(line)


_STAT = 16  # characters of a figure's line
_DIGIT = lazy(r"\d")
_YEAR = lazy(r"(?:19|20)\d\d$")  # a year alone heads a timeline's entry, not a figure the line after tells
_LABEL_MARKS = ",，.。;；:：!！?？、()（）|#*-–•·>\"“”「」"
_LABEL_CJK, _LABEL_LATIN, _VALUE = 10, 4, 48  # characters and words of a label; characters of its value
_FIGURE_FIRST = lazy(r"[~≈约約]?[$€£¥]?\d")
_MONEY = "$€£¥"
# An answer right after a question mark that opens with its figure (after at most three words, or four
# Chinese characters and a unit's word), a comma after them: "? A mere $294,000", "? Just 2,048 chips",
# "A: Per million tokens, $60", "答：每百万tokens 16元"
_ANSWER = lazy(r"[ \t]*(?:(?:[A-Za-z]+,?[ \t]+){0,3}|[\u4e00-\u9fff]{0,4}(?:[A-Za-z]+[ \t]*)?[,，]?[ \t]*)[$€£¥]?\d")
_NUMBERED = lazy(r"\d{1,3}[.)](?:\s|$)")


def _answer_line(text: str, j: int, rules: _Rules) -> int:
    """Where the answer on the line after a question that ends at j opens its figure, when a mark of
    sentences.words [answer-marks] opens that line and the figure follows as `_ANSWER` reads it ("Q: How much
    did V3 cost?⏎A: About $5.6 million", "问：……花了多少钱？⏎答：约560万美元"); -1 when it does not."""
    m = rules.answer_line.match(text, j) if rules.answer_line is not None else None
    return m.end() if m is not None and _ANSWER.match(text, m.end()) else -1


def after_question(text: str, at: int) -> bool:
    """Whether text[at:] opens an answer: a question mark stands right before it, past spaces ("? About $6M"),
    or past the mark of an answer's line on the line after ("?⏎A: About $6M", "？⏎答：")."""
    window = text[max(0, at - _ANSWER_REACH):at]
    if window.rstrip().endswith(("?", "？")):
        return True
    mark = max(window.rfind("?"), window.rfind("？"))
    line = _rules().answer_line
    return mark >= 0 and line is not None and line.fullmatch(window, mark + 1) is not None


def answers_question(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] holds the end of a question and, on the line after it, the mark of its answer ("？⏎答：",
    "?⏎A: "): the question's words before it tell what the answer after it is ("问：……的输出价格是多少？⏎答：
    每百万tokens 16元" is an output price)."""
    line = _rules().answer_line
    k = max(text.rfind("?", a, b), text.rfind("？", a, b))
    return k >= 0 and line is not None and line.match(text, k + 1) is not None


def asked(text: str, hit, at: int) -> bool:
    """Whether word `hit` stands in the question that the answer holding `at` answers, however far the lines
    put it ("Q: What does o1 charge for output?⏎A: Per million tokens, $60": output is the answer's kind)."""
    return hit.end <= at and answers_question(text, hit.end, at)


def past_question_mark(text: str, at: int) -> int:
    """Where a question's own words begin when a mark opens it at `at` ("Q: How much ...", "问：训练……"), else at."""
    mark = _rules().question_mark
    m = mark.match(text, at) if mark is not None else None
    return m.end() if m is not None else at


_ANSWER_REACH = 16  # characters: a question mark, line breaks and an answer's mark ("?⏎⏎Answer: ")


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int, counters: list[int] = ()) -> None:
    """Add text[start:end] as a sentence, or, when longer than LONGEST, as pieces cut at the last clause
    mark or space of each stretch of LONGEST characters (anywhere, when there is none); first cut after each
    number of a counter inside it (`counters`: dsfact.matching.counters)."""
    for cut in counters:
        if start < cut < end - 1:
            _append(sentences, text, start, cut, paragraph)
            start = cut
    while end - start > LONGEST:
        cut = start + LONGEST
        for m in _CUT.finditer(text, start + LONGEST // 2, start + LONGEST):
            cut = m.end()
        sentences.append(Sentence(start, cut, paragraph))
        start = cut
    sentences.append(Sentence(start, end, paragraph))


def after_abbreviation(text: str, stop: int) -> bool:
    """Whether the stop at `stop` closes an abbreviation (sentences.words [abbreviations]: "U.S.", "Jan.")."""
    word = _WORD_BEFORE.search(text, max(0, stop - 8), stop)
    return word is not None and word.group(1).lower() in _rules().abbreviations


def _opens_sentence(text: str, stop: int, j: int, rules: _Rules) -> bool:
    """Whether the stop at `stop` ends a sentence, the next one beginning at j (not after an abbreviation)."""
    if after_abbreviation(text, stop):
        return False
    return text[j].isupper() or is_cjk(text[j]) or text[j] in rules.opens or _pictograph(text[j]) \
        or _opens_cjk_number(text, j) or _bullet(text, j, rules) or _opens_stat(text, j)


def _bullet(text: str, j: int, rules: _Rules) -> bool:
    """Whether text[j:] opens a list's item with a bullet and a space ("- DeepSeek-R1 utilized ...", "• 200亿欧元"):
    after a stop, the item a list flattened into one line goes on with is a sentence of its own."""
    return text[j] in rules.bullets and text[j + 1:j + 2] in (" ", "\t")


def _opens_cjk_number(text: str, j: int) -> bool:
    """Whether text[j:] opens with digits a Chinese character goes on from ("... in 2024. 2025年1月27日，輝達……",
    a page that sets a Chinese paragraph after an English one): a Chinese sentence's first word, as a capital
    opens an English one; an English number after a stop ("No. 5 in 2024") goes on with no such character."""
    k = j
    while k < len(text) and k - j < 8 and text[k].isdigit():
        k += 1
    return k > j and k < len(text) and is_cjk(text[k])


def _opens_stat(text: str, j: int) -> bool:
    """Whether text[j:] is a line that holds a figure alone, over a sentence that tells what it is ("... shares of
    Apple. $590 billion⏎The approximate decline in ...": a reader joined the figure's line to the line before)."""
    end = text.find("\n", j, j + _STAT + 2)
    return end > 0 and stat_over(text, end, end + 1, j)


def _pictograph(ch: str) -> bool:
    """Whether ch is a pictograph (an emoji, a symbol such as ✅ or ►: Unicode's other symbols), which a page
    sets at the head of a line or a headline ("... in 2023. 👀 Nvidia Sheds $589 Billion"): after a stop it opens
    a sentence, as a capital does."""
    return not ch.isascii() and unicodedata.category(ch) == "So"

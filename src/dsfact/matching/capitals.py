"""The names no cue word covers: the capitalised words of a sentence that may name a company the registry does
not know ("Nvidia lost $589 billion as Cardano sank 9%"), read once per sentence, and how near such a name stands
before a figure as its subject (TextMatcher._ranked, _named_before)."""
from __future__ import annotations

import bisect
import re

from dsfact.matching.aside import in_aside
from dsfact.matching.bodies import framed_only, governed, in_comparison_frame
from dsfact.matching.comparison import is_comparison
from dsfact.matching.cues import has_cjk
from dsfact.matching.epithets import in_epithet
from dsfact.matching.others import not_names as _not_names
from dsfact.matching.others import party_at, record_frame
from dsfact.matching.pertext import kept
from dsfact.matching.sentences import after_question, past_question_mark
from dsfact.matching.storybody import story_body
from dsfact.matching.suffixed import STOCK_CODE, suffixed_name
from dsfact.matching.text import INF
from dsfact.matching.timemark import marks_time
from dsfact.matching.toolmaker import named_as_tool_maker
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy
from dsfact.numbers.words import is_money

# \b[A-Z][A-Za-z]+, led by the class of capitals with \b read behind the first: re skips to a capital in C, where a
# pattern led by \b is tried at every character (the same matches)
_PROPER_NAME = re.compile(r"[A-Z](?<=\b.)[A-Za-z]+")
_LEAD = " \t\r\n-*•·–\"“‘'「『(（"  # what may stand before a sentence's first word: a bullet, an opening quote
_ANSWER_LEAD = lazy(r"\s+[$€£¥]?\d")  # "What did it cost? About $6 million": the answer opens with its figure


class _Span:
    """Where a word stands, as a cue hit does (for TextCues._figure_between)."""
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def sentence_names(text, si: int, unit: str) -> tuple[float, list[list]]:
    """Where the first cue word of sentence si that names another company or a subject of a claim of
    figures in `unit` ends, and its capitalised words that no cue word covers, with the first word
    left out (each as [start, end, lowered, whether it is a comparison]: `compared` says); read once per
    sentence and kind of figure."""
    key = (si, unit)
    found = text._names_before.get(key)
    if found is None:
        found = text._names_before[key] = _sentence_names(text, si, unit)
    return found


def compared(folded: str, name: list) -> bool:
    """Whether a capitalised word of sentence_names is only a name a thing is likened to ("a ChatGPT-level model",
    "than Netflix"): no subject. Asked only of the words a figure's reading reaches (those before it), once."""
    found = name[3]
    if found is None:
        found = name[3] = is_comparison(folded, name[0], name[1])
    return found


def reached(folded: str, names: list[list], end: int):
    """The capitalised words of sentence_names (start, end, lowered) that begin before offset `end` (two characters
    before it at least), in order, but for those that are only a comparison (`compared`, asked of these alone)."""
    for name in names:
        if name[0] + 2 > end:
            return
        if not compared(folded, name):
            yield name[0], name[1], name[2]


def _sentence_names(text, si: int, unit: str) -> tuple[float, list[list]]:
    hits = text.sentence_hits(si)
    first_cue = INF
    reading = text.index.reading
    for hit in hits:
        if hit.end < first_cue:
            _, foreign, names, entity, _, _, _ = reading(hit.cue, unit)
            if (entity or names or foreign and is_money(unit) and _names_in_money(text, hit.cue, unit)) \
                    and not is_comparison(text.folded, hit.start, hit.end) \
                    and not record_frame(text.folded, hit.end) \
                    and not named_as_tool_maker(text.folded, hit.start, hit.end) \
                    and not marks_time(text.folded, hit):  # (not "a GPT-4-class model", nor 特朗普任期里: a time,
                # nor the market that measures a record: "the largest loss in US stock market history", nor the
                # maker of the chips the subject used: "it used 2,048 Nvidia H800 chips and $5.5 million")
                first_cue = hit.end  # (a word that names no one is not asked: most of a sentence's cue words)
    return first_cue, _names_of(text, si)


_FRAME_ENDS = lazy(r"[，,。；;！!？?\n]")


def framed_before(text, si: int, q: Quantity) -> bool:
    """Whether every name of sentence si before figure q that names a body stands in a Chinese frame of comparison
    that closes in an earlier clause ("与OpenAI的每百万代币60美元相比，其价格为2.19美元"): the frame's names are no
    subject of q, which may take its subject from the sentence before ("其", "该模型")."""
    folded, reading, framed = text.folded, text.index.reading, False
    for hit in text.sentence_hits(si):
        if hit.start >= q.start:
            break
        _, _, names, entity, _, _, _ = reading(hit.cue, q.unit)
        if not (entity or names):
            continue
        if not in_comparison_frame(folded, hit.start, hit.end) or _FRAME_ENDS.search(folded, hit.end, q.start) is None:
            return False
        framed = True
    return framed


def past_frame(text, q: Quantity, ranked: list) -> list:
    """The candidates of figure q but those whose subject is named only in a Chinese frame of comparison that
    closes before q (bodies.framed_only), when others remain: in "与OpenAI的每百万代币60美元相比，其价格为每百万代币
    2.19美元" the price is the subject's that 其 carries, not OpenAI's."""
    if len(ranked) < 2:
        return ranked
    position = text.index.position
    kept = [c for c in ranked if not framed_only(text, q, position[c.claim.id])]
    return kept if kept and len(kept) < len(ranked) else ranked


def _names_of(text, si: int) -> list[list]:
    """_capitalised's words of sentence si, read once per sentence (the same for every kind of figure)."""
    names = text._names_before.get(si)
    if names is None:
        names = text._names_before[si] = _capitalised(text, si, text.sentence_hits(si))
    return names


def _capitalised(text, si: int, hits: list) -> list[list]:
    """sentence_names' capitalised words of sentence si (whether each is a comparison left to `compared`)."""
    sentence = text.sentences[si]
    words = text.text[sentence.start:sentence.end]
    covered = bytearray(len(words))  # 1 where a cue word stands
    for h in hits:
        covered[h.start - sentence.start:h.end - sentence.start] = b"\x01" * (h.end - h.start)
    first = len(words) - len(words.lstrip(_LEAD))  # (after a bullet, an opening quote)
    first = past_question_mark(words, first)  # (after a question's mark: "Q: How much")
    names = []
    for m in _PROPER_NAME.finditer(words):
        if m.start() == first or covered[m.start()] or _ANSWER_LEAD.match(words, m.end()) \
                and (after_question(words, m.start()) or words[:m.start()].rstrip().endswith((":", "："))) \
                or _in_term(words, m.start(), m.end()):
            continue  # the sentence's first word, or a cue word's, or the answer's word before its figure ("? About $6M"),
            # or a label's value's ("Base model (V3): Approximately $5.6 million"), or a word of a hyphened term
        names.append([m.start() + sentence.start, m.end() + sentence.start, m.group().lower(), None])
    for m in _SIZE_NAME.finditer(words):  # "the 405B", "the 70B model": a model named by its size (a claim's
        names.append([m.start(1) + sentence.start, m.end(1) + sentence.start, m.group(1).lower(), None])  # exclude word too)
    if len(names) > 1:
        names.sort(key=lambda n: n[0])
    return names


# a model named by its size after an article ("the 405B", "the 70B model", 该405B模型): a name as a capitalised word is, which
# stops a figure after it from borrowing an earlier sentence's subject ("I asked GPT-4o. ... of the 405B (they used
# 16,384 GPUs)")
_SIZE_NAME = lazy(r"(?:\b[Tt]he\s+|这个|那个|這個|那個|该|該)(\d{1,4}(?:\.\d)?[BM])(?![A-Za-z0-9])")


_TERM_AFTER = lazy(r"-([a-z]+)-")  # "Mixture-of-": the small word after a capitalised word
_TERM_BEFORE = lazy(r"-([a-z]+)-$")  # "-of-Experts": the small word before it


def _in_term(words: str, start: int, end: int) -> bool:
    """Whether the capitalised word words[start:end] is joined by hyphens to a small word of a term (names.words
    [term-joiners]: "Mixture-of-Experts", "State-of-the-Art"): part of a term, not a name."""
    if words[end:end + 1] != "-" and words[start - 1:start] != "-":
        return False
    from dsfact.lang import word_set

    joiners = word_set("names", "term-joiners")
    m = _TERM_AFTER.match(words, end)
    if m is not None and m.group(1) in joiners:
        return True
    m = _TERM_BEFORE.search(words, max(0, start - 8), start)
    return m is not None and m.group(1) in joiners


def _names_in_money(text, cue: str, unit: str) -> bool:
    """Whether a cue names the subject of a claim in another currency than `unit`: the EU of a plan in euros
    is named for its sum in dollars too ("mobilising €200 billion ($207 billion)")."""
    reading = text.index.reading
    return any(reading(cue, u)[2] for u in {c.unit for c in text.registry.claims if is_money(c.unit)} if u != unit)


def unregistered(text, q: Quantity) -> float:
    """The distance to figure q (as _cues counts it) of the nearest name no cue word covers that stands
    before it in its sentence as a subject ("Nvidia lost $589 billion as Cardano sank 9%"): not a
    sentence's first word, a month or the like, a currency's code that opens a figure ("AUD 1 trillion"), a
    name right after a cue word ("Nvidia Corp"), the object of a phrase ("of Wall Street") or a comparison
    ("than Netflix"), and in the figure's own clause (not one set between commas); INF in a headline set in
    title case, whose capitals name no one."""
    return min(_unregistered(text, q), story_body(text, q))  # "High-Flyer was founded in 2015": the fund's


def _unregistered(text, q: Quantity) -> float:
    si = text.sentence_of(q.start)
    sentence = text.sentences[si]
    if has_cjk(text.text[sentence.start:q.start]):
        return suffixed_name(text, q)  # a Chinese sentence's Latin words are names the cue words know, or terms
    folded = text.folded
    names, own = [], set()  # own: compared names that are the subject of the figure's clause (_relative_subject)
    for n in sentence_names(text, si, q.unit)[1]:
        if n[1] > q.start:
            continue
        if compared(folded, n):
            if not _relative_subject(text, n, q):
                continue
            own.add(n[0])
        names.append(n[:3])
    if not names:
        return INF
    words = text.text[sentence.start:q.start].split()
    if sum(1 for w in words if w[:1].isupper()) * 2 > len(words):
        return INF  # "Nvidia Loses $589 Billion In Market Value"
    not_names, folded, marks = _not_names(), text.folded, text._marks
    ends = {h.end for h in text.hits_in(sentence.start, q.start)}
    attached = set()  # names that continue a cue word's name ("Nvidia Corp", "Dow Jones Industrial Average")
    for start, end, _ in names:
        code = start - (text.text[start - 1:start] == ".")  # a wire's instrument code: "the Nasdaq .IXIC", "S&P 500 .SPX"
        if any(0 <= start - e <= 1 or 0 <= code - e <= 1 for e in ends):
            attached.add(start)
            ends.add(end)
    before_q = bisect.bisect_left(marks, q.start)
    head, prev = {}, None  # each word of a name of several capitalised words -> where that name opens
    for start, end, _ in names:  # ("across the United States": "States" is governed as "United" is)
        head[start] = head[prev[0]] if prev is not None and text.text[prev[1]:start] == " " else start
        prev = (start, end)
    for start, end, word in reversed(names):
        if word in not_names or start in attached or governed(folded, head[start]) \
                or is_comparison(folded, head[start], end) and head[start] not in own \
                or in_epithet(text, si, q.start, start) \
                or folded[start - 2:start].strip()[-1:] in "(（[^" or text._figure_between(q, _Span(start, _coded(folded, end))) \
                or text.figures_in(start, end) \
                or in_aside(text, start, end, q.start):
            continue
        if bisect.bisect_left(marks, _coded(folded, end)) != before_q:
            return INF  # a name in another clause: "Nvidia, whose chips power ChatGPT, fell 17%"
        return float(q.start - end)
    return INF


def _relative_subject(text, name: list, q: Quantity) -> bool:
    """Whether a compared name opens a clause of its own after a word of names.words [free-relative] ("half of
    what Acme Capital thinks will be spent over the coming five years") that holds figure q, with no figure
    between them: the clause's subject, and q its own."""
    from dsfact.lang import word_set

    words = text.folded[max(0, name[0] - 12):name[0]].split()
    return bool(words) and words[-1] in word_set("names", "free-relative") and not text.figures_in(name[1], q.start)


def _coded(folded: str, end: int) -> int:
    """The end of the bracketed stock code right after a name that ends at `end`, else `end`."""
    m = STOCK_CODE.match(folded, end)
    return m.end() if m is not None else end


_SUFFIX = lazy(r"\s+(?:corp|corporation|inc|co|ltd|plc|ag|group|holdings)(?![a-z])")  # "Advantest Corp", folded
_DATELINE = lazy(r"[A-Z]+(?:\s+[A-Z]+)*\s*(?:[:：—–,(]|-\s)")  # a place in capitals before its mark
_INNER_CAPITAL = lazy(r"[A-Z]{3,}\b|[A-Z][a-z]+[A-Z]")  # "NVDL", "ASML"; "SoftBank"


def opens_with_other(text, si: int) -> bool:
    """Whether sentence si opens with another body (_opens_with_other), said once per sentence: borrowing asks it of
    each sentence it walks back over, for every figure that borrows."""
    said = kept(text, "_opens_other")
    found = said.get(si)
    if found is None:
        found = said[si] = _opens_with_other(text, si)
    return found


def _opens_with_other(text, si: int) -> bool:
    """Whether sentence si opens with a generic other party ("The ETF", names.words [other-party]) or a name no cue
    word covers, written as a name: in capitals ("NVDL", not a dateline's "TOKYO:"), with a capital inside it
    ("SoftBank"), before a company's suffix ("Advantest Corp") or with a capital in the middle of another sentence
    of the text ("shares of Advantest"). The sentence tells of that body: a registered name later in it is its
    object or partner ("Advantest supplies Nvidia with testers"), not the subject a later sentence's figure
    takes ("It fell 10%")."""
    sentence = text.sentences[si]
    words = text.text[sentence.start:sentence.end]
    m = _PROPER_NAME.match(words, len(words) - len(words.lstrip(_LEAD)))
    if m is None:
        return False
    start, end = sentence.start + m.start(), sentence.start + m.end()
    word = m.group().lower()
    if word == "the" and party_at(text.folded, end + 1):
        return True  # "The ETF tracks Nvidia at twice the rate.": a generic other party's
    if word in _not_names() or any(h.start <= start < h.end for h in text.sentence_hits(si)):
        return False
    if _DATELINE.match(words, m.start()):
        return False  # "TOKYO: Japanese tech shares fell", "HONG KONG —"
    if _INNER_CAPITAL.match(m.group()) or _SUFFIX.match(text.folded, end):
        return True
    mid = getattr(text, "_mid_capitals", None)  # the words written with a capital inside a sentence: once per text
    if mid is None:
        mid = text._mid_capitals = frozenset(name[2] for i in range(len(text.sentences))
                                             for name in _names_of(text, i) if not compared(text.folded, name))
    return word in mid

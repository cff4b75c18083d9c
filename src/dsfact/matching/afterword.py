"""How far a cue word after a figure stands from it: the clause marks between them, less those an apposition,
a gloss, an aside in brackets or a stacked clause put there, and none past a full stop or a new clause's subject
(after_distance); and whether a figure that ends a list after a name is that name's too (listed_after)."""
from __future__ import annotations

import bisect
import functools

from dsfact.matching.apposition import apposed, glossed, stacked, titled
from dsfact.matching.cues import CueHit
from dsfact.matching.dateclause import told_of
from dsfact.matching.headnoun import heads_phrase
from dsfact.matching.jointfound import founds_name
from dsfact.matching.relativetime import relative_end
from dsfact.matching.subjectclause import subject_clauses
from dsfact.matching.subordinate import opens_between
from dsfact.matching.text import AFTER_WEIGHT, CLAUSE_PENALTY, INF, TextCues, full_stop
from dsfact.model import Quantity

_LIST_MARKS = str.maketrans("", "", " ,，、")


def listed_after(text: TextCues, q: Quantity, hit: CueHit) -> bool:
    """Whether figure q ends a list of figures that follows a name, only a list's joiner between the last of
    them and q ("Llama 4 needed 30 trillion tokens and 3.38M GPU hours", 用了30万亿个token和338万GPU小时), or an
    English verb joined to the name's after the last of them, no other name between ("and was trained on"):
    the name governs q too. "OpenAI charges $7.50, making it 98% cheaper" is neither."""
    k = bisect.bisect_left(text._quantity_starts, q.start) - 1
    if k < 0 or text._quantities[k].start < hit.end:
        return False
    a = text._quantities[k].end
    gap = text.folded[a:q.start]
    if gap.translate(_LIST_MARKS) in _list_joiners():
        return True
    # "required 40 trillion tokens and was trained on 5M GPU hours": a second verb of the name's, no other name
    first, _, rest = gap.strip(" ,，、").partition(" ")
    return first in _list_joiners() and first.isascii() and not any(ch in rest for ch in ".;:!?") \
        and not any(text.index.names(h.cue) for h in text.hits_in(a, q.start))


@functools.cache
def _list_joiners() -> frozenset[str]:
    """The words that join a list's items (names.words [list-joiners]), spaces left out, and none at all."""
    from dsfact.lang import load_words

    words = load_words("names").get("list-joiners", {}).get("words", ())
    return frozenset(w.translate(_LIST_MARKS) for w in words) | {""}


def after_distance(text: TextCues, q: Quantity, hit: CueHit, after_q: int, means: int, subject_first: bool) -> float:
    """How far a cue word after figure q stands from it (INF: out of its reach). `after_q`: the first of
    the clause marks after q; `means`: how many a clause of means before its subject adds ("with $6
    million, DeepSeek trained V3"); `subject_first`: the word is a name, and q's clause names its
    subject before q."""
    marks, qe = text._marks, q.end
    if (headed := heads_phrase(text, q, hit)) is not None:
        return headed  # "a $600 billion artificial-intelligence (AI) compute initiative": the noun it modifies
    crossings = bisect.bisect_left(marks, hit.start) - after_q - apposed(text.folded, qe, hit.start, hit.end) \
        - (hit.start > qe and (glossed(text.folded, q.start, qe, hit.start)  # "$5.6 million: the cost of V3"
                               or titled(text.folded, q.start, qe, hit.start)))  # "$600 Billion Loss: Nvidia's ..."
    if crossings and ("(" in text.folded[qe:hit.start] or "（" in text.folded[qe:hit.start]):
        crossings -= _bracketed(text.folded, marks, after_q, qe, hit.start)
        # a bracket opened right after the figure, a metric word first in it: what the figure counts, glossed ("over
        # 1.3 million (graphics processing units)", "130万（块GPU）"), as a writer's insertion into a quote often is;
        # not a name ("3200亿美元(Meta/亚马逊/Alphabet/微软合计)": whose sum it is, a group's)
        crossings -= crossings == 1 and text.folded[qe:hit.start].strip() in ("(", "（") and not text.index.names(hit.cue)
    crossings -= crossings == 1 and not subject_first and stacked(text.folded, marks, qe, hit.start)  # 规模…、旨在…的X
    crossings -= crossings == 1 and q.unit != "date" and founds_name(text.folded, q.start, qe, hit.start)  # "，创立「星际之门」"
    relative = q.unit == "date" and hit.start > qe and relative_end(text, qe)  # "January 10, when DeepSeek released R1"
    relative = relative if relative and relative <= hit.start else 0
    crossings -= bool(relative and crossings)
    skipped = 0  # "2024年12月26日，深度求索这家初创公司，发布了V3": a clause of the subject is no clause between
    if q.unit == "date" and crossings > 1:
        named, skipped = subject_clauses(text, q, hit, after_q)
        crossings -= named
    if crossings > means and (q.unit != "date" or not relative and told_of(text, q, hit.start)):  # a clause of means leads the clause it serves
        return INF  # (a date that opens its clause may be the next clause's: "2025年1月20日，DeepSeek发布R1")
    if ". " in text.text[qe:hit.start] and full_stop(text, qe, hit.start):
        return INF  # "output $1.10. deepseek-reasoner: ...": a name past a full stop heads what follows
    if opens_between(text.folded, relative or qe, hit.start, not subject_first):
        return INF  # "Nvidia's value took a $600 billion hit as tech stocks fell": that clause's subject
    return (hit.start - qe - skipped + CLAUSE_PENALTY * crossings) * AFTER_WEIGHT


def title_subjects(text: TextCues, q: Quantity, cues) -> list[int]:
    """The claims whose subject only a title's words after its colon name ("$600 Billion Loss: Nvidia's Stock
    Slides", "5890億美元蒸發：輝達股價重挫": apposition.titled), bound loosely: the subject after the colon may
    be one member of the figure's whole ("$1 Trillion Wipeout: Nvidia Leads Tech Rout"), so the figure may agree,
    never contradict. `cues`: the figure's matcher._Cues."""
    end = text.folded.find("\n", q.end)
    if not titled(text.folded, q.start, q.end, len(text.folded) if end < 0 else end):
        return []
    return [ci for ci, d in cues.subject.items() if d < INF and ci not in cues.subject_before]


def _bracketed(folded: str, marks: list[int], k: int, start: int, end: int) -> int:
    """How many of the clause marks from marks[k] on, between start and end, stand inside brackets closed
    before `end`: "512塊H800晶片（一款性能較低、專為中國設計的產品）來構建R1" reaches R1 past an aside."""
    spans, depth, opened = [], 0, 0
    for i in range(start, end):
        ch = folded[i]
        if ch in "(（":
            if not depth:
                opened = i
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
            if not depth:
                spans.append((opened, i))
    inside = 0
    for m in marks[k:bisect.bisect_left(marks, end)]:
        inside += any(a <= m <= b for a, b in spans)
    return inside

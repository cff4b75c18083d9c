"""When in doubt, stay quiet: a figure bound to a claim whose day or subject is in doubt may agree with the
claim but never contradicts it (issue 9). The binding rules (dsfact.matching.matcher) find the claim; these
say whether the binding is strong enough to contradict."""
from __future__ import annotations

import bisect

from dsfact.matching.cues import SUBJECT
from dsfact.model import Claim, Quantity

DATE_REACH = 24  # characters read either side of a day's digits for the date they belong to


def doubts_time(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q, bound by `text` (a TextMatcher), may be about another day than the one a claim is
    tied to: its sentence names another period elsewhere ("that year", "after hours", "last September"),
    the sentence before it in its paragraph places its figures on another day ("On 3 September ... That
    day it lost $279 billion"), or the text never names the claim's day at all (a market report of
    another session)."""
    from dsfact.matching.roles import names_day, time_fits, time_tags

    if not claim.time or claim.time.count("-") != 2 or text._quantities is None:
        return False
    own = text.reader().times(q)
    if own and any(t.startswith(("date:", "weekday:")) for t in own) and time_fits(claim.time, own, text.year):
        return False  # "on Monday", "on 27 January": placed on the claim's day by its own words
    si = text.sentence_of(q.start)
    sentence = text.sentences[si]
    folded = text.folded
    if not time_fits(claim.time, tuple(time_tags(folded, sentence.start, sentence.end)), text.year):
        return True
    if si > 0 and text.sentences[si - 1].paragraph == sentence.paragraph:
        before = text.sentences[si - 1]
        if not time_fits(claim.time, tuple(time_tags(folded, before.start, before.end)), text.year) \
                or not text._time_fits(claim.time, before):
            return True
    anchored = text._anchors.get(claim.time)
    if anchored is None:
        anchored = text._anchors[claim.time] = _names_date(text, claim.time) or names_day(folded, claim.time)
    return not anchored


def _names_date(text, time: str) -> bool:
    """Whether a text gives a date in full or without its year ("Jan. 27", "1月27日") that is `time`: only
    the words around the day's digits are read."""
    import re

    from dsfact.numbers import parse_quantities
    from dsfact.quantity import dates_agree

    day = str(int(time.split("-")[2]))
    for m in re.finditer(rf"(?<![0-9]){day}(?![0-9])", text.text):
        words = text.text[max(0, m.start() - DATE_REACH):m.end() + DATE_REACH]
        if any(x.unit == "date" and dates_agree(str(x.value), time) for x in parse_quantities(words)):
            return True
    return False


def passed_over(text, q: Quantity, candidate) -> bool:
    """Whether another name comes between a candidate claim's subject and figure q (`text`: the
    TextMatcher that found the candidate, with the cue words of q's sentence): the subject is named in an earlier clause of q's sentence and another claim's
    subject follows it before q ("由于DeepSeek的低成本模型……辉达收盘重挫近17%": DeepSeek is not the subject of
    17%), or it is borrowed from an earlier sentence while q's own sentence names another body after q
    ("Despite Monday's 17% drop, analysts think Nvidia ..." after a sentence about the S&P 500). Names used
    as a comparison ("vs. Llama 3's") do not count. The binding is then weak."""
    from dsfact.matching.matcher import SENTENCE_PENALTY
    from dsfact.matching.roles import is_comparison

    cues, folded, marks = candidate.cues, text.folded, text._marks
    if cues is None:
        return False
    ci = text.index.position[candidate.claim.id]
    if candidate.subject_distance >= SENTENCE_PENALTY:  # borrowed from an earlier sentence
        return any(hit.start >= q.end and ci not in _named(roles) and not is_comparison(folded, hit.start, hit.end)
                   for hit, roles in cues.names)
    end = cues.last_subject.get(ci)
    if end is None or bisect.bisect_left(marks, end) == bisect.bisect_left(marks, q.start):
        return False  # named in q's own clause (or not before it)
    for hit, roles in cues.names:
        if end <= hit.start and hit.end <= q.start:
            named = _named(roles)
            if named and ci not in named and not is_comparison(folded, hit.start, hit.end):
                return True
    return False


def _named(roles: tuple) -> set[int]:
    """The claims whose subject a name is (none: another body)."""
    return {c for c, role in roles if role == SUBJECT}


def row_label(text: str, q: Quantity, hit) -> bool:
    """Whether a word before figure q is the label of its table row ("| GPU Hours | 2.788M | ~30M |"): it
    governs every cell of the row, even with another figure between."""
    if hit.end > q.start:
        return False
    between = text[hit.end:q.start]
    return "|" in between and "\n" not in between

"""When in doubt, stay quiet: a figure bound to a claim whose day or subject is in doubt may agree with the
claim but never contradicts it (issue 9). The binding rules (dsfact.matching.matcher) find the claim; these
say whether the binding is strong enough to contradict."""
from __future__ import annotations

from dsfact.model import Claim, Quantity


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
        anchored = text._anchors[claim.time] = _names_date(text.text, claim.time) or names_day(folded, claim.time)
    return not anchored


def _names_date(words: str, time: str) -> bool:
    """Whether a text gives a date in full or without its year ("Jan. 27", "1月27日") that is `time`."""
    from dsfact.numbers import parse_quantities
    from dsfact.quantity import dates_agree

    return any(x.unit == "date" and dates_agree(str(x.value), time) for x in parse_quantities(words))

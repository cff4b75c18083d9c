"""A figure dated by the attribution after it: "Meta expects 2025 capex of $70 billion to $72 billion, it said on
Oct. 29". The date in a clause that names who said it (time.words [said]) is when the figure was stated; months
after every source of a claim of a year's plan was written (dsfact.matching.when.after_sources), the figure is a
later revision of that plan, as one whose own clause is dated then is (dsfact.matching.when.revised_later)."""
from __future__ import annotations

from dsfact.matching.cues import has_cjk

_WORDS = None


def _said():
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import load_words
        from dsfact.matching.wordtables import Alternation

        _WORDS = Alternation(load_words("time").get("said", {}).get("words", ()))
    return _WORDS


def said_later(text, q, claim) -> bool:
    """Whether figure q, of a claim of a year's plan (claim.time "2025"), is attributed after it, in its
    sentence and with no other figure of its unit between, by a clause dated to a month of that year (or a
    month with no year) LATER_DAYS or more after every source of the claim. The year's last month is the plan's
    own horizon."""
    from dsfact.matching.when import after_sources, resolve_day

    if q.unit == "date" or not (claim.time and claim.time.isdigit()):
        return False
    reader, folded = text.reader(), text.folded
    sentence = text.sentences[text.sentence_of(q.start)]
    _, own_end = reader.clause_span(q.start)
    for x in text.figures_in(own_end, sentence.end):
        if x.unit != "date":
            if x.unit == q.unit:
                return False  # another figure of its unit: the attribution is its, or both's
            continue
        a, b = reader.clause_span(x.start)
        if _said().get(has_cjk(folded[a:b])).search(folded, a, b) is None:
            continue
        value = str(x.value)
        year, month = (value[:4], value[5:7]) if value[:4].isdigit() else (claim.time, value[2:4])
        if year != claim.time or not month.isdigit() or month == "12":
            continue
        day = resolve_day(f"{year}-{month}-01", 2000)
        if day is not None and after_sources(day, claim, text.registry.sources):
            return True
    return False

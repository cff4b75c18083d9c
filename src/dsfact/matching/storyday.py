"""Whether a figure that no date or weekday places on any day is placed on its claim's day by its own sentence
(issue 9). The story told as the move's cause places it (dsfact.matching.storycause: "Nvidia lost nearly $700
billion in market cap as investors took in DeepSeek's model"); so, in a text of no date of its own, does a
one-day move told in a text that names the story ("Nvidia suffered a record one-day loss of $800 billion", 单日
市值蒸发, "its worst trading day since March 2020": a record's reference point places nothing), its one day told
by its own sentence or by the lede right before it. So does a sentence that goes on with the story's event
(cause_carried: "This development", 受此影响) or names it by a definite noun (cause_referred: "the market tumble",
这轮抛售) after a sentence that tells the story. Each reading holds only for the claims of the first day its
subject's claims are tied to (the rout, not the next day's rebound: the story is no cause of a recovery), and
not when the sentence places the figure elsewhere: a later
bout of the same fears ("renewed DeepSeek fears", "weeks after", 再度, 一周后), a previous record, a span (since a
peak, so far, over days), a recovery (time.words [story-day] `elsewhere`, read outside a record's reference
point), another cause of a market's move (tariffs: time.words [another-week]), a move against the claim's
direction ("the Nasdaq rose 2% as DeepSeek fears faded"), or the story named in the sentence only as a record's
reference point ("its worst day since the DeepSeek rout"). Such a figure stays in doubt, and its text's other
figures decide (dsfact.matching.doubt.corroborated)."""
from __future__ import annotations

from functools import lru_cache

from dsfact.fold import has_han
from dsfact.matching.storycause import cause_told


def story_day(text, q, claim) -> bool:
    """Whether figure q, bound to `claim` (tied to a day) by `text` (a TextMatcher), which nothing places on
    any day, is placed on the claim's day by its sentence: the story told as its cause, or (in a text of no
    date of its own) a one-day move in a text that names the story; never when the sentence places it
    elsewhere (_elsewhere)."""
    from dsfact.matching.undated import story_names

    names = story_names(text)
    if not names or _elsewhere(text, q, claim, names):
        return False
    if cause_told(text, q, claim.time) or cause_carried(text, q, claim.time) or cause_referred(text, q, claim.time):
        return True
    if text.day is not None or not any(not _referred(text, at) for at in names):
        return False
    si = text.sentence_of(q.start)
    return _found(text, "one-day", text.sentences[si]) or _lede_day(text, si)


CARRIED_REACH = 2  # sentences back a chain of openers that go on with the event before them may reach


def cause_carried(text, q, time: str) -> bool:
    """Whether figure q's sentence goes on with the event of the sentence before it in its paragraph (it opens
    with a word of time.words [story-day] `carried`: "This development", "Specifically", 受此影响), back over
    at most CARRIED_REACH such sentences, to one that tells the registry's story (storycause.cause_in): "DeepSeek's
    R1 shook Wall Street. This development erased $1 trillion. Specifically, Nvidia lost $589 billion." Never
    across a sentence that places its event elsewhere (a recovery, weeks after, another cause)."""
    from dsfact.matching.otherweek import tells_other_cause
    from dsfact.matching.storycause import cause_in

    si = text.sentence_of(q.start)
    folded = text.folded
    for _ in range(CARRIED_REACH):
        here = text.sentences[si]
        at = here.start + len(folded[here.start:here.end]) - len(folded[here.start:here.end].lstrip(" \t\n*#>-"))
        found = _words("carried").get(has_han(folded[here.start:here.end])).search(folded, at, here.end)
        if si == 0 or found is None or found.start() != at:
            return False
        si -= 1
        before = text.sentences[si]
        if before.paragraph != here.paragraph or _found(text, "elsewhere", before) \
                or tells_other_cause(folded[before.start:before.end]):
            return False
        if cause_in(text, before, time):
            return True
    return False


REFERRED_REACH = 3  # sentences back a definite noun of the event ("the market tumble") may reach for the story


def cause_referred(text, q, time: str) -> bool:
    """Whether figure q's sentence names the event by a definite noun (time.words [story-day] `referred`: "the
    market tumble", "the sell-off", 这轮抛售, 此次暴跌) and a sentence before it, at most REFERRED_REACH back, in
    its paragraph or the one before, tells the registry's story (storycause.cause_in: "DeepSeek's R1 set off mass
    sell-offs in tech shares. Nvidia was the worst hit by the market tumble, losing 17%"), with no other day, no
    place elsewhere and no other cause in it or between (a week the story's day falls in, `story-week`: "earlier
    this week", places nothing elsewhere in a text of no date)."""
    from dsfact.matching.otherweek import tells_other_cause
    from dsfact.matching.storycause import cause_in

    si = text.sentence_of(q.start)
    here = text.sentences[si]
    if not _found(text, "referred", here):
        return False
    for k in range(si - 1, max(si - 1 - REFERRED_REACH, -1), -1):
        before = text.sentences[k]
        if here.paragraph - before.paragraph > 1 or _found(text, "elsewhere", before, "story-week") \
                or tells_other_cause(text.folded[before.start:before.end]) or not _fits(text, before, time):
            return False
        if cause_in(text, before, time):
            return True
    return False


def _fits(text, sentence, time: str) -> bool:
    """Whether the time words of `sentence` allow the claim's day `time`, but for a week the story falls in
    (`story-week`, in a text of no date)."""
    from dsfact.matching.timefits import time_fits
    from dsfact.matching.timewords import time_tags

    folded, cuts, at = text.folded, [], sentence.start
    if text.day is None:
        for m in _words("story-week").get(has_han(folded[sentence.start:sentence.end])).finditer(
                folded, sentence.start, sentence.end):
            cuts.append((at, m.start()))
            at = m.end()
    cuts.append((at, sentence.end))
    tags = tuple(t for a, b in cuts for t in time_tags(folded, a, b))
    return time_fits(time, tags, text.year, text.day)


def _lede_day(text, si: int) -> bool:
    """Whether the sentence before sentence si, in its paragraph or as the paragraph right before it, tells a one-day
    move and nothing of another day: a lede read on by the lines under it ("Nvidia suffered the largest single-day
    wipeout in history.⏎⏎A cool $589 billion vanished in mere hours"); the figure's own sentence names no other
    day either (_elsewhere, asked before)."""
    if si == 0:
        return False
    before, here = text.sentences[si - 1], text.sentences[si]
    return here.paragraph - before.paragraph <= 1 and _found(text, "one-day", before) \
        and not _found(text, "elsewhere", before)


def one_day_clause(reader, q) -> bool:
    """Whether figure q's own clause (reader: a FigureReader) tells a one-day move (time.words [story-day]
    `one-day`: "in a single trading session", 单日), which no "this week" heading its sentence spreads over days."""
    lo, hi = reader.clause_span(q.start)
    return _words("one-day").get(reader._chinese).search(reader.folded, lo, hi) is not None


def _elsewhere(text, q, claim, names: list[int]) -> bool:
    """Whether figure q's sentence, or its claim, keeps it off the story's day (see the module's words)."""
    if claim.time != _first_day(text.registry, claim.subject):
        return True  # "regained 90% following the losses after DeepSeek": a later day's move
    directions = {s.direction for s in claim.statements if s.direction}
    if q.direction and directions and q.direction not in directions:
        return True  # "the Nasdaq rose 2% as DeepSeek fears faded": a move against the day's is another day's
    sentence = text.sentences[text.sentence_of(q.start)]
    if _found(text, "elsewhere", sentence):
        return True  # "since its January peak", "its previous one-day record", "renewed fears": another day
    from dsfact.matching.otherweek import tells_other_cause

    if tells_other_cause(text.folded[sentence.start:sentence.end]):
        return True  # "weeks after DeepSeek rattled investors, Nvidia fell 8% on tariff fears"
    return any(sentence.start <= at < sentence.end and _referred(text, at) for at in names)  # "its worst day
    # since the DeepSeek rout": a later day measured against the story's


def _found(text, key: str, sentence, but: str = "") -> bool:
    """Whether a word of time.words [story-day] `key` stands in `sentence` outside a record's reference point
    ("since March 2020" after "its worst trading day" places nothing) and, in a text of no date, outside a word
    of `but` ("earlier this week" is no "earlier")."""
    from dsfact.matching.timewords import references

    folded = text.folded
    marks = references(folded, sentence.start, sentence.end)
    if but and text.day is None:
        marks = marks + [(m.start(), m.end()) for m in _words(but).get(has_han(folded[sentence.start:sentence.end]))
                         .finditer(folded, sentence.start, sentence.end)]
    finder = _words(key).get(has_han(folded[sentence.start:sentence.end]))
    return any(not any(a <= m.start() < b for a, b in marks)
               for m in finder.finditer(folded, sentence.start, sentence.end))


def _referred(text, at: int) -> bool:
    """Whether the story's name at `at` is the reference point of a record ("since the DeepSeek rout")."""
    from dsfact.matching.timewords import references

    sentence = text.sentences[text.sentence_of(at)]
    return any(a <= at < b for a, b in references(text.folded, sentence.start, sentence.end))


def _first_day(registry, subject: str) -> str | None:
    """The earliest day any claim of `subject` is tied to (asked only of a figure in doubt: no cache)."""
    days = [c.time for c in registry.claims if c.subject == subject and c.time and c.time.count("-") == 2]
    return min(days) if days else None


@lru_cache(maxsize=4)
def _words(key: str):
    """time.words [story-day] `key` as one Alternation, made on first use."""
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import Alternation

    return Alternation(words_of("time", "story-day", key))

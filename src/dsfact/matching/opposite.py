"""A move told in the other direction is another move: "Nvidia rebounded 5%", "the Nasdaq climbed 2%", 英伟达反弹5%,
"shares slid 3%" beside a claim whose sources record a fall (or a rise) tell a rise (or a fall) of another moment,
another day or another stock, as real text does when it tells a day's recovery beside the rout; a writer who gets
the day's move wrong keeps its direction far more often than the figure. The figure's direction is read from the
words around it (its `direction`: dsfact.numbers, the verbs of rising and falling in numbers.words); the claim's
from its statements (cues.directions). Such a figure may agree with a claim but never contradicts it, unless
its paragraph or the one before names the claim's day ("英偉達周一市值蒸發5890億美元，道瓊斯指數則下跌0.2%" of a
Monday the Dow rose: the writer tells that day's move and has its direction wrong), or the figure carries its own sign (a table's "-0.65%").
Only the words' direction, a verb of rising or falling, is read so."""
from __future__ import annotations

from dsfact.model import Claim, Quantity


def against_direction(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q (`text`: a TextMatcher) moves the other way from every statement of `claim` that has a
    direction."""
    if not q.direction or q.text.lstrip("( ")[:1] in "+-−–":
        return False  # a signed figure ("Dow: 44,713.58 (-0.65%)") records its direction: told wrong, it contradicts
    directions = text.index.directions(claim)
    if not directions or q.direction in directions or q.direction != "up":
        return False  # (a fall told of a day the record has rising is the writer's slip far more often: judged)
    if claim.time and len(claim.time) == 10:
        from dsfact.matching.session import day_named

        paragraph = text.sentences[text.sentence_of(q.start)].paragraph
        return not any(day_named(text, k, claim.time) for k, x in enumerate(text.sentences)
                       if paragraph - 1 <= x.paragraph <= paragraph)
    return True

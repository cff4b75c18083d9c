"""An official who announces a venture's plan is not the plan's holder: in "President Trump announced a $500 billion
investment in the Stargate Project" Trump tells of the sum, while Stargate, named in the figure's own phrase after
it, holds it ("特朗普宣布了5000亿美元的星际之门计划" reads so already: the name joined by 的 is the figure's owner).
A name counts as such an announcer only when all of these hold, so that "SoftBank announced a $19 billion
investment in Stargate" (a backer's own share) and "Trump said the US will invest $800 billion" keep their figures:
- the name is one of names.words [announcer] `words` (heads of government and their offices, who announce what
  others fund);
- a verb of announcing (names.words [present] `words`) stands between the name and the figure, with no mark
  between the name and the verb but a short bracketed aside (特朗普周二(21日)在白宫宣布) and only commas after it (the commas of what is announced);
- the figure's own phrase names a claim's subject right after it: a noun or two, then a word of
  [announcer] `after` ("in", "for", "into", "to create"), perhaps an article, then the name; in Chinese a few characters
  and perhaps a comma, then a verb of founding of [announcer] `after` (创立, 成立, 組建: "特朗普宣布三家公司
  将注资5000亿美元，创立星际之门", where the sum founds the venture), perhaps a quotation mark, then the name.
The words are language data; this module holds the mechanism."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.lang import word_set, words_by_script, words_of
from dsfact.matching.cues import SUBJECT
from dsfact.matching.wordtables import word_places
from dsfact.numbers.patterns import lazy

REACH = 60  # characters between the announcer and the figure ("President Trump on Tuesday announced a")
NOUN_WORDS = 3  # words of the figure's noun before "in" ("AI infrastructure investment in")
HAN_NOUN = 4  # characters of the figure's noun before the verb of founding (的资金, 资金)
_MARKS = ",.;:!?，。；：！？()（）"
_ASIDE = lazy(r"[(（][^()（）,，。;；]{1,20}[)）]")  # a bracketed aside by the name: 特朗普周二(21日)宣布, "Trump (R) announced"
_COMMAS = ",，"  # inside what is announced ("宣布三家公司跟MGX等，未来4年将共同注资"): the announcer's clause is closed


@lru_cache(maxsize=1)
def _phrase() -> re.Pattern:
    """The figure's noun and the word that joins the holder to it: " investment in the ", " plan for "."""
    latin, han = words_by_script("names", "announcer", "after", longest_first=True)
    joins = "|".join(map(re.escape, latin))
    founds = "|".join(map(re.escape, han))
    return re.compile(rf"\s+(?:[a-z][a-z'’-]*\s+){{0,{NOUN_WORDS}}}?(?:{joins})\s+(?:the\s+)?"
                      rf"|[\u4e00-\u9fff]{{0,{HAN_NOUN}}}?[,，]?(?:{founds})[「『“\"《]?")


def announces_for(text, q, hit) -> bool:
    """Whether the name `hit`, before figure q, only announces the figure of a claim's subject named in q's phrase."""
    folded = text.folded
    if hit.end > q.start or q.start - hit.end > REACH or folded[hit.start:hit.end] not in word_set("names", "announcer"):
        return False
    between = folded[hit.end:q.start]
    verb = min((at for at in (next(word_places(between, w), None) for w in words_of("names", "present", "words"))
                if at is not None), default=None)
    if verb is None or any(c in _ASIDE.sub("", between[:verb]) for c in _MARKS) \
            or any(c in between[verb:] for c in _MARKS if c not in _COMMAS):
        return False
    m = _phrase().match(folded, q.end, q.end + REACH)
    if m is None:
        return False
    return any(h.start == m.end() and any(role == SUBJECT for _, role in text.roles_of(h))
               for h in text.hits_in(m.end(), m.end() + REACH))

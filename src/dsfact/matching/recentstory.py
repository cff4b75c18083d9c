"""The story told as days old: "The chief executives ... defended their heavy investments on Wednesday, days after
Chinese upstart DeepSeek unveiled a breakthrough in cheap AI", "公司沒有透露DeepSeek近日取得突破". A text of no date of its
own that names the registry's story (one of its `story` names) with a word of recency in the clause that names
it (time.words [recent-story]: "days after", "last week", 近日, 上周) is written in the story's weeks: its "this
year" is the year of the days the registry's claims of the story are tied to, and its "next year" another. Not
when the text names a later year than the claim's, or a later version of a registered model (R2, V3.2): a story
of a later release may be told as days old too. Read by dsfact.matching.doubt (a year's figure placed by "this
year" in a text of no date)."""
from __future__ import annotations

from dsfact.matching.pertext import remembered
from dsfact.matching.when import written_years, year_kind
from dsfact.matching.wordtables import word_places

REACH = 40  # characters between a story's name and the word of recency, in one clause
BREAKS = ",;:，；：。!?！？"


def year_told_recently(text, tags, year: str) -> str | None:
    """"" when a text of no date (`text`, a TextMatcher) tells the story as days old and the year's words of a
    figure (`tags`) are "this year" of that story's year `year` (a claim's, "2025"); "another day" when they
    are "next year"; None when the text does not tell the story so."""
    if not _told_recently(text, year):
        return None
    return "another day" if "next-year" in {year_kind(t)[0] for t in tags} else ""


def _told_recently(text, year: str) -> bool:
    return remembered(text, "_told_recently", year, _recent)


def _recent(text, year: str) -> bool:
    days = {c.time[:4] for c in text.registry.claims if c.time and c.time.count("-") == 2}
    if year not in days or any(int(w) > int(year) for w in written_years(text)):
        return False
    from dsfact.lang import words_of
    from dsfact.matching.laterversion import later_version_in
    from dsfact.matching.undated import story_pattern

    story, folded = story_pattern(text), text.folded
    if story is None or later_version_in(text, 0, len(folded)):
        return False
    words = words_of("time", "recent-story")
    for found in story.finditer(folded):
        a, b = max(0, found.start() - REACH), min(len(folded), found.end() + REACH)
        for w in words:
            for at in word_places(folded, w, a, b):
                gap = folded[found.end():at] if at >= found.end() else folded[at + len(w):found.start()]
                if not any(c in BREAKS for c in gap):
                    return True
    return False

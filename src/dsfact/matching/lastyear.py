"""The story told as last year's: "深度求索（DeepSeek）去年初推出大型語言模型，……輝達還因此跳水17%". A text of no date of its
own that puts the registry's story (one of its `story` names) in "last year" or a part of it (去年初, "early last
year": time.words [relative] `previous-year`), in the clause that names it, is written the year after the story:
its "last year" is the story's year. A figure of that sentence placed by such a word is then judged as one of that
year (the part the word names decides whether it may be the claim's day, "去年底" never holding 27 January),
where a "last year" of no known year may agree with a claim but never contradicts one. Read by
dsfact.matching.doubt."""
from __future__ import annotations

from dsfact.matching.recentstory import BREAKS, REACH
from dsfact.matching.timefits import time_fits
from dsfact.matching.when import written_years, year_kind

# (recentstory's reach between a story's name and a time word in its clause, and the marks that end the clause:
# "DeepSeek）去年初", "When DeepSeek launched its model early last year")


def story_last_year(text, si: int, tags, time: str) -> bool:
    """Whether the year's words of sentence si (`tags`, its figure's or the sentence's time tags) are all "last
    year" said of the registry's story, in a text of no date that names no year after the claim's (`time`,
    "2025-01-27"), and that year allows the claim's time."""
    kinds = [year_kind(t)[0] for t in tags if year_kind(t)[0]]
    if not kinds or any(k != "previous-year" for k in kinds):
        return False
    year = int(time[:4])
    if any(int(w) > year for w in written_years(text)):
        return False  # a text that names a later year may say "last year" of it
    if not time_fits(time, tuple(t for t in tags if year_kind(t)[0]), year + 1, None):
        return False
    from dsfact.matching.timewords import time_words
    from dsfact.matching.undated import story_pattern

    story = story_pattern(text)
    if story is None:
        return False
    folded, sentence = text.folded, text.sentences[si]
    for m, kind in time_words(folded, sentence.start, sentence.end):
        if year_kind(kind)[0] != "previous-year":
            continue
        for found in story.finditer(folded, sentence.start, sentence.end):
            a, b = (found.end(), m.start()) if found.end() <= m.start() else (m.end(), found.start())
            if 0 <= b - a <= REACH and not any(c in BREAKS for c in folded[a:b]):
                return True
    return False

"""A year named in another clause of a figure's sentence, in a text written in a later year: "晶片股2日領軍，輝達
上漲1.26%，兩家公司在2025年都表現出色", "Nvidia rose 1.26%; both companies did well in 2025" in a text of January
2026. The year is the period of what that clause tells (a year looked back on), not the day of the figure's own
clause, which the text's own date places: a claim of a day of that year is not stated by the figure (it may
agree, never contradict). A year inside the figure's own clause ("in 2025 Nvidia lost 17% in a day") still places
it, as does any date that gives a month or a day (dsfact.matching.doubt asks this of the dates that would place
the figure in the claim's year)."""
from __future__ import annotations

from dsfact.numbers.patterns import lazy

_YEAR = lazy(r"^\d{4}$")


def year_apart(text, q, time: str) -> bool:
    """Whether every date of figure q's sentence that falls in the claim's year (of `time`, "2025-01-28") is a
    bare year outside q's clause, in a text whose own date is of a later year."""
    year = text.year
    if not year or not time[:4].isdigit() or int(year) <= int(time[:4]):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    start, end = text.reader().clause_span(q.start)
    fitting = [x for x in text.figures_in(sentence.start, sentence.end)
               if x.unit == "date" and str(x.value)[:4] == time[:4]]
    return bool(fitting) and all(_YEAR.match(str(x.value)) and not (start <= x.start < end) for x in fitting)

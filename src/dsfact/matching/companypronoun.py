"""A pronoun that names a company ("the company", "the firm", 该公司, 這家公司: names.words [company-pronoun])
takes the nearest company named before it, not the subject its sentence before opens with: "Stargate was unveiled
on Tuesday, a day after Microsoft briefed investors. The company will invest $80 billion this year" is Microsoft's
sum, and so is "星際之門於週二公布，此前一天微軟向投資者簡報。該公司今年將投資800億美元" (issue 9: the nearest
subject wins, a body the registry only lists as another one too). A later company named only as a measure
("rivals Microsoft", 比微软) is none. The words are language data; this module holds the mechanism
(dsfact.matching.pronouns asks it before lending the sentence's opening name)."""
from __future__ import annotations

from dsfact.matching.comparison import is_comparison

_QUOTES = " \t\n\"'“‘「『"


def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from dsfact.lang import words_by_script

    return words_by_script("names", "company-pronoun", longest_first=True)


def names_company(folded: str, head: int, end: int) -> bool:
    """Whether the pronoun at folded[head:end] names a company (a Latin word whole)."""
    latin, chinese = _words()
    text = folded[head:min(end, head + 24)].lstrip(_QUOTES)
    if text.startswith(chinese):
        return True
    return any(text.startswith(w) and not text[len(w):len(w) + 1].isalnum() for w in latin)


def nearer_company(text, before_si: int, after: int) -> bool:
    """Whether sentence before_si names, after offset `after` (the end of the name it lends), another company:
    a name of a body (an entity of the registry) that is no measure of comparison."""
    folded, naming = text.folded, text.index.naming
    return any(hit.start >= after and naming(hit.cue)[0] and not is_comparison(folded, hit.start, hit.end)
               for hit in text.sentence_hits(before_si))

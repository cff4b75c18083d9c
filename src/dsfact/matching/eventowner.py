"""A name after the figure that owns the event the figure measures: "Shares sank 17% on Monday, Nvidia's worst day
since 2020", "shares tumbled 17%, marking Nvidia's steepest one-day fall", "股价周一暴跌17%，创下英伟达2020年以来最大单日
跌幅". A figure whose sentence names no one before it, followed by a last clause that opens with a registered name
(perhaps after a word that marks the record: names.words [event-owner] `before`), its possessive ('s, 的 or none in
Chinese), and a record of a move ([event-owner] `words` and `after`: "worst day", "steepest fall", 最大单日跌幅; not
"Nvidia's biggest customer", 英伟达最大客户), with no other name and no other
figure in that clause, no word before the figure that points back (its, 该公司, an epithet: those decide),
and no one else named in the sentences before in reach: the clause sums up the figure's own event as the name's, so the name is the figure's subject,
as near as its clause allows (one clause mark), firmly. A clause that attributes ("..., according to Nvidia's rival
AMD") opens with no such name and is left alone."""
from __future__ import annotations

import bisect

from dsfact.matching.saidself import other_before
from dsfact.matching.text import AFTER_WEIGHT, CLAUSE_PENALTY, INF

_TAIL = 90  # characters of the clause after the figure's: "Nvidia's worst day since March 2020"
_POSSESSIVE = ("'s", "’s")


def event_owner(text, si: int, q, cues) -> None:
    """Give the claims of figure q whose subject its sentence names only in a last clause that sums up q's event as
    that name's (see the module's docstring) the distance of a name in the next clause. `cues`: the figure's
    matcher._Cues; `text`, the TextMatcher (its sentence names no one before q: referents.said_after)."""
    sentence, folded, marks = text.sentences[si], text.folded, text._marks
    k = bisect.bisect_left(marks, q.end)
    if k >= len(marks) or marks[k] >= sentence.end or k + 1 < len(marks) and marks[k + 1] < sentence.end:
        return  # one clause mark after the figure, the last clause's
    begin, end = marks[k] + 1, sentence.end
    if end - begin > _TAIL or any(q.end < s < end for s in _later_figures(text, q, begin, end)):
        return
    hits = [h for h in text.hits_in(begin, end) if any(text.index.naming(h.cue))]
    if not hits:
        return
    hit = hits[0]
    entity, subjects = text.index.naming(hit.cue)
    if entity or any(h is not hit and h.cue != hit.cue for h in hits):
        return  # another body in the clause: whose record it is is not plain
    lead = folded[begin:hit.start].strip(" ,，")
    before, words, moves, since = _words()
    if lead and lead not in before:
        return
    rest = folded[hit.end:end]
    latin = hit.cue.isascii() and not any("\u3400" <= c <= "\u9fff" for c in rest[:4])
    if latin:
        if rest.startswith(_POSSESSIVE):
            rest = rest[2:]
        elif not folded[hit.start:hit.end].endswith(_POSSESSIVE):
            return
        first = [w.strip(",.;") for w in rest.split()[:2]]
        if len(first) < 2 or first[0] not in words or first[1] not in moves:
            return  # "Nvidia's worst day", "Nvidia's steepest fall", not "Nvidia's rival AMD", "Nvidia's biggest customer"
    elif not _chinese_record(rest, words, since):
        return
    if _points_back(text, sentence.start, q.start):
        return  # "Its shares fell 9%, ...", "The chipmaker's shares ...": the word that points back decides
    given = [ci for ci in cues.metric if ci in subjects and cues.subject.get(ci, INF) == INF and ci not in cues.excluded]
    if given and other_before(text, si, given):
        return  # "Advantest dropped. Its shares fell 9%, ...": what points back may be another's
    for ci in given:
        cues.subject[ci] = (hit.start - q.end + CLAUSE_PENALTY) * AFTER_WEIGHT


def _later_figures(text, q, begin: int, end: int) -> list[int]:
    """The starts of the figures in folded[begin:end] other than a year ("since 2020" dates the record)."""
    out = []
    starts = text._quantity_starts
    for i in range(bisect.bisect_left(starts, begin), bisect.bisect_left(starts, end)):
        x = text._quantities[i]
        if x.unit not in ("year", "date"):
            out.append(x.start)
    return out


def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """names.words [event-owner]: the words before the name, the words of a record, the words of a move after an
    English one, the words that end a span dating a Chinese one."""
    from dsfact.lang import word_set

    return (word_set("names", "event-owner", "before"), word_set("names", "event-owner"),
            word_set("names", "event-owner", "after"), word_set("names", "event-owner", "between"))


_SINCE_REACH = 12  # characters of a span that dates a Chinese record: "2020年以来", "有史以来"


def _chinese_record(rest: str, words, since) -> bool:
    """Whether `rest` (the clause after a name, folded) opens with a Chinese record of a move, after the name's 的 and
    perhaps a span that dates it: "的最大单日跌幅", "2020年以来最大单日跌幅"; not "最大客户之一"."""
    rest = rest.removeprefix("的")
    cut = max((rest.find(w, 0, _SINCE_REACH) + len(w) for w in since if rest.find(w, 0, _SINCE_REACH) >= 0), default=0)
    rest = rest[cut:]
    return any(rest.startswith(w) for w in words if not w.isascii())


def _points_back(text, start: int, end: int) -> bool:
    """Whether folded[start:end] holds a word that points back (names.words [pronoun] `before`: its, 该公司) or an
    epithet of a company (epithets.epithet_at: "the chip giant")."""
    from dsfact.lang import words_by_script
    from dsfact.matching.epithets import epithet_at
    from dsfact.matching.wordtables import whole_word_in

    latin, chinese = words_by_script("names", "pronoun", "before")
    folded = text.folded
    return any(folded.find(w, start, end) >= 0 for w in chinese) or whole_word_in(folded, start, end, latin) \
        or epithet_at(folded, start, end) is not None

"""The class of a registered subject, for the descriptions that name one class only.

A description of a company (an epithet, "the chip giant", 这家芯片巨头; a pronoun of a company, "the company",
该公司) stands for a company, never for a market index: "Nvidia slid. The Nasdaq fell 3.1%. The chipmaker lost
$589 billion" is Nvidia's loss, and "The Nasdaq fell. The company's shares plunged 17%" no figure of the Nasdaq's.
It passes over an index named between, as over a group of stocks (dsfact.matching.epithets), to the company named
before it; an index is no other company between.

A registered subject is an index when the registry tells a figure of it in index points: the units of nouns.words
[subject-class] `index` ("point"). A name is an index's when every claim it names the subject of is such a
subject's, and it names no entity (a body the registry lists as another one)."""
from __future__ import annotations

_INDEX: dict = {}  # memo.held_for: a registry's claims whose subject is an index


def _index_claims(registry) -> frozenset[int]:
    from dsfact.matching.memo import held_for

    return held_for(_INDEX, registry, _build_index_claims)


def _build_index_claims(registry) -> frozenset[int]:
    from dsfact.lang import word_set

    units = word_set("nouns", "subject-class", "index")
    claims = registry.claims
    indices = {c.subject for c in claims if c.unit in units}
    return frozenset(ci for ci, c in enumerate(claims) if c.subject in indices)


def index_name(text, hit) -> bool:
    """Whether the name at `hit` (a cue hit of `text`) names a market index only: no company a description of
    one may stand for."""
    entity, subjects = text.index.naming(hit.cue)
    if entity or not subjects:
        return False
    found = _index_claims(text.registry)
    return all(ci in found for ci in subjects)


_DESCRIPTION: list = []  # [Latin pattern, Chinese pattern] of an index described, built on first use


def _descriptions() -> list:
    if not _DESCRIPTION:
        import re

        from dsfact.lang import words_of
        from dsfact.matching.wordtables import spaced as alternation
        from dsfact.numbers.patterns import lazy

        before, nouns = words_of("nouns", "subject-class", "index-before"), words_of("nouns", "subject-class", "index-words")
        _DESCRIPTION.append(re.compile(r"(?<![\w-])(?:%s)\s+(?:(?:%s)\s+)?(?:%s)(?![\w-])"
                                       % (alternation(w for w in before if w.isascii()),
                                          alternation(words_of("nouns", "subject-class", "index-modifiers")),
                                          alternation(w for w in nouns if w.isascii()))))
        _DESCRIPTION.append(lazy(r"(?:%s)(?:%s)" % (alternation(w for w in before if not w.isascii()),
                                                      alternation(w for w in nouns if not w.isascii()))))
    return _DESCRIPTION


def _index_described(text, start: int, end: int) -> tuple[int, int] | None:
    """The span of the first description of an index in text[start:end] ("the index", "the broader index", 该指数),
    its words all lower-case (not "The Index Fund") and no name inside it ("the tech-heavy index": the Nasdaq's)."""
    from dsfact.fold import has_han
    from dsfact.lang import word_set

    latin, chinese = _descriptions()
    for pattern in (latin, chinese) if has_han(text.folded[start:end]) else (latin,):
        for m in pattern.finditer(text.folded, start, end):
            if text.text[m.start() + 1:m.end()].islower() or not text.text[m.start():m.end()].isascii():
                nouns = word_set("nouns", "subject-class", "index-words")
                if all(text.folded[h.start:h.end] in nouns for h in text.hits_in(m.start(), m.end())):
                    return m.span()  # (a cue word that is the noun alone, 指数, names no index)
    return None


def index_subject(text, si: int, q, missing: list[int], subject_d: dict, penalty: float, paragraphs: int) -> bool | None:
    """For a figure whose sentence describes an index before it ("The index closed down 3.1%", 该指数收跌3.1%): the
    index named last before it, within the reach of a subject borrowed from an earlier sentence, when that
    sentence names one index only ("The Nasdaq and the S&P 500 fell. The index ..." names neither); a company
    named between is passed over, and none is ever taken (True: the description decided, whatever it gave).
    None when no index is described there."""
    from dsfact.matching.comparison import is_comparison
    from dsfact.matching.text import INF, LOOKBACK_SENTENCES

    sentence = text.sentences[si]
    if _index_described(text, sentence.start, q.start) is None:
        return None
    found, claims = _index_claims(text.registry), text.registry.claims
    for back in range(si - 1, max(-1, si - 1 - LOOKBACK_SENTENCES), -1):
        earlier = text.sentences[back]
        breaks = sentence.paragraph - earlier.paragraph
        if breaks > paragraphs:
            break
        named = [h for h in text.hits_in(earlier.start, earlier.end) if index_name(text, h)
                 and not is_comparison(text.folded, h.start, h.end)]
        if not named:
            continue  # no index there: a company's sentence is passed over
        if len({claims[ci].subject for h in named for ci in text.index.naming(h.cue)[1]}) > 1:
            return True  # two indices: the description fits either, and binds to neither
        hit = named[-1]
        for ci in missing:
            if ci in found and ci in text.index.naming(hit.cue)[1]:
                subject_d[ci] = min(subject_d.get(ci, INF), penalty * (1 + min(breaks, paragraphs + 1)) + q.start - hit.end)
        return True
    return True


_SHARES: list = []  # [the pattern of a clause told of a share price], built on first use
_CLAUSE_MARKS = ",，;；:：、"


def _share_words():
    if not _SHARES:
        import re

        from dsfact.lang import words_of
        from dsfact.matching.wordtables import spaced

        words = words_of("nouns", "subject-class", "share-words")
        before = words_of("nouns", "subject-class", "share-before")
        latin = spaced(w for w in words if w.isascii())
        han = spaced(w for w in words if not w.isascii())
        _SHARES.append(re.compile(r"\s*(?:(?:(?:%s)\s+)?(?:%s)(?![\w-])|(?:%s))" % (spaced(before), latin, han)))
    return _SHARES[0]


def _share_subject(text, si: int, q) -> bool:
    """Whether the clause of figure q opens with a share word, perhaps after a determiner or a possessive (nouns.words
    [subject-class] `share-before`): "Shares plunged 27%", "Its shares fell 9%", 股价暴跌27%; not a share word
    elsewhere before the figure ("As traders dumped shares, it closed 4.1% lower")."""
    folded, start = text.folded, text.sentences[si].start
    begin = max([start] + [folded.rfind(c, start, q.start) + 1 for c in _CLAUSE_MARKS])
    return _share_words().match(folded, begin, q.start) is not None


def borrowable(text, si: int, q, missing: list[int]) -> list[int]:
    """The claims of `missing` whose subject figure q may borrow from an earlier sentence (groupsum.group_left),
    less those of an index when q's clause tells a share price as its subject with no owner ("The Nasdaq fell.
    Shares plunged 27%", 纳指下跌。股价暴跌27%): an index has no shares, so the figure is some company's."""
    from dsfact.matching.groupsum import group_left

    left = group_left(text, si, q, missing)
    if left and _share_subject(text, si, q):
        found = _index_claims(text.registry)
        return [ci for ci in left if ci not in found]
    return left

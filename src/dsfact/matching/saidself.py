"""A speaker after the figure who is the one the figure's clause describes: "The firm's shares plunged 13% on
Monday, Nvidia said.", "该公司股价周一暴跌13%，英伟达表示。", "A new company will invest $500 billion, OpenAI, SoftBank
and Oracle said." A figure whose sentence names no one before it takes the speaker of its last clause loosely
(referents.said_after: a speaker may speak of someone else). The text makes that binding firm when the figure's
clause names its subject only by a description of a company (an epithet or a bare "the company", epithets.py)
that nothing before it in reach can stand for (no earlier sentence of its paragraph or the one before names
anyone else), and the speaker is that company: a description and a speaker of the same kind, nothing between.
So are a venture's partners, enough of them listed to name it firmly (joint.FIRM_MEMBERS), speaking of what a
joint undertaking in the clause will do. An attribution to another ("..., according to Nvidia's rival AMD"),
a person (names.words [speaker] `people`) speaks of others too: they stay loose."""
from __future__ import annotations

from dsfact.matching.epithets import bare_head, epithet_at
from dsfact.matching.text import LOOKBACK_SENTENCES


def describes_speaker(text, q, hit, given: list[int], begin: int, end: int) -> bool:
    """Whether the speaker `hit` after figure q (naming the claims `given`), in the clause folded[begin:end] that
    tells who said it, is the company q's clause describes before it, or a venture its partners name firmly (see
    the module's docstring)."""
    folded = text.folded
    firm = getattr(text, "firm_members", ())
    last = hit.end
    if hit.start in firm:  # "..., OpenAI, SoftBank and Oracle said": the venture they form, named as its name would
        last = max(h.end for h in text.hits_in(begin, end) if h.start in firm)
    if not _says_alone(folded[begin:hit.start].strip(), folded[last:end].strip()):
        return False  # "..., according to Nvidia's rival AMD", "said an analyst at Nvidia": another's words
    if hit.start in firm:
        return True
    entity, _ = text.index.naming(hit.cue)
    if entity or folded[hit.start:hit.end] in _people():
        return False  # a person speaks of others too ("..., Musk said")
    si = text.sentence_of(q.start)
    sentence = text.sentences[si]
    if epithet_at(folded, sentence.start, q.start) is None and bare_head(folded, sentence.start, q.start) is None:
        return False
    return not other_before(text, si, given)


def _says_alone(before: str, after: str) -> bool:
    """Whether the words around a speaker's name are only a word of saying (names.words [speaker], less those
    of attribution: [speaker] `not-self`), before it ("said Nvidia") or after it ("Nvidia said on Monday",
    英伟达表示)."""
    from dsfact.lang import word_set, words_of

    attribution = word_set("names", "speaker", "not-self")
    words = [w for w in words_of("names", "speaker", longest_first=True) if w not in attribution]
    if not before:
        return any(after.startswith(w) and (not w.isascii() or not after[len(w):len(w) + 1].isalnum()) for w in words)
    return not after and before in words


def _people() -> frozenset[str]:
    """The people a claim's subject cue names (names.words [speaker] `people`), folded."""
    from dsfact.lang import word_set

    return word_set("names", "speaker", "people")


def other_before(text, si: int, given: list[int]) -> bool:
    """Whether a sentence before si, in reach of an epithet (its paragraph or the one before, a few sentences
    back), names anyone but the claims `given`: the description may then be that one's."""
    here = text.sentences[si].paragraph
    naming = text.index.naming
    for back in range(si - 1, max(si - 1 - LOOKBACK_SENTENCES, -1), -1):
        earlier = text.sentences[back]
        if here - earlier.paragraph > 1:
            break
        for h in text.hits_in(earlier.start, earlier.end):
            entity, subjects = naming(h.cue)
            if entity or subjects and not any(ci in subjects for ci in given):
                return True
    return False

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

_INDEX: dict[int, frozenset[int]] = {}  # id(registry) -> the claims whose subject is an index; one registry a run


def _index_claims(registry) -> frozenset[int]:
    found = _INDEX.get(id(registry))
    if found is None:
        from dsfact.lang import word_set

        units = word_set("nouns", "subject-class", "index")
        claims = registry.claims
        indices = {c.subject for c in claims if c.unit in units}
        found = _INDEX[id(registry)] = frozenset(ci for ci, c in enumerate(claims) if c.subject in indices)
    return found


def index_name(text, hit) -> bool:
    """Whether the name at `hit` (a cue hit of `text`) names a market index only: no company a description of
    one may stand for."""
    entity, subjects = text.index.naming(hit.cue)
    if entity or not subjects:
        return False
    found = _index_claims(text.registry)
    return all(ci in found for ci in subjects)

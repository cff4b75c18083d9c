"""Several registries in one run (`registry = [...]` in the configuration, `extend-registry`): each loaded,
then merged into one Registry whose ids stay unambiguous."""
from __future__ import annotations

from dsfact.errors import RegistryError
from dsfact.model import Registry
from dsfact.registry.load import MERGED_SEPARATOR


def load_registries(paths: tuple[str, ...] | list[str]) -> Registry:
    """Load each registry and merge them into one (a single path is loaded as it is)."""
    from dsfact.registry.load import load_registry

    registries = [load_registry(p) for p in paths]
    return registries[0] if len(registries) == 1 else merge_registries(registries)


def merge_registries(registries: list) -> Registry:
    """One Registry with the claims, sources, entities and topics of all, in order.

    A claim id defined twice is an error (it would make a finding ambiguous), and so is a source id
    that two registries define differently; a source defined identically in both is kept once.
    """
    if not registries:
        raise ValueError("no registries to merge")
    if len(registries) == 1:
        return registries[0]
    sources: dict = {}
    source_home: dict[str, str] = {}
    claims: list = []
    claim_home: dict[str, tuple[str, int]] = {}
    entities: list[str] = []
    topics: list[str] = []
    folded: dict[str, str] = {}
    story: list[str] = []
    for reg in registries:
        problems = []
        for sid, source in reg.sources.items():
            if sid in sources and _source_key(sources[sid]) != _source_key(source):
                problems.append((0, f"source id {sid!r} is also defined, differently, in {source_home[sid]}"))
            elif sid not in sources:
                sources[sid] = source
                source_home[sid] = reg.path
        for claim in reg.claims:
            if claim.id in claim_home:
                home, line = claim_home[claim.id]
                problems.append((claim.line, f"claim id {claim.id!r} is also defined in {home}:{line}; "
                                             "claim ids must be unique across the registries in use"))
                continue
            claim_home[claim.id] = (reg.path, claim.line)
            claims.append(claim)
        if problems:
            raise RegistryError(reg.path, problems)
        entities.extend(e for e in reg.entities if e not in entities)
        topics.extend(t for t in reg.topics if t not in topics)
        story.extend(s for s in reg.story if s not in story)
        folded.update(reg.folded_cues)
    return Registry(path=MERGED_SEPARATOR.join(r.path for r in registries), sources=sources, claims=tuple(claims),
                    entities=tuple(entities), topics=tuple(topics), folded_cues=folded,
                    story=tuple(story))


def _source_key(source) -> tuple:
    return (source.id, source.publisher, source.title, source.date, source.language, source.url)

"""The word part of a registry's cue index (dsfact.matching.cues: its cue words and their stems, prefixes and
near-spelling masks) kept in the registry cache (dsfact.registry.cache), so that a short check does not index
every cue again: building it costs a tenth of a short article's check, reading it back a fraction of that.

With it is kept what dsfact.matching.bodies.members works out from the registry alone (per claim, the cue keys
of its own models and of the other members of their family), which a check would otherwise work out again on
every run.

The file is plain JSON, named by a BLAKE2b hash of the name of the registry's own cache file (itself a hash of
the registry's path and bytes), of this format, of the code that builds the index and the members (cues.py,
bodies.py) and of the word table it reads (synonyms.words): a changed registry, word table or rule is a new
name, so an index is built again. The file carries the hash of its index's bytes; what is read back is checked field by field
(types, every claim number in range, every word indexed under a key that exists), and anything else is
ignored and the index built again. Nothing read from it runs code: its words are looked up, and the first
characters of its Chinese cues are escaped into one pattern as a freshly built index's are.

    {"format": 1, "digest": "<hash of the index's bytes>", "index": {"keys": [every cue key], "counts": [its
     roles' count, per key], "claims": [...], "kinds": [...], "stems": [...], "stem_keys": [a key's number], ...,
     "members": [[[own keys], [other keys]], per claim]}}
"""
from __future__ import annotations

import json
from itertools import accumulate

from dsfact.matching.cues import ENTITY, EXCLUDE, METRIC, SUBJECT, VARIANT, CueIndex
from dsfact.model import Registry

CUE_FORMAT = 2  # bump when the cached form changes
_ROLES = (SUBJECT, METRIC, EXCLUDE, VARIANT, ENTITY)  # a role by its number in the file
_NUMBERS = {role: n for n, role in enumerate(_ROLES)}
_HEAD = b'{"format": %d, "digest": "' % CUE_FORMAT
_DIGEST_LENGTH = 64
_MIDDLE = b'", "index": '


def cached_index(registry: Registry) -> CueIndex:
    """The cue index of `registry`: its word part read back from the cache when it was kept for this very
    registry, else built (and kept for the next run)."""
    name = _name(registry)
    if name is not None:
        words = _read(name, len(registry.claims))
        if words is not None:
            return _from_words(registry, words)
    index = CueIndex.build(registry)
    if name is not None:
        _write(name, index, registry)
    return index


_WORD_PART = ("roles", "latin", "latin_fuzzy", "cjk_by_prefix", "fuzzy_masks", "latin_prefixes")  # what is kept


def _from_words(registry: Registry, words: dict) -> CueIndex:
    """The index of `registry` from its word part as read back (CueIndex._index_words' fields): only what the
    claims give is indexed again."""
    index = CueIndex()
    for field in _WORD_PART:
        setattr(index, field, words[field])
    index.members = words["members"]
    index._index_claims(registry)
    return index


def _name(registry: Registry) -> str | None:
    """The cache file of the registry's cue index, or None when the registry has no cache file of its own."""
    from dsfact.lang import words_text
    from dsfact.matching import cues
    from dsfact.registry import cache

    registry_name = cache.name_of(registry)
    if registry_name is None:
        return None
    from dsfact.matching import bodies

    try:
        code = []
        for module in (cues, bodies):
            with open(module.__file__, "rb") as handle:
                code.append(handle.read())
        synonyms = words_text("synonyms").encode("utf-8")
    except (OSError, TypeError, UnicodeError):  # no source to name the rules by: build the index every time
        return None
    # "cues-P-D-...": the registry file's P-D first, so that cache.prune finds the files of one registry
    return (f"cues-{registry_name[len('registry-'):-len('.json')]}-"
            + cache.digest(str(CUE_FORMAT).encode(), registry_name.encode(), *code, synonyms)[:24] + ".json")


def _write(name: str, index: CueIndex, registry: Registry) -> None:
    from dsfact.matching.bodies import members_of
    from dsfact.registry import cache

    index.members = members_of(registry)

    words = {field: getattr(index, field) for field in _WORD_PART}
    roles, latin = words["roles"], words["latin"]
    keys = list(roles)
    number = {key: n for n, key in enumerate(keys)}
    cjk = words["cjk_by_prefix"]
    plain = {"keys": keys, "counts": [len(entries) for entries in roles.values()],
             "claims": [ci for entries in roles.values() for ci, _ in entries],
             "kinds": [_NUMBERS[role] for entries in roles.values() for _, role in entries],
             "stems": list(latin), "stem_keys": [number[key] for key in latin.values()],
             "cjk_prefixes": list(cjk), "cjk_keys": [[number[key] for key in bucket] for bucket in cjk.values()],
             "fuzzy_first": list(words["latin_fuzzy"]),
             "fuzzy_keys": [[number[key] for key in bucket] for bucket in words["latin_fuzzy"].values()],
             "masks": [number[key] for key in words["fuzzy_masks"]], "mask_bits": list(words["fuzzy_masks"].values()),
             "prefixes": sorted(words["latin_prefixes"]),
             "members": [[sorted(own), sorted(other)] for own, other in index.members]}
    try:
        body = json.dumps(plain, separators=(",", ":")).encode("ascii")  # ASCII: \u escapes for Chinese
    except (TypeError, ValueError):
        return
    if cache.write(name, _HEAD + cache.digest(body).encode("ascii") + _MIDDLE + body + b"}"):
        cache.prune(name)


def _read(name: str, claims: int) -> dict | None:
    """The word part kept under `name`, checked, or None."""
    from dsfact.registry import cache

    data = cache.read(name)
    start = len(_HEAD) + _DIGEST_LENGTH + len(_MIDDLE)
    if not data or not data.startswith(_HEAD) or data[start - len(_MIDDLE):start] != _MIDDLE \
            or not data.endswith(b"}"):
        return None
    body = data[start:-1]
    if cache.digest(body).encode("ascii") != data[len(_HEAD):len(_HEAD) + _DIGEST_LENGTH]:
        return None  # a file cut short or altered
    try:
        return _checked(json.loads(body), claims)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None


_FIELDS = {"keys", "counts", "claims", "kinds", "stems", "stem_keys", "cjk_prefixes", "cjk_keys", "fuzzy_first",
           "fuzzy_keys", "masks", "mask_bits", "prefixes", "members"}


def _all(value, kind: type) -> bool:
    """Whether `value` is a list of values of exactly type `kind` (so no bool for an int)."""
    return type(value) is list and set(map(type, value)) <= {kind}


def _numbers(value, below: int, least: int = 0) -> bool:
    return _all(value, int) and (not value or (min(value) >= least and max(value) < below))


def _checked(plain, claims: int) -> dict | None:
    """The word part in the form _from_words takes, when `plain` holds exactly what _write writes for
    a registry of `claims` claims; else None."""
    if type(plain) is not dict or plain.keys() != _FIELDS:
        return None
    keys, counts, numbers, kinds = plain["keys"], plain["counts"], plain["claims"], plain["kinds"]
    if not (_all(keys, str) and len(set(keys)) == len(keys) and _numbers(counts, len(numbers) + 1, 1)
            and len(counts) == len(keys) and sum(counts) == len(numbers) == len(kinds)
            and _numbers(numbers, claims, -1) and _numbers(kinds, len(_ROLES))):
        return None
    ends = list(accumulate(counts))
    pairs = list(zip(numbers, map(_ROLES.__getitem__, kinds)))
    roles = dict(zip(keys, map(pairs.__getitem__, map(slice, [0, *ends[:-1]], ends))))
    stems, stem_keys = plain["stems"], plain["stem_keys"]
    cjk_prefixes, cjk_keys = plain["cjk_prefixes"], plain["cjk_keys"]
    fuzzy_first, fuzzy_keys = plain["fuzzy_first"], plain["fuzzy_keys"]
    masks, bits, prefixes = plain["masks"], plain["mask_bits"], plain["prefixes"]
    if not (_all(stems, str) and _numbers(stem_keys, len(keys)) and len(stems) == len(stem_keys)
            and _all(cjk_prefixes, str) and _all(cjk_keys, list) and len(cjk_prefixes) == len(cjk_keys)
            and _numbers([n for bucket in cjk_keys for n in bucket], len(keys))
            and _all(fuzzy_first, str) and _all(fuzzy_keys, list) and len(fuzzy_first) == len(fuzzy_keys)
            and _numbers([n for bucket in fuzzy_keys for n in bucket], len(keys))
            and _numbers(masks, len(keys)) and _all(bits, int) and len(masks) == len(bits)
            and min(bits, default=0) >= 0 and _all(prefixes, str)):
        return None
    cjk = {first: [keys[n] for n in bucket] for first, bucket in zip(cjk_prefixes, cjk_keys)}
    if not all(key[:2] == first for first, bucket in cjk.items() for key in bucket):
        return None
    members = _members(plain["members"], claims, roles)
    if members is None:
        return None
    return {"roles": roles, "latin": dict(zip(stems, map(keys.__getitem__, stem_keys))),
            "latin_fuzzy": {first: [keys[n] for n in bucket] for first, bucket in zip(fuzzy_first, fuzzy_keys)},
            "cjk_by_prefix": cjk, "fuzzy_masks": dict(zip(map(keys.__getitem__, masks), bits)),
            "latin_prefixes": set(prefixes), "members": members}


def _members(value, claims: int, keys) -> list[tuple[frozenset[str], frozenset[str]]] | None:
    """bodies.members as _write keeps it, checked: per claim a pair of lists of cue keys of the index; or None."""
    if not (_all(value, list) and len(value) == claims
            and all(len(pair) == 2 and _all(pair, list) and _all(pair[0], str) and _all(pair[1], str)
                    for pair in value)):
        return None
    if not {name for pair in value for names in pair for name in names} <= keys.keys():
        return None
    return [(frozenset(own), frozenset(other)) for own, other in value]

"""The claim registry: what dsfact checks against.

- paths.py: safe paths: which files a registry may read (inside its own tree, regular, under a size cap)
- load.py: YAML into Claims and Sources, every fault at file:line (`load_registry`, `parse_registry`)
- validate.py: the registry against its sources (quotes verbatim, values read back)
- merge.py: several registries of one run merged into one, ids kept unambiguous
- select.py: choosing claims by id, topic or word
- cache.py: the parsed registry kept as plain JSON in a directory only this user can write

Importing the package is cheap: yaml is imported only when a registry is parsed.
"""
from __future__ import annotations

from dsfact.registry.load import (
    DIRECTIONS,
    MAX_CUE_CHARS,
    MAX_DEPTH,
    MAX_DERIVED_NODES,
    MAX_QUOTE_CHARS,
    TOPICS,
    UNITS,
    default_kind,
    load_registry,
    parse_registry,
    registry_warnings,
)
from dsfact.registry.merge import load_registries, merge_registries
from dsfact.registry.paths import (
    MAX_REGISTRY_BYTES,
    MAX_SOURCE_BYTES,
    REGISTRY_ENV,
    default_bundled_path,
    default_registry_path,
    read_source,
    registry_root,
)
from dsfact.registry.select import select_claims
from dsfact.registry.validate import validate_registry

__all__ = [
    "DIRECTIONS", "MAX_CUE_CHARS", "MAX_DEPTH", "MAX_DERIVED_NODES", "MAX_QUOTE_CHARS", "MAX_REGISTRY_BYTES",
    "MAX_SOURCE_BYTES", "REGISTRY_ENV", "TOPICS", "UNITS", "default_bundled_path", "default_kind",
    "default_registry_path", "load_registries", "load_registry", "merge_registries", "parse_registry", "read_source", "registry_root",
    "registry_warnings", "select_claims", "validate_registry",
]

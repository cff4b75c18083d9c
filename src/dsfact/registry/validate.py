"""Validate a loaded registry against its sources: files readable inside the registry's tree, quotes
verbatim in them, and each quote read back as the value the statement records."""
from __future__ import annotations

from dsfact.model import Registry
from dsfact.registry.paths import read_source, registry_root


def source_faults(registry: Registry) -> tuple[list[tuple[int, str]], dict[str, str]]:
    """Source files that cannot be read (or lie outside the registry's tree) and quotes not found in
    them; and the texts that were read."""
    faults: list[tuple[int, str]] = []
    file = registry.path
    root = registry_root(file)
    texts: dict[str, str] = {}
    for source in registry.sources.values():
        if not source.file:
            continue  # a primary record known by its citations
        try:
            texts[source.id] = read_source(file, source, root).decode("utf-8")
        except UnicodeDecodeError:
            faults.append((source.line, f"source {source.id}: cannot read {source.file}: not UTF-8"))
        except ValueError as exc:
            faults.append((source.line, str(exc)))
    for claim in registry.claims:
        for st in claim.statements:
            text = texts.get(st.source)
            if text is not None and st.quote not in text:
                faults.append((st.line, f"claim {claim.id}: quote not found in "
                                        f"{registry.sources[st.source].file}: {st.quote!r}"))
    return faults, texts


def validate_registry(registry: Registry) -> list[tuple[int, str]]:
    """Check a loaded registry against its sources: files exist, quotes are verbatim, values read back.

    Returns (line, message) faults; empty when the registry is sound.
    """
    from dsfact.numbers import parse_quantities
    from dsfact.quantity import convert_value, same_reading

    faults, texts = source_faults(registry)
    for claim in registry.claims:
        for st in claim.statements:
            text = texts.get(st.source)
            if text is None or st.quote not in text:
                continue
            ref = registry.sources[st.source].date or None
            readings = parse_quantities(st.quote, ref_date=ref)
            candidates = [q for q in readings if convert_value(q, st.unit) is not None]
            if not any(same_reading(q, st) for q in candidates):
                got = ", ".join(f"{q.text!r}={q.value} {q.unit}" for q in readings) or "no figure"
                faults.append((st.line, f"claim {claim.id}: the quote reads as {got}, not {st.value} {st.unit}"))
    return faults

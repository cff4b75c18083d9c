"""Load a claim registry from YAML, report its faults at file:line, and validate it against its sources."""
from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path

from dsfact.errors import RegistryError
from dsfact.model import (
    APPROXIMATELY,
    KINDS,
    PRIMARY,
    QUALIFIERS,
    REPORT,
    SOURCE_KINDS,
    Claim,
    Per,
    Registry,
    Source,
    Statement,
)

REGISTRY_ENV = "DSFACT_REGISTRY"
CACHE_FORMAT = 9  # bump when the compiled form changes
UNITS = frozenset(
    "USD EUR HKD CNY TWD JPY GBP 元 pct pp count day month year hour gpu_hour ratio factor W point token date".split()
)
TOPICS = ("cost", "gpus", "price", "market", "time", "other")
DIRECTIONS = ("up", "down")
_LINE = "__line__"
_KEYLINES = "__keylines__"  # the line of each key of a mapping

_TOP_KEYS = {"version", "entities", "sources", "claims", "topics"}
_SOURCE_KEYS = {"id", "file", "publisher", "title", "date", "language", "url", "note", "kind"}
_CLAIM_KEYS = {"id", "topic", "subject", "metric", "unit", "kind", "per", "time", "group", "variant", "variant_cues",
               "cues", "statements", "derived", "note", "aliases"}
_CUE_KEYS = {"subject", "metric", "exclude"}
_STATEMENT_KEYS = {"source", "value", "unit", "qualifier", "high", "direction", "quote", "cite", "attributed_to",
                   "note", "precision"}
_RECORD_KEYS = ("title", "publisher", "url", "date")  # what a primary record without a file must carry


def default_registry_path() -> Path:
    """The registry in force when none is named: $DSFACT_REGISTRY, else the bundled DeepSeek one."""
    named = os.environ.get(REGISTRY_ENV)
    if named:
        return Path(named)
    here = Path(__file__).resolve().parent
    bundled = here / "data" / "claims.yaml"  # an installed wheel carries it inside the package
    if bundled.is_file():
        return bundled
    return here.parent.parent / "data" / "claims.yaml"  # a source checkout


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RegistryError(str(path), [(0, "registry not found")]) from None
    except IsADirectoryError:
        raise RegistryError(str(path), [(0, "registry is a directory, not a YAML file")]) from None
    except OSError as exc:
        raise RegistryError(str(path), [(0, f"cannot read registry: {exc.strerror or exc}")]) from None


def _cache_file(digest: str) -> Path:
    base = os.environ.get("DSFACT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "dsfact"
    )
    return Path(base) / f"registry-{CACHE_FORMAT}-{digest}.pickle"


def load_registry(path: str | os.PathLike | None = None, *, use_cache: bool = True) -> Registry:
    """Load and schema-check a registry; faults raise RegistryError naming file:line.

    The compiled form is cached under ~/.cache/dsfact keyed by the file's content hash, so a pre-commit
    hook does not parse YAML on every run.
    """
    file = Path(path) if path is not None else default_registry_path()
    data = _read_bytes(file)
    # CRC-32 and length of the bytes, and the path: no need to load OpenSSL (10 ms) to name a cache file
    digest = f"{zlib.crc32(data):08x}{len(data):x}-{zlib.crc32(str(file.resolve()).encode()):08x}"
    cache = _cache_file(digest)
    if use_cache:
        try:
            with cache.open("rb") as handle:
                registry = pickle.load(handle)
            if isinstance(registry, Registry):
                return registry
        except Exception:  # a missing, stale or damaged cache is simply rebuilt
            pass
    registry = parse_registry(data, str(file))
    faults, _ = _source_faults(registry)  # a quote that is not in its source is a broken registry for check too
    if faults:
        raise RegistryError(str(file), sorted(faults))
    if use_cache:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump(registry, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
        except OSError:
            pass  # a read-only home only costs speed
    return registry


def _yaml_load(data: bytes, name: str):
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[misc, valid-type]
        pass

    def construct_mapping(loader, node, deep=False):
        mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
        seen: dict = {}
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen[key] = True
        mapping[_LINE] = node.start_mark.line + 1
        mapping[_KEYLINES] = {k.value: k.start_mark.line + 1 for k, _ in node.value}
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    # dates stay strings: "2025-01-28" is compared as written
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegistryError(name, [(data[: exc.start].count(b"\n") + 1, "registry is not UTF-8")]) from None
    try:
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - a safe loader subclass
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or exc.context or "YAML error"
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        if exc.context_mark is not None and exc.context_mark.line + 1 < line:
            # "[budget" left open on line 8 is noticed on line 9: name the line where it went wrong
            problem = f"{problem} ({exc.context} on this line; noticed at line {line})"
            line = exc.context_mark.line + 1
        raise RegistryError(name, [(line, f"YAML syntax error: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise RegistryError(name, [(0, f"YAML error: {exc}")]) from None


def _key_line(node: dict, key: str) -> int:
    """The line of `key` in a mapping (of the mapping itself when the key is missing)."""
    return node.get(_KEYLINES, {}).get(key, node.get(_LINE, 0))


class _Faults:
    def __init__(self) -> None:
        self.errors: list[tuple[int, str]] = []
        self.warnings: list[tuple[int, str]] = []

    def error(self, line: int, message: str) -> None:
        self.errors.append((line, message))

    def unknown_keys(self, node: dict, allowed: set, what: str) -> None:
        for key in node:
            if key not in (_LINE, _KEYLINES) and key not in allowed:
                self.warnings.append((node.get(_LINE, 0), f"unknown key {key!r} in {what} (ignored)"))


def _strings(value, line: int, what: str, faults: _Faults) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return tuple(str(v) for v in value)
    faults.error(line, f"{what} must be a list of strings")
    return ()


def _number(value, line: int, what: str, faults: _Faults) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        faults.error(line, f"{what} must be a number, not {type(value).__name__} {value!r}")
        return None
    return float(value)


def _per(value, line: int, faults: _Faults) -> Per | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "unit" not in value:
        faults.error(line, "per must be a mapping like {amount: 1000000, unit: token}")
        return None
    amount = _number(value.get("amount", 1), value.get(_LINE, line), "per.amount", faults)
    return Per(amount or 1.0, str(value["unit"]))


def parse_registry(data: bytes, name: str = "<registry>") -> Registry:
    """Build a Registry from YAML bytes; every fault found is reported with its line."""
    doc = _yaml_load(data, name)
    faults = _Faults()
    if not isinstance(doc, dict):
        raise RegistryError(name, [(1, "registry must be a mapping with 'sources' and 'claims'")])
    faults.unknown_keys(doc, _TOP_KEYS, "the registry")
    version = doc.get("version", 1)
    if version != 1:
        faults.error(doc[_LINE], f"unsupported registry version {version!r} (this dsfact reads version 1)")

    topics = tuple(doc.get("topics") or TOPICS)
    sources: dict[str, Source] = {}
    raw_sources = doc.get("sources")
    if not isinstance(raw_sources, list) or not raw_sources:
        faults.error(_key_line(doc, "sources"), "'sources' must be a non-empty list")
        raw_sources = []
    for node in raw_sources:
        if not isinstance(node, dict):
            faults.error(doc[_LINE], "each source must be a mapping")
            continue
        line = node[_LINE]
        faults.unknown_keys(node, _SOURCE_KEYS, "a source")
        kind = str(node.get("kind") or REPORT)
        if kind not in SOURCE_KINDS:
            faults.error(_key_line(node, "kind"), f"source {node.get('id', '?')}: unknown kind {kind!r} "
                                                  f"(known: {', '.join(SOURCE_KINDS)})")
        missing = [k for k in ("id",) if not node.get(k)]
        if not node.get("file"):
            if kind != PRIMARY:
                missing.append("file")  # only a primary record may live outside the repository
            else:
                missing += [k for k in _RECORD_KEYS if not node.get(k)]
        if missing:
            what = "source" if kind != PRIMARY or node.get("file") else "primary record without a file"
            faults.error(line, f"{what} {node.get('id') or ''} is missing {', '.join(missing)}".replace("  ", " "))
            continue
        sid = str(node["id"])
        if sid in sources:
            faults.error(line, f"duplicate source id {sid!r}")
            continue
        sources[sid] = Source(
            id=sid, file=str(node.get("file") or ""), publisher=str(node.get("publisher") or sid),
            title=str(node.get("title") or ""), date=str(node.get("date") or ""),
            language=str(node.get("language") or ""), url=node.get("url"), line=line, kind=kind,
        )

    claims: list[Claim] = []
    seen_ids: dict[str, int] = {}
    raw_claims = doc.get("claims")
    if not isinstance(raw_claims, list) or not raw_claims:
        faults.error(_key_line(doc, "claims"), "'claims' must be a non-empty list")
        raw_claims = []
    for node in raw_claims:
        if not isinstance(node, dict):
            faults.error(doc[_LINE], "each claim must be a mapping")
            continue
        claim = _parse_claim(node, sources, topics, faults)
        if claim is None:
            continue
        if claim.id in seen_ids:
            faults.error(claim.line, f"duplicate claim id {claim.id!r} (first at line {seen_ids[claim.id]})")
            continue
        seen_ids[claim.id] = claim.line
        claims.append(claim)

    entities = _strings(doc.get("entities"), doc[_LINE], "entities", faults)
    if faults.errors:
        raise RegistryError(name, sorted(faults.errors))
    claims = [_with_precision(claim, sources) for claim in claims]
    registry = Registry(path=name, sources=sources, claims=tuple(claims), entities=entities, topics=topics,
                        folded_cues=_fold_cues(claims, entities))
    _WARNINGS[name] = tuple(faults.warnings)
    return registry


_WARNINGS: dict[str, tuple[tuple[int, str], ...]] = {}


def _fold_cues(claims: list[Claim], entities: tuple[str, ...]) -> dict[str, str]:
    """Fold every cue once at load time (and so in the cache): matching an English text then never
    needs the Traditional/Simplified converter."""
    from dsfact.fold import fold_text

    cues = set(entities)
    for c in claims:
        cues.update(c.subject_cues, c.metric_cues, c.variant_cues, c.exclude_cues)
    return {cue: fold_text(cue.strip()) for cue in cues}


def _with_precision(claim: Claim, sources: dict) -> Claim:
    """Give each statement the precision its quote was written with ("7.50" is read to the cent)."""
    from dataclasses import replace

    from dsfact.numbers import parse_quantities
    from dsfact.quantity import precision_of, round_figure_precision, same_reading

    statements = []
    for st in claim.statements:
        precision = None
        if st.precision is not None:
            precision = st.precision  # stated in the registry: "$1.10" is read to the cent
        elif st.unit != "date" and not st.quote:
            precision = precision_of(st.value)  # a cited figure is read to the digits recorded
        elif st.unit != "date":
            source = sources.get(st.source)
            for q in parse_quantities(st.quote, ref_date=source.date if source else None):
                if same_reading(q, st):
                    if q.below and st.qualifier == APPROXIMATELY:
                        st = replace(st, below=True)  # "近17%": just under 17
                    precision = round_figure_precision(q.value, q.precision, q.text, q.unit)
                    if q.unit != st.unit and precision is not None:
                        precision = precision * (0.01 if q.unit == "pct" else 100.0)
                    break
            else:
                precision = precision_of(st.value)
        statements.append(replace(st, precision=precision))
    return replace(claim, statements=tuple(statements))


def default_kind(unit: str, per, statements) -> str:
    """The kind of figure a claim is stated by, when the registry does not say: from its unit, and a
    percentage or point move whose statements carry a direction is a change."""
    if unit == "date":
        return "date"
    if unit in ("day", "month", "year", "hour"):
        return "duration"
    if per is not None:
        return "price"
    if unit in ("count", "ratio", "factor"):
        return "count" if unit == "count" else "ratio"
    if unit in ("pct", "pp", "point") and any(st.direction for st in statements):
        return "change"
    if unit in ("pct", "pp"):
        return "share"
    return "amount"


def registry_warnings(registry: Registry) -> tuple[tuple[int, str], ...]:
    """Unknown keys and other non-fatal remarks found while parsing (empty for a cached registry)."""
    return _WARNINGS.get(registry.path, ())


def _parse_claim(node: dict, sources: dict, topics: tuple, faults: _Faults) -> Claim | None:
    line = node[_LINE]
    faults.unknown_keys(node, _CLAIM_KEYS, "a claim")
    missing = [k for k in ("id", "topic", "subject", "metric", "unit", "statements") if node.get(k) in (None, "")]
    if missing:
        faults.error(line, f"claim {node.get('id', '?')} is missing {', '.join(missing)}")
        return None
    cid = str(node["id"])
    unit = str(node["unit"])
    if unit not in UNITS:
        faults.error(line, f"claim {cid}: unknown unit {unit!r} (known: {', '.join(sorted(UNITS))})")
    topic = str(node["topic"])
    if topic not in topics:
        faults.error(line, f"claim {cid}: unknown topic {topic!r} (known: {', '.join(topics)})")
    cues = node.get("cues") or {}
    if not isinstance(cues, dict):
        faults.error(line, f"claim {cid}: cues must be a mapping with subject and metric lists")
        cues = {}
    else:
        faults.unknown_keys(cues, _CUE_KEYS, f"claim {cid} cues")
    cue_line = cues.get(_LINE, line)
    subject_cues = _strings(cues.get("subject"), cue_line, f"claim {cid}: cues.subject", faults)
    metric_cues = _strings(cues.get("metric"), cue_line, f"claim {cid}: cues.metric", faults)
    if not subject_cues:
        faults.error(cue_line, f"claim {cid}: cues.subject needs at least one cue")
    if not metric_cues:
        faults.error(cue_line, f"claim {cid}: cues.metric needs at least one cue")
    statements = []
    raw_statements = node.get("statements")
    if not isinstance(raw_statements, list):
        faults.error(line, f"claim {cid}: statements must be a list")
        raw_statements = []
    for st in raw_statements:
        parsed = _parse_statement(st, cid, unit, sources, faults, line)
        if parsed is not None:
            statements.append(parsed)
    per = _per(node.get("per"), line, faults)
    kind = node.get("kind")
    if kind is None:
        kind = default_kind(unit, per, statements)
    elif kind not in KINDS:
        faults.error(_key_line(node, "kind"),
                     f"claim {cid}: unknown kind {kind!r} (known: {', '.join(KINDS)})")
        kind = default_kind(unit, per, statements)
    derived = node.get("derived")
    if derived is not None and not isinstance(derived, dict):
        faults.error(line, f"claim {cid}: derived must be a mapping")
        derived = None
    return Claim(
        id=cid, topic=topic, subject=str(node["subject"]), metric=str(node["metric"]), unit=unit,
        statements=tuple(statements), subject_cues=subject_cues, metric_cues=metric_cues,
        per=per, kind=str(kind),
        time=str(node["time"]) if node.get("time") is not None else None,
        variant=node.get("variant"), group=node.get("group"),
        variant_cues=_strings(node.get("variant_cues"), line, f"claim {cid}: variant_cues", faults),
        exclude_cues=_strings(cues.get("exclude"), cue_line, f"claim {cid}: cues.exclude", faults),
        derived=_strip_lines(derived) if derived else None, note=node.get("note"), line=line,
    )


def _strip_lines(value):
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k not in (_LINE, _KEYLINES)}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _parse_statement(st, cid: str, claim_unit: str, sources: dict, faults: _Faults, claim_line: int):
    if not isinstance(st, dict):
        faults.error(claim_line, f"claim {cid}: each statement must be a mapping")
        return None
    line = st[_LINE]
    faults.unknown_keys(st, _STATEMENT_KEYS, f"a statement of {cid}")
    source = str(st.get("source") or "")
    record = sources.get(source)
    cited = record is not None and not record.file  # a primary record known by its citation, not a file
    missing = [k for k in ("source", "value", "cite" if cited else "quote") if st.get(k) in (None, "")]
    if missing:
        why = f" (a statement of {source}, a record without a file, cites where the figure is)" if cited else ""
        faults.error(line, f"claim {cid}: statement is missing {', '.join(missing)}{why}")
        return None
    if cited and st.get("quote"):
        faults.error(line, f"claim {cid}: {source} is a record without a file: give a cite, not a quote "
                           "(record figures and citations, not copied prose)")
        return None
    if sources and source not in sources:
        faults.error(line, f"claim {cid}: unknown source {source!r}")
    if st.get("cite") is not None and not isinstance(st["cite"], str):
        faults.error(line, f"claim {cid}: cite must be a string (a table, section, page or row)")
        return None
    unit = str(st.get("unit") or claim_unit)
    if st.get("unit") and unit not in UNITS:  # a claim's own unknown unit is reported once, at the claim
        faults.error(line, f"claim {cid}: unknown unit {unit!r}")
    value = st["value"]
    if unit == "date":
        value = str(value)
    else:
        value = _number(value, line, f"claim {cid}: value", faults)
        if value is None:
            return None
    qualifier = st.get("qualifier")
    if qualifier is not None and qualifier not in QUALIFIERS:
        faults.error(line, f"claim {cid}: unknown qualifier {qualifier!r} (known: {', '.join(QUALIFIERS)})")
    direction = st.get("direction")
    if direction is not None and direction not in DIRECTIONS:
        faults.error(line, f"claim {cid}: direction must be up or down, not {direction!r}")
    high = st.get("high")
    if high is not None:
        high = _number(high, line, f"claim {cid}: high", faults)
    precision = st.get("precision")
    if precision is not None:
        precision = _number(precision, line, f"claim {cid}: precision", faults)
    quote = st.get("quote") or ""
    if not isinstance(quote, str):
        faults.error(line, f"claim {cid}: quote must be a string")
        return None
    return Statement(
        source=source, value=value, quote=quote, unit=unit, qualifier=qualifier, high=high,
        direction=direction, attributed_to=st.get("attributed_to"), note=st.get("note"), line=line,
        cite=st.get("cite"), precision=precision,
    )


def _source_faults(registry: Registry) -> tuple[list[tuple[int, str]], dict[str, str]]:
    """Source files that cannot be read and quotes not found in them; and the texts that were read."""
    faults: list[tuple[int, str]] = []
    base = Path(registry.path).resolve().parent
    texts: dict[str, str] = {}
    for source in registry.sources.values():
        if not source.file:
            continue  # a primary record known by its citations
        file = (base / source.file) if not os.path.isabs(source.file) else Path(source.file)
        try:
            texts[source.id] = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            faults.append((source.line, f"source {source.id}: cannot read {source.file}: "
                                        f"{getattr(exc, 'strerror', None) or exc}"))
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

    faults, texts = _source_faults(registry)
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

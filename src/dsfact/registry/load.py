"""Load a registry: YAML into Claims and Sources, every fault reported at file:line.

`load_registry` reads the file (paths.py: a regular file under a size cap), takes the parsed registry from
the cache when it is still valid (cache.py), else parses it here and checks that every quote is in its
source (validate.py). yaml is imported only when a registry is parsed."""
from __future__ import annotations

import os

from dsfact.errors import RegistryError
from dsfact.model import (
    APPROXIMATELY,
    KINDS,
    PRIMARY,
    QUALIFIERS,
    REPORT,
    SOURCE_KINDS,
    Claim,
    Notice,
    NoticeCode,
    Per,
    Registry,
    Source,
    Statement,
)
from dsfact.registry.paths import lexical, read_registry_bytes, registry_file

UNITS = frozenset(
    "USD EUR HKD CNY TWD JPY GBP 元 pct pp count day month year hour gpu_hour ratio factor W point token date".split()
)
TOPICS = ("cost", "gpus", "price", "market", "time", "other")
DIRECTIONS = ("up", "down")
_LINE = "__line__"
_KEYLINES = "__keylines__"  # the line of each key of a mapping

_TOP_KEYS = {"version", "entities", "sources", "claims", "topics", "story"}
_SOURCE_KEYS = {"id", "file", "publisher", "title", "date", "language", "url", "note", "kind"}
_CLAIM_KEYS = {"id", "topic", "subject", "metric", "unit", "kind", "per", "time", "group", "variant", "variant_cues",
               "cues", "statements", "derived", "note", "aliases", "estimate", "event"}
_CUE_KEYS = {"subject", "metric", "exclude", "members"}
_STATEMENT_KEYS = {"source", "value", "unit", "qualifier", "high", "direction", "quote", "cite", "attributed_to",
                   "note", "precision"}
_RECORD_KEYS = ("title", "publisher", "url", "date")  # what a primary record without a file must carry

MERGED_SEPARATOR = " + "  # the path of registries merged into one (registry/merge.py): their paths so joined
MAX_CUE_CHARS = 200  # a cue is a word or a short phrase
MAX_QUOTE_CHARS = 20_000
MAX_DERIVED_NODES = 10_000  # the values in one claim's derived: (YAML aliases cannot make it explode)
MAX_DEPTH = 60  # nesting of mappings and lists in the registry


class _TooBig(Exception):
    """derived: holds more values, or is nested deeper, than a registry may."""


def load_registry(path: str | os.PathLike | None = None, *, use_cache: bool = True) -> Registry:
    """Load and schema-check a registry; faults raise RegistryError naming file:line.

    The parsed registry is cached as JSON (cache.py), named by a BLAKE2b hash of dsfact's version and the
    registry's path and bytes, and checked against the hash of every source file it quotes, so a
    pre-commit hook does not parse YAML on every run and an edited source is noticed.
    """
    from dsfact.registry import cache
    from dsfact.registry.validate import source_faults

    file = lexical(path) if path is not None else registry_file()  # spelt as pathlib.Path spells it
    data = read_registry_bytes(file)
    name = cache.registry_name(file, data) if use_cache and cache.enabled() else None
    if name:
        registry = cache.cached_registry(name, file)
        if registry is not None:
            return registry
    registry = parse_registry(data, file)
    faults, _ = source_faults(registry)  # a quote that is not in its source is a broken registry for check too
    if faults:
        raise RegistryError(file, sorted(faults))
    if name and not _WARNINGS.get(file):  # a registry with warnings is parsed, and warns, every time
        cache.store_registry(name, file, registry)
    return registry


def _yaml_load(data: bytes, name: str):
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[misc, valid-type]
        def get_single_data(self):
            node = self.get_single_node()
            if node is None:
                return None
            deep = _too_deep(node)
            if deep is not None:
                raise RegistryError(name, [(deep.start_mark.line + 1,
                                            f"registry nested more than {MAX_DEPTH} levels deep")])
            return self.construct_document(node)

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
    except RecursionError:
        raise RegistryError(name, [(0, f"registry nested more than {MAX_DEPTH} levels deep")]) from None


def _too_deep(root):
    """The first YAML node nested deeper than MAX_DEPTH, or None; found without recursion, and visiting a
    node shared through aliases again only when it is reached deeper than before."""
    import yaml

    stack = [(root, 1)]
    reached: dict[int, int] = {}
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        if reached.get(id(node), 0) >= depth:
            continue
        reached[id(node)] = depth
        if isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
    return None


def _key_line(node: dict, key: str) -> int:
    """The line of `key` in a mapping (of the mapping itself when the key is missing)."""
    return node.get(_KEYLINES, {}).get(key, node.get(_LINE, 0))


def _mappings(doc: dict, key: str, noun: str, faults) -> list[dict]:
    """The mappings listed under `key` ("sources", "claims"): an error at the key's line when it is not a
    non-empty list, and one for each item that is not a mapping (left out)."""
    items = doc.get(key)
    if not isinstance(items, list) or not items:
        faults.error(_key_line(doc, key), f"'{key}' must be a non-empty list")
        return []
    nodes = []
    for node in items:
        if isinstance(node, dict):
            nodes.append(node)
        else:
            faults.error(doc[_LINE], f"each {noun} must be a mapping")
    return nodes


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
        value = [value]
    if isinstance(value, list) and all(isinstance(v, str) or _finite(v) for v in value):
        out = tuple(str(v) for v in value)
        long = [v for v in out if len(v) > MAX_CUE_CHARS]
        if long:
            faults.error(line, f"{what}: a cue of {len(long[0]):,} characters (at most {MAX_CUE_CHARS})")
            return ()
        return out
    faults.error(line, f"{what} must be a list of strings")
    return ()


def _finite(value) -> bool:
    """A number YAML gave (not a boolean: `yes` and `no` are booleans to YAML) that is not inf or nan."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < float("inf")


def _text(node: dict, key: str, line: int, what: str, faults: _Faults) -> str | None:
    """An optional string value; a number is taken as written ("2025"), anything else (a list, a
    mapping, a boolean, binary) is a fault at the key's line."""
    value = node.get(key)
    if value is None or isinstance(value, str):
        return value
    if _finite(value):
        return str(value)
    hint = " (quote it)" if isinstance(value, bool) else ""
    faults.error(node.get(_KEYLINES, {}).get(key, line),
                 f"{what}: {key} must be a string, not {type(value).__name__}{hint}")
    return None


def _event(node: dict, line: int, cid: str, faults: _Faults) -> str | None:
    """A claim's `event:`, the event its figure is about: a table of dsfact/lang/events.words, or "none"
    (read only when a claim names one)."""
    event = _text(node, "event", line, f"claim {cid}", faults)
    if event is None or event == "none":
        return event
    from dsfact.lang import load_words

    known = load_words("events")
    if event not in known:
        faults.error(_key_line(node, "event"), f"claim {cid}: unknown event {event!r} "
                                               f"(known: none, {', '.join(known)})")
        return None
    return event


def _number(value, line: int, what: str, faults: _Faults) -> float | None:
    if not _finite(value):
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        faults.error(line, f"{what} must be a finite number, not {value!r}" if number
                     else f"{what} must be a number, not {type(value).__name__} {value!r}")
        return None
    return float(value)


def _per(value, line: int, faults: _Faults) -> Per | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "unit" not in value:
        faults.error(line, "per must be a mapping like {amount: 1000000, unit: token}")
        return None
    amount = _number(value.get("amount", 1), value.get(_LINE, line), "per.amount", faults)
    return Per(amount or 1.0, _text(value, "unit", value.get(_LINE, line), "per", faults) or "")


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

    topics = _strings(doc.get("topics"), _key_line(doc, "topics"), "topics", faults) or TOPICS
    sources: dict[str, Source] = {}
    for node in _mappings(doc, "sources", "source", faults):
        source = _parse_source(node, faults)
        if source is not None and source.id in sources:
            faults.error(source.line, f"duplicate source id {source.id!r}")
        elif source is not None:
            sources[source.id] = source

    claims: list[Claim] = []
    seen_ids: dict[str, int] = {}
    for node in _mappings(doc, "claims", "claim", faults):
        claim = _parse_claim(node, sources, topics, faults)
        if claim is None:
            continue
        if claim.id in seen_ids:
            faults.error(claim.line, f"duplicate claim id {claim.id!r} (first at line {seen_ids[claim.id]})")
            continue
        seen_ids[claim.id] = claim.line
        claims.append(claim)

    entities = _strings(doc.get("entities"), doc[_LINE], "entities", faults)
    story = _strings(doc.get("story"), _key_line(doc, "story"), "story", faults)
    if any(not name.strip() for name in story):
        faults.error(_key_line(doc, "story"), "story: a name must not be empty")
    if faults.errors:
        raise RegistryError(name, sorted(faults.errors))
    claims = [_with_precision(claim, sources) for claim in claims]
    registry = Registry(path=name, sources=sources, claims=tuple(claims), entities=entities, topics=topics,
                        folded_cues=_fold_cues(claims, entities + story), story=story)
    _WARNINGS[name] = tuple(Notice(NoticeCode.REGISTRY, message, name, line or None)
                            for line, message in faults.warnings)
    return registry


def _parse_source(node: dict, faults: _Faults) -> Source | None:
    line = node[_LINE]
    faults.unknown_keys(node, _SOURCE_KEYS, "a source")
    sid = _text(node, "id", line, "a source", faults)
    if sid is None and node.get("id") is not None:
        return None  # a list or a mapping as an id: reported
    sid = sid or ""
    what = f"source {sid}"
    kind = _text(node, "kind", line, what, faults) or REPORT
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
        faults.error(line, f"{what} {sid} is missing {', '.join(missing)}".replace("  ", " "))
        return None
    fields = {k: _text(node, k, line, what, faults) or "" for k in ("file", "publisher", "title", "date", "language")}
    return Source(id=sid, file=fields["file"], publisher=fields["publisher"] or sid, title=fields["title"],
                  date=fields["date"], language=fields["language"], url=_text(node, "url", line, what, faults),
                  line=line, kind=kind)


_WARNINGS: dict[str, tuple[Notice, ...]] = {}  # registry path -> what parsing it remarked


def _fold_cues(claims: list[Claim], entities: tuple[str, ...]) -> dict[str, str]:
    """Fold every cue once at load time (and so in the cache): matching an English text then never
    needs the Traditional/Simplified converter."""
    from dsfact.fold import fold_text

    cues = set(entities)
    for c in claims:
        cues.update(c.subject_cues, c.metric_cues, c.variant_cues, c.exclude_cues, c.member_cues)
    return {cue: fold_text(cue.strip()) for cue in cues}


def _with_precision(claim: Claim, sources: dict) -> Claim:
    """Give each statement the precision its quote was written with ("7.50" is read to the cent)."""
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
                        st = st._replace(below=True)  # "近17%": just under 17
                    precision = round_figure_precision(q.value, q.precision, q.text, q.unit)
                    if q.unit != st.unit and precision is not None:
                        precision = precision * (0.01 if q.unit == "pct" else 100.0)
                    break
            else:
                precision = precision_of(st.value)
        statements.append(st._replace(precision=precision))
    return claim._replace(statements=tuple(statements))


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


def registry_warnings(registry: Registry) -> tuple[Notice, ...]:
    """Unknown keys and other non-fatal remarks found while parsing, as notices at the registry's lines
    (of every registry merged into this one). A registry with any is never cached (load_registry), so
    they are there on every run."""
    return tuple(w for path in registry.path.split(MERGED_SEPARATOR) for w in _WARNINGS.get(path, ()))


def _parse_claim(node: dict, sources: dict, topics: tuple, faults: _Faults) -> Claim | None:
    line = node[_LINE]
    faults.unknown_keys(node, _CLAIM_KEYS, "a claim")
    missing = [k for k in ("id", "topic", "subject", "metric", "unit", "statements") if node.get(k) in (None, "")]
    if missing:
        faults.error(line, f"claim {node.get('id', '?')} is missing {', '.join(missing)}")
        return None
    cid = _text(node, "id", line, "a claim", faults)
    if cid is None:
        return None
    texts = {k: _text(node, k, line, f"claim {cid}", faults) for k in ("unit", "topic", "subject", "metric", "time")}
    if None in (texts["unit"], texts["topic"], texts["subject"], texts["metric"]):
        return None  # a list or a mapping where a word belongs: reported
    unit = texts["unit"]
    if unit not in UNITS:
        faults.error(line, f"claim {cid}: unknown unit {unit!r} (known: {', '.join(sorted(UNITS))})")
    topic = texts["topic"]
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
    member_cues = _strings(cues.get("members"), cue_line, f"claim {cid}: cues.members", faults)
    if len(member_cues) == 1:
        faults.error(cue_line, f"claim {cid}: cues.members names its subject's partners: at least two")
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
    if derived:
        budget = [MAX_DERIVED_NODES]
        try:
            derived = _strip_lines(derived, budget)
        except _TooBig:
            faults.error(line, f"claim {cid}: derived holds more than {MAX_DERIVED_NODES:,} values "
                               f"or is nested more than {MAX_DEPTH} deep (YAML aliases?)")
            derived = None
    estimate = node.get("estimate", False)
    if not isinstance(estimate, bool):
        faults.error(_key_line(node, "estimate"), f"claim {cid}: estimate is true or false")
        estimate = False
    return Claim(
        id=cid, topic=topic, subject=texts["subject"], metric=texts["metric"], unit=unit,
        statements=tuple(statements), subject_cues=subject_cues, metric_cues=metric_cues,
        per=per, kind=str(kind),
        time=texts["time"],
        variant=_text(node, "variant", line, f"claim {cid}", faults),
        group=_text(node, "group", line, f"claim {cid}", faults),
        variant_cues=_strings(node.get("variant_cues"), line, f"claim {cid}: variant_cues", faults),
        exclude_cues=_strings(cues.get("exclude"), cue_line, f"claim {cid}: cues.exclude", faults),
        derived=derived or None, note=_text(node, "note", line, f"claim {cid}", faults), line=line,
        member_cues=member_cues, estimate=estimate, event=_event(node, line, cid, faults),
    )


def _strip_lines(value, budget: list[int], depth: int = 0):
    """A copy without the line bookkeeping; _Invalid past the budget of values or MAX_DEPTH (a YAML
    alias bomb shares nodes that this copy would otherwise multiply)."""
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        raise _TooBig
    if isinstance(value, dict):
        return {k: _strip_lines(v, budget, depth + 1) for k, v in value.items() if k not in (_LINE, _KEYLINES)}
    if isinstance(value, list):
        return [_strip_lines(v, budget, depth + 1) for v in value]
    return value


def _parse_statement(st, cid: str, claim_unit: str, sources: dict, faults: _Faults, claim_line: int):
    if not isinstance(st, dict):
        faults.error(claim_line, f"claim {cid}: each statement must be a mapping")
        return None
    line = st[_LINE]
    faults.unknown_keys(st, _STATEMENT_KEYS, f"a statement of {cid}")
    source = _text(st, "source", line, f"claim {cid}", faults)
    unit = _text(st, "unit", line, f"claim {cid}", faults)
    if (source is None and st.get("source") is not None) or (unit is None and st.get("unit") is not None):
        return None  # a list or a mapping where a word belongs: reported
    source = source or ""
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
    unit = unit or claim_unit
    if st.get("unit") and unit not in UNITS:  # a claim's own unknown unit is reported once, at the claim
        faults.error(line, f"claim {cid}: unknown unit {unit!r}")
    value = st["value"]
    if unit == "date":
        value = _text(st, "value", line, f"claim {cid}", faults)
        if value is None:
            return None
    else:
        value = _number(value, _key_line(st, "value"), f"claim {cid}: value", faults)
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
        high = _number(high, _key_line(st, "high"), f"claim {cid}: high", faults)
    precision = st.get("precision")
    if precision is not None:
        precision = _number(precision, _key_line(st, "precision"), f"claim {cid}: precision", faults)
    quote = st.get("quote") or ""
    if not isinstance(quote, str):
        faults.error(line, f"claim {cid}: quote must be a string")
        return None
    if len(quote) > MAX_QUOTE_CHARS:
        faults.error(line, f"claim {cid}: a quote of {len(quote):,} characters (at most {MAX_QUOTE_CHARS:,})")
        return None
    return Statement(
        source=source, value=value, quote=quote, unit=unit, qualifier=qualifier, high=high,
        direction=direction, attributed_to=_text(st, "attributed_to", line, f"claim {cid}", faults),
        note=_text(st, "note", line, f"claim {cid}", faults), line=line,
        cite=_text(st, "cite", line, f"claim {cid}", faults), precision=precision,
    )

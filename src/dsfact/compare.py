"""`dsfact compare`: what every source says of a topic, side by side, and where (and why) they disagree.

The pair rule here (`compare_pair`) is the one `dsfact audit` uses for written figures, and it rests on
`quantity.agrees`, the rule `dsfact check` uses: compare, audit and check never differ on "agree".
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN, PRIMARY, UP_TO, Claim, Quantity, Registry, Statement
from dsfact.quantity import agrees, convert_value, dates_agree, format_value

# How two written figures (or a claim's statements) stand to each other.
AGREE = "agree"
WITHIN_ROUNDING = "agree within rounding"
DIFFER = "differ"
NOT_COMPARABLE = "not comparable"
_RANK = {AGREE: 0, WITHIN_ROUNDING: 1, NOT_COMPARABLE: 2, DIFFER: 3}

BOUNDS = (MORE_THAN, LESS_THAN, UP_TO)
LOG_SCALE_FROM = 50  # max/min beyond which a chart is drawn on a log scale


@dataclass(frozen=True, slots=True)
class Pair:
    """How one written figure stands to another: `kind` is one of AGREE, WITHIN_ROUNDING, DIFFER,
    NOT_COMPARABLE; `gap` is other minus reference, in the reference's unit (days for dates)."""

    kind: str
    gap: float | None = None
    gap_pct: float | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Said:
    """One statement as a cell shows it: the source's words and the value dsfact reads in them."""

    quote: str
    value: object
    unit: str
    text: str  # the normalised value, as format_value writes it
    qualifier: str | None = None
    high: float | None = None
    attributed_to: str | None = None  # short form: "DeepSeek-R1"
    line: int = 0


@dataclass(frozen=True, slots=True)
class Sibling:
    """A claim of the same group (close vs intraday) and why its figure is not this one's."""

    claim: str
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Agreement:
    kind: str  # AGREE, WITHIN_ROUNDING, DIFFER, NOT_COMPARABLE, or "single" (one statement)
    label: str  # the words the last column shows
    sources: int
    gap: float | None = None
    gap_pct: float | None = None
    reason: str | None = None
    siblings: tuple[Sibling, ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    claim: str
    topic: str
    subject: str
    metric: str
    unit: str
    time: str | None
    variant: str | None
    cells: dict  # source id -> tuple[Said, ...], in registry source order
    agreement: Agreement
    primary: Said | None = None  # the primary record's figure, where one states the claim
    primary_source: str | None = None
    deviations: dict = field(default_factory=dict)  # secondary source id -> tuple[Pair, ...] against the primary


@dataclass(frozen=True, slots=True)
class Bar:
    claim: str
    label: str
    value: float
    high: float | None
    qualifier: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Chart:
    unit: str
    title: str
    log: bool
    bars: tuple[Bar, ...]


@dataclass(slots=True)
class Comparison:
    topic: str
    sources: list[tuple[str, str]]  # (id, publisher), only those that state something here, records first
    rows: list[Row] = field(default_factory=list)
    records: list[str] = field(default_factory=list)  # which of `sources` are primary records
    charts: list[Chart] = field(default_factory=list)


# ───────────────────────────── the pair rule ─────────────────────────────

def as_quantity(st: Statement) -> Quantity:
    """A registry statement as a figure read from text, for quantity.agrees."""
    return Quantity(text=show(st), start=0, end=0, value=st.value, unit=st.unit, qualifier=st.qualifier,
                    precision=st.precision, high=st.high, direction=st.direction)


def short_attribution(text: str | None) -> str | None:
    """ "DeepSeek大模型 (no model named)" -> "DeepSeek大模型"; "(unnamed; ...)" -> "unnamed"."""
    if not text:
        return None
    head = text.split(" (")[0].strip()
    if head.startswith("("):
        head = head.strip("()").split(";")[0].strip()
    return head or None


def subject_of(st: Statement, claim: Claim | None) -> str | None:
    return short_attribution(st.attributed_to) or (claim.subject if claim else None)


def _date_days(value: str) -> int | None:
    from datetime import date

    parts = str(value).split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    return date(int(parts[0]), int(parts[1]), int(parts[2])).toordinal()


def _timeline_day(value) -> int | None:
    """The day a date statement puts on a timeline: 2024-12-25 itself, a month (2023-05) or a year
    (2024) at its first day."""
    from datetime import date

    parts = str(value).split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        return None
    year, month, day = (int(p) for p in parts + ["1"] * (3 - len(parts)))
    try:
        return date(year, month, day).toordinal()
    except ValueError:
        return None


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-12)


def satisfies(value: float, st: Statement) -> bool:
    """Whether an exact `value` (in st's unit) is what a bound such as "more than 50" says."""
    if st.qualifier == MORE_THAN:
        return value > st.value
    if st.qualifier == LESS_THAN:
        return value < st.value
    if st.qualifier == UP_TO:
        return value <= st.value + (st.precision or 0) / 2
    return False


def compare_pair(ref: Statement, other: Statement, claim: Claim | None = None) -> Pair:
    """How `other` stands to `ref` (the more precise of the two, where one is).

    agree: the same figure, or an exact figure that a bound ("more than 50") holds; agree within
    rounding: different figures whose readings overlap (quantity.agrees); differ; not comparable:
    different units, or different figures the sources give for different subjects (R1 vs V3).
    """
    if ref.unit == "date" or other.unit == "date":
        if ref.unit != other.unit:
            return Pair(NOT_COMPARABLE, reason="a date and a number")
        if str(ref.value) == str(other.value):
            return Pair(AGREE)
        if dates_agree(str(ref.value), str(other.value)):
            return Pair(WITHIN_ROUNDING)
        a, b = _date_days(str(ref.value)), _date_days(str(other.value))
        return _differ(ref, other, claim, gap=None if a is None or b is None else float(b - a), gap_pct=None)
    other_value = convert_value(as_quantity(other), ref.unit)
    if other_value is None or isinstance(ref.value, str):
        return Pair(NOT_COMPARABLE, reason=f"{other.unit} and {ref.unit}")
    gap = other_value - ref.value
    gap_pct = gap / ref.value * 100 if ref.value else None
    if ref.direction and other.direction and ref.direction != other.direction:
        return _differ(ref, other, claim, gap, gap_pct)
    same_high = (ref.high is None) == (other.high is None) and (ref.high is None or _same(ref.high, other.high))
    if _same(other_value, ref.value) and same_high:
        loose = (None, APPROXIMATELY)
        if ref.qualifier == other.qualifier or (ref.qualifier in loose and other.qualifier in loose):
            return Pair(AGREE, 0.0, 0.0)
    scale = convert_value(as_quantity(other), ref.unit) / other.value if other.value else 1.0
    if ref.qualifier not in BOUNDS and other.qualifier in BOUNDS and satisfies(ref.value / scale, other):
        return Pair(AGREE, gap, gap_pct)
    if other.qualifier not in BOUNDS and ref.qualifier in BOUNDS and satisfies(other_value, ref):
        return Pair(AGREE, gap, gap_pct)
    verdict = agrees(as_quantity(other), ref, claim.per if claim else None)
    if verdict is None:
        return Pair(NOT_COMPARABLE, reason=f"{other.unit} and {ref.unit}")
    if verdict:
        return Pair(WITHIN_ROUNDING, gap, gap_pct)
    return _differ(ref, other, claim, gap, gap_pct)


def _differ(ref: Statement, other: Statement, claim: Claim | None, gap, gap_pct) -> Pair:
    a, b = subject_of(ref, claim), subject_of(other, claim)
    if ref.attributed_to != other.attributed_to and a and b and a != b:
        return Pair(NOT_COMPARABLE, gap, gap_pct, reason=f"{b} vs {a}")
    return Pair(DIFFER, gap, gap_pct)


def reference_statement(claim: Claim, statements=None) -> Statement | None:
    """The statement others are measured against: the most precise exact figure (2,048 before
    "2000", 557.6萬 before 560萬), the first where they tie; for dates the fullest."""
    statements = list(claim.statements if statements is None else statements)
    if not statements:
        return None
    if claim.unit == "date" or all(st.unit == "date" for st in statements):
        return max(statements, key=lambda st: (str(st.value).count("-"), -statements.index(st)))
    same_unit = [st for st in statements if st.unit == claim.unit] or statements
    exact = [st for st in same_unit if st.qualifier not in BOUNDS] or same_unit

    def rank(st: Statement):
        precision = st.precision if st.precision else abs(float(st.value)) * 0.01 or 1.0
        return (st.qualifier == APPROXIMATELY, precision, statements.index(st))

    return min(exact, key=rank)


# ───────────────────────────── rows ─────────────────────────────

def show(st: Statement) -> str:
    """A statement's figure as a reader writes it; a ratio written as a percentage stays one (5%, not 1/20)."""
    if st.unit == "ratio" and st.precision is not None and not isinstance(st.value, str):
        high = st.high * 100 if st.high is not None else None
        return format_value(st.value * 100, "pct", st.qualifier, high, None, st.direction)
    return format_value(st.value, st.unit, st.qualifier, st.high, None, st.direction)


def gap_words(gap: float | None, gap_pct: float | None, unit: str) -> str:
    if gap is None:
        return ""
    if unit == "date":
        days = abs(int(gap))
        return f"{days} day{'s' if days != 1 else ''}"
    if unit == "pct":
        text = format_value(abs(gap), "pp")
    elif unit == "ratio":
        text = f"{abs(gap) * 100:.3g} pp"
    else:
        text = format_value(abs(gap), unit)
    if gap_pct is not None and unit not in ("pct", "ratio") and abs(gap_pct) >= 0.05:
        text += f" ({abs(gap_pct):.1f}%)"
    return text


def sibling_reason(claim: Claim, other: Claim) -> str:
    """Why two claims of one group are not the same figure: intraday vs close, different year, ..."""
    reasons = []
    if claim.variant != other.variant and (claim.variant or other.variant):
        reasons.append(f"{claim.variant or 'unqualified'} vs {other.variant or 'unqualified'}")
    if claim.time != other.time and claim.time and other.time:
        if claim.time[:4] != other.time[:4]:
            reasons.append(f"different year ({claim.time[:4]} vs {other.time[:4]})")
        else:
            reasons.append(f"different date ({claim.time} vs {other.time})")
    if claim.subject != other.subject and not reasons:
        reasons.append(f"{claim.subject} vs {other.subject}")
    if claim.unit != other.unit and {claim.unit, other.unit} != {"pct", "ratio"}:
        reasons.append(f"{claim.unit} vs {other.unit}")
    return "; ".join(reasons) or f"{claim.metric} vs {other.metric}"


def siblings_of(registry: Registry, claim: Claim) -> list[Claim]:
    if not claim.group:
        return []
    return [c for c in registry.claims if c.group == claim.group and c.id != claim.id]


def claim_agreement(registry: Registry, claim: Claim) -> Agreement:
    """The last column of a compare row: how the claim's statements stand to one another, and why the
    figures of its siblings (same group, another variant or time) are not the same figure."""
    statements = list(claim.statements)
    sources = list(dict.fromkeys(st.source for st in statements))
    worst: Pair | None = None
    for i, a in enumerate(statements):
        for b in statements[i + 1:]:
            ref, other = (a, b) if reference_statement(claim, [a, b]) is a else (b, a)
            pair = compare_pair(ref, other, claim)
            if pair.kind == NOT_COMPARABLE and pair.gap is None:
                continue  # different units (tkp's own HKD conversion): not a disagreement
            if worst is None or _RANK[pair.kind] > _RANK[worst.kind] or (
                    pair.kind == worst.kind and abs(pair.gap or 0) > abs(worst.gap or 0)):
                worst = pair
    siblings = []
    for other in siblings_of(registry, claim):
        ref = reference_statement(other)
        shown = show(ref) if ref else ""
        siblings.append(Sibling(other.id, f"{', '.join(dict.fromkeys(st.source for st in other.statements))} {shown}",
                                sibling_reason(claim, other)))
    if worst is None:
        kind, label = "single", ""
        gap = gap_pct = reason = None
    else:
        kind, gap, gap_pct, reason = worst.kind, worst.gap, worst.gap_pct, worst.reason
        if kind == DIFFER:
            label = f"differ by {gap_words(gap, gap_pct, claim.unit)}".rstrip()
        elif kind == NOT_COMPARABLE:
            label = f"not comparable: {reason}"
        else:
            label = kind
    if len(sources) == 1:
        distinct = len({show(st) for st in statements if st.unit == claim.unit}) > 1
        label = f"only {sources[0]}" + (f"; {label}" if label and (kind != AGREE or distinct) else "")
    for s in siblings:
        label += f"{'; ' if label else ''}not comparable with {s.claim}: {s.reason}"
    return Agreement(kind=kind, label=label, sources=len(sources), gap=gap, gap_pct=gap_pct, reason=reason,
                     siblings=tuple(siblings))


def said_of(st: Statement) -> Said:
    return Said(quote=st.evidence_text, value=st.value, unit=st.unit, text=show(st), qualifier=st.qualifier, high=st.high,
                attributed_to=short_attribution(st.attributed_to), line=st.line)


def primary_statement(registry: Registry, claim: Claim) -> Statement | None:
    """The primary record's statement of a claim (the most precise, where a record states it twice)."""
    records = [st for st in claim.statements
               if (s := registry.sources.get(st.source)) is not None and s.kind == PRIMARY]
    return reference_statement(claim, records) if records else None


def deviation_words(pair: Pair, unit: str) -> str:
    """"+0.43 pp", "1 day", "agrees": how far a source's figure is from the primary record's."""
    if pair.kind == AGREE:
        return "agrees"
    if pair.kind == NOT_COMPARABLE:
        return f"not comparable: {pair.reason}" if pair.reason else "not comparable"
    words = gap_words(pair.gap, pair.gap_pct, unit)
    if pair.gap is not None and unit != "date" and words:
        words = ("+" if pair.gap > 0 else "−") + words
    return f"{words}, within rounding" if pair.kind == WITHIN_ROUNDING else f"off by {words}"


def row_of(registry: Registry, claim: Claim) -> Row:
    cells: dict[str, tuple[Said, ...]] = {}
    for source in registry.sources:
        said = []
        seen = set()
        for st in claim.statements:
            if st.source == source and (st.quote, st.value) not in seen:
                seen.add((st.quote, st.value))
                said.append(said_of(st))
        if said:
            cells[source] = tuple(said)
    ref = primary_statement(registry, claim)
    deviations: dict[str, tuple[Pair, ...]] = {}  # one per cell item, as the cells are deduplicated
    if ref is not None:
        for source in cells:
            record = registry.sources.get(source)
            if record is None or record.kind == PRIMARY:
                continue
            seen = set()
            for st in claim.statements:
                if st.source == source and (st.quote, st.value) not in seen:
                    seen.add((st.quote, st.value))
                    deviations[source] = deviations.get(source, ()) + (compare_pair(ref, st, claim),)
    return Row(claim=claim.id, topic=claim.topic, subject=claim.subject, metric=claim.metric, unit=claim.unit,
               time=claim.time, variant=claim.variant, cells=cells, agreement=claim_agreement(registry, claim),
               primary=said_of(ref) if ref is not None else None, primary_source=ref.source if ref else None,
               deviations=deviations)


# ───────────────────────────── charts ─────────────────────────────

CHART_UNITS_SKIPPED = frozenset({"ratio", "factor", "pct", "pp", "point", "date"})  # relative to different bases
_UNIT_TITLE = {"count": "count", "USD": "US dollars", "EUR": "euros", "pct": "per cent", "ratio": "fraction",
               "factor": "times", "day": "days", "gpu_hour": "GPU hours", "point": "index points"}


def charts_of(registry: Registry, claims: list[Claim]) -> list[Chart]:
    """A bar chart per unit that at least two of the claims share (dates make a timeline): each claim's
    reference figure, largest first, on a log scale when the largest is over 50 times the smallest.
    Shares, multiples, percentage moves and index points are not charted: each is relative to its own
    base, and bars would set side by side what is not comparable."""
    groups: dict[tuple, list[Bar]] = {}
    for claim in claims:
        if claim.unit == "date":
            ref = reference_statement(claim, [st for st in claim.statements if st.unit == "date"])
            day = _timeline_day(ref.value) if ref is not None else None
            if day is not None:
                label = _short_subject(claim.subject) + f", {claim.metric}"
                groups.setdefault(("date", None), []).append(
                    Bar(claim=claim.id, label=label, value=float(day), high=None, qualifier=ref.qualifier,
                        text=show(ref)))
            continue
        if claim.unit in CHART_UNITS_SKIPPED:
            continue
        ref = reference_statement(claim, [st for st in claim.statements if st.unit == claim.unit])
        if ref is None or isinstance(ref.value, str) or ref.value <= 0:
            continue
        per = (claim.per.amount, claim.per.unit) if claim.per else None
        label = _short_subject(claim.subject)
        if claim.variant:
            label += f" ({claim.variant})"
        groups.setdefault((claim.unit, per), []).append(
            Bar(claim=claim.id, label=label, value=float(ref.value), high=ref.high, qualifier=ref.qualifier,
                text=show(ref)))
    charts = []
    for (unit, per), bars in groups.items():
        if len(bars) < 2:
            continue
        if unit == "date":  # a timeline: earliest first, each date placed along one axis
            bars.sort(key=lambda b: (b.value, b.claim))
            charts.append(Chart(unit="date", title="timeline", log=False, bars=tuple(bars)))
            continue
        bars.sort(key=lambda b: -(b.high or b.value))
        top = max(b.high or b.value for b in bars)
        low = min(b.value for b in bars)
        log = top / low > LOG_SCALE_FROM
        title = _UNIT_TITLE.get(unit, unit) + (f" per {per[0]:,.0f} {per[1]}" if per else "")
        title += ", log scale" if log else ""
        charts.append(Chart(unit=unit, title=title, log=log, bars=tuple(bars)))
    return charts


def _short_subject(subject: str) -> str:
    """ 'Stargate (OpenAI, SoftBank and others)' -> 'Stargate'; 'leading ("first-tier") AI labs' -> 'leading AI labs'."""
    import re

    return re.sub(r"\s*\([^)]*\)", "", subject).strip() or subject


def bar_length(value: float, low: float, top: float, width: int, log: bool) -> float:
    """How many cells (fractional) a bar of `value` fills, of `width`; the smallest value gets one cell."""
    if width <= 1 or top <= 0:
        return 1.0
    if log and low > 0 and top > low:
        frac = (math.log10(value) - math.log10(low)) / (math.log10(top) - math.log10(low))
        return 1.0 + frac * (width - 1)
    return max(1.0, value / top * width)


# ───────────────────────────── the comparison ─────────────────────────────

def compare_topic(registry: Registry, topic: str) -> Comparison:
    """A row per claim the topic selects (a topic, a claim id or a word), a column per source."""
    from dsfact.errors import UsageError
    from dsfact.registry import select_claims

    claims = select_claims(registry, topic)
    if not claims:
        raise UsageError(f"no claim matches {topic!r} (try a topic: {', '.join(registry.topics)}, all; "
                         f"a claim id such as C01; or a word such as nvidia)")
    used = {st.source for c in claims for st in c.statements}
    by_authority = sorted(registry.sources.values(), key=lambda s: -s.authority)
    sources = [(s.id, s.publisher) for s in by_authority if s.id in used]
    records = [s.id for s in by_authority if s.id in used and s.kind == PRIMARY]
    rows = [row_of(registry, c) for c in claims]
    return Comparison(topic=topic, sources=sources, rows=rows, charts=charts_of(registry, claims), records=records)

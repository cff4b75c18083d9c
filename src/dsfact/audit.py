"""`dsfact audit`: recompute every derived figure in a registry from the figures it depends on, and
measure every source's figure for a claim against the others'.

Three kinds of check, all driven by the registry's data (docs/compare-audit.md):
  relation    a claim's `derived:` relation (ratio_of, product_of, sum_of, difference_of, same_as),
              recomputed from other statements and judged against each statement of the claim;
  statements  a claim's own statements, across sources and within one, against its most precise one;
  group       claims of one group (close vs intraday): shown side by side, never judged the same.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from dsfact.compare import (
    AGREE,
    BOUNDS,
    DIFFER,
    compare_pair,
    primary_statement,
    reference_statement,
    show,
    sibling_reason,
)
from dsfact.compare import (
    NOT_COMPARABLE as PAIR_NOT_COMPARABLE,
)
from dsfact.compare import (
    WITHIN_ROUNDING as PAIR_WITHIN,
)
from dsfact.model import LESS_THAN, MORE_THAN, PRIMARY, UP_TO, Claim, Registry, Statement
from dsfact.numbers.interval import input_span
from dsfact.quantity import (
    CONVERTIBLE,
    RELATIVE_FLOOR,
    format_value,
    precision_of,
    statement_span,
)

CONSISTENT = "consistent"
WITHIN_ROUNDING = "within rounding"
INCONSISTENT = "inconsistent"
NOT_COMPARABLE = "not comparable"
VERDICTS = (CONSISTENT, WITHIN_ROUNDING, INCONSISTENT, NOT_COMPARABLE)
_FROM_PAIR = {AGREE: CONSISTENT, PAIR_WITHIN: WITHIN_ROUNDING, DIFFER: INCONSISTENT,
              PAIR_NOT_COMPARABLE: NOT_COMPARABLE}

# The vocabulary of `derived:` (docs/compare-audit.md). Kinds of relation are few and live here; which
# claims they join is data.
RELATIONS = {"ratio_of": (2, 2), "product_of": (2, None), "sum_of": (2, None), "difference_of": (2, 2),
             "same_as": (1, 1)}
AS = ("ratio", "pct", "cheaper_pct", "more_pct")
OPTIONS = ("as", "unit", "sources", "note")
_REF = re.compile(r"^(?P<claim>[^@=\s]+)(?:@(?P<source>[^=\s]+))?(?:=(?P<value>\S+))?$")
_OP_WORD = {"ratio_of": " / ", "product_of": " × ", "sum_of": " + ", "difference_of": " − "}


class RelationError(Exception):
    """A `derived:` relation that cannot be evaluated; the message names what is wrong."""


@dataclass(frozen=True, slots=True)
class Input:
    """One figure a relation used: the statement it came from, or a constant."""

    ref: str
    text: str
    source: str | None = None
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Value:
    """A recomputed figure: its value from the figures as written, and the interval their rounding and
    qualifiers allow."""

    value: float
    low: float
    high: float
    unit: str
    formula: str
    inputs: tuple[Input, ...]
    statement: Statement | None = None  # for same_as: the statement itself


@dataclass(frozen=True, slots=True)
class Row:
    """One audited statement."""

    check: str  # relation | statements | group
    claim: str
    subject: str
    metric: str
    source: str
    quote: str
    line: int
    stated: str  # the figure as the statement gives it
    formula: str  # how the figure it is measured against was obtained
    recomputed: object  # that figure's value (a number, or a date string)
    recomputed_text: str
    verdict: str
    gap: float | None = None
    gap_text: str = ""
    reason: str | None = None
    inputs: tuple[Input, ...] = ()
    note: str | None = None


@dataclass(slots=True)
class Audit:
    registry: str
    rows: list[Row] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        return {v: sum(1 for r in self.rows if r.verdict == v) for v in VERDICTS}

    @property
    def inconsistent(self) -> list[Row]:
        return [r for r in self.rows if r.verdict == INCONSISTENT]


# ───────────────────────────── relations: parse and evaluate ─────────────────────────────

def relation_of(derived: dict) -> tuple[str, object]:
    """The one relation key of a `derived:` mapping (or of a nested operand) and its operands."""
    kinds = [k for k in derived if k in RELATIONS]
    if len(kinds) != 1:
        named = ", ".join(sorted(str(k) for k in derived)) or "nothing"
        raise RelationError(f"needs exactly one of {', '.join(RELATIONS)} (has {named})")
    return kinds[0], derived[kinds[0]]


def resolve(registry: Registry, ref: str) -> Statement:
    """The statement a reference names: C01 (the claim's only figure), C01@tkp (tkp's), C01@tkp=5576000."""
    m = _REF.match(str(ref).strip())
    if not m:
        raise RelationError(f"{ref!r} is not a reference (write C01, C01@tkp or C01@tkp=5576000)")
    claim = registry.claim(m["claim"])
    if claim is None:
        raise RelationError(f"unknown claim id {m['claim']!r} in {ref!r}")
    statements = list(claim.statements)
    if m["source"]:
        if m["source"] not in registry.sources:
            raise RelationError(f"unknown source {m['source']!r} in {ref!r}")
        statements = [st for st in statements if st.source == m["source"]]
    if m["value"] is not None:
        wanted = m["value"]
        statements = [st for st in statements if _value_is(st, wanted)]
    if not statements:
        raise RelationError(f"{ref!r} names no statement of {claim.id}")
    figures = list(dict.fromkeys((st.value, st.unit, st.qualifier, st.high) for st in statements))
    if len(figures) > 1:
        shown = "; ".join(dict.fromkeys(show(st) for st in statements))
        raise RelationError(f"{ref!r} names {len(figures)} different figures ({shown}): add @SOURCE or =VALUE")
    return statements[0]


def _value_is(st: Statement, wanted: str) -> bool:
    if isinstance(st.value, str):
        return st.value == wanted
    try:
        number = float(wanted)
    except ValueError:
        return False
    return abs(st.value - number) <= 1e-9 * max(abs(number), 1e-12)


def reading(st: Statement) -> tuple[float, float, float]:
    """(value, low, high) a written figure stands for as an input: the one interval rule
    (numbers.interval.input_span), read strictly: half its last digit either way, never truncated (a
    round figure, ten per cent), widened by its qualifier (about: 5%, except on a round figure, which is
    about already; more than 50: 50 to 75; less than 6: 3 to 6)."""
    return input_span(st)


def _corners(op, a: Value, b: Value) -> tuple[float, float]:
    values = [op(x, y) for x in (a.low, a.high) for y in (b.low, b.high)]
    return min(values), max(values)


def evaluate(registry: Registry, node) -> Value:
    """Evaluate a relation (a mapping), a reference (a string) or a constant (a number)."""
    if isinstance(node, bool):
        raise RelationError(f"{node!r} is not a figure")
    if isinstance(node, (int, float)):
        value = float(node)
        p = precision_of(value) or 0.0
        return Value(value, value - p / 2, value + p / 2, "", f"{value:g}", (Input(f"{value:g}", f"{value:g}"),))
    if isinstance(node, str):
        st = resolve(registry, node)
        if isinstance(st.value, str):
            return Value(math.nan, math.nan, math.nan, "date", show(st),
                         (Input(node, show(st), st.source, st.quote),), statement=st)
        central, lo, hi = reading(st)
        plain = format_value(st.value, st.unit, st.qualifier, st.high)  # a move's magnitude: no sign
        return Value(central, lo, hi, st.unit, plain, (Input(node, show(st), st.source, st.quote),), statement=st)
    if not isinstance(node, dict):
        raise RelationError(f"{node!r} is not a reference, a number or a relation")
    kind, operands = relation_of(node)
    if kind == "same_as":
        if isinstance(operands, list):
            if len(operands) != 1:
                raise RelationError("same_as takes one reference")
            operands = operands[0]
        if not isinstance(operands, str):
            raise RelationError("same_as takes one reference, such as C25@yu")
        return evaluate(registry, operands)
    low_n, high_n = RELATIONS[kind]
    if not isinstance(operands, list) or len(operands) < low_n or (high_n and len(operands) > high_n):
        want = f"{low_n}" if low_n == high_n else f"at least {low_n}"
        raise RelationError(f"{kind} takes a list of {want} operands")
    values = [evaluate(registry, o) for o in operands]
    if any(v.unit == "date" for v in values):
        raise RelationError(f"{kind} cannot use a date")
    units = [v.unit for v in values if v.unit]
    result = values[0]
    for other in values[1:]:
        if kind == "ratio_of":
            if other.low <= 0 <= other.high:
                raise RelationError(f"{kind}: the denominator may be zero")
            lo, hi = _corners(lambda x, y: x / y, result, other)
            value = result.value / other.value
        elif kind == "product_of":
            lo, hi = _corners(lambda x, y: x * y, result, other)
            value = result.value * other.value
        elif kind == "sum_of":
            lo, hi, value = result.low + other.low, result.high + other.high, result.value + other.value
        else:
            lo, hi, value = result.low - other.high, result.high - other.low, result.value - other.value
        formula = f"{_paren(result.formula)}{_OP_WORD[kind]}{_paren(other.formula)}"
        result = Value(value, lo, hi, "", formula, result.inputs + other.inputs)
    if kind == "ratio_of":
        unit = "ratio" if len(set(units)) <= 1 else "/".join(units)
    else:
        unit = units[0] if units else ""
        if kind in ("sum_of", "difference_of") and len(set(units)) > 1:
            raise RelationError(f"{kind} adds figures in different units ({', '.join(units)})")
    result = Value(result.value, result.low, result.high, unit, result.formula, result.inputs)
    return _as(result, node)


def _paren(formula: str) -> str:
    return f"({formula})" if any(op in formula for op in (" / ", " × ", " + ", " − ")) else formula


def _as(v: Value, options: dict) -> Value:
    how = options.get("as")
    unit = options.get("unit")
    if how is not None and how not in AS:
        raise RelationError(f"unknown as: {how!r} (known: {', '.join(AS)})")
    if how == "pct":
        v = Value(v.value * 100, v.low * 100, v.high * 100, "pct", v.formula, v.inputs)
    elif how == "cheaper_pct":
        v = Value((1 - v.value) * 100, (1 - v.high) * 100, (1 - v.low) * 100, "pct", f"1 − {_paren(v.formula)}",
                  v.inputs)
    elif how == "more_pct":
        v = Value((v.value - 1) * 100, (v.low - 1) * 100, (v.high - 1) * 100, "pct", f"{_paren(v.formula)} − 1",
                  v.inputs)
    if unit:
        v = Value(v.value, v.low, v.high, str(unit), v.formula, v.inputs, v.statement)
    return v


def _references(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [r for item in node for r in _references(item)]
    if isinstance(node, dict):
        return [r for k, item in node.items() if k in RELATIONS for r in _references(item)]
    return []


# ───────────────────────────── validation ─────────────────────────────

def derived_line(registry: Registry, claim: Claim) -> int:
    """The registry line of a claim's `derived:` key (the claim's own line when it cannot be read)."""
    try:
        with open(registry.path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return claim.line
    later = [c.line for c in registry.claims if c.line > claim.line]
    end = min(later) if later else len(lines) + 1
    for number in range(claim.line, min(end, len(lines) + 1)):
        if re.match(r"^\s*derived\s*:", lines[number - 1]):
            return number
    return claim.line


def derived_faults(registry: Registry) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(errors, warnings) in the registry's `derived:` relations, each with its registry line: an unknown
    claim id or source, an ambiguous reference, a relation dsfact does not know, a wrong operand count;
    unknown keys are warnings."""
    errors: list[tuple[int, str]] = []
    warnings: list[tuple[int, str]] = []
    for claim in registry.claims:
        if not claim.derived:
            continue
        line = derived_line(registry, claim)
        for key in claim.derived:
            if key not in RELATIONS and key not in OPTIONS:
                warnings.append((line, f"claim {claim.id}: unknown key {key!r} in derived (ignored)"))
        sources = claim.derived.get("sources")
        for s in ([sources] if isinstance(sources, str) else sources or []):
            if s not in registry.sources:
                errors.append((line, f"claim {claim.id}: derived: unknown source {s!r} in sources"))
        for ref in _references(claim.derived):
            m = _REF.match(str(ref).strip())
            if m and m["claim"] == claim.id and m["value"] is None:
                errors.append((line, f"claim {claim.id}: derived: {ref!r} refers to the claim itself; name a figure with =VALUE"))
        try:
            evaluate(registry, claim.derived)
        except RelationError as exc:
            errors.append((line, f"claim {claim.id}: derived: {exc}"))
    return errors, warnings


# ───────────────────────────── judging ─────────────────────────────

def _unit_fraction(st: Statement) -> int | None:
    """N when a ratio is written as 1/N ("1/8", 二十分之一): read to the nearest whole N."""
    if st.unit != "ratio" or st.precision is not None or isinstance(st.value, str) or not 0 < st.value < 0.5:
        return None
    n = 1 / st.value
    return round(n) if abs(n - round(n)) < 1e-6 else None


def _holds(r: float, st: Statement) -> bool:
    """Whether the figure as written is what a careful writer would print for r: r rounds to it, or
    satisfies its bound ("more than 50" for 53)."""
    v = float(st.value)
    p = st.precision if st.precision else abs(v) * RELATIVE_FLOOR * 2
    if st.qualifier == MORE_THAN:
        return r > v
    if st.qualifier == LESS_THAN:
        return r < v
    if st.qualifier == UP_TO:
        return r <= v + p / 2 + 1e-12
    n = _unit_fraction(st)
    if n is not None:
        return r > 0 and abs(1 / r - n) <= 0.5
    top = st.high if st.high is not None else v
    return v - p / 2 - 1e-12 * abs(v) <= r <= top + p / 2 + 1e-12 * abs(top)


def _reading_of_statement(st: Statement) -> tuple[float, float]:
    """The interval check reads a written figure as (quantity.span_of), and for 1/N every ratio that
    rounds to N."""
    lo, hi = statement_span(st)
    n = _unit_fraction(st)
    if n is not None and st.qualifier not in BOUNDS:  # "less than 1/20" is bounded by 1/20 itself
        lo, hi = min(lo, 1 / (n + 0.5)), max(hi, 1 / (n - 0.5))
    return lo, hi


def judge(recomputed: Value, st: Statement) -> tuple[str, float, float, float] | None:
    """(verdict, value, gap, relative gap) of a statement against a recomputed figure r, in the
    statement's unit (gap = stated − r); None when the units differ. Moves are compared as magnitudes."""
    if recomputed.unit == st.unit:
        factor = 1.0
    elif (recomputed.unit, st.unit) in CONVERTIBLE:
        factor = CONVERTIBLE[(recomputed.unit, st.unit)]
    else:
        return None
    r, lo, hi = recomputed.value * factor, recomputed.low * factor, recomputed.high * factor
    r = float(f"{r:.12g}")  # 1 − 2.00/2.50 is 20, not 19.999999999999996
    v = float(st.value)
    s_lo, s_hi = _reading_of_statement(st)
    if _holds(r, st):
        verdict = CONSISTENT
    elif s_lo <= r <= s_hi or max(lo, s_lo) < min(hi, s_hi):
        verdict = WITHIN_ROUNDING
    else:
        verdict = INCONSISTENT
    gap = 0.0 if abs(v - r) <= 1e-9 * max(abs(v), abs(r)) else float(f"{v - r:.12g}")  # no float noise
    return verdict, r, gap, gap / r * 100 if r else math.nan


def format_like(r: float, st: Statement) -> str:
    """A recomputed figure written the way the statement writes its own: 1/7.81, 5.58%, −3.608%."""
    sign = "−" if st.direction == "down" else ""
    return sign + _format_like(r, st)


def _format_like(r: float, st: Statement) -> str:
    if st.unit == "ratio":
        if _unit_fraction(st) is not None or st.precision is None:
            return f"1/{1 / r:.3g}" if r > 0 else f"{r:.4g}"
        return f"{r * 100:.3g}%"
    if st.unit == "pct":
        return f"{r:.4g}%"
    if st.precision and abs(r) >= 1000:
        digits = max(0, -int(math.floor(math.log10(st.precision))) + 1) if st.precision < 1 else 0
        rounded = round(r / (st.precision / 10)) * (st.precision / 10) if not digits else round(r, digits)
        return format_value(rounded, st.unit)
    return format_value(round(r, 4), st.unit)


def _gap_text(gap: float | None, rel: float | None, st: Statement) -> str:
    if gap is None:
        return ""
    if st.unit == "date":
        days = int(abs(gap))
        return f"{days} day{'s' if days != 1 else ''}"
    sign = "+" if gap > 0 else "−" if gap < 0 else ""
    if st.unit == "ratio":
        return f"{sign}{abs(gap) * 100:.2g} pp"
    if st.unit == "pct":
        return f"{sign}{abs(gap):.2g} pp"
    text = sign + format_value(float(f"{abs(gap):.3g}"), st.unit)
    if rel is not None and not math.isnan(rel):
        text += f" ({sign}{abs(rel):.2g}%)" if abs(rel) < 1 else f" ({sign}{abs(rel):.1f}%)"
    return text


def _relation_rows(registry: Registry, claim: Claim) -> list[Row]:
    derived = claim.derived or {}
    recomputed = evaluate(registry, derived)
    only = derived.get("sources")
    only = {only} if isinstance(only, str) else set(only or [])
    note = derived.get("note")
    rows = []
    seen = set()
    for st in claim.statements:
        if only and st.source not in only:
            continue
        if recomputed.statement is not None:  # same_as: two written figures
            key = (st.source, show(st))
            pair = compare_pair(recomputed.statement, st, claim)
            if key in seen or (pair.kind == PAIR_NOT_COMPARABLE and pair.gap is None):
                continue  # said already, or in another unit
            seen.add(key)
            rows.append(_pair_row("relation", registry, claim, recomputed.statement, st,
                                  formula=f"same as {recomputed.inputs[0].ref}", note=note,
                                  inputs=recomputed.inputs))
            continue
        judged = judge(recomputed, st)
        if judged is None:
            continue
        verdict, r, gap, rel = judged
        rows.append(Row(
            check="relation", claim=claim.id, subject=claim.subject, metric=claim.metric, source=st.source,
            quote=st.quote, line=st.line, stated=show(st), formula=recomputed.formula, recomputed=r,
            recomputed_text=format_like(r, st), verdict=verdict, gap=gap, gap_text=_gap_text(gap, rel, st),
            inputs=recomputed.inputs, note=note,
        ))
    return rows


def _claim_of(registry: Registry, st: Statement) -> Claim | None:
    for c in registry.claims:
        if any(x is st for x in c.statements):
            return c
    return None


def _pair_row(check: str, registry: Registry, claim: Claim, ref: Statement, st: Statement, *, formula: str,
              note: str | None = None, inputs: tuple[Input, ...] = ()) -> Row:
    ref_claim = _claim_of(registry, ref) or claim
    if ref_claim is not claim and ref_claim.group and ref_claim.group == claim.group:
        pair_kind, reason = PAIR_NOT_COMPARABLE, sibling_reason(claim, ref_claim)
        pair = compare_pair(ref, st, claim)
        gap, rel = pair.gap, pair.gap_pct
    else:
        pair = compare_pair(ref, st, claim)
        pair_kind, reason, gap, rel = pair.kind, pair.reason, pair.gap, pair.gap_pct
    if not inputs:
        inputs = (Input(f"{ref_claim.id}@{ref.source}", show(ref), ref.source, ref.quote),)
    return Row(
        check=check, claim=claim.id, subject=claim.subject, metric=claim.metric, source=st.source, quote=st.quote,
        line=st.line, stated=show(st), formula=formula, recomputed=ref.value,
        recomputed_text=show(ref), verdict=_FROM_PAIR[pair_kind], gap=gap,
        gap_text=_gap_text(gap, rel, st) if gap else "", reason=reason, inputs=inputs, note=note,
    )


def _statement_rows(registry: Registry, claim: Claim) -> list[Row]:
    """Each source's figure for the claim against the claim's most precise one: 2,000 and 二千多 against
    2,048; 逾50天 against 53天; one release date against another."""
    record = primary_statement(registry, claim)
    if record is not None:
        return _primary_rows(registry, claim, record)
    ref = reference_statement(claim)
    if ref is None:
        return []
    rows = []
    seen = {(ref.source, show(ref))}
    for st in claim.statements:
        key = (st.source, show(st))
        if st is ref or key in seen:
            continue
        seen.add(key)
        pair = compare_pair(ref, st, claim)
        if pair.kind == PAIR_NOT_COMPARABLE and pair.gap is None:
            continue  # another unit (tkp's HKD conversion): a relation's business, not a disagreement
        if pair.kind == AGREE and (pair.gap or 0) == 0 and st.qualifier not in BOUNDS:
            continue  # the same figure, with or without "about"
        rows.append(_pair_row("statements", registry, claim, ref, st,
                              formula=(f"the other date given for {claim.id}" if claim.unit == "date"
                                       else f"{claim.id}'s most precise figure")))
    return rows


def _primary_rows(registry: Registry, claim: Claim, record: Statement) -> list[Row]:
    """Every secondary statement of a claim against its primary record: which outlet printed which
    figure, how far from the record, and whether rounding explains it (consistent within rounding)."""
    rows = []
    seen = set()
    for st in claim.statements:
        source = registry.sources.get(st.source)
        key = (st.source, show(st), st.quote)
        if source is None or source.kind == PRIMARY or key in seen:
            continue
        seen.add(key)
        rows.append(_pair_row("primary", registry, claim, record, st,
                              formula=f"the primary record ({record.source}: {record.cite or 'cited'})"))
    return rows


def _group_rows(registry: Registry) -> list[Row]:
    """Claims of a group (the close and the intraday low; three ways of being cheaper) against the
    group's first claim: never the same figure, so never 'inconsistent'; the row says why."""
    rows = []
    firsts: dict[str, Claim] = {}
    for claim in registry.claims:
        if not claim.group:
            continue
        base = firsts.setdefault(claim.group, claim)
        if base is claim:
            continue
        ref, st = reference_statement(base), reference_statement(claim)
        if ref is None or st is None:
            continue
        pair = compare_pair(ref, st, claim)
        rows.append(Row(
            check="group", claim=claim.id, subject=claim.subject, metric=claim.metric, source=st.source,
            quote=st.quote, line=st.line, stated=show(st), formula=f"{base.id}, {base.variant or base.metric}",
            recomputed=ref.value, recomputed_text=show(ref), verdict=NOT_COMPARABLE,
            gap=pair.gap, gap_text=_gap_text(pair.gap, pair.gap_pct, st) if pair.gap else "",
            reason=sibling_reason(claim, base),
            inputs=(Input(f"{base.id}@{ref.source}", show(ref), ref.source, ref.quote),),
        ))
    return rows


def audit_registry(registry: Registry) -> Audit:
    """Every check the registry's data calls for, in claim order: relations, then each claim's own
    statements, then its group."""
    from dsfact.errors import RegistryError

    errors, _ = derived_faults(registry)
    if errors:
        raise RegistryError(registry.path, sorted(errors))
    audit = Audit(registry=registry.path)
    group_rows: dict[str, list[Row]] = {}
    for row in _group_rows(registry):
        group_rows.setdefault(row.claim, []).append(row)
    for claim in registry.claims:
        if claim.derived:
            audit.rows.extend(_relation_rows(registry, claim))
        audit.rows.extend(_statement_rows(registry, claim))
        audit.rows.extend(group_rows.get(claim.id, []))
    return audit

"""What a figure is, from the words that govern it: its role, and where it stands in time.

"Nvidia lost $589 billion" states a change; "its value now stands at $2.9 trillion" a level; "of which
$100 billion" a part; "(about $208 billion)" a restatement in another currency; "100% open-source" no
amount at all; "last year's $39 billion" another year. The words are language data
(dsfact/lang/roles.words and time.words); this module holds only the mechanism. A claim says which kind
of figure states it (`Claim.kind`); `fits` tells whether a figure's roles allow that kind.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from dsfact.model import Quantity

ROLE_KEYS = frozenset(("never", "before", "after", "clause", "opening"))
WINDOW = 48  # characters looked at before and after a figure for the words that govern it
CONVERSION_GAP = 24  # at most this many characters between a figure and its restatement
# Units a figure may be restated in: currencies among themselves, durations among themselves.
_CURRENCIES = frozenset("USD EUR HKD CNY TWD JPY GBP AUD CAD SGD KRW INR CHF 元".split())
_DURATIONS = frozenset("day month year hour week".split())
_LATIN = re.compile(r"[a-z]")


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of words, longest first; Latin words match whole words only."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in word.split())
        if _LATIN.match(word):
            body = r"(?<![a-z0-9])" + body
        if _LATIN.search(word[-1:]):
            body += r"(?![a-z0-9])"
        parts.append(body)
    return "|".join(parts) or "(?!)"


@dataclass(frozen=True)
class _Role:
    name: str
    never: frozenset[str]
    before: re.Pattern
    after: re.Pattern
    clause: re.Pattern | None
    opening: str


class _Lexicon:
    """The role and time words, compiled once per process."""

    def __init__(self) -> None:
        from dsfact.lang import load_words

        self.roles: list[_Role] = []
        for name, table in load_words("roles", ROLE_KEYS).items():
            clause = table.get("clause")
            self.roles.append(_Role(
                name=name,
                never=frozenset(table.get("never", ())),
                before=re.compile(r"(?:" + _alternation(table.get("before", ())) + r")\s*$"),
                after=re.compile(r"^\s*(?:" + _alternation(table.get("after", ())) + r")"),
                clause=re.compile(_alternation(clause)) if clause else None,
                opening="".join(table.get("opening", ())),
            ))
        times = load_words("time")
        relative = times.get("relative", {})
        self.time_kinds: dict[str, str] = {}
        for kind, words in relative.items():
            for word in words:
                self.time_kinds.setdefault(word, kind)
        for day, words in enumerate(times.get("weekdays", {}).values()):
            for word in words:
                self.time_kinds.setdefault(word, f"weekday:{day}")
        self.time = re.compile(_alternation(tuple(self.time_kinds)))
        self.conversion = next((r for r in self.roles if r.name == "conversion"), None)
        comparison = load_words("names", frozenset(("before", "after"))).get("comparison", {})
        self.compared_before = re.compile(r"(?:" + _alternation(comparison.get("before", ())) + r")\s*$")
        self.compared_after = re.compile(r"^\s*(?:" + _alternation(comparison.get("after", ())) + r")")


_LEXICON: _Lexicon | None = None


def lexicon() -> _Lexicon:
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = _Lexicon()
    return _LEXICON


def _restates(previous: Quantity, q: Quantity) -> bool:
    """Whether q may be a restatement of `previous` in another unit of the same dimension."""
    if previous.unit == q.unit:
        return previous.unit in _CURRENCIES or previous.unit in _DURATIONS
    return ({previous.unit, q.unit} <= _CURRENCIES) or ({previous.unit, q.unit} <= _DURATIONS)


class FigureReader:
    """The roles and time words of every figure of one text, read once.

    `folded` is the text folded for matching; `clauses` the offsets of clause boundaries, in order;
    `sentence_of` maps an offset to its sentence's (start, end).
    """

    def __init__(self, folded: str, quantities: list[Quantity], clauses: list[int], sentence_of) -> None:
        self.folded = folded
        self.quantities = quantities
        self.starts = [q.start for q in quantities]
        self.clauses = clauses
        self.sentence_of = sentence_of
        self._roles: dict[int, frozenset[str]] = {}
        self._times: dict[int, tuple[str, ...]] | None = None
        self._clause_hits: dict[str, dict[int, list[int]]] = {}

    def _clause_span(self, pos: int) -> tuple[int, int]:
        start, end = self.sentence_of(pos)
        i = bisect.bisect_right(self.clauses, pos)
        lo = self.clauses[i - 1] + 1 if i > 0 else 0
        hi = self.clauses[i] if i < len(self.clauses) else len(self.folded)
        return max(lo, start), min(hi, end)

    def _nearest_figure(self, a: int, b: int) -> int | None:
        """The index of the figure nearest the words at a:b, within their clause."""
        lo_c, hi_c = self._clause_span(a)
        k = bisect.bisect_left(self.starts, lo_c)
        best, best_d = None, None
        while k < len(self.quantities) and self.quantities[k].start < hi_c:
            q = self.quantities[k]
            d = a - q.end if q.end <= a else q.start - b if q.start >= b else 0
            if d >= 0 and (best_d is None or d < best_d):
                best, best_d = k, d
            k += 1
        return best

    def _hits_for(self, role: _Role) -> dict[int, list[int]]:
        """Figure index -> offsets of this role's clause words that attach to it."""
        found = self._clause_hits.get(role.name)
        if found is None:
            found = {}
            if role.clause is not None:
                for m in role.clause.finditer(self.folded):
                    k = self._nearest_figure(m.start(), m.end())
                    if k is not None:
                        found.setdefault(k, []).append(m.start())
            self._clause_hits[role.name] = found
        return found

    def roles(self, q: Quantity) -> frozenset[str]:
        """The roles of figure q (empty: nothing says it is other than a plain statement)."""
        found = self._roles.get(q.start)
        if found is not None:
            return found
        lex = lexicon()
        clause_start, clause_end = self._clause_span(q.start)
        before = self.folded[max(clause_start, q.start - WINDOW):q.start]
        after = self.folded[q.end:min(clause_end, q.end + WINDOW)]
        out = set()
        k = bisect.bisect_left(self.starts, q.start)
        for role in lex.roles:
            if role is lex.conversion:
                if k > 0 and self._is_restatement(self.quantities[k - 1], q, role):
                    out.add(role.name)
                continue
            if role.before.search(before) or role.after.search(after):
                out.add(role.name)
            elif role.clause is not None and q.direction is None and self._hits_for(role).get(k):
                out.add(role.name)  # "目前市值约2.9万亿美元": no word of change, a word of level
        if q.direction is not None:
            out.discard("fraction")  # "lost 17% of its value" is a move
        found = self._roles[q.start] = frozenset(out)
        return found

    def _is_restatement(self, previous: Quantity, q: Quantity, role: _Role) -> bool:
        gap = self.folded[previous.end:q.start]
        if not gap or len(gap) > CONVERSION_GAP or not _restates(previous, q):
            return False
        gap = gap.strip().lstrip(",，").strip()
        opened = bool(gap) and gap[0] in role.opening
        if opened:
            gap = gap[1:].strip()
        said = bool(gap) and role.before.fullmatch(gap + " ") is not None
        return (opened and (not gap or said)) or said

    def times(self, q: Quantity) -> tuple[str, ...]:
        """The time words that attach to figure q: "previous-year", "span", "weekday:2", ..."""
        if self._times is None:
            self._times = {}
            lex = lexicon()
            for m in lex.time.finditer(self.folded):
                k = self._nearest_figure(m.start(), m.end())
                if k is not None:
                    word = " ".join(m.group().split())
                    self._times.setdefault(k, []).append(lex.time_kinds.get(word, "span"))
        k = bisect.bisect_left(self.starts, q.start)
        return tuple(self._times.get(k, ()))


def is_comparison(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] is only a comparison ("比OpenAI", "than GPT-4o")."""
    lex = lexicon()
    return bool(lex.compared_before.search(folded, max(0, start - 16), start)
                or lex.compared_after.match(folded[end:end + 8]))


def fits(kind: str, roles: frozenset[str]) -> bool:
    """Whether a figure with these roles can state a claim of this kind."""
    if not roles:
        return True
    for role in lexicon().roles:
        if role.name in roles and ("*" in role.never or kind in role.never):
            return False
    return True


def time_fits(claim_time: str, tags: tuple[str, ...], year: int | None = None) -> bool:
    """Whether time words attached to a figure allow a claim tied to `claim_time` ("2025", "2025-01-27").
    A year-relative word is read against `year` (the document's), else the claim's own year."""
    if not tags:
        return True
    parts = claim_time.split("-")
    day_tied = len(parts) == 3
    claim_year = int(parts[0]) if parts[0].isdigit() else None
    base = year if year is not None else claim_year
    for tag in tags:
        if tag.startswith("weekday:"):
            if day_tied:
                import datetime

                weekday = datetime.date(*map(int, parts)).weekday()
                if int(tag.split(":")[1]) != weekday:
                    return False
            continue
        if tag in ("span", "another") or (day_tied and tag.endswith("-year")):
            return False
        offset = {"previous-year": -1, "current-year": 0, "next-year": 1}.get(tag)
        if offset is not None and base is not None and claim_year is not None and base + offset != claim_year:
            return False
    return True

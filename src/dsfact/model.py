"""The types that flow through dsfact. Standard library only.

The records are named tuples, not dataclasses: a pre-commit hook starts dsfact on every commit, and
importing dataclasses (which imports inspect) and building each dataclass cost more than a short
article's check; a named tuple is built in a fraction of that and is created and pickled faster too.
A record is changed with `record._replace(field=value)`. The two that are filled in as a run goes
(FileResult, Report) are small classes with slots.

A record is a class body under `@record` (below), made a `collections.namedtuple` with the body's fields,
defaults, annotations and methods: importing `typing` for its NamedTuple cost 16 million instructions, 2% of a
short article's check, on every run. The annotations here are evaluated (no `from __future__ import
annotations`): the registry cache reads them to check its fields (registry/cache.py), and a string
annotation once cost as much again, compiled into a forward reference. A record names only types defined
above it.
"""
from collections import namedtuple
from enum import StrEnum
from types import MappingProxyType

# what a class body holds that is not the record's own: the namedtuple keeps its own of these
_CLASS_ONLY = frozenset({"__module__", "__annotations__", "__dict__", "__weakref__"})


def record(cls):
    """The named tuple declared by a class body: its annotated names are the fields (in order, a field with
    a value in the body has that default), its annotations are kept as they are, and everything else the
    body defines (methods, properties, the docstring, constants) is set on the named tuple."""
    body = cls.__dict__
    annotations = dict(body.get("__annotations__", {}))
    fields = tuple(annotations)
    made = namedtuple(cls.__name__, fields, defaults=[body[name] for name in fields if name in body],
                      module=cls.__module__)
    made.__annotations__ = annotations
    for key, value in body.items():
        if key not in _CLASS_ONLY and key not in annotations and (key != "__doc__" or value is not None):
            setattr(made, key, value)
    return made

Value = float | str  # a number, or an ISO date string for unit "date"

# Qualifiers the engine reports (the vocabulary of ../shared/eval/numbers.yaml, plus "up to").
APPROXIMATELY = "approximately"
MORE_THAN = "more than"
LESS_THAN = "less than"
UP_TO = "up to"
QUALIFIERS = (APPROXIMATELY, MORE_THAN, LESS_THAN, UP_TO)



class Stance(StrEnum):
    """How one source stands towards a figure. The values are the words of the JSON output."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    CONSISTENT = "consistent"  # agrees, but too vaguely to support a figure a more precise source denies


SUPPORTS = Stance.SUPPORTS
CONTRADICTS = Stance.CONTRADICTS
CONSISTENT = Stance.CONSISTENT
STANCES = tuple(Stance)

# Kinds of source, most authoritative first: the original document or official data, news reporting,
# and columns, essays and social posts.
PRIMARY = "primary"
REPORT = "report"
OPINION = "opinion"
SOURCE_KINDS = (PRIMARY, REPORT, OPINION)
AUTHORITY = {PRIMARY: 3, REPORT: 2, OPINION: 1}



class Verdict(StrEnum):
    """What the sources, together, say of a figure. The values are the words of the JSON output."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    DISPUTED = "disputed"


SUPPORTED = Verdict.SUPPORTED
CONTRADICTED = Verdict.CONTRADICTED
DISPUTED = Verdict.DISPUTED
VERDICTS = tuple(Verdict)

# The kinds of figure a claim is stated by (`Claim.kind`): a figure whose role does not fit is not judged.
KINDS = ("change", "level", "amount", "count", "price", "share", "ratio", "date", "duration")


class Severity(StrEnum):
    """How much a finding needs a person: `error` (contradicted by a primary record or by two
    independent reports), `warning` (contradicted by a single report or opinion, or disputed among
    equals), `info` (supported)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@record
class Per:
    """A rate's denominator: 0.14 USD *per 1,000,000 token*."""

    amount: float
    unit: str


@record
class Quantity:
    """One figure read from text, with its code-point span in that text.

    For a range ("$60 billion to $65 billion") `value` is the low end and `high` the high end.
    `precision` is the place of the last significant digit, in the units of `value`
    (5.6 million -> 100000.0, 2,048 -> 1.0, 557.6萬 -> 1000.0); None for dates.
    `direction` is "up" or "down" when the words around a percent or point move say so.
    """

    text: str
    start: int
    end: int
    value: Value
    unit: str
    qualifier: str | None = None
    precision: float | None = None
    high: float | None = None
    per: Per | None = None
    direction: str | None = None
    below: bool = False  # "nearly 17%", "近17%": approximately, and at or just under the figure
    far: bool = False  # a bound said to be far from its value ("well under", "far more than", 远低于)
    inclusive: bool = False  # a lower bound that holds its own figure ("at least", "or more", 以上, 至少)


@record
class Source:
    """One source: an article in a file, or a primary record (a report, a price page, an exchange's
    close) known by its title, publisher, URL and date, whose statements carry citations."""

    id: str
    file: str  # "" for a record that is not a file in the repository
    publisher: str
    title: str
    date: str
    language: str
    url: str | None = None
    line: int = 0  # line in the registry file
    kind: str = REPORT

    @property
    def authority(self) -> int:
        return AUTHORITY.get(self.kind, AUTHORITY[REPORT])


@record
class Statement:
    """One source's statement of a claim, with the quote it comes from (or, for a primary record
    that is not a file, the citation: table, section, page or row)."""

    source: str
    value: Value
    quote: str
    unit: str
    qualifier: str | None = None
    high: float | None = None
    direction: str | None = None
    precision: float | None = None
    attributed_to: str | None = None  # the subject the source names, where it differs from the claim's
    note: str | None = None
    line: int = 0  # line in the registry file
    cite: str | None = None
    below: bool = False  # the quote says "nearly"/"近": at or just under the value

    @property
    def evidence_text(self) -> str:
        """What to show for where the figure comes from: the quote, or the citation."""
        return self.quote or (f"[{self.cite}]" if self.cite else "")


@record
class Claim:
    """One subject and one metric (and unit, and time where it matters)."""

    id: str
    topic: str
    subject: str
    metric: str
    unit: str
    statements: tuple[Statement, ...]
    subject_cues: tuple[str, ...]
    metric_cues: tuple[str, ...]
    per: Per | None = None
    time: str | None = None  # "2025", "2025-01-27", ...
    variant: str | None = None  # e.g. "close", "intraday": what tells this claim from its siblings
    variant_cues: tuple[str, ...] = ()
    group: str | None = None  # claims that state the same thing at different times or bases
    exclude_cues: tuple[str, ...] = ()
    derived: dict | None = None
    note: str | None = None
    line: int = 0
    kind: str = "amount"  # one of KINDS: a change, a level, a count, a price per unit, ...
    member_cues: tuple[str, ...] = ()  # the names of its subject's partners: two listed together name it
    estimate: bool = False  # its sources estimate it (days from GPU hours): each statement is read as "about"
    event: str | None = None  # the event its figure is about (lang/events.words), when not its metric's


@record
class Registry:
    """The claims and sources dsfact checks against."""

    path: str
    sources: dict[str, Source]
    claims: tuple[Claim, ...]
    entities: tuple[str, ...] = ()  # other subjects: a figure about them is not a registered claim
    topics: tuple[str, ...] = ("cost", "gpus", "price", "market", "time", "other")
    folded_cues: dict[str, str] = MappingProxyType({})  # cue -> its folded form, computed at load (read-only)
    story: tuple[str, ...] = ()  # the names of the story its claims tell: a text that names one tells it


    def claim(self, claim_id: str) -> Claim | None:
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        return None


@record
class Location:
    """1-based line and column, in Unicode characters of the original file; end is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


@record
class Finding:
    """One figure in the text that states a registered claim, and what the sources say of it."""

    start: int
    end: int
    text: str
    claim: str
    value: Value
    unit: str
    verdict: Verdict
    sources: dict[str, Stance]
    message: str
    quantity: Quantity
    evidence: tuple[Statement, ...] = ()  # the statements the verdict rests on
    location: Location | None = None
    severity: Severity = Severity.INFO
    decided_by: tuple[str, ...] = ()  # the sources the verdict rests on (the primary records, where one states it)


class NoticeCode(StrEnum):
    """What a notice is about. The values are the `code` of a warning in the JSON output."""

    UNUSED_SUPPRESSION = "unused-suppression"  # an ignore, or an off ... on, that suppressed nothing
    UNKNOWN_CLAIM = "unknown-claim"  # a suppression names a claim the registry does not have
    STRAY_ON = "stray-on"  # a `dsfact: on` with no `dsfact: off` before it
    EMPTY_FILE = "empty-file"
    REGISTRY = "registry"  # a remark about the registry (an unknown key), at its line


@record
class Notice:
    """A warning about the input, not a finding: it fails nothing, and every output format carries it.

    `str(notice)` is the text stderr shows after "dsfact: warning: ": "a.md:3: unused suppression: ...".
    """

    code: NoticeCode
    message: str
    path: str = ""
    line: int | None = None  # 1-based, where the notice is about a line
    column: int | None = None

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.path, self.line, self.column) if x)
        return f"{where}: {self.message}" if where else self.message


class FileResult:
    """The findings for one file, or the error that kept it from being checked."""

    __slots__ = ("path", "findings", "error", "warnings")

    def __init__(self, path: str, findings: list[Finding] | None = None, error: str | None = None,
                 warnings: list[Notice] | None = None) -> None:
        self.path = path
        self.findings = [] if findings is None else findings
        self.error = error
        self.warnings = [] if warnings is None else warnings  # e.g. a suppression that matched nothing

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileResult):
            return NotImplemented
        return (self.path, self.findings, self.error, self.warnings) == (
            other.path, other.findings, other.error, other.warnings)

    def __repr__(self) -> str:
        return (f"FileResult(path={self.path!r}, findings={self.findings!r}, error={self.error!r}, "
                f"warnings={self.warnings!r})")


class Report:
    """All files of one run, and the warnings about the run itself (the registry's unknown keys)."""

    __slots__ = ("files", "warnings")

    def __init__(self, files: list[FileResult] | None = None, warnings: list[Notice] | None = None) -> None:
        self.files = [] if files is None else files
        self.warnings = [] if warnings is None else warnings

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return (self.files, self.warnings) == (other.files, other.warnings)

    def __repr__(self) -> str:
        return f"Report(files={self.files!r}, warnings={self.warnings!r})"

    def count_severity(self, severity: Severity) -> int:
        return sum(1 for f in self.files for x in f.findings if x.severity == severity)

    def count(self, verdict: Verdict | str) -> int:
        return sum(1 for f in self.files for x in f.findings if x.verdict == verdict)

    @property
    def summary(self) -> dict[str, int]:
        return {v: self.count(v) for v in VERDICTS}

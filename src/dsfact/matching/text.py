"""What matching needs to know about one text, computed once: its folded form, sentences, clause
boundaries, cue hits, and the figures read in it."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from dsfact.fold import fold_text, has_han
from dsfact.matching.chief import chief_hits
from dsfact.matching.compounds import in_company_noun
from dsfact.matching.cues import SUBJECT, CueHit, cue_index
from dsfact.matching.discounts import period_over
from dsfact.matching.glossname import alias_brackets, bracketed_alone, glosses_name
from dsfact.matching.glued import glued_hits
from dsfact.matching.gluedproduct import glued_products
from dsfact.matching.holders import unheld
from dsfact.matching.joint import named_by_members
from dsfact.matching.memo import LastText
from dsfact.matching.pairedlists import pairs_lists
from dsfact.matching.participial import aside_commas
from dsfact.matching.roles import FigureReader
from dsfact.matching.sentdates import sentence_dates
from dsfact.matching.sentences import Sentence, split_sentences, stat_over
from dsfact.matching.signed import signed
from dsfact.matching.storyreach import story_subjects
from dsfact.matching.timewords import filed_in_week
from dsfact.matching.tranche import grown_to
from dsfact.matching.variantword import told_beside_other
from dsfact.matching.versions import versioned
from dsfact.matching.when import date_fits
from dsfact.model import Quantity, Registry
from dsfact.numbers.patterns import lazy

LOOKBACK_SENTENCES = 4  # an earlier sentence of the paragraph may give a figure its subject, this far back
INF = float("inf")  # a cue that cannot bind: across a clause boundary after the figure
CLAUSE_PENALTY = 30  # a comma between a figure and a name counts as 30 characters of distance
AFTER_WEIGHT = 2.0  # a name after the figure binds less than one before it, and only within its clause

# not a thousands comma: "a €200 billion (about $208 billion) plan" is one clause. Written as
# `(?<![0-9]),|,(?![0-9])|[，;；:：、()（）—]|\s[-–]\s` (a dash between spaces: "its claim – that V3 cost $6M –"),
# but opening with the one character every mark begins with, so that the regex engine skips the text between
# marks instead of trying each branch everywhere
_CLAUSE = re.compile(r"[,，;；:：、()（）—\s](?:(?<![,\s])|(?<=,)(?:(?<![0-9],)|(?![0-9]))|(?<=\s)[-–]\s)")
# a space between Chinese phrases, as in headlines: a run of white space after a character that is not
# ASCII (or %) is found by a pattern, the characters around it are compared (a class of the Chinese range
# costs 2 to 3 ms to compile, in every process that meets Chinese text; this one almost nothing)
_SPACE_RUN = lazy(r"\s(?<=[^\x00-\x24\x26-\x7f]\s)\s*")  # (?<=[^\x00-\x24\x26-\x7f])\s+, led by \s: re skips to it
# a comma after a bracketed word that tells a rate's kind joins two rates of one base as a list does ("1元/百万tokens
# （缓存命中），4元/百万tokens（缓存未命中）"): the words that head them govern both
_ASIDE_COMMA = lazy(r"\s*[(（][^()（）\d]{1,24}[)）]\s*[,，]\s*")
_RESPECTIVELY = ("分别", "respectively")


def _context_subjects(text: TextCues, context: tuple) -> frozenset[int]:
    """The claims whose subject the heading and lead line spans of `context` name, found once per context."""
    found = text._context_subjects.get(context)
    if found is None:
        by_role = text.index.claims_by_role
        found = frozenset().union(*(by_role(h.cue)[1] for a, b, _ in context for h in text.hits_in(a, b)))
        if not all(heading for _, _, heading in context):  # a list: what the text before its lead names
            lead = text.sentence_of(min(a for a, _, _ in context))  # (dsfact.matching.items)
            found = found.union(*text.sentence_claims()[1][max(0, lead - LOOKBACK_SENTENCES):lead])
        text._context_subjects[context] = found
    return found


def _row_subjects(text, si: int) -> frozenset[int]:
    """The claims whose subject the header row and the row's label name when sentence si is a body row of a
    plain-text table (pipes, or columns of spaces): a header many rows up heads its last row as its first."""
    s = text.sentences[si]
    if text.text.find("|", s.start, s.end) < 0 and text.text.find("   ", s.start, s.end) < 0 \
            and text.text.find("\t", s.start, s.end) < 0:
        return frozenset()
    from dsfact.matching.tables import pipe_row  # (it imports this module)

    spans = pipe_row(text.text, s.start, s.end)
    if not spans:
        return frozenset()
    by_role = text.index.claims_by_role
    return frozenset().union(*(by_role(h.cue)[1] for span in spans if span for h in text.hits_in(*span)))


# between a figure and its restatement in other terms: "89 points, or 1.46%", "$589 billion, or about 17%",
# "89點，或1.46%", and with the half-width comma Chinese copy often keeps, "612.47點,或3.07%"
_OR_RESTATED = lazy(r"\s*[,，]\s*(?:or|或)\s+(?:[a-z]+\s+)?$|\s*[,，]\s*或\s*$")


def _or_restated(text: str, quantities: list[Quantity]) -> list[int]:
    """The commas between a figure and its restatement in other terms ("89 points, or 1.46%"): no clause
    boundaries."""
    out = []
    for x, y in zip(quantities, quantities[1:]):
        between = text[x.end:y.start]
        if 0 < len(between) <= 16 and _OR_RESTATED.match(between):
            out.append(x.end + min(i for i in (between.find(","), between.find("，")) if i >= 0))
    return out


def _stacked(text: str, quantities: list[Quantity]) -> list[int]:
    """The commas between a figure and a figure joined to its unit by a hyphen, both before one noun ("a $500
    billion, four-year plan"): adjectives of one noun phrase, no clause boundary."""
    out = []
    for x, y in zip(quantities, quantities[1:]):
        between = text[x.end:y.start]
        if between.strip() == "," and "-" in y.text and _NOUN_NEXT.match(text, y.end):
            out.append(x.end + between.find(","))
    return out


_NOUN_NEXT = lazy(r" [a-z]")  # a lower-case word right after the figure: its noun


def clause_marks(text: str) -> list[int]:
    """The offsets of a text's clause boundaries, in order."""
    marks = [m.start() for m in _CLAUSE.finditer(text)]
    if ", " in text and (asides := aside_commas(text)):  # "the company, based in Hangzhou, spent": one clause
        marks = [m for m in marks if m not in asides]
    if (":" in text or "：" in text) and marks:
        from dsfact.matching.labelcolon import label_marks  # "- Input, cache hit: $0.14": one label

        marks = label_marks(text, marks)
    if has_han(text):
        spaces = _chinese_spaces(text)
        if spaces:  # the two kinds never overlap: one is punctuation, the other a run of spaces
            marks = sorted(marks + spaces)
    return marks


def _chinese_spaces(text: str) -> list[int]:
    """Where each run of white space between two Chinese characters (or after a percent sign) begins, as
    the regex `[\\u3400-\\u9fff%％](\\s+)(?=[\\u3400-\\u9fff])` finds them."""
    n = len(text)
    out = []
    for m in _SPACE_RUN.finditer(text):
        a, b = m.span()
        before = text[a - 1]
        if b < n and "\u3400" <= text[b] <= "\u9fff" and ("\u3400" <= before <= "\u9fff" or before in "%％") \
                and not ("\n" in text[a:b] and stat_over(text, a, b)):  # "5890亿美元⏎英伟达一天蒸发的市值": one clause
            out.append(a)
    return out


_BREAKS = LastText()  # the text last asked for a line's start -> {"breaks": the offsets of its line breaks}


def line_start(text: str, pos: int) -> int:
    """Where the line that holds offset pos of text begins (just after the line break before pos, or 0),
    from the text's line breaks, listed once (searching back from every figure of a long line is
    quadratic)."""
    found = _BREAKS.of(text)
    breaks = found.get("breaks")
    if breaks is None:
        breaks = found["breaks"] = []
        k = text.find("\n")
        while k >= 0:
            breaks.append(k)
            k = text.find("\n", k + 1)
    k = bisect.bisect_left(breaks, pos)
    return breaks[k - 1] + 1 if k else 0


def _in_paragraphs(blocks) -> Callable[[int], bool]:
    """Whether an offset stands inside a paragraph of the document (not between blocks: a line break
    between two list items or cells ends a sentence however the lines read)."""
    spans = sorted((b.start, b.end) for b in blocks if b.kind == "paragraph")
    starts = [a for a, _ in spans]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and pos < spans[k][1]
    return inside


def _cells(blocks) -> frozenset[int]:
    """Where the table cells of a document begin (none without its blocks)."""
    return frozenset(b.start for b in blocks if b.kind == "cell") if blocks else frozenset()


class TextCues:
    """The sentences, clauses, cue hits and figures of one text, and distances between them."""

    def __init__(self, text: str, registry: Registry, blocks=None) -> None:
        from dsfact.matching.structure import structure_of
        from dsfact.matching.tablenotes import table_notes

        self.text = text
        self.registry = registry
        self.structure = structure_of(text, blocks) if blocks else None  # headings and lead lines
        self.table_notes = table_notes(text, blocks) if blocks else None  # "單位：億美元" over a table, a Unit column
        self.links = [(b.start, b.end) for b in blocks if b.linked] if blocks else []  # headlines of other pages
        self.index = cue_index(registry)
        self.folded = fold_text(text)
        self.sentences = split_sentences(text, _in_paragraphs(blocks) if blocks else None)
        self._starts = [s.start for s in self.sentences]
        # "a joint venture of OpenAI, SoftBank and Oracle" names Stargate (dsfact.matching.joint)
        self.hits = chief_hits(self, named_by_members(self, self._longest_names(versioned(self.index, self.folded, signed(self.index, self.folded, unheld(self.folded, glued_products(self.index, self.folded, glued_hits(self.index, text, self.folded, self.index.find(self.folded)))), _cells(blocks)))))) \
            if self.sentences else []
        self._hit_starts = [h.start for h in self.hits]
        self._marks = self._all_marks = clause_marks(text)  # clause boundaries, in order
        self._dates: dict[int, list[tuple[str, int, int]]] = {}
        self._quantities: list[Quantity] | None = None
        self._quantity_starts: list[int] = []
        self._reader = None
        self._entry_cache: dict[tuple, list[tuple]] = {}  # (sentence, unit, heading context) -> cue hits
        self._sentence_claims: tuple[list[set[int]], list[set[int]]] | None = None
        self._reach: dict[tuple, frozenset[int]] = {}  # (sentence, heading context) -> claims of subjects in reach
        self._context_subjects: dict[tuple, frozenset[int]] = {}  # heading context -> claims whose subject it names
        self._variants: dict[int, list[tuple[CueHit, frozenset[int]]]] = {}  # sentence start -> variant words
        self.year: int | None = None  # the document's year, where its date is known
        self.day: str | None = None  # the document's date (ISO, "--01-28" without its year), where known
        self._anchors: dict[str, bool] = {}  # a claim's date -> whether the text names that day
        self._sentence_hits: dict[int, list[CueHit]] = {}  # sentence -> its cue hits
        self._respective: dict[int, bool] = {}  # sentence -> whether it says "respectively"
        self._names_in: dict[tuple, tuple] = {}  # (start, end, claims of a unit) -> matcher._names_in
        self._names_before: dict = {}  # (sentence, unit) -> capitals.sentence_names; sentence -> its capitals
        self._read: dict[int, list[Quantity]] = {}  # sentence start -> its figures read on their own
        self._means: list[int] | None = None  # where a word of means begins (means_in)

    def _longest_names(self, hits: list[CueHit]) -> list[CueHit]:
        """Drop cue hits inside a longer name ("Nasdaq" in "Nasdaq 100", 纳斯达克 in 纳斯达克100指数, "Llama" in "Llama 3";
        hits come sorted by start, longest first), and words inside a company noun (compounds.in_company_noun)."""
        out: list[CueHit] = []
        reach, reach_end = None, -1
        names = self.index.names
        for hit in hits:
            if reach is not None and hit.end <= reach_end and (hit.start, hit.end) != (reach.start, reach.end):
                continue
            if not names(hit.cue) and in_company_noun(self.folded, hit.start, hit.end):
                continue  # 芯片 in "这家芯片制造商", "chip" in "the chip maker": a company, not its chips
            out.append(hit)
            if hit.end > reach_end and names(hit.cue):
                reach, reach_end = hit, hit.end
        return out

    def reach(self, si: int, context: tuple = ()) -> frozenset[int]:
        """The claims whose subject a figure of sentence si may take: named in the sentence or in the
        LOOKBACK_SENTENCES before it (TextMatcher._borrow_subject), in the sentence after it when that
        one gives the name (nextrecall.named_next), or in `context`, the heading and lead line spans above
        the figure (_structure_subject); and those whose own digits a figure there gives (owndigits). Only these claims' metric and exclude words can bind a figure
        there."""
        key = (si, context)
        found = self._reach.get(key)
        if found is None:
            subjects = self.sentence_claims()[1]
            found = frozenset().union(*subjects[max(0, si - LOOKBACK_SENTENCES):si + 2])
            if si and self.sentence_claims()[0][si]:  # "the start-up": the story's subject, however far back
                found = found | story_subjects(self, si)
            found = found | _row_subjects(self, si) | (_context_subjects(self, context) if context else frozenset())
            found = found | _digit_claims(self, self.sentences[si])  # "The $5.576 billion training cost": V3's digits
            self._reach[key] = found
        return found

    def sentence_claims(self) -> tuple[list[set[int]], list[set[int]]]:
        """Per sentence, the claims it holds a metric word of, and those it names the subject of (one pass
        over the cue hits, the sentence advancing with them)."""
        if self._sentence_claims is None:
            sentences = self.sentences
            subjects: list[set[int]] = [set() for _ in sentences]
            metrics: list[set[int]] = [set() for _ in sentences]
            by_role = self.index.claims_by_role
            ends = [s.end for s in sentences]
            si, last = 0, len(sentences) - 1
            for hit in self.hits:
                while si < last and hit.start >= ends[si]:
                    si += 1
                if hit.start < sentences[si].start or hit.end > ends[si]:
                    continue  # between sentences, or across the end of one
                metric, subject = by_role(hit.cue)
                metrics[si] |= metric
                subjects[si] |= subject
            self._sentence_claims = metrics, subjects
        return self._sentence_claims

    def use(self, quantities: list[Quantity]) -> None:
        """Take the figures read in this text (in text order): they shape clauses and roles."""
        if self._quantities is quantities:
            return
        self._quantities = quantities
        self._quantity_starts = [x.start for x in quantities]
        self._reader = None
        self._entry_cache.clear()
        self._marks = self._without_restatement_brackets(quantities)

    def reader(self):
        """The roles and time words of this text's figures (dsfact.matching.roles), read once."""
        if self._reader is None:
            sentences, starts = self.sentences, self._starts  # not self: no reference cycle to collect

            def sentence_span(pos: int) -> tuple[int, int]:
                s = sentences[(bisect.bisect_right(starts, pos) or 1) - 1]
                return s.start, s.end

            self._reader = FigureReader(self.folded, self._quantities or [], self._marks, sentence_span)
        return self._reader

    def _without_restatement_brackets(self, quantities: list[Quantity]) -> list[int]:
        """Clause boundaries, less the brackets around a figure's restatement and the comma before one ("a
        €200 billion (about $208 billion) plan", "1500亿欧元（约1560亿美元）的计划", "89 points, or 1.46%"), and
        the brackets that hold nothing but a figure right after a name, the name's own figure told in passing
        ("DeepSeek V3 ($5.5M) 和 Kimi K2 ($4.6M) 的成本", "Meta ($65 billion) and Microsoft ($80 billion) will
        spend"): the words of the clause around them govern it."""
        ends, text = {x.end for x in quantities}, self.text
        drop = set(_or_restated(text, quantities)) | set(_stacked(text, quantities))  # "$500 billion, four-year plan"
        drop.update(alias_brackets(text, [x.start for x in quantities], self.folded))  # "深度求索(DeepSeek)正式发布"
        for x in quantities:
            found = bracketed_alone(text, x)
            if found is not None:
                at, before, close = found
                if before + 1 in ends or glosses_name(text, before, at, x.start):
                    drop.update((at, close))
        return [m for m in self._all_marks if m not in drop] if drop else self._all_marks

    def entries(self, si: int, q: Quantity) -> list[tuple]:
        """The cue hits of sentence si that matter to figure q: each with its roles for claims of q's unit
        (only its entity and subject roles are read, by matcher._Cues.names: they are not cut to the claims in
        reach), whether it names only subjects of other kinds of figure, whether it names a subject of this
        kind, and those roles by kind (whether it is an entity; the claims it is a subject, and of those
        whose subject is in reach, metric and exclude word of: no other claim can bind q); worked out once
        per sentence, unit and heading context, not once per figure."""
        context = self.structure.context_of(q.start) if self.structure is not None else ()
        key = (si, q.unit, context)
        found = self._entry_cache.get(key)
        if found is None:
            found = self._entry_cache[key] = []
            reach = self.reach(si, context)
            reading, unit = self.index.reading, q.unit
            for hit in self.sentence_hits(si):
                roles, foreign, names, entity, subjects, metrics, excludes = reading(hit.cue, unit)
                if metrics and not reach.issuperset(metrics):
                    metrics = tuple(ci for ci in metrics if ci in reach)
                if excludes and not reach.issuperset(excludes):
                    excludes = tuple(ci for ci in excludes if ci in reach)
                if excludes and compound_tail(self.text, hit):
                    excludes = ()  # "a public-private partnership" is both; "private" alone is the private share
                if excludes:  # "worth" inside "$6 million worth of computing power", a metric phrase of the claim
                    excludes = _not_inside_metric(self, si, hit, unit, excludes)
                if not (entity or subjects or metrics or excludes):
                    if not foreign:
                        continue
                    roles = ()
                found.append((hit, roles, foreign, names, entity, subjects, metrics, excludes))
        return found

    def shadows(self, q: Quantity, hit: CueHit) -> list[Quantity]:
        """The other figures of q's unit between a metric word and q, in the word's clause: the word governs
        such a figure rather than q when that figure could state the claim ("市值蒸发5890亿美元，收盘报118.42
        美元": 市值 is not 118.42's)."""
        if not self._quantity_starts:
            return []
        a, b = (hit.end, q.start) if hit.end <= q.start else (q.end, hit.start)
        lo = bisect.bisect_left(self._quantity_starts, a)
        hi = bisect.bisect_left(self._quantity_starts, b)
        if lo == hi:
            return []
        clause = bisect.bisect_right(self._marks, hit.start)
        return [x for x in self._quantities[lo:hi] if x.unit == q.unit and x is not q and x.end <= b  # (not a plan's
                and bisect.bisect_right(self._marks, x.start) == clause and not self._listed(x, q)  # first stage, which
                and not grown_to(self, x, q)]  # "最初1000亿美元，四年内扩增至5000亿美元" tells whole after it: tranche)

    def _listed(self, x: Quantity, q: Quantity) -> bool:
        """Whether x and q (x first) are members of one list of rates of one base, with nothing but list
        joints and bracketed words between them ("每百万输入tokens 1元（缓存命中）、4元（缓存未命中）"): the
        words that head the list govern every member."""
        if q.per is None or x.per != q.per or x.end > q.start:
            return False
        from dsfact.numbers.patterns import joins_list  # (only a rate asks)

        members = [y for y in self.figures_in(x.start, q.start) if y.start >= x.start] + [q]
        return all(joins_list(gap := self.folded[a.end:b.start]) or _ASIDE_COMMA.fullmatch(gap) is not None
                   for a, b in zip(members, members[1:]))

    def figures_in(self, start: int, end: int) -> list[Quantity]:
        """The figures read in this text that begin in text[start:end], in order (a slice found by bisection,
        not a walk over every figure of the text: the rules ask this of a figure's clause or sentence)."""
        starts = self._quantity_starts
        return self._quantities[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)] \
            if self._quantities else []

    def _figure_between(self, q: Quantity, hit: CueHit) -> bool:
        """Whether another figure stands between a word and q (the word then belongs to that figure)."""
        a, b = (hit.end, q.start) if hit.end <= q.start else (q.end, hit.start)
        lo = bisect.bisect_left(self._quantity_starts, a)
        return lo < len(self._quantity_starts) and self._quantity_starts[lo] < b

    def sentence_of(self, pos: int) -> int:
        return (bisect.bisect_right(self._starts, pos) or 1) - 1  # (max(k - 1, 0) without the call: asked often)

    def sentence_hits(self, si: int) -> list[CueHit]:
        """The cue hits of sentence si (hits_in its span), found once."""
        found = self._sentence_hits.get(si)
        if found is None:
            sentence = self.sentences[si]
            found = self._sentence_hits[si] = self.hits_in(sentence.start, sentence.end)
        return found

    def says_respectively(self, si: int) -> bool:
        """Whether sentence si says "respectively" (分别), or pairs two lists in order without it
        (dsfact.matching.pairedlists), where one clause may state several figures."""
        found = self._respective.get(si)
        if found is None:
            sentence = self.sentences[si]
            words = self.folded[sentence.start:sentence.end]
            found = self._respective[si] = any(word in words for word in _RESPECTIVELY) or pairs_lists(self, si)
        return found

    def hits_in(self, start: int, end: int) -> list[CueHit]:
        lo = bisect.bisect_left(self._hit_starts, start)
        hi = bisect.bisect_left(self._hit_starts, end)
        return [h for h in self.hits[lo:hi] if h.end <= end]

    def distance(self, q: Quantity, hit: CueHit) -> float:
        """Characters between a figure and a cue, with a penalty per clause boundary crossed."""
        if hit.end <= q.start:
            gap, a, b, weight = q.start - hit.end, hit.end, q.start, 1.0
        elif hit.start >= q.end:
            gap, a, b, weight = hit.start - q.end, q.end, hit.start, AFTER_WEIGHT
        else:
            return 0.0
        crossings = bisect.bisect_left(self._marks, b) - bisect.bisect_left(self._marks, a)
        if crossings and weight != 1.0 and q.unit != "date":  # "1月20日，DeepSeek發布R1": a date leads its clause
            return float("inf")  # "0.14美元，OpenAI成本為7.50美元": OpenAI's figure is the next one
        return (gap + CLAUSE_PENALTY * crossings) * weight

    def roles_of(self, hit: CueHit) -> list[tuple[int, str]]:
        return self.index.roles.get(hit.cue, [])

    def clause_of(self, q: Quantity) -> tuple[int, int] | None:
        """The clause figure q stands in (its sentence and the clause boundaries before it), or None in a
        sentence that says "respectively", where one clause may state several figures of a kind."""
        si = self.sentence_of(q.start)
        if self.says_respectively(si):
            return None
        return si, bisect.bisect_right(self._marks, q.start)

    def read_alone(self, sentence: Sentence) -> list[Quantity]:
        """The figures of a sentence read on its own (offsets from its start), read once: the time rules
        ask of the same sentence for each figure after it."""
        found = self._read.get(sentence.start)
        if found is None:
            from dsfact.numbers import parse_quantities

            found = self._read[sentence.start] = parse_quantities(self.text[sentence.start:sentence.end])
        return found

    def _time_fits(self, time: str, sentence: Sentence) -> bool:
        """A claim tied to a date is not stated by a sentence that names another year or day (but for the day
        it was filed within the claim's week: "新华社纽约1月28日电 周一……")."""
        dates = sentence_dates(self, sentence)
        return not dates or any(date_fits(d, time) or filed_in_week(self.folded, d, end, time) for d, _, end in dates)

    def variant_distance(self, q: Quantity, claim_index: int) -> float:
        """How near the figure a word of this claim's variant sits ("一度", "收盘"); INF when none does."""
        sentence = self.sentences[self.sentence_of(q.start)]
        variants = self._variants.get(sentence.start)
        if variants is None:  # the sentence's variant words, found once
            of = self.index.variants_of
            variants = self._variants[sentence.start] = [
                (hit, of(hit.cue)) for hit in self.hits_in(sentence.start, sentence.end) if of(hit.cue)]
        from dsfact.matching.ownwords import rate_kind  # (it imports this module)

        near = INF  # a kind word of a rate that q leaves out is q's too ("R1每百万输入tokens收费0.55美元，o1则收费15美元")
        for hit, claims in variants:
            if claim_index in claims and (not qualifies_other(self, q, hit, claims) and not period_over(self, hit, q.start)
                    and not told_beside_other(self, q, hit) and not _named_again(self, q, hit, claim_index) or rate_kind(self, q, hit)):
                near = min(near, bracketed(self.text, q, hit) or self.distance(q, hit))  # clause-aware, as for subjects
        return near



def qualifies_other(cues: "TextCues", q: Quantity, hit: CueHit, claims: frozenset[int]) -> bool:
    """Whether a variant word stands right beside another figure than q, one of a unit that a claim
    with this variant word is stated in, which it then qualifies: "lost $600 billion after falling as
    much as 18% intraday" (the intraday low is the 18%, not the $600 billion). `cues`: the text's TextCues."""
    starts, text, quantities = cues._quantity_starts, cues.text, cues._quantities or []
    if hit.start > q.end and _aside_figure(text, starts, q, hit):
        return True  # "2.788M GPU hours (pre-training alone: 2.664M)", "278.8万GPU小时（其中预训练266.4万）"
    units = {unit for ci in claims for unit in cues.index.units[ci]}
    k = bisect.bisect_left(starts, hit.end)
    if k < len(starts) and starts[k] != q.start and not text[hit.end:starts[k]].strip():
        return quantities[k].unit in units  # "as much as 18%"
    k = bisect.bisect_right(starts, hit.start) - 1
    if 0 <= k < len(quantities) and starts[k] != q.start and quantities[k].end <= hit.start:
        # "18% intraday", "1元（缓存命中）": a bracket opened right after a figure is that figure's
        return quantities[k].unit in units and not text[quantities[k].end:hit.start].strip().lstrip("(（").strip()
    return False


def _aside_figure(text: str, starts: list[int], q: Quantity, hit: CueHit) -> bool:
    """Whether a word after figure q stands in a bracket opened after q that goes on, after the word, to a figure
    of its own: the word tells that figure's kind (a part told in an aside, its unit often left out), not q's."""
    opened = max(text.rfind("(", q.end, hit.start), text.rfind("（", q.end, hit.start))
    if opened < 0 or any(c in ")）" for c in text[opened:hit.start]):
        return False
    closes = [k for k in (text.find(")", hit.end), text.find("）", hit.end)) if k >= 0]
    k = bisect.bisect_left(starts, hit.end)
    return k < len(starts) and starts[k] < min(closes, default=len(text))


def _named_again(text: "TextCues", q: Quantity, hit: CueHit, claim_index: int) -> bool:
    """Whether a variant word in a clause before figure q's qualifies a figure of q's unit told there, after
    which a subject word of the claim is named before q: "纳指一度下跌超过3%，标普500指数则跌3.07%": 一度 is
    the Nasdaq's 3%, told before the S&P is named ("On a cache hit, R1's input price is $0.10" keeps it)."""
    if hit.end > q.start or bisect.bisect_left(text._marks, q.start) == bisect.bisect_left(text._marks, hit.end):
        return False
    other = next((x for x in text.figures_in(hit.end, q.start) if x.unit == q.unit), None)
    if other is None:
        return False
    return any((claim_index, SUBJECT) in text.roles_of(h) for h in text.hits_in(other.end, q.start))


def bracketed(text: str, q: Quantity, hit: CueHit) -> float:
    """How far after figure q a word stands in a bracket opened right after q ("1.5元(缓存命中)", "$0.14 (cache
    hit)"): the bracket says what the figure is, as a word in its clause would; 0.0 (no such word) otherwise."""
    if hit.start < q.end:
        return 0.0
    gap = text[q.end:hit.start]
    inside = gap.lstrip(" ").removeprefix("(").removeprefix("（")
    if len(inside) == len(gap.lstrip(" ")) or len(inside) > 12 or any(c in _BRACKET_STOPS for c in inside):
        return 0.0
    return float(hit.start - q.end)


_BRACKET_STOPS = frozenset(")）(（,，;；。")
_COMPOUND_JOIN = "-\u2010\u2011\u2013"


def _not_inside_metric(text: TextCues, si: int, hit: CueHit, unit: str, excludes: tuple) -> tuple:
    """The claims of `excludes` whose exclude word `hit` is not part of a longer hit of the sentence that is one of
    their metric phrases: "worth" rules out a valuation ("a start-up worth $1 billion"), but "$6 million worth of
    computing power" is a cost told in money, and the longer phrase says so."""
    reading = text.index.reading
    for other in text.sentence_hits(si):
        if other.start <= hit.start and hit.end <= other.end and other.end - other.start > hit.end - hit.start:
            metrics = reading(other.cue, unit)[5]
            if metrics:
                excludes = tuple(ci for ci in excludes if ci not in metrics)
    return excludes


def compound_tail(text: str, hit: CueHit) -> bool:
    """Whether a Latin cue hit is a later part of a hyphenated compound ("public-private", "non-private"):
    the compound, not the word, says what its noun is."""
    start = hit.start
    return start >= 2 and text[start - 1] in _COMPOUND_JOIN and text[start - 2].isascii() \
        and text[start - 2].isalnum() and text[start].isascii()


def means_in(text: TextCues, start: int, end: int) -> bool:
    """Whether a word of means (roles.words [means]: "with", 用) begins in text.folded[start:end]: where they
    stand is found once per text, and structure.leads_means, asked of every figure, only where one does."""
    found = text._means
    if found is None:
        from dsfact.lang import words_of

        found = text._means = sorted({k for w in words_of("roles", "means")
                                      for k in _occurrences(text.folded, w)})
    i = bisect.bisect_left(found, start)
    return i < len(found) and found[i] < end


def _occurrences(text: str, word: str):
    """Every offset where `word` begins in text."""
    k = text.find(word)
    while k >= 0:
        yield k
        k = text.find(word, k + 1)


def full_stop(text: TextCues, start: int, end: int) -> bool:
    """Whether a stop and a space between start and end stand outside every figure and close no abbreviation: the
    stop of "Rs. 50" in "$6 million (Rs. 50 crore) DeepSeek spent" is the figure's own abbreviation, and that of
    "erased $1 trillion from U.S. technology stocks" the country's, no full stop."""
    from dsfact.matching.sentences import after_abbreviation

    at = text.text.find(". ", start, end)
    while at >= 0:
        if not any(x.start <= at < x.end for x in text._quantities or ()) and not after_abbreviation(text.text, at):
            return True
        at = text.text.find(". ", at + 1, end)
    return False


def _digit_claims(text: TextCues, sentence) -> frozenset[int]:
    """The claims whose own digits a number of the sentence gives (dsfact.matching.owndigits)."""
    from dsfact.matching.owndigits import digit_claims

    return digit_claims(text, sentence.start, sentence.end)

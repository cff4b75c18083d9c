"""Find which registered claim a figure in a text speaks of: cue words, sentences, nearest subject."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from dsfact.fold import fold_text
from dsfact.model import Claim, Quantity, Registry

SUBJECT, METRIC, EXCLUDE, VARIANT, ENTITY = "subject", "metric", "exclude", "variant", "entity"
DIRECTION_PENALTY = 200
LOOKBACK_SENTENCES = 4
LOOKBACK_PARAGRAPHS = 2
CLAUSE_PENALTY = 30  # a comma between a figure and a name counts as 30 characters of distance
SENTENCE_PENALTY = 400  # a subject from an earlier sentence of the paragraph is a last resort
AFTER_WEIGHT = 2.0  # a name after the figure binds less than one before it, and only within its clause
FUZZY_MIN_LENGTH = 5
FUZZY_SCORE = 80
MAX_CUE_TOKENS = 5

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TOKEN = re.compile(r"[a-z0-9]+")
_CLAUSE = re.compile(
    r"[,，;；:：、()（）—]|\s-\s"
    r"|(?<=[\u3400-\u9fff%％])\s+(?=[\u3400-\u9fff])"  # a space between Chinese phrases, as in headlines
)
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
_PROPER_NAME = re.compile(r"\b[A-Z][A-Za-z]+")
_NOT_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday", "i", "it", "its", "the", "this", "that", "these", "those", "their", "they", "he", "she",
              "we", "in", "on", "at", "by", "for", "but", "and", "a", "an", "as", "of", "to",
              # capitalised words that name no one: nationalities, places as adjectives, common acronyms
              "chinese", "china", "american", "america", "us", "usa", "u", "s", "european", "japanese",
              "korean", "british", "french", "german", "indian", "taiwanese", "western", "asian", "silicon",
              "valley", "wall", "street", "ai", "gpu", "gpus", "cpu", "ceo", "cto", "api", "llm", "llms", "app",
              "new", "year", "lunar", "spring", "festival"}
_GAP_OK = re.compile(r"[\s\-_.&/'’]{0,2}")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                  "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "vs", "inc", "corp", "co", "ltd",
                  "no", "fig", "approx", "est"}
_RESPECTIVELY = ("分别", "respectively")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class CueHit:
    start: int
    end: int
    cue: str  # the folded cue that matched


@dataclass(slots=True)
class Candidate:
    """A claim that a figure may state, with how closely its cue words sit to the figure."""

    claim: Claim
    subject_distance: float
    metric_distance: float

    @property
    def score(self) -> float:
        return self.subject_distance + 0.5 * self.metric_distance


def _stems(token: str) -> list[str]:
    out = [token]
    if len(token) > 4:
        if token.endswith("ing"):
            out.append(token[:-3])
        if token.endswith("ed"):
            out += [token[:-2], token[:-1]]
        if token.endswith("es"):
            out.append(token[:-2])
        if token.endswith("s") and not token.endswith("ss"):
            out.append(token[:-1])
    return out


def _cue_key(cue: str, folded: str | None = None) -> tuple[str, bool]:
    """The folded form a cue is looked up by, and whether it is matched as Chinese text."""
    if folded is None:
        folded = fold_text(cue.strip())
    if _CJK.search(folded):
        return folded, True
    return "".join(_TOKEN.findall(folded)), False


@dataclass
class CueIndex:
    """Every cue of a registry, indexed so that one pass over a text finds them all."""

    roles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # key -> [(claim index, role)]
    latin: dict[str, str] = field(default_factory=dict)  # stem -> key
    latin_fuzzy: dict[str, list[str]] = field(default_factory=dict)  # first letter -> long keys
    cjk_by_prefix: dict[str, list[str]] = field(default_factory=dict)
    claims_by_unit: dict[str, list[int]] = field(default_factory=dict)
    groups: dict[str, list[int]] = field(default_factory=dict)
    folded: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, registry: Registry) -> "CueIndex":
        index = cls()
        index.folded = registry.folded_cues
        for i, claim in enumerate(registry.claims):
            for role, cues in ((SUBJECT, claim.subject_cues), (METRIC, claim.metric_cues),
                               (EXCLUDE, claim.exclude_cues), (VARIANT, claim.variant_cues)):
                for cue in cues:
                    index._add(cue, i, role)
            units = {claim.unit} | {st.unit for st in claim.statements}
            for unit in units:
                index.claims_by_unit.setdefault(unit, []).append(i)
            if claim.group:
                index.groups.setdefault(claim.group, []).append(i)
        for cue in registry.entities:
            index._add(cue, -1, ENTITY)
        return index

    def _add(self, cue: str, claim_index: int, role: str) -> None:
        key, cjk = _cue_key(cue, self.folded.get(cue))
        if not key:
            return
        entries = self.roles.setdefault(key, [])
        if (claim_index, role) not in entries:
            entries.append((claim_index, role))
        if cjk:
            prefix = key[:2]
            bucket = self.cjk_by_prefix.setdefault(prefix, [])
            if key not in bucket:
                bucket.append(key)
        else:
            for stem in _stems(key):
                self.latin.setdefault(stem, key)
            if len(key) >= FUZZY_MIN_LENGTH and role in (SUBJECT, ENTITY):  # names get typos; "founder" is not "founded"
                bucket = self.latin_fuzzy.setdefault(key[0], [])
                if key not in bucket:
                    bucket.append(key)

    def find(self, folded: str) -> list[CueHit]:
        """All cue occurrences in folded text, in order of position."""
        hits: list[CueHit] = []
        self._find_cjk(folded, hits)
        self._find_latin(folded, hits)
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def _find_cjk(self, folded: str, hits: list[CueHit]) -> None:
        prefixes = self.cjk_by_prefix
        if not prefixes:
            return
        singles = prefixes.keys() & {k for k in prefixes if len(k) == 1}
        for pos, char in enumerate(folded):
            if char < "\u3400":
                continue
            for prefix in (folded[pos:pos + 2], char if char in singles else None):
                if not prefix:
                    continue
                for key in prefixes.get(prefix, ()):
                    if folded.startswith(key, pos):
                        hits.append(CueHit(pos, pos + len(key), key))

    def _find_latin(self, folded: str, hits: list[CueHit]) -> None:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
        fuzzy_done: dict[str, str | None] = {}
        for i, (start, end, token) in enumerate(tokens):
            joined, last_end = "", end
            for w in range(MAX_CUE_TOKENS):
                j = i + w
                if j >= len(tokens):
                    break
                if w:
                    gap = folded[tokens[j - 1][1]:tokens[j][0]]
                    if not _GAP_OK.fullmatch(gap):
                        break
                joined += tokens[j][2]
                last_end = tokens[j][1]
                for stem in _stems(joined):
                    key = self.latin.get(stem)
                    if key is not None:
                        hits.append(CueHit(start, last_end, key))
                        break
                else:
                    if w == 0 and len(joined) >= FUZZY_MIN_LENGTH:
                        key = fuzzy_done.get(joined, "")
                        if key == "":
                            key = self._fuzzy(joined)
                            fuzzy_done[joined] = key
                        if key:
                            hits.append(CueHit(start, last_end, key))

    def _fuzzy(self, token: str) -> str | None:
        bucket = self.latin_fuzzy.get(token[0])
        if not bucket:
            return None
        from rapidfuzz import fuzz, process

        near = [k for k in bucket if abs(len(k) - len(token)) <= 2]
        if not near:
            return None
        best = process.extractOne(token, near, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        return best[0] if best else None


_INDEXES: dict[int, tuple[Registry, CueIndex]] = {}


def cue_index(registry: Registry) -> CueIndex:
    """The cue index of a registry, built once per registry object."""
    cached = _INDEXES.get(id(registry))
    if cached is None or cached[0] is not registry:
        cached = (registry, CueIndex.build(registry))
        _INDEXES[id(registry)] = cached
    return cached[1]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences and paragraphs: 。！？!? end a sentence, so does a full stop before a capital or a line end;
    a line break ends a sentence and a blank line a paragraph."""
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        end_here = False
        new_paragraph = False
        if ch in "。！？!?":
            end_here = True
        elif ch == "\n":
            end_here = True
            j = i + 1
            while j < n and text[j] in " \t\r":
                j += 1
            if j < n and text[j] == "\n":
                new_paragraph = True
        elif ch == "." and i + 1 < n and text[i + 1] in " \t":
            j = i + 1
            while j < n and text[j] in " \t":
                j += 1
            word = re.search(r"([A-Za-z.]+)$", text[max(0, i - 8):i])
            abbreviation = word is not None and word.group(1).lower() in _ABBREVIATIONS
            if j >= n or (not abbreviation and (text[j].isupper() or _CJK.match(text[j]) or text[j] in "\"“(")):
                end_here = True
        if end_here:
            if text[start:i + 1].strip():
                sentences.append(Sentence(start, i + 1, paragraph))
            start = i + 1
            if new_paragraph:
                paragraph += 1
        i += 1
    if text[start:].strip():
        sentences.append(Sentence(start, n, paragraph))
    return sentences


class TextMatcher:
    """Everything about one text that matching needs, computed once."""

    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.index = cue_index(registry)
        self.folded = fold_text(text)
        self.sentences = split_sentences(text)
        self._starts = [s.start for s in self.sentences]
        self.hits = self.index.find(self.folded) if self.sentences else []
        self._hit_starts = [h.start for h in self.hits]
        clause = [0] * (len(text) + 1)
        count = 0
        marks = {m.start() for m in _CLAUSE.finditer(text)}
        for pos in range(len(text)):
            if pos in marks:
                count += 1
            clause[pos + 1] = count
        self._clauses = clause
        self._dates: dict[int, list[Quantity]] = {}

    def sentence_of(self, pos: int) -> int:
        return max(bisect.bisect_right(self._starts, pos) - 1, 0)

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
        crossings = self._clauses[b] - self._clauses[a]
        if crossings and weight != 1.0:
            return float("inf")  # "0.14美元，OpenAI成本為7.50美元": OpenAI's figure is the next one
        return (gap + CLAUSE_PENALTY * crossings) * weight

    def roles_of(self, hit: CueHit) -> list[tuple[int, str]]:
        return self.index.roles.get(hit.cue, [])

    def candidates(self, q: Quantity, quantities: list[Quantity] | None = None) -> list[Candidate]:
        """Claims whose unit, subject and metric fit figure q, best first; empty when q is about
        something else (another company, another quantity)."""
        if not self.sentences:
            return []
        si = self.sentence_of(q.start)
        sentence = self.sentences[si]
        hits = self.hits_in(sentence.start, sentence.end)
        units = [q.unit]
        if q.unit == "pct":
            units.append("ratio")
        elif q.unit == "ratio":
            units.append("pct")
        family = {i for unit in units for i in self.index.claims_by_unit.get(unit, ())}
        if not family:
            return []
        claims = self.registry.claims
        subject_d: dict[int, float] = {}
        metric_d: dict[int, float] = {}
        excluded: set[int] = set()
        entity_d = float("inf")
        for hit in hits:
            d = self.distance(q, hit)
            for ci, role in self.roles_of(hit):
                if role == ENTITY:
                    entity_d = min(entity_d, d)
                elif ci not in family:
                    continue
                elif role == SUBJECT:
                    subject_d[ci] = min(subject_d.get(ci, float("inf")), d)
                elif role == METRIC:
                    metric_d[ci] = min(metric_d.get(ci, float("inf")), d)
                elif role == EXCLUDE:
                    excluded.add(ci)
        self._respectively(q, quantities, sentence, hits, subject_d)
        missing = [ci for ci in metric_d if ci not in subject_d and ci not in excluded]
        if missing and not self._named_before(q, sentence, hits, family):
            self._borrow_subject(q, si, missing, subject_d)
        out = []
        for ci, md in metric_d.items():
            if ci in excluded or ci not in subject_d:
                continue
            claim = claims[ci]
            if claim.time and not self._time_fits(claim.time, sentence):
                continue
            if subject_d[ci] > entity_d:
                continue  # a figure nearer another company or body is not this claim
            candidate = Candidate(claim, subject_d[ci], md)
            directions = {st.direction for st in claim.statements if st.direction}
            if q.direction and directions and q.direction not in directions:
                candidate.metric_distance += DIRECTION_PENALTY  # a rise is a rise claim's, if there is one
            out.append(candidate)
        out.sort(key=lambda c: (c.score, c.claim.line))
        return out

    def _named_before(self, q: Quantity, sentence: Sentence, hits: list[CueHit], family: set[int]) -> bool:
        """Whether the figure's own sentence names, before it, another company or the subject of another
        claim of its unit ("Apple shipped 50 million"), in which case it is not about a subject of an
        earlier sentence. A name that only serves as a comparison ("比OpenAI便宜90%") does not count."""
        for hit in hits:
            if hit.end <= q.start and any(role == ENTITY or (role == SUBJECT and ci in family)
                                          for ci, role in self.roles_of(hit)):
                return True
        words = self.text[sentence.start:q.start]
        covered = [(h.start - sentence.start, h.end - sentence.start) for h in hits]
        for m in _PROPER_NAME.finditer(words):
            if m.start() == len(words) - len(words.lstrip()) or m.group().lower() in _NOT_NAMES:
                continue  # the sentence's first word, or a month or weekday
            if not any(a <= m.start() < b for a, b in covered):
                return True
        return False

    def _borrow_subject(self, q: Quantity, si: int, missing: list[int], subject_d: dict[int, float]) -> None:
        """"It was trained on 2,560 chips.": take the subject named most recently before the sentence,
        a few sentences (and at most two paragraph breaks) back."""
        here = self.sentences[si].paragraph
        for back in range(si - 1, max(si - 1 - LOOKBACK_SENTENCES, -1), -1):
            earlier = self.sentences[back]
            breaks = here - earlier.paragraph
            if breaks > LOOKBACK_PARAGRAPHS:
                return
            named = False
            for hit in self.hits_in(earlier.start, earlier.end):
                for ci, role in self.roles_of(hit):
                    if role in (SUBJECT, ENTITY):
                        named = True
                    if role == SUBJECT and ci in missing:
                        d = SENTENCE_PENALTY * (1 + breaks) + (q.start - hit.end)
                        subject_d[ci] = min(subject_d.get(ci, float("inf")), d)
            if named:
                return

    def _respectively(self, q, quantities, sentence, hits, subject_d) -> None:
        """"A, B and C rose 16%, 11% and 7% respectively": pair the k-th figure with the k-th subject."""
        if not quantities or not any(word in self.folded[sentence.start:sentence.end] for word in _RESPECTIVELY):
            return
        same = [x for x in quantities if sentence.start <= x.start < sentence.end and x.unit == q.unit]
        order: list[int] = []
        for hit in hits:
            for ci, role in self.roles_of(hit):
                if role == SUBJECT and ci in subject_d and ci not in order and hit.end <= same[0].start:
                    order.append(ci)
        if len(same) >= 2 and len(order) == len(same):
            k = next(i for i, x in enumerate(same) if x.start == q.start)
            for ci in order:
                subject_d[ci] = 0.0 if ci == order[k] else float("inf")

    def _time_fits(self, time: str, sentence: Sentence) -> bool:
        """A claim tied to a date is not stated by a sentence that names another year or day."""
        from dsfact.numbers import parse_quantities
        from dsfact.quantity import dates_agree

        dates = self._dates.get(sentence.start)
        if dates is None:
            words = self.text[sentence.start:sentence.end]
            found = parse_quantities(words)
            dates = [str(q.value) for q in found if q.unit == "date"]
            taken = [(q.start, q.end) for q in found]
            for m in _YEAR.finditer(words):  # "for 2023", "CES 2025": a year the engine does not call a date
                if not any(a <= m.start() < b for a, b in taken):
                    dates.append(m.group())
            self._dates[sentence.start] = dates
        return not dates or any(dates_agree(d, time) for d in dates)

    def variant_hit(self, claim_index: int, sentence_index: int) -> bool:
        sentence = self.sentences[sentence_index]
        return any((claim_index, VARIANT) in self.roles_of(h) for h in self.hits_in(sentence.start, sentence.end))

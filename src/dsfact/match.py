"""Find which registered claim a figure in a text speaks of: cue words, sentences, nearest subject."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from dsfact.fold import fold_text
from dsfact.model import Claim, Quantity, Registry

SUBJECT, METRIC, EXCLUDE, VARIANT, ENTITY = "subject", "metric", "exclude", "variant", "entity"
INF = float("inf")  # a cue that cannot bind: across a clause boundary after the figure
EXCLUDE_REACH = 80  # an exclude word rules out a claim near its figure, not across a long sentence
SAME_SUBJECT = 5  # characters: subjects this close to the nearest one count as the same mention
LOOKBACK_SENTENCES = 4
LOOKBACK_PARAGRAPHS = 2
CLAUSE_PENALTY = 30  # a comma between a figure and a name counts as 30 characters of distance
MODIFIER_GAP = 3  # a name this close before a metric word qualifies it: "Nvidia GPUs", "Nvidia's H800s"
WEAK_METRIC = 45  # a metric word further than this from a figure whose subject is borrowed binds weakly
SENTENCE_PENALTY = 400  # a subject from an earlier sentence of the paragraph is a last resort
AFTER_WEIGHT = 2.0  # a name after the figure binds less than one before it, and only within its clause
FUZZY_MIN_LENGTH = 5
FUZZY_SCORE = 80
MAX_CUE_TOKENS = 5

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TOKEN = re.compile(r"[a-z0-9]+")
_CLAUSE = re.compile(
    r"(?<![0-9]),|,(?![0-9])|[，;；:：、()（）—]|\s-\s"  # not a thousands comma: "a €200 billion (about $208 billion) plan" is one clause
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
_DURATIONS = ("day", "week", "month", "year")
_NOTHING = re.compile("(?!)")
_BOUNDARY = re.compile(r"[。！？!?\n]|\.(?=[ \t])")  # where a sentence may end
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


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
    weak: bool = False  # bound only loosely (subject from far away, metric word outside the clause)

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
    position: dict[str, int] = field(default_factory=dict)  # claim id -> claim index
    # Built once, so that the work per text does not grow with the registry:
    latin_prefixes: set[str] = field(default_factory=set)  # every prefix of a stem: when to stop joining tokens
    cjk_singles: frozenset[str] = frozenset()  # one-character Chinese cues
    cjk_starts: re.Pattern = _NOTHING  # the first characters of Chinese cues
    fuzzy_masks: dict[str, int] = field(default_factory=dict)  # long key -> the set of its characters, as bits
    families: dict[str, frozenset[int]] = field(default_factory=dict)  # a figure's unit -> claims it may state
    token_keys: dict[str, str | None] = field(default_factory=dict)  # one token -> its key (exact or fuzzy)

    @classmethod
    def build(cls, registry: Registry) -> "CueIndex":
        index = cls()
        index.folded = registry.folded_cues
        index.position = {claim.id: i for i, claim in enumerate(registry.claims)}
        families = _synonym_families()
        for i, claim in enumerate(registry.claims):
            for role, cues in ((SUBJECT, claim.subject_cues), (METRIC, claim.metric_cues),
                               (EXCLUDE, claim.exclude_cues), (VARIANT, claim.variant_cues)):
                brought: list[str] = []
                for cue in cues:
                    index._add(cue, i, role)
                    family = families.get(_cue_key(cue, index.folded.get(cue))[0]) if role == METRIC else None
                    if family:
                        brought += family
                for word in dict.fromkeys(brought):
                    index._add(word, i, role, word.lower())  # family words are written folded
            units = {claim.unit} | {st.unit for st in claim.statements}
            for unit in units:
                index.claims_by_unit.setdefault(unit, []).append(i)
            if claim.group:
                index.groups.setdefault(claim.group, []).append(i)
        for cue in registry.entities:
            index._add(cue, -1, ENTITY)
        index.latin_prefixes = {stem[:k] for stem in index.latin for k in range(1, len(stem) + 1)}
        index.cjk_singles = frozenset(k for k in index.cjk_by_prefix if len(k) == 1)
        firsts = sorted({k[0] for k in index.cjk_by_prefix})  # "GPU小時", "SK海力士" begin with Latin letters
        index.cjk_starts = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]" if firsts else "(?!)")
        return index

    def family(self, unit: str) -> frozenset[int]:
        """The claims a figure in `unit` may state (a percentage may state a ratio and back)."""
        found = self.families.get(unit)
        if found is None:
            # "5% of GPT-4o's cost" states a ratio; "a fifth of its value" or "30 times cheaper" is no
            # percentage move or saving
            units = [unit] + (["ratio"] if unit == "pct" else [])
            if unit in _DURATIONS:  # "two months" may state a claim in days
                units = list(_DURATIONS)
            found = frozenset(i for u in units for i in self.claims_by_unit.get(u, ()))
            self.families[unit] = found
        return found

    def _add(self, cue: str, claim_index: int, role: str, folded: str | None = None) -> None:
        key, cjk = _cue_key(cue, folded or self.folded.get(cue))
        if not key:
            return
        # No search through lists here: a cue such as "revenue" may serve thousands of claims.
        entries = self.roles.get(key)
        if entries is None:
            entries = self.roles[key] = []
            if cjk:
                self.cjk_by_prefix.setdefault(key[:2], []).append(key)
        k = len(entries) - 1
        while k >= 0 and entries[k][0] == claim_index:  # claims are added in order: a repeat is at the end
            if entries[k][1] == role:
                break
            k -= 1
        else:
            entries.append((claim_index, role))
        if not cjk:
            for stem in _stems(key):
                self.latin.setdefault(stem, key)
            if len(key) >= FUZZY_MIN_LENGTH and role in (SUBJECT, ENTITY) and key not in self.fuzzy_masks:
                self.latin_fuzzy.setdefault(key[0], []).append(key)  # names get typos; "founder" is not "founded"
                self.fuzzy_masks[key] = _char_mask(key)

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
        singles, get, starts = self.cjk_singles, prefixes.get, folded.startswith
        for m in self.cjk_starts.finditer(folded):  # only where a Chinese cue can begin
            pos = m.start()
            bucket = get(folded[pos:pos + 2])
            if bucket:
                for key in bucket:
                    if starts(key, pos):
                        hits.append(CueHit(pos, pos + len(key), key))
            char = m.group()
            if char in singles:  # one-character cues
                for key in prefixes[char]:
                    if starts(key, pos):
                        hits.append(CueHit(pos, pos + len(key), key))

    def _find_latin(self, folded: str, hits: list[CueHit]) -> None:
        latin, prefixes, token_keys = self.latin, self.latin_prefixes, self.token_keys
        search = _TOKEN.search
        for m in _TOKEN.finditer(folded):
            token = m.group()
            key = token_keys.get(token, "")
            if key == "":
                key = self._token_key(token)
            if key:
                hits.append(CueHit(m.start(), m.end(), key))
            if token not in prefixes and token[:-1] not in prefixes and token[:-2] not in prefixes:
                continue  # no cue of several tokens ("cost to train", "GPT 4o") begins with this one
            joined, last = token, m
            for _ in range(MAX_CUE_TOKENS - 1):
                following = search(folded, last.end())
                if following is None:
                    break
                longer = joined + following.group()
                # go on only while the tokens joined so far begin a stem, or are one once a suffix is cut
                if longer not in prefixes and longer[:-1] not in latin and longer[:-2] not in latin \
                        and longer[:-3] not in latin:
                    break
                if not _GAP_OK.fullmatch(folded, last.end(), following.start()):
                    break
                joined, last = longer, following
                for stem in _stems(joined):
                    key = latin.get(stem)
                    if key is not None:
                        hits.append(CueHit(m.start(), following.end(), key))
                        break

    def _token_key(self, token: str) -> str | None:
        """The key one token stands for: a cue or its stem, else a near spelling of a long name.
        Remembered for the life of the index (a newsroom's vocabulary repeats from text to text)."""
        key = None
        for stem in _stems(token):
            key = self.latin.get(stem)
            if key is not None:
                break
        else:
            if len(token) >= FUZZY_MIN_LENGTH:
                key = self._fuzzy(token)
        if len(self.token_keys) < 200_000:
            self.token_keys[token] = key
        return key

    def _fuzzy(self, token: str) -> str | None:
        bucket = self.latin_fuzzy.get(token[0])
        if not bucket:
            return None
        # fuzz.ratio >= 80 needs an edit (insert/delete) distance of at most a fifth of both lengths, and
        # every character in one word but not the other costs at least one edit: most words fail this
        # cheap test; the few left are measured exactly, with a margin, and only a real near-spelling
        # ("Nvidea", "Deepseak") loads rapidfuzz, which decides as before
        mask, size, masks = _char_mask(token), len(token), self.fuzzy_masks
        near = [k for k in bucket if abs(len(k) - size) <= 2
                and (mask ^ masks[k]).bit_count() <= (len(k) + size) // 5]
        near = [k for k in near if 5 * _indel_distance(token, k) <= len(k) + size + 1]
        if not near:
            return None
        from rapidfuzz import fuzz, process

        best = process.extractOne(token, near, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        return best[0] if best else None


def _indel_distance(a: str, b: str) -> int:
    """Insertions and deletions that turn a into b (the distance fuzz.ratio is built on)."""
    previous = [0] * (len(b) + 1)
    for ca in a:
        current = [0]
        for j, cb in enumerate(b):
            current.append(previous[j] + 1 if ca == cb else max(previous[j + 1], current[j]))
        previous = current
    return len(a) + len(b) - 2 * previous[-1]


def _char_mask(word: str) -> int:
    """The set of characters of a folded Latin word ([a-z0-9]) as bits."""
    mask = 0
    for ch in word:
        mask |= 1 << (ord(ch) - 48)
    return mask


def _synonym_families() -> dict[str, tuple[str, ...]]:
    """Cue key -> the words of its synonym family (dsfact/lang/synonyms.words)."""
    from dsfact.lang import load_words

    out: dict[str, tuple[str, ...]] = {}
    for table in load_words("synonyms", frozenset(("words",))).values():
        words = table.get("words", ())
        for word in words:
            out.setdefault(_cue_key(word, word.lower())[0], words)
    return out


_PRODUCTS: frozenset[str] | None = None


def _product_words() -> frozenset[str]:
    """Cue keys of things made and counted: the [gpu] family of dsfact/lang/synonyms.words."""
    global _PRODUCTS
    if _PRODUCTS is None:
        from dsfact.lang import load_words

        words = load_words("synonyms", frozenset(("words",))).get("gpu", {}).get("words", ())
        _PRODUCTS = frozenset(_cue_key(w, w.lower())[0] for w in words)
    return _PRODUCTS


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
    for m in _BOUNDARY.finditer(text):  # only where a sentence may end: one regex pass, not a loop per character
        i = m.start()
        ch = text[i]
        new_paragraph = False
        if ch == "\n":
            j = i + 1
            while j < n and text[j] in " \t\r":
                j += 1
            if j < n and text[j] == "\n":
                new_paragraph = True
        elif ch == ".":
            j = i + 1
            while j < n and text[j] in " \t":
                j += 1
            word = _WORD_BEFORE.search(text, max(0, i - 8), i)
            abbreviation = word is not None and word.group(1).lower() in _ABBREVIATIONS
            if not (j >= n or (not abbreviation and (text[j].isupper() or _CJK.match(text[j]) or text[j] in "\"“("))):
                continue
        if text[start:i + 1].strip():
            sentences.append(Sentence(start, i + 1, paragraph))
        start = i + 1
        if new_paragraph:
            paragraph += 1
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
        self.hits = self._longest_names(self.index.find(self.folded)) if self.sentences else []
        self._hit_starts = [h.start for h in self.hits]
        self._marks = self._all_marks = [m.start() for m in _CLAUSE.finditer(text)]  # clause boundaries, in order
        self._dates: dict[int, list[Quantity]] = {}
        self._quantities: list[Quantity] | None = None
        self._quantity_starts: list[int] = []
        self._reader = None
        self.year: int | None = None  # the document's year, where its date is known

    def _longest_names(self, hits: list[CueHit]) -> list[CueHit]:
        """Drop cue hits inside a longer name: "Nasdaq" in "Nasdaq 100", "纳斯达克" in "纳斯达克100指数",
        "Llama" (a near spelling of "Llama 4") in "Llama 3" (hits come sorted by start, longest first)."""
        out: list[CueHit] = []
        reach, reach_end = None, -1
        for hit in hits:
            if reach is not None and hit.end <= reach_end and (hit.start, hit.end) != (reach.start, reach.end):
                continue
            out.append(hit)
            if hit.end > reach_end and any(role in (ENTITY, SUBJECT) for _, role in self.roles_of(hit)):
                reach, reach_end = hit, hit.end
        return out

    def reader(self):
        """The roles and time words of this text's figures (dsfact.roles), read once."""
        if self._reader is None:
            from dsfact.roles import FigureReader

            def sentence_span(pos: int) -> tuple[int, int]:
                s = self.sentences[self.sentence_of(pos)]
                return s.start, s.end

            self._reader = FigureReader(self.folded, self._quantities or [], self._marks, sentence_span)
        return self._reader

    def _governs(self, q: Quantity, hit: CueHit, hits: list[CueHit], family: frozenset[int]) -> bool:
        """Whether a name before figure q is its subject: no other figure stands between them ("OpenAI
        charges $7.50, making it 98% cheaper"), it is no mere comparison ("比OpenAI便宜98%"), and it does
        not just qualify the metric's noun ("Nvidia GPUs", "英伟达GPU数量")."""
        from dsfact.roles import is_comparison

        if self._figure_between(q, hit):
            return False
        possessive = self.folded.startswith(("'s", "’s", "的"), hit.end) or \
            self.folded.endswith(("'s", "’s"), hit.start, hit.end)  # "Meta's shares" are Meta's
        for other in hits:
            if not possessive and hit.end <= other.start <= hit.end + MODIFIER_GAP and other.end <= q.start \
                    and self._is_product(other) \
                    and any(role == METRIC and ci in family for ci, role in self.roles_of(other)):
                return False
        return not is_comparison(self.folded, hit.start, hit.end)

    def _without_restatement_brackets(self, quantities: list[Quantity]) -> list[int]:
        """Clause boundaries, less the brackets around a figure's restatement: "a €200 billion (about $208
        billion) plan" and "1500亿欧元（约1560亿美元）的计划" are one clause each."""
        ends = {x.end for x in quantities}
        text, drop = self.text, set()
        for x in quantities:
            lead = text[max(0, x.start - 16):x.start]  # "(about ", "（约合"
            at = max(lead.rfind("("), lead.rfind("（"))
            if at < 0 or any(c.isdigit() for c in lead[at:]):
                continue
            at += x.start - len(lead)
            before = at - 1
            while before >= 0 and text[before] in " \u3000":
                before -= 1
            close = x.end
            while close < len(text) and text[close] in " \u3000":
                close += 1
            if before + 1 in ends and close < len(text) and text[close] in ")）":
                drop.update((at, close))
        return [m for m in self._all_marks if m not in drop] if drop else self._all_marks

    def _is_product(self, hit: CueHit) -> bool:
        """Whether a metric word names a thing a company makes (GPUs, H800s, 芯片): a name right before it
        qualifies it ("Nvidia GPUs") rather than being the subject; a verb ("Llama 3.1 took") does not."""
        word = self.folded[hit.start:hit.end]
        return any(c.isdigit() for c in word) or _cue_key(word, word)[0] in _product_words()

    def _figure_between(self, q: Quantity, hit: CueHit) -> bool:
        """Whether another figure stands between a word and q (the word then belongs to that figure)."""
        a, b = (hit.end, q.start) if hit.end <= q.start else (q.end, hit.start)
        lo = bisect.bisect_left(self._quantity_starts, a)
        return lo < len(self._quantity_starts) and self._quantity_starts[lo] < b

    def _shadowed(self, q: Quantity, hit: CueHit, claim: Claim) -> bool:
        """Whether another figure of q's unit stands between a metric word and q: the word governs that
        figure ("市值蒸发5890亿美元，收盘报118.42美元": 市值 is not 118.42's)."""
        if not self._quantity_starts:
            return False
        a, b = (hit.end, q.start) if hit.end <= q.start else (q.end, hit.start)
        lo = bisect.bisect_left(self._quantity_starts, a)
        hi = bisect.bisect_left(self._quantity_starts, b)
        clause = bisect.bisect_right(self._marks, hit.start)
        return any(x.unit == q.unit and x is not q and x.end <= b
                   and bisect.bisect_right(self._marks, x.start) == clause and self._could_state(x, claim)
                   for x in self._quantities[lo:hi])

    def _could_state(self, x: Quantity, claim: Claim) -> bool:
        """Whether figure x's role and time allow the claim (a figure that cannot state it does not take
        the claim's metric word from the figures after it: "from $39 billion in 2024 to $65 billion")."""
        from dsfact.roles import fits, time_fits

        reader = self.reader()
        if not fits(claim.kind, reader.roles(x)):
            return False
        return not claim.time or time_fits(claim.time, reader.times(x), self.year)

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
        crossings = bisect.bisect_left(self._marks, b) - bisect.bisect_left(self._marks, a)
        if crossings and weight != 1.0 and q.unit != "date":  # "1月20日，DeepSeek發布R1": a date leads its clause
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
        family = self.index.family(q.unit)
        if not family:
            return []
        claims = self.registry.claims
        subject_d: dict[int, float] = {}
        metric_d: dict[int, float] = {}
        excluded: set[int] = set()
        entity_d = float("inf")
        if quantities is not None and self._quantities is not quantities:
            self._quantities = quantities
            self._quantity_starts = [x.start for x in quantities]  # in text order
            self._reader = None
            self._marks = self._without_restatement_brackets(quantities)
        respectively = self._says_respectively(sentence)
        exclusions: list[tuple[CueHit, int]] = []
        subject_before: set[int] = set()
        named_before = False  # another body is named before the figure
        # "Meitu rose 16.3%, Kingsoft Cloud 11.2%": a clause that names its own subject before the figure
        # shares the verb of the clause before it
        clause_start = self._marks[bisect.bisect_right(self._marks, q.start) - 1] if self._marks and \
            self._marks[0] < q.start else sentence.start
        own_subject = any(clause_start <= h.start and h.end <= q.start and any(
            role == SUBJECT and ci in family for ci, role in self.roles_of(h)) for h in hits)
        for hit in hits:
            d = self.distance(q, hit)
            other_subject = ours = False
            for ci, role in self.roles_of(hit):
                if role == ENTITY:
                    entity_d = min(entity_d, d)
                    named_before = named_before or hit.end <= q.start
                    continue
                if ci not in family:
                    other_subject = other_subject or role == SUBJECT
                    continue
                ours = ours or role in (SUBJECT, METRIC)
                if role == SUBJECT:
                    subject_d[ci] = min(subject_d.get(ci, float("inf")), d)
                    if hit.end <= q.start:
                        subject_before.add(ci)
                elif role == METRIC:
                    if not respectively and not own_subject and self._shadowed(q, hit, self.registry.claims[ci]):
                        continue
                    metric_d[ci] = min(metric_d.get(ci, float("inf")), d)
                elif role == EXCLUDE and d <= EXCLUDE_REACH and not self._figure_between(q, hit):
                    exclusions.append((hit, ci))
            if other_subject and not ours and hit.end <= q.start and self._governs(q, hit, hits, family):
                # "Meta's Llama 3 was trained on 16,384 GPUs": the nearest name before a figure is its
                # subject, even when it is registered only for figures of another kind
                entity_d = min(entity_d, d)
                named_before = True
        for hit, ci in exclusions:
            # "2,048 H800 GPUs to train, while GPT-4o used 25,000 GPUs": H800 is not GPT-4o's
            a, b = (hit.end, q.start) if hit.end <= q.start else (q.end, hit.start)
            if not any(a <= h.start and h.end <= b and (ci, SUBJECT) in self.roles_of(h) for h in hits):
                excluded.add(ci)
        self._respectively(q, quantities, sentence, hits, subject_d)
        missing = [ci for ci in metric_d if ci not in subject_d and ci not in excluded]
        if missing and not self._named_before(q, sentence, hits, family) and not self._turns_away(q, sentence):
            self._borrow_subject(q, si, missing, subject_d, family)
        out = []
        roles = self.reader().roles(q) if self._quantities else frozenset()
        for ci, md in metric_d.items():
            if ci in excluded or ci not in subject_d or subject_d[ci] == INF or md == INF:
                continue
            claim = claims[ci]
            if not self._fits(q, claim, roles, sentence):
                continue
            if subject_d[ci] > entity_d:
                continue  # a figure nearer another company or body is not this claim
            if named_before and ci not in subject_before and subject_d[ci] < SENTENCE_PENALTY:
                continue  # "Alibaba cut prices by 85% in response to DeepSeek": the name before is the subject
            out.append(Candidate(claim, subject_d[ci], md, weak=self._weak(q, subject_d[ci], md)))
        if not out:
            return out
        nearest = min(c.subject_distance for c in out)

        def rank(c: Candidate):
            directions = {st.direction for st in c.claim.statements if st.direction}
            against = bool(q.direction and directions and q.direction not in directions)
            # the nearest subject first; among its claims a rise goes to a rise claim, if there is one
            return (c.subject_distance > nearest + SAME_SUBJECT, against, c.score, c.claim.line)

        out.sort(key=rank)
        return out

    def _fits(self, q: Quantity, claim: Claim, roles: frozenset[str], sentence: Sentence) -> bool:
        """Whether figure q can state this claim at all: its role fits the claim's kind ("stands at $2.9
        trillion" is no loss), its rate has the claim's base ("$2 per GPU hour" is no total cost), and
        its time is the claim's ("last year", "on Wednesday", "over five years" against one day)."""
        from dsfact.roles import fits, time_fits

        if roles and not fits(claim.kind, roles):
            return False
        if q.per is not None and (claim.per is None or q.per.unit.lower() != claim.per.unit.lower()):
            return False
        if claim.time:
            tags = self.reader().times(q) if self._quantities else ()
            # a figure placed by its own date ("$39 billion in 2024") answers to it; others to the sentence's
            if not any(t.startswith("date:") for t in tags) and not self._time_fits(claim.time, sentence):
                return False
            if not time_fits(claim.time, tags, self.year):
                return False
        return True

    def _weak(self, q: Quantity, subject_distance: float, metric_distance: float) -> bool:
        """A binding too loose to contradict: the subject borrowed from an earlier sentence while the metric
        word does not stand next to the figure (a "Label: value" line or "cost $6 million" keeps it)."""
        return subject_distance >= SENTENCE_PENALTY and metric_distance > WEAK_METRIC

    def clause_of(self, q: Quantity) -> tuple[int, int] | None:
        """The clause figure q stands in (its sentence and the clause boundaries before it), or None in a
        sentence that says "respectively", where one clause may state several figures of a kind."""
        si = self.sentence_of(q.start)
        if self._says_respectively(self.sentences[si]):
            return None
        return si, bisect.bisect_right(self._marks, q.start)

    def _says_respectively(self, sentence: Sentence) -> bool:
        words = self.folded[sentence.start:sentence.end]
        return any(word in words for word in _RESPECTIVELY)

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

    def _turns_away(self, q: Quantity, sentence: Sentence) -> bool:
        from dsfact.roles import turns_away

        return turns_away(self.folded, sentence.start, q.start)

    def _borrow_subject(self, q: Quantity, si: int, missing: list[int], subject_d: dict[int, float],
                        family: frozenset[int]) -> None:
        """"It was trained on 2,560 chips.": take the subject named most recently before the sentence,
        a few sentences (and at most two paragraph breaks) back. Names that cannot be the subject of a
        figure of this kind ("2,048 Nvidia H800s" in a list about a model) do not stop the search."""
        here = self.sentences[si].paragraph
        for back in range(si - 1, max(si - 1 - LOOKBACK_SENTENCES, -1), -1):
            earlier = self.sentences[back]
            breaks = here - earlier.paragraph
            if breaks > LOOKBACK_PARAGRAPHS:
                return
            named = False
            for hit in self.hits_in(earlier.start, earlier.end):
                for ci, role in self.roles_of(hit):
                    if role == ENTITY or (role == SUBJECT and ci in family):
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
            if self._quantities is not None:  # the text's own figures: the text is not read twice
                lo = bisect.bisect_left(self._quantity_starts, sentence.start)
                hi = bisect.bisect_left(self._quantity_starts, sentence.end)
                found = [x for x in self._quantities[lo:hi] if x.end <= sentence.end]
                taken = [(x.start - sentence.start, x.end - sentence.start) for x in found]
            else:
                found = parse_quantities(words)
                taken = [(x.start, x.end) for x in found]
            dates = [str(q.value) for q in found if q.unit == "date"]
            for m in _YEAR.finditer(words):  # "for 2023", "CES 2025": a year the engine does not call a date
                if not any(a <= m.start() < b for a, b in taken):
                    dates.append(m.group())
            self._dates[sentence.start] = dates
        return not dates or any(dates_agree(d, time) for d in dates)

    def variant_distance(self, q: Quantity, claim_index: int) -> float:
        """How near the figure a word of this claim's variant sits ("一度", "收盘"); INF when none does."""
        sentence = self.sentences[self.sentence_of(q.start)]
        near = INF
        for hit in self.hits_in(sentence.start, sentence.end):
            if (claim_index, VARIANT) in self.roles_of(hit):
                near = min(near, self.distance(q, hit))  # clause-aware, as for subjects
        return near

"""The cue words of a registry, indexed so that one pass over a text finds them all (subjects, metric
words, exclusions, variants, entities), with near spellings of long names."""
from __future__ import annotations

import re
from itertools import compress, repeat
from operator import is_not

from dsfact.fold import fold_text, has_han
from dsfact.matching.memo import held_for
from dsfact.model import Registry, record
from dsfact.numbers.patterns import lazy
from dsfact.numbers.quantity import PEGGED
from dsfact.numbers.words import is_money

SUBJECT, METRIC, EXCLUDE, VARIANT, ENTITY = "subject", "metric", "exclude", "variant", "entity"
VERSION = "\x00version"  # the key of a model's name with a version after it: an entity (dsfact.matching.versions)
FUZZY_MIN_LENGTH = 5  # a word shorter than this is no misspelt name
FUZZY_MIN_NAME = 6  # a name of five letters is one letter off a word: "topic" is no TOPIX, "apply" no Apple
FUZZY_SCORE = 80
MAX_CUE_TOKENS = 5

_TOKEN = re.compile(r"[a-z0-9]+")
_GAP_OK = re.compile(r"[\s\-_.&/'’]{0,2}|\s+&\s+")  # "S&P", "S & P": an ampersand spaced out joins too
# between two digits only a version's own mark joins: "V3.2" is a name, "V3 2,048" (or a table's "V3" over
# "2,048") is a name and a figure
_VERSION_GAP = re.compile(r"[\-_.]")
# ... and a single space before a size tag, digits then letters: "Llama 3.1 405B" is one name (another member of
# the Llama family, the 405B model alone), not "Llama 3.1" and a figure; "V3 2,048" still parts at the space
_SIZE_GAP = lazy(r"[ \-_.]")
_SIZE_TAG = lazy(r"\d+[a-z]+")
_DURATIONS = ("day", "week", "month", "year")
_NOTHING = re.compile("(?!)")
_DULL = (None, False)  # a token that is no cue and begins none (shared: told apart by identity)


def _joins(folded: str, last: int, following_start: int, before: str, word: str):
    """Whether the gap folded[last:following_start] joins the token before it (ending in `before`) to `word`
    in one cue: between two digits a version's mark or a space before a size tag, else _GAP_OK."""
    if before.isdigit() and word[0].isdigit():
        return _VERSION_GAP.fullmatch(folded, last, following_start) \
            or _SIZE_TAG.fullmatch(word) and _SIZE_GAP.fullmatch(folded, last, following_start)
    return _GAP_OK.fullmatch(folded, last, following_start)


@record
class CueHit:
    """Where a cue matched: text[start:end], and the folded cue (a named tuple, as dsfact.model's
    records: a dataclass costs a millisecond or more to create at import, on every run)."""

    start: int
    end: int
    cue: str


_hit = tuple.__new__  # a CueHit made from a tuple directly: a named tuple's own __new__ is Python code
_START, _GROUP = re.Match.start, re.Match.group


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


def is_cjk(char: str) -> bool:
    """Whether a character is a Chinese one (CJK Unified Ideographs, Extension A, Compatibility).

    A comparison, not a regex: a character class of these ranges costs milliseconds to compile."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def has_cjk(text: str) -> bool:
    """Whether a short text (a word) holds a Chinese character (is_cjk, without a call per character)."""
    if text.isascii():
        return False
    for char in text:
        if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":
            return True
    return False


def _cue_key(cue: str, folded: str | None = None) -> tuple[str, bool]:
    """The folded form a cue is looked up by, and whether it is matched as Chinese text."""
    if folded is None:
        folded = fold_text(cue.strip())
    if has_cjk(folded):
        return folded, True
    return "".join(_TOKEN.findall(folded)), False


class CueIndex:
    """Every cue of a registry, indexed so that one pass over a text finds them all."""

    def __init__(self) -> None:
        self.roles: dict[str, list[tuple[int, str]]] = {}  # key -> [(claim index, role)]
        self.latin: dict[str, str] = {}  # stem -> key
        self.latin_fuzzy: dict[str, list[str]] = {}  # first letter -> long keys
        self.cjk_by_prefix: dict[str, list[str]] = {}
        self.claims_by_unit: dict[str, list[int]] = {}
        self.units: list[frozenset[str]] = []  # claim index -> its unit and its statements' (the yuan of a dollar price)
        self.groups: dict[str, list[int]] = {}
        self.folded: dict[str, str] = {}
        self.position: dict[str, int] = {}  # claim id -> claim index
        # Built once, so that the work per text does not grow with the registry:
        self.latin_prefixes: set[str] = set()  # every prefix of a stem: when to stop joining tokens
        self.cjk_singles: frozenset[str] = frozenset()  # one-character Chinese cues
        self._cjk_starts: re.Pattern | None = None  # the first characters of Chinese cues, when first needed
        self.fuzzy_masks: dict[str, int] = {}  # long key -> the set of its characters, as bits
        self.families: dict[str, frozenset[int]] = {}  # a figure's unit -> claims it may state
        self.prices: frozenset[int] = frozenset()  # claims of a price per unit, in a currency
        self.point_levels: frozenset[int] = frozenset()  # claims of an index level, which a bare figure may state
        self.token_keys: dict[str, tuple[str | None, bool]] = {}  # token -> _token_key's answer
        self.readings: dict[tuple[str, str], tuple] = {}  # (cue, unit) -> reading(cue, unit)
        self._by_role: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
        self._names: dict[str, bool] = {}
        self._directions: dict[str, frozenset[str]] = {}  # claim id -> directions(claim)
        self._variants: dict[str, frozenset[int]] = {}  # cue key -> variants_of(key)
        self._naming: dict[str, tuple] = {}  # cue key -> naming(key)
        self.members: list[tuple[frozenset[str], frozenset[str]]] | None = None  # dsfact.matching.bodies.members

    @classmethod
    def build(cls, registry: Registry) -> "CueIndex":
        index = cls()
        index._index_words(registry)
        index._index_claims(registry)
        return index

    def _index_words(self, registry: Registry) -> None:
        """Index every cue word of the registry's claims (with their synonym families) and entities."""
        folded = registry.folded_cues
        families = _synonym_families()
        keys: dict[str, tuple[str, bool]] = {}  # cue -> its key: a registry repeats its cues from claim to claim
        family_keys: dict[str, tuple[str, bool]] = {}  # family words are written folded
        add = self._add
        for i, claim in enumerate(registry.claims):
            for role, cues in ((SUBJECT, claim.subject_cues), (METRIC, claim.metric_cues),
                               (EXCLUDE, claim.exclude_cues), (VARIANT, claim.variant_cues)):
                brought: list[str] = []
                for cue in cues:
                    key = keys.get(cue)
                    if key is None:
                        key = keys[cue] = _cue_key(cue, folded.get(cue))
                    add(key, i, role)
                    family = families.get(key[0]) if role == METRIC else None
                    if family:
                        brought += family
                for word in dict.fromkeys(brought):
                    key = family_keys.get(word)
                    if key is None:
                        key = family_keys[word] = _cue_key(word, word.lower())
                    add(key, i, role)
        for entries in self.roles.values():  # a word both the subject and an exclude word of one claim ("V3"
            if len(entries) > 1:  # among a shared list of DeepSeek's names, for R1's price) names no subject of it
                ruled = {ci for ci, role in entries if role == EXCLUDE}
                if ruled:
                    entries[:] = [(ci, role) for ci, role in entries if role != SUBJECT or ci not in ruled]
        for cue in registry.entities:
            add(_cue_key(cue, folded.get(cue)), -1, ENTITY)
        self.roles[VERSION] = [(-1, ENTITY)]  # "V3.1": another version of a model
        self.latin_prefixes = {stem[:k] for stem in self.latin for k in range(1, len(stem) + 1)}

    def _index_claims(self, registry: Registry) -> None:
        """Index the claims themselves: their positions, units, groups, prices and levels (the word part,
        `_index_words`, may come from the cache instead: dsfact.matching.cuecache)."""
        self.folded = registry.folded_cues
        self.position = {claim.id: i for i, claim in enumerate(registry.claims)}
        for i, claim in enumerate(registry.claims):
            units = frozenset({claim.unit} | {st.unit for st in claim.statements})
            self.units.append(units)
            for unit in units:
                self.claims_by_unit.setdefault(unit, []).append(i)
            if claim.group:
                self.groups.setdefault(claim.group, []).append(i)
        self.prices = frozenset(i for i, c in enumerate(registry.claims) if c.per is not None and is_money(c.unit))
        self.point_levels = frozenset(i for i in self.claims_by_unit.get("point", ())
                                      if registry.claims[i].kind == "level")
        self.cjk_singles = frozenset(k for k in self.cjk_by_prefix if len(k) == 1)

    def family(self, unit: str) -> frozenset[int]:
        """The claims a figure in `unit` may state (a percentage may state a ratio and back)."""
        found = self.families.get(unit)
        if found is None:
            # "5% of GPT-4o's cost" states a ratio ("a fifth of its value" or "30 times cheaper" is no percentage
            # move or saving); a sum in 港元 states a claim recorded in US dollars, judged at the peg (PEGGED)
            units = [unit] + (["ratio"] if unit == "pct" else []) + [b for a, b in PEGGED if a == unit]
            if unit in _DURATIONS:  # "two months" may state a claim in days
                units = list(_DURATIONS)
            found = frozenset(i for u in units for i in self.claims_by_unit.get(u, ()))
            if unit == "count":  # "the Dow closed at 44,713.58": a level in index points, written bare
                found |= self.point_levels
            if is_money(unit):  # a price in yuan may be about a price recorded in dollars only: bound
                found |= self.prices  # by its words as any price, judged only against a yuan statement
            self.families[unit] = found
        return found

    def claims_by_role(self, key: str) -> tuple[frozenset[int], frozenset[int]]:
        """The claims a cue is a metric word of, and those it is a subject word of."""
        found = self._by_role.get(key)
        if found is None:
            entries = self.roles.get(key, ())
            found = self._by_role[key] = (frozenset(ci for ci, role in entries if role == METRIC),
                                          frozenset(ci for ci, role in entries if role == SUBJECT))
        return found

    def reading(self, cue: str, unit: str) -> tuple:
        """A cue's roles for claims of figures in `unit` (and as an entity), whether it names only subjects
        of other kinds of figure, whether it names a subject of this kind, and the same roles by kind:
        whether it is an entity, and the claims it is a subject, metric and exclude word of (each in the
        order of the roles); once per registry."""
        key = (cue, unit)
        found = self.readings.get(key)
        if found is None:
            roles, other_subject, ours, family = [], False, False, self.family(unit)
            for ci, role in self.roles.get(cue, ()):
                if role == ENTITY:
                    roles.append((ci, role))
                elif ci not in family:
                    other_subject = other_subject or role == SUBJECT
                elif role in (SUBJECT, METRIC, EXCLUDE):
                    ours = ours or role != EXCLUDE
                    roles.append((ci, role))

            def of(kind: str) -> tuple[int, ...]:
                return tuple(ci for ci, role in roles if role == kind)

            found = self.readings[key] = (tuple(roles), other_subject and not ours, bool(of(SUBJECT)),
                                          any(r == ENTITY for _, r in roles), of(SUBJECT), of(METRIC), of(EXCLUDE))
        return found

    def naming(self, key: str) -> tuple[bool, tuple[int, ...]]:
        """Whether a cue names a company or body (an entity), and the claims it names the subject of, in
        the order of its roles; once per cue."""
        found = self._naming.get(key)
        if found is None:
            roles = self.roles.get(key, ())
            found = self._naming[key] = (any(role == ENTITY for _, role in roles),
                                         tuple(ci for ci, role in roles if role == SUBJECT))
        return found

    def variants_of(self, key: str) -> frozenset[int]:
        """The claims a cue is a variant word of ("一度", "收盘"); once per cue."""
        found = self._variants.get(key)
        if found is None:
            found = self._variants[key] = frozenset(ci for ci, role in self.roles.get(key, ()) if role == VARIANT)
        return found

    def directions(self, claim) -> frozenset[str]:
        """The directions (rise, fall) a claim's statements give; once per claim."""
        found = self._directions.get(claim.id)
        if found is None:
            found = self._directions[claim.id] = frozenset(st.direction for st in claim.statements if st.direction)
        return found

    def names(self, key: str) -> bool:
        """Whether a cue names someone or something: a subject or an entity."""
        found = self._names.get(key)
        if found is None:
            found = self._names[key] = any(role in (ENTITY, SUBJECT) for _, role in self.roles.get(key, ()))
        return found

    def _add(self, cue_key: tuple[str, bool], claim_index: int, role: str) -> None:
        """Index one cue (by its `_cue_key`) as a word of `role` for claim `claim_index` (-1: an entity)."""
        key, cjk = cue_key
        if not key:
            return
        # No search through lists here: a cue such as "revenue" may serve thousands of claims.
        entries = self.roles.get(key)
        if entries is None:
            entries = self.roles[key] = []
            if cjk:
                self.cjk_by_prefix.setdefault(key[:2], []).append(key)
            else:
                for stem in _stems(key):
                    self.latin.setdefault(stem, key)
        k = len(entries) - 1
        while k >= 0 and entries[k][0] == claim_index:  # claims are added in order: a repeat is at the end
            if entries[k][1] == role:
                break
            k -= 1
        else:
            entries.append((claim_index, role))
        if not cjk and len(key) >= FUZZY_MIN_NAME and role in (SUBJECT, ENTITY) and key not in self.fuzzy_masks:
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
        if not prefixes or not has_han(folded):  # a Chinese cue is found only where Chinese is written
            return
        if self._cjk_starts is None:
            self._cjk_starts = _starts_pattern(prefixes)
        singles, get, starts, add = self.cjk_singles, prefixes.get, folded.startswith, hits.append
        for pos in map(_START, self._cjk_starts.finditer(folded)):  # only where a Chinese cue can begin
            bucket = get(folded[pos:pos + 2])
            if bucket:
                for key in bucket:
                    if starts(key, pos):
                        add(_hit(CueHit, (pos, pos + len(key), key)))
            char = folded[pos]
            if char in singles:  # one-character cues
                for key in prefixes[char]:
                    if starts(key, pos):
                        add(_hit(CueHit, (pos, pos + len(key), key)))

    def _find_latin(self, folded: str, hits: list[CueHit]) -> None:
        latin, prefixes, token_keys = self.latin, self.latin_prefixes, self.token_keys
        tokens = list(_TOKEN.finditer(folded))  # one pass: each token's span is asked only of a cue's
        words = list(map(_GROUP, tokens))
        count = len(words)
        known = list(map(token_keys.get, words))
        # only the tokens that are a cue or may begin one (or are new) are looked at one by one
        for i in compress(range(count), map(is_not, known, repeat(_DULL))):
            found = known[i]
            if found is None:
                found = self._token_key(words[i])
                if found is _DULL:
                    continue
            key, joins = found
            start, end = tokens[i].span()
            if key:
                hits.append(_hit(CueHit, (start, end, key)))
            if not joins:
                continue  # no cue of several tokens ("cost to train", "GPT 4o") begins with this one
            joined, last = words[i], end
            for j in range(i + 1, min(i + MAX_CUE_TOKENS, count)):
                longer = joined + words[j]
                # go on only while the tokens joined so far begin a stem, or are one once a suffix is cut
                if longer not in prefixes and longer[:-1] not in latin and longer[:-2] not in latin \
                        and longer[:-3] not in latin:
                    break
                following_start, following_end = tokens[j].span()
                if not _joins(folded, last, following_start, joined[-1], words[j]) \
                        or folded.count("\n", last, following_start) > 1:  # "## DeepSeek" over "V3's cost": two blocks
                    break
                joined, last = longer, following_end
                for stem in _stems(joined):
                    key = latin.get(stem)
                    if key is not None:
                        hits.append(_hit(CueHit, (start, following_end, key)))
                        break

    def _token_key(self, token: str) -> tuple[str | None, bool]:
        """The key one token stands for (a cue or its stem, else a near spelling of a long name), and
        whether a cue of several tokens may begin with it. Remembered for the life of the index (a
        newsroom's vocabulary repeats from text to text)."""
        key = None
        for stem in _stems(token):
            key = self.latin.get(stem)
            if key is not None:
                break
        else:
            if len(token) >= FUZZY_MIN_LENGTH:
                key = self._fuzzy(token)
        # a cue of several tokens may begin with it when it begins a stem, or is one once the next
        # token and a cut suffix are joined to it ("gpt" + "s", "openai" + "s"): else joining breaks at once
        latin = self.latin
        joins = token in self.latin_prefixes or token[:-1] in latin or token[:-2] in latin
        known = (key, joins) if key or joins else _DULL
        if len(self.token_keys) < 200_000:
            self.token_keys[token] = known
        return known

    def _fuzzy(self, token: str) -> str | None:
        bucket = self.latin_fuzzy.get(token[0])
        if not bucket:
            return None
        # fuzz.ratio >= 80 needs an edit (insert/delete) distance of at most a fifth of both lengths, and
        # every character in one word but not the other costs at least one edit: most words fail this
        # cheap test; the few left are measured exactly, with a margin, and only a real near-spelling
        # ("Nvidea", "Deepseak") loads rapidfuzz, which decides as before
        mask, size, masks = _char_mask(token), len(token), self.fuzzy_masks
        near = [k for k in bucket if abs(len(k) - size) <= 1  # a typo drops, adds or swaps a letter: "together" is no "Tether"
                and _ends_alike(k, token) and (mask ^ masks[k]).bit_count() <= (len(k) + size) // 5]
        near = [k for k in near if 5 * _indel_distance(token, k) <= len(k) + size + 1
                and not any(token.endswith(e) and not k.endswith(e) for e in _INFLECTIONS)]
        if not near:
            return None
        from rapidfuzz import fuzz, process

        best = process.extractOne(token, near, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        return best[0] if best else None


def _ends_alike(key: str, token: str) -> bool:
    """Whether a near spelling keeps a name's end: the same last letter (a typo inside the word: "Nvidea" is Nvidia),
    or the name cut by its last letter or grown by one ("DeepSee", "LLaMA" for Llama 3); "minimal" is no "MiniMax"."""
    return key[-1] == token[-1] or key[:-1] == token or token[:-1] == key


def _starts_pattern(cjk_by_prefix: dict[str, list[str]]) -> re.Pattern:
    """Where a Chinese cue may begin: at its first character when that is Chinese (and, unless it is a cue
    alone, a character that is some cue's second follows it); when it is a Latin letter ("GPU小時", "SK海力士"),
    only where the letter after it is also a cue's second (one regex pass, not a stop at every "g" and "s" of
    English text)."""
    seconds: dict[str, set[str]] = {}
    for bucket in cjk_by_prefix.values():
        for key in bucket:
            seconds.setdefault(key[0], set()).add(key[1:2])
    if not seconds:
        return _NOTHING
    chinese = [c for c in seconds if is_cjk(c) or "" in seconds[c]]
    # a Chinese character that is a cue of its own is a place; one that only begins longer cues is one where a
    # character that is some cue's second follows it (half the places of Chinese text, looked up one by one)
    alone = sorted(c for c in chinese if "" in seconds[c])
    leading = sorted(c for c in chinese if "" not in seconds[c])
    parts = ["[" + "".join(map(re.escape, alone)) + "]"] if alone else []
    if leading:
        following = set().union(*(seconds[c] for c in leading))
        parts.append("[" + "".join(map(re.escape, leading)) + "](?=[" + "".join(map(re.escape, sorted(following)))
                     + "])")
    for c in sorted(set(seconds) - set(chinese)):
        parts.append(re.escape(c) + "(?=[" + "".join(re.escape(x) for x in sorted(seconds[c])) + "])")
    return re.compile("|".join(parts))


# a typo of a name does not make it an inflected English word: "started" is no "Stargate"
_INFLECTIONS = ("ed", "ing")


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
    for table in load_words("synonyms").values():
        words = table.get("words", ())
        for word in words:
            out.setdefault(_cue_key(word, word.lower())[0], words)
    return out


_PRODUCTS: frozenset[str] | None = None


def _product_words() -> frozenset[str]:
    """Cue keys of things made and counted: the [gpu] family of dsfact/lang/synonyms.words."""
    global _PRODUCTS
    if _PRODUCTS is None:
        from dsfact.lang import words_of

        words = words_of("synonyms", "gpu")
        _PRODUCTS = frozenset(_cue_key(w, w.lower())[0] for w in words)
    return _PRODUCTS


_INDEXES: dict[int, tuple[Registry, CueIndex]] = {}  # memo.held_for


def cue_index(registry: Registry) -> CueIndex:
    """The cue index of a registry, made once per registry object (its word part kept in the registry cache,
    dsfact.matching.cuecache)."""
    from dsfact.matching.cuecache import cached_index

    return held_for(_INDEXES, registry, cached_index)


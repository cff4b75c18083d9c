"""Another member of a claim's family, told by the words around a name: a registered name followed by
another version number ("Colossus 2", "Grok 2" beside a claim about Grok 3, "Grok-1"), a word of
generation before or after it ("the second Colossus", "第二代Colossus", "Colossus 2号"), or an index's name
that stands for the exchange a stock trades on ("Nasdaq-listed", "在纳斯达克上市的英伟达"). The words live
in dsfact/lang/roles.words ([member], [exchange]); this module holds only the mechanism."""
from __future__ import annotations

import bisect
import re

from dsfact.matching.cues import has_cjk
from dsfact.model import Quantity

# a version number right after a name: "Colossus 2", "Grok-1", "V2.5", "Colossus II"; not a figure
# ("Nvidia 2,048", "xAI 10万块") nor a year ("DeepSeek 2025")
_VERSION = re.compile(r"[ \-]?(\d{1,2}(?:\.\d)?|iii|ii|iv)(?![\d,.]?\d)(?![a-z%])")
# a name that ends with its own version ("grok 3", "deepseek-v3", "r1"): its stem and number
_STEMMED = re.compile(r"^(.*?[^\d\s.\-])[ \-]?(\d{1,2}(?:\.\d)?)$")
AFTER_WEIGHT = 2.0  # a name after a figure is less often its subject than one before it
_WORDS: dict | None = None
_STEMS: dict[int, tuple] = {}


def _words() -> dict:
    """The [member] and [exchange] words of roles.words, as patterns: one for the words that may end the
    text right before a name (an article may stand between), one for those that may open the text right
    after it (Latin words whole)."""
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import load_words
        from dsfact.matching.roles import ROLE_KEYS

        tables = load_words("roles", ROLE_KEYS | {"words"})

        def alternation(words) -> str:
            parts = []
            for w in sorted(set(words), key=len, reverse=True):
                body = r"\s+".join(map(re.escape, w.split()))
                if w.isascii() and w[:1].isalnum():
                    body = r"(?<![a-z0-9])" + body
                if w.isascii() and w[-1:].isalnum():
                    body += r"(?![a-z0-9])"
                parts.append(body)
            return "|".join(parts) or "(?!)"

        def ending(*words) -> re.Pattern:
            return re.compile(rf"(?:{alternation([w for ws in words for w in ws])})(?:\s+(?:the|a|an))?\s*$")

        member, exchange = tables.get("member", {}), tables.get("exchange", {})
        after = member.get("after", ())
        _WORDS = {"before": ending(member.get("before", ()), exchange.get("before", ())),
                  "exchange-after": re.compile(rf"\s*(?:{alternation(exchange.get('after', ()))})"),
                  # right after a name's number ("Colossus 2号"), or after the name itself: Latin words
                  # ("Colossus II") and Chinese ones of more than one character ("Colossus二代"; 号 and 代
                  # alone only after a number: "马斯克代表" is Musk)
                  "version-after": re.compile(rf"\s*(?:{alternation(after)})"),
                  "cjk-version-after": re.compile(rf"\s*(?:{alternation(member.get('words', ()))})"),
                  "name-after": re.compile(rf"\s*(?:{alternation([w for w in after if w.isascii()])})|"
                                           rf"(?:{alternation([w for w in after if not w.isascii() and len(w) > 1])})")}
    return _WORDS


def _version_after(text, end: int, cue: str) -> bool:
    """Whether a version number or word stands right after the name that ends at `end` ("2" in "Colossus
    2", "Colossus II"): a number the numbers engine does not read as a figure ("xAI 10万块" is a count),
    and after a Chinese name only with a word of generation ("巨像2代"; "马斯克2号表示" is Musk on the 2nd)."""
    folded, words = text.folded, _words()
    m = _VERSION.match(folded, end)
    if m is not None and not (cue[-1:].isdigit() and m.group(1).isdigit()):
        if has_cjk(cue[-1:]):
            return words["cjk-version-after"].match(folded, m.end()) is not None
        marked = words["version-after"].match(folded, m.end()) is not None
        return marked or not m.group(1)[0].isdigit() or not _is_figure(text, m.start(1), m.end(1))
    return words["name-after"].match(folded, end) is not None


def _is_figure(text, start: int, end: int) -> bool:
    """Whether a figure the numbers engine read starts at `start` and runs past `end` ("2日", "10万块")."""
    quantities = text._quantities or ()
    k = bisect.bisect_left(quantities, start, key=lambda x: x.start)
    while k < len(quantities) and quantities[k].start == start:
        if quantities[k].end > end or quantities[k].unit not in ("count", "number"):
            return True
        k += 1
    return False


def _stems(text, ci: int) -> tuple:
    """The stems of claim ci's subject names that end with their own version ("grok" and "3" for "Grok 3"),
    as (stem, number) pairs, and one pattern that finds a stem with any version in folded text."""
    found = _STEMS.get(id(text.registry))
    if found is None or found[0] is not text.registry:
        from dsfact.matching.bodies import _fold

        per_claim = []
        for claim in text.registry.claims:
            own: dict[str, set[str]] = {}
            for cue in claim.subject_cues:
                m = _STEMMED.match(_fold(cue).strip())
                if m is not None and (len(m.group(1)) > 1 or m.group(0)[1:2].isdigit()):
                    own.setdefault(m.group(1), set()).add(m.group(2))
            pattern = None
            if own:
                # a stem of one letter takes its number with no space ("V2", "R2"), not "a v 2"
                stems = "|".join(rf"{re.escape(s)}[ \-]?" if len(s) > 1 else rf"{re.escape(s)}-?"
                                 for s in sorted(own, key=len, reverse=True))
                pattern = re.compile(rf"(?<![a-z0-9])(?P<stem>{stems})"
                                     rf"(?P<n>\d{{1,2}}(?:\.\d)?)(?![\d,.]?\d)(?![a-z%])")
            per_claim.append((own, pattern))
        found = _STEMS[id(text.registry)] = (text.registry, per_claim)
    return found[1][ci]


def _is_own(number: str, own) -> bool:
    """Whether a version number is the claim's own, or a later point release of it ("3.5" beside "3")."""
    return any(number == o or number.startswith(o + ".") for o in own)


def versioned_other(text, q: Quantity, ci: int, names: list) -> bool | None:
    """Whether figure q, bound to claim ci, is about another member of ci's family by the words around
    names in its sentence (True), about ci's own subject (False), or neither is said (None). The name
    nearest q decides: a name of ci's subject that stands for another version or an exchange, or a stem of
    ci's subject with another number ("Grok 2" beside "Grok 3"), is another member; a plain name of ci's
    subject is its own. A sentence that names ci's subject only as another member lends it no firm
    subject either (the subject borrowed from the sentence before)."""
    sentence = text.sentences[text.sentence_of(q.start)]
    cache = _cache(text)
    key = (sentence.start, ci)
    spans = cache.get(key)
    if spans is None:
        spans = cache[key] = _spans(text, ci, names, sentence, cache)
    own_spans, other_spans = spans
    if not other_spans:
        return None
    own_d = min((_distance(q, a, b) for a, b in own_spans), default=float("inf"))
    return min(_distance(q, a, b) for a, b in other_spans) < own_d


def _spans(text, ci: int, names: list, sentence, cache: dict) -> tuple[list, list]:
    """Where sentence names claim ci's own subject, and where another member of its family (the spans of
    those names), for versioned_other; once per sentence and claim."""
    own_spans: list[tuple[int, int]] = []
    other_spans: list[tuple[int, int]] = []
    own, pattern = _stems(text, ci)  # a claim about a versioned model: only that model's name is its own
    # ("xAI" or "Colossus" beside "Colossus 2" names the family, not Grok 3)
    naming = text.index.naming
    for hit, _ in names:
        if ci not in naming(hit.cue)[1]:
            continue
        marked = cache.get(hit)
        if marked is None:
            marked = cache[hit] = _marked(text, hit, sentence.start)
        if marked:
            other_spans.append((hit.start, hit.end))
        elif pattern is None:
            own_spans.append((hit.start, hit.end))
    if pattern is not None:
        found = cache.get((sentence.start, pattern))
        if found is None:
            found = cache[(sentence.start, pattern)] = [
                (m.start(), m.end(), m.group("stem").rstrip(" -"), m.group("n"))
                for m in pattern.finditer(text.folded, sentence.start, sentence.end)]
        if found:
            from dsfact.matching.bodies import alnum, bodies

            compared = bodies(text)[ci]
            for start, end, stem, number in found:
                if alnum(text.folded[start:end]) in compared:
                    continue  # the body the claim compares with ("Grok 3's compute is ten times Grok 2's")
                if _is_own(number, own.get(stem, ())):
                    own_spans.append((start, end))
                elif not _is_figure(text, end - len(number), end):
                    other_spans.append((start, end))
    return own_spans, other_spans


_CACHE: list = [None, {}]  # the text last read, and what was found in it (one text is read at a time)


def _cache(text) -> dict:
    if _CACHE[0] is not text:
        _CACHE[0], _CACHE[1] = text, {}
    return _CACHE[1]


def _marked(text, hit, floor: int) -> bool:
    """Whether the name at `hit` stands for another member or an exchange: a version after it, a word of
    generation or of listing before it, a word of listing after it."""
    folded, words = text.folded, _words()
    return (_version_after(text, hit.end, hit.cue)
            or words["before"].search(folded[max(floor, hit.start - 24):hit.start]) is not None
            or words["exchange-after"].match(folded, hit.end) is not None)


def _distance(q: Quantity, start: int, end: int) -> float:
    if end <= q.start:
        return float(q.start - end)
    if start >= q.end:
        return (start - q.end) * AFTER_WEIGHT
    return 0.0


_BASE: tuple | None = None


def _base_words() -> tuple:
    """The words that open a multiple's base (roles.words [multiple]): a pattern of those after the figure,
    and the Chinese words before it, longest first."""
    global _BASE
    if _BASE is None:
        from dsfact.lang import load_words
        from dsfact.matching.roles import ROLE_KEYS

        table = load_words("roles", ROLE_KEYS | {"words"}).get("multiple", {})
        after = sorted(table.get("after", ()), key=len, reverse=True)
        latin = "|".join(r"\s+".join(map(re.escape, w.split())) for w in after if w.isascii())
        chinese = "|".join(re.escape(w) for w in after if not w.isascii())
        pattern = re.compile("|".join(p for p in (latin and rf"(?<![a-z0-9])(?:{latin})(?![a-z0-9])",
                                                   chinese and rf"^\s*(?:{chinese})") if p) or "(?!)")
        _BASE = (pattern, tuple(sorted(table.get("before", ()), key=len, reverse=True)))
    return _BASE


def other_base(text, q: Quantity, ci: int, start: int, end: int, compared: frozenset[str]) -> bool:
    """Whether the multiple q, in the clause text[start:end], is of another base than claim ci compares
    with: the clause says what it is a multiple of ("four times the power of the old cluster", "是此前集群
    的四倍") and that base names neither the body ci compares with nor one of ci's metric words ("ten times
    the compute of its predecessor" is ci's own). A multiple that names no base is left to its cues."""
    from dsfact.matching.bodies import alnum
    from dsfact.matching.cues import METRIC

    folded = text.folded
    after_words, before_words = _base_words()
    span = None
    m = after_words.search(folded, q.end, end)
    if m is not None:
        span = (m.end(), end)
    else:
        for word in before_words:
            k = folded.rfind(word, start, q.start)
            if k >= 0 and (span is None or k + len(word) > span[0]):
                span = (k + len(word), q.start)
    if span is None or not folded[span[0]:span[1]].strip(" 的'’s,，"):
        return False
    for hit in text.hits_in(*span):
        key = alnum(hit.cue)
        if any(key in b or b in key for b in compared) or any(c == ci and role == METRIC
                                                              for c, role in text.roles_of(hit)):
            return False
    return True


_EARMARK: tuple | None = None
SLICE = 1.5  # a total is at least this many times the slice it holds


def _earmark_words() -> tuple:
    """The words of roles.words [earmark] and [use]: patterns for those right after a figure and right
    before it, and for the words of use after it."""
    global _EARMARK
    if _EARMARK is None:
        from dsfact.lang import load_words
        from dsfact.matching.roles import ROLE_KEYS

        tables = load_words("roles", ROLE_KEYS | {"words"})

        def alternation(words) -> str:
            parts = []
            for w in sorted(words, key=len, reverse=True):
                body = r"\s+".join(map(re.escape, w.split()))
                parts.append(rf"{body}(?![a-z0-9])" if w.isascii() else body)
            return "|".join(parts) or "(?!)"

        earmark = tables.get("earmark", {})
        _EARMARK = (re.compile(rf"\s*(?:{alternation(earmark.get('after', ()))})"),
                    re.compile(rf"(?<![a-z0-9])(?:{alternation(earmark.get('before', ()))})\s*$"),
                    re.compile(rf"\s*(?:{alternation(tables.get('use', {}).get('after', ()))})"))
    return _EARMARK


def earmarked_slice(text, q: Quantity) -> bool:
    """Whether figure q is a slice of a total set aside for one use: an [earmark] word right after or
    before it ("€20 billion earmarked for gigafactories", "拨出200亿欧元"), or a word of use after it
    ("€20 billion for gigafactories", "200亿欧元用于建设超级工厂") beside a larger figure of its unit in its
    sentence or the one before (the total it is part of)."""
    cache = _cache(text)
    found = cache.get(q)
    if found is None:
        found = cache[q] = _earmarked(text, q)
    return found


def _earmarked(text, q: Quantity) -> bool:
    after, before, use = _earmark_words()
    folded = text.folded
    if after.match(folded, q.end) is not None or before.search(folded[max(0, q.start - 24):q.start]) is not None:
        return True
    if use.match(folded, q.end) is None:
        return False
    si = text.sentence_of(q.start)
    start = text.sentences[si - 1].start if si > 0 else text.sentences[si].start
    end = text.sentences[si].end
    value = abs(q.value)
    return any(x.unit == q.unit and x is not q and start <= x.start < end and abs(x.value) >= SLICE * value
               for x in text._quantities or ())

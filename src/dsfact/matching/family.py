"""Another member of a claim's family, told by the words around a name: a registered name followed by
another version number ("Colossus 2", "Grok 2" beside a claim about Grok 3, "Grok-1"), a word of
generation before or after it ("the second Colossus", "第二代Colossus", "Colossus 2号"), or an index's name
that stands for the exchange a stock trades on ("Nasdaq-listed", "在纳斯达克上市的英伟达"). The words live
in dsfact/lang/roles.words ([member], [exchange]); this module holds only the mechanism."""
from __future__ import annotations

import bisect
import re

from dsfact.matching.cues import SUBJECT, has_cjk
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
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import load_words
        from dsfact.matching.roles import ROLE_KEYS

        tables = load_words("roles", ROLE_KEYS | {"words"})

        def split(table: str, key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
            words = sorted(tables.get(table, {}).get(key, ()), key=len, reverse=True)
            return tuple(w for w in words if w.isascii()), tuple(w for w in words if not w.isascii())

        _WORDS = {"member-before": split("member", "before"), "member-after": split("member", "after"),
                  "exchange-before": split("exchange", "before"), "exchange-after": split("exchange", "after")}
    return _WORDS


def _ends_with(before: str, words: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Whether `before` (folded text up to a name) ends with one of the words, Latin ones as whole words
    (an article may stand between: "listed on the Nasdaq")."""
    latin, chinese = words
    if chinese and before.endswith(chinese):
        return True
    tail = before.rstrip()
    for article in (" the", " a", " an"):
        if tail.endswith(article):
            tail = tail[:-len(article)].rstrip()
            break
    tail = " " + tail
    return any(tail.endswith(" " + w) for w in latin)


def _starts_with(after: str, words: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Whether `after` (folded text right after a name or its number) opens with one of the words, Latin
    ones as whole words ("-listed", "II")."""
    latin, chinese = words
    if chinese and after.startswith(chinese):
        return True
    head = after.lstrip(" ")
    return any(head.startswith(w) and not head[len(w):len(w) + 1].isalnum() for w in latin)


def _version_after(text, end: int, cue: str) -> str | None:
    """The version number or word right after the name that ends at `end` ("2" in "Colossus 2"), when it
    is one: not a figure the numbers engine reads ("xAI 10万块"), and after a Chinese name only with a word
    of generation ("巨像2号"). None when no version follows."""
    folded = text.folded
    after = folded[end:end + 16]
    words = _words()
    m = _VERSION.match(after)
    if m is not None and not (cue[-1:].isdigit() and m.group(1).isdigit()):
        rest = after[m.end():]
        marked = _starts_with(rest, words["member-after"])
        if has_cjk(cue[-1:]) and not marked:
            return None
        if not marked and m.group(1)[0].isdigit() and _is_figure(text, end + m.start(1), end + m.end(1)):
            return None
        return m.group(1)
    latin, chinese = words["member-after"]
    if after.startswith(tuple(w for w in chinese if len(w) > 1)) or _starts_with(after, (latin, ())):
        return "*"  # "Colossus二代", "Colossus II" (号, 代 alone only after a number: "马斯克代表" is Musk)
    return None


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
                stems = "|".join(re.escape(s) for s in sorted(own, key=len, reverse=True))
                pattern = re.compile(rf"(?<![a-z0-9])({stems})[ \-]?(\d{{1,2}}(?:\.\d)?)(?![\d,.]?\d)(?![a-z%])")
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
    folded, words = text.folded, _words()
    own_d, other_d = float("inf"), float("inf")
    own, pattern = _stems(text, ci)  # a claim about a versioned model: only that model's name is its own
    # ("xAI" or "Colossus" beside "Colossus 2" names the family, not Grok 3)
    for hit, _ in names:
        if not any(c == ci and role == SUBJECT for c, role in text.roles_of(hit)):
            continue
        d = _distance(q, hit.start, hit.end)
        before = folded[max(sentence.start, hit.start - 24):hit.start]
        after = folded[hit.end:hit.end + 16]
        if (_version_after(text, hit.end, hit.cue) or _ends_with(before, words["member-before"])
                or _ends_with(before, words["exchange-before"]) or _starts_with(after, words["exchange-after"])):
            other_d = min(other_d, d)
        elif pattern is None:
            own_d = min(own_d, d)
    if pattern is not None:
        from dsfact.matching.bodies import alnum, bodies

        compared = bodies(text)[ci]
        for m in pattern.finditer(folded, sentence.start, sentence.end):
            d = _distance(q, m.start(), m.end())
            if alnum(m.group()) in compared:
                continue  # the body the claim compares with ("Grok 3's compute is ten times Grok 2's")
            if _is_own(m.group(2), own.get(m.group(1), ())):
                own_d = min(own_d, d)
            elif not _is_figure(text, m.start(2), m.end(2)):
                other_d = min(other_d, d)
    if other_d == float("inf"):
        return None
    return other_d < own_d


def _distance(q: Quantity, start: int, end: int) -> float:
    if end <= q.start:
        return float(q.start - end)
    if start >= q.end:
        return (start - q.end) * AFTER_WEIGHT
    return 0.0

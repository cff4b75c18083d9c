"""Another member of a claim's family, told by the words around a name: a registered name followed by
another version number ("Colossus 2", "Grok 2" beside a claim about Grok 3, "Grok-1"), a word of
generation before or after it ("the second Colossus", "第二代Colossus", "Colossus 2号"), or an index's name
that stands for the exchange a stock trades on ("Nasdaq-listed", "在纳斯达克上市的英伟达"). The words live
in dsfact/lang/roles.words ([member], [exchange]); this module holds only the mechanism."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.fold import fold_text
from dsfact.lang import words_of
from dsfact.matching.countbase import count_right_after, counted_base
from dsfact.matching.cues import has_cjk
from dsfact.matching.editions import member_before
from dsfact.matching.memo import LastText
from dsfact.matching.ownmetric import put_in_metric
from dsfact.matching.ratelist import continues_rate
from dsfact.matching.snapshot import another_release
from dsfact.matching.timesname import name_after_times
from dsfact.matching.versus import compared_owner_after
from dsfact.matching.wordtables import Words, word_starting
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy
from dsfact.numbers.words import is_money

# a version number right after a name: "Colossus 2", "Grok-1", "V2.5", "Colossus II"; not a figure
# ("Nvidia 2,048", "xAI 10万块") nor a year ("DeepSeek 2025")
_VERSION = re.compile(r"[ \-]?(\d{1,2}(?:\.\d)?|iii|ii|iv)(?![\d,.]?\d)(?![a-z%])")
# a model's letter and version right after a company's name: "DeepSeek-V2", "DeepSeek V2.5", "OpenAI o3"
_LETTER_VERSION = lazy(r"[ \-]?([a-z])(\d{1,2}(?:\.\d)?)(?![\d,.]?\d)(?![a-z%])")
# a name that ends with its own version ("grok 3", "deepseek-v3", "r1"): its stem and number
_STEMMED = re.compile(r"^(.*?[^\d\s.\-])[ \-]?(\d{1,2}(?:\.\d)?)$")
AFTER_WEIGHT = 2.0  # a name after a figure is less often its subject than one before it
_WORDS: dict | None = None
_STEMS: dict[int, tuple] = {}


def _words() -> dict:
    """The [member] and [exchange] words of roles.words, looked up (dsfact.matching.wordtables.Words, nothing
    compiled): those that may end the text right before a name (an article may stand between), and those
    that may open the text right after it (Latin words whole)."""
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import load_words
        from dsfact.matching.wordtables import Words

        tables = load_words("roles")
        member, exchange = tables.get("member", {}), tables.get("exchange", {})
        after = member.get("after", ())
        _WORDS = {"before": Words((*member.get("before", ()), *exchange.get("before", ()))),
                  "exchange-after": Words(exchange.get("after", ())),
                  # right after a name's number ("Colossus 2号"), or after the name itself: Latin words
                  # ("Colossus II") after white space and Chinese ones of more than one character right
                  # after it ("Colossus二代"; 号 and 代 alone only after a number: "马斯克代表" is Musk)
                  "version-after": Words(after),
                  "cjk-version-after": Words(member.get("words", ())),
                  "name-after": Words(w for w in after if w.isascii()),
                  "cjk-name-after": Words(w for w in after if not w.isascii() and len(w) > 1),
                  "variant": Words(tables.get("variant", {}).get("words", ()))}
    return _WORDS


def _version_after(text, end: int, cue: str) -> bool:
    """Whether a version number or word stands right after the name that ends at `end` ("2" in "Colossus
    2", "Colossus II"): a number the numbers engine does not read as a figure ("xAI 10万块" is a count),
    and after a Chinese name only with a word of generation ("巨像2代"; "马斯克2号表示" is Musk on the 2nd)."""
    folded, words = text.folded, _words()
    m = _VERSION.match(folded, end)
    if m is not None and not (cue[-1:].isdigit() and m.group(1).isdigit()):
        if has_cjk(cue[-1:]):
            return words["cjk-version-after"].opens(folded, m.end(), True)
        marked = words["version-after"].opens(folded, m.end(), True)
        return marked or not m.group(1)[0].isdigit() or not _is_figure(text, m.start(1), m.end(1))
    return words["name-after"].opens(folded, end, True) or words["cjk-name-after"].begins(folded, end, True)


def _ends_before_name(words, window: str) -> bool:
    """Whether a word ends `window`, an article ("the", "a", "an") and white space after it or not: the
    regex `(?:words)(?:\\s+(?:the|a|an))?\\s*$` searched in it."""
    if words.ends(window, 0, len(window), True):
        return True
    e = len(window.rstrip())
    for article in ("the", "a", "an"):
        a = e - len(article)
        if a > 0 and window.startswith(article, a, e) and window[a - 1].isspace() and words.ends(window, 0, a, True):
            return True
    return False


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
        made: dict[str, re.Pattern] = {}  # one pattern per stems: claims of one model share it (and its caches)
        company = _company_stems(text.registry, _fold)
        for claim in text.registry.claims:
            own: dict[str, set[str]] = {}
            for cue in claim.subject_cues:
                m = _stemmed(_fold(cue).strip())
                if m is not None and (len(m.group(1)) > 1 or m.group(0)[1:2].isdigit()):
                    own.setdefault(m.group(1), set()).add(m.group(2))
            pattern = None
            if own:
                # the stems of the company's other models, with no version of this claim's own: "V2" or "V3"
                # beside a claim about R1 names another DeepSeek model
                for cue in claim.subject_cues:
                    for stem in company.get(_fold(cue).strip(), ()):
                        own.setdefault(stem, set())
                # a stem of one letter takes its number with no space ("V2", "R2"), not "a v 2"
                stems = "|".join(rf"{re.escape(s)}[ \-]?" if len(s) > 1 else rf"{re.escape(s)}-?"
                                 for s in sorted(own, key=len, reverse=True))
                source = rf"(?<![a-z0-9])(?P<stem>{stems})(?P<n>\d{{1,2}}(?:\.\d)?)(?![\d,.]?\d)(?![a-z%])"
                pattern = made.get(source)
                if pattern is None:  # compiled when first searched: a text names few of the models
                    pattern = made[source] = lazy(source)
            per_claim.append((own, pattern))
        found = _STEMS[id(text.registry)] = (text.registry, per_claim)
    return found[1][ci]


def _company_stems(registry, fold) -> dict[str, set[str]]:
    """Per folded name with no digit (a company's: "deepseek"), the stems of the versioned model names ("v"
    of "V3", "deepseek-r" of "DeepSeek-R1") in the subject cues of the claims that name it."""
    out: dict[str, set[str]] = {}
    for claim in registry.claims:
        names = [fold(cue).strip() for cue in claim.subject_cues]
        stems = set()
        for name in names:
            m = _stemmed(name)
            if m is not None and (len(m.group(1)) > 1 or m.group(0)[1:2].isdigit()):
                stems.add(m.group(1))
        for name in names:
            if not any(map(str.isdigit, name)):
                out.setdefault(name, set()).update(stems)
    return out


def _stemmed(name: str):
    """_STEMMED matched against a name, when it can match: it ends with a digit (the pattern's lazy stem is
    tried at every length before it fails on a name that does not, a thousand names per registry)."""
    return _STEMMED.match(name) if name[-1:].isdigit() else None


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
    if other_spans and any(base for _, _, base in other_spans):
        from dsfact.matching.aside import relative

        # the base of a multiple is the subject only of a relative clause right after it ("ten times the
        # compute of Grok 2, which took 20 million GPU hours")
        other_spans = [s for s in other_spans if not s[2] or relative(text, s[1], q.start)]
    # another member listed after q is the subject of what follows it ("o1 charges $15, o3-mini $1.10"), not q's
    other_spans = [s for s in other_spans if s[2] is not None or s[1] <= q.start]
    if not other_spans:
        return None
    from dsfact.matching.aside import in_aside

    # a name in an aside closed before q speaks of the aside: the claim's own subject's ("R1 — which DeepSeek built
    # on its V3 base — needed 147,000 GPU hours": R1's hours) or another member's ("R1 (which beats o1 on maths)
    # charges $2.19": R1's price)
    other_spans = [s for s in other_spans if not in_aside(text, s[0], s[1], q.start)]
    if not other_spans:
        return None
    own_spans = [(a, b) for a, b in own_spans if not in_aside(text, a, b, q.start)]
    own_d = min((_distance(q, a, b) for a, b in own_spans), default=float("inf"))
    return min(_distance(q, a, b) for a, b, _ in other_spans) < own_d


_BODIES: list = []  # (bodies.alnum, bodies.bodies), imported on the first call (bodies imports this module)


def _bodies() -> tuple:
    if not _BODIES:
        from dsfact.matching.bodies import alnum, bodies, members

        _BODIES.append((alnum, bodies, members))
    return _BODIES[0]


def _spans(text, ci: int, names: list, sentence, cache: dict) -> tuple[list, list]:
    """Where sentence names claim ci's own subject, and where another member of its family (the spans of
    those names, each with whether it is the base of a multiple: _multiple_base), for versioned_other; once
    per sentence and claim."""
    own_spans: list[tuple[int, int]] = []
    other_spans: list[tuple[int, int, bool]] = []
    own, pattern = _stems(text, ci)  # a claim about a versioned model: only that model's name is its own
    # ("xAI" or "Colossus" beside "Colossus 2" names the family, not Grok 3)
    naming = text.index.naming
    dated = text.registry.claims[ci].unit == "date"  # a release date: an update is another release
    for hit, _ in names:
        if ci not in naming(hit.cue)[1]:
            continue
        marked = cache.get((hit, ci))
        if marked is None:
            plain = cache.get(("marked", hit))  # (the name's own words: the same for every claim it names)
            if plain is None:
                plain = cache[("marked", hit)] = _marked(text, hit, sentence.start)
            marked = cache[(hit, ci)] = plain or _other_model(text.folded, hit, own) \
                or (bool(own) and _product_after(text.text, hit)) \
                or (dated and another_release(text.folded, hit.start, hit.end, sentence.start))
        if marked:
            other_spans.append((hit.start, hit.end, False))
        elif hit.cue in _bodies()[2](text)[ci][1]:
            # a name the claim's cues list as another member of its family ("o3" beside o1's price) is never
            # its own subject, plain or not (None: it tells only the figures after it, versioned_other)
            other_spans.append((hit.start, hit.end, None))
        elif pattern is None:
            own_spans.append((hit.start, hit.end))
    if pattern is not None:
        found = cache.get((sentence.start, pattern))
        if found is None:
            found = cache[(sentence.start, pattern)] = [
                (m.start(), m.end(), m.group("stem").rstrip(" -"), m.group("n"))
                for m in pattern.finditer(text.folded, sentence.start, sentence.end)]
        if found:
            alnum, bodies, _ = _bodies()
            compared = bodies(text)[ci]
            for start, end, stem, number in found:
                if alnum(text.folded[start:end]) in compared:
                    continue  # the body the claim compares with ("Grok 3's compute is ten times Grok 2's")
                if dated and another_release(text.folded, start, end, sentence.start):
                    other_spans.append((start, end, False))  # "R1-0528", "the updated R1": an update's date
                elif _is_own(number, own.get(stem, ())):
                    if not any(a <= start < b for a, b, _ in other_spans):  # "DeepSeek-R1-Lite": marked
                        own_spans.append((start, end))
                elif not _is_figure(text, end - len(number), end):
                    other_spans.append((start, end, _multiple_base(text, start, end, sentence)))
    return own_spans, other_spans


def _multiple_base(text, start: int, end: int, sentence) -> bool:
    """Whether the name at text[start:end] is the base another figure of its sentence is a multiple of
    ("Grok 3 used ten times the compute of Grok 2", "Grok 3的训练计算量是Grok 2的10倍"): the body a multiple
    compares with, not the subject of the sentence's other figures (what base_span finds for a multiple in
    its own clause)."""
    marks = text._marks
    for x in text.figures_in(sentence.start, sentence.end):
        if x.unit != "factor":
            continue
        k = bisect.bisect_right(marks, x.start)
        a = max(marks[k - 1] if k else sentence.start, sentence.start)
        b = min(marks[k] if k < len(marks) else sentence.end, sentence.end)
        span = base_span(text.folded, x, a, b, base_words())
        if span is not None and span[0] <= start and end <= span[1]:
            return True
    return False


_cache = LastText().of  # what was found in the text last read (one text is read at a time)


def _marked(text, hit, floor: int) -> bool:
    """Whether the name at `hit` stands for another member or an exchange: a version after it, a word of
    generation or of listing before it, a word of listing after it."""
    folded, words = text.folded, _words()
    return (_version_after(text, hit.end, hit.cue) or _variant_after(folded, hit.end, words["variant"])
            or member_before(text, hit, floor, lambda window: _ends_before_name(words["before"], window))
            or words["exchange-after"].opens(folded, hit.end, True))


def _variant_after(folded: str, end: int, variants) -> bool:
    """Whether a variant's word is joined to the name that ends at `end` by a hyphen or a space ("o1-mini",
    "o1 pro"; roles.words [variant]): the name is the variant's, another member of the model's family."""
    return end < len(folded) and folded[end] in "- " and variants.begins(folded, end + 1, False)


def _other_model(folded: str, hit, own: dict) -> bool:
    """Whether a company's name (a cue with no digit) at `hit` is followed by a model's letter and version that
    is not one of the claim's own ("DeepSeek-V2" or "DeepSeek V2.5" beside a claim about R1 or V3; not
    "DeepSeek V3" for V3's): the name is that model's. Three digits are a chip ("Nvidia H800")."""
    if any(c.isdigit() for c in hit.cue):
        return False
    m = _LETTER_VERSION.match(folded, hit.end)
    return m is not None and not _is_own(m.group(2), own.get(m.group(1), ()))


# a product's own name joined to its company's or its model's: "DeepSeek-Coder", "DeepSeek-R1-Lite"; not
# "DeepSeek-induced" nor "R1-0528", an update of the model
_PRODUCT = re.compile(r"-[A-Z][A-Za-z]{2,}")


def _product_after(raw: str, hit) -> bool:
    """Whether a name at `hit` is joined by a hyphen to a capitalised word that no cue holds (the longest cue
    would have been found): the name of another product of its company, or of a variant of its model, not
    the model of a claim ("DeepSeek-Coder", "DeepSeek-R1-Lite" beside a claim about R1's price)."""
    return _PRODUCT.match(raw, hit.end) is not None


def _distance(q: Quantity, start: int, end: int) -> float:
    if end <= q.start:
        return float(q.start - end)
    if start >= q.end:
        return (start - q.end) * AFTER_WEIGHT
    return 0.0


_BASES: dict[str, tuple] = {}  # roles.words section -> its base words, read on first use


def base_words(section: str = "multiple") -> tuple:
    """The words that open a comparison's base in roles.words `section` ([multiple]: "four times the power
    of", [saving-base]: "below"): the Latin words after the figure, found anywhere after it
    (dsfact.matching.wordtables.Alternation), and the Chinese words before it, longest first. (The Chinese
    words after it were an alternative anchored at the text's start, `^`, which a search from the figure
    never matched; they are left out, which finds the same.)"""
    found = _BASES.get(section)
    if found is None:
        from dsfact.lang import load_words
        from dsfact.matching.wordtables import Alternation

        table = load_words("roles").get(section, {})
        latin = Alternation(tuple(w for w in table.get("after", ()) if w.isascii())).get(True)
        found = _BASES[section] = (latin, tuple(sorted(table.get("before", ()), key=len, reverse=True)))
    return found


def base_span(folded: str, q: Quantity, start: int, end: int, words: tuple) -> tuple[int, int] | None:
    """Where the base that figure q, in the clause folded[start:end], is measured against is named: after
    the first word of `words` (base_words) after the figure, else after the last one before it; None when
    no such word stands there or nothing but marks follows it."""
    after_words, before_words = words
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
        return None
    return span


def other_base(text, q: Quantity, ci: int, start: int, end: int, compared: frozenset[str]) -> bool:
    """Whether the multiple q, in the clause text[start:end], is of another base than claim ci compares
    with: the clause says what it is a multiple of ("four times the power of the old cluster", "是此前集群
    的四倍") and that base names neither the body ci compares with nor one of ci's metric words ("ten times
    the compute of its predecessor" is ci's own). A multiple that names no base is left to its cues."""
    from dsfact.matching.bodies import alnum
    from dsfact.matching.cues import METRIC

    span = base_span(text.folded, q, start, end, base_words()) or _possessive_base(text.folded, q, start, end) \
        or name_after_times(text.folded, q, start, end) or count_right_after(text, q, end)
    if span is None:
        return False
    if counted_base(text, q, ci, span):
        return True  # "eight times the 2,048 GPUs DeepSeek-V3 used": a multiple of a count, not of ci's metric
    for hit in text.hits_in(*span):
        key = alnum(hit.cue)
        if any(key in b or b in key for b in compared) or any(c == ci and role == METRIC
                                                              for c, role in text.roles_of(hit)):
            return False
    return True


_OWNED_BASE = lazy(r"\s*([^,.;:!?，。；：]{1,40}?)['’]s?\b")  # "ten times Llama 3's compute": the base's possessive


def _possessive_base(folded: str, q: Quantity, start: int, end: int) -> tuple[int, int] | None:
    """Where a multiple's base is named by its possessive with no word of [multiple]: the name whose 的 stands
    right before it ("Llama 3的十倍计算量": from the clause's start), or whose 's follows it ("ten times Llama
    3's compute"); None when neither does."""
    k = q.start
    while k > start and folded[k - 1] == " ":
        k -= 1
    if k > start and folded[k - 1] == "的":
        return (start, k - 1) if folded[start:k - 1].strip() else None
    m = _OWNED_BASE.match(folded, q.end, end)
    return (m.start(1), m.end()) if m is not None else None


def gap_of_others(text, q: Quantity, ci: int, start: int, end: int) -> bool:
    """Whether the multiple q, in the clause text[start:end], is told as a gap (roles.words [gap]: "差距高达263
    倍", "a 263-fold gap") in a sentence that names a body claim ci excludes: a gap lies between the bodies
    its sentence names, here another pair than ci's ("Grok 3 ... DeepSeek V3 used 2,000 GPUs, a 263-fold
    gap" is no multiple of Grok 2's)."""
    from dsfact.matching.cues import EXCLUDE

    folded = text.folded
    if not any(folded.find(w, start, end) >= 0 for w in words_of("roles", "gap")):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    return any((ci, EXCLUDE) in text.roles_of(hit) for hit in text.hits_in(sentence.start, sentence.end))


_EARMARK: tuple | None = None
SLICE = 1.5  # a total is at least this many times the slice it holds


def _earmark_words() -> tuple:
    """The words of roles.words [earmark] and [use], looked up (dsfact.matching.wordtables.Words): those
    right after a figure and right before it, and the words of use after it. A Latin word must end a word;
    one before the figure, Latin or Chinese, must not follow a Latin letter or digit."""
    global _EARMARK
    if _EARMARK is None:
        from dsfact.lang import load_words
        from dsfact.matching.wordtables import Words

        tables = load_words("roles")
        earmark = tables.get("earmark", {})
        _EARMARK = (Words(earmark.get("after", ()), lambda w: (False, w.isascii())),
                    Words(earmark.get("before", ()), lambda w: (True, w.isascii())),
                    Words(tables.get("use", {}).get("after", ()), lambda w: (False, w.isascii())))
    return _EARMARK


def for_own_event(text, q: Quantity, claim) -> bool:
    """Whether figure q is set aside for its claim's own event: "over 200 million GPU-hours dedicated to
    training Grok 3", "6亿GPU小时专门用于训练Grok 3" are the compute the training used, not a slice of a larger
    total, so the earmark word does not loosen the binding. The event's words are dsfact/lang/events.words; a
    sum ("$20 million set aside for training") stays a slice, unless the use it is set aside for is the claim's
    own variant (its `variant_cues`): "the cost to train R1 was only $294,000 for reinforcement learning,
    bringing the overall expense to $6.3 million" tells the reinforcement-learning cost itself, the part the
    claim is of."""
    money = is_money(q.unit)
    if money and put_in_metric(text, q, claim):
        return True  # "allocating $65 billion in capital expenditures": the claim's quantity itself (ownmetric)
    if money:
        if not claim.variant_cues:
            return False
        begins = _variant_begins(claim)
    else:
        from dsfact.matching.events import event_of, events

        name = event_of(claim)
        if name is None:
            return False
        begins = events()[name].words.begins
    after, _, use = _earmark_words()
    folded = text.folded
    i = q.end
    while i < len(folded) and folded[i].isspace():
        i += 1
    chinese = has_cjk(folded[i:i + 8])
    for word in (*after.listed(), *use.listed()):
        e = i + len(word)
        if folded.startswith(word, i) and not (word.isascii() and folded[e:e + 1].isalnum()):
            rest = folded[e:e + 24].lstrip()
            rest = rest[4:] if rest.startswith("the ") else rest
            if begins(rest, chinese):
                return True  # ("dedicated to training", "专门用于训练", "for reinforcement learning")
    return False


def _variant_begins(claim):
    """A test of whether a folded text begins with one of the claim's variant words (a Latin word whole)."""
    words = _variant_words(claim.variant_cues)
    return lambda rest, chinese: words.begins(rest, 0, True)


@lru_cache(maxsize=16)
def _variant_words(cues: tuple[str, ...]) -> Words:
    return Words(tuple(fold_text(w) if not w.isascii() else w.lower() for w in cues))


def earmarked_slice(text, q: Quantity) -> bool:
    """Whether figure q is a slice of a total set aside for one use: an [earmark] word right after or
    before it ("€20 billion earmarked for gigafactories", "拨出200亿欧元"), or a word of use after it
    ("€20 billion for gigafactories", "200亿欧元用于建设超级工厂") beside a larger figure of its unit in its
    sentence or the one before (the total it is part of)."""
    cache = _cache(text)
    key = ("earmark", q.start, q.end)  # one figure per span in a text; hashing the whole figure costs more
    found = cache.get(key)
    if found is None:
        found = cache[key] = _earmarked(text, q)
    return found


def _earmarked(text, q: Quantity) -> bool:
    if _set_aside(text, q):
        return True
    if q.direction is not None or continues_rate(text, q):
        return False  # a move is no sum set aside: "gained 1.7% for the day" beside the Nasdaq's 3.1%; nor a rate
    at = _past_vehicle(text.folded, q.end)
    if not _earmark_words()[2].opens(text.folded, at, True) or compared_owner_after(text, q, at):
        return False
    si = text.sentence_of(q.start)
    start = text.sentences[si - 1].start if si > 0 else text.sentences[si].start
    end = text.sentences[si].end
    value = abs(q.value)  # (a larger figure itself set aside is another slice, not the total: "mobilise €200
    # million for AI, with €20 billion specifically allocated for gigafactories" misstates the total)
    return any(x.unit == q.unit and x is not q and abs(x.value) >= SLICE * value and not _set_aside(text, x)
               for x in text.figures_in(start, end))


def _past_vehicle(folded: str, i: int) -> int:
    """The offset after a word of the vehicle a slice is put in (roles.words [use-vehicle]: "fund", 基金) that
    opens at offset i, after white space; i when none does."""
    j = i
    while j < len(folded) and folded[j].isspace():
        j += 1
    w = word_starting(folded, words_of("roles", "use-vehicle", longest_first=True), j)
    return i if w is None else j + len(w)


def _set_aside(text, q: Quantity) -> bool:
    """Whether an [earmark] word stands right after or before figure q."""
    after, before, _ = _earmark_words()
    folded = text.folded
    window = folded[max(0, q.start - 24):q.start].rstrip(" 」』”’\"'")  # 「撥出」1,500億歐元: the verb quoted
    return after.opens(folded, q.end, True) or before.ends(window, 0, len(window), True)


def later_member(text, ci: int) -> bool:
    """Whether a text tells of a later state of claim ci's versioned subject rather than of that version
    (issue 9): it never names the version ("Grok 3") yet names a later one of its family ("Grok 5", a stem
    of ci's subject with a higher number) or another member by a name of ci's subject ("Colossus 2", "第二代
    Colossus"). Then "Colossus has 200,000 GPUs" in it is the cluster of its own day, not the one that
    trained Grok 3. A claim whose subject has no version of its own is never asked. Once per text and claim."""
    cache = _cache(text)
    key = ("later", ci)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _later_member(text, ci)
    return found


def _later_member(text, ci: int) -> bool:
    own, pattern = _stems(text, ci)
    if pattern is None:
        return False
    cache = _cache(text)
    found = cache.get(pattern.pattern)  # claims of one model share their stems: the text is read once
    if found is None:
        found = cache[pattern.pattern] = [
            (m.group("stem").rstrip(" -"), m.group("n"), m.end()) for m in pattern.finditer(text.folded)]
    later = False
    priced = text.registry.claims[ci].per is not None  # a price: a point release ("V3.1") has one of its own
    for stem, number, end in found:
        mine = own.get(stem, ())
        if number in mine if priced else _is_own(number, mine):
            return False  # the text names the version itself: its figures are bound as they are
        if _is_figure(text, end - len(number), end):
            continue
        later = later or any(float(number) > float(o) for o in mine) or (
            priced and not mine and _newer_than_registered(text, stem, number))
    return later or ci in _marked_claims(text)


def _newer_than_registered(text, stem: str, number: str) -> bool:
    """Whether a version of the company's other model ("V3.1" beside a claim about R1's price) is newer than
    every one the registry knows of that stem: a price, which a later model changes, told in a text of it is
    that model's price ("With V3.1, DeepSeek charges $0.56 per million input tokens")."""
    from dsfact.matching.laterversion import _versions

    highest = _versions(text)[1].get(stem)
    return highest is not None and float(number) > highest


def _marked_claims(text) -> frozenset[int]:
    """The claims whose subject a name in the text stands for as another member ("Colossus 2"): the
    text's names are read once."""
    cache = _cache(text)
    found = cache.get("marked")
    if found is None:
        naming, out = text.index.naming, set()
        for hit in text.hits:
            subjects = naming(hit.cue)[1]
            if subjects and not out.issuperset(subjects) \
                    and _marked(text, hit, text.sentences[text.sentence_of(hit.start)].start):
                out.update(subjects)
        found = cache["marked"] = frozenset(out)
    return found

"""Another body nearer a figure than its claim's subject (issue 9: the nearest subject wins, registered or
not). A registered name may only modify the noun of another body ("the S&P 500 information-technology sector
ETF", 标普500信息技术板块ETF, "DeepSeek's parent company", DeepSeek的母公司); and a generic other party or a
group of other companies may stand between the claim's subject and its figure ("what others spend $10
billion to do", 人家要花100亿美元, "and many in the chip supply chain, like Vertiv, cratered 30%"). The
words live in dsfact/lang/names.words ([other-head], [other-party], [example], [new-clause]); this module
holds only the mechanism. A figure so told is not the claim's: it is not judged."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dsfact.matching.memo import LastText, held_for
from dsfact.matching.shiftverb import rival_verb
from dsfact.matching.wordparts import grouped_by_part
from dsfact.matching.wordtables import whole_at, word_ending, word_places
from dsfact.numbers.patterns import lazy

HEAD_WORDS = 2  # Latin words of kind between a name and its phrase's head: "S&P 500 information-technology sector ETF"
HEAD_CHARS = 6  # Chinese characters of kind between them: "标普500信息技术板块ETF"
EXAMPLE_GAP = 3  # characters between a word of example and the name after it: "like Vertiv"
_RATIOS = frozenset(("ratio", "pct", "factor"))  # a share or multiple is measured against a possessive before it

_LATIN_WORD = re.compile(r"[a-z][a-z-]*")
_CAPITAL = lazy(r"[A-Z][A-Za-z-]+")
_EXCHANGE = lazy(r"(?:[a-z]{1,8}\s*[:：]\s*)?")  # an exchange before a symbol in its bracket: "nasdaq:"
_SYMBOL_END = lazy(r"[a-z0-9.]{0,4}[)）]")  # the rest of a bracketed symbol after a name in it: ".o)"
_TICKER = lazy(r"\s*[(（][a-z0-9.:：^ ]{1,16}[)）]")  # a bracketed symbol after a name: "(nasdaq:nvda)", "(nvda.o)"
_CJK_STOPS = frozenset("了着过和与及或在于被将把比向跟同为是有从对而但也都又")
_TABLES: dict | None = None
_cache = LastText().of  # what was found in the text last read (one text is read at a time)


def _tables() -> dict:
    """names.words [other-head], [other-party], [example], [new-clause] and [record], longest first (those
    looked up at a place by their first character); the words that end a phrase of a name (names.words
    [referent-not-noun], [governed], [new-clause]), capitalised words that name no one, and [list-others]."""
    global _TABLES
    if _TABLES is None:
        from dsfact.lang import load_words

        tables = load_words("names")

        def listed(section: str, key: str = "words") -> tuple[str, ...]:
            return tuple(sorted(tables.get(section, {}).get(key, ()), key=len, reverse=True))

        def by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
            found: dict[str, list[str]] = {}
            for w in words:
                found.setdefault(w[0], []).append(w)
            return {k: tuple(v) for k, v in found.items()}

        stops = {*listed("referent-not-noun"), *listed("governed", "before"), *listed("new-clause")}
        _TABLES = {"relation": by_first(listed("other-head", "after")), "kind": by_first(listed("other-head")),
                   "asset": listed("other-head", "before"),
                   "party": listed("other-party"), "party-at": by_first(listed("other-party")), "example": listed("example"),
                   "opens": by_first(listed("new-clause")), "record": by_first(listed("record")),
                   "opens-cjk": tuple(w for w in listed("new-clause") if not w.isascii()),
                   "stops": frozenset(w for w in stops if w.isascii()), "not-names": frozenset(w.lower() for w in listed("not-names")),
                   "others": listed("list-others"), "index": listed("index-noun"),
                   "index-own": frozenset(listed("index-noun", "own")), "market": frozenset(listed("asset-gap"))}
    return _TABLES


def not_names() -> frozenset[str]:
    """Capitalised words that name no one (names.words [not-names]), in lower case."""
    return _tables()["not-names"]


def _word_at(folded: str, i: int, words: dict[str, tuple[str, ...]]) -> str | None:
    """The word of `words` (by first character) that folded[i:] opens with (a Latin word whole), if any."""
    for w in words.get(folded[i:i + 1], ()):
        if folded.startswith(w, i):
            if not w.isascii():
                return w
            after = folded[i + len(w):i + len(w) + 1]
            if not after.isascii() or not after.isalnum():
                return w
    return None


def party_at(folded: str, at: int) -> bool:
    """Whether a generic other party's word (names.words [other-party]: "the ETF", "rivals", 同行) begins at
    offset `at` of folded text, a Latin one as a whole word (a Chinese character may follow it: "the ETF基金")."""
    return _word_at(folded, at, _tables()["party-at"]) is not None


def _present(folded: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of `words` that a text holds at all (each a plain substring), in their order: what a
    sentence or a name of the text can only be looked for among (a substring test per word, once per text,
    rather than a search per word in each sentence). Only the words of a group whose part the text holds are
    looked for (_groups)."""
    held = {w for part, group in _groups(words) if part in folded for w in group if w in folded}
    return tuple(w for w in words if w in held)


@lru_cache(maxsize=16)
def _groups(words: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`words` grouped by a part each holds (dsfact.matching.wordparts): one test of `in` rules out a group (about
    220 tests of `in` a text cost 1.7% of a run). Made once per table (a few tables of names.words)."""
    return grouped_by_part(words)


def _text_words(text) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The [other-party], [example] and [list-others] words that the text holds, found once per text."""
    cache = _cache(text)
    found = cache.get("words")
    if found is None:
        tables, folded = _tables(), text.folded
        found = cache["words"] = (_present(folded, tables["party"]), _present(folded, tables["example"]),
                                  _present(folded, tables["others"]))
    return found


def _asset_words(folded: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The asset phrases of `words` whose every word the text holds: only those can end the words before a
    name (_asset_before joins the words it splits with single spaces, so each word of a phrase that ends
    them is a substring of the text)."""
    held = {w for part, group in _groups(words) if part in folded for w in group if all(p in folded for p in w.split())}
    return tuple(w for w in words if w in held)


def heads_other(folded: str, start: int, end: int, assets: tuple[str, ...] | None = None,
                index: bool = False) -> bool:
    """Whether the name at folded[start:end] only modifies the noun of another body: a relation ("parent
    company", "rivals", 母公司, 供应商) or a kind of asset or group ("ETF", "futures", "sector", 板块, 基金)
    heads the phrase it opens, perhaps after 's or 的 and a few words of kind ("information-technology",
    信息技术). `assets`: the asset phrases the text can hold (_asset_words), when known; `index`: the name is an
    index's, which words of another index's name may extend ("S&P 500 information technology index")."""
    tables = _tables()
    if assets is None:
        assets = tables["asset"]
    lo = max(0, start - 12)
    opened = max(folded.rfind("(", lo, start), folded.rfind("（", lo, start))
    close = _SYMBOL_END.match(folded, end) if opened >= 0 and _EXCHANGE.fullmatch(folded, opened + 1, start) else None
    # (the name is a bracketed symbol, perhaps after its exchange: "(NVDA.O)", "(NASDAQ: NVDA)")
    symbol = close is not None
    if assets and _asset_before(folded, opened if symbol else start, assets):
        return True
    i = end
    ticker = _TICKER.match(folded, i)  # "NVIDIA (NASDAQ:NVDA) supplier": the symbol is the name's
    if ticker is not None:
        i = ticker.end()
    elif symbol:
        i = close.end()  # the name is the symbol itself: "(NASDAQ:NVDA) supplier"
    if folded.startswith(("'s", "’s"), i):
        i += 2
    while folded[i:i + 1] == " ":
        i += 1
    cjk = folded.startswith("的", i)
    if cjk:
        i += 1
    if _word_at(folded, i, tables["relation"]) and not (folded[end:i].isspace() and rival_verb(folded, i)) \
            or _word_at(folded, i, tables["kind"]) or (index and _other_index(folded, i)):
        return True  # ("DeepSeek-V3 rivals GPT-4o": a verb, shiftverb)
    if cjk or "\u3400" <= folded[i:i + 1] <= "\u9fff":
        for j in range(i, min(i + HEAD_CHARS, len(folded))):
            if not "\u3400" <= folded[j] <= "\u9fff" or folded[j] in _CJK_STOPS:
                return False
            if _word_at(folded, j + 1, tables["kind"]):
                return True
        return False
    for _ in range(HEAD_WORDS):
        m = _LATIN_WORD.match(folded, i)
        if m is None or m.group() in tables["stops"] or m.group().endswith("ed") \
                or folded[m.end():m.end() + 1] != " ":
            return False
        i = m.end() + 1
        if _word_at(folded, i, tables["relation"]) or _word_at(folded, i, tables["kind"]):
            return True
    return False


_INDEX_WORDS = 4  # Latin words of another index's name between a registered name and "index"
_INDEX_CHARS = 8  # Chinese characters (or digits) of one between it and 指数
_NAME_PART = lazy(r"[0-9a-z&][0-9a-z&.-]*|[0-9\u3400-\u9fff]+")


def _other_index(folded: str, i: int) -> bool:
    """Whether words of another index's name stand between a registered name that ends at i and an index
    noun (names.words [index-noun]): "S&P 500 information technology index", "纳斯达克中国金龙指数",
    "标普500等权重指数", "纳斯达克100指数"; not the words of the index's own name ("Nasdaq Composite index",
    "道琼斯工业平均指数")."""
    tables = _tables()
    nouns, own = tables["index"], tables["index-own"]
    if "\u3400" <= folded[i:i + 1] <= "\u9fff" or folded[i:i + 1].isdigit():
        run = _NAME_PART.match(folded, i)
        if run is None:
            return False
        for k in range(i + 1, min(run.end(), i + _INDEX_CHARS) + 1):
            if any(folded.startswith(w, k) for w in nouns if not w.isascii()):
                return folded[i:k] not in own and not any(c in _CJK_STOPS for c in folded[i:k])
        return False
    words = []
    for _ in range(_INDEX_WORDS):
        m = _NAME_PART.match(folded, i)
        if m is None or m.group() in tables["stops"]:
            return False
        if words and m.group() in nouns:
            return not all(w in own for w in words) and " ".join(words) not in own
        words.append(m.group())
        i = m.end()
        if folded[i:i + 1] != " ":
            return False
        i += 1
    return False


def _asset_before(folded: str, start: int, words: tuple[str, ...]) -> bool:
    """Whether the noun of an asset names the index at folded[start:] after it, an article and a word of
    kind at most between ("contracts on the tech-heavy Nasdaq", "futures tied to the S&P 500"), and a word of
    the index's market besides (names.words [asset-gap]: "futures tracking the tech-heavy US Nasdaq")."""
    before = folded[max(0, start - 48):start]
    for mark in (",", "，", ";", "；", ":", "：", "。", "(", "（", ". "):
        before = before.rsplit(mark, 1)[-1]
    found = before.split()
    stops, kind = _tables()["stops"], 0
    market = _tables()["market"]
    for drop in range(4):  # an article, one word of kind and one of the market at most: "on the tech-heavy US Nasdaq"
        if drop:
            word = found.pop() if found else None
            if word is None or word not in ("the", "a", "an") and word not in market \
                    and (kind or word in stops or word.endswith("ed")):
                return False
            kind += word not in ("the", "a", "an") and word not in market
        head = " ".join(found)
        if any(head.endswith(w) and (len(head) == len(w) or head[-len(w) - 1] == " ") for w in words):
            return True
    return False


def record_frame(folded: str, end: int) -> bool:
    """Whether the name that ends at `end` is the measure of a record, a word of names.words [record] after
    it past a few words of kind: "the deepest drop in US stock market history", "美股市场史上最大": the
    market frames the record; it is not the subject of the figure."""
    tables = _tables()
    i = end
    while folded[i:i + 1] == " ":
        i += 1
    if "\u3400" <= folded[i:i + 1] <= "\u9fff":
        return any(_word_at(folded, j, tables["record"]) for j in range(i, min(i + HEAD_CHARS // 2 + 1, len(folded))))
    for _ in range(HEAD_WORDS + 1):
        if _word_at(folded, i, tables["record"]):
            return True
        m = _LATIN_WORD.match(folded, i)
        if m is None or m.group() in tables["stops"] or folded[m.end():m.end() + 1] != " ":
            return False
        i = m.end() + 1
    return False


_INDEXES: dict[int, tuple] = {}  # id of a registry's claims -> (those claims, the subjects told in index points): memo.held_for


def _is_index(text, ci: int) -> bool:
    """Whether claim ci's subject is an index: a claim of the same subject is told in index points (the
    subjects so told gathered once per registry, not by a walk over every claim per name asked)."""
    claims = text.registry.claims
    told = held_for(_INDEXES, claims, lambda cs: frozenset(c.subject for c in cs if c.unit == "point"))
    return claims[ci].subject in told


def other_subject(text, q, ci: int) -> bool:
    """Whether figure q is another body's than claim ci's subject: the name of ci's subject nearest q
    modifies another body's noun (heads_other), frames a record (record_frame) or is an example of a group
    (_example_of_group), or a generic other party or a name given as an example ("others", 人家, "like
    Vertiv") stands between that name and q as the subject of a clause that reaches q (q's own, or one
    opened by "and", "while", 而)."""
    si = text.sentence_of(q.start)
    naming, folded, cache = text.index.naming, text.folded, _cache(text)
    own = cache.get(("own", si, ci))  # the names of ci's subject in the sentence, found once per sentence and claim
    if own is None:
        own = cache[("own", si, ci)] = [h for h in text.sentence_hits(si) if ci in naming(h.cue)[1]]
    if own:
        nearest = min(own, key=lambda h: text.distance(q, h))
        index = _is_index(text, ci)
        key = ("name", nearest.start, nearest.end, index)  # one name may serve an index's claim and another's
        other = cache.get(key)
        if other is None:
            assets = cache.get("assets")
            if assets is None:
                assets = cache["assets"] = _asset_words(folded, _tables()["asset"])
            other = cache[key] = heads_other(folded, nearest.start, nearest.end, assets, index) \
                or record_frame(folded, nearest.end)
        if other or _example_of_group(text, q, nearest) and not _claimed_example(text, q, ci) \
                or _member_of_group(text, q, nearest):
            if other or not _one_of_kind(text, nearest):
                return True
            text._loose.add(ci)  # "training a model like Grok-3 on 100k H100s": the example stands for the one thing
    places = cache.get(("party", si))
    if places is None:
        places = cache[("party", si)] = _party_places(text, si)
    if not places:
        return False
    lo = max([text.sentences[si].start, *(h.end for h in own if h.end <= q.start)])
    base = q.unit in _RATIOS
    return any(lo <= at < q.start and not (base and 0 <= q.start - after <= 2) and _reaches(text, q, at)
               for at, after in places)


_LATER: list = []  # (bodies.governed, comparison.is_comparison), imported on the first call (bodies imports this
# module): asked per sentence in question


def _later() -> tuple:
    if not _LATER:
        from dsfact.matching.bodies import governed
        from dsfact.matching.comparison import is_comparison

        _LATER.append((governed, is_comparison))
    return _LATER[0]


def _party_places(text, si: int) -> list[tuple[int, int]]:
    """Where sentence si names a generic other party, or has a word of example before a name no cue word
    covers, as a subject (not governed by a word before it, nor part of a list of names with others); each
    with where its possessive ends ('s, 的), or -1: a share right after it is measured against the party
    ("不足美国同行的十分之一"), not the party's own figure."""
    folded = text.folded
    party, example, _ = _text_words(text)
    opens = _cache(text).get("opens")
    if opens is None:
        opens = _cache(text)["opens"] = _present(folded, _tables()["opens-cjk"])
    if not party and not example and not opens:
        return []
    governed, is_comparison = _later()
    sentence = text.sentences[si]
    lo, hi = sentence.start, sentence.end
    out = []
    for w in party:
        at = folded.find(w, lo, hi)
        while at >= 0:
            end = at + len(w)
            whole = not w.isascii() or whole_at(folded, at, end)
            if whole and not governed(folded, at) and not is_comparison(folded, at, end) and not _listed(text, end) \
                    and not (at and folded[at - 1] == " " and folded[at - 2:at - 1].isalnum() and rival_verb(folded, at)):
                # ("DeepSeek-V3 rivals GPT-4o but cost ...": a verb after its subject, no party; shiftverb)
                possessive = next((p for p in ("的", "'s", "’s", "'", "’") if folded.startswith(p, end)), None)
                out.append((at, end + len(possessive) if possessive else -1))
            at = folded.find(w, end, hi)
    for w in example:
        at = folded.find(w, lo, hi)
        while at >= 0:
            end = at + len(w)
            if (at == 0 or not folded[at - 1].isalnum()) and _names_unknown(text, end):
                out.append((at, -1))
            at = folded.find(w, end, hi)
    for w in opens:  # "，而ChatGPT的训练成本要10亿美元": a Latin name no cue word covers opens a clause of its own
        at = folded.find(w, lo, hi)
        while at >= 0:
            end = at + len(w)
            if _names_unknown(text, end, 0):
                out.append((end, -1))
            at = folded.find(w, end, hi)
    return out


def party_before(text, si: int, q) -> bool:
    """Whether sentence si names a generic other party or a group of other companies before figure q (names.words
    [other-party]: "rivals", "the US giants", 美国巨头), as its subject or the object of a phrase ("the estimates quoted
    by the US giants, where spending exceeds $100 million"), but not as a comparison ("than rivals"): the sentence
    speaks of others, and a figure in it borrows no subject from an earlier sentence."""
    party = _text_words(text)[0]
    if not party:
        return False
    _, is_comparison = _later()
    folded, lo = text.folded, text.sentences[si].start
    return any(not is_comparison(folded, at, at + len(w)) for w in party for at in word_places(folded, w, lo, q.start))


def _example_of_group(text, q, hit) -> bool:
    """Whether the name at `hit`, before figure q in its clause, is given as an example of a group that is
    the clause's subject ("chip stocks such as Nvidia lost $800 billion", 包括英伟达在内的芯片股, 科技巨头如英伟达):
    a word of names.words [example] right before it. Not when the figure is the name's own, right after its
    's or 的 ("including Nvidia's $589 billion"), or after a short phrase that its 's or 的 opens, naming the name's
    own thing and its move, a figure of a move ("losses, including Nvidia's value plummeting by 17%", 包括英伟达的
    市值暴跌17%; not "a model like Grok-3's trained on 100k GPUs", 如Grok-3的模型: a kind, no move)."""
    if hit.end > q.start or not _text_words(text)[1]:
        return False
    marks, folded = text._marks, text.folded
    if bisect.bisect_right(marks, hit.start) != bisect.bisect_right(marks, q.start):
        return False
    before = folded[max(0, hit.start - 12):hit.start].rstrip()
    if not before.endswith(_text_words(text)[1]):  # (a tuple: any of them; which one, in order, below)
        return False
    if word_ending(before, _text_words(text)[1]) is None:  # (what `before` ends with, the text holds)
        return False
    own = folded[hit.end:q.start].strip()
    possessive = own.startswith(("'s ", "’s ", "的")) or own and folded.endswith(("'s", "’s"), hit.start, hit.end)
    if possessive and q.direction and len(own) <= _OWN_PHRASE \
            and not any(any(text.index.naming(h.cue)) for h in text.hits_in(hit.end, q.start)):
        return False  # "including Nvidia's value plummeting by 17%": its own thing's move, no other name between
    return own not in ("'s", "’s", "的") and not (not own and folded.endswith(("'s", "’s"), hit.start, hit.end))


_OWN_PHRASE = 32  # characters: a possessive's short phrase ("'s market value plummeting by")


def _claimed_example(text, q, ci: int) -> bool:
    """Whether the example's figure is its own claim as it stated it ("costs cited, such as DeepSeek's claimed
    $5.5 million", 媒体引用的成本，如DeepSeek自称的550万美元): a word of claiming owned by ci's subject stands right
    before the figure (dsfact.matching.claimed), so the figure is the name's, not the group's."""
    from dsfact.matching.claimed import claimed_figure  # read only for an example's figure

    return claimed_figure(text, q, ci)


@lru_cache(maxsize=1)
def _group_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """names.words [group-member]: the words after a name that make it one member of a group (longest first),
    and what right after them makes them none."""
    from dsfact.lang import load_words

    table = load_words("names").get("group-member", {})
    return (tuple(sorted(table.get("words", ()), key=len, reverse=True)),
            tuple(sorted(table.get("after", ()), key=len, reverse=True)))


def _member_of_group(text, q, hit) -> bool:
    """Whether the name at `hit`, before figure q in its clause, is one member of a group that clause speaks of:
    a word of names.words [group-member] right after it ("DeepSeek and other Chinese labs charge $0.20",
    DeepSeek等国产大模型的输出价格): the figure is the group's. Not for a list of a joint subject's members, which
    dsfact.matching.joint reads as that subject's name (OpenAI等企业 of Stargate)."""
    if hit.end > q.start or (hit.start, hit.end) in getattr(text, "loose_members", ()) \
            or hit.start in getattr(text, "firm_members", ()):
        return False
    marks, folded = text._marks, text.folded
    if bisect.bisect_right(marks, hit.start) != bisect.bisect_right(marks, q.start):
        return False
    words, not_after = _group_words()
    after = folded[hit.end:q.start].lstrip(" ")
    if not after.startswith(words):
        return False  # (after most names none of them: one test of all, in C, before the loop that finds which)
    for w in words:
        if after.startswith(w):
            rest = after[len(w):]
            if w.isascii():
                return not rest[:1].isalnum()
            return bool(rest) and not rest.startswith(not_after)
    return False


def _one_of_kind(text, hit) -> bool:
    """Whether the example at `hit` is given of one thing, not of a group: its word of example follows a noun
    with a word of names.words [example] `before` ("a model like Grok-3", "an AI lab such as DeepSeek", 一款如Grok-3的模型). Such a
    name stands for the thing its figure is told of, loosely: the figure may agree with its claim, never
    contradict it."""
    one = _one_pattern()
    return one is not None and one.search(text.folded, max(0, hit.start - 40), hit.start) is not None


@lru_cache(maxsize=1)
def _one_pattern() -> re.Pattern | None:
    """The words before a name that give it as the example of one thing (_one_of_kind), made on first use."""
    from dsfact.lang import load_words

    table = load_words("names").get("example", {})
    words = "|".join(re.escape(w) for w in sorted(table.get("words", ()), key=len, reverse=True))
    ones = "|".join(re.escape(w) for w in table.get("before", ()) if w.isascii())
    ones_cjk = "|".join(re.escape(w) for w in table.get("before", ()) if not w.isascii())
    # "a model like ", "an AI lab such as "; in Chinese the measure word stands right before the word of
    # example and the noun after the name ("一款如Grok-3的模型")
    return re.compile(r"(?:(?:^|[^a-z0-9])(?:%s) [a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)?,? |(?:%s))(?:%s) *$"
                      % (ones, ones_cjk, words)) if ones and ones_cjk and words else None


def _listed(text, end: int) -> bool:
    """Whether the words that end at `end` close a list of names with unnamed others ("a venture of OpenAI
    and others", OpenAI等: names.words [list-others]): they belong to the list (dsfact.matching.joint), not a
    subject of their own."""
    folded = text.folded
    for phrase in _text_words(text)[2]:
        if folded.endswith(phrase, 0, end):
            start = end - len(phrase)
            if any(start - 2 <= h.end <= start for h in text.hits_in(max(0, start - 40), start)):
                return True
    return False


def _names_unknown(text, at: int, gap: int = EXAMPLE_GAP) -> bool:
    """Whether a capitalised name that no cue word covers begins within `gap` characters of `at`."""
    m = _CAPITAL.search(text.text, at, at + gap + 24)
    if m is None or m.start() > at + gap:
        return False
    return m.group().lower() not in not_names() and not text.hits_in(m.start(), m.end())


def _reaches(text, q, at: int) -> bool:
    """Whether the words at `at` stand in q's clause, or in one that opens with a word of a new clause
    ("and many in the supply chain, like Vertiv, cratered 30%")."""
    marks = text._marks
    k = bisect.bisect_right(marks, at)
    if k == bisect.bisect_right(marks, q.start):
        return True
    start = marks[k - 1] + 1 if k else text.sentences[text.sentence_of(at)].start
    head = text.folded[start:at].strip()
    return _word_at(head, 0, _tables()["opens"]) is not None

"""Subjects carried by a document's structure: a heading gives its subject to the blocks under it, and a
list's lead line to the list's items ("DeepSeek-V3 at a glance:" above "- Training cost: $5.6 million").

dsfact.document gives each block the texts of the headings above it and of its list's lead line
(`Block.headings`, `Block.lead`); here they become spans of the text, so that their cue words can be
found among the text's own."""
from __future__ import annotations

import bisect
import re

from dsfact.lang import word_set, words_of
from dsfact.matching.cues import METRIC, _cue_key, has_cjk, is_cjk
from dsfact.matching.listlabels import measured_by, value_label
from dsfact.matching.meansmade import made_object, means_at, means_head
from dsfact.matching.namednoun import naming_noun, without_acronyms
from dsfact.matching.namehead import heads_phrase
from dsfact.matching.pairedlists import listed_kinds
from dsfact.matching.possessor import owned_before
from dsfact.matching.recipients import compared_owner, recipient_before
from dsfact.matching.respective import pair_by_name
from dsfact.matching.wordtables import whole_word_in, word_then
from dsfact.numbers.patterns import lazy
from dsfact.numbers.words import is_money


class Structure:
    """Per block of a text: where it stands, and the spans whose subject it may take, nearest first (its
    lead line, then the headings above it from the innermost out); and the same for the lines of a
    plain-text list (`items`), which take their lead line's. A plain class: a dataclass costs a
    millisecond or more to create, on every run."""

    __slots__ = ("starts", "ends", "contexts", "items", "tables", "captions", "item_heads")

    def __init__(self, starts: list[int], ends: list[int], contexts: list[tuple[tuple[int, int, bool], ...]],
                 items: tuple[list[int], list[int], list[tuple[int, int, bool]]] = ([], [], []),
                 tables: dict[int, tuple[tuple[int, int] | None, tuple[int, int] | None]] | None = None,
                 captions: dict[int, tuple[int, int]] | None = None) -> None:
        self.starts = starts
        self.ends = ends
        self.contexts = contexts  # (start, end, is a heading)
        self.items = items  # the lines of plain-text lists: starts, ends, and each one's lead line span
        self.tables = tables or {}  # block index of a table cell -> the spans of its row's label and column's header
        self.captions = captions or {}  # block index of a table cell -> its table's caption
        self.item_heads: dict[int, tuple[int, int]] = {}  # index of a plain list's "Name: figure" line -> its lead

    def caption_of(self, pos: int) -> tuple[int, int] | None:
        """The span of the paragraph that introduces the table whose cell holds offset pos ("优惠时段的价格如下：",
        "Off-peak prices are as follows:", a paragraph ending in a colon right before the table); None when
        none does, or outside a table."""
        if not self.captions:
            return None
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.captions.get(k) if k >= 0 and pos < self.ends[k] else None

    def table_of(self, pos: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None] | None:
        """For offset pos in a table cell: the spans of its row's label and of its column's header cell
        (either may be None); for a list's "Name: figure" item under a lead that heads it, (None, the lead's
        span); None elsewhere."""
        if self.item_heads:  # a plain-text list's item under a lead that heads it (listlabels.measured_by)
            k = bisect.bisect_right(self.items[0], pos) - 1
            if k in self.item_heads and pos < self.items[1][k]:
                return None, self.item_heads[k]
        if not self.tables:
            return None
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0 or pos >= self.ends[k]:
            return None
        return self.tables.get(k)

    def context_of(self, pos: int) -> tuple[tuple[int, int, bool], ...]:
        """The lead line and heading spans of the block at offset pos (none outside every block), each
        with whether it is a heading."""
        starts, ends, leads = self.items
        if starts:
            k = bisect.bisect_right(starts, pos) - 1
            if k >= 0 and pos < ends[k]:
                return (leads[k],)
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0 or pos >= self.ends[k]:
            return ()
        return self.contexts[k]


def structure_of(text: str, blocks) -> Structure | None:
    """The Structure of a text from its document's blocks (in order); None when no block has a heading
    above it or a lead line, and no paragraph holds a plain-text list."""
    items = _plain_lists(text, blocks)
    if not items[0] and not any(b.headings or b.lead or b.row or b.column for b in blocks):
        return None
    starts, ends, contexts = [], [], []
    tables: dict[int, tuple[tuple[int, int] | None, tuple[int, int] | None]] = {}
    latest: dict[str, tuple[int, int, bool]] = {}  # a block's text -> the span of the latest block so written
    headings: dict[str, tuple[int, int, bool]] = {}
    captions: dict[int, tuple[int, int]] = {}
    before = None  # the block before this one
    for b in sorted(blocks, key=lambda b: b.start):
        if b.kind == "cell" and before is not None:  # a table's caption: the paragraph ending in a colon before it,
            # or the heading right over it ("## Jan. 27, 2025, at the close" over "| Index | Close | Change |")
            caption = captions.get(len(starts) - 1) if before.kind == "cell" else (before.start, before.end) if (
                before.kind == "heading" or before.kind == "paragraph"
                and text[before.start:before.end].rstrip().endswith((":", "："))) else None
            if caption is not None:
                captions[len(starts)] = caption
        label, before = value_label(text, before, b), b  # "- Pretraining tokens" over "- 14.8T": its label
        spans = [label] if label else []
        if b.lead:
            span = latest.get(" ".join(b.lead.split()))
            if span is not None:
                spans.append(span)
                if b.kind == "item" and measured_by(text, span, b.start, b.end):
                    tables[len(starts)] = (None, span[:2])
        if label:
            tables[len(starts)] = (label[:2], tables.get(len(starts), (None, None))[1])
        for heading in reversed(b.headings):
            span = headings.get(" ".join(heading.split()))
            if span is not None and span not in spans:
                spans.append(span)
        if b.row or b.column:  # a table cell: its row's label and its column's header, read like a lead line
            row, column = (latest.get(" ".join(t.split())) if t else None for t in (b.row, b.column))
            if row or column:
                tables[len(starts)] = (row and row[:2], column and column[:2])
                spans[:0] = [span for span in (row, column) if span and span not in spans]
        starts.append(b.start)
        ends.append(b.end)
        contexts.append(tuple(spans))
        words = " ".join(text[b.start:b.end].split())
        latest[words] = (b.start, b.end, False)
        if b.kind == "heading":
            headings[words] = (b.start, b.end, True)
    found = Structure(starts, ends, contexts, items, tables, captions)
    found.item_heads = {k: lead[:2] for k, (a, z, lead) in enumerate(zip(*items)) if measured_by(text, lead, a, z)}
    return found


# A plain-text list: a lead line, then lines that are each an item, bulleted ("- ", "1. ") or labelled
# ("Training cost: $5.6 million", "训练成本：557.6万美元", a short label before a colon). The lead is the
# line before the items, when it ends with a colon or two items or more follow it.
_LIST_ITEM: re.Pattern | None = None
_LABEL_CJK = 10  # a label is short: at most this many Chinese characters ...
_LABEL_LATIN = 4  # ... or Latin words


def _list_item() -> re.Pattern:
    global _LIST_ITEM
    if _LIST_ITEM is None:
        _LIST_ITEM = re.compile(r"[ \t]*(?:(?:[-*•·–]|\d{1,3}[.)、])[ \t]|([^:：\n.。!！?？\"“”]{1,40})[:：][ \t]*\S)")
    return _LIST_ITEM


def _is_item(line: str) -> bool:
    m = _list_item().match(line)
    if m is None:
        return False
    label = m.group(1)
    if label is None:
        return True  # a bullet
    cjk = sum(map(is_cjk, label))
    return cjk <= _LABEL_CJK and len(label.split()) <= _LABEL_LATIN


def _plain_lists(text: str, blocks) -> tuple[list[int], list[int], list[tuple[int, int, bool]]]:
    """The item lines of the plain-text lists in a text's paragraphs (their starts and ends), each with
    its lead line's span. A blank line may stand between a lead and its items, or between items."""
    starts: list[int] = []
    ends: list[int] = []
    leads: list[tuple[int, int, bool]] = []
    if ":" not in text and "：" not in text and "\n-" not in text:
        return starts, ends, leads
    lead: tuple[int, int, bool] | None = None
    colon, run = False, []  # the lead ends with a colon; the items after it so far
    for b in sorted(blocks, key=lambda b: b.start):
        if b.kind != "paragraph":
            _close(lead, colon, run, starts, ends, leads)
            lead, colon, run = None, False, []
            continue
        pos = b.start
        for line in text[b.start:b.end].split("\n"):
            a, z = pos, pos + len(line)
            pos = z + 1
            if not line.strip():
                continue
            if lead is not None and _is_item(line):
                run.append((a, z))
                continue
            _close(lead, colon, run, starts, ends, leads)
            stripped = line.rstrip()
            lead, colon, run = (a, a + len(stripped), False), stripped.endswith((":", "：")), []
    _close(lead, colon, run, starts, ends, leads)
    return starts, ends, leads


def _close(lead, colon: bool, run: list[tuple[int, int]], starts, ends, leads) -> None:
    if lead is not None and run and (colon or len(run) >= 2):
        for a, z in run:
            starts.append(a)
            ends.append(z)
            leads.append(lead)


# How a figure qualifies a name that carries its claim's metric (attributive): not at all, loosely (enough
# to support, never to contradict), or firmly.
NOT_ATTRIBUTIVE, LOOSE, FIRM = 0, 1, 2
_ASIDE_FIRST = lazy(r"^\s*[(（][^()（）\n]{0,30}[)）]")  # a bracketed aside right after a figure
_NAMING_GAP_WORDS = 3  # "a $500 billion AI venture called Stargate": at most this many words between
_NAMING_GAP_CHARS = 8  # ... or Chinese characters ("5000亿美元的人工智能项目，名为")
_QUOTES = "\"'“”‘’「」『』《》"
_POSSESSIVE = ("'s", "’s", "s'", "s’")




def carried(matcher, q, hit, ci: int, subjects: tuple[int, ...], hits, cues) -> int:
    """How figure q qualifies `hit`, a name that is both the subject and a metric word of claim ci (a name
    that carries its metric: docs/registry.md). Only a name of one claim among those of q's unit carries
    it: "Stargate" for the plan's size in dollars, not "Nvidia", whose dollars are many claims. Where it
    does, the figure's own noun phrase names its subject: no other name is nearer (`cues`, matcher._Cues)."""
    how = _carried(matcher, q, hit, ci, subjects, hits)
    if how:
        cues.subject_before.add(ci)
        cues.subject[ci] = 0.0
    return how


def _carried(matcher, q, hit, ci: int, subjects: tuple[int, ...], hits) -> int:
    if len(subjects) != 1:
        return NOT_ATTRIBUTIVE
    folded, roles = matcher.folded, matcher.index.roles

    def metric_of(key: str, subject_too: bool) -> bool:
        entries = roles.get(key, ())
        return (ci, METRIC) in entries and (subject_too or (ci, "subject") not in entries)

    name = folded[hit.start:hit.end]
    if has_cjk(name):
        tails = [name[k:] for k in range(1, len(name) - 1)]
    else:
        words = name.split()
        tails = [" ".join(words[k:]) for k in range(1, len(words))]
    ends_in_metric = any(metric_of(_cue_key(tail, tail)[0], False) for tail in tails)
    metric_next = any(hit.end <= h.start <= hit.end + 2 and metric_of(h.cue, False) for h in hits)
    own_before = owned_before(folded, q.start)  # "SoftBank's $19 billion" (not "America's": dsfact.matching.possessor)
    return attributive(folded, q.start, q.end, hit.start, hit.end, ends_in_metric, metric_next, own_before)


def _naming_words() -> tuple[str, ...]:
    """The words that give the noun before them a name: called, named, dubbed, 名为 (roles.words [naming])."""
    return words_of("roles", "naming")


def attributive(folded: str, q_start: int, q_end: int, name_start: int, name_end: int,
                ends_in_metric: bool, metric_next: bool, own_before: bool) -> int:
    """How figure folded[q_start:q_end] qualifies a name that alone carries its claim's metric
    (docs/registry.md, "A name that carries its metric"):
    FIRM when the figure stands right before the name and the name, or the word right after it, is a
    metric word of the claim ("the $500 billion Stargate project", "5000亿美元的星门计划"), or when the
    figure's noun is given the name a few words on ("a $500 billion AI venture called Stargate");
    LOOSE when the figure stands right before the name with another noun after it ("a $100 billion
    Stargate site": maybe a part) or is given to it ("€200B for InvestAI": roles.words [for-name]), or the name labels the figure ("Stargate: $500bn", "Stargate's
    $500 billion", "Stargate, a $500 billion push": names.words [apposed-figure]), or a possessive of its own stands before the figure ("SoftBank's $19 billion Stargate
    investment" may be SoftBank's share: `own_before`); NOT_ATTRIBUTIVE otherwise. A phrase apposed to a
    name that is itself headed by a metric word of the claim is FIRM: "the Stargate project, a $500 billion
    effort", "星际之门计划，一个5000亿美元的大动作" restate the project's own size."""
    how = _attributive(folded, q_start, q_end, name_start, name_end, ends_in_metric or metric_next)
    return min(how, LOOSE) if own_before else how


def _attributive(folded: str, q_start: int, q_end: int, name_start: int, name_end: int, headed: bool) -> int:
    if name_start >= q_end:
        gap = _ASIDE_FIRST.sub("", folded[q_end:name_start], count=1)  # "5000亿美元（约3.6万亿元）的项目，名为"
        bare = gap.strip().rstrip(_QUOTES).strip()
        if bare in ("", "的", "-", "—"):  # "€200亿InvestAI但……": the name heads the figure's phrase
            return FIRM if headed or heads_phrase(folded, name_end) else LOOSE
        for article in words_of("roles", "naming", "after"):  # "a $500 billion project called the Stargate Project"
            if bare.endswith(" " + article):
                bare = bare[:-len(article)].rstrip()
        for word in _naming_words():
            if bare.endswith(word):
                between = bare[:len(bare) - len(word)].strip().removesuffix(",").removesuffix("，").strip()  # "project, called"
                between = without_acronyms(between)  # "an Artificial Intelligence (AI) project called"
                if any(c in between for c in ",;:，；：、()（）") or any(c.isdigit() for c in between):
                    return NOT_ATTRIBUTIVE
                latin = between.split()
                chinese = sum(map(is_cjk, between))  # ("$19 billion into the venture called": put into it, a share)
                if (len(latin) <= _NAMING_GAP_WORDS or naming_noun(latin)) and chinese <= _NAMING_GAP_CHARS \
                        and not (latin and latin[0] in words_of("roles", "owner", "after")):
                    return FIRM
                return NOT_ATTRIBUTIVE
        return LOOSE if bare in word_set("roles", "for-name") else NOT_ATTRIBUTIVE  # "€200B for InvestAI": maybe a part
    gap = folded[name_end:q_start]
    bare = gap.strip()
    if bare in (":", "：", "的") or bare in _POSSESSIVE:
        return LOOSE
    if bare[:1] in (",", "，") and bare[1:].strip() in words_of("names", "apposed-figure"):
        # "Stargate, their own $500 billion AI infrastructure push": a phrase that describes it, loosely; firmly
        # when the name is headed by the claim's metric word ("the Stargate project, a $500 billion effort")
        return FIRM if headed else LOOSE
    return NOT_ATTRIBUTIVE


# A pair of figures of one unit joined by a slash ("$0.55/$2.19 per million tokens", "4元/16元"): each
# stands for the words of its place in roles.words [slash-pair] (`before`: the first, an input price;
# `after`: the second, an output price), as if the word were written beside it, unless the sentence says
# itself what the pair is (its `words`: "cache hit/miss").
_PAIR: dict[str, tuple[str, ...]] | None = None
_INF = float("inf")


def _pair_words() -> dict[str, tuple[str, ...]]:
    global _PAIR
    if _PAIR is None:
        from dsfact.lang import load_words

        _PAIR = dict(load_words("roles").get("slash-pair", {}))
    return _PAIR


def slash_pair(index, folded_sentence: str, text: str, quantities, k: int) -> tuple[str, ...]:
    """The words figure quantities[k] stands for as one of a slash pair: the sentence's own pair of words
    ("cache hit/miss", "命中/未命中"), else those of roles.words [slash-pair]; none when it is in no pair,
    or when the sentence says what the pair is in other words."""
    q = quantities[k]
    if k + 1 < len(quantities) and _joined(text, q, quantities[k + 1]):
        place = 0
    elif k > 0 and _joined(text, quantities[k - 1], q):
        place = 1
    else:
        return ()
    named = _named_pair(index, folded_sentence)
    if named is not None:
        return (named[place],)
    words = _pair_words()
    if any(w in folded_sentence for w in words.get("words", ())):
        return ()
    return words.get("after" if place else "before", ())


_WORD_PAIR: re.Pattern | None = None  # compiled on first use: its Chinese range costs milliseconds at start-up


def _named_pair(index, folded: str) -> tuple[str, str] | None:
    """The first pair of cue words joined by a slash in a folded sentence ("hit/miss", "input/output",
    "缓存命中/未命中"), Chinese words cut to the longest cue that ends (or begins) at the slash."""
    def known(word: str) -> bool:
        return bool(word) and _cue_key(word, word)[0] in index.roles

    def longest(run: str, left: bool) -> str | None:
        if not has_cjk(run):
            return run if known(run) else None
        cuts = [run[-n:] if left else run[:n] for n in range(min(len(run), 6), 1, -1)]
        return next((w for w in cuts if known(w)), None)

    global _WORD_PAIR
    if _WORD_PAIR is None:
        _WORD_PAIR = re.compile(r"([a-z\u3400-\u9fff-]+)\s*/\s*([a-z\u3400-\u9fff-]+)")
    for m in _WORD_PAIR.finditer(folded):
        a, b = longest(m.group(1), True), longest(m.group(2), False)
        if a and b:
            return a, b
    return None


def _joined(text: str, a, b) -> bool:
    same_base = a.per is None or b.per is None or a.per == b.per
    return a.unit == b.unit and same_base and text[a.end:b.start].strip() == "/"


def pair_cues(matcher, q, si: int, cues, firm: set[int]) -> None:
    """Figure q, one of a slash pair, stands for the words of its place (slash_pair): the claims they are
    a metric word of bind it firmly, at no distance, and those they are an exclude word of are out
    (`cues`, matcher._Cues; `firm`, the claims bound firmly)."""
    apply_word_roles(_pair_roles(matcher, q, si), cues, firm)


def apply_word_roles(roles, cues, firm: set[int]) -> None:
    """Words read as if written beside a figure (word_roles): the claims they are a metric word of bind
    it firmly, at no distance; those they are an exclude word of are out."""
    for ci, role in roles:
        if role == "metric":
            cues.metric[ci] = 0.0
            firm.add(ci)
        else:
            cues.excluded.add(ci)


def _pair_roles(matcher, q, si: int) -> list[tuple[int, str]]:
    quantities = matcher._quantities
    if not quantities or q.per is not None and q.unit == "count":
        return []
    k = bisect.bisect_left(matcher._quantity_starts, q.start)
    if k >= len(quantities) or quantities[k] is not q:
        return []
    sentence = matcher.sentences[si]
    words = slash_pair(matcher.index, matcher.folded[sentence.start:sentence.end], matcher.text, quantities, k)
    if words:
        return word_roles(matcher, q, words)
    own, others = listed_kinds(matcher, q, si)  # "Input and output prices are $0.55 and $2.19"
    if not own:
        return []
    roles = word_roles(matcher, q, (own,))
    mine = {ci for ci, role in roles if role == "metric"}  # the other kinds' claims are the other figures'
    return roles + [(ci, "exclude") for ci, role in word_roles(matcher, q, others) if role == "metric" and ci not in mine]


def word_roles(matcher, q, words) -> list[tuple[int, str]]:
    """The claims these words, as if written beside figure q, are a metric (or variant) word of, and those
    they rule out: "metric" or "exclude" for each."""
    out = []
    index = matcher.index
    family = index.family(q.unit)
    for word in words:
        key = _cue_key(word, word)[0]
        _, _, _, _, _, metrics, excludes = index.reading(key, q.unit)
        # a variant word: "input" tells o1's list input price from its other variants (cached input)
        variants = [ci for ci in index.variants_of(key) if ci in family]
        claims = matcher.registry.claims
        others = [cj for ci in variants for cj in index.groups.get(claims[ci].group, ())
                  if cj not in variants and claims[cj].variant_cues]
        # a group's generic claim too ("R1's price per million tokens"): the figure then states the variant
        # that agrees with it, as without the pair (dsfact.check)
        generic = [cj for ci in metrics if claims[ci].group for cj in index.groups.get(claims[ci].group, ())
                   if not claims[cj].variant and cj not in excludes]
        out += [(ci, "metric") for ci in (*metrics, *variants, *generic)]
        out += [(ci, "exclude") for ci in (*excludes, *others)]
    return out


# "led a 3.1% slide in the Nasdaq", "a $589 billion drop in Nvidia's value": a word of a move right after
# the figure, then a word of roles.words [owner] and a name: the name owns the figure, whoever led it.
_OWNER: tuple | None = None  # the move nouns, the owner words, the words of investing and of putting into


def _owner_words() -> tuple:
    """The words of _owner_match, looked up, not compiled (1 to 2 ms on the first figure of every run): the
    move nouns of synonyms.words [fall], [rise] and [wipe] (Latin words of one part) with two small patterns
    of the word where one may stand, and of roles.words [owner] its `words`, its `before` (investing) and
    `after` (into) words."""
    global _OWNER
    if _OWNER is None:
        from dsfact.lang import load_words

        moves = load_words("synonyms")
        nouns = {w for family in ("fall", "rise", "wipe") for w in moves.get(family, {}).get("words", ())
                 if w.isascii() and " " not in w}
        owner = load_words("roles").get("owner", {})
        word = rf"(\S{{1,{max(map(len, nouns), default=1)}}})(?=\s)"  # a word no longer than the longest noun
        _OWNER = (frozenset(nouns), (re.compile(r"\s+[a-z-]+\s+" + word), re.compile(r"\s+" + word)),
                  tuple(owner.get("words", ())), tuple(sorted(owner.get("before", ()), key=len, reverse=True)),
                  tuple(sorted(owner.get("after", ()), key=len, reverse=True)),
                  words_of("roles", "compared-owner"))
    return _OWNER


def owner_start(folded: str, i: int) -> int | None:
    """Where the name that owns the figure ending at offset i begins, after a move noun: the regex
    `\\s+(?:[a-z-]+\\s+)?(?:nouns)\\s+(?:owner words)\\s+(?:the\\s+)?(?=\\S)` matched at i."""
    nouns, shapes, owners = _owner_words()[:3]
    for shape in shapes:  # a word before the noun ("a 3.1% broad slide"), then none
        m = shape.match(folded, i)
        if m is not None and m.group(1) in nouns:
            found = word_then(folded, m.end(1), owners)
            if found is not None:
                return found
    return None


_REFERENTS = None  # dsfact.matching.referents, imported once when first needed


def _owner_match(matcher, q) -> tuple[int | None, bool]:
    """Where the name that owns figure q begins: after a move noun ("a 3.1% slide in the Nasdaq"), or after
    the figure that a word of investing earlier in its clause puts into it ("invest $500 billion in
    Stargate"); and whether it was put in, which binds only weakly: one backer's share put into a plan
    ("SoftBank put $30 billion into Stargate") is a part of its total, which the words do not tell apart."""
    folded = matcher.folded
    m = owner_start(folded, q.end)
    if m is not None:
        return m, False
    m = compared_owner(matcher, q, _owner_words()[5])
    if m is not None:
        return m, False
    m = recipient_before(matcher, q)
    if m is not None:
        return m, True  # "软银将向星际之门投资190亿美元": put into Stargate, told before the figure
    m = word_then(folded, q.end, _owner_words()[4])
    if m is None or not any(h.start == m for h in matcher.hits_in(m, m + 60)):
        global _REFERENTS  # "invest $500 billion in a venture called Stargate"
        if _REFERENTS is None:
            from dsfact.matching import referents as _REFERENTS  # (it imports this module)
        m = _REFERENTS.named_after(matcher, q, m)
        return (m, m is not None)
    marks = matcher._marks
    k = bisect.bisect_right(marks, q.start) - 1
    start = max(marks[k] if k >= 0 else 0, matcher.sentences[matcher.sentence_of(q.start)].start)
    return (m, True) if whole_word_in(folded, start, q.start, _owner_words()[3]) else (None, False)


_QUALIFYING = (lazy(r"[a-z][a-z-]*\s+"), lazy(r"(?:[a-z][a-z-]*\s+){2}"))  # a word or two that qualify the name
_JOINING = frozenset(("and", "or", "but", "while", "as", "than", "with", "which", "that", "who", "whose", "its", "their"))


def owner_after(matcher, q, hits, cues) -> None:
    """A name that owns figure q through the move noun after it ("a 3.1% slide in the Nasdaq"), or through
    a word of investing ("invest $500 billion in Stargate"), is its only subject: its claims come nearest
    (`cues`, matcher._Cues), every other is out of reach."""
    m, invested = _owner_match(matcher, q)
    if m is None:
        return
    if not any(h.start == m for h in hits):  # "a 3.1% drop in the tech-heavy Nasdaq (index)", "a 17% drop for chip
        m = next((w.end() for w in (shape.match(matcher.folded, m, m + 40) for shape in _QUALIFYING)  # maker Nvidia": a
                  if w and not _JOINING.intersection(w.group().split()) and any(h.start == w.end() for h in hits)), m)
    for h in hits:
        if h.start == m:
            entity, owned = matcher.index.naming(h.cue)
            if entity or owned:
                for ci in cues.subject:
                    cues.subject[ci] = 0.0 if ci in owned else _INF
                cues.subject_before.update(ci for ci in owned if ci in cues.subject)
                if invested:
                    cues.invested.update(ci for ci in owned if ci in cues.subject)
                return


# A clause of means, then what was done with them ("With merely $6 million, DeepSeek trained V3", "用550万
# 美元和两个月时间，训练出了V3"): the clause of means holds no verb of its own, so the clause after it
# governs its figures. roles.words [means] are the words that open it.
_MEANS_NAME = 12  # characters of a name that may stand before a Chinese word of means
_MEANS_WORDS = 4  # at most this many words (or twice as many Chinese characters) before the figure


def leads_means(folded: str, clause_start: int, q_start: int) -> bool:
    """Whether the figure's clause, from clause_start to the figure at q_start, opens with a word of means
    (or says "that" and then one) and holds little else before the figure."""
    head = means_head(folded[clause_start:q_start])  # ("at an economical cost of": meansmade)
    that = head.rfind(" that ")  # "DeepSeek said that with merely $6 million, it had trained V3"
    if that >= 0:
        head = head[that + 6:]
    rest = None
    for w in words_of("roles", "means", longest_first=True):
        if w.isascii():
            if head.startswith(w) and head[len(w):len(w) + 1] in ("", " "):
                rest = head[len(w):]
                break
        else:  # "DeepSeek用550万美元": in Chinese, a Latin name of the one who used them may come first
            at = head.find(w, 0, _MEANS_NAME + len(w))  # (not 费用, whose 用 is no word of means)
            if at >= 0 and " " not in head[:at] and head[:at].isascii():
                rest = head[at + len(w):]
                break
    if rest is None:
        return False
    chinese = sum(map(is_cjk, rest))
    return len(rest.split()) <= _MEANS_WORDS and chinese <= 2 * _MEANS_WORDS


def means_owner(folded: str, hits, names, since: int, q_start: int, next_start: int) -> bool:
    """Whether a name says whose means a clause of means gives: one before the figure in its sentence
    (from `since`: "DeepSeek用550万美元", "一家名为DeepSeek的公司，用550万美元"), or the one that
    opens the clause after it ("With $6 million, DeepSeek trained V3"; its maker's object: meansmade; not "Using $9
    million, rivals tried to copy how DeepSeek trained V3"). `names` is CueIndex.names."""
    opening = next_start + len(folded[next_start:]) - len(folded[next_start:].lstrip(" \t,，"))
    return any(names(h.cue) and (since <= h.start < q_start or h.start == opening) for h in hits) \
        or made_object(folded, hits, names, opening)  # "For $6 million, the team trained V3" (meansmade)


def means_clause(matcher, q, si: int, clause_start: int, after_q: int) -> bool:
    """Whether figure q stands in a clause of means that the clause after it governs (leads_means,
    means_owner); after_q is the index of the first clause mark after q in matcher._marks."""
    return after_q < len(matcher._marks) and means_at(matcher, clause_start, q.start) \
        and leads_means(matcher.folded, clause_start, q.start) and means_owner(
        matcher.folded, matcher.sentence_hits(si), matcher.index.names, matcher.sentences[si].start, q.start,
        matcher._marks[after_q] + 1)


def unjudged(q, claim) -> bool:
    """Whether a price claim records no statement in the currency of figure q, which reached it from
    another currency (cues.CueIndex.family): it is ranked after a claim that can judge q."""
    return is_money(q.unit) and claim.per is not None and claim.unit != q.unit \
        and all(st.unit != q.unit for st in claim.statements)


def respectively(matcher, q, quantities, sentence, hits, subject_d) -> None:
    """"A, B and C rose 16%, 11% and 7% respectively": pair the k-th figure with the k-th subject; when the
    claims do not pair one by one, the k-th figure of its run with the k-th name (pair_by_name)."""
    if not quantities:  # (called for a sentence that says it)
        return
    same = [x for x in quantities if sentence.start <= x.start < sentence.end and x.unit == q.unit]
    order: list[int] = []
    named: set[int] = set()  # the names the claims of `order` come from, one claim a name
    for hit in hits:
        for ci, role in matcher.roles_of(hit):
            if role == "subject" and ci in subject_d and ci not in order and hit.end <= same[0].start:
                order.append(ci)
                named.add(hit.start)
    if len(same) >= 2 and len(order) == len(same) == len(named):  # (three claims of one name are no list)
        k = next(i for i, x in enumerate(same) if x.start == q.start)
        for ci in order:
            subject_d[ci] = 0.0 if ci == order[k] else _INF
    elif len(same) >= 2:
        pair_by_name(matcher, q, same, hits, subject_d)  # dsfact.matching.respective

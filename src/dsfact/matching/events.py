"""The event a claim's figure is about, and whether a figure's clause tells another event of the same
subject (issue 9). Real text puts many figures of one unit beside a claim's subject and metric word that
are about something else the subject did: the GPUs a company holds beside those a model was trained on,
a hardware investment beside a training cost, the founder's birth year beside a founding, a target for
next year beside an order. A figure that disagrees with its claim while its clause tells one of those
other events, and not the claim's own, may agree with the claim but never contradicts it: when in doubt,
stay quiet. The words are language data (dsfact/lang/events.words); a claim's event is its registry
`event:` key, or follows from its metric description.

Imported only when a figure disagrees with its claim; the words are read once, on first use.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.cues import has_cjk
from dsfact.matching.placed import placed_site
from dsfact.matching.wordtables import Alternation, Words

NO_EVENT = "none"  # a claim's `event:` that gives it no event (its metric words would give one)


class _Words:
    """Words of one key of an events.words table, with the guards of its single Chinese characters
    ("有 (not after 只仅)"): `Words` to look them up where they must end or begin, `Alternation` to find
    them anywhere."""

    __slots__ = ("words", "found", "not_after", "not_before")

    def __init__(self, entries: tuple[str, ...]) -> None:
        self.not_after: dict[str, str] = {}
        self.not_before: dict[str, str] = {}
        words = []
        for entry in entries:
            word, _, guard = entry.partition("(")
            word = word.strip()
            words.append(word)
            guard = guard.rstrip(")").strip()
            if guard.startswith("not after "):
                self.not_after[word] = guard[len("not after "):].strip()
            elif guard.startswith("not before "):
                self.not_before[word] = guard[len("not before "):].strip()
        self.words = Words(words) if words else None
        self.found = Alternation(tuple(words)) if words else None

    def ends(self, text: str, e: int, chinese: bool) -> bool:
        """Whether a word ends text[:e] (not right after its guard's characters)."""
        if self.words is None:
            return False
        for a in self.words.ending(text, e, chinese):
            guard = self.not_after.get(text[a:e])
            if not guard or a == 0 or text[a - 1] not in guard:
                return True
        return False

    def begins(self, text: str, chinese: bool) -> bool:
        """Whether a word begins `text`, after white space (not right before its guard's characters)."""
        if self.words is None:
            return False
        i = len(text) - len(text.lstrip())
        for word in self.words.listed():
            if text.startswith(word, i) and self.words.begins(text, i, chinese):
                guard = self.not_before.get(word)
                e = i + len(word)
                if not guard or e >= len(text) or text[e] not in guard:
                    return True
        return False

    def search(self, text: str, start: int, end: int) -> bool:
        """Whether a word stands anywhere in text[start:end]."""
        return self.found is not None and self.found.get(has_cjk(text[start:end])).search(text, start, end) is not None


class _Event:
    __slots__ = ("name", "metric", "words", "others", "before", "after", "title", "unless", "sentence", "once",
                 "purpose", "expected", "part", "deadline")

    def __init__(self, name: str, table: dict[str, tuple[str, ...]]) -> None:
        self.name = name
        self.metric = table.get("metric", ())
        self.others = table.get("others", ())
        # `reach: sentence`: its words tell the event from the sentence's first clause too (the subject the
        # figure's clause takes: "The first Stargate site in Abilene, Texas, will house 400,000 GPUs")
        self.sentence = "sentence" in table.get("reach", ())
        self.once = "once" in table.get("kind", ())  # a model is trained once: dsfact.matching.magnitude
        self.expected = "expected" in table.get("kind", ())  # a state expected by a deadline: grown_to_expected
        # a part of any whole, a later target: told even beside the claim's own words
        self.part = not {"part", "later"}.isdisjoint(table.get("kind", ()))
        self.words, self.before, self.after, self.title, self.unless, self.purpose, self.deadline = (
            _Words(table.get(key, ())) for key in ("words", "before", "after", "title", "unless", "purpose", "deadline"))


@lru_cache(maxsize=None)
def events() -> dict[str, _Event]:
    """The tables of dsfact/lang/events.words, by name, in the file's order."""
    from dsfact.lang import load_words

    return {name: _Event(name, table) for name, table in load_words("events").items()}


@lru_cache(maxsize=None)
def _default_event(metric: str) -> str | None:
    """The event whose `metric` words a claim's metric description holds, the first in the file's order."""
    described = Alternation
    for event in events().values():
        if event.metric and described(event.metric).get(False).search(metric.lower()) is not None:
            return event.name
    return None


def event_of(claim) -> str | None:
    """The event a claim's figure is about: its registry `event:`, else the one its metric words give."""
    if claim.event:
        return None if claim.event == NO_EVENT else claim.event
    return _default_event(claim.metric)


def own_event(claim):
    """The event (of events()) a claim's figure is about, or None."""
    name = event_of(claim)
    return events().get(name) if name else None


def other_event(text, q, claim) -> str:
    """The event other than claim's own that figure q's clause tells ("" when none), by `text` (a
    TextMatcher): a word of it right before or after q, or in q's clause while no word of the claim's own
    event stands there ("has about 50,000 Hopper GPUs", "GPU investment of over $500 million", "1985年生");
    or, when q stands in a title (a short line with no closing mark: "50,000 Hopper GPUs, investment over
    $500 million"), a `title` word of it anywhere in the line while nothing there tells the claim's event."""
    own = own_event(claim)
    if own is None or not own.others:
        return ""
    folded = text.folded
    start, end = _clause(text, q)
    chinese = has_cjk(folded[start:end])
    table = events()
    listed = _next_item(folded, q.end, end, chinese)  # "1.3 million GPUs and a new data center": another item
    part = _part_told(own, table, folded, start, end, listed)
    if part:
        return part  # "plans 400,000 GPUs for its Abilene data center": one site of the plan, whatever its words
    if own.words.search(folded, start, end):
        return ""  # "trained on a cluster that has 2,048 GPUs": the claim's event is told
    before = folded[start:q.start]
    starts = _between().tail_starts(before, chinese)
    after = folded[q.end:end]
    for other in own.others:
        event = table.get(other)
        if event is None or event.unless.search(folded, start, end):
            continue  # "public and private investment": both shares, the whole
        if event.words.search(folded, start, listed) or event.after.begins(after, chinese) \
                or any(event.before.ends(before, _trimmed(before, p), chinese) for p in starts):
            return other
    held = _listed_under(text, q, start, chinese, own, table)
    if held:
        return held  # "可能有1万颗A100芯片、3万颗H20芯片、1万颗H800芯片": the list's head tells what all its items are
    if "one-site" in own.others and (placed_site(text, start, q) or _built_next(text, end, table.get("one-site"))):
        return "one-site"  # "the data center Meta plans to build in Texas", 在得克萨斯州建设的数据中心
    sentence = text.sentences[text.sentence_of(q.start)]
    head = text.reader().clause_span(sentence.start)[1]  # the sentence's first clause: its subject
    for other in own.others:
        event = table.get(other)
        if event is not None and event.sentence and sentence.start < head <= start \
                and not any(x.end <= q.start for x in text.figures_in(sentence.start, start)) \
                and event.words.search(folded, sentence.start, head) \
                and not event.unless.search(folded, sentence.start, end):
            return other  # "The first Stargate site in Abilene, Texas, will house 400,000 GPUs"
    if not _title(text.text, q) or own.words.search(folded, sentence.start, sentence.end):
        return ""
    for other in own.others:
        event = table.get(other)
        if event is not None and event.title.search(folded, sentence.start, sentence.end):
            return other
    return ""


def _part_told(own, table: dict, folded: str, start: int, end: int, listed: int) -> str:
    """The other event of kind `part` (events.words: one site of a plan) whose words stand in the figure's clause
    folded[start:end] before the next item of a list (`listed`), unless its `unless` words say the whole."""
    for other in own.others:
        event = table.get(other)
        if event is not None and event.part and event.words.search(folded, start, listed) \
                and not event.unless.search(folded, start, end):
            return other
    return ""


LIST_MARKS = ",，、;；"  # the marks between the items of a list, each item a clause of its own


def _listed_under(text, q, start: int, chinese: bool, own, table) -> str:
    """The other event that the head of a list tells, when figure q's clause (from `start`) is a later item
    of that list ("" when none): each clause back to the head holds one figure of q's unit with nothing
    before it but a joining word ("3万颗H20芯片", "and 10,000 H800 chips"), and the head's words before its
    own figure tell another event and not the claim's ("may have 10,000 A100 chips, 30,000 H20 chips, 10,000
    H800 chips", 拥有A100芯片1万颗、H800芯片1万颗)."""
    head = _list_head(text, q, start)
    if head is None:
        return ""
    a, b = head
    folded = text.folded
    if own.words.search(folded, a, b):
        return ""  # "trained V3 on 2,048 H800s, 500 A100s": the claim's own event heads the list
    before = folded[a:b]
    starts = _between().tail_starts(before, chinese)
    for other in own.others:
        event = table.get(other)
        if event is not None and not event.unless.search(folded, a, b) and (
                event.words.search(folded, a, b)
                or any(event.before.ends(before, _trimmed(before, p), chinese) for p in starts)):
            return other
    return ""


def _list_head(text, q, start: int) -> tuple[int, int] | None:
    """The span of the words that head the list whose later item figure q's clause is, up to the first item's
    figure; None when the clause is no such item (words other than a joining one stand before its figures)."""
    folded = text.folded
    reader = text.reader()
    first = reader.sentence_of(q.start)[0]
    if not _bare_item(text, start, q):
        return None
    s = start
    while s - 1 > first and folded[s - 1] in LIST_MARKS:
        a, b = reader.clause_span(s - 2)
        items = [x for x in text.figures_in(a, b) if x.unit == q.unit]
        if len(items) != 1 or a >= s - 1:
            return None
        if not _bare_item(text, a, items[0]):
            return a, items[0].start
        s = a
    return None


# an item named by its product code alone before its figure ("H800芯片1万颗", "A100 chips: 10,000")
_PRODUCT_LABEL = re.compile(r"[a-z][a-z0-9-]*[0-9][a-z0-9-]*\s?(?:芯片|晶片|显卡|gpus?|chips?)?\s?:?")


def _bare_item(text, a: int, q) -> bool:
    """Whether nothing but figures of q's unit, a joining word ("and", 及) or a product code stands in
    folded[a:q.start] (an item of a list, not a clause of its own words)."""
    lead = next((x.start for x in text.figures_in(a, q.start + 1) if x.unit == q.unit), q.start)
    words = text.folded[a:lead].strip()
    if not words:
        return True
    chinese = has_cjk(words)
    _next_item(words, 0, len(words), chinese)  # (reads the joining words)
    m = _JOINERS.get(chinese).search(words, 0, len(words))
    if m is not None and m.start() == 0:
        words = words[m.end():].strip()
        if not words:
            return True
    return _PRODUCT_LABEL.fullmatch(words) is not None


def tells_once(text, q, claim) -> bool:
    """Whether figure q's clause (by `text`, a TextMatcher) tells its claim's own event, one that happens once
    to its subject (events.words `kind: once`: a model's training): "used 50,000 H800 chips to train V3"."""
    own = own_event(claim)
    if own is None or not own.once:
        return False
    return bool(own.words.search(text.folded, *_clause(text, q)))


def grown_to_expected(text, q, claim) -> bool:
    """Whether figure q, told as a later state after a growth ("doubling its GPU count to 1.3 million"), is its
    claim's own state: the claim's event is one expected by a deadline (events.words `kind: expected`: the GPUs a
    company expects to hold by a year's end) and q's clause tells a deadline (the event's `deadline` words: "by
    the end of the year", 年底前), by `text` (a TextMatcher)."""
    own = own_event(claim)
    if own is None or not own.expected:
        return False
    return bool(own.deadline.search(text.folded, *_clause(text, q)))


def _built_next(text, end: int, event) -> bool:
    """Whether the clause right after a figure's clause (ending at `end`, in its sentence) opens with a word of
    what the sum is spent on (events.words [one-site] `purpose`) and names one site: "將投資超過15億美元，興建一座
    新資料中心", "will invest $1.5 billion, building a new data center in El Paso"."""
    if event is None or event.purpose.words is None:
        return False
    folded = text.folded
    last = text.reader().sentence_of(end)[1] if end < len(folded) else end
    if end >= last or folded[end] not in ",，;；":
        return False
    a = end + 1
    b = min((i for i in (folded.find(c, a, last) for c in ",，;；") if i >= 0), default=last)  # past brackets
    if any(x.unit == "count" for x in text.figures_in(a, b)):
        return False  # "建设30个超大规模数据中心": a count of sites, several
    chinese = has_cjk(folded[a:b])
    return event.purpose.begins(folded[a:b], chinese) and event.words.search(folded, a, b)


def _title(raw: str, q) -> bool:
    """Whether figure q stands on a short line with no closing mark: a title or a sub-heading, which lists
    what it is about without the words of a sentence."""
    from dsfact.matching.gate import _CLOSING, _TITLE_LINE
    from dsfact.matching.text import line_start

    end = raw.find("\n", q.end)
    line = raw[line_start(raw, q.start):end if end >= 0 else len(raw)].strip()
    return len(line) < _TITLE_LINE and not line.endswith(_CLOSING)


def _next_item(folded: str, a: int, b: int, chinese: bool) -> int:
    """Where the next item of a list begins after a figure, in folded[a:b] (a word of names.words
    [list-joiners]: "1.3 million GPUs and a new 2GW data center", "130万块GPU和一座新数据中心"), else b: the
    words after it tell of that item, not of the figure."""
    from dsfact.matching.wordtables import Alternation

    global _JOINERS
    if _JOINERS is None:
        from dsfact.lang import words_of

        _JOINERS = Alternation(words_of("names", "list-joiners", longest_first=True))
    m = _JOINERS.get(chinese).search(folded, a, b)
    return m.start() if m is not None else b


_JOINERS = None


def _trimmed(text: str, e: int) -> int:
    while e > 0 and text[e - 1].isspace():
        e -= 1
    return e


def _between() -> Words:
    from dsfact.matching.roles import lexicon

    return lexicon().between


def _clause(text, q) -> tuple[int, int]:
    """The span of figure q's clause, taken across brackets: a figure in brackets belongs to the clause the
    brackets open in ("public investment (€10 billion)"), an aside in brackets right before or after q's
    clause to the clause it interrupts ("H800的价格只有H100（3万美元）的三分之一", "18,000 graphics processing
    units (GPUs) by next year")."""
    reader = text.reader()
    start, end = reader.clause_span(q.start)
    first, last = reader.sentence_of(q.start)
    folded = text.folded
    if start - 1 > first and folded[start - 1] in ")）":
        opened = max(folded.rfind("(", first, start - 1), folded.rfind("（", first, start - 1))
        if opened > first:
            start = reader.clause_span(opened - 1)[0]
    elif start - 1 > first and folded[start - 1] in "(（" and not folded[start:q.start].strip():
        start = reader.clause_span(start - 2)[0]  # start - 1 is the bracket, a clause mark
    if end + 1 < last and folded[end] in "(（":
        close = min((i for i in (folded.find(")", end, last), folded.find("）", end, last)) if i >= 0), default=-1)
        if 0 <= close < last - 1:
            end = reader.clause_span(close + 1)[1]
    return start, end

"""A name present at an announcement is not the holder of the figure announced: in "Stargate announced at the
White House with President Trump a plan to invest $500 billion" and "星际之门在白宫与特朗普一同宣布投资5000亿美元"
the White House says where, and Trump who stood beside, while Stargate, the subject of the clause, owns the
sum. Such a name (another body) does not stand between the figure and the claim's subject (matcher._cues).

A name counts as present only when all of these hold, so that "Trump said the US will invest $800 billion",
"Nvidia fell 17%, with Broadcom down 5%" and "with SoftBank contributing $19 billion" keep their own figures:
- a word of place or company governs it: "at", "with", "alongside" (a few capitalised words or titles
  between: "with U.S. President Donald Trump"), or 在 / 与 … 一同 (a title of a few characters between:
  与美国总统特朗普一同);
- the phrase closes right after the name: a clause mark (a dash too: "unveiled the Stargate project at the
  White House—a $500 billion pledge"), an article that opens the object ("with Trump a plan"), another such phrase; in Chinese a verb of announcing or 陪同下 (and no 后/时 that makes 在 a time:
  "在特朗普宣布……后");
- a verb of announcing stands in the sentence between the claim's subject, named before the name, and the
  figure (or the name, when the name comes after the figure).
The words are language data: dsfact/lang/names.words [present], [present-with], [present-time]."""
from __future__ import annotations

import re

from dsfact.fold import has_han
from dsfact.lang import words_of
from dsfact.matching.announcer import announces_for
from dsfact.matching.cues import SUBJECT
from dsfact.matching.jointfound import founders_before
from dsfact.matching.launches import names_store
from dsfact.matching.memo import LastText
from dsfact.matching.places import names_a_place
from dsfact.matching.timemark import agent_of_time
from dsfact.matching.wordedges import any_word_in

TITLE_WORDS = 4  # capitalised words or articles between the word of place and the name: "with U.S. President Donald"
TITLE_CHARS = 6  # Chinese characters between them: 与美国总统特朗普
_MARKS = ",.;:!?，。；：！？()（）—–"  # a dash closes a phrase as a comma does ("at the White House—a $500 billion pledge")
_ARTICLES = frozenset(("the", "a", "an"))
_TOKEN = re.compile(r"\S+")


def _words(table: str, key: str = "words") -> tuple[str, ...]:
    return words_of("names", table, key, longest_first=True)


def says_where(text, q, hit, si: int, entity: bool, foreign: bool) -> bool:
    """Whether the name `hit` says where, when or beside whom figure q was told, not whose it is: a place
    (names_a_place: "in Paris, France", "investment in AI Factories in the EU of €10 billion"), a shop ("the Apple
    Store"), the agent of a time clause (dsfact.matching.timemark.agent_of_time: "在DeepSeek推出低成本模型后"), or,
    for another body, a name present at the announcement (present_only)."""
    return names_a_place(text.folded, hit.start, hit.end, q.start, entity) \
        or entity and names_store(text.folded, hit.start, hit.end) or agent_of_time(text.folded, hit, q) \
        or (entity or foreign) and present_only(text, q, hit, si) \
        or entity and announces_for(text, q, hit) \
        or entity and founders_before(text, q, hit)  # "孙正义宣布，三家公司将共同注资5000亿美元，创立星际之门"
    # (announces_for: "Trump announced a $500 billion investment in Stargate")


def present_only(text, q, hit, si: int) -> bool:
    """Whether the name `hit` (another body) stands in a phrase of place or company inside an announcement
    whose subject, a claim's, is named before it in sentence si: then it is not figure q's holder."""
    subjects = _present_subjects(text, hit, si)
    if not subjects:
        return False
    end = q.start if hit.end <= q.start else hit.start
    return any(_announces(text.folded, h.end, end) for h in subjects)


def present_at(text, hit, si: int) -> bool:
    """Whether the name `hit` of an earlier sentence si (another body) only stands in a phrase of place or company
    of an announcement whose subject, a claim's, is named before it in that sentence ("OpenAI, SoftBank and Oracle
    unveiled Stargate at the White House on Tuesday."): it neither turns the story away from that subject nor is
    the subject a later sentence's figure borrows (matcher._names_in)."""
    end = text.sentences[si].end  # (the verb may follow the name: 星际之门在白宫宣布成立)
    return any(_announces(text.folded, h.end, end) for h in _present_subjects(text, hit, si))


_PHRASED = LastText()  # the text last asked about -> (name's start, end, sentence) -> _present_subjects


def _present_subjects(text, hit, si: int) -> list:
    """The cue hits naming a claim's subject before the name `hit` in sentence si when the name stands in a
    phrase of place or company that closes right after it, else none: what present_only asks of a name
    whatever the figure, worked out once per name (each figure of a sentence asks it of the sentence's names)."""
    said = _PHRASED.of(text)
    key = (hit.start, hit.end, si)
    found = said.get(key)
    if found is None:
        folded = text.folded
        sentence = text.sentences[si]
        kind = _governed(text.text, folded, hit.start, sentence.start)
        found = said[key] = [] if kind is None or not _closed(folded, hit.end, sentence.end, kind) else \
            [h for h in text.hits_in(sentence.start, hit.start) if any(role == SUBJECT for _, role in text.roles_of(h))]
    return found


def _announces(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] holds a verb of announcing (names.words [present] `words`; English ones whole)."""
    span = folded[start:end]
    return any_word_in(span, _words("present"))


def _governed(original: str, folded: str, start: int, floor: int) -> str | None:
    """The kind of word of place or company that governs the name at `start`, if any: "place" for the
    words of names.words [present] `before` (at, with, 在), "with" for those of [present-with] `before` (与,
    which needs 一同 after the name); only capitalised words, articles or a short title may stand between."""
    lo = max(floor, start - 80)
    lead = folded[lo:start]
    if not lead:
        return None
    if has_han(lead[-1:]):
        head = lead[-TITLE_CHARS - 1:]
        for kind, table in (("place", "present"), ("with", "present-with")):
            for w in _words(table, "before"):
                at = head.rfind(w)
                if not w.isascii() and at >= 0 and all(has_han(c) for c in head[at + len(w):]):
                    return kind
        return None
    if not lead.endswith(" "):
        return None
    tokens = [(m.start() + lo, m.group()) for m in _TOKEN.finditer(lead)]
    preps = tuple(w for w in _words("present", "before") if w.isascii())
    for between in range(min(TITLE_WORDS, len(tokens)) + 1):
        phrase = " ".join(w for _, w in tokens[max(0, len(tokens) - between - 4):len(tokens) - between])
        if any(phrase == w or phrase.endswith(" " + w) for w in preps):
            return "place"
        if between == len(tokens):
            break
        at, word = tokens[len(tokens) - 1 - between]
        if word not in _ARTICLES and not original[at:at + 1].isupper():
            break
    return None


def _closed(folded: str, end: int, stop: int, kind: str) -> bool:
    """Whether the phrase closes right after the name: a clause mark, an English word that opens what
    follows (names.words [present] `after`); in Chinese, after 与 a word of company ([present-with] `after`:
    一同, 一起), after 在 a verb of announcing or such a word (陪同下), with no word of time (后, 时) later in its
    clause that makes 在 a time ("在特朗普宣布……后")."""
    rest = folded[end:stop]
    if kind == "place" and (not rest.strip() or rest.lstrip()[:1] in _MARKS):
        after = rest.lstrip()[1:].split(None, 1)
        return not after or after[0] not in _words("present-relative")  # "with Trump, who said ..."
    if has_han(rest[:1]):
        clause = rest[:min((i for i in (rest.find(c) for c in _MARKS) if i >= 0), default=len(rest))]
        if any(w in clause for w in _words("present-time")):
            return False
        closers = _words("present-with", "after")
        if kind == "place":  # 在白宫宣布; 在白宫与特朗普一同: another such phrase
            closers = (*closers, *(w for w in (*_words("present"), *_words("present", "before"),
                                               *_words("present-with", "before")) if not w.isascii()))
        return rest.startswith(closers)
    words = rest.split(None, 1)
    return kind == "place" and bool(words) and words[0] in _words("present", "after")

"""Subjects carried back by a noun: "The project's first phase costs $100 billion" after "a project called
Stargate", 该项目 after 名为「星际之门」的项目, "The company" after "DeepSeek, the company behind R1".

A sentence that opens (perhaps after a short lead: "據悉，", "According to reports,") with a word that points
back (dsfact/lang/names.words [pronoun], [referent]) takes the subject it points to: a pronoun the subject
the sentence before opens with (dsfact.matching.pronouns); a noun ("the project", 该项目) the nearest
earlier name that the text gave that noun ("the Stargate project", "a venture called Stargate",
名为「星际之门」的项目), past sentences whose names are not that noun's (a speaker: "特朗普說，這是…").

And what an exclude word refers to (qualifies_other): one that qualifies another noun of its claim's
metric in a clause of its own ("換算成HGX硬體成本極高，怎麼可能只花600萬美元"). A claim's exclude words
("hardware", 硬件) rule a figure out when they stand near it: the figure is then the hardware's cost, not
the training run's. When the exclude word stands in another clause, right before a metric word of the claim
("hardware cost", 硬体成本), and the figure's clause holds a metric word of the claim of its own ("只花600
万美元"), the two clauses may speak of two amounts: the figure is bound loosely (it may agree, never
contradict: "Including hardware costs, it spent $1.6 billion" reads the same way)."""
from __future__ import annotations

import bisect
import functools

from dsfact.matching.cues import METRIC
from dsfact.matching.eventowner import event_owner
from dsfact.matching.labelcolon import in_label
from dsfact.matching.modifiedhead import unmodified
from dsfact.matching.pertext import kept
from dsfact.matching.saidhead import said_head
from dsfact.matching.saidself import describes_speaker
from dsfact.matching.sentences import answers_question
from dsfact.matching.structure import _naming_words, _owner_words
from dsfact.matching.text import INF, LOOKBACK_SENTENCES
from dsfact.matching.wordtables import word_ending, word_starting
from dsfact.numbers.patterns import lazy

_LEAD_CJK = 6  # a lead before the pointing word: at most this many Chinese characters ...
_LEAD_LATIN = 4  # ... or Latin words, then a comma
_ATTACHED = 3  # characters between a name and its noun ("」的", "'s "), quotes and brackets aside
_QUOTES = " \t\"'“”‘’「」『』《》()（）"

_REFERENT: tuple[dict[str, tuple[str, ...]], tuple[str, ...]] | None = None


@functools.cache
def _before_words() -> tuple[str, ...]:
    """names.words [referent] `before`, one tuple (dsfact.matching.modifiedhead keys its pointing words by it)."""
    return tuple(w for ws in _referent_words()[0].values() for w in ws)


def _referent_words() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The words that point back by a noun, by their first character, longest first, and the nouns
    (names.words [referent])."""
    global _REFERENT
    if _REFERENT is None:
        from dsfact.lang import load_words

        table = load_words("names").get("referent", {})
        by_first: dict[str, list[str]] = {}
        for w in sorted(table.get("before", ()), key=len, reverse=True):
            by_first.setdefault(w[0], []).append(w)
        _REFERENT = ({k: tuple(v) for k, v in by_first.items()},
                     tuple(sorted(table.get("words", ()), key=len, reverse=True)))
    return _REFERENT


def head_after_lead(folded: str, start: int, end: int) -> int:
    """Where a sentence's head begins once a short lead ending in a comma is passed ("据悉，",
    "According to the report,"): `start` when there is none. The Chinese characters (U+3400 to U+9FFF) are
    compared in Python: a regex class of their range costs milliseconds to compile in every process."""
    limit = min(end, start + 40, len(folded))
    i = start
    while i < limit and folded[i].isspace():
        i += 1
    j = i
    while j < limit and "\u3400" <= folded[j] <= "\u9fff":
        j += 1
    if j > i:  # a Chinese lead: at most _LEAD_CJK characters, then a comma
        if j - i <= _LEAD_CJK:
            while j < limit and folded[j].isspace():
                j += 1
            if j < limit and folded[j] in ",，":
                return j + 1
        return start
    global _LEAD
    if _LEAD is None:
        import re

        # Latin words; a lead whose words hold a Chinese character is none: "這項計畫被譽為……AI計畫，"
        _LEAD = re.compile(r"[^\W\d_]+(?:(?:[ '-]|’)[^\W\d_]+){0,%d}\s*[,，]" % (_LEAD_LATIN - 1))
    m = _LEAD.match(folded, i, limit)
    if m is None or any("\u3400" <= c <= "\u9fff" for c in m.group()):
        return start
    return m.end()


_LEAD = None


def head_noun_at(folded: str, start: int, end: int) -> str | None:
    """The noun folded[start:end] opens with that points back, if any (for dsfact.matching.pointednoun)."""
    return _noun_at_head(folded, start, end)


def _noun_at_head(folded: str, start: int, end: int) -> str | None:
    """The noun a sentence's head points back by ("the project" -> "project"), if it opens with such a word."""
    words, nouns = _referent_words()
    head = folded[start:min(end, start + 48)].lstrip(_QUOTES)
    w = word_starting(head, words.get(head[:1], ()))
    if w is None and (plain := unmodified(head, _before_words(), nouns, _modifier_words())) is not None:
        w = word_starting(plain, words.get(plain[:1], ()))  # "this ambitious initiative", 该大型项目 (modifiedhead)
    return None if w is None else next((n for n in nouns if n in w), None)


def _attached(folded: str, hit, noun: str, at: int) -> bool:
    """Whether the noun at offset `at` belongs to the name `hit`: right after it ("Stargate project",
    "星际之门」的项目"), said of it ("Stargate is a joint venture", _said_to_be) or right before it with a word of naming between ("a project called Stargate",
    "名为星际之门的项目"), or inside it, a name that ends in its noun ("the Stargate Project", 星门计划)."""
    if hit.start < at < hit.end:
        return True
    if hit.end <= at:
        gap = folded[hit.end:at].strip(_QUOTES)
        return (len(gap) <= _ATTACHED and gap in ("", "的", "'s", "’s")) or _modified(folded[hit.end:at]) \
            or _said_to_be(folded[hit.end:at])
    gap = folded[at + len(noun):hit.start].rstrip(_QUOTES).strip()
    if gap.startswith("s "):
        gap = gap[2:]
    return gap in _naming_words()


def _said_to_be(gap: str) -> bool:
    """Whether the words between a name and a noun after it say the name is that noun: a verb of being and an
    article ("Stargate is a joint venture", "Stargate, a joint venture", 星际之门是一个合资项目), then only words
    of its kind (names.words [referent-modifier])."""
    m = _BEING.match(gap)
    return m is not None and _modified(gap[m.end():])


_BEING = lazy(r"[\s\"'”’」』]*(?:(?:,\s*|\s+(?:is|was|will\s+be)\s+)(?:a|an|the)\s+|是(?:一个|一项|一家|个|一)?)")


def _part_named(folded: str, hit, at: int) -> bool:
    """Whether the noun at `at` is a thing of the name `hit` other than itself: the name right before it in
    one phrase with other words between than those of its kind ("the Stargate data centre project",
    "星际之门的首个数据中心项目")."""
    if hit.end > at or at - hit.end > _PART_REACH:
        return False
    gap = folded[hit.end:at]
    if any(c in gap for c in ",，;；:：。.!！?？、") or not gap.strip(_QUOTES) or _modified(gap):
        return False
    words = gap.strip(_QUOTES)
    if not words.isascii():  # 的 joins a name to what is its: "星际之门的首个数据中心项目"
        return words.startswith("的")
    words = words.replace("'s ", " ").replace("’s ", " ").split()  # "the Stargate data centre project"
    not_nouns = _modifier_tables()[2]
    return 0 < len(words) <= 3 and not any(w.endswith("ed") or w in not_nouns for w in words)


_PART_REACH = 16  # characters between a name and a noun of one phrase ("」的首个数据中心")


def _modified(gap: str) -> bool:
    """Whether the words between a name and its noun only say what kind of thing the noun is: a gloss in
    brackets, 的 or 's, then words of names.words [referent-modifier] ("」(Stargate)的合资", " AI ")."""
    gap = gap.strip(" \t\"'“”‘’「」『』《》")
    if gap[:1] in "(（":
        close = min((i for i in (gap.find(")"), gap.find("）")) if i > 0), default=-1)
        if close < 0 or close > _GLOSS:
            return False
        gap = gap[close + 1:].strip(" \t\"'“”‘’「」『』《》")
    for word in ("的", "'s", "’s"):
        if gap.startswith(word):
            gap = gap[len(word):]
            break
    modifiers = _modifier_words()
    gap = gap.strip()
    while gap:
        word = next((w for w in modifiers if gap.startswith(w) and (not w.isascii() or not _latin_alnum(gap[len(w):len(w) + 1]))), None)
        if word is None:
            return False
        gap = gap[len(word):].strip()
    return True


def _latin_alnum(c: str) -> bool:
    """Whether c is a Latin letter or digit, which would run on a Latin word ("ai" in "aid"; "AI基础设施" parts)."""
    return c.isascii() and c.isalnum()


_GLOSS = 30  # characters of a gloss in brackets after a name ("「星际之门」(Stargate)")
_MODIFIERS: tuple[tuple[str, ...], dict[str, tuple[str, ...]], frozenset[str]] | None = None


def _modifier_words() -> tuple[str, ...]:
    """names.words [referent-modifier], longest first."""
    return _modifier_tables()[0]


def _spellings(noun: str) -> tuple[str, ...]:
    """The spellings of a noun that points back (names.words [referent-spelling]): 计划 and 计画; and its kin, the
    nouns a text names one thing by in turns ([referent-kin]): "project" and "initiative"."""
    return _modifier_tables()[1].get(noun, (noun,))


def _modifier_tables() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], frozenset[str]]:
    """names.words [referent-modifier] (longest first), [referent-spelling] and [referent-kin] by spelling,
    [referent-not-noun]."""
    global _MODIFIERS
    if _MODIFIERS is None:
        from dsfact.lang import load_words

        tables = load_words("names")
        words = tuple(sorted(tables.get("referent-modifier", {}).get("words", ()), key=len, reverse=True))
        spellings: dict[str, tuple[str, ...]] = {}
        for entry in (*tables.get("referent-spelling", {}).get("words", ()), *tables.get("referent-kin", {}).get("words", ())):
            forms = tuple(entry.split())  # (kin nouns of a thing named by turns: "the Stargate project" ... "The initiative")
            for form in forms:
                spellings[form] = forms
        not_nouns = frozenset(tables.get("referent-not-noun", {}).get("words", ()))
        _MODIFIERS = (words, spellings, not_nouns)
    return _MODIFIERS


def referred_back(text, si: int, q, missing: list[int], subject_d: dict[int, float], penalty: float) -> bool:
    """"據悉，該項目的初始投資為1000億美元": a sentence that opens, perhaps after a short lead, with a noun
    that points back takes the subject of the nearest earlier name the text gave that noun, in its
    paragraph or the one before, a few sentences back, firmly (loosely past the end of the paragraph before:
    a paragraph may open with "This project" about the last one's name); any other name given that noun
    first stops it. `penalty` is what a subject from a sentence nearby counts (matcher.SENTENCE_PENALTY)."""
    found = antecedent(text, si, q)
    if found is None or found[0] != "named":
        return found is not None and found[0] == "part"
    _, back, breaks, hit = found
    _, subjects = text.index.naming(hit.cue)
    given = [ci for ci in missing if ci in subjects]
    for ci in given:
        subject_d[ci] = min(subject_d.get(ci, INF), penalty * (1 + breaks) + q.start - hit.end)
    if breaks and back != si - 1:
        text._loose.update(given)  # further back across a paragraph break it may agree, never contradict
    else:
        text._firm.update(given)
    return bool(given)


def head_noun(text, si: int, q) -> str | None:
    """The noun that opens figure q's sentence, perhaps after a short lead or a speaker's words, and points back
    ("the venture", 该项目), if any."""
    sentence, folded = text.sentences[si], text.folded
    head = head_after_lead(folded, sentence.start, q.start)
    noun = _noun_at_head(folded, head, q.start)
    if noun is None and head == sentence.start:
        noun = _noun_at_head(folded, said_head(folded, head, q.start), q.start)  # "Trump said the venture ..."
    return noun


def antecedent(text, si: int, q) -> tuple | None:
    """What the noun that opens figure q's sentence (perhaps after a short lead or a speaker's words) points
    back to, the nearest earlier thing of that noun a few sentences back in its paragraph or the one before:
    ("named", sentence, paragraph breaks, the name's hit), ("other",) a thing introduced as a new one
    ("a data-centre project in Wisconsin"; and its sentence), ("part",) a thing of a name's ("星际之门的数据中心项目"); None
    when the sentence opens with no such noun or none is found. Worked out once per sentence and figure start (it
    reads q's start alone, and pointed_past and referred_back each ask it of every figure, once per claim left)."""
    said, key = kept(text, "_antecedents"), (si, q.start)
    if key not in said:
        said[key] = _antecedent(text, si, q)
    return said[key]


def _antecedent(text, si: int, q) -> tuple | None:
    sentence = text.sentences[si]
    folded = text.folded
    noun = head_noun(text, si, q)
    if noun is None:
        return None
    for back in range(si - 1, max(si - 1 - LOOKBACK_SENTENCES, -1), -1):
        earlier = text.sentences[back]
        breaks = sentence.paragraph - earlier.paragraph
        if breaks > 1:
            return None
        hits = text.sentence_hits(back)
        places = sorted(at for form in _spellings(noun) for at in _noun_places(folded, earlier.start, earlier.end, form))
        for at in reversed(places):
            named = [h for h in hits if any(text.index.naming(h.cue)) and _attached(folded, h, noun, at)]
            if not named:
                if _introduced(folded, earlier.start, at):
                    return ("other", back)  # "a data-centre project in Wisconsin": another thing of that noun
                if any(_part_named(folded, h, at) for h in hits if any(text.index.naming(h.cue))):
                    return ("part",)  # "星际之门的数据中心项目": a thing of the name's, not the name: no subject, none borrowed
                continue  # "這是史上最大的投資項目": the noun said of what was named before
            return ("named", back, breaks, named[-1])
    return None


_INDEFINITE_LATIN = ("a", "an", "another", "one")
_INDEFINITE_CJK = ("一个", "一项", "一家", "一座", "一处", "另一个", "另一项", "另一家")
_INDEFINITE_REACH = 14  # characters before the noun within which its article stands ("a data-centre project")


def _noun_places(folded: str, start: int, end: int, noun: str) -> list[int]:
    """Where the noun stands in folded[start:end] (whole words for a Latin noun, a plural s allowed)."""
    out, at = [], folded.find(noun, start, end)
    while at >= 0:
        stop = at + len(noun)
        if not noun.isascii() or (not folded[at - 1:at].isalpha() and not folded[stop:stop + 1].replace("s", "").isalpha()):
            out.append(at)
        at = folded.find(noun, stop, end)
    return out


def _introduced(folded: str, start: int, at: int) -> bool:
    """Whether the noun at offset `at` is introduced as a new thing: an indefinite article or 一个 in its
    noun phrase, with no clause mark between."""
    before = folded[max(start, at - _INDEFINITE_REACH):at]
    for mark in ",，;；:：。.":
        before = before.rsplit(mark, 1)[-1]
    if any(w in before for w in _INDEFINITE_CJK):
        return True
    return any(w in _INDEFINITE_LATIN for w in before.split()[-4:])


_NAMED_GAP_WORDS = 3  # "in a new AI venture called Stargate": at most this many words before the naming word
_NAMED_GAP_CJK = 4  # "，打造名为「星际之门」": at most this many Chinese characters before it
_ARTICLES = ("a ", "an ", "the ")


def named_after(matcher, q, after: int | None) -> int | None:
    """Where the name begins that a figure put into something is given after it: "invest $500 billion in a
    venture called Stargate", "投资5000亿美元，打造名为「星际之门」的项目". A word of investing must stand
    before the figure in its clause (roles.words [owner] `before`); None when there is no such name. `after`
    is where a name would begin after "in" or "into" right after the figure (structure._owner_match)."""
    folded = matcher.folded
    comma = folded[q.end:q.end + 1] in (",", "，")
    m = None if comma else after
    if not comma and (m is None or not folded.startswith(_ARTICLES, m)):
        return None  # (the cheap look first: this runs for every figure)
    marks = matcher._marks
    k = bisect.bisect_right(marks, q.start) - 1
    start = max(marks[k] if k >= 0 else 0, matcher.sentences[matcher.sentence_of(q.start)].start)
    latin, chinese = _investing()
    if comma:
        i = q.end + 1
        gap = folded[i:i + _NAMED_GAP_CJK + 4]
        for word in _naming_words():
            at = gap.find(word)
            if not word.isascii() and 0 <= at <= _NAMED_GAP_CJK and all("\u3400" <= c <= "\u9fff" for c in gap[:at]):
                head = folded[start:q.start]
                return _name_start(folded, i + at + len(word)) if any(w in head for w in chinese) else None
        return None
    from dsfact.matching.wordtables import whole_word_in  # (imported on first use: start-up)

    if not whole_word_in(folded, start, q.start, latin):
        return None
    rest = folded[m:m + 60]
    for word in _naming_words():
        if not word.isascii():
            continue
        at = rest.find(" " + word + " ")
        if at >= 0 and len(rest[:at].split()) <= _NAMED_GAP_WORDS + 1 and not any(c in rest[:at] for c in ",;:()"):
            return _name_start(folded, m + at + len(word) + 2)
    return None


_INVESTING: tuple[tuple[str, ...], tuple[str, ...]] | None = None


def _investing() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of investing (roles.words [owner] `before`): the Latin ones, the Chinese ones."""
    global _INVESTING
    if _INVESTING is None:
        words = _owner_words()[3]
        _INVESTING = (tuple(w for w in words if w.isascii()), tuple(w for w in words if not w.isascii()))
    return _INVESTING


def _name_start(folded: str, i: int) -> int:
    while i < len(folded) and folded[i] in _QUOTES:
        i += 1
    return i


_OPENING_QUOTES = "\"“「『"
_CLOSING_QUOTES = "\"”」』"
_SPEAKER_GAP = 40  # characters between a quote's end and the name of the one who said it


def _speech_words() -> tuple[str, ...]:
    """The words that tell who said a quote (names.words [speaker])."""
    from dsfact.lang import words_of

    return words_of("names", "speaker", longest_first=True)


def in_quote(text, si: int, q) -> bool:
    """Whether figure q stands in a quotation that opens its sentence and is still open at q ('"Firms who
    have $6 million to spend ...," said an investor'): the speaker's own voice, which may speak of anyone."""
    sentence, folded = text.sentences[si], text.folded
    first = sentence.start
    while first < q.start and folded[first] in " \t*#-":
        first += 1
    return first < q.start and folded[first] in _OPENING_QUOTES \
        and not any(c in _CLOSING_QUOTES for c in folded[first + 1:q.start])


def quoted(text, si: int, q, cues) -> bool:
    """'"Our goal is to mobilise €200 billion," said the Commission's president': a figure in a quote that
    opens its sentence and names no subject takes the subject of the one said to have said it, right after
    the quote (or at the head of the next sentence of its paragraph), loosely: the speaker's words may be
    about someone else, so the figure may agree but never contradicts."""
    if not in_quote(text, si, q):
        return False  # (the cheap look first: this runs for every figure)
    sentence, folded = text.sentences[si], text.folded
    subject_d = cues.subject  # the claims whose subject no name in reach gives (matcher._Cues)
    missing = [ci for ci in cues.metric if subject_d.get(ci, INF) == INF and ci not in cues.excluded]
    if not missing:
        return False
    close = -1
    for i in range(q.end, sentence.end):
        if folded[i] in _CLOSING_QUOTES:
            close = i
            break
    if close < 0 or not folded[close + 1:sentence.end].strip():
        # the quote runs to the end of its sentence (its closing mark ends it too): the speaker opens the next one
        if si + 1 >= len(text.sentences) or text.sentences[si + 1].paragraph != sentence.paragraph:
            return False
        after = text.sentences[si + 1].start
        while after < len(folded) and folded[after] in _CLOSING_QUOTES + " ":
            after += 1
        stop = text.sentences[si + 1].end
    else:
        after, stop = close + 1, sentence.end
    begin = after + len(folded[after:stop]) - len(folded[after:stop].lstrip(" ,，:："))
    tail = folded[begin:min(stop, begin + _SPEAKER_GAP)]
    speech = next((w for w in _speech_words() if tail.startswith(w)), None)
    if speech is not None:  # '..." said the Commission's president'
        begin, end = begin + len(speech), min(stop, begin + len(speech) + _SPEAKER_GAP)
    else:  # "……，”欧盟委员会主席冯德莱恩表示": the speaker, then the word of saying, in one clause
        for mark in ",，;；。.":
            tail = tail.split(mark, 1)[0]
        said = [tail.find(w) for w in _speech_words() if not w.isascii() and w in tail]
        if not said:
            return False
        end = begin + min(said)
    return _speaker_gives(text, begin, end, q, missing, subject_d)


def _speaker_gives(text, begin: int, end: int, q, missing: list[int], subject_d: dict, said: bool = False) -> bool:
    """Give the claims of `missing` whose subject the first name in folded[begin:end] (the speaker's place)
    names that subject, as a subject from a sentence nearby and loosely (`said`, a clause after the figure that
    tells who said it: firmly when the figure's clause describes that speaker, saidself); whether it gave any."""
    from dsfact.matching.matcher import SENTENCE_PENALTY as penalty

    for hit in text.hits_in(begin, end):
        entity, subjects = text.index.naming(hit.cue)
        if not (entity or subjects):
            continue
        given = [ci for ci in missing if ci in subjects]
        for ci in given:
            subject_d[ci] = min(subject_d.get(ci, INF), penalty + hit.start - q.end)
        # "Meta is building … ‘… more than 3.1 million GPUs,’ said Zuckerberg": a speaker who is the subject
        # the sentence before named speaks of it
        quote_closed = any(c in text.folded[q.end:hit.start] for c in _CLOSING_QUOTES)
        # ('"We used 2,048 H800s," DeepSeek said': the speaker's own "we" before the figure is the speaker)
        ours = quote_closed and _says_we(text, q) or said and describes_speaker(text, q, hit, given, begin, end)
        text._loose.update(ci for ci in given if not (ours or quote_closed and named_just_before(text, q, ci)))
        return bool(given)
    return False


def _says_we(text, q) -> bool:
    """Whether the quotation that opens figure q's sentence speaks in the first person before q ('"The final run
    cost us $5.6 million," DeepSeek said', "“我们只用了2048块H800。”……表示"; names.words [first-person]): the
    speaker's own company, so the speaker named right after the quote is the figure's subject, firmly."""
    from dsfact.matching.sections import speaks_first_person

    sentence = text.sentences[text.sentence_of(q.start)]
    return speaks_first_person(text.folded, sentence.start, q.start, text.text)


def named_just_before(text, q, ci: int) -> bool:
    """Whether the sentence before figure q's, in its paragraph, names claim ci's subject."""
    from dsfact.matching.cues import SUBJECT

    si = text.sentence_of(q.start)
    if si == 0 or text.sentences[si - 1].paragraph != text.sentences[si].paragraph:
        return False
    before = text.sentences[si - 1]
    return any((ci, SUBJECT) in text.roles_of(h) for h in text.hits_in(before.start, before.end))


_TAIL_WORDS = 4  # Latin words after the word of saying: "DeepSeek said on Monday", "said in a statement"


def said_after(text, si: int, q, cues) -> None:
    """"The model cost less than $6 million to build, DeepSeek said.", "该模型的训练成本不到600万美元，DeepSeek
    表示。": a figure whose sentence names no one before it, and whose claims' subject the sentence names only
    past a clause mark after it, takes the speaker of the sentence's last clause when that clause only tells
    who said it (a name and a word of saying, names.words [speaker], in either order), loosely: the
    speaker's words may be about someone else, so the figure may agree but never contradicts (as in
    `quoted`). `cues`: the figure's matcher._Cues."""
    missing = [ci for ci in cues.metric if cues.subject.get(ci) == INF and ci not in cues.excluded]
    if missing and not text._named_before(q, si):
        event_owner(text, si, q, cues)  # "Shares sank 17%, Nvidia's worst day since 2020": the record's owner
        if any(cues.subject.get(ci) == INF for ci in missing):
            _give_speaker(text, si, q, missing, cues.subject)


def _give_speaker(text, si: int, q, missing: list[int], subject_d: dict) -> bool:
    sentence, folded, marks = text.sentences[si], text.folded, text._marks
    k = bisect.bisect_left(marks, q.end)
    last = None
    while k < len(marks) and marks[k] < sentence.end:
        last, k = marks[k], k + 1
    if last is None:
        return False
    begin = last + 1
    tail = folded[begin:sentence.end].rstrip(" \t\n.。!！\"”」'’")
    lead = len(tail) - len(tail.lstrip(" ,，"))
    tail, begin = tail[lead:], begin + lead
    if not tail or len(tail) > 2 * _SPEAKER_GAP:
        return False
    words = _speech_words()
    if any(tail.startswith(w) for w in words):  # "..., according to DeepSeek", "..., said DeepSeek"
        pass
    elif not any(_ends_with_saying(tail, w) for w in words):
        return False
    return _speaker_gives(text, begin, begin + len(tail), q, missing, subject_d, said=True)


def _ends_with_saying(tail: str, word: str) -> bool:
    """Whether a word of saying ends the tail of a sentence, or stands before a few Latin words that end it
    ("DeepSeek said on Monday", "DeepSeek表示")."""
    at = tail.rfind(word)
    if at <= 0:
        return False
    if word.isascii() and tail[at - 1].isalnum():
        return False
    rest = tail[at + len(word):]
    if not word.isascii():
        return not rest.strip()
    return (not rest or not rest[0].isalnum()) and len(rest.split()) <= _TAIL_WORDS and not any(
        c.isdigit() for c in rest)


_COMPOUND_GAP = 1  # characters between the exclude word and the metric noun it qualifies ("hardware cost")


def qualifies_other(text, q, hit, ci: int) -> bool:
    """Whether exclude word `hit` of claim ci qualifies a metric word of ci in a clause other than figure
    q's (not its line's label), while q's clause has a metric word of ci of its own (`text` is a TextMatcher)."""
    marks = text._marks
    clause = bisect.bisect_right(marks, q.start)
    if bisect.bisect_right(marks, hit.start) == clause or in_label(text, q, hit) \
            or hit.start < q.start and answers_question(text.text, hit.end, q.start):
        return False  # (a word of the figure's label: "输出价格：每百万 Token 36 元"; of the question q answers)
    lo = marks[clause - 1] if clause > 0 else text.sentences[text.sentence_of(q.start)].start
    hi = marks[clause] if clause < len(marks) else text.sentences[text.sentence_of(q.start)].end
    qualified = own = False
    for other in text.hits_in(hit.end, hi if hit.start > q.start else q.start):
        if other.start > hit.end + _COMPOUND_GAP:
            break
        qualified = qualified or (ci, METRIC) in text.roles_of(other)
    if not qualified:
        return False
    for other in text.hits_in(lo, hi):
        if other is not hit and (ci, METRIC) in text.roles_of(other):
            own = True
    return own


def spoken_lead(text, si: int, q) -> bool:
    """Whether sentence si opens with a short lead that tells who speaks ("孙正义表示，", "Son said,") and
    names no one between that lead and figure q: the name in the lead is the speaker, not the subject of
    what follows it, which may then point back ("孙正义表示，他们的计画……投资5000亿美元")."""
    sentence, folded = text.sentences[si], text.folded
    head = head_after_lead(folded, sentence.start, q.start)
    if head == sentence.start:
        head = said_head(folded, sentence.start, q.start)  # "Trump said the venture will ...": no comma
        if head == sentence.start:
            return False
    else:
        lead = folded[sentence.start:head].rstrip(" ,，\t")
        if word_ending(lead, _speech_words()) is None:
            return False
    naming = text.index.naming
    return not any(any(naming(h.cue)) for h in text.hits_in(head, q.start))


def lead_not_subject(text, si: int, q) -> bool:
    """Whether the names before figure q in sentence si are a lead's, not its subject: a speaker's lead
    (spoken_lead) or the doers named after a word of agency (dsfact.matching.agentlead)."""
    from dsfact.matching.agentlead import agent_lead

    return spoken_lead(text, si, q) or agent_lead(text, si, q)

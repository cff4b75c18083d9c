"""A sentence that opens with a pronoun ("Its", "The model", 该模型: dsfact/lang/names.words [pronoun]) takes
the subject the sentence before it opens with.

Within a paragraph, firmly, whoever that sentence names after it: "DeepSeek-V3 rivals closed models (GPT-4o,
Claude). Its training cost $5.6 million." A pronoun that names a company ("the company", 该公司) takes no name
when a company the registry lists as another body is named after that opening name (dsfact.matching.companypronoun:
"Stargate was unveiled a day after Microsoft briefed investors. The company ..." is Microsoft's). When that sentence opens with a later version of a registered model
("DeepSeek-V3.2-Exp is an experimental step on the V3 track. It was released in September 2025", V3.2-Exp 是 V3
轨道的实验版本。该版本于……发布), the pronoun is that version's: no registered name after it is borrowed.

Across one paragraph break too, when the paragraph opens with the pronoun and the last sentence of the
paragraph before is a sentence (ending in a stop, not a heading or a title line) that opens with a name:
"DeepSeek-V3 rivals GPT-4o on most tests.¶The model cost $5.6 million to train." A reader takes the name
the writer has just made the topic, not the last one mentioned (GPT-4o, the object of a comparison). It
binds firmly when that sentence names no other body after its opening name (a name it only measures
against, "rivals GPT-4o", is none), loosely (may agree, never contradict) when it does. When that sentence
opens with another body (a company or a subject of other claims), the pronoun is that body's, and no
earlier name is borrowed for it. Nor is one borrowed for a paragraph that opens with a quotation mark (a
speaker's words may be about anyone), or for "the model" after a sentence that speaks of a model of doing
business ("its business model", 商业模式: names.words [not-a-model])."""
from __future__ import annotations

from dsfact.matching.bodies import lent_by_other, opens_with_pronoun
from dsfact.matching.capitals import opens_with_other
from dsfact.matching.companypronoun import names_company, nearer_company
from dsfact.matching.comparison import is_comparison
from dsfact.matching.laterversion import later_version_in
from dsfact.matching.leads import members_only
from dsfact.matching.referents import head_after_lead
from dsfact.matching.saidhead import pronoun_after_lead
from dsfact.matching.subjectclass import index_name
from dsfact.matching.text import INF

_QUOTES = " \t\n\"'“”‘’「」『』《》"
_STOPS = ".。!！?？;；…"
_OPEN_QUOTES = "\"'“‘「『"
_MODEL_WORDS = ("model", "模型")  # the pronouns that name a model ("the model", 该模型, 这款模型)

_NOT_A_MODEL: list = []


def _not_a_model() -> tuple[str, ...]:
    """names.words [not-a-model]: the models that are no product ("business model", 商业模式)."""
    if not _NOT_A_MODEL:
        from dsfact.lang import load_words

        _NOT_A_MODEL.append(tuple(load_words("names").get("not-a-model", {}).get("words", ())))
    return _NOT_A_MODEL[0]


def pronoun_subject(text, si: int, q, missing: list[int], subject_d: dict[int, float], penalty: float) -> bool:
    """Give the missing claims of figure q, in sentence si that opens with a pronoun, the subject the sentence
    before opens with (see the module's docstring); whether the pronoun's subject was decided. `penalty`:
    the distance a subject from an earlier sentence starts at (matcher.SENTENCE_PENALTY)."""
    sentence = text.sentences[si]
    if si == 0:
        return False
    head = head_after_lead(text.folded, sentence.start, q.start)
    if head == sentence.start and (lead := pronoun_after_lead(text.folded, head, q.start)) > head \
            and not any(any(text.index.naming(h.cue)) for h in text.hits_in(head, lead)):
        given = dict(subject_d)  # "Tests indicate that it ...": a finding's lead that names no one, which
        found = opens_with_pronoun(text.folded, lead, q.start) and _decided(text, si, q, lead, missing, subject_d, penalty)
        return found and subject_d != given  # speaks of the subject only when the pronoun gives one
    if not opens_with_pronoun(text.folded, head, q.start):
        return False
    return _decided(text, si, q, head, missing, subject_d, penalty)


def _decided(text, si: int, q, head: int, missing: list[int], subject_d: dict[int, float], penalty: float) -> bool:
    """pronoun_subject once the pronoun is found at `head`: whether its subject was decided."""
    sentence = text.sentences[si]
    before = text.sentences[si - 1]
    if before.paragraph >= sentence.paragraph - 1 and members_only(text, si, q, before, missing):
        return _partners(text, before, q, missing, subject_d, penalty)  # "Their project": the venture's partners'
    if before.paragraph == sentence.paragraph:
        return _within(text, si, q, missing, subject_d, penalty)
    if before.paragraph != sentence.paragraph - 1:
        return False
    lends = _lends_across(text, sentence, before, head)
    if lends is None:
        return False  # a heading or a title line before: the structure's rules decide
    return not lends or _across(text, before, q, missing, subject_d, 2 * penalty)


def _within(text, si: int, q, missing: list[int], subject_d: dict[int, float], penalty: float) -> bool:
    """The pronoun's sentence and the one before share a paragraph: the first name of that sentence, or none when
    that sentence opens with a name no cue word covers (dsfact.matching.capitals.opens_with_other)."""
    before = text.sentences[si - 1]
    if opens_with_other(text, si - 1):
        return True  # "Advantest supplies Nvidia with testers. It fell 10%.": the pronoun is Advantest's
    company = _names_company(text, q)
    for hit in text.sentence_hits(si - 1):
        entity, subjects = text.index.naming(hit.cue)
        if company and index_name(text, hit):
            continue  # "The Nasdaq fell. The company's shares ...": no index is a company (subjectclass)
        if entity and later_version_in(text, hit.start, hit.end):
            return True  # "V3.2-Exp is a step on the V3 track. It was released in September 2025": V3.2-Exp's
        if entity or subjects:
            given = [ci for ci in missing if ci in subjects]
            if given and _company_elsewhere(text, q, si - 1, hit.end):
                return True  # "Stargate was unveiled a day after Microsoft briefed investors. The company ...": Microsoft's
            for ci in given:
                subject_d[ci] = min(subject_d.get(ci, INF), penalty + q.start - hit.end)
                if lent_by_other(text, ci, before.start, before.end):
                    text._loose.add(ci)
                elif _named_after(text, si, q, ci):  # the pronoun names it: its own name again after the figure,
                    text._loose.discard(ci)  # out of its reach ("The company's shares fell 13%, wiping $600
                    # billion off NVIDIA's value"), leaves it firm
            text._firm.update(given)
            return bool(given)
    return False


def _names_company(text, q) -> bool:
    """Whether figure q's sentence opens with a pronoun that names a company ("the company", 该公司)."""
    folded = text.folded
    return names_company(folded, head_after_lead(folded, text.sentences[text.sentence_of(q.start)].start, q.start),
                         q.start)


def _company_elsewhere(text, q, before_si: int, after: int) -> bool:
    """Whether figure q's sentence opens with a pronoun that names a company and sentence before_si names another
    company after offset `after` (the end of the name it would lend): the pronoun is that company's
    (dsfact.matching.companypronoun)."""
    return _names_company(text, q) and nearer_company(text, before_si, after)


def _partners(text, before, q, missing: list[int], subject_d: dict[int, float], penalty: float) -> bool:
    """A plural pronoun after a sentence that names two members or more of a venture and no one else ("Altman,
    SoftBank's chief Masayoshi Son and Oracle's Larry Ellison attended. Their project will invest $500 billion":
    leads.members_only) points to them together: the venture, whose claims take it loosely (the partners' words
    may be about a share of their own: it may agree, never contradict)."""
    given = [ci for ci in missing if text.registry.claims[ci].member_cues]
    for ci in given:
        subject_d[ci] = min(subject_d.get(ci, INF), penalty + q.start - before.end)
    text._loose.update(given)
    return bool(given)


def _lends_across(text, sentence, before, head: int) -> bool | None:
    """Whether the last sentence of the paragraph before may lend its subject to a pronoun opening this one:
    None when it is no sentence (no stop ends it: a heading, a title line, a list's label); False when this
    paragraph opens with a quotation, or "the model" follows a model of doing business (then the pronoun
    takes no earlier name at all)."""
    folded = text.folded
    end = folded[before.start:before.end].rstrip(_QUOTES)[-1:]
    if not end or end not in _STOPS:
        return None
    opening = folded[sentence.start:head + 1].lstrip(" \t\n")[:1]
    if opening and opening in _OPEN_QUOTES:
        return False  # '"The model cost us $6 million," an analyst said': a speaker's words
    pointer = folded[head:head + 24]
    if any(w in pointer for w in _MODEL_WORDS):
        words = folded[before.start:before.end]
        if any(w in words for w in _not_a_model()):
            return False
    return True


def _across(text, before, q, missing: list[int], subject_d: dict[int, float], penalty: float) -> bool:
    """The subject the sentence `before` (the paragraph before's last) opens with, for the pronoun opening
    figure q's paragraph: firmly when that sentence names no other body after it, else loosely; when it
    opens with another body, the pronoun is that body's (True, no claim given)."""
    folded, naming = text.folded, text.index.naming
    hits = text.sentence_hits(text.sentence_of(before.start))
    named = [(hit, naming(hit.cue)) for hit in hits]
    named = [(hit, entity, subjects) for hit, (entity, subjects) in named if entity or subjects]
    if named and _names_company(text, q):
        named = [n for n in named if not index_name(text, n[0])]  # no index is a company (subjectclass)
    if not named:
        return False
    first, entity, subjects = named[0]
    start = head_after_lead(folded, before.start, before.end)
    gap = folded[start:first.start].strip(_QUOTES)
    if gap not in ("", "the"):
        return False  # "Shares of Nvidia fell": no name opens the sentence; borrowing decides
    given = [ci for ci in missing if ci in subjects]
    if given and _company_elsewhere(text, q, text.sentence_of(before.start), first.end):
        return True  # "... a day after Microsoft briefed investors.¶The company will invest ...": Microsoft's
    for ci in given:
        subject_d[ci] = min(subject_d.get(ci, INF), penalty + q.start - first.end)
        others = any(hit.cue != first.cue and (ent or ci not in subs) and not is_comparison(folded, hit.start, hit.end)
                     and not _cause(text, hit) for hit, ent, subs in named[1:])  # ("rivals GPT-4o": a measure,
        # not another topic; "slid after the launch of DeepSeek's R1": the cause of its news, not another topic)
        if others or lent_by_other(text, ci, before.start, before.end):
            text._loose.add(ci)  # "DeepSeek-V3 rivals GPT-4o.¶The model ...": it may agree, never contradict
        else:
            text._firm.add(ci)
            if _named_after(text, text.sentence_of(q.start), q, ci):
                text._loose.discard(ci)  # (its own name again after the figure leaves it firm, as within)
    return True


def _cause(text, hit) -> bool:
    """Whether the name at `hit` stands in a phrase of cause of its clause ("after the launch of DeepSeek's R1",
    由于DeepSeek: dsfact.matching.aside.caused_name): what moved the subject, not another topic."""
    import bisect

    from dsfact.matching.aside import caused_name

    marks = text._marks
    k = bisect.bisect_left(marks, hit.start)
    return caused_name(text.folded, hit.start, hit.end, marks[k - 1] if k else 0)


def _named_after(text, si: int, q, ci: int) -> bool:
    """Whether sentence si names claim ci's subject after figure q (a name out of q's reach, which alone would
    make a borrowed subject loose: dsfact.matching.matcher)."""
    return any(hit.start >= q.end and ci in text.index.naming(hit.cue)[1] for hit in text.sentence_hits(si))

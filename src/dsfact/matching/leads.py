"""What the first sentence under a heading or a title line, and the sentences before a figure, lend it:
a headline is written to be read with its lead ("## The $5.6M question" over "How did DeepSeek train V3 so
cheaply?"), and a sentence that names only a venture's members ("Oracle said the first site is in Texas")
does not turn the story away from the venture. Used by dsfact.matching.matcher and prefilter."""
from __future__ import annotations

import re

from dsfact.lang import words_of
from dsfact.matching.afterword import title_subjects
from dsfact.matching.bodies import opens_with_pronoun
from dsfact.matching.comparison import is_comparison
from dsfact.matching.leadmetric import lead_metric
from dsfact.matching.memo import LastText
from dsfact.matching.others import not_names as _not_names
from dsfact.matching.text import INF
from dsfact.matching.timewords import inside
from dsfact.matching.wordtables import word_starting
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

_PROPER_NAME = re.compile(r"[A-Z](?<=\b.)[A-Za-z]+")  # (\b[A-Z][A-Za-z]+, led by its class: see capitals)
_TITLE_LONGEST = 100  # characters: a title line is short
_TITLE_ENDS = ".!?。！？:：;；…,，"
_FIGURE_WORDS = 3  # words: "$5.6 million." stands as a title line; "It cost $5.6 million." does not
_FIGURE_LONGEST = 24  # characters
_LIST_ITEM = lazy(r"[-*•·▪◦●–][ \t]+\S")  # a line opening with a bullet: a list's item
_HEADINGS = LastText()  # the structure last read -> {"spans": its headings' spans}


def _headings(structure) -> frozenset[tuple[int, int]]:
    """The spans of the headings with a block under them (the contexts they give), found once per text."""
    found = _HEADINGS.of(structure)
    spans = found.get("spans")
    if spans is None:
        spans = found["spans"] = frozenset((a, b) for c in structure.contexts for a, b, heading in c if heading)
    return spans


def title_at(matcher, si: int) -> tuple[int, int] | None:
    """The span of the heading or title line that sentence si is, if it is one and a paragraph follows it: a
    heading of the document (one that gives its subject to a block under it), or a line standing alone as its paragraph, short and
    without a stop at its end ("The $5.6M question" over the story), as plain text and Markdown written
    without marks set a headline."""
    sentences = matcher.sentences
    if si + 1 >= len(sentences):
        return None
    s = sentences[si]
    structure = matcher.structure
    if structure is not None:
        for a, b in _headings(structure):
            if a <= s.start < b:
                return a, b
    if (si and sentences[si - 1].paragraph == s.paragraph) or sentences[si + 1].paragraph == s.paragraph:
        return None
    line = matcher.text[s.start:s.end].strip()
    if not line or len(line) > _TITLE_LONGEST or "\n" in line or line[-1] in _TITLE_ENDS and not _figure_line(line):
        return None
    if _LIST_ITEM.match(line):
        return None  # "• Time duration 2 months with the cost ... ~$55 million": an item of a list, not a headline
    return s.start, s.end


def _figure_line(line: str) -> bool:
    """Whether a line standing alone is a figure and little else, stop and all ("$5.6 million.", "560万美元！"):
    a writer who sets a bare figure as its own paragraph opens with it as with a headline, and the sentence
    under it says what it is ("That's what DeepSeek says V3 cost to train"). Not a line that ends with a colon: it
    introduces what follows ("11月26日，一家公司发布了新模型：", short as it is in Chinese, which spaces no words)."""
    if line.endswith((":", "：")):
        return False
    body = line.rstrip(_TITLE_ENDS).strip()
    return bool(body) and any(c.isdigit() for c in body) and len(body.split()) <= _FIGURE_WORDS \
        and len(body) <= _FIGURE_LONGEST


def title_case(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a heading set in title case ("Compute Power: 1.3M GPUs by Year-End"): most
    of its words, and at least three, begin with a capital, so its capitals name no one by themselves."""
    words = [w for w in text[start:end].split() if any(c.isalpha() for c in w)]
    return len(words) >= 3 and sum(1 for w in words if w.lstrip("\"'“‘(").isupper() or w.lstrip("\"'“‘(")[:1].isupper()) * 3 > 2 * len(words)


def heading_lead(text, si: int, q: Quantity, cues, family: frozenset[int], penalty: float, far: float) -> None:
    """"## 1.3M GPUs by year-end" over "Meta's Zuckerberg set out the plan ...", "## The $5.6M question" over
    "How did DeepSeek train V3 so cheaply?": a figure in a heading (or a title line, title_at) that names no one takes its subject from
    the first sentence under the heading, the first name there deciding, and, when the heading holds no
    metric word of that subject's claims, their metric words from that sentence too. A headline is
    written to be read with its lead, but loosely: such a figure may agree with a claim, never contradict it. So
    may a title's figure whose subject only its words after a colon name (afterword.title_subjects), and a list item's
    figure whose metric word only its lead line holds (leadmetric)."""
    text._loose.update(title_subjects(text, q, cues))  # "$600 Billion Loss: Nvidia's Stock Slides"
    lead_metric(text, q, cues, family, far)  # "The actual cost structure:" over "- Base model (V3): $5.6 million"
    span = title_at(text, si)
    if span is None or cues.entity < INF:
        return
    lead = text.sentences[si + 1]
    if lead.start < span[1] or title_at(text, si + 1) is not None:
        return  # the heading's own next sentence, or a heading right under it: no lead
    if any(d < INF for d in cues.subject.values()) or (names_other(text, span[0], span[1], True)
                                                        and not title_case(text.text, span[0], span[1])):
        return  # the heading names its own subject, or someone no cue word knows (in title case, capitals name no one)
    given: list[int] = []
    for hit in text.sentence_hits(si + 1):
        entity, subjects = text.index.naming(hit.cue)
        if entity or subjects:
            given = [ci for ci in subjects if ci in family and not is_comparison(text.folded, hit.start, hit.end)]
            break
    if not given:
        return
    lead_metrics = text.sentence_claims()[0][si + 1]
    distance = penalty + lead.start - q.end
    for ci in given:
        if ci not in cues.metric:
            if ci not in lead_metrics:
                continue
            cues.metric[ci] = far  # the lead's word, far from the figure
        if ci not in cues.excluded:
            cues.subject[ci] = min(cues.subject.get(ci, INF), distance)
            text._loose.add(ci)


def members_only(text, si: int, q: Quantity, earlier, missing: list[int]) -> bool:
    """Whether every name the earlier sentence gives is a member of the subject of a claim in `missing` (its
    `cues.members`: "Oracle", 软银 for Stargate), or a member's chief ("SoftBank's chief Masayoshi Son": names.words
    [chief] `before` between): a sentence about partners does not turn the story away from the venture they make
    together, for a figure of a later sentence that names no one ("The partners will spend $500bn"), unless the
    figure's sentence opens with a pronoun, which points to the member ("OpenAI said ... Its value reached $300
    billion"); a plural one after two members or more points to them together ("Altman, Son and Ellison attended.
    Their project will invest $500 billion": names.words [plural-pronoun])."""
    start, end = earlier.start, earlier.end
    members = set()
    folded_cues = text.registry.folded_cues
    claims = text.registry.claims
    for ci in missing:
        members.update(folded_cues.get(c) or c.lower() for c in claims[ci].member_cues)
    if not members:
        return False
    naming, folded, named, chief = text.index.naming, text.folded, set(), False
    last = None  # the last member named, and where it ends
    for hit in text.hits_in(start, end):
        entity, subjects = naming(hit.cue)
        if entity or subjects:
            name = folded[hit.start:hit.end].removesuffix("'s").removesuffix("’s")  # ("SoftBank’s chief")
            if name in members:
                named.add(name)
                last = hit.end
            elif last is None or not _chief_between(folded[last:hit.start]):
                return False
            else:
                chief = True
    if not named:
        return False
    if chief:  # a person read as the member's own: what is found past them binds loosely
        text._loose.update(ci for ci in missing if claims[ci].member_cues)
    if opens_with_pronoun(folded, text.sentences[si].start, q.start):
        return len(named) >= 2 and _plural_head(folded, text.sentences[si].start, q.start)
    return True


def _chief_between(gap: str) -> bool:
    """Whether the words between a member's name and a person's name make the person its own: a possessive, a word
    of a chief's title, or both ("'s", "'s chief", " CEO ", "的", "首席执行官": names.words [chief] `before`)."""
    gap = gap.strip()
    owned = gap.startswith(("'s", "’s", "的"))
    gap = gap.removeprefix("'s").removeprefix("’s").removeprefix("的").strip()
    titles = (*words_of("names", "chief", "before"), "chief")
    return (owned and not gap) or len(gap) <= 30 and any(gap == w or gap.endswith((" " + w, w)) for w in titles if gap)


def _plural_head(folded: str, start: int, end: int) -> bool:
    head = folded[start:min(end, start + 24)].lstrip(" \t\n\"'“‘「")
    return word_starting(head, words_of("names", "plural-pronoun")) is not None


def member_of(text, hit, given: dict[int, int]) -> dict[int, int]:
    """The claims of `given` (whose subject an earlier name of the same sentence gave) of whose subject the name
    `hit` is a member (its `cues.members`): "Stargate was unveiled by OpenAI, SoftBank and Oracle" names the
    venture's partners after it, who leave it the sentence's subject (matcher._names_in); another body, none."""
    name, folded_cues, claims = text.folded[hit.start:hit.end], text.registry.folded_cues, text.registry.claims
    return {ci: at for ci, at in given.items()
            if name in {folded_cues.get(c) or c.lower() for c in claims[ci].member_cues}}


def names_other(text, start: int, end: int, heading: bool) -> bool:
    """Whether text[start:end] names someone no cue word covers (a capitalised word that is not a
    month, weekday or the like, nor, outside a heading, the first of a sentence): an unregistered
    subject. A heading's first word may be a name ("## Falcon 180B"); when in doubt, it is one."""
    words = text.text[start:end]
    covered = [(h.start - start, h.end - start) for h in text.hits_in(start, end)]
    not_names = _not_names()
    for m in _PROPER_NAME.finditer(words):
        before = words[:m.start()].rstrip()
        if (not heading and (not before or before[-1] in ".!?:")) or m.group().lower() in not_names:
            continue
        if not inside(m.start(), covered):
            return True
    return False


def listed_heading(text, start: int, end: int, missing: list[int]) -> list[int]:
    """The claims of `missing` whose subjects a heading text[start:end] names, when it names the subjects of
    several claims ("# Meta, South Korea and Colossus": a list of what the text covers, whose last name is no
    nearer a figure far below than its first): a figure may agree with them but never contradicts them."""
    naming = text.index.naming
    given = sorted({ci for hit in text.hits_in(start, end) for ci in naming(hit.cue)[1] if ci in missing})
    return given if len({text.registry.claims[ci].subject for ci in given}) > 1 else []

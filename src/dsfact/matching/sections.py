"""A subject borrowed from another section: in a roundup each item stands under a heading of its own ("## DeepSeek"
over V3's cost, then "## Cohere" over "The Toronto start-up said its newest model cost $9 million"), and a figure
under one heading whose sentence names no one is not about the subject an earlier item named. A subject carried
into a section from the body or heading of another section (one whose heading is not above the figure) binds
loosely: it may agree, never contradict. A name in a heading above the figure (the story's title) or in the
body that opens the document, or the section above it, carries as before."""
from __future__ import annotations

import bisect

from dsfact.fold import has_han
from dsfact.matching.pointednoun import pointed_elsewhere
from dsfact.matching.smallerafter import below_earlier
from dsfact.matching.text import INF
from dsfact.matching.wordtables import Alternation

_FIRST_PERSON: Alternation | None = None
_POINTERS: Alternation | None = None
_NOT_AS_WRITTEN: frozenset[str] | None = None


def carried_loosely(text, q, si: int, missing: list[int], subject_d: dict[int, float]) -> list[int]:
    """The claims of `missing` whose subject figure q borrowed in a way that binds loosely: from another
    section (other_section), into a sentence that speaks in the first person (first_person), or across a
    larger figure of q's unit (dsfact.matching.smallerafter: a part or another state of it), or into a sentence
    that opens by pointing back with a noun no subject table reads (dsfact.matching.pointednoun: 該案, "this bid")."""
    return other_section(text, q, missing, subject_d) + first_person(text, q, si, missing, subject_d) \
        + below_earlier(text, q, si, missing, subject_d) + pointed_elsewhere(text, q, si, missing, subject_d)


def other_section(text, q, missing: list[int], subject_d: dict[int, float]) -> list[int]:
    """The claims of `missing` whose subject figure q borrowed (a finite `subject_d`) from a name in another
    section of the text than q's own (see the module's docstring)."""
    structure = text.structure
    if structure is None:
        return []
    borrowed = [ci for ci in missing if subject_d.get(ci, INF) < INF]
    if not borrowed:
        return []
    chain = [span for span in structure.context_of(q.start) if span[2]]  # the headings above q, innermost first
    if not chain:
        return []
    own = chain[0][0]
    naming = text.index.naming
    out = []
    for ci in borrowed:
        if any(ci in naming(h.cue)[1] for h in text.hits_in(own, q.start)):
            continue  # named in the figure's own section (its heading or its body)
        before = [h for h in text.hits_in(0, own) if ci in naming(h.cue)[1]]
        if not before:
            continue
        pos = before[-1].start
        if any(a <= pos < b for a, b, _ in chain):
            continue  # a heading above the figure names it
        head = _section_head(structure, pos)
        if head is not None and head not in [span[:2] for span in chain]:
            out.append(ci)
    return out


def _section_head(structure, pos: int) -> tuple[int, int] | None:
    """The span of the heading whose section holds offset pos: the heading itself when pos stands in one (a
    heading a block under it names as its own), else the innermost heading above pos's block; None before
    every heading."""
    k = bisect.bisect_right(structure.starts, pos) - 1
    if k < 0 or pos >= structure.ends[k]:
        return None
    span = (structure.starts[k], structure.ends[k])
    if any(k + 1 < len(structure.contexts) and c[:2] == span and c[2] for c in structure.contexts[k + 1]):
        return span
    heads = [c[:2] for c in structure.contexts[k] if c[2]]
    return heads[0] if heads else None


def first_person(text, q, si: int, missing: list[int], subject_d: dict[int, float]) -> list[int]:
    """The claims of `missing` whose subject figure q borrowed from an earlier sentence while its own sentence
    speaks in the first person before it (names.words [first-person]: "A: We used 4,096, and the run cost us
    $11 million" after a question about DeepSeek; "答：我们用了1万块，成本约3,000万美元"): the speaker's figure,
    whoever the speaker is. They bind loosely: the figure may agree, never contradict."""
    borrowed = [ci for ci in missing if subject_d.get(ci, INF) < INF]
    if not borrowed or not speaks_first_person(text.folded, text.sentences[si].start, q.start, text.text):
        return []
    from dsfact.matching.ourwords import speaks_for  # (only for the first person)

    # ('"... we ...," he said': his company's; "Commission President von der Leyen ... She told: 'our'")
    return [ci for ci in borrowed if not speaks_for(text, q, si, ci)]


def answered(text, q, si: int, subject_d: dict[int, float]) -> list[int]:
    """The claims whose subject figure q's sentence names only in a question before an answer that speaks in
    the first person ("問：DeepSeek用了2048塊GPU，你們呢？答：我們用了1萬塊，成本約3,000萬美元", read as one
    sentence): the answer's figure is the speaker's. They bind loosely."""
    folded, start = text.folded, text.sentences[si].start
    asked = folded.rfind("?", start, q.start)  # (most sentences ask nothing: nothing more is read)
    if asked < 0 or not speaks_first_person(folded, asked, q.start, text.text):
        return []
    naming, hits = text.index.naming, text.hits_in(start, q.start)
    return [ci for ci, d in subject_d.items() if d < INF and not any(
        ci in naming(h.cue)[1] for h in hits if h.start > asked)]


def speaks_first_person(folded: str, start: int, end: int, original: str | None = None) -> bool:
    """Whether folded[start:end] says a word of the first person (names.words [first-person]) with no word
    that points back to a subject after it ("We think it spent $6.5 million": "it" is DeepSeek; names.words
    [pronoun]). `original`, the text as written (folded's offsets): a word written as one of [first-person]
    `as-written-not` is another word ("US", the country)."""
    global _FIRST_PERSON, _POINTERS, _NOT_AS_WRITTEN
    if _FIRST_PERSON is None or _POINTERS is None or _NOT_AS_WRITTEN is None:
        from dsfact.lang import words_of

        _FIRST_PERSON = Alternation(words_of("names", "first-person"))
        _POINTERS = Alternation(words_of("names", "pronoun", "before"))
        _NOT_AS_WRITTEN = frozenset(words_of("names", "first-person", "as-written-not"))
    chinese = has_han(folded[start:end])
    last = None
    for m in _FIRST_PERSON.get(chinese).finditer(folded, start, end):
        if original is not None and original[m.start():m.end()] in _NOT_AS_WRITTEN:
            continue
        last = m
    return last is not None and _POINTERS.get(chinese).search(folded, last.end(), end) is None

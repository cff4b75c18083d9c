"""A figure told with its claim's metric word and no subject takes it from the sentence after its own: one that
gives the thing it speaks of a registered name ("... a venture to invest $500 billion. The venture, called
Stargate, ..."), one that a colon introduces and that opens with a name (a line "DeepSeek-V3." after "released its
new model:"), or one that takes the metric up by a word that points back.

Taken up by a word that points back ("... our total training costs amount to only $5.576M. Note that the aforementioned costs
include only the official training of DeepSeek-V3", "……总训练成本仅为557.6万美元。上述成本仅包括DeepSeek-V3的正式训练"):
the subject that clause names is the figure's, as a reader takes it. The pointing words are language data
(roles.words [back-reference]); the metric word must follow one of them closely, and the subject must be the
first name after it in its clause. Only a verb of scope between them ("include only the training of") binds the
figure firmly; any other may compare the name ("These costs are ten times those of DeepSeek-V3"): loosely, it may
agree but never contradict."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.lang import words_of
from dsfact.matching.text import INF

_GAP_WORDS = 2  # Latin words between the pointing word and the metric word ("aforementioned training costs")
_GAP_CJK = 4  # Chinese characters between them (上述训练成本)
_CLAUSE_MARKS = ",，;；:：。.!！?？"


def named_after(matcher, q, si: int, missing: list[int], cues, distance: float) -> bool:
    """Whether the sentence after figure q's gives it the subject of a claim in `missing`: by naming what it
    speaks of (named_next), by being the name a colon introduces (introduced_next), or by taking up q's metric
    with a word pointing back (named_on_recall)."""
    return named_next(matcher, q, si, missing, cues, distance) or named_on_recall(matcher, q, si, missing, cues, distance) \
        or introduced_next(matcher, q, si, missing, cues, distance)


_QUOTES = "\"'“”‘’「」『』《》"
_LINE_MARKS = _QUOTES + "*_#"  # marks that may open the introduced line ("**DeepSeek-V3**", 「V3」)
_NAMED_NEXT_HEAD = 48  # characters from its start within which the next sentence gives the name


def _next_name(matcher, si: int, missing: list[int]):
    """The first name of the sentence after sentence si (in its paragraph, or opening the next one: nothing
    else comes between), and the claims of `missing` whose subject it names; None when there is no such
    sentence or it names no one."""
    sentences = matcher.sentences
    if si + 1 >= len(sentences) or sentences[si + 1].paragraph - sentences[si].paragraph > 1:
        return None
    for h in matcher.sentence_hits(si + 1):
        entity, subjects = matcher.index.naming(h.cue)
        if entity or subjects:
            return h, [ci for ci in missing if ci in subjects]
    return None


def _give_next_name(matcher, q, si: int, h, given: list[int], cues, distance: float) -> None:
    """Give figure q the subject of the claims `given` from the name at h in the next sentence; across a
    paragraph break loosely: it may agree, never contradict."""
    for ci in given:
        cues.subject[ci] = min(cues.subject.get(ci, INF), distance + h.start - q.end)
    if matcher.sentences[si + 1].paragraph != matcher.sentences[si].paragraph:
        matcher._loose.update(given)


def named_next(matcher, q, si: int, missing: list[int], cues, distance: float) -> bool:
    """"OpenAI, Oracle and SoftBank will form a venture to invest $500 billion. The venture, called
    Stargate, ...": a figure with a claim's metric word and no subject takes it from the next sentence (of
    its paragraph, or the first of the next) when that sentence opens by giving the claim's registered name to
    what it speaks of ("The venture, called Stargate", "It is named Stargate", "Dubbed Stargate, the project",
    "该公司名为「星际之门」"). The bodies and people named before the figure then formed or announced the thing
    ("President Donald Trump revealed a $500 billion joint venture"); they are not its subject. `distance` is what a subject from
    a sentence nearby counts (matcher.SENTENCE_PENALTY)."""
    found = _next_name(matcher, si, missing)
    if found is None:
        return False
    h, given = found
    start, folded = matcher.sentences[si + 1].start, matcher.folded
    if h.start > start + _NAMED_NEXT_HEAD or not given:
        return False  # a name too far into the sentence, or another name first
    head = folded[start:h.start].strip().rstrip(_QUOTES).strip()
    if any(c.isdigit() for c in head) or not any(head.endswith(w) and (not w.isascii() or head[:-len(w)][-1:] in ("", " "))
                                                 for w in words_of("roles", "naming")):
        return False
    _give_next_name(matcher, q, si, h, given, cues, distance)
    cues.entity, cues.named_before, cues.formed = INF, False, True
    return True


def introduced_next(matcher, q, si: int, missing: list[int], cues, distance: float) -> bool:
    """Whether figure q's sentence ends with a colon that introduces what the next sentence names first
    ("On 26 December a Hangzhou start-up released its new model:" over a line "DeepSeek-V3."): the figure
    takes that name as its subject when it is one of a claim in `missing`. Across a paragraph break the
    binding is loose: it may agree, never contradict; but for a line that holds the name alone (_name_line): the
    sentence's own object set on a line of its own, which structure gives as firmly as the sentence would."""
    sentence, folded = matcher.sentences[si], matcher.folded
    if not folded[sentence.start:sentence.end].rstrip().endswith((":", "：")):
        return False
    found = _next_name(matcher, si, missing)
    if found is None:
        return False
    h, given = found
    if not given or folded[matcher.sentences[si + 1].start:h.start].strip(_LINE_MARKS + " \t\n"):
        return False  # another name first, or words before the name: the line is no bare introduction
    if _name_line(matcher, si + 1, h):
        for ci in given:  # as near as the sentence's own words: "12月26日，一家杭州公司发布了新模型：⏎⏎DeepSeek-V3。"
            cues.subject[ci] = min(cues.subject.get(ci, INF), float(h.start - q.end))
        return True
    _give_next_name(matcher, q, si, h, given, cues, distance)
    return True


def _name_line(matcher, k: int, h) -> bool:
    """Whether sentence k, which opens with the name at h, is a paragraph of its own holding that name alone (marks
    of emphasis, quotes and a full stop aside): "DeepSeek-V3。", "**DeepSeek-V3**"."""
    sentences, folded = matcher.sentences, matcher.folded
    sentence = sentences[k]
    alone = (k + 1 >= len(sentences) or sentences[k + 1].paragraph != sentence.paragraph) \
        and (k == 0 or sentences[k - 1].paragraph != sentence.paragraph)
    return alone and not folded[h.end:sentence.end].strip(_LINE_MARKS + " \t\n.。!！")


def named_on_recall(matcher, q, si: int, missing: list[int], cues, distance: float) -> bool:
    """Whether the sentence after figure q's, in its paragraph, takes up the metric of a claim in `missing`
    (claims whose metric word q's sentence holds, with no subject) by a pointing word, and names that claim's
    subject in the same clause; the subject then stands at `distance` (matcher.SENTENCE_PENALTY) and more."""
    sentences = matcher.sentences
    if si + 1 >= len(sentences) or sentences[si + 1].paragraph != sentences[si].paragraph:
        return False
    folded = matcher.folded
    hits = matcher.sentence_hits(si + 1)
    by_role = matcher.index.claims_by_role  # (a metric word may serve many claims: its set, found once)
    for k, h in enumerate(hits):
        metric = by_role(h.cue)[0]
        if metric.isdisjoint(missing):
            continue  # (most words of the next sentence are no metric word of these claims)
        taken = [ci for ci in missing if ci in metric]
        if not taken or not _pointed(folded, sentences[si + 1].start, h.start):
            continue
        for n in hits[k + 1:]:
            if any(c in _CLAUSE_MARKS for c in folded[h.end:n.start]):
                return False
            entity, subjects = matcher.index.naming(n.cue)
            given = [ci for ci in taken if ci in subjects]
            if given:
                for ci in given:
                    cues.subject[ci] = min(cues.subject.get(ci, INF), distance + n.start - q.end)
                if not _scoped(folded[h.end:n.start]):
                    matcher._loose.update(given)  # "These costs are ten times those of DeepSeek-V3": compared
                return True
            if entity or subjects:
                return False  # another name comes first
        return False
    return False


def _scoped(between: str) -> bool:
    """Whether the words between the metric word and the name hold a verb of scope (roles.words
    [back-reference] `clause`: "include only the official training of", 仅包括) that no word of negation before
    it (`before`: "do not include", 不包括) turns round."""
    for w in words_of("roles", "back-reference", "clause"):
        at = between.find(w) if not w.isascii() else _whole(between, w)
        if at >= 0:
            return not _negated(between[:at])
    return False


def _whole(text: str, word: str) -> int:
    at = f" {text} ".find(f" {word} ")
    return at  # (the padded text's offset of the space before the word is the word's own offset)


def _negated(before: str) -> bool:
    words = f" {before.replace(',', ' ')} "
    for w in words_of("roles", "back-reference", "before"):
        if (w.isascii() and f" {w} " in words) or (not w.isascii() and before.endswith(w)):
            return True
    return False


def _pointed(folded: str, start: int, at: int) -> bool:
    """Whether a pointing word stands before folded[at] within the gap allowed, in the sentence from `start`."""
    before = folded[max(start, at - 40):at]
    if has_han(before[-_GAP_CJK - 2:]):
        tail = before[-_GAP_CJK - 2:]
        return any(w in tail for w in words_of("roles", "back-reference") if not w.isascii())
    words = before.replace(",", " ").split()
    near = words[-_GAP_WORDS - 1:]
    return any(w in near for w in words_of("roles", "back-reference") if w.isascii())


def names_next(matcher, si: int) -> bool:
    """Whether the sentence after sentence si may give a figure of si a subject by one of the rules above, whatever
    claims the figure lacks one for: its first name heads it after a word of naming (named_next), si ends with a
    colon and that sentence opens with a name (introduced_next), or a word there that points back stands before a
    metric word (named_on_recall). Each rule's own test of which claims the name gives is left out: what
    matcher._unreached asks before a figure's cue words are read."""
    sentences, folded = matcher.sentences, matcher.folded
    if si + 1 >= len(sentences) or sentences[si + 1].paragraph - sentences[si].paragraph > 1:
        return False
    start = sentences[si + 1].start
    found = _next_name(matcher, si, ())
    if found is not None and matcher.index.naming(found[0].cue)[1]:
        h = found[0]
        head = folded[start:h.start].strip().rstrip(_QUOTES).strip()
        if h.start <= start + _NAMED_NEXT_HEAD and not any(c.isdigit() for c in head) and any(
                head.endswith(w) and (not w.isascii() or head[:-len(w)][-1:] in ("", " ")) for w in words_of("roles", "naming")):
            return True
        sentence = sentences[si]
        if folded[sentence.start:sentence.end].rstrip().endswith((":", "：")) \
                and not folded[start:h.start].strip(_LINE_MARKS + " \t\n"):
            return True
    if sentences[si + 1].paragraph != sentences[si].paragraph:
        return False
    by_role = matcher.index.claims_by_role
    return any(by_role(h.cue)[0] and _pointed(folded, start, h.start) for h in matcher.sentence_hits(si + 1))

"""The evidence behind a disagreement, named (issue 9, "When in doubt, stay quiet"): how a figure that
disagrees with its claim was bound to it, in a few plain grades a person can audit.

- subject: CLAUSE (the claim's subject is named in the figure's own clause, or a table's row or header
  names it), SENTENCE (named in the sentence, in another clause), CARRIED (from an earlier sentence: by a
  pronoun, an epithet, a sentence that names it with nothing else between), HEADING (a heading or a
  list's lead line above the figure);
- metric: CLAUSE (a metric word of the claim in the figure's own clause, a bracketed aside counting as
  part of the clause it stands in and a clause of means as part of the clause it leads; or the figure's
  own words, a table's row or column, the label of a "Label: value" line, the question a FAQ's answer
  answers), PARALLEL (in an earlier clause
  of the sentence, governing a figure of the same unit there, which the figure's clause continues: "Grok 2
  used 20,000 GPUs, while Grok 3 used 150,000"), SENTENCE (only elsewhere in the sentence), NONE (no
  metric word of the claim in the sentence);
- time: NONE (the claim is tied to no time), STATED (the figure's own words or its sentence place it in
  the claim's time), UNSAID (nothing in its sentence does: its time is merely not contradicted).

`firm` is the minimum a contradiction needs; a weaker binding may agree with a claim but never contradicts
it. Read only when a figure disagrees with its claim.
"""
from __future__ import annotations

import bisect

from dsfact.lang import words_of
from dsfact.matching.alone import restated_until, stands_alone
from dsfact.matching.claimed import claimed_figure
from dsfact.matching.dateclause import run_in_label
from dsfact.matching.listlead import lists_under
from dsfact.matching.matcher import SENTENCE_PENALTY, STRUCTURE_PENALTY
from dsfact.matching.opening import topic_opener
from dsfact.matching.relativetime import clause_end, relative_end
from dsfact.matching.sentences import after_question, asked
from dsfact.matching.structure import means_clause
from dsfact.matching.subjectclause import past_shared_clauses, past_subject_clauses
from dsfact.matching.text import line_start
from dsfact.matching.timefits import time_fits
from dsfact.matching.timewords import time_tags
from dsfact.matching.when import year_kind
from dsfact.matching.wordtables import word_starting

CLAUSE, PARALLEL, SENTENCE, CARRIED, HEADING, NONE = "clause", "parallel", "sentence", "carried", "heading", "none"
STATED, UNSAID = "stated", "unsaid"


class Evidence:
    """How a figure is bound to a claim it disagrees with (see the module's docstring)."""

    __slots__ = ("subject", "metric", "time", "kind")

    def __init__(self, subject: str, metric: str, time: str, kind: str = NONE) -> None:
        self.subject, self.metric, self.time, self.kind = subject, metric, time, kind

    def __repr__(self) -> str:
        return (f"Evidence(subject={self.subject!r}, metric={self.metric!r}, time={self.time!r}, "
                f"kind={self.kind!r})")

    def features(self) -> dict[str, float]:
        """As the gate reads them (dsfact.matching.gate.FEATURES)."""
        return {"subject_in_clause": float(self.subject == CLAUSE),
                "subject_carried": float(self.subject in (CARRIED, HEADING)),
                "metric_in_clause": float(self.metric == CLAUSE),
                "metric_none": float(self.metric == NONE),
                "metric_parallel": float(self.metric == PARALLEL),
                "time_unsaid": float(self.time == UNSAID),
                "kind_unsaid": float(self.kind == UNSAID)}


def firm(features: dict[str, float]) -> bool:
    """Whether the evidence of a disagreement (as dsfact.matching.gate.features_of reads it, with
    Evidence.features) is enough to contradict its claim: a metric word of the claim governs the figure
    in its own clause (or labels its line, heads its table column, or governs a figure of its unit in
    the clause its clause continues). A metric word elsewhere in the sentence, or none, binds too loosely:
    the figure may agree with the claim but never contradicts it."""
    return bool(features.get("metric_in_clause") or features.get("metric_parallel"))


def evidence_of(matcher, q, candidate, claim, alone: bool = False) -> Evidence:
    """The evidence binding figure q (by `matcher`, a TextMatcher) to `claim`, from `candidate` (the first
    of its candidates: its distances) and the cue words of q's sentence. `alone`: the claim is the only one of
    q's unit and scale its cues found; then a figure told as its subject's stated figure ("遠高於DeepSeek對外
    宣稱的558萬美元", "far above DeepSeek's claimed $5.6 million": dsfact.matching.claimed) has its metric in its
    own words, the word of claiming saying what it is, as "its training cost" would."""
    position = matcher.index.position
    wanted = {position.get(claim.id), position.get(candidate.claim.id)} - {None}
    si = matcher.sentence_of(q.start)
    entries = matcher.entries(si, q)
    sd, md = candidate.subject_distance, candidate.metric_distance
    reach = _Reach(matcher, q, si)
    if sd >= STRUCTURE_PENALTY:
        subject = HEADING
    elif sd >= SENTENCE_PENALTY:
        subject = CARRIED
    else:
        hits = [e[0] for e in entries if wanted.intersection(e[5])]
        subject = CLAUSE if sd <= 1.0 or any(reach.holds(h) for h in hits) else SENTENCE
    if md <= 0.0:
        metric = CLAUSE  # the figure's own words, a table's column, a pair's label
    else:
        hits = [e[0] for e in entries if wanted.intersection(e[6])]
        metric = CLAUSE if any(reach.holds(h) or _label(matcher, q, h) or asked(matcher.text, h, q.start)
                               or _topic(matcher, q, si, h) for h in hits) \
            else PARALLEL if any(_parallel(matcher, q, h) for h in hits) or _heads_list(matcher, q, si, hits) \
            or lists_under(matcher, q, si, hits) \
            else SENTENCE if hits else NONE
        if metric != CLAUSE and alone and claimed_figure(matcher, q, position[claim.id]):
            metric = CLAUSE
    return Evidence(subject, metric, _time(matcher, q, claim), _kind(matcher, q, claim))


class _Reach:
    """Which cue words of its sentence stand in figure q's own clause: no clause boundary between, the
    clause before a bracketed aside counting as the aside's ("its training cost was low ($5.6 million)"),
    a clause of means reaching the clause it leads ("With $6 million, DeepSeek trained V3"), a clause that
    continues the one before it reaching it ("R1's cost, which came to $294,000"; a bound alone, ", up to $65 billion"), a figure
    alone in its clause reaching the clauses on either side ("In 2013, he founded DeepSeek", "训练它的成本，
    大约600万美元"; dsfact.matching.alone.stands_alone), a whole row
    of a table and a whole sentence that says "respectively" being one clause."""

    __slots__ = ("matcher", "q", "start", "end", "whole")

    def __init__(self, matcher, q, si: int) -> None:
        self.matcher, self.q = matcher, q
        sentence = matcher.sentences[si]
        text, marks = matcher.text, matcher._marks
        line = text[line_start(text, q.start):q.start]
        self.whole = matcher.says_respectively(si) or ("|" in line and "|" in text[q.end:text.find("\n", q.end) % (len(text) + 1)])
        start = q.start
        opened = opened_bracket(matcher.folded, sentence.start, q.start)
        if opened is not None:
            start = opened  # the aside belongs to the clause it stands in
        before = bisect.bisect_left(marks, start)
        self.start = marks[before - 1] if before and marks[before - 1] >= sentence.start else sentence.start
        after_q = bisect.bisect_left(marks, q.end)
        end = marks[after_q] if after_q < len(marks) and marks[after_q] < sentence.end else sentence.end
        self.start = _past_aside(matcher, self.start, q.start, sentence.start)  # "R1's cost, focused on ..., was"
        if means_clause(matcher, q, si, self.start, after_q):
            nxt = bisect.bisect_right(marks, end)
            end = marks[nxt] if nxt < len(marks) and marks[nxt] < sentence.end else sentence.end
        elif self.start > sentence.start and (_continues(matcher.folded, self.start + 1, q.start)
                                              or _apposed(matcher.folded, self.start + 1, q.start)
                                              or _names_amount(matcher.folded, self.start + 1, q)
                                              or _bound_only(matcher.folded, self.start + 1, q.start)
                                              or after_question(matcher.folded, self.start + 1)):
            k = bisect.bisect_left(marks, self.start)  # "R1's training cost, which came to $294,000"; "?⏎A: $5.6M"
            self.start = marks[k - 1] if k and marks[k - 1] >= sentence.start else sentence.start
            if _names_amount(matcher.folded, marks[k] + 1 if k < len(marks) else self.start, q):
                self.start = _sum_of(matcher, self.start, sentence.start)
        elif stands_alone(matcher.folded, run_in_label(matcher.folded, self.start, q.start)  # (past "要闻 ": a label's)
                          if q.unit == "date" and self.start <= sentence.start else self.start,
                          end, q, _restated(matcher, q, end)):  # "其成本，约600万美元"
            folded = matcher.folded  # an empty clause between two marks ("——") is no clause: step over it
            at_head = self.start <= sentence.start
            if self.start > sentence.start:
                k = bisect.bisect_left(marks, self.start)
                while k and marks[k - 1] >= sentence.start and not folded[marks[k - 1] + 1:self.start].strip():
                    self.start, k = marks[k - 1], k - 1
                self.start = marks[k - 1] if k and marks[k - 1] >= sentence.start else sentence.start
            if end < sentence.end:
                nxt = bisect.bisect_right(marks, end)
                while nxt < len(marks) and marks[nxt] < sentence.end and not folded[end + 1:marks[nxt]].strip():
                    end, nxt = marks[nxt], nxt + 1
                a, end = end + 1, marks[nxt] if nxt < len(marks) and marks[nxt] < sentence.end else sentence.end
                if q.unit == "date":  # "2024年12月26日，深度求索，发布了V3": past the clause of the subject's name
                    end = past_subject_clauses(matcher, a, end, sentence.end)
                    if at_head:  # "2023年，梁文锋离开基金，并创办了DeepSeek": and the clauses that go on with its verb
                        end = past_shared_clauses(matcher, end, sentence.end)
        if q.unit == "date" and (rel := relative_end(matcher, q.end)):  # "January 10, 2025, when DeepSeek released R1"
            end = max(end, clause_end(matcher, rel, sentence.end))  # (the date's event)
        self.end = end

    def holds(self, hit) -> bool:
        return self.whole or (self.start <= hit.start and hit.end <= self.end)


def _past_aside(matcher, start: int, pos: int, lo: int) -> int:
    """Where the clause that an aside interrupts opens, when the clause of the figure at `pos` (opening at the mark
    `start`) resumes it after an aside set between commas (lang/sentences.words [aside]: "the cost of training its R1
    model, focused on reasoning, was just $294,000"); `start` otherwise: the aside holds a figure or a word of saying
    (", the analysts said,": an attribution, a clause of its own), or the words after it open a clause of their own (a
    joining word, a name of its own before the figure)."""
    folded, marks = matcher.folded, matcher._marks
    if start <= lo or folded[start] not in ",，":
        return start
    k = bisect.bisect_left(marks, start)
    if not k or marks[k - 1] < lo or folded[marks[k - 1]] not in ",，":
        return start
    opened = marks[k - 1]
    aside = folded[opened + 1:start]
    if matcher.figures_in(opened, start) or not (_opens_with(aside.lstrip(), words_of("sentences", "aside"))
                                                 or _name_only(matcher, opened + 1, start)) \
            or any(w in aside for w in words_of("names", "speaker")):
        return start  # (", the analysts said,": a clause of its own, no aside)
    head = folded[start + 1:pos].lstrip()
    if _opens_with(head, words_of("names", "new-clause")) or _opens_with(head, words_of("names", "list-joiners")) \
            or _opens_with(head, words_of("names", "kind-beside", "before")):
        return start  # "V3, a rival of GPT-4o, and R1 cost ...": a list; ", while ..." a clause of its own
    naming = matcher.index.naming
    if any(any(naming(h.cue)) for h in matcher.hits_in(start, pos)):
        return start  # "R1, the reasoning model, Nvidia said, cost ...": a name of the clause's own
    return marks[k - 2] if k >= 2 and marks[k - 2] >= lo else lo


def _name_only(matcher, start: int, end: int) -> bool:
    """Whether folded[start:end] is a name and nothing else (quotes aside): "its reasoning model, DeepSeek-R1, for
    $294,000" names the model the clause speaks of."""
    naming, folded = matcher.index.naming, matcher.folded
    rest, at = [], start
    for h in matcher.hits_in(start, end):
        if h.start >= at and any(naming(h.cue)):
            rest.append(folded[at:h.start])
            at = h.end
    return at > start and not "".join(rest + [folded[at:end]]).strip(" \t\"'“”‘’「」")


def _restated(matcher, q, end: int) -> int | None:
    """Where q's restatement in another currency ends in its clause (dsfact.matching.alone.restated_until)."""
    return restated_until(matcher.folded, q, matcher.figures_in(q.end, end), matcher.reader())


def _continues(folded: str, start: int, pos: int) -> bool:
    """Whether the clause at folded[start:pos] (up to its figure) opens with a word that continues the clause
    before it: a relative clause or an apposition ("which came to", 即, 约为; lang/sentences.words
    [continues])."""
    return _opens_with(folded[start:pos].lstrip(), words_of("sentences", "continues"))


def _apposed(folded: str, start: int, pos: int) -> bool:
    """Whether the clause at folded[start:pos] is, up to its figure, only a word that opens a phrase describing
    the name before its comma ("the Stargate project, a $500 billion effort", "星际之门计划，一个5000亿美元的…";
    lang/names.words [apposed-figure]): the phrase restates the name, in the name's clause."""
    return folded[start:pos].strip() in words_of("names", "apposed-figure")


def _names_amount(folded: str, start: int, q) -> bool:
    """Whether the clause at folded[start:q.start] opens with a word naming the amount of what the clause before
    it names ("totaling", 金额, 规模; lang/sentences.words [amount-heads]) and figure q closes that amount rather
    than leading a noun of its own ("金额高达120亿美元的回购计划")."""
    if folded[q.end:q.end + 1] == "的":
        return False
    head = folded[start:q.start].lstrip()
    lead = word_starting(head, words_of("sentences", "amount-heads", "opens", longest_first=True))
    if lead is not None:  # "未来将斥资至少5000亿美元": a word of time or intent before the head, and a bound of the
        if q.qualifier is None:  # plan's scale ("将斥资190亿美元建设数据中心" may be one site's cost)
            return False
        head = head[len(lead):].lstrip()
    return _opens_with(head, words_of("sentences", "amount-heads"))


def _bound_only(folded: str, start: int, pos: int) -> bool:
    """Whether the clause at folded[start:pos] is, up to its figure, only a word of a bound (lang/sentences.words
    [bound-heads]: "..., up to $65 billion", "……，最高上看650亿美元"): the bound of what the clause before names.
    After a comma only: a dash sets off a clause of its own ("dramatic savings—up to 75% off")."""
    return folded[start - 1:start] in (",", "，") and folded[start:pos].strip() in words_of("sentences", "bound-heads")


def _sum_of(matcher, start: int, lo: int) -> int:
    """Where the clause that a sum's clause ("totaling", 总计: [amount-heads]) names the amount of opens, stepping
    back from the mark `start` over the clauses between that hold no figure of their own: "The total training
    cost, including the earlier model, remains far lower than rivals', totaling about $6 million" sums the
    sentence's first clause, not the comparison just before it."""
    marks = matcher._marks
    k = bisect.bisect_left(marks, start)
    while start > lo and not matcher.figures_in(marks[k - 1] if k and marks[k - 1] >= lo else lo, start):
        start = marks[k - 1] if k and marks[k - 1] >= lo else lo
        k -= 1
    return start


def _opens_with(head: str, words) -> bool:
    return word_starting(head, words) is not None


def opened_bracket(folded: str, start: int, pos: int) -> int | None:
    """Where the bracket that figure at `pos` stands inside opens (within its sentence), or None."""
    before = folded[start:pos]
    opened = max(before.rfind("("), before.rfind("（"))
    if opened < 0 or max(before.rfind(")"), before.rfind("）")) > opened:
        return None
    return start + opened


def _parallel(matcher, q, hit) -> bool:
    """Whether a metric word before figure q's clause governs a figure of q's unit in its own clause, which
    q's clause continues: "Grok 2 used 20,000 GPUs, while Grok 3 used 150,000", "initially $100 billion,
    expanding to $800 billion", "上季度资本开支为148亿美元，今年全年预计800亿美元"."""
    if hit.end > q.start:
        return False
    marks = matcher._marks
    k = bisect.bisect_right(marks, hit.start)
    # (the word's clause, not reaching back past the start of q's sentence into the sentence before)
    start = max(marks[k - 1] if k else 0, matcher.sentences[matcher.sentence_of(q.start)].start)
    end = min(marks[k] if k < len(marks) else q.start, q.start)
    return any(x is not q and x.unit == q.unit and x.end <= end for x in matcher.figures_in(start, end))


def _heads_list(matcher, q, si: int, hits: list) -> bool:
    """Whether a metric word governs the first member of a list of rates that q closes, in that member's clause
    or as its line's label ("R1输入：1元/M tokens（缓存命中），6元/M tokens（未命中）": the list's words govern every
    member, TextCues._listed)."""
    start = matcher.sentences[si].start
    for x in matcher.figures_in(start, q.start):
        if x is not q and x.unit == q.unit and matcher._listed(x, q):
            reach = _Reach(matcher, x, si)
            return any(h.end <= x.start and (reach.holds(h) or _label(matcher, x, h)) for h in hits)
    return False


def _label(matcher, q, hit) -> bool:
    """Whether a cue word stands in the label of figure q's line: "Training cost: $5.6 million", "输出价格:每百万
    Token 16 元" (a colon after the word, with no other clause mark, line break or figure of q's unit
    between the word and q)."""
    if hit.end > q.start:
        return False
    between = matcher.text[hit.end:q.start]
    colon = max(between.find(":"), between.find("："))
    if colon < 0 or "\n" in between:
        return False
    marks = matcher._marks
    if bisect.bisect_left(marks, q.start) - bisect.bisect_left(marks, hit.end) > 1:
        return False
    return not any(x is not q and x.unit == q.unit for x in matcher.figures_in(hit.end, q.start))


def _topic(matcher, q, si: int, hit) -> bool:
    """Whether a cue word stands in the topic phrase figure q's sentence opens with, the phrase's only clause:
    "For input processing, DeepSeek-V3 ($0.72/1M tokens) costs more than Mistral Small", "至于训练成本，V3……"
    (names.words [topic-opener]; no figure in the phrase itself). The topic frames every figure of the sentence."""
    sentence = matcher.sentences[si]
    if hit.end > q.start or not topic_opener(matcher.folded, sentence.start, q.start):
        return False
    marks = matcher._marks
    k = bisect.bisect_left(marks, sentence.start)
    close = marks[k] if k < len(marks) and marks[k] < q.start else None
    return close is not None and hit.end <= close and not matcher.figures_in(sentence.start, close)


def _kind(matcher, q, claim) -> str:
    """STATED when a figure's own words say it is of the claim's kind (a change: a direction word; a level:
    a word of a level), UNSAID when they do not, NONE for the other kinds."""
    if claim.kind == "change":
        return STATED if q.direction else UNSAID
    if claim.kind == "level":
        roles = matcher.reader().roles(q) if matcher._quantities else ()
        return STATED if "level" in roles else UNSAID
    return NONE


def _time(matcher, q, claim) -> str:
    """STATED when q's own time words or its sentence's place it in the claim's time, UNSAID when nothing
    in its sentence does, NONE for a claim tied to no time."""
    if not claim.time:
        return NONE
    own = _named(matcher, matcher.reader().times(q) if matcher._quantities else ())
    if own and time_fits(claim.time, own, matcher.year, matcher.day):
        return STATED
    sentence = matcher.sentences[matcher.sentence_of(q.start)]
    tags = _named(matcher, tuple(time_tags(matcher.folded, sentence.start, sentence.end)))
    return STATED if tags and time_fits(claim.time, tags, matcher.year, matcher.day) else UNSAID


def _named(matcher, tags: tuple[str, ...]) -> tuple[str, ...]:
    """The time words that name a time: without the document's year, a year's word ("early last year",
    去年初) names none (dsfact.matching.when.year_word_fits_day), so it states no claim's time."""
    if matcher.year is not None:
        return tags
    return tuple(t for t in tags if year_kind(t)[0] is None)

"""The gate on disagreements: how firmly a figure that disagrees with a claim is bound to it, and whether
that is firm enough to report (issue 9; docs/gate.md).

The binding rules find a claim for a figure; a figure that sits beside a claim but states something else
(another subject, period, part or quantity) then disagrees with it. Hand rules catch one phrasing at a time;
the gate reads a few general signs of a firm binding (how near the claim's subject and metric words stand,
whether the subject is borrowed from another sentence, how many figures of the unit share the sentence,
whether the sentence tells the claim's event or hedges, where the figure stands) and weighs them with a
small logistic model learnt from labelled real text (`gate.json`, written by bench/gate_train.py). Below
the model's threshold a disagreement is not reported: when in doubt, stay quiet.

Nothing here reads the figure's value: a wrong figure is wrong however far it is from the claim's.
Imported only when a figure disagrees with its claim; the model is read once, on first use.
"""
from __future__ import annotations

import json
import math
import os

from dsfact.matching.cues import has_cjk
from dsfact.matching.evidence import evidence_of
from dsfact.matching.matcher import SENTENCE_PENALTY, STRUCTURE_PENALTY
from dsfact.matching.text import CLAUSE_PENALTY, INF, line_start
from dsfact.matching.wordtables import Alternation

_FAR = math.log1p(3 * STRUCTURE_PENALTY)  # distances are read on a log scale, three headings away being 1
_TITLE_LINE = 120  # characters: a line this short with no closing mark is a title or a label

# The features, in the order of the model's weights. Each is a number in [0, 1] (most are 0 or 1).
FEATURES = (
    "subject_far",  # how far the claim's subject stands from the figure (log scale)
    "metric_far",  # how far the claim's metric word stands (log scale)
    "borrowed",  # the subject is borrowed from an earlier sentence
    "subject_other_clause",  # the subject stands in the sentence, but in another clause
    "metric_other_clause",  # the metric word stands in another clause (or sentence)
    "subject_after",  # the subject is named only after the figure
    "rivals",  # other claims the figure could state (log scale)
    "close_rival",  # the next claim binds almost as well
    "same_unit_sentence",  # other figures of the unit in the sentence (log scale)
    "same_unit_clause",  # another figure of the unit in the figure's clause
    "other_body",  # another company or body is named in the sentence
    "named_before",  # ... before the figure
    "names",  # names in the sentence (log scale)
    "bracketed",  # the figure stands inside brackets, an aside
    "event",  # the sentence tells the claim's event (gate.words [events])
    "hedge",  # the sentence hedges (gate.words [hedges])
    "roles",  # words of a role of roles.words stand right before or after the figure
    "day_claim",  # the claim is tied to one day
    "table",  # the figure stands in a table
    "title",  # the figure stands in a short line with no closing mark (a title, a label)
    "date",  # the figure is a date
    "count",  # the figure is a count
    "stated_right",  # the text states the same claim elsewhere with a value that agrees
    # the evidence, named (dsfact.matching.evidence)
    "subject_in_clause",  # the claim's subject is named in the figure's own clause (or its table row)
    "subject_carried",  # the subject is carried from an earlier sentence, a heading or a lead line
    "metric_in_clause",  # a metric word governs the figure in its own clause (or a label, a table column)
    "metric_none",  # no metric word of the claim in the sentence at all
    "metric_parallel",  # the metric word governs a figure of the unit in an earlier clause that q's continues
    "time_unsaid",  # the claim is tied to a time that nothing in the figure's sentence states
    "kind_unsaid",  # the claim is a change or a level, and nothing in the figure's words says it is one
)


class Gate:
    """A logistic model over FEATURES: weights, bias, and the threshold below which a disagreement is
    not reported."""

    __slots__ = ("weights", "bias", "threshold")

    def __init__(self, weights: dict[str, float], bias: float, threshold: float) -> None:
        self.weights, self.bias, self.threshold = weights, bias, threshold

    def probability(self, features: dict[str, float]) -> float:
        """How likely the figure states the claim it disagrees with, by the model."""
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def admits(self, finding, features: dict[str, float]) -> bool:
        """Whether a disagreement with these features is reported (`finding` is not read: the model weighs
        only how the figure is bound)."""
        return self.probability(features) >= self.threshold


MODEL_PATH = os.path.join(os.path.dirname(__file__), "gate.json")
_GATE: list = []


def load_gate(path: str | None = None) -> Gate:
    """The model in `path` (the bundled gate.json by default, read once)."""
    if path is None and _GATE:
        return _GATE[0]
    with open(path or MODEL_PATH, encoding="utf-8") as handle:
        data = json.load(handle)
    unknown = set(data["weights"]) - set(FEATURES)
    if unknown:
        raise ValueError(f"{path or MODEL_PATH}: features the engine does not compute: {sorted(unknown)}")
    gate = Gate({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["threshold"]))
    if path is None:
        _GATE.append(gate)
    return gate


def _log_scale(d: float) -> float:
    return 1.0 if d == INF else min(math.log1p(max(d, 0.0)) / _FAR, 1.0)


def features_of(matcher, q, candidates: list, claim) -> dict[str, float]:
    """The features of figure q, bound to `claim` (the first of `candidates`, or its sibling) by `matcher`
    (a TextMatcher), but for `stated_right`, which the caller adds once the text's findings are known."""
    top = candidates[0]
    cues = top.cues
    si = matcher.sentence_of(q.start)
    sentence = matcher.sentences[si]
    folded = matcher.folded
    words = folded[sentence.start:sentence.end]
    sd, md = top.subject_distance, top.metric_distance
    ci = matcher.index.position.get(claim.id)
    f = {
        "subject_far": _log_scale(sd),
        "metric_far": _log_scale(md),
        "borrowed": float(sd >= SENTENCE_PENALTY),
        "subject_other_clause": float(CLAUSE_PENALTY <= sd < SENTENCE_PENALTY),
        "metric_other_clause": float(md >= CLAUSE_PENALTY),
        "subject_after": float(cues is not None and ci not in cues.subject_before),
        "rivals": min(math.log1p(len(candidates) - 1) / math.log(8), 1.0),
        "close_rival": float(len(candidates) > 1 and candidates[1].score - top.score < CLAUSE_PENALTY),
        "other_body": float(cues is not None and cues.entity < INF),
        "named_before": float(cues is not None and cues.named_before),
        "names": 0.0 if cues is None else min(math.log1p(len(cues.names)) / math.log(8), 1.0),
        "bracketed": float(_bracketed(folded, sentence.start, q.start, q.end, sentence.end)),
        "day_claim": float(bool(claim.time) and claim.time.count("-") == 2),
        "date": float(q.unit == "date"),
        "count": float(q.unit == "count"),
    }
    f.update(evidence_of(matcher, q, top, claim, len(candidates) == 1).features())
    f.update(_words(matcher, sentence.start, words, claim.topic))
    f.update(_placed(matcher, q))
    if f["table"]:  # a table's row holds a figure per column, each bound by its column's header
        f.update(same_unit_sentence=0.0, same_unit_clause=0.0)
    else:
        f.update(_neighbours(matcher, q, sentence))
    return f


def _neighbours(matcher, q, sentence) -> dict[str, float]:
    """The other figures of q's unit in its sentence and in its clause."""
    same = [x for x in matcher.figures_in(sentence.start, sentence.end)
            if x is not q and x.unit == q.unit and x.start != q.start]
    clause = matcher.clause_of(q)
    in_clause = clause is not None and any(matcher.clause_of(x) == clause for x in same)
    return {"same_unit_sentence": min(math.log1p(len(same)) / math.log(8), 1.0),
            "same_unit_clause": float(in_clause)}


def _placed(matcher, q) -> dict[str, float]:
    """Where q stands (a table, a title), and whether words of a role stand beside it."""
    text = matcher.text
    start = line_start(text, q.start)
    end = text.find("\n", q.end)
    line = text[start:end if end >= 0 else len(text)].strip()
    structure = matcher.structure
    table = "|" in line or (structure is not None and structure.table_of(q.start) is not None)
    title = not table and len(line) < _TITLE_LINE and not line.endswith(_CLOSING)
    reader = matcher.reader() if matcher._quantities else None
    roles = 0.0
    if reader is not None:
        figure_roles = reader.roles(q)
        if figure_roles.before is None:
            figure_roles.window()
        roles = float(bool(figure_roles.said))  # the words of a role right before or after q (read once)
    return {"table": float(table), "title": float(title), "roles": roles}


def _bracketed(folded: str, start: int, q_start: int, q_end: int, end: int) -> bool:
    """Whether folded[q_start:q_end] stands inside brackets opened after `start` and closed before `end`."""
    before = folded[start:q_start]
    opened = max(before.rfind("("), before.rfind("（"))
    if opened < 0 or max(before.rfind(")"), before.rfind("）")) > opened:
        return False
    after = folded[q_end:end]
    return ")" in after or "）" in after


_CLOSING = tuple(".。!！?？」”\"')）:：;；")


def _words(matcher, at: int, words: str, topic: str) -> dict[str, float]:
    """Whether the sentence `words` (starting at `at`) tells the event of `topic` and whether it hedges, read
    once per sentence and topic (the cache lives on the matcher, with the text it is about)."""
    cache = matcher.__dict__.setdefault("_gate_words", {})
    found = cache.get((at, topic))
    if found is None:
        events, hedges = _word_patterns()
        pattern, chinese = events.get(topic), has_cjk(words)
        found = cache[(at, topic)] = {
            "event": float(pattern is not None and pattern.get(chinese).search(words) is not None),
            "hedge": float(hedges.get(chinese).search(words) is not None)}
    return found


_PATTERNS: list = []


def _word_patterns() -> tuple[dict[str, Alternation], Alternation]:
    """The event words of each topic and the hedges (dsfact/lang/gate.words), found as their regex finds them
    (dsfact.matching.wordtables.Alternation: Latin words whole, Chinese ones anywhere; no pattern of a whole list
    to compile)."""
    if not _PATTERNS:
        from dsfact.lang import load_words

        tables = load_words("gate")
        events = {topic: Alternation(tuple(words)) for topic, words in tables.get("events", {}).items()}
        _PATTERNS.append((events, Alternation(tuple(tables.get("hedges", {}).get("words", ())))))
    return _PATTERNS[0]

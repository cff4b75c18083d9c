"""Check a document against a registry: find the figures that state a claim and judge them."""
from __future__ import annotations

import math
import os

from dsfact.matching import TextMatcher, choose
from dsfact.matching.bodies import borrowed_from_other, framed_only
from dsfact.matching.described import described_found, keep_described
from dsfact.matching.extreme import extreme_reached
from dsfact.matching.flatrows import beside_glued_cell
from dsfact.matching.levels import off_level_passages
from dsfact.matching.magnitude import another_size
from dsfact.matching.matcher import SENTENCE_PENALTY, WEAK_METRIC
from dsfact.matching.passage import loose_bound
from dsfact.matching.periods import moved_over_span
from dsfact.matching.siblings import (
    borrowed_siblings,
    family_agrees,
    group_of,
    kind_names_both,
    other_models,
    price_kind,
    shunned,
    variant_decides,
)
from dsfact.matching.tranche import grown_whole, whole_kept
from dsfact.model import CONTRADICTED, SUPPORTED, FileResult, Finding, Registry
from dsfact.quantity import agrees, whole_count
from dsfact.slips import SLIP, gap, group_variant, misstated_kind, misstated_variant, nearer
from dsfact.verdict import claim_sources, judge, restated_basis, verdict_of

__all__ = ["agrees", "check_document", "check_text", "claim_sources", "find_findings", "judge", "verdict_of"]


def find_findings(text: str, registry: Registry, blocks=None, date: str | None = None, gate=None,
                  line_of=None) -> list[Finding]:
    """Every figure in text that states a registered claim, judged; spans are offsets into text. With the
    document's `blocks` (dsfact.document), headings and lead lines carry subjects to what is under them;
    with its `date` (ISO, "--01-28" without a year), "last year", 昨日 and "on Monday" are counted from it.
    A figure that disagrees with its claim is reported only when the gate (dsfact.matching.gate; `gate`:
    another with its `admits(finding, features)`, as bench/gate_train.py passes) finds it firmly bound.
    `line_of`: the line of the file an offset of text stands on (a document's, whose reader joins the lines
    of a paragraph); the line of text by default."""
    from dsfact.matching.prefilter import Bindable
    from dsfact.matching.signs import claimed_currency
    from dsfact.numbers import parse_quantities

    matcher = TextMatcher(text, registry, blocks)
    if date:
        matcher.day, matcher.year = date, (int(date[:4]) if date[:4].isdigit() else None)
    bindable = Bindable(matcher)  # where a cue can bind a figure: only there are figures read and matched
    quantities = parse_quantities(text, spans=bindable.spans, names=registry.entities, ref_date=date)
    if not quantities:
        return []
    quantities, guessed, unsaid, loose_points = _units_read(matcher, quantities, registry)
    best: dict[tuple, tuple[float, int]] = {}  # (clause, claim) -> the figure that keeps it
    kept: list[tuple[Finding, tuple | None, float, str]] = []
    loose: set[int] = set()
    weighed: dict[int, dict[str, float]] = {}  # id of a finding that disagrees -> what the gate weighs
    said, unbound = [], []  # the findings that may state their claim firmly and rightly (_keep); the figures no claim took
    for q in quantities:
        if not bindable.admits(q):
            continue
        if (q.start, q.end) in unsaid:  # a ¥ its text does not tell: the currency its claim records
            q = claimed_currency(q, matcher, quantities)
        candidates = _of_its_scale(q, matcher.candidates(q, quantities))
        if not candidates:
            unbound.append(q)
            continue
        selected, siblings = choose(q, candidates, matcher)
        if selected.unit == "count" and (q := whole_count(q)) is None:
            continue  # "2.048 H800 GPUs" is 2,048 of them; "2.5 GPUs" counts nothing
        finding, selected = _judged(q := extreme_reached(matcher, q, selected), selected, siblings, registry)  # "fell as much as 28%"
        if finding is None or (q.start in loose_points and not matcher.index.directions(selected)):
            continue  # (a figure in percentage points states only a move)
        if untold := finding.verdict != SUPPORTED and len(siblings) > 1 and not variant_decides(q, selected, matcher):
            finding = judge(q, selected, siblings, registry, firm=False)  # no word told the siblings apart
            selected = next((c for c in siblings if c.id == finding.claim), selected)
        if finding.verdict != SUPPORTED:
            finding, selected = _as_variant(q, selected, siblings, registry, candidates, untold and matcher) or (finding, selected)
        if finding.verdict != SUPPORTED:
            found = _as_sibling(q, selected, candidates[0], matcher, registry, finding.verdict)
            if found is not None:
                finding, selected = found
                if finding is None:
                    continue  # a value of another model or kind, told without saying which: stay quiet
        if finding.verdict != SUPPORTED and (q.start in loose_points or (q.start, q.end) in guessed  # never contradict
                                             or selected.unit == "count" and _counts_another_thing(matcher, q, selected)):
            continue  # percentage points; "每百萬tokens 16元" alone in Traditional text (NT$?); "300,000 households" by GPUs
        doubt = _why_quiet(matcher, q, candidates[0], selected, finding)
        silenced, doubt = doubt and doubt != _doubt_rules().UNANCHORED, doubt and finding.verdict != SUPPORTED
        features = None
        if finding.verdict != SUPPORTED and not silenced:
            features = _features(matcher, q, candidates, selected)
            if not _firm(features):  # the evidence is too weak to contradict (dsfact.matching.evidence)
                silenced = doubt = True
        if getattr(gate, "doubted", None) is not None and (silenced or finding.verdict == SUPPORTED):
            gate.doubted(finding, features or _features(matcher, q, candidates, selected))  # a trainer learns from these too
        if silenced:
            continue  # when in doubt, stay quiet: a loose binding, or another day, never contradicts
        if finding.verdict != SUPPORTED:
            weighed[id(finding)] = features
        _keep(kept, loose, said, matcher.clause_of(q), q, finding, candidates[0], doubt, features and grown_whole(matcher, q))
    _said_again(matcher, unbound, said, registry, kept, loose)  # "... $500 billion. ... also $500 billion"
    kept = beside_glued_cell(_placed(kept, registry, matcher), matcher.sentence_of)  # "$0.55 / 1M tokens$3.00 / 1M tokens": another column
    for i, (_, key, score, _) in enumerate(kept):
        if key is not None:
            # one clause states a claim once, unless it says "respectively": the figure whose cue words sit nearest keeps it
            if key not in best or (score, i) < best[key]:
                best[key] = (score, i)
    whole_kept(kept, best, matcher.folded)  # (the others need cues of their own), but for a whole stated after its first part
    found = [f for i, (f, key, _, _) in enumerate(kept) if key is None or best[key][1] == i]
    found = described_found(matcher, beside_its_own_statement(found, matcher.sentence_of, text, loose, line_of))
    return _gated(found, weighed, gate) if weighed else found


def _units_read(matcher, quantities: list, registry: Registry) -> tuple[list, set, set, set]:
    """The figures with the units their text leaves to be read (a table cell's, 元, ¥, percentage points): the
    figures, those whose unit was guessed, those whose currency sign does not tell it, and those told in
    percentage points."""
    from dsfact.matching.readings import bare_amounts, points_as_percent, read_units
    from dsfact.matching.signs import shared_signs
    from dsfact.matching.tables import cell_units

    text = matcher.text
    quantities, guessed = read_units(text, matcher.folded, cell_units(matcher, quantities))  # a cell's unit, 元
    quantities, unsaid, both = shared_signs(text, matcher.folded, quantities)  # ¥: the yen or the yuan
    quantities, loose_points = points_as_percent(quantities)  # "17 percentage points": 17%
    if guessed and _yuan_told(matcher, quantities, guessed, registry):
        guessed = frozenset()
    quantities, bare = bare_amounts(matcher, quantities)  # "wiped six hundred billion off Nvidia": its claims' currency
    return quantities, guessed | both | bare, unsaid, loose_points


def _yuan_told(matcher, quantities: list, guessed, registry: Registry) -> bool:
    """Whether the bare 元 of a Traditional text, only guessed to be the yuan (it may be NT$), is the yuan after
    all: one of its guessed prices agrees with a claim recorded in yuan ("每百萬輸入tokens 4元" beside R1's ¥4). A
    price converted to NT dollars would agree with none, so the text's other prices in 元 are yuan too, and
    may contradict ("每百萬輸出tokens 12元" against R1's ¥16)."""
    matcher.use(quantities)
    for q in quantities:
        if (q.start, q.end) in guessed and (candidates := _of_its_scale(q, matcher.candidates(q, quantities))):
            finding, _ = _judged(q, *choose(q, candidates, matcher), registry)
            if finding is not None and finding.verdict == SUPPORTED:
                return True
    return False


_LATER: dict[str, object] = {}  # what the rules below import, once: an import statement costs a failed look-up a call


def _doubt_rules():
    """dsfact.matching.doubt, imported when first asked: a text whose figures agree with their claims never asks
    (that module and those only it imports are a tenth of the engine's import)."""
    if "doubt" not in _LATER:
        from dsfact.matching import doubt
        _LATER["doubt"] = doubt
    return _LATER["doubt"]


def _why_quiet(matcher, q, candidate, claim, finding):
    """_doubt of a figure that disagrees; of one agreeing only as a far bound ("跌超4%" beside a fall of 17%:
    passage.loose_bound), whether its words place it on another day than its claim's (doubts_time)."""
    if finding.verdict != SUPPORTED:
        return _doubt(matcher, q, candidate, claim)
    return claim.time and loose_bound(finding) and _doubt_rules().doubts_time(matcher, q, claim) or ""  # (UNANCHORED: judged)


def _doubt(matcher, q, candidate, selected):
    """Why a figure that disagrees with its claim may not contradict it ("" or False when nothing says so; UNANCHORED
    when nothing places it on its claim's day, and the text's other figures decide): a loose binding, an amount of
    another size, a move over a span, a day after a later model's release, another name in between, another day, a
    frame, another event, a list's total, a table's cell flattened into text, another provider's price, a linked
    headline's day, a rate written before it, another model of the maker told before, another thing's size, clause
    or part (the rules imported here are asked only of a disagreement, or of a bound far from its claim: _why_quiet)."""
    if "why" not in _LATER:
        from dsfact.matching.calculation import calculated
        from dsfact.matching.flatrows import scraped
        from dsfact.matching.laterversion import names_later_version
        from dsfact.matching.linked import headline_elsewhere
        from dsfact.matching.listed import total_of_list
        from dsfact.matching.makermodel import other_model_told
        from dsfact.matching.otherthing import of_other_thing
        from dsfact.matching.ownwords import other_rate_before
        from dsfact.matching.venues import sold_elsewhere
        from dsfact.matching.versus import set_against_before
        _LATER["why"] = (calculated, scraped, names_later_version, total_of_list, sold_elsewhere, headline_elsewhere,
                         other_rate_before, set_against_before, other_model_told, of_other_thing)
    calculated, scraped, names_later_version, total_of_list, sold_elsewhere, headline_elsewhere, \
        other_rate_before, set_against_before, other_model_told, of_other_thing = _LATER["why"]
    from dsfact.matching.claimed import claimed_figure
    told = claimed_figure(matcher, q, matcher.index.position[selected.id])  # "the stated $5.6 million": the claim itself
    return (another_size(matcher, q, selected) or (candidate.weak and not told) or total_of_list(matcher, q, selected)
            or moved_over_span(matcher, q, selected) or names_later_version(matcher, q, selected)
            or _doubt_rules().passed_over(matcher, q, candidate) or _doubt_rules().doubts_time(matcher, q, selected)
            or not told and (_framed(matcher, q, selected, candidate) or _other_event(matcher, q, selected))
            or calculated(matcher, q) or scraped(matcher, q) or sold_elsewhere(matcher, q, selected)
            or headline_elsewhere(matcher, q, selected) or other_rate_before(matcher, q, selected)
            or set_against_before(matcher, q) or other_model_told(matcher, q, selected)
            or of_other_thing(matcher, q, selected))  # a quoted venture's size, a described noun's, a part of a sum


def _naming_days(matcher) -> frozenset[int]:
    from dsfact.matching.headday import naming_days  # only for a passage's index level (doubt imports it too)

    return naming_days(matcher)


def _placed(kept: list, registry: Registry, matcher) -> list:
    """`kept` without the findings of a passage whose index level is another day's (dsfact.matching.levels), and
    without the findings in doubt of their time that nothing places on their claims' day: a year's
    figure that no figure of its own passage places in its year (dsfact.matching.passage), and the rest when
    the text's other figures do not place them (dsfact.matching.doubt.corroborated)."""
    claims = {c.id: c for c in registry.claims}

    def paragraph_of(pos: int) -> int:
        return matcher.sentences[matcher.sentence_of(pos)].paragraph

    elsewhere = off_level_passages([f for f, *_ in kept], claims, paragraph_of,  # "收6978.60點": another day's wrap
                                   lambda p: p in _naming_days(matcher))
    if elsewhere:
        kept = [k for k in kept if id(k[0]) not in elsewhere]
    pending = [f for f, _, _, doubt in kept if doubt]  # placed on no day: the text's other figures decide
    if not pending:
        return kept
    from dsfact.matching.passage import unplaced_in_passage

    far = {id(f) for f in unplaced_in_passage([f for f, *_ in kept], pending, claims, paragraph_of)}
    if far:
        kept = [k for k in kept if id(k[0]) not in far]
        pending = [f for f in pending if id(f) not in far]
    from dsfact.matching.siblingday import doubted_still  # placed only by a neighbour: in doubt for the others
    if pending and not _doubt_rules().corroborated([f for f, *_ in kept], pending + doubted_still(matcher, kept), claims):
        kept = [k for k in kept if not k[3]]
    return kept


def _judged(q, selected, siblings, registry: Registry) -> tuple[Finding | None, object]:
    """(finding, claim) for figure q bound to `selected`: judge's, or, when selected is its group's generic
    claim and records nothing comparable (R1's generic price gives no yuan: "4元"), the variant's it states
    (_group_variant)."""
    finding = judge(q, selected, siblings, registry)
    if finding is None and selected.group and not selected.variant:
        finding = group_variant(q, selected, siblings, registry)
        selected = next((c for c in siblings if finding is not None and c.id == finding.claim), selected)
    return finding, selected


def _keep(kept: list, loose: set[int], said: list, clause, q, finding: Finding, candidate, doubt, grown=False) -> None:
    """Keep a finding (with its clause and claim, its candidate's score and whether it is in doubt); note whether it is
    bound loosely (`loose`; not a sum a plan's first sum is `grown` to, tranche.grown_whole), and one that agrees, not in
    doubt, for a figure that says it again (`said`: again.firmly_said)."""
    kept.append((finding, None if clause is None else (clause, finding.claim), candidate.score, doubt))
    if candidate.subject_distance >= SENTENCE_PENALTY or candidate.metric_distance > WEAK_METRIC and not grown:
        loose.add(id(finding))  # its subject borrowed, or its metric word far from it
    if finding.verdict == SUPPORTED and not doubt:  # (a repeat only agrees: one bound loosely may be repeated)
        said.append((finding.claim, q, None if id(finding) in loose else candidate))


def _said_again(matcher, unbound: list, said: list, registry: Registry, kept: list,
                loose: set[int]) -> None:
    """Keep, loosely, the findings of figures no cue word bound that say again a claim's figure stated firmly before
    them (dsfact.matching.again: "a $500 billion plan called Stargate ... putting in $500 billion") or agree with a claim
    their sentence describes (dsfact.matching.described); a correction's figure is judged as the retracted one's claim."""
    if not unbound:
        return
    _corrections(matcher, unbound, registry, kept)
    keep_described(matcher, unbound, lambda q, c: judge(q, c, [c], registry))
    from dsfact.matching.again import firmly_said, headline_told, said_again  # (a text with a figure no claim took)
    if not (said := firmly_said(said)):
        return
    claims = {c.id: c for c in registry.claims}
    for q in unbound:
        for claim_id, figures in said.items():
            if not any(x.unit == q.unit and x.value == q.value and x.per == q.per
                       and (x.start < q.start or headline_told(matcher, q, x)) for x in figures):  # (over the story)
                continue
            claim = claims[claim_id]
            if not said_again(matcher, q, claim, kept):
                continue
            finding = judge(q, claim, [claim], registry)
            if finding is not None and finding.verdict == SUPPORTED:
                kept.append((finding, None, math.inf, False))
                loose.add(id(finding))
                break
    kept.sort(key=lambda k: k[0].start)  # in text order, as the figures were read (a stable sort)


def _corrections(matcher, unbound: list, registry: Registry, kept: list) -> None:
    """Keep the findings of the correction's new figures among the figures no cue word bound: each states the
    claim the retracted figure before it was bound to (dsfact.matching.corrected), and is judged, both ways; and
    of those that give a claim's own digits (dsfact.matching.owndigits), judged against it."""
    from dsfact.matching.corrected import corrected_figure
    from dsfact.matching.owndigits import by_own_digits  # "The $5.576 billion training cost": V3's digits, no name
    for q in unbound:
        x = corrected_figure(matcher, q)
        candidates = _of_its_scale(x, matcher.candidates(x, matcher._quantities)) if x is not None else []
        if candidates:
            selected, siblings = choose(x, candidates, matcher)
            finding, _ = _judged(q if q.per is not None else q._replace(per=x.per), selected, siblings, registry)
            if finding is not None:
                kept.append((finding, None, math.inf, False))
        elif (own := by_own_digits(matcher, q)) is not None and (finding := judge(q, own, [own], registry)) is not None:
            kept.append((finding, None, math.inf, False))


def _of_its_scale(q, candidates: list) -> list:
    """The candidates of figure q without the claims of another scale when the first is one and a claim of
    another group is not (dsfact.matching.doubt.other_scale): "R1's training price was $5 million" is no price
    per million tokens (which a price word put first) but a training cost, told by "training"; and the other way
    round, "OpenAI charges $15 for a million input tokens, while R1's cost is only $0.55" is no training cost
    (which "cost" put first) but a price, told by the tokens of its sentence. The other candidates keep every
    test a figure's binding must pass."""
    if len(candidates) < 2:
        return candidates
    other_scale = _doubt_rules().other_scale
    first = candidates[0].claim
    if q.per is not None or not other_scale(q, first):
        return candidates
    wants_price = first.per is None  # a total's claim put first keeps the prices; a price's, the totals
    kept = [c for c in candidates if (c.claim.per is not None) == wants_price
            and (not first.group or c.claim.group != first.group) and not other_scale(q, c.claim)]
    return kept or candidates


def _features(matcher, q, candidates, selected) -> dict[str, float]:
    from dsfact.matching.gate import features_of  # read only when a figure disagrees
    return features_of(matcher, q, candidates, selected)


def _firm(features: dict[str, float]) -> bool:
    from dsfact.matching.evidence import firm
    return firm(features)


def _gated(found: list[Finding], weighed: dict[int, dict[str, float]], gate) -> list[Finding]:
    """Without the disagreements the gate finds too loosely bound to report (dsfact.matching.gate): when
    in doubt, stay quiet. A finding's features are completed here with whether the text states the same
    claim elsewhere with a value that agrees."""
    if gate is None:
        from dsfact.matching.gate import load_gate

        gate = load_gate()
    right = {f.claim for f in found if f.verdict == SUPPORTED}
    out = []
    for f in found:
        features = weighed.get(id(f))
        if features is not None:
            features["stated_right"] = float(f.claim in right)
            if not gate.admits(f, features):
                continue
        out.append(f)
    return out


def beside_its_own_statement(found: list[Finding], sentence_of, text: str, loose: set[int],
                             line_of=None) -> list[Finding]:
    """Without the figures that disagree with a claim which their own sentence states with the claim's
    value, or their own line when they are bound loosely (`loose`: the ids of findings whose subject was
    borrowed from another sentence or whose metric word stands far): the writer who has just written the
    right figure is far more likely to be giving another state, part, day or body of it ("100,000 GPUs,
    later doubled to 200,000"; "€200 billion. Of it, €150 billion will come from private investors") than
    to misstate it in the same breath. A wrong figure that names its own subject and metric in another
    sentence is judged at its place, however often the text states the claim rightly (issue 9: a supported
    twin must not hide a contradiction). On a line, only a right figure bound firmly itself vouches for it: the
    2048 of "A cluster of 2048 GPUs would have cost $400M", its subject borrowed, does not show that the
    writer has just stated the claim. `sentence_of` gives the sentence of an offset in `text`; `line_of` its
    line in the file, when the text is a document's, whose reader joins the lines of a paragraph into one:
    there a right figure on a later line of the paragraph does not vouch for a wrong one before it (the
    writer had not yet written it: "Early reports put its cost at $6.5 million.\nIts developers say $5.6
    million"), one before it or on its own line does."""
    wrong = {f.claim for f in found if f.verdict != SUPPORTED}
    right = [f for f in found if f.verdict == SUPPORTED and f.claim in wrong]
    if not right:
        return found
    from dsfact.matching.runin import run_in_side  # a headline run into its story states the figure apart from it
    from dsfact.matching.text import line_start

    in_sentence = {(f.claim, sentence_of(f.start), run_in_side(text, f.start)) for f in right}
    in_line: dict[tuple, list[Finding]] = {}
    for r in right:
        if loose and id(r) not in loose:
            in_line.setdefault((r.claim, line_start(text, r.start), run_in_side(text, r.start)), []).append(r)

    def vouched(f: Finding) -> bool:
        return any(line_of is None or r.start < f.start or line_of(r.start) == line_of(f.start)
                   for r in in_line.get((f.claim, line_start(text, f.start), run_in_side(text, f.start)), ()))

    claims = {f.claim for f in right}
    return [f for f in found if f.verdict == SUPPORTED or f.claim not in claims or not (
        (f.claim, sentence_of(f.start), run_in_side(text, f.start)) in in_sentence or (id(f) in loose and vouched(f)))]


def _framed(matcher, q, claim, candidate) -> bool:
    """Whether the figure's subject is only a name framed as a comparison, or one borrowed from a sentence
    that names another member of the claim's family (dsfact.matching.bodies): it may agree, never contradict."""
    ci = matcher.index.position[claim.id]
    return framed_only(matcher, q, ci) or (
        candidate.subject_distance >= SENTENCE_PENALTY and borrowed_from_other(matcher, q, ci))


def _other_event(matcher, q, claim) -> bool:
    """Whether the figure's clause tells another event of the claim's subject ("has 50,000 GPUs" beside a
    training run), or another year than a year's claim ("its 2026 capital spending would reach $115 billion")."""
    from dsfact.matching.events import other_event  # read only when a figure disagrees
    from dsfact.matching.yearnoun import of_another_year

    return bool(other_event(matcher, q, claim)) or of_another_year(matcher, q, claim)


def _counts_another_thing(matcher, q, claim) -> bool:
    from dsfact.matching.counted import counted_in_place  # read only when a count disagrees
    return counted_in_place(matcher, q, claim)


def _as_variant(q, selected, siblings, registry: Registry, candidates,
                matcher=None) -> tuple[Finding, object] | None:
    """(finding, claim) for what a figure that disagrees with `selected` states instead, or None:
    - a loosely bound figure with other claims bound exactly as near (the same subject and metric words:
      "rose 289.33 points, or 0.65%, to 44,713.58" is the level of the close or of the day's low) states
      the one it agrees with, if one does (it never contradicts either);
    - a variant, as dsfact.slips.group_variant says;
    - when no word told a group's variants apart (`matcher` given) but a kind word names both ("V3 charges
      $0.37 per million input tokens": input, no cache hit or miss), the variant the figure misstates
      (dsfact.slips.misstated_variant), not the first: V3's $0.27 cache-miss price, not its $0.07 cache hit."""
    if selected.group:
        if not selected.variant:
            found = group_variant(q, selected, siblings, registry)
            return (found, selected) if found is not None else None
        if matcher:
            variants = [c for c in siblings if c is not selected and c.group == selected.group and c.variant]
            found = misstated_variant(q, selected, variants, registry)
            if found is not None:
                other = next(c for c in variants if c.id == found.claim)
                return (found, other) if kind_names_both(q, selected, other, matcher) else None
        return None
    first = candidates[0]
    near = (first.subject_distance, first.metric_distance)  # (the distances first: `weak` is the costlier test)
    alike = [c for c in candidates[1:] if (c.subject_distance, c.metric_distance) == near]
    if not alike or not first.weak:
        return None
    for other in alike:
        if other.weak:
            found = judge(q, other.claim, [other.claim], registry)
            if found is not None and found.verdict == SUPPORTED:
                return found, other.claim
    return None


def _as_sibling(q, selected, candidate, matcher, registry: Registry, verdict=CONTRADICTED):
    """What a figure that disagrees with `selected` states when its words do not tell selected's model or
    price kind from a sibling's (issue 9): (finding, claim) for the sibling it then states, (None, None)
    to stay quiet, None to keep the finding.
    - Another model: "DeepSeek's training cost $294,000" names the company, not V3 (C01) or R1 (C70):
      a value that agrees with a sibling of another model is that sibling's; a figure whose words name the
      sibling's model and not selected's ("DeepSeek-R1's run cost $594,000") is judged as the sibling's.
      "V3 cost $294,000" names V3: still contradicted as V3's. A value that agrees with no model's but
      is within a factor of two of another model's, and far from selected's, misstates that model's
      (`_slip_of`).
    - Another price kind: the kind word nearest the figure (output, 输入, cache hit) picks the price of
      the family it is (the one that agrees, else the first the word names); without one, a value that agrees with another kind is that kind's, never a
      contradiction of the first."""
    if restated_basis(q, selected, registry) and not variant_decides(q, selected, matcher):
        return None, None  # "the S&P 500 fell 2.3%": tkp's intraday −2.27% as well as a misstated close
    excluded = getattr(candidate.cues, "excluded", ())
    position = matcher.index.position
    named, others = other_models(q, selected, matcher, candidate.subject_distance)
    others = [c for c in others if not shunned(q, c, matcher)]  # "$1.10 per million input tokens": no output price
    if named is not None and position[named.id] not in excluded and (nearer(q, named, selected)
                                                                    or _digits_of(q, named, selected)):
        found = judge(q, named, group_of(named, registry), registry)  # with its variants: "2元" of V3's promotional price
        if found is not None:
            return found, named
    for other in others or borrowed_siblings(q, selected, matcher, candidate.subject_distance):
        if not nearer(q, other, selected) or shunned(q, other, matcher):
            continue
        found = judge(q, other, [other], registry)
        if found is not None and found.verdict == SUPPORTED:
            return (found, other) if position[other.id] not in excluded else (None, None)
    slip = _slip_of(q, selected, [c for c in others if position[c.id] not in excluded], registry, matcher) \
        if verdict == CONTRADICTED and not (selected.per is not None and family_agrees(q, selected, matcher)) \
        else None  # a figure some source of selected's, or another kind of its price, bears out is no slip
    if slip is not None:
        return slip  # "the DeepSeek model cost $249,000": R1's $294,000 misstated, not V3's $5.6 million
    family, kinds = price_kind(q, selected, matcher) if selected.per is not None else ([], frozenset())
    if kinds and selected.id not in kinds:
        told = [other for other in family if other.id in kinds and position[other.id] not in excluded]
        for other in told:
            found = judge(q, other, [other], registry)
            if found is not None and found.verdict == SUPPORTED:
                return found, other
        for other in told:
            found = judge(q, other, [other], registry)
            if found is not None:
                return found, other
        return None, None
    if not kinds:
        for other in family:
            if not any(agrees(q, st, other.per) for st in other.statements):
                continue  # a quick test before the claim is judged: no statement of it agrees
            found = judge(q, other, [other], registry)
            if found is not None and found.verdict == SUPPORTED:
                return (found, other) if position[other.id] not in excluded else (None, None)
    return misstated_kind(q, selected, [o for o in family if position[o.id] not in excluded], registry) if not kinds else None  # no word told the kind: the group's generic claim keeps a value that agrees with no kind, unless it misstates one ("才21.9刀")


def _slip_of(q, selected, others, registry: Registry, matcher):
    """(finding, claim) for the sibling of another model whose value a figure that agrees with none of them
    misstates, when its words name only the company: the one it is within a factor
    of two of, while it is more than a factor of two further from every statement of `selected` ("the
    DeepSeek model cost $249,000" is R1's $294,000 with two digits swapped, not V3's $5.6 million). None
    otherwise: the figure stays `selected`'s. (A price that names no kind stays the group's generic claim's:
    a claim that names no variant is what such words state.) The words decide before the value: a
    paragraph or heading that names selected's model and not the sibling's keeps the figure selected's
    ("DeepSeek released V3 in December. The model cost $560,000 to train"), and so do selected's own digits
    at another power of ten (56万美元 is V3's 560万 with a zero dropped, not R1's 29.4万 misstated)."""
    if not others:
        return None
    mine = gap(q, selected)
    nearest = min(others, key=lambda c: gap(q, c))
    theirs = gap(q, nearest)
    if theirs >= SLIP or mine < theirs + SLIP:
        return None
    from dsfact.matching.siblings import models_around
    from dsfact.quantity import same_digits

    names_mine, names_theirs = models_around(matcher, q, selected, nearest)
    if names_mine and not names_theirs:
        return None
    if not names_theirs and any(same_digits(q, st) for st in selected.statements) \
            and not any(same_digits(q, st) for st in nearest.statements):
        return None
    found = judge(q, nearest, [nearest], registry)
    return (found, nearest) if found is not None else None


def _digits_of(q, other, selected) -> bool:
    """Whether figure q gives the digits of a statement of `other` at another power of ten, and of no
    statement of `selected` (dsfact.quantity.same_digits): "DeepSeek-R1 cost 294万美元" is R1's 29.4万 with
    a zero added, though nearer V3's 560万 in value."""
    from dsfact.quantity import same_digits

    return any(same_digits(q, st) for st in other.statements) and not any(same_digits(q, st) for st in selected.statements)


_IN_FORCE: dict = {}  # the registry in force, kept between calls: (path, mtime, size) -> Registry


def registry_in_force() -> Registry:
    """The registry in force ($DSFACT_REGISTRY or the bundled one), loaded once per process and again only
    when its file changes, so a program that calls check_text per article does not rebuild the registry's
    cue index (a tenth of a second) every time."""
    from dsfact.registry import load_registry
    from dsfact.registry.paths import registry_file

    path = registry_file()
    try:
        st = os.stat(path)
    except OSError:
        return load_registry(path)  # the one-line error a missing registry gives
    key = (path, st.st_mtime_ns, st.st_size)
    registry = _IN_FORCE.get(key)
    if registry is None:
        registry = load_registry(path)
        _IN_FORCE.clear()
        _IN_FORCE[key] = registry
    return registry


def check_text(text: str, registry: Registry | None = None, date: str | None = None) -> list[Finding]:
    """Check a text (already decoded) as a file's prose is checked: without the invisible format
    characters that would hide a figure (dsfact.document.invisible). Findings stand where they are in
    `text` itself: their span, their words as written there, and their 1-based location. `date` is the
    text's own date (ISO), when it is known."""
    if registry is None:
        registry = registry_in_force()
    from dsfact.document.invisible import strip_invisible
    from dsfact.document.lines import LineIndex

    prose, origin, _, _ = strip_invisible(text, range(len(text) + 1), {}, [])
    lines = LineIndex(text)
    found = []
    for f in find_findings(prose, registry, date=date):
        start, end = origin[f.start], origin[f.end - 1] + 1
        found.append(f._replace(start=start, end=end, text=text[start:end], location=lines.location(start, end)))
    return found


def check_document(doc, registry: Registry, date: str | None = None, gate=None) -> FileResult:
    """Check a document read by dsfact.document: findings located in the original file. The document's
    own date (doc.date) counts its relative time words; `date` (`check --date`, an archive record's) is
    used when it gives none. `gate`: as find_findings takes it."""
    findings = []
    def line_of(at: int) -> int:
        return doc.location(at, at).line

    for f in find_findings(doc.text, registry, doc.blocks, date=doc.date or date, gate=gate, line_of=line_of):
        findings.append(f._replace(location=doc.location(f.start, f.end)))
    return FileResult(path=doc.path, findings=findings)

"""Find which registered claim a figure in a text speaks of: cue words, sentences, nearest subject."""
from __future__ import annotations

import bisect

from dsfact.matching.aboutbody import about_other
from dsfact.matching.afterword import after_distance, listed_after
from dsfact.matching.alone import date_links, dated_word, rest_words
from dsfact.matching.aside import compared_owner, described_product, maker_of, names_aside, own_only, qualifies_product
from dsfact.matching.basemodel import built_on
from dsfact.matching.bodies import governed, loosely_named, other_body, other_member
from dsfact.matching.capitals import opens_with_other, past_frame, unregistered
from dsfact.matching.circumstance import circumstantial
from dsfact.matching.columns import row_label
from dsfact.matching.comparison import is_comparison, likened, listed_with
from dsfact.matching.cues import ENTITY, CueHit, _cue_key, _product_words
from dsfact.matching.epithets import epithet_subject
from dsfact.matching.excluding import rules_out, sized_before
from dsfact.matching.fromto import in_from_part
from dsfact.matching.glossdate import glossed_date, glossed_span
from dsfact.matching.glossname import glosses_other
from dsfact.matching.innerhead import placed_loosely
from dsfact.matching.items import intro_subject
from dsfact.matching.joint import jointly
from dsfact.matching.jointtotal import joint_total
from dsfact.matching.laterowner import out_of_reach
from dsfact.matching.launches import other_launch
from dsfact.matching.leadborrow import borrowed_after_lead
from dsfact.matching.leads import heading_lead, listed_heading, member_of, members_only, names_other, title_at
from dsfact.matching.magnitude import scale_slip
from dsfact.matching.moved import change_told
from dsfact.matching.movelevel import move_levels
from dsfact.matching.namedbefore import named_before
from dsfact.matching.nextrecall import named_after, names_next
from dsfact.matching.objects import object_of_other, rival_object
from dsfact.matching.openers import opener_reach
from dsfact.matching.others import party_before
from dsfact.matching.ownername import not_rival
from dsfact.matching.ownwords import kind_carried, moved_from, own_kind_kept, rate_kind
from dsfact.matching.periods import counted_span
from dsfact.matching.pledgedto import pledged_to
from dsfact.matching.pointedexclude import pointed_exclusions
from dsfact.matching.pointers import former_latter, pointed, pointed_past
from dsfact.matching.present import present_at, says_where
from dsfact.matching.pronouns import pronoun_subject
from dsfact.matching.recalled import recalled_metric
from dsfact.matching.referents import in_quote, lead_not_subject, qualifies_other, quoted, referred_back, said_after
from dsfact.matching.relaside import only_in_asides
from dsfact.matching.relativetime import date_clause_span
from dsfact.matching.relhead import relative_head
from dsfact.matching.restated import restated_fits
from dsfact.matching.roles import HEAD_DATE_WORDS, fits, turns_away
from dsfact.matching.sections import answered, carried_loosely
from dsfact.matching.sentdates import sentence_dates, time_fits_beside, weekday_counted
from dsfact.matching.sentences import Sentence, asked
from dsfact.matching.sessionrange import session_move
from dsfact.matching.sizedname import compared_past_size
from dsfact.matching.speakerline import speaker_from
from dsfact.matching.stages import stage_part
from dsfact.matching.structure import FIRM, carried, means_clause, owner_after, pair_cues, respectively, unjudged
from dsfact.matching.subjectclass import borrowable
from dsfact.matching.tables import cell_spans, close_cell, header_time_fits, table_cues
from dsfact.matching.text import CLAUSE_PENALTY, INF, LOOKBACK_SENTENCES, TextCues
from dsfact.matching.timefits import month_unplaced, time_fits
from dsfact.matching.tokencost import counted_cost, nothing_charged
from dsfact.matching.trailing import trails_own
from dsfact.matching.unitwords import in_other_unit, in_qualifier
from dsfact.matching.when import DAY_KINDS, date_fits
from dsfact.matching.yearcontrast import after_base_year
from dsfact.model import Claim, Quantity

EXCLUDE_REACH = 80  # an exclude word rules out a claim near its figure, not across a long sentence
SAME_SUBJECT = 5  # characters: subjects this close to the nearest one count as the same mention
LOOKBACK_PARAGRAPHS = 2
COMPARED_REACH = 12  # a name used as a comparison ("than GPT-4's") owns only a figure this close to it
WEAK_METRIC = 45  # a metric word further than this from a figure whose subject is borrowed binds weakly
SENTENCE_PENALTY = 400  # a subject from an earlier sentence of the paragraph is a last resort
STRUCTURE_PENALTY = SENTENCE_PENALTY * (2 + LOOKBACK_PARAGRAPHS)  # a lead line or heading: further still


class Candidate:
    """A claim that a figure may state, with how closely its cue words sit to the figure (plain classes
    here and below: a dataclass costs a millisecond or more to create at import, on every run)."""

    __slots__ = ("claim", "subject_distance", "metric_distance", "_weak", "cues", "_ask")

    def __init__(self, claim: Claim, subject_distance: float, metric_distance: float, weak: bool | None = False,
                 cues: object = None, ask: tuple | None = None) -> None:
        self.claim, self.subject_distance, self.metric_distance = claim, subject_distance, metric_distance
        self._weak = weak  # bound only loosely (subject from far away, metric word outside the clause)
        self.cues = cues  # the figure's sentence's cue words (_Cues), for dsfact.matching.doubt.passed_over
        self._ask = ask  # (matcher, figure, claim index, whether put in): what `weak` asks when first read

    @property
    def weak(self) -> bool:  # the costlier tests asked when first read: most candidates after the first never are
        if self._weak is None:
            (text, q, ci, invested), time = self._ask, self.claim.time  # a share put in, another member, mid-session
            self._weak = ((invested and not jointly(text, q)) or other_member(text, q, ci, self.cues.names) and not (scale_slip(q, self.claim) and not loosely_named(text, q, ci, self.cues.names))
                          or (time is not None and time.count("-") == 2 and session_move(text, q, self.claim)))
        return self._weak

    def __repr__(self) -> str:
        return (f"Candidate(claim={self.claim.id!r}, subject_distance={self.subject_distance!r}, "
                f"metric_distance={self.metric_distance!r}, weak={self.weak!r})")

    @property
    def score(self) -> float:
        return self.subject_distance + 0.5 * self.metric_distance


class _Cues:
    """The cue words of a figure's sentence, as distances from the figure, by claim."""

    __slots__ = ("subject", "metric", "excluded", "subject_before", "entity", "named_before", "last_subject",
                 "names", "loose", "invested", "formed")

    def __init__(self) -> None:
        self.subject: dict[int, float] = {}
        self.metric: dict[int, float] = {}
        self.excluded: set[int] = set()
        self.subject_before: set[int] = set()  # claims whose subject is named before the figure
        self.entity = INF  # the nearest other company or body
        self.named_before = False  # another body is named before the figure
        self.last_subject: dict[int, int] = {}  # claim -> where its subject last ends before q
        self.names: list[tuple[CueHit, tuple]] = []  # the sentence's names, with their roles
        self.loose: set[int] = set()  # claims bound only by a name that loosely carries their metric
        self.invested: set[int] = set()  # claims whose name a figure is put into ("invest $500 billion in Stargate")
        self.formed = False  # the next sentence names what the figure's sentence forms: its names before q formed it


def _compared(folded: str, hit: CueHit) -> bool:
    # a comparison ("than GPT-4o"), or a name in a Chinese frame of likeness ("与GPT-4o、Claude等模型不相上下"): set
    # against the subject, it neither lends the next sentence a subject nor stops a search past it; nor does the
    # model another is built on or succeeds ("V3.1 extends the V3 base.", "V3.1是V3的升级版。"): its figures are the other's
    return likened(folded, hit.start, hit.end) or built_on(folded, hit)

def _names_in(text: TextCues, start: int, end: int, family: frozenset[int]) -> tuple[bool, dict[int, int]]:
    """Whether text[start:end] names a subject of a figure of this kind, or another body, and for each
    claim whose subject it names, where that name last ends. The name said last decides: "DeepSeek R1
    costs $0.55. OpenAI o3 costs $2." gives the next line no DeepSeek (a table's header, which names one
    subject per column, excepted). Read once per span and kind of figure (a sentence lends its subject to
    each figure of the sentences after it)."""
    key = (start, end, family)
    found = text._names_in.get(key)
    if found is not None:
        return found
    named, given, foreign = False, {}, False
    table = "|" in text.text[start:end]
    speaker = speaker_from(text, start, end)  # '..." President Trump said.': the quote's speaker lends nothing
    naming = text.index.naming
    hits = text.hits_in(start, end)
    last = None  # the name before this one, and whether it was set against the subject
    for k, hit in enumerate(hits):
        entity, subjects = naming(hit.cue)
        if not (entity or subjects) or speaker is not None and hit.start >= speaker:
            continue
        # a name listed after one set against the subject is set against it too ("matching OpenAI's ChatGPT
        # and Meta's Llama 3.1": neither lab lends the next sentence its subject, nor takes DeepSeek's)
        compared = _compared(text.folded, hit) or (last is not None and last[1]
                                                   and listed_with(text.folded, last[0], hit.start)) \
            or circumstantial(text, hit, start, end) or compared_past_size(text, hit) \
            or entity and present_at(text, hit, text.sentence_of(hit.start))  # "…at the White House": a place
        last = (hit.end, compared)
        if not table and entity and not compared:
            given = member_of(text, hit, given)  # "Stargate, unveiled by OpenAI, SoftBank and Oracle": its partners
            named = True
            continue
        # a registered name that is the subject only of claims of other kinds ("xAI's Colossus" before a
        # count of days) is another body here when the span names no subject of this kind, unless it only
        # qualifies a product ("Nvidia H800 GPUs") or is the object of a phrase
        foreign = foreign or (not table and subjects and not any(ci in family for ci in subjects)
                              and not qualifies_product(text, hit, hits[k + 1:k + 3])
                              and not governed(text.folded, hit.start) and not compared)
        for ci in subjects if subjects and (table or not compared) else ():  # ("rivals GPT-4o": lends none)
            named = named or ci in family
            given[ci] = max(given.get(ci, -1), hit.end)
    if foreign and not any(ci in family for ci in given):
        given.clear()
        named = True
    found = text._names_in[key] = (named, given)
    return found


def _own_day(tags: tuple) -> bool:
    """Whether a figure's own time words place it: a date, or a day counted from the day of writing (昨日, today),
    known or not: the time words of its sentence's other clauses are then other figures' ("昨日股价大跌17%，……，是
    去年9月纪录的两倍多"). A weekday alone does not: "on Monday, twice the loss of September 3, 2024" may be 2024's."""
    return any(t.startswith("date:") or t in DAY_KINDS for t in tags)


def _aside_dates_only(text, sentence: Sentence, q: Quantity, time: str) -> bool:
    """Whether every date of q's sentence that is not the claim's `time` stands in a relative aside closed
    before q (dsfact.matching.relaside): "Nvidia, which led the market in 2024, fell 17% on Monday"."""
    return only_in_asides(text, sentence, q, sentence_dates(text, sentence), lambda d: date_fits(d, time))


def _could_state(text: TextCues, x: Quantity, claim: Claim) -> bool:
    """TextMatcher._could_state, worked out once per figure, claim and document date: each figure of a sentence
    asks it of the same figures (x is one of those the text's FigureReader keeps, which remembers the answer)."""
    reader, key = text.reader(), (id(x), id(claim), text.year, text.day)
    found = reader.could_state.get(key)
    if found is None:
        found = reader.could_state[key] = fits(claim.kind, reader.roles(x)) and (
            not claim.time or time_fits(claim.time, reader.times(x), text.year, text.day))
    return found


class TextMatcher(TextCues):
    """The binding rules: which claims a figure of this text may state, best first."""

    def candidates(self, q: Quantity, quantities: list[Quantity] | None = None) -> list[Candidate]:
        """Claims whose unit, subject and metric fit figure q, best first; empty when q is about
        something else (another company, another quantity)."""
        if not self.sentences:
            return []
        si = self.sentence_of(q.start)
        sentence = self.sentences[si]
        family = self.index.family(q.unit)
        if not family:
            return []
        hits = self.sentence_hits(si)
        if quantities is not None:
            self.use(quantities)
        if _unreached(self, q, si) or glosses_other(self, q):
            return []  # no claim's subject can reach it: its cue words are not read; a bracket glossing another name
        cues = self._cues(q, si, hits, family)
        if self.says_respectively(si):
            self._respectively(q, quantities, sentence, hits, cues.subject)
        self._firm, self._loose = set(), set()  # subjects a pronoun carries from the sentence before; as another model's
        self._loose.update(pledged_to(self, q, si))  # "pledged $19 billion for Stargate": one party's part of the plan
        if former_latter(self, si, q, cues):  # "The former was trained on 2,048 GPUs": the pair's first
            return self._ranked(q, sentence, cues)
        recalled_metric(self, si, q, cues, family, SENTENCE_PENALTY)  # "the $6 million figure": the metric before
        if q.unit == "date":
            glossed_date(self, q, cues, family)  # "DeepSeek V3 (December 26, 2024)": its release
        heading_lead(self, si, q, cues, family, STRUCTURE_PENALTY, WEAK_METRIC + 1.0)  # "## The $5.6M question"
        said_after(self, si, q, cues)  # "The model cost $6 million, DeepSeek said."
        relative_head(self, si, q, cues, family)  # "于2024年12月发布的早期模型V3": V3's month
        missing = [ci for ci in cues.metric if cues.subject.get(ci, INF) == INF and ci not in cues.excluded]
        self._loose.update(out_of_reach(self, q, missing, cues.subject))  # named only out of reach: one borrowed is loose
        if missing and named_after(self, q, si, missing, cues, SENTENCE_PENALTY) or quoted(self, si, q, cues):
            pass  # "... a venture to invest $500 billion. The venture, called Stargate, ...": Stargate's
        elif missing and not self._named_before(q, si) and (left := _left_to_borrow(self, q, si, missing)):
            if not (pronoun_subject(self, si, q, left, cues.subject, SENTENCE_PENALTY)  # "Its", or "據悉，該項目" (referents)
                    or referred_back(self, si, q, left, cues.subject, SENTENCE_PENALTY)
                    or epithet_subject(self, si, q, left, cues.subject, family, SENTENCE_PENALTY, LOOKBACK_PARAGRAPHS)
                    or intro_subject(self, si, q, left, cues.subject, family)  # "Key features" over its items
                    or not party_before(self, si, q) and self._borrow_subject(q, si, left, cues.subject, family)):
                self._structure_subject(q, left, cues.subject, family)
            self._loose.update(carried_loosely(self, q, si, left, cues.subject))  # a roundup's item, "We used"
        elif missing and lead_not_subject(self, si, q) and (  # "孙正义表示，他们的计画……", "该计划由软银宣布，": no subject
                pronoun_subject(self, si, q, missing, cues.subject, SENTENCE_PENALTY)
                or referred_back(self, si, q, missing, cues.subject, SENTENCE_PENALTY)
                or borrowed_after_lead(self, si, q, missing, cues.subject, family)):  # "Trump said the venture will"
            cues.named_before = False
            cues.entity = min((self.distance(q, h) for h, roles in cues.names if h.start >= q.end
                               and any(role == ENTITY for _, role in roles)), default=INF)
        self._loose.update(answered(self, q, si, cues.subject), pointed_exclusions(self, q, si, cues.metric))  # 該倡議: the words before
        return past_frame(self, q, self._ranked(q, sentence, cues))  # "与OpenAI的60美元相比，其价格为2.19美元": 其's

    def _cues(self, q: Quantity, si: int, hits: list[CueHit], family: frozenset[int]) -> _Cues:
        """How near figure q each claim's subject, metric and exclude words sit in its sentence."""
        cues = _Cues()
        respectively = self.says_respectively(si)
        exclusions: list[tuple[CueHit, int]] = []
        metrics: list[tuple[CueHit, int, float]] = []
        named: dict[int, list[CueHit]] = {}  # claim -> the hits that name its subject
        # "Meitu rose 16.3%, Kingsoft Cloud 11.2%": a clause that names its own subject before the figure
        # shares the verb of the clause before it
        marks, qs, qe = self._marks, q.start, q.end
        clause_start = max(marks[bisect.bisect_right(marks, qs) - 1] if marks and marks[0] < qs else 0, self.sentences[si].start)
        own_subject = False
        before_q, after_q = bisect.bisect_left(marks, qs), bisect.bisect_left(marks, qe)
        subject_d, subject_before, last_subject = cues.subject, cues.subject_before, cues.last_subject
        means = means_clause(self, q, si, clause_start, after_q) or opener_reach(self, q, si, after_q)  # "with $6M, V3"
        for hit, roles, foreign, names, entity, subjects, metric_of, excludes in self.entries(si, q):
            # the distance of TextCues.distance, with q's own clause marks counted once per figure
            if hit.end <= qs:
                crossings = before_q - bisect.bisect_left(marks, hit.end)
                d = float(qs - hit.end + CLAUSE_PENALTY * crossings)
                if d > WEAK_METRIC and crossings and asked(self.text, hit, qs):
                    d = float(qs - hit.end)  # "Q: What does o1 charge for output?⏎A: Per million tokens, $60"
                own_subject = own_subject or (names and clause_start <= hit.start)
            elif hit.start >= qe:
                d = after_distance(self, q, hit, after_q, means, own_subject and (names or entity))
            else:
                d = 0.0
            # "competitive with GPT-4 at $0.07": GPT-4's own figure only; "in Paris, France,"; 由软银推动、规模达…的
            compared = (base := (subjects or excludes) and built_on(self.folded, hit)) or (entity or subjects or foreign) and (own_only(self, hit, d > COMPARED_REACH, qs, subjects and d < INF and q)
                or entity and not_rival(self, q, hit, hits)  # "在发布V4前": a time; "Jensen Huang's Nvidia": Nvidia's
                or says_where(self, q, hit, si, entity, foreign) or in_from_part(self, q, hit)  # (a change's "from" part)
                or subjects and (object_of_other(self, q, hit, hits) or rival_object(self, q, hit, hits)))  # "V3.2 unifies V3 and R1 ... at $0.28", "R1 undercuts o1 at $2.19"; base: "built on V3"
            if (entity or subjects and compared_owner(self, hit, qs)) and not compared:  # "低于Meta的6000万美元"
                cues.entity = min(cues.entity, d)
                cues.named_before = cues.named_before or hit.end <= qs
            for ci in subjects:
                if not compared:  # "优于OpenAI，且成本不到600万美元": not OpenAI's cost; "in the EU of €10 billion": a place
                    subject_d[ci] = min(subject_d.get(ci, INF), d)
                    named.setdefault(ci, []).append(hit)  # (which parts no exclude word from q)
                if hit.end <= qs:
                    subject_before.add(ci)
                    last_subject[ci] = max(last_subject.get(ci, -1), hit.end)
            for ci in metric_of:  # a name may carry its claim's metric, for a figure that qualifies it
                if how := (FIRM if ci not in subjects else carried(self, q, hit, ci, subjects, hits, cues)):
                    metrics.append((hit, ci, d, how))
            if excludes and not base and (rules_out(self, q, hit, d <= EXCLUDE_REACH or asked(self.text, hit, qs), respectively and d == qs - hit.end) or row_label(self.text, q, hit) or rate_kind(self, q, hit)):
                exclusions.extend((hit, ci) for ci in excludes)
            if (names or entity) and not names_aside(self, q, hit, hits):
                cues.names.append((hit, roles))  # for dsfact.matching.doubt.passed_over
            if foreign and hit.end <= qs and self._governs(q, hit, hits, family) and not compared:
                # "Meta's Llama 3 was trained on 16,384 GPUs": the nearest name before a figure is its
                # subject, even when it is registered only for figures of another kind
                cues.entity = min(cues.entity, d)
                cues.named_before = True
        owner_after(self, q, hits, cues)  # "a 3.1% slide in the Nasdaq": the Nasdaq's
        claims = self.registry.claims
        shadows, last, seen = (), None, {}
        firm: set[int] = set()
        for hit, ci, d, how in metrics:
            if not respectively and not own_subject:
                if hit is not last:  # the figures that may take this word from q, found once per word
                    shadows, last = self.shadows(q, hit), hit
                if shadows and any(_could_state(self, x, claims[ci]) for x in shadows):
                    continue
            if _moved(self, q, hit, seen):
                continue  # "2023年成立的DeepSeek在2024年底推出V3": 成立 is 2023年's; "recovering from a 17% fall"; "119K GPU hours"
            cues.metric[ci] = min(cues.metric.get(ci, INF), d)
            if how == FIRM:
                firm.add(ci)
        firm |= move_levels(self, q, cues.metric, family)  # "rose 289.33 points, or 0.65%, to 44,713.58"
        pair_cues(self, q, si, cues, firm)  # "$0.55/$2.19 per million tokens": the second is an output price
        table_cues(self, q, cues, firm)  # "| DeepSeek-R1 | $2.19 |" under "| Model | Output price |"
        cues.loose = {ci for ci in cues.metric if ci not in firm}
        for hit, ci in own_kind_kept(self, q, metrics, exclusions):  # "4 yuan per million input tokens and 16 ..."
            # "2,048 H800 GPUs to train, while GPT-4o used 25,000 GPUs": H800 is not GPT-4o's; "405B Llama 3": its own
            a, b = (hit.end, q.start) if hit.end <= q.start else (q.end, hit.start)
            across = any(a <= h.start and h.end <= b for h in named.get(ci, ())) and not sized_before(self, q, hit)
            if not across or kind_carried(self, q, hit):  # carried: the rate's kind, firm
                (cues.loose if not across and qualifies_other(self, q, hit, ci) else cues.excluded).add(ci)
        return cues

    def _ranked(self, q: Quantity, sentence: Sentence, cues: _Cues) -> list[Candidate]:
        """The claims that keep both a subject and a metric word near q and that q can state, best first."""
        out = []
        claims = self.registry.claims
        subject_d = cues.subject
        roles = None  # q's roles, read when a claim first needs them
        unnamed = None  # how near q an unregistered name before it stands ("as Cardano sank 9%")
        for ci, md in cues.metric.items():
            if ci in cues.excluded or ci not in subject_d or subject_d[ci] == INF or md == INF:
                continue
            if subject_d[ci] > cues.entity and not trails_own(self, q, ci, cues.loose):
                continue  # a figure nearer another company or body is not this claim (", falling 17%": the subject's)
            if cues.named_before and ci not in cues.subject_before and subject_d[ci] < SENTENCE_PENALTY:
                continue  # "Alibaba cut prices by 85% in response to DeepSeek": the name before is the subject
            claim = claims[ci]
            if q.unit == "date" and _event_elsewhere(self, q, ci):
                continue  # "DeepSeek, which Liang set up in Hangzhou, began building a cluster in 2021"
            if roles is None:
                roles = self.reader().roles(q) if self._quantities else frozenset()
            if not self._fits(q, claim, roles, sentence):
                continue
            if other_body(self, q, ci) or joint_total(self, q, ci):  # after the cheaper fit: most do not fit it
                continue  # "30 times the compute of GPT-4o" against a multiple of DeepSeek-V3's
            if unnamed is None:  # (those who formed a thing the next sentence names are not its subject)
                unnamed = INF if cues.formed else unregistered(self, q)
            if subject_d[ci] > unnamed and not trails_own(self, q, ci, cues.loose):
                continue  # a figure nearer another body, registered or not, is not this claim
            eager = (self._weak(q, subject_d[ci], md) and ci not in self._firm) or ci in self._loose or ci in cues.loose
            out.append(Candidate(claim, subject_d[ci], md, weak=True if eager else None, cues=cues,  # the rest: when read
                                 ask=None if eager else (self, q, ci, ci in cues.invested)))
        if not out:
            return out
        if len(out) == 1:
            return out
        nearest = min(c.subject_distance for c in out)
        directions = self.index.directions

        def rank(c: Candidate):
            said = directions(c.claim)
            against = bool(q.direction and said and q.direction not in said)
            # the nearest subject first; among its claims a rise goes to a rise claim, if there is one, and
            # a price in yuan to a claim recorded in yuan (cues.family lets it reach those in dollars)
            return (c.subject_distance > nearest + SAME_SUBJECT, against, unjudged(q, c.claim), c.score, c.claim.line)

        out.sort(key=rank)
        return out

    def _governs(self, q: Quantity, hit: CueHit, hits: list[CueHit], family: frozenset[int]) -> bool:
        """Whether a name before figure q is its subject: no other figure stands between them ("OpenAI charges $7.50,
        making it 98% cheaper"), it is no mere comparison ("比OpenAI便宜98%"), and it does not just qualify the metric's
        noun ("Nvidia GPUs", "Nvidia A100 chips", "英伟达GPU数量", the maker in "英伟达为中国特供的H800芯片")."""
        if self._figure_between(q, hit) and not listed_after(self, q, hit) or described_product(self, hit, hits, q.start):
            return False
        if maker_of(self, hit, hits, q.start):
            return False  # "Nvidia H100 GPUs", "Meta buys Nvidia's GPUs": whose chips they are (aside.maker_of)
        return not is_comparison(self.folded, hit.start, hit.end)

    def _is_product(self, hit: CueHit) -> bool:
        """Whether a metric word names a thing a company makes (GPUs, H800s, 芯片): a name right before it
        qualifies it ("Nvidia GPUs") rather than being the subject; a verb ("Llama 3.1 took") does not."""
        word = self.folded[hit.start:hit.end]
        return any(c.isdigit() for c in word) or _cue_key(word, word)[0] in _product_words()

    def _could_state(self, x: Quantity, claim: Claim) -> bool:
        """Whether figure x's role and time allow the claim (a figure that cannot state it does not take
        the claim's metric word from the figures after it: "from $39 billion in 2024 to $65 billion")."""
        return _could_state(self, x, claim)

    def _fits(self, q: Quantity, claim: Claim, roles: frozenset[str], sentence: Sentence) -> bool:
        """Whether figure q can state this claim at all: its role fits the claim's kind ("stands at $2.9
        trillion" is no loss), its rate has the claim's base ("$2 per GPU hour" is no total cost), and
        its time is the claim's ("last year", "on Wednesday", "over five years" against one day)."""
        if roles and not fits(claim.kind, roles) and not restated_fits(self, q, claim, roles):
            return False  # ("a $208 billion (€200 billion) plan": the euros are the EU's own figure)
        if q.unit == "count" and claim.unit == "point" and "level" not in roles and not close_cell(self, q, claim):
            return False  # a bare figure is an index level only after "closed at", 收报 (cues.family)
        if q.per is not None and (claim.per is None or q.per.unit.lower() != claim.per.unit.lower()) \
                or nothing_charged(q):  # "$0 (retired)", "0元": nothing charged is no claim's amount
            return False
        if q.per is None and (counted_cost(self, q, claim) if claim.per is not None else stage_part(self, q, claim)):
            return False  # "a 1,000-token answer costs $0.002": no price per million; "post-training cost $10,000"
        if q.unit == "date" and (not _year_fits(q, claim, self.day) or other_launch(self, q)):
            return False  # "the company launched its app on January 10": the app's date, not V3's release
        if claim.time:
            tags = self.reader().times(q) if self._quantities else ()
            # a figure placed by its own date ("$39 billion in 2024") or day (_own_day) answers to it; others to the sentence's
            if not _own_day(tags) and not self._time_fits(claim.time, sentence) \
                    and not _placed_apart(self, sentence, q, claim.time, tags):  # "Nvidia, which ... in 2024, fell"
                if not time_fits_beside(self, claim.time, sentence, q):
                    return False
                self._loose.add(self.index.position[claim.id])  # the other dates left to other figures: it may agree
            if not time_fits(claim.time, tags, self.year, self.day):
                if not placed_loosely(self.reader(), q) and not month_unplaced(claim.time, tags, self.year, self.day):
                    return False
                self._loose.add(self.index.position[claim.id])  # another clause's time, "last January" undated
        return _form_fits(self, q, claim)

    def _weak(self, q: Quantity, subject_distance: float, metric_distance: float) -> bool:
        """A binding too loose to contradict: the subject borrowed from an earlier sentence while the metric
        word does not stand next to the figure (a "Label: value" line or "cost $6 million" keeps it)."""
        return subject_distance >= SENTENCE_PENALTY and metric_distance > WEAK_METRIC

    def _named_before(self, q: Quantity, si: int) -> bool:
        """Whether the figure's own sentence names, before it, another company or the subject of another
        claim of its unit ("Apple shipped 50 million"), in which case it is not about a subject of an
        earlier sentence. Nor a comparison ("比OpenAI便宜90%"), nor a described subject's aside (relaside)."""
        return named_before(self, q, si)  # (dsfact.matching.namedbefore, once per figure)

    def _borrow_subject(self, q: Quantity, si: int, missing: list[int], subject_d: dict[int, float],
                        family: frozenset[int]) -> bool:
        """"It was trained on 2,560 chips.": take the subject named most recently before the sentence, a few sentences
        (at most two paragraph breaks) back; any other body met on the way stops the search: an entity, a registered name
        that is the subject only of figures of other kinds (unless it qualifies a product, "2,048 Nvidia H800s", or is the
        object of a phrase). A figure in a quote opening its sentence takes one from a paragraph before loosely."""
        here, quote, spoken = self.sentences[si].paragraph, in_quote(self, si, q), False
        for back in range(si - 1, max(si - 1 - LOOKBACK_SENTENCES, -1), -1):
            earlier = self.sentences[back]
            breaks = here - earlier.paragraph
            if breaks > LOOKBACK_PARAGRAPHS or opens_with_other(self, back):
                return False  # ("Advantest supplies Nvidia with testers. It fell 10%.": Advantest's)
            spoken = spoken or speaker_from(self, earlier.start, earlier.end) is not None  # past '"…" Trump said.'
            if self._take_subject(earlier.start, earlier.end, missing, subject_d, family,
                                  SENTENCE_PENALTY * (1 + breaks) + q.start):
                if any(subject_d.get(ci, INF) < INF for ci in missing) or not members_only(self, si, q, earlier, missing):
                    self._loose.update(ci for ci in missing if (quote and breaks or spoken) and subject_d.get(ci, INF) < INF)
                    return True  # (unless only a venture's members were named: "Oracle will build the first site.")
            if turns_away(self.folded, earlier.start, earlier.end):
                return True  # "Elsewhere, a rival lab drew notice.": the story has turned to someone else
        return False

    def _take_subject(self, start: int, end: int, missing: list[int], subject_d: dict[int, float],
                      family: frozenset[int], base: float) -> bool:
        """Give the missing claims whose subject text[start:end] names a distance of `base` less the
        name's end; whether it names any subject of a figure of this kind, or another body."""
        named, ends = _names_in(self, start, end, family)
        for ci in missing:
            name_end = ends.get(ci)
            if name_end is not None:
                subject_d[ci] = min(subject_d.get(ci, INF), base - name_end)
        return named

    def _structure_subject(self, q: Quantity, missing: list[int], subject_d: dict[int, float],
                           family: frozenset[int]) -> None:
        """"DeepSeek-V3 at a glance:" or "## DeepSeek-V3" above "- Training cost: $5.6 million": the lead line of the
        figure's list, else the nearest heading above it, gives its subject. The nearest that names a subject (or another
        body) decides; it binds weakly unless the metric word stands next to the figure, always when it lists several."""
        if self.structure is None:
            return
        for depth, (start, end, heading) in enumerate(self.structure.context_of(q.start)):
            base = STRUCTURE_PENALTY * (1 + depth) + end
            if self._take_subject(start, end, missing, subject_d, family, base) \
                    or names_other(self, start, end, heading):
                self._loose.update(listed_heading(self, start, end, missing))
                return

    def _respectively(self, q, quantities, sentence, hits, subject_d) -> None:
        respectively(self, q, quantities, sentence, hits, subject_d)  # dsfact.matching.structure


def _placed_apart(text: TextMatcher, sentence, q: Quantity, time: str, tags: tuple) -> bool:
    """Whether the dates of q's sentence that are not the claim's leave q alone: told in an aside ("Nvidia, which
    ... in 2024, fell"), or q's own weekday, counted back from them, is the claim's day ("Tokyo stocks fell on
    Tuesday, January 28, after Nvidia dropped 17% on Monday": dsfact.matching.sentdates.weekday_counted), or
    they place the figure q is measured against in the year before a year's claim ("$65 billion this year, up
    from $39 billion in 2024": dsfact.matching.yearcontrast.after_base_year)."""
    return _aside_dates_only(text, sentence, q, time) or weekday_counted(text, time, sentence, tags) \
        or after_base_year(text, q, time)


def _left_to_borrow(text: TextMatcher, q: Quantity, si: int, missing: list[int]) -> list[int]:
    """The claims of `missing` whose subject figure q may borrow: none where the story has turned from them before q
    ("Elsewhere, a rival lab ..."), q stands in a section about another body ("**About Acme Compute**"), or q's
    sentence opens with "The venture" and the nearest venture before is another ("a separate venture in Texas");
    where its sentence tells it as a group's sum ("Collectively, the four ..."), those whose partners it is (groupsum)."""
    if turns_away(text.folded, text.sentences[si].start, q.start) or about_other(text, si, q, missing) \
            or pointed_past(text, si, q, missing):
        return []
    return borrowable(text, si, q, missing)


def _unreached(text: TextMatcher, q: Quantity, si: int) -> bool:
    """Whether no binding rule can give figure q a subject, so that no claim takes it, before its cue words are
    read: its sentence names no subject of a claim of its unit (the cue hits of TextCues.entries, the only names
    the sentence's own rules bind by: "respectively" too pairs only those) and names someone before it
    (_named_before: no earlier sentence, pronoun or epithet lends it a subject), and nothing another rule gives
    a subject from is there: a table cell's header, "the former", a quote that opens the sentence, a speaker's
    lead, a subject named in the next sentence (a name given after the figure, a headline's lead). A figure of
    "Apple shipped 50 million phones" or "The chip index lost 1.8%, wiping $693 billion off 83 companies" is
    nobody's claim, whatever its metric words (tests/test_unreached.py holds the figures left to those read)."""
    if any(entry[5] for entry in text.entries(si, q)) or not text._named_before(q, si):
        return False
    if cell_spans(text, q) is not None or pointed(text, si, q) is not None or in_quote(text, si, q) \
            or lead_not_subject(text, si, q):
        return False
    if si + 1 < len(text.sentences):
        naming = text.index.naming
        if any(naming(hit.cue)[1] for hit in text.sentence_hits(si + 1)):  # (a headline's lead, a name given later)
            return title_at(text, si) is None and not names_next(text, si)
    return True


def _moved(text: TextCues, q: Quantity, hit: CueHit, seen: dict) -> bool:
    """Whether metric word `hit` is another date's (alone.dated_word), names a move that leaves figure q behind
    (ownwords.moved_from) or stands in another figure's unit (unitwords.in_other_unit), asked once per word
    (`seen`), not once per claim the word serves ("cost" serves several)."""
    found = seen.get(hit)
    if found is None:
        found = seen[hit] = bool((q.unit == "date" and hit.end <= q.start and dated_word(text, q, hit))
                                 or moved_from(text.folded, q, hit) or in_other_unit(text, q, hit)
                                 or in_qualifier(text, q, hit))  # "plunged up to 18%": a ceiling, no rise
    return found


def _event_elsewhere(text: TextMatcher, q: Quantity, ci: int) -> bool:
    """Whether no word of claim ci's event (released, founded, 发布) stands in a date's own clause: the date is
    then of another event its clause tells ("began building its cluster in 2021", "R1正式问世，1月24日登上
    下载榜首"), unless the date stands in a clause of its own ("On December 26, DeepSeek released V3", "unveiled
    Grok 3 on Monday night, February 17")."""
    start, end = glossed_span(text, q, ci) or date_clause_span(text, q)  # ("January 10, when DeepSeek released R1")
    if any(ci in e[6] and start <= e[0].start < end for e in text.entries(text.sentence_of(q.start), q)):
        return False
    links = date_links()
    return sum(len(w) for w in rest_words(text.folded, start, end, q) if w not in links) > HEAD_DATE_WORDS


def _year_fits(q: Quantity, claim: Claim, day: str | None) -> bool:
    """Whether a date written without its year ("December 20", "12月20日") may be of the claim's year: it
    takes the year the document's date implies, and one of another year is another event; without the
    document's date it is read in the claim's year (dsfact.quantity.fill_date)."""
    from dsfact.matching.when import implied_year

    year = implied_year(str(q.value), day)
    return year is None or any(str(st.value).startswith(str(year)) for st in claim.statements)


def _form_fits(matcher: TextMatcher, q: Quantity, claim: Claim) -> bool:
    """What the figure's form says beside its claim: a table's column header or row label may name another
    time ("| Meta | $39bn |" under "| 2024 capex |"); a count of several days places a move over them, not on
    a claim's day ("lost 16% in just four trading days"); a claim of a change needs a word of change, without
    which the figure may agree, never contradict ("Nvidia has a market value of $2.9 trillion")."""
    if claim.time and not header_time_fits(matcher, q, claim.time):
        return False
    if claim.time and claim.time.count("-") == 2 and matcher._quantities is not None \
            and counted_span(matcher, q, matcher.reader().times(q)):
        return False  # "losing over 16% in just four trading days": several days' move, not the day's
    if claim.kind == "change" and not change_told(matcher, q):
        matcher._loose.add(matcher.index.position[claim.id])
    return True

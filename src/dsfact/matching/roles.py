"""What a figure is, from the words that govern it: its role, and where it stands in time.

"Nvidia lost $589 billion" states a change; "its value now stands at $2.9 trillion" a level; "of which
$100 billion" a part; "(about $208 billion)" a restatement in another currency; "100% open-source" no
amount at all; "last year's $39 billion" another year. The words are language data
(dsfact/lang/roles.words, time.words and names.words); this module holds only the mechanism. A claim says which kind
of figure states it (`Claim.kind`); `fits` tells whether a figure's roles allow that kind.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

from dsfact.fold import has_han
from dsfact.lang import words_of
from dsfact.matching import when
from dsfact.matching.closedtime import closing_figure
from dsfact.matching.combined import combined_part
from dsfact.matching.compounds import built_stage, holds_whole, in_attribute, in_compound, run_stage
from dsfact.matching.daybefore import place_time_words
from dsfact.matching.discounts import ended_spans
from dsfact.matching.expectedbase import beaten_estimate
from dsfact.matching.fromto import from_hits
from dsfact.matching.fronted import fronted_clause, fronted_tags
from dsfact.matching.jointfound import joint_founding
from dsfact.matching.localdollar import local_before, local_dollar
from dsfact.matching.lonetime import stands_alone
from dsfact.matching.partof import part_of_larger, whole_of_part
from dsfact.matching.restated import priced_stage
from dsfact.matching.restatedrate import per_base, restates_rate
from dsfact.matching.rolewords import Role, lexicon
from dsfact.matching.sentences import past_question_mark
from dsfact.matching.sentencewords import led_by, opened_by
from dsfact.matching.shiftverb import verb_use
from dsfact.matching.sized import sized_move
from dsfact.matching.storyday import one_day_clause
from dsfact.matching.taggedmodel import tagged_after
from dsfact.matching.timewords import event_dated, inside, references
from dsfact.matching.tranche import announced_after
from dsfact.matching.wordtables import Alternation, group_of
from dsfact.matching.yearspan import SPAN_TAG, year_moves
from dsfact.model import Quantity
from dsfact.numbers.patterns import next_item
from dsfact.numbers.words import is_money

WINDOW = 48  # characters looked at before and after a figure for the words that govern it
NEAR_REACH = 80  # a role's `near` word names a figure this close to it in its sentence, not a whole long one
EXCHANGE_REACH = 28  # characters after an index's name where a word of listing begins ("'s biggest loser")
HEAD_DATE_WORDS = 4  # a date alone in a sentence's opening clause, but for a word such as "on" or 在
CONVERSION_GAP = 24  # at most this many characters between a figure and its restatement
CONSEQUENCE_GAP = 90  # characters from a move in percent to its value in money in the clause after it
# Units a figure may be restated in: currencies among themselves, durations among themselves.
DURATION_UNITS = frozenset("day month year hour week".split())
TIME_UNITS = DURATION_UNITS | {"date"}  # the units of a time or a span, not of an amount


def _restates(previous: Quantity, q: Quantity) -> bool:
    """Whether q may be a restatement of `previous` in another unit of the same dimension."""
    if previous.unit == q.unit:  # in its own unit a restatement only rounds: "$0.14 or $0.55" are two prices
        if isinstance(previous.value, (int, float)) and isinstance(q.value, (int, float)) and previous.value \
                and q.value and not 2 / 3 <= previous.value / q.value <= 1.5:
            return False
        return is_money(previous.unit) or previous.unit in DURATION_UNITS
    return (is_money(previous.unit) and is_money(q.unit)) or ({previous.unit, q.unit} <= DURATION_UNITS)


def _may_restate(folded: str, previous: Quantity, q: Quantity) -> bool:
    """Whether q may restate `previous`: in another unit of the same dimension, or one of the two a bare $ beside
    a US-marked sum, the page's own dollar ("$US593 billion ($948 billion)": dsfact.matching.localdollar)."""
    return _restates(previous, q) or local_dollar(folded, previous, q) or local_before(folded, previous, q) \
        or priced_stage(folded, previous, q)  # "预训练共使用266.4万GPU小时，约合532.8万美元": a stage's hours priced


def _converts(reader, k: int, q: Quantity, role) -> bool:
    """Whether q (the k-th figure) is a conversion: it restates the figure before it, or it is a bare $ sum that
    a US-marked sum restates right after it, the page's own dollar ("$948 billion (US$593 billion)")."""
    quantities = reader.quantities
    return k > 0 and reader._is_restatement(quantities[k - 1], q, role) or k + 1 < len(quantities) \
        and local_before(reader.folded, q, quantities[k + 1]) and reader._is_restatement(q, quantities[k + 1], role)


def _told_twice(previous: Quantity, q: Quantity) -> bool:
    """Whether q tells again, in percent, the move `previous` tells in points ("shed 720.3 points, or 3.61%")."""
    return previous.unit == "point" and q.unit == "pct" and q.direction is not None \
        and q.direction == previous.direction and q.start - previous.end <= CONVERSION_GAP


class FigureRoles:
    """The roles of one figure, each read when first asked: `"level" in roles`."""

    __slots__ = ("reader", "q", "k", "before", "after", "starts", "said", "_known", "_fit", "retold")

    def __init__(self, reader: FigureReader, q: Quantity) -> None:
        self.reader, self.q = reader, q
        self.k = bisect.bisect_left(reader.starts, q.start)
        self.before: str | None = None  # the words before and after q in its clause (window())
        self.after = ""
        self.starts: list[int] = []  # where a role's words may end `before` (Words.tail_starts of the between words)
        self.said: set[str] = set()  # the roles whose words stand right before or after q
        self._known: dict[str, bool] = {}
        self._fit: dict[str, bool] = {}  # claim kind -> fits (the claims near a figure share a few kinds)
        self.retold: bool | None = None  # whether q tells again the move of the figure before it (FigureReader._holds)

    def window(self) -> None:
        reader, q = self.reader, self.q
        clause_start, clause_end = reader.clause_span(q.start)
        if clause_start > 0 and reader.folded[clause_start - 1] in "(（" \
                and not reader.folded[clause_start:q.start].strip():  # "Input Cost (1M Tokens)": the bracket's head
            clause_start = max(reader.sentence_of(q.start)[0], clause_start - WINDOW)
        self.before = reader.folded[max(clause_start, q.start - WINDOW):q.start]
        self.after = reader.folded[q.end:min(clause_end, q.end + WINDOW)]
        lex, chinese = lexicon(), reader._chinese
        self.starts = lex.between.tail_starts(self.before, chinese)
        told_before = lex.said_before.before(self.before, chinese, self.starts)
        ends: dict[str, int] = {}  # where each role's word after q ends in self.after
        self.said = told_before | lex.said_after.after(self.after, chinese, ends)
        if "contribution" in self.said and joint_founding(self.before, reader.folded[q.end:q.end + 30]):
            self.said.discard("contribution")  # "共同注资5000亿美元，创立星际之门": the new venture's funding
        if _corrected_after(reader, q):  # "报道称……26元，正确数字为16元": the clause after retracts it
            self.said.add("misstated")
        if "part" in self.said and built_stage(reader.folded, self.before, *reader.clause_span(q.start), q.unit):
            self.said.discard("part")  # "deploy the first 100,000 GPUs", 完成首批10万块H100的部署: a stage, no part
        elif "part" in self.said and chinese and holds_whole(self.before, self.after):
            self.said.discard("part")  # "一个包含2048块H800 GPU的集群": all a cluster holds, not a part of it
        elif part_of_larger(reader, self.k) or combined_part(reader, self.k):
            self.said.add("part")  # "50,000 of the 260,000 GPUs", "从26万块GPU中获得5万块"; "€200 billion combines €150 billion ..."
        if whole_of_part(reader, self.k):
            self.said.add("whole-of")  # "2,048 of its 10,000 GPUs": the part is the writer's figure
        if "example" in self.said and _total_beside(reader, q):
            self.said.discard("example")  # "€200 billion, including €50 billion": a part of that total
            self.said.add("part")
        if "level" in self.said and lex.move_noun.begins(self.after, len(self.after) - len(self.after.lstrip()), chinese):
            self.said.discard("level")  # "recovering from a 17% decline": the figure a move's, no level
        if "sized" in self.said and sized_move(reader, q, clause_end, "sized" in told_before,
                                               q.end + ends["sized"] if "sized" in ends else None):
            self.said.discard("sized")  # "a $589 billion market value loss": no move of its own after it

    def __contains__(self, name: str) -> bool:
        found = self._known.get(name)
        if found is None:
            role = lexicon().by_name.get(name)
            found = self._known[name] = role is not None and self.reader._holds(self, role) and (
                name != "question" or _asks(self.reader, self.q))  # a question's words hold only where a sentence asks
        return found

    def fits(self, kind: str) -> bool:
        """Whether the figure can state a claim of this kind (the module's fits), answered once per kind."""
        found = self._fit.get(kind)
        if found is None:
            lex = lexicon()
            known, by_name, holds, found = self._known, lex.by_name, self.reader._holds, True
            for name in lex.never(kind):  # `name in self` for each, without a call per role asked again
                held = known.get(name)
                if held is None:
                    role = by_name.get(name)
                    held = known[name] = role is not None and holds(self, role)
                if held:
                    found = False
                    break
            self._fit[kind] = found
        return found


class FigureReader:
    """The roles and time words of every figure of one text, read once.

    `folded` is the text folded for matching; `clauses` the offsets of clause boundaries, in order;
    `sentence_of` maps an offset to its sentence's (start, end).
    """

    def __init__(self, folded: str, quantities: list[Quantity], clauses: list[int], sentence_of) -> None:
        self.folded = folded
        self.quantities = quantities
        self.starts = [q.start for q in quantities]
        self.clauses = clauses
        self.sentence_of = sentence_of
        self._roles: dict[int, FigureRoles] = {}
        self._times: dict[int, list[str]] = {}  # figure index -> the time words that place it
        self._heads: dict[int, list[str]] = {}  # sentence start -> time words at its head
        self._fronted: dict[int, list[tuple[int, str]]] = {}  # sentence start -> (offset, tag): dsfact.matching.fronted
        self._timed: set[tuple[int, int]] = set()  # the sentences whose time words were placed (times)
        self._day_before: set[int] = set()  # what "the day before" placed (dsfact.matching.daybefore)
        self._clause_hits: dict[str, dict[int, list[int]]] = {}  # role -> figure index -> its clause words
        self._scanned: dict[tuple[int, int], set[str]] = {}  # figure sentence -> the roles its words were sought for
        self._scanned_of: dict[int, set[str]] = {}  # figure index -> its sentence's entry of _scanned
        self._clause_spans: dict[int, tuple[int, int]] = {}  # offset -> clause_span
        self._chinese = has_han(folded)
        self._conversion = lexicon().conversion
        self.could_state: dict[tuple, bool] = {}  # what TextMatcher._could_state said of a figure and claim
        self.asked: dict[tuple, object] = {}  # what a role's rule worked out of a sentence or figure (sentencewords, fromto)

    def clause_span(self, pos: int) -> tuple[int, int]:
        """The clause that holds offset pos, within its sentence: (start, end) in the folded text (found once
        per offset: the rules ask it of a figure's start again and again)."""
        found = self._clause_spans.get(pos)
        if found is None:
            start, end = self.sentence_of(pos)
            clauses = self.clauses
            i = bisect.bisect_right(clauses, pos)
            lo = clauses[i - 1] + 1 if i > 0 else 0
            hi = clauses[i] if i < len(clauses) else len(self.folded)
            found = self._clause_spans[pos] = (lo if lo > start else start, hi if hi < end else end)
        return found

    def _nearest_figure(self, a: int, b: int, amounts_only: bool = False) -> int | None:
        """The index of the figure nearest the words at a:b, within their clause (with `amounts_only`,
        no date or duration: "over five years" places the figure beside it, not "five years")."""
        lo_c, hi_c = self.clause_span(a)
        k = bisect.bisect_left(self.starts, lo_c)
        best, best_d = None, None
        while k < len(self.quantities) and self.quantities[k].start < hi_c:
            q = self.quantities[k]
            if amounts_only and q.unit in TIME_UNITS:
                k += 1
                continue
            d = a - q.end if q.end <= a else q.start - b if q.start >= b else 0
            if d >= 0 and (best_d is None or d < best_d):
                best, best_d = k, d
            k += 1
        return best

    def _hits_for(self, role: Role, k: int) -> list[int] | None:
        """The offsets of this role's clause words that attach to figure k. A word attaches to a figure of its own sentence
        only, so a figure's sentence is searched when one of its figures first asks: for every role's words in one pass
        (most roles have no word in most sentences), or for one role's alone until enough text has been read."""
        scanned = self._scanned_of.get(k)  # (the sentence's, found once per figure)
        if scanned is None:
            if k >= len(self.quantities):
                return None
            sentence = self.sentence_of(self.quantities[k].start)
            scanned = self._scanned.get(sentence)
            if scanned is None:
                scanned = self._scanned[sentence] = set()
            self._scanned_of[k] = scanned
        if role.name not in scanned:
            lex = lexicon()
            roles = lex.clause_roles
            group = group_of(lex.clause_lists, self._chinese)
            alone = None if group.together() else roles.index(role)  # one role's alone until enough is read
            start, end = self.sentence_of(self.quantities[k].start)
            for r, matches in zip(roles, group.finditer(self.folded, start, end, alone)):
                if r.name in scanned:
                    continue  # (found alone before)
                for m in matches:
                    if in_compound(self.folded, m.start()) or in_attribute(self.folded, m.start(), m.end()) \
                            or r.name == "part" and announced_after(self.folded, m.end(), end):
                        continue  # "multi-stage", 多阶段, "publicly traded": another word (compounds); "立即宣布": how soon
                    # an amount, not a date or duration: "一天的总" holds "一天", and in "投资者预期Meta的
                    # 2025年资本开支为513亿美元" the year is no figure of the expectation
                    at = self._nearest_figure(m.start(), m.end(), amounts_only=True)
                    if at is None:
                        at = self._nearest_figure(m.start(), m.end())
                    if at is None and r.doubt:  # "週一午盤，那指跌2.5%": the clause right after
                        at = self._first_amount(m.end(), end)
                        if at is not None and bisect.bisect_right(self.clauses, self.starts[at]) \
                                != bisect.bisect_right(self.clauses, m.start()) + 1:
                            at = None
                    if at is None and "date" in r.never:  # "3月1日，DeepSeek在知乎发表文章"
                        at = self._head_date(start, m.start())
                    if at is not None and (beaten_estimate(self.folded, r.name, m.start(), m.end(), self.starts[at])
                                           or tagged_after(self.folded, r.name, m.end())):
                        continue  # "投资计划远超市场预期": the base it beats (expectedbase); "最新版o1模型": named (taggedmodel)
                    if at is not None:
                        self._clause_hits.setdefault(r.name, {}).setdefault(at, []).append(m.start())
            if alone is None:
                scanned.update(r.name for r in roles)
            else:
                scanned.add(role.name)
        found = self._clause_hits.get(role.name)
        return None if found is None else found.get(k)

    def _head_date(self, start: int, a: int) -> int | None:
        """The index of a date that opens the sentence starting at `start` in a clause of its own, when the
        words at offset a stand in the clause right after it ("On March 1, DeepSeek posted an article",
        "3月1日，DeepSeek在知乎发表文章"): the date is the time of that clause."""
        k = bisect.bisect_left(self.starts, start)
        if k >= len(self.quantities) or self.quantities[k].unit != "date" or self.quantities[k].start >= a:
            return None
        q = self.quantities[k]
        lo, hi = self.clause_span(q.start)
        if len(self.folded[lo:hi].strip()) - (q.end - q.start) > HEAD_DATE_WORDS:
            return None
        i = bisect.bisect_right(self.clauses, q.start)
        return k if bisect.bisect_right(self.clauses, a) == i + 1 else None

    def roles(self, q: Quantity) -> FigureRoles:
        """The roles of figure q, each read when first asked (`name in roles`): a figure is asked only the
        roles that can rule out or put in doubt the claims it may state."""
        found = self._roles.get(q.start)
        return found if found is not None else self._roles.setdefault(q.start, FigureRoles(self, q))

    def _holds(self, roles: FigureRoles, role: Role) -> bool:
        """Whether figure roles.q is in this role (FigureRoles.__contains__)."""
        q, k = roles.q, roles.k
        if role is self._conversion:  # a restatement
            return _converts(self, k, q, role)
        if role.name == "fraction" and (q.direction is not None or is_money(q.unit)):
            return False  # "lost 17% of its value" is a move; "wiping out $600 billion of its value" a sum
        if role.name == "price-base" and is_money(q.unit):
            return False  # "0.55美元定价" is the price, "百万tokens定价" its base
        if role.head is not None:  # a role of the figure's own words has no others
            return role.head.begins(self.folded, q.start, self._chinese)
        if roles.before is None:
            roles.window()
        if role.name in roles.said or role.name in _LISTS and _next_part(self, k, q, role.name):
            return True  # (a part's list goes on: "including about 10,000 H100s, 10,000 H800s and 30,000 H20s")
        if role.name == "level" and k > 0 and (self._ends_move(self.quantities[k - 1], q) or self.ends_told_move(q)):
            return True
        if role.clause is not None and (q.direction is None or role.doubt) and (self._hits_for(role, k) or from_hits(self, role, k)) \
                and not (role.name == "part" and run_stage(self.folded, *self.clause_span(q.start), q.unit)):
            # "目前市值约2.9万亿美元": no word of change, a word of level; a word that only puts a
            # figure in doubt ("opened 11% lower") holds for a move too; "在预训练阶段使用2048块GPU训练": all it trained on
            return True
        if role.doubt and k > 0:
            if roles.retold is None:  # (the same for every doubting role asked of q: read once per figure)
                roles.retold = _told_twice(self.quantities[k - 1], q) or _in_money(self, self.quantities[k - 1], q)
            if roles.retold and role.name in self.roles(self.quantities[k - 1]):
                return True  # "In early trading it shed 720.3 points, or 3.61%": the move's part of the day, told again
        if role.sentence and q.direction is None and opened_by(self, role, q):
            return True
        if role.lead is not None and led_by(self, role, q):
            return True
        if role.name == "rate" and (k > 0 and restates_rate(self, k) or per_base(self, k)):
            return True  # "..., or 3.7 days on the cluster"; "每训练一万亿token只需18万GPU小时"
        return role.near is not None and self._near_role(role, q)

    def _ends_move(self, previous: Quantity, q: Quantity) -> bool:
        """Whether q ends a move from `previous`, a level of its unit: "from $3.5T to $2.9T", "由3.5萬億到2.9萬億"."""
        if previous.unit != q.unit or q.start - previous.end > CONVERSION_GAP:
            return False
        lex = lexicon()
        if self.folded[previous.end:q.start].strip() not in lex.move_to:
            return False
        before = self.folded[max(0, previous.start - WINDOW):previous.start]
        return lex.move_from.before(before, self._chinese, lex.between.tail_starts(before, self._chinese))

    def ends_told_move(self, q: Quantity) -> Quantity | None:
        """The figure whose move q is the end of: q stands right after a word of "to" (roles.words [from-to])
        that follows the move's size, a figure with a direction, perhaps restated ("rose 289.33 points, or
        0.65%, to 44,713.58", "fell 612.47 points (-3.07%) to 19,341.83"): q is the level the move ended at. None
        when it is not."""
        k = bisect.bisect_left(self.starts, q.start)
        if k < 1 or self.quantities[k - 1].end > q.start:
            return None
        previous = self.quantities[k - 1]
        if q.start - previous.end > CONVERSION_GAP or \
                self.folded[previous.end:q.start].strip(" \t,，)）") not in lexicon().move_to:
            return None
        if previous.direction is not None:
            return previous
        first = self.quantities[k - 2] if k > 1 else None  # "289.33 points, or 0.65%": the size, restated
        return first if first is not None and first.direction is not None \
            and previous.start - first.end <= CONVERSION_GAP else None

    def clause_words(self, q: Quantity, name: str) -> list[int]:
        """The offsets of role `name`'s clause words that attach to figure q (none when the role has no
        clause words, or q took the role from the words right before or after it)."""
        role = next((r for r in lexicon().roles if r.name == name), None)
        if role is None or role.clause is None:
            return []
        return self._hits_for(role, bisect.bisect_left(self.starts, q.start)) or []

    def _near_role(self, role: Role, q: Quantity) -> bool:
        """Whether a `near` word of a role stands in q's sentence within NEAR_REACH characters of it,
        whatever stands between ("在优惠时段，R1的输出价格降为4元": the hours name the price's role), or in the
        sentence before one that continues it ("... a 75% off-peak discount. That works out to $0.55")."""
        start, end = self.sentence_of(q.start)
        if _near_in(self, role, start, end, max(start, q.start - NEAR_REACH), min(end, q.end + NEAR_REACH)):
            return True
        words = self.folded[start:end]
        if start > 0 and lexicon().near_carried.begins(self.folded, start + len(words) - len(words.lstrip()), self._chinese):
            before, last = self.sentence_of(start - 1)
            return "\n\n" not in self.folded[last:start] and _near_in(self, role, before, last, before, last)
        return False

    def _is_restatement(self, previous: Quantity, q: Quantity, role: Role) -> bool:
        gap = self.folded[previous.end:q.start]
        if not gap or len(gap) > CONVERSION_GAP or not _may_restate(self.folded, previous, q):
            return False
        gap = gap.strip().lstrip(",，").strip()
        opened = bool(gap) and gap[0] in role.opening
        if not opened:  # "€200 billion programme (about $208 billion)": the figure's noun before the bracket
            k = min((i for i in (gap.find("("), gap.find("（")) if i > 0), default=-1)
            head = gap[:k]
            opened = 0 < k <= 16 and len(head.split()) <= 2 and not any(c.isdigit() or c in ",，;；" for c in head)
            gap = gap[k:] if opened else gap
        if opened:
            gap = gap[1:].strip()
        said = bool(gap) and role.before.before(gap + " ", self._chinese,
                                                lexicon().between.tail_starts(gap + " ", self._chinese), at_start=True)
        return (opened and (not gap or said)) or said

    def times(self, q: Quantity) -> tuple[str, ...]:
        """The time words and dates that place figure q: "previous-year", "span", "weekday:2",
        "date:2024-09". A word at the head of a sentence, before its first figure, places every figure of
        the sentence that has no time of its own ("周三，…再跌4%，市值又蒸发…")."""
        sentence = self.sentence_of(q.start)
        if sentence not in self._timed:  # a time word places figures of its own sentence only: read when first asked
            self.place_times(*sentence)
        k = bisect.bisect_left(self.starts, q.start)
        tags = tuple(self._times.get(k) or fronted_tags(self._fronted, sentence[0], q.start)
                     or self._heads.get(sentence[0], ()))
        if "several-days" in tags and one_day_clause(self, q):  # "a jolt this week as Nvidia took a $589 billion
            return tuple(t for t in tags if t != "several-days")  # loss in a single session": that session's figure
        return tags

    def _first_amount(self, a: int, end: int) -> int | None:
        """The index of the first figure at or after offset a and before `end` that is no date or duration."""
        k = bisect.bisect_left(self.starts, a)
        while k < len(self.quantities) and self.quantities[k].unit in TIME_UNITS:
            k += 1
        return k if k < len(self.quantities) and self.quantities[k].start < end else None

    def _place_reference(self, b: int, end: int) -> None:
        """A clause that follows a reference date with a word that tells what happened then ("since
        March 2020, when it lost 18%", "为2020年3月以来最差，当时跌了18%") places its first amount on
        that other day."""
        m = lexicon().reference_then.get(self._chinese).match(self.folded, b, end)
        k = None if m is None else self._first_amount(m.end(), end)
        if k is not None:
            self._times.setdefault(k, []).append("another")

    def place_times(self, start: int, end: int) -> None:
        """Place the figures of the sentence folded[start:end] by its time words and dates (once)."""
        self._timed.add((start, end))
        found = references(self.folded, start, end)  # "since March 2020" after a record places none
        for _, b in found:  # ... but its own figure, told right after it: "since 2020, when it lost 18%"
            self._place_reference(b, end)
        place_time_words(self, start, end, found)  # "the day before" a weekday: dsfact.matching.daybefore
        for x in self.quantities[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]:
            if x.unit == "date" and not inside(x.start, found) and not event_dated(self.folded, x.start, x.end):
                self._place(x.start, x.end, f"date:{x.value}" + _zone_mark(self.folded, x.start, x.end))
        for k in year_moves(self, start, end):  # "dropped around 1% in 2025": the year's move (several sessions)
            self._times.setdefault(k, []).append(SPAN_TAG)

    def place_all_times(self) -> None:
        """Place the figures of every sentence that holds one by their time words (place_times)."""
        for q in self.quantities:
            sentence = self.sentence_of(q.start)
            if sentence not in self._timed:
                self.place_times(*sentence)

    def _place(self, a: int, b: int, tag: str) -> int | None:  # the figure placed, or the sentence it heads
        sentence = self.sentence_of(a)
        first = bisect.bisect_left(self.starts, sentence[0])
        while first < len(self.quantities) and self.quantities[first].unit in TIME_UNITS \
                and self.quantities[first].start < sentence[1]:
            first += 1
        if first < len(self.quantities) and b <= self.quantities[first].start < sentence[1]:
            # at the head of its sentence: it places every figure that has no time of its own ...
            self._heads.setdefault(sentence[0], []).append(tag)
            if self.clause_span(a) != self.clause_span(self.quantities[first].start):
                return sentence[0]  # ... and, in the first figure's own clause, that figure too ("週一暴跌後，週二反彈8.9%")
        k = self._nearest_figure(a, b, amounts_only=True)
        if k is None and fronted_clause(self, a, b, TIME_UNITS):  # ", and over the past five days, it fell 15%"
            self._fronted.setdefault(sentence[0], []).append((b, tag))
        if k is not None and (k := closing_figure(self, a, b, k, TIME_UNITS, tag)) is not None:  # "... in 2024 and"
            self._times.setdefault(k, []).append(tag)  # (None: "a step up from its capex last year", the base's)
        return k


def _in_money(reader: FigureReader, previous: Quantity, q: Quantity) -> bool:
    """Whether q tells in money, in the clause right after it, the move `previous` tells in percent: "slid as much
    as 13% in the first hour, erasing about $465 billion", "一度暴跌13%，市值蒸发约4650亿美元" (roles.words
    [move-consequence] opens q's clause)."""
    if previous.unit != "pct" or previous.direction is None or not is_money(q.unit) \
            or q.start - previous.end > CONSEQUENCE_GAP:
        return False
    lo, _hi = reader.clause_span(q.start)
    if lo <= previous.end or reader.clause_span(previous.start)[1] < lo - 2:
        return False  # q in the move's own clause, or a clause between them
    while lo < q.start and reader.folded[lo] in " \t,，":
        lo += 1
    return lexicon().consequence.begins(reader.folded, lo, reader._chinese)


def _corrected_after(reader: FigureReader, q: Quantity) -> bool:
    """Whether the clause right after figure q's, in its sentence or opening the next one, opens with a correction
    of it (roles.words [corrected-next]: "……蒸发4650亿美元，有误，应为5890亿美元", "..., which was wrong; the correct
    figure is", "……650万美元。此说有误"): q is the figure retracted. The correction's own figure, told after such
    words, is no retracted one."""
    _, end = reader.sentence_of(q.start)
    _, clause_end = reader.clause_span(q.start)
    folded = reader.folded
    at = clause_end + 1
    if clause_end >= end:  # the sentence after, in its paragraph: "……花费650万美元。此说有误，应为557.6万美元。"
        at = end
        while at < len(folded) and folded[at] in " \t。.!！":
            at += 1
        end = len(folded)
    while at < end and folded[at] in " \t":
        at += 1
    words = words_of("roles", "corrected-next", longest_first=True)
    if not folded.startswith(words, at):  # most clauses open with none of them: one test of all, in C, first
        return False
    for word in words:
        if folded.startswith(word, at) and (not word[-1].isascii() or at + len(word) >= len(folded)
                                            or not folded[at + len(word)].isalnum()):
            return True
    return False


_LISTS = ("part", "example")  # the roles a list's next member takes from the member before it
SLICE = 1.5  # a total is at least this many times a part of it


def _next_part(reader: FigureReader, k: int, q: Quantity, name: str = "part") -> bool:
    """Whether q is the next member of a list whose member before it is in role `name` (a part, an example)."""
    previous = reader.quantities[k - 1] if k else None
    return previous is not None and previous.unit == q.unit and next_item(reader.folded[previous.end:q.start]) \
        and name in reader.roles(previous)


def _total_beside(reader: FigureReader, q: Quantity) -> bool:
    """Whether a figure of q's unit, SLICE times q or more, stands in q's sentence or the one before it: the
    total that a figure after a word of examples ("including", 包括) is a part of."""
    start, end = reader.sentence_of(q.start)
    if start > 0:
        start = min(start, reader.sentence_of(start - 1)[0])
    lo, hi = bisect.bisect_left(reader.starts, start), bisect.bisect_left(reader.starts, end)
    value = abs(q.value) if isinstance(q.value, (int, float)) else None
    return value is not None and any(
        x is not q and x.unit == q.unit and isinstance(x.value, (int, float)) and abs(x.value) >= SLICE * value
        for x in reader.quantities[lo:hi])


def opens_new_subject(folded: str, start: int, end: int) -> bool:
    """Whether the sentence at folded[start:end] opens with a subject of its own ("An index of chip stocks
    fell 9.2%"), not a figure ("A record $589 billion was wiped off")."""
    words = folded[start:end]
    return lexicon().new_subject.get(has_han(words)).match(words) is not None


def turns_away(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] turns to another subject ("elsewhere", "另一方面", "a rival"), or names a
    listed company by its stock code (names.words [ticker]: "越疆(2432.HK)涨19.2%")."""
    chinese, lex = has_han(folded[start:end]), lexicon()
    if lex.ticker.get(chinese).search(folded, start, end) is not None:
        return True
    return any(not verb_use(folded, m, lex) for m in lex.shift.get(chinese).finditer(folded, start, end))  # (shiftverb)


def fits(kind: str, roles) -> bool:
    """Whether a figure with these roles (a FigureRoles, or a set of role names) can state a claim of this
    kind."""
    if type(roles) is FigureRoles:
        return roles.fits(kind)
    return not any(name in roles for name in lexicon().never(kind))


def _asks(reader: FigureReader, q: Quantity) -> bool:
    """Whether q stands in a question: a question mark closes its sentence's words after it and none stands before
    it (an answer joined to its question, "Did it cost $5M? A mere $5.6M", is no part of it); in a question its
    [question] `lead` word opens, q stands in the clause it opens, before any word of roles.words [question-stops]:
    a question asks of its own clause's figures, not of those a clause it goes on to takes as given ("Is Opus worth
    $90 when V3 runs at $1.50?")."""
    start, end = reader.sentence_of(q.start)
    folded = reader.folded
    if any(m in folded[start:q.start] for m in "?？") or not any(m in folded[q.end:end] for m in "?？"):
        return False
    at = start
    while at < end and folded[at] in " \t#>*-":
        at += 1
    at = past_question_mark(folded, at)
    if not lexicon().by_name["question"].lead.begins(folded, at, reader._chinese):
        return True
    return q.start < reader.clause_span(at)[1] and _question_stops().get(reader._chinese).search(
        folded, at, q.start) is None


@lru_cache(maxsize=1)
def _question_stops() -> Alternation:
    return Alternation(words_of("roles", "question-stops"))


def doubted(kind: str | None, roles) -> list[str]:
    """The roles among these that put a figure in doubt for a claim of this kind: it may agree with the
    claim but never contradicts it ("was later expanded to 200,000", "opened 11% lower")."""
    return [name for name in lexicon().doubt(kind) if name in roles]


def _zone_mark(folded: str, start: int, end: int) -> str:
    return when.SHIFTED if when.east_of(folded, start, end) else ""


def _near_in(reader: FigureReader, role: Role, start: int, end: int, a: int, b: int) -> bool:
    """Whether a `near` word of a role stands in folded[a:b], in the sentence folded[start:end], and tells no time
    that is over ("after the discount period ended": those hours are over)."""
    ended = None
    for m in role.near.get(reader._chinese).finditer(reader.folded, a, b):
        if role.name == "after-event" and stands_alone(reader.folded, m.start(), m.end()):
            continue  # "……推出V3，不到一个月后，R1发布": the word dates the clause after it
        if ended is None:
            ended = ended_spans(reader.folded, start, end)
        if not any(x <= m.start() and m.end() <= y for x, y in ended):
            return True
    return False

"""When in doubt, stay quiet: a figure bound to a claim whose day or subject is in doubt may agree with the
claim but never contradicts it (issue 9). The binding rules (dsfact.matching.matcher) find the claim; these
say whether the binding is strong enough to contradict."""
from __future__ import annotations

from functools import lru_cache

from dsfact.matching.anaphoric import points_back
from dsfact.matching.appositebody import apposed_to_other
from dsfact.matching.blended import blended_price
from dsfact.matching.boundedspan import spans_bounded_part
from dsfact.matching.captionday import caption_day_elsewhere
from dsfact.matching.captions import folded_without_captions
from dsfact.matching.closedtrading import closed_trading
from dsfact.matching.comparedtime import without_standard
from dsfact.matching.countedday import counted_day
from dsfact.matching.cues import METRIC, VARIANT, has_cjk
from dsfact.matching.datelineday import before_the_day_named, dated_another_day, written_in_another_week
from dsfact.matching.daybefore import aside_time_kinds, over_sessions, placed_by_day_before
from dsfact.matching.denied import denied
from dsfact.matching.discounts import discount_price
from dsfact.matching.extreme import snapshot_of_extreme
from dsfact.matching.headday import head_day_elsewhere, timeline_day_elsewhere, timeline_day_of, weekday_elsewhere
from dsfact.matching.lastyear import story_last_year
from dsfact.matching.laterstate import restates_later
from dsfact.matching.ledmove import led_group_named
from dsfact.matching.ledyear import led_by_later_year
from dsfact.matching.mixedchips import summed_models
from dsfact.matching.monthday import claims_month_day
from dsfact.matching.movespan import move_period
from dsfact.matching.nouns import founds_other, other_quantity
from dsfact.matching.opening import opened_elsewhere, opened_on, read_past_dateline
from dsfact.matching.opposite import against_direction
from dsfact.matching.otherweek import another_week, written_weeks_away
from dsfact.matching.passedover import other_scale, passed_over  # noqa: F401 (the binding rules' API)
from dsfact.matching.pastsaid import recalls_statement
from dsfact.matching.pricemonth import priced_as_latest, priced_in_other_month, priced_later
from dsfact.matching.quarteryear import year_with_quarter
from dsfact.matching.recalledmonth import dated_tags, recalled_in_month
from dsfact.matching.relativetime import relative_of_other
from dsfact.matching.restothers import rest_to_others
from dsfact.matching.roles import DURATION_UNITS, TIME_UNITS, doubted
from dsfact.matching.session import stamped
from dsfact.matching.sessionrange import out_of_session, scale_slipped
from dsfact.matching.sharebase import in_share_base
from dsfact.matching.shares import broken_down, share_told
from dsfact.matching.siblingday import neighbour_day, placed_by_neighbour
from dsfact.matching.slipday import slipped_scale
from dsfact.matching.spentyear import spent_in_year
from dsfact.matching.storyday import one_day_clause, story_day
from dsfact.matching.summed import part_of_total, parts_of_claim
from dsfact.matching.tables import header_dates
from dsfact.matching.thatday import REFERRED_PARAGRAPHS, follows, next_day, referred_day, refers_back
from dsfact.matching.thentold import told_then
from dsfact.matching.thisyear import ANOTHER_DAY, UNANCHORED, later_years_only, other_year
from dsfact.matching.timefits import time_fits
from dsfact.matching.timewords import inside, possessive_days, references, time_tags
from dsfact.matching.tranche import grown_to, grows_after
from dsfact.matching.undated import (
    names_date,
    text_dates,
    told_later,
    told_of_another_year,
    undated_year,
    year_left_open,
)
from dsfact.matching.weekyear import weekdays_of_other_year
from dsfact.matching.when import (
    AGO,
    DAY_KINDS,
    LAST_MONTH,
    SHIFTED,
    date_fits,
    east_of,
    has_day,
    later_state,
    names_day,
    not_when_stated,
    opens_range,
    revised_later,
    written_before,
    year_kind,
)
from dsfact.matching.wholenamed import whole_named
from dsfact.matching.yearapart import year_apart
from dsfact.matching.yearcontrast import (
    day_named_last,
    written_no_earlier,
    year_as_base,
    year_beside_later,
    year_set_apart,
)
from dsfact.model import Claim, Quantity
from dsfact.numbers.words import is_money

NEAR_DAYS = 10  # a text whose dates fall this close to a claim's day is a story about that day


def doubts_time(text, q: Quantity, claim: Claim) -> str:
    """Whether figure q, bound by `text` (a TextMatcher), may be about another day than the one a claim is tied to
    ("" when not): ANOTHER_DAY when its own words tell another thing (_said_other), its sentence names another period
    ("that year", "after hours", "last September") or the head of the sentence before it in its paragraph places its
    figures on another day ("On 3 September ... It lost $279 billion"); UNANCHORED when neither the figure's sentence
    nor the text names the claim's day or a date near it (a market report of another session may look the same): the
    text's other figures decide (`corroborated`). "" for the claim's digits with a scale slipped ("Nvidia lost $592.7
    million", 5570萬 of 557萬) doubted only by time: another day's figure has other digits (sessionrange, slipday)."""
    if text._quantities is None:
        return ""
    if _said_other(text, q, claim):
        return ANOTHER_DAY  # "these sites, plus the flagship campus"; "latency fell 42%"; "MGX, a $10 billion fund"
    found = _doubts_time(text, q, claim)
    if found == UNANCHORED and scale_slipped(text, q, claim):
        return ""
    return "" if found and slipped_scale(text, q, claim) else found


def _doubts_time(text, q: Quantity, claim: Claim) -> str:
    """doubts_time's doubts of the time a figure's text places it in, once its own words tell no other thing."""
    if claim.time and claim.time.isdigit():
        if later_state(text.day or written_no_earlier(text), claim, text.registry.sources) or revised_later(text, q, claim):
            return ANOTHER_DAY  # a year's plan told months after it was stated, by the text or the clause
        if later_years_only(text, q, claim.time) or year_set_apart(text, q, claim.time) \
                or year_as_base(text, q, claim.time) or year_beside_later(text, q, claim.time) \
                or spent_in_year(text, q, claim.time) or year_with_quarter(text, q, claim.time) \
                or led_by_later_year(text, q, claim.time):  # its outcome; a list of a later year's plans
            return ANOTHER_DAY  # "this year ..., far above the $72 billion of 2025": not the claim's year
        if text.year is None and recalls_statement(text, q):
            return UNANCHORED  # "还记得小扎曾在年初宣布……35万块": a statement of a year the text does not give
        return other_year(text, q, claim.time)
    if not claim.time:
        if not_when_stated(text, q, claim) or priced_in_other_month(text, q, claim) or priced_later(text, q, claim) \
                or priced_as_latest(text, q, claim):
            return ANOTHER_DAY  # "As of December 31, 2025, Colossus had 200,000 GPUs", "a year later", "in April 2024" of a price
        if move_period(text, q, claim) or summed_models(text, q, claim):
            return ANOTHER_DAY  # "Nvidia dropped 15% in five days": the move's period; "50,000 GPUs in total (H100, H800)"
        ci = text.index.position.get(claim.id)
        return ANOTHER_DAY if ci is not None and _later_member()(text, ci) else ""
    if claim.time.count("-") != 2:
        return ""
    if weekdays_of_other_year(text, claim.time):
        return ANOTHER_DAY  # "美股周二（1月27日）": 27 January fell on a Tuesday in another year than the claim's
    return _day_doubt(text, q, claim)


def _said_other(text, q: Quantity, claim: Claim) -> bool:
    """Whether q's own words tell another thing than its claim's figure (a part, a share, a low, another quantity or
    body, "the day before"): doubts_time's first doubts, which no slip of scale outweighs."""
    return _in_doubt(text, q, claim) or discount_price(text, q, claim) or placed_by_day_before(text.reader(), q) \
        or _after_parts(text, q) or grows_after(text, q) or snapshot_of_extreme(text, q, claim) and not out_of_session(text, q, claim) \
        or share_told(text, q) or broken_down(text, q) or rest_to_others(text, q) or part_of_total(text, q, claim) \
        or parts_of_claim(text, q, claim) or blended_price(text, q, claim) or spans_bounded_part(text, q, claim) \
        or _measures_other(text, q, claim) or apposed_to_other(text, q, claim) or points_back(text, q) \
        or relative_of_other(text, q) or against_direction(text, q, claim)


def _day_doubt(text, q: Quantity, claim: Claim) -> str:
    """doubts_time for a claim tied to a day (its `time`: "2025-01-27")."""
    time = claim.time
    if written_before(text.day, time):
        return ANOTHER_DAY  # a text written before the claim's day reports another
    si = text.sentence_of(q.start)
    sentence = text.sentences[si]
    then = told_then(text, si) or opened_on(text, si)  # 当时, "at the time"; a chronology's date lead
    if (another_week(text, time) or written_in_another_week(text, time)) and not any(
            has_day(d) and date_fits(d, time) for d in _dates_in(text, sentence.start, sentence.end)) \
            and not any(date_fits(d, time) for d in then):
        return ANOTHER_DAY  # "stocks fell on Monday as tariffs ...", （中央社紐約3日電）: a weekday of another week
    if any(x.unit == "date" and opens_range(text.folded, x.end) for x in text.figures_in(sentence.start, sentence.end)) \
            or over_sessions(text, sentence, time):  # "from Jan. 17's close to the close on Jan. 27"
        return ANOTHER_DAY  # "fell 15.8% from January 27 to 31", 1月27日至31日: several days
    later = _not_its_days(text, q, sentence)  # "Monday's losses"; "Nvidia, which rose last year, fell 17%"
    tags = tuple(t for t in time_tags(text.folded, sentence.start, sentence.end) if t not in later)  # "Monday's losses"
    own = text.reader().times(q)
    if told_later(text, si, tags) and not any(d[:1] != "-" and date_fits(d, time) for d in _date_tags(own)
                                              + _dates_in(text, sentence.start, sentence.end)) \
            and not (text.day and any(t in AGO for t in own) and time_fits(time, own, text.year, text.day)):
        return ANOTHER_DAY  # "DeepSeek一周年之际，英伟达1月27日下跌4%": a year or more after the claim's day
    if text.year is None and any(year_kind(t)[0] for t in (own or tags)) \
            and not story_last_year(text, si, own or tags, time):  # "DeepSeek去年初推出……": the story's year
        return ANOTHER_DAY  # 去年初 with no document date names no year: its figure may agree, never contradict
    if own and any((t.startswith("date:") and has_day(t[5:])) or t.startswith("weekday:") or (text.day and (
                   t in DAY_KINDS or t in AGO or t.startswith(LAST_MONTH))) for t in own) \
            and time_fits(time, own, text.year, text.day):
        # "on Monday", "on 27 January", 昨日 in a text of the 28th: placed on the claim's day, when the year
        # the text implies for a date without one is the claim's
        return _undated_doubt(text, q.start, _date_tags(own), time)
    own_clause = dated_tags(text, sentence.start, text.reader().clause_span(q.start)[1]) if own else \
        _not_others(text, q, sentence, without_standard(text, q, sentence, _before_consequence(text, q, sentence, tags)))
    if "several-days" in own_clause and one_day_clause(text.reader(), q):  # "this week ... a loss in a single
        own_clause = tuple(t for t in own_clause if t != "several-days")  # session": that session's figure
    if not time_fits(time, own_clause, text.year, text.day):  # placed by its own words: a period told in a later
        # clause is that clause's ("当天收盘时，英伟达大跌17%，……，今年以来的涨幅转负")
        return ANOTHER_DAY
    if any(t.startswith("weekday:") and time_fits(time, (t,), text.year, text.day) for t in tags):
        return ""  # "Nvidia shed 17% on Monday, losing $589 billion": the sentence names the claim's day
    dates = _dates_in(text, sentence.start, sentence.end) + then
    if any(date_fits(d, time) and has_day(d) for d in dates) or not dates and claims_month_day(text, sentence, time):
        return _undated_doubt(text, q.start, dates, time)  # (a day alone, "27日，英伟达……": dsfact.matching.monthday)
    heads = header_dates(text, q)  # "| 纳斯达克综合指数 | 4.1% |" under "| 1月27日跌幅 |"
    if any(date_fits(d, time) and has_day(d) for d in heads) and not _undated_doubt(text, q.start, heads, time):
        return ""
    placed = _referred(text, si, tags, time)
    if placed is None:
        placed = "" if tags and placed_by_neighbour(text, q, claim) else counted_day(text, si, q, time)  # siblingday, countedday
    if placed is not None:
        return placed
    if any(date_fits(d, time) for d in dates) and not any(has_day(d) and not date_fits(d, time) for d in dates):
        return ANOTHER_DAY if year_apart(text, q, time) else ""  # "in January 2025", no other day (yearapart)
    if si > 0 and text.sentences[si - 1].paragraph == sentence.paragraph \
            and (_places_elsewhere(text, text.sentences[si - 1], time, refers_back(tags))
                 or opened_elsewhere(text, si, time)) or weekday_elsewhere(text, si, time) \
            or timeline_day_elsewhere(text, si, time) or caption_day_elsewhere(text, q, time):
        return ANOTHER_DAY  # the sentence before, the date the paragraph opens with, a weekday at a passage's head,
        # or the head line of a timeline's day ("**Tuesday, January 28**" over "- The Nasdaq gains 2%")
    if not tags and si > 0 and text.sentences[si - 1].paragraph == sentence.paragraph \
            and _places_here(text, text.sentences[si - 1], time):
        return ""  # "Nvidia had a brutal Monday. Its shares fell 17%": the sentence before names the day
    if timeline_day_of(text, si, time):
        return ""  # under a timeline's head of the claim's day ("## Monday, Jan 27, 2025" below Tuesday's)
    anchored = text._anchors.get(time)
    if anchored is None:
        anchored = text._anchors[time] = _anchored(text, time)
    if anchored and told_of_another_year(text, time):
        return ANOTHER_DAY  # "Market wrap, January 27 ... stocks wobbled on Tuesday": 27 January 2026
    if anchored and year_left_open(text, time):
        return UNANCHORED  # "January 27 ... rebounded 8.9% on Tuesday": 2025's next day, or 2026's 27 January
    if anchored and not own and not tags and before_the_day_named(text, time, sentence.end):
        return ANOTHER_DAY  # "BOSTON, Jan 28 (Reuters) - ... the S&P 500 up about 0.75%" before "... on Monday"
    if anchored and not own and (text.day and len(text.day) == 10 and text.day != time[:10]
                                 or dated_another_day(text, time) or head_day_elsewhere(text, si, time)):
        return "" if text.day and (story_day(text, q, claim) or recalled_in_month(text, q, si, claim)) \
            else UNANCHORED  # a text of another day ("## Tuesday, January 28, 2025" over "the Nasdaq rose 2%", 新华社纽约
        # 1月29日电): its own day's figures, or a story of the day before told the morning after; its other figures decide
    here = anchored or story_day(text, q, claim) or recalled_in_month(text, q, si, claim)  # "as DeepSeek spooked"
    return "" if here else ANOTHER_DAY if not tags and written_weeks_away(text, time) else neighbour_day(text, q, claim)


def _not_its_days(text, q: Quantity, sentence) -> set[str]:
    """The time words of figure q's sentence that tell no time of it: the day of a noun owned after its clause
    ("recovering some of Monday's losses") and those of a relative aside with no figure ("Nvidia, which rose last
    year, fell 17%": daybefore.aside_time_kinds)."""
    reader = text.reader()
    return possessive_days(text.folded, sentence.start, reader.clause_span(q.start)[1], sentence.end) \
        | aside_time_kinds(reader, sentence.start, sentence.end)


def _not_others(text, q: Quantity, sentence, tags: tuple) -> tuple:
    """The time words of a sentence that may place figure q, which has none of its own: not those that are
    another figure's own ("closed down 17% at $118.42 and bounced 8.9% on Tuesday": Tuesday is the rebound's),
    unless each is and a figure of q's own event (_one_event) has one time word, which places q too."""
    reader = text.reader()
    figures = [x for x in text.figures_in(sentence.start, sentence.end) if x is not q]
    others = {t for x in figures for t in reader.times(x)}
    if not others:
        return tags
    left = tuple(t for t in tags if t not in others)
    if left or not tags:
        return left
    # every time word is another figure's: one figure of q's own event ("after a 9% slide last September wiped
    # $279 billion off its value") places q too
    others = {t for x in figures if len(reader.times(x)) != 1 or not _one_event(text, x, q) for t in reader.times(x)}
    return tuple(t for t in tags if t not in others)


def _one_event(text, x: Quantity, q: Quantity) -> bool:
    """Whether figures x and q stand in one clause with no joining word between them (time.words [closing-join]):
    one event's figures, which one time places ("after a 9% drop last September wiped out $279 billion")."""
    reader = text.reader()
    if reader.clause_span(x.start) != reader.clause_span(q.start):
        return False
    from dsfact.matching.closedtime import joined

    a, b = (x.end, q.start) if x.end <= q.start else (q.end, x.start)
    return not joined(text.folded, a, b)


def _before_consequence(text, q: Quantity, sentence, tags: tuple) -> tuple:
    """`tags` less the time words of a clause right after move q's that opens with what the move did and holds no
    figure (roles.words [move-consequence]: "saw its stock plunge 17%, erasing all gains made since October",
    "暴跌17%，抹去10月以来的全部涨幅"): that clause's period is of what the move erased, not the move's."""
    if q.direction is None:
        return tags
    from dsfact.matching.rolewords import lexicon

    reader, folded = text.reader(), text.folded
    at = reader.clause_span(q.start)[1]
    while at < sentence.end and folded[at] in " \t,，":
        at += 1
    if at >= sentence.end or not lexicon().consequence.begins(folded, at, has_cjk(folded[at:at + 1])):
        return tags
    end = reader.clause_span(at)[1]
    if text.figures_in(at, end):
        return tags
    left = list(tags)
    for tag in time_tags(folded, at, end):
        if tag in left:
            left.remove(tag)
    return tuple(left)


def _referred(text, si: int, tags: tuple, time: str) -> str | None:
    """Whether the day a sentence points back to places its figures on the claim's day (""), or on another
    (ANOTHER_DAY): "3月3日，…… 当天标普500指数下跌1.8%" is about the day named before; "The next day the Nasdaq rose
    2%", 次日, about the (trading) day after it. None when the sentence points back to no day, or to none before it."""
    later = next_day(tags)
    if not (later or refers_back(tags)):
        return None
    # "the next day" counts from the day last named, however many paragraphs back ("1月27日……。当天……。\n\n
    # 次日……"): the story moved on from it, whatever came between that names no day
    referred = referred_day(text, si, None if later else REFERRED_PARAGRAPHS)
    if referred is None:
        return None
    day, at = referred
    if later:
        fits = follows(day, time, lambda d: undated_year(text, d, at, int(time[:4])))
        return None if fits is None else "" if fits else ANOTHER_DAY
    fits = time_fits(time, day, text.year, text.day)
    if fits and text.day is None and all(t in DAY_KINDS for t in day):
        written = day_named_last(text)  # "today" in a text that names a day of its own, months later
        fits = written is None or written <= time or _near(written, time)
    return "" if fits and not _undated_elsewhere(text, at, _date_tags(day), time) else ANOTHER_DAY


_LATER: list = []


def _later_member():
    """dsfact.matching.family.later_member, imported on first use (not at start-up), then kept."""
    if not _LATER:
        from dsfact.matching.family import later_member

        _LATER.append(later_member)
    return _LATER[0]


# the roles whose clause words put its figure in doubt whatever words of the claim stand between: a correction's
# retracted figure ("an earlier version of this article said Nvidia closed down 13%", 较早版本误称辉达收跌13%)
_WHOLE_CLAUSE = ("misstated",)


def _in_doubt(text, q: Quantity, claim: Claim) -> bool:
    """Whether a word that governs figure q puts it in doubt for this claim (roles.words, `doubt:`): a later state
    ("was later expanded to 200,000", or its size told again: laterstate), a part of the trading day ("opened 11%
    lower"), left to be judged when each word is the claim's own ("盘中一度重挫18%": the low's variant words) or a
    word of the claim stands between it and q; "早盘一度跌11%" names the morning, which no claim's words do."""
    reader = text.reader()
    if denied(reader, q):  # "did not build it for $5 million", 并没有只花500万美元: dsfact.matching.denied
        return True
    names = doubted(claim.kind, reader.roles(q))
    grown = ("later", "later-to-come", "grown-count", "running-total")  # 初步投资1000亿美元，4年内累计投资5000亿美元: the plan's whole
    if set(grown) & set(names) and (_after_tranche(text, q) or _grown_to_expected(text, q, claim)):
        names = [n for n in names if n not in grown]
    if names == ["future-move"] and claim.time and scale_slipped(text, q, claim):
        names = []  # "was on track to lose roughly $600 million" of a $593 billion day: a slipped scale, no forecast
    elif "session" in names and claim.time and (out_of_session(text, q, claim) or closed_trading(text, q)):
        names = [n for n in names if n != "session"]  # "一度暴跌17%，市值蒸發6000萬美元": no moment of the day
    if "led-move" in names and led_group_named(text, q, claim):
        names.remove("led-move")  # "its plunge led a 5.1% slide in the Nasdaq": the group led is the claim's subject
    if "whole-of" in names and whole_named(text, q, claim):
        names.remove("whole-of")  # "much of the 5% drop in the Nasdaq": the whole told is the claim's own
    if "conjecture" in names and claim.unit == "ratio" and in_share_base(text.folded, q, reader.clause_words(q, "conjecture")):
        names.remove("conjecture")  # "仅为GPT-4预估成本的5%": the estimate is the base's (dsfact.matching.sharebase)
    if names:
        from dsfact.matching.claimed import not_of_claimed  # "might be far above the stated $6M": of the other amount
        names = not_of_claimed(text, q, claim, names)
    if not names:
        return q.unit in DURATION_UNITS and _spans_doubted(text, q) or restates_later(text, q, claim)
    ci = text.index.position.get(claim.id)
    sentence = text.sentences[text.sentence_of(q.start)]
    own = [] if ci is None else [(h, role) for h in text.hits_in(sentence.start, sentence.end)
                                 for c, role in text.roles_of(h) if c == ci and role in (VARIANT, METRIC)]
    for name in names:
        words = reader.clause_words(q, name)
        if not words or name in _WHOLE_CLAUSE:
            return True  # the words right before or after q: "expanded to 200,000"
        # a claim's word between a word of the day's part and q speaks for q: a metric word that is itself
        # one ("盘中最低见18800点"), or a variant word that is not ("opened lower and closed down 14%")
        between = [h for h, role in own if (role == METRIC) == any(h.start <= w < h.end for w in words)]
        if not all(any(h.start <= w < h.end for h, _ in own) or any(_between(q, h.start, h.end, w) for h in between)
                   for w in words):
            return True
    return False


def _grown_to_expected(text, q: Quantity, claim: Claim) -> bool:
    from dsfact.matching.events import grown_to_expected  # read only when a later state's words govern q

    return grown_to_expected(text, q, claim)


def _after_tranche(text, q: Quantity) -> bool:
    """Whether a sum of money grown to follows a first tranche of it in its sentence ("$100 billion initially,
    expanding to $500 billion over four years", 初始投资为1000亿美元，并计划在未来4年内扩展至5000亿美元), or
    in the sentence right before it (tranche.tranche_before: "... commit an initial $100 billion. The investment
    could grow to $500 billion"): the plan's whole, not a later state. A count grown to ("100,000 GPUs, to expand to 200,000") stays one."""
    if not is_money(q.unit):
        return False
    reader, si = text.reader(), text.sentence_of(q.start)
    sentence = text.sentences[si]
    first = next((x for x in text._quantities or () if sentence.start <= x.start and x.end <= q.start
                  and x.unit == q.unit and ("part" in reader.roles(x) or grown_to(text, x, q))), None)  # ("…，扩增至")
    if first is None:
        from dsfact.matching.tranche import tranche_before  # read only when a later state's words govern q

        first = tranche_before(text, q, si)
    if first is None:
        return False
    folded = text.folded
    return _role_words("later-then").get(has_cjk(folded[first.end:q.start])).search(folded, first.end, q.start) is None


@lru_cache(maxsize=None)
def _role_words(section: str):
    """The words of a section of roles.words, as one wordtables.Alternation, read on first use."""
    from dsfact.lang import load_words
    from dsfact.matching.wordtables import Alternation

    return Alternation(load_words("roles").get(section, {}).get("words", ()))


def _after_parts(text, q: Quantity) -> bool:
    """Whether figure q stands in the clause right after one that lists parts with no figure of its own
    (roles.words [sum-of-parts]: "plus the flagship campus,", "加上旗舰站点，", "新增五个地点，"): q is a sum of
    those parts, and so is a period it spans. Only a figure of q's unit gives the parts a figure of their own
    ("加上约600万美元的成本"); the count of the parts ("五个地点") or a day ("昨（24）日") does not."""
    reader = text.reader()
    start, _ = reader.clause_span(q.start)
    if start < 2:
        return False
    before, _ = reader.clause_span(start - 2)  # start - 1 is the mark that ends that clause
    if before >= start - 1 or text.sentence_of(before) != text.sentence_of(q.start):
        return False
    if any(x.unit == q.unit for x in text.figures_in(before, start)):
        return False  # "即便加上约600万美元的成本": a part with its own figure
    folded, chinese = text.folded, has_cjk(text.folded[before:start])

    def told(section: str) -> bool:
        return _role_words(section).get(chinese).search(folded, before, start) is not None
    return told("sum-of-parts") or told("parts-added") and told("parts-sites")


def _spans_doubted(text, q: Quantity) -> bool:
    """Whether the period q spans an amount of its clause that a running total puts in doubt ("加上旗舰站点，
    有望在未来三年内投资4000亿美元"): the period of a running total is not the plan's."""
    reader = text.reader()
    start, end = reader.clause_span(q.start)
    return any(x.unit not in TIME_UNITS and "running-total" in doubted("amount", reader.roles(x))
               and not _after_tranche(text, x) for x in text.figures_in(start, end))  # (after one: the plan's whole)


def _measures_other(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q's own noun names another quantity than claim's, or a date's event verb has another
    object than claim's subject (dsfact.matching.nouns)."""
    return other_quantity(text.folded, q, claim) or (q.unit == "date" and founds_other(text, q, claim))


def _between(q: Quantity, start: int, end: int, word: int) -> bool:
    """Whether a cue at start:end stands between the word at offset `word` and figure q."""
    return word < start and end <= q.start if word < q.start else q.end <= start and end <= word


def _date_tags(tags) -> list[str]:
    """The dates among time tags ("date:--01-27" -> "--01-27")."""
    return [t[5:] for t in tags if t.startswith("date:")]


def _undated_elsewhere(text, pos: int, dates: list[str], time: str) -> bool:
    """Whether the dates that place a figure at offset pos on the day of a claim tied to `time` all lack a
    year ("1月27日") and the text implies another year for them, or none (dsfact.matching.when.undated_year:
    a 2026 market report that never names a year nor the story is no report of the claim's day)."""
    fitting = [d for d in dates if date_fits(d, time)]
    if not fitting or not all(d.startswith("--") for d in fitting):
        return False
    year = int(time[:4])
    return all(undated_year(text, d.rstrip(SHIFTED), pos, year) != year for d in fitting)


def _undated_doubt(text, pos: int, dates: list[str], time: str) -> str:
    """doubts_time for a figure that dates without a year place on the claim's day: "", ANOTHER_DAY when the text
    implies another year, UNANCHORED when none ("1月27日" with no year nor story): its other figures decide."""
    if not _undated_elsewhere(text, pos, dates, time):
        return ""
    fitting = [d for d in dates if date_fits(d, time)]
    none = all(undated_year(text, d.rstrip(SHIFTED), pos, int(time[:4])) is None for d in fitting)
    return UNANCHORED if none else ANOTHER_DAY


def _dates_in(text, start: int, end: int) -> list[str]:
    """The dates among the figures of text[start:end] (ISO, perhaps without a year; marked when told in East
    Asian time, dsfact.matching.when)."""
    return [str(x.value) + (SHIFTED if east_of(text.folded, x.start, x.end) else "")
            for x in text.figures_in(start, end) if x.unit == "date"]


def _places_elsewhere(text, before, time: str, refers_back: bool) -> bool:
    """Whether the sentence before a figure's places the figure on another day than `time`: by the time
    words and dates at its head, before its first figure ("On 3 September 2024 Nvidia closed 9.5% lower.
    It lost $279 billion"), which place all it says; a date or a span after its own figure ("the biggest
    fall since March 2020", "up 480% over the last two years") places only that figure, and a sentence
    with no figure but a date ("DeepSeek released R1 on January 20.") places only what it tells; one that
    also names the claim's day (a span from another day to it) places nothing elsewhere. When the figure's
    sentence refers back ("that day", "当天"), any date of the sentence before counts."""
    if refers_back and not text._time_fits(time, before):
        return True
    found, lead = read_past_dateline(text, before)  # "Tuesday, January 28, 2025 - ...": the day of writing
    first = next((x for x in found if x.unit not in TIME_UNITS), None)
    if first is None:
        return False
    head = before.start + first.start
    skip = references(text.folded, lead, head)  # "falling the most since 2020": a record's reference
    tags = time_tags(text.folded, lead, head) + [
        f"date:{x.value}" + (SHIFTED if east_of(text.folded, before.start + x.start, before.start + x.end) else "")
        for x in found if x.unit == "date" and x.end <= first.start and not inside(before.start + x.start, skip)]
    if names_day(text.folded[lead:head], time) and time_fits(
            time, tuple(t for t in tags if t.startswith(("date:", "weekday:"))), text.year, text.day):
        return False  # "美股27日收盘…，再度引发…": the head names the claim's own day
    days = [str(x.value) for x in found if x.unit == "date" and has_day(str(x.value))]
    if any(date_fits(d, time) for d in days) and not _undated_elsewhere(text, before.start, days, time):
        return False  # "fell from Jan. 24's close to $118.51 by the end of Jan. 27": it ends on the claim's day
    return not time_fits(time, tuple(tags), text.year, text.day)


def _places_here(text, before, time: str) -> bool:
    """Whether the sentence before a figure's, which names no time of its own, places the figure on the claim's
    day `time`: a weekday or a date with its day at its head, before its first figure (or anywhere in it when it
    has none), that fits the claim's day, and no other day ("Nvidia had a brutal Monday. Its shares fell 17%",
    "1月27日，輝達重挫。該公司股價收跌17%")."""
    found = text.read_alone(before)
    first = next((x for x in found if x.unit not in TIME_UNITS), None)
    head = before.end if first is None else before.start + first.start
    tags = [t for t in time_tags(text.folded, before.start, head) if t.startswith("weekday:")] + [
        f"date:{x.value}" for x in found if x.unit == "date" and has_day(str(x.value))
        and (first is None or x.end <= first.start)]
    return bool(tags) and all(time_fits(time, (t,), text.year, text.day) for t in tags) \
        and not _undated_elsewhere(text, before.start, _date_tags(tuple(tags)), time)


def _anchored(text, time: str) -> bool:
    """Whether a text is about the day of a claim tied to a date: it names that day (a date, its weekday or
    "27日" when the document's own date is near it) or a date close to it ("January 20", "January 2025": a
    story of those days)."""
    if names_day(folded_without_captions(text), time) and (not text.day or _near(text.day, time)) or names_date(text, time):
        return True  # (a weekday, or "27日", of a text dated weeks away names a day of that text's week)
    if text.day == time[:10] and stamped(text)[1]:
        return True  # a live blog dated the claim's day: "4:05 ET — Closing bell: Nvidia ends down 17%"
    month = int(time.split("-")[1])  # a date within NEAR_DAYS of `time` is in its month or one beside it
    months = frozenset((month + k - 1) % 12 + 1 for k in (-1, 0, 1))
    return any(_near(str(x.value), time) for x in text_dates(text, months))


def _near(date: str, time: str) -> bool:
    """Whether a text's date (perhaps without its year or day) falls within NEAR_DAYS of `time` (its month: no day)."""
    import datetime

    year, month, day = _parts(date)
    claim = datetime.date(*_parts(time))
    if month is None:
        return False
    year = year if year is not None else claim.year
    if day is None:
        return (year, month) == (claim.year, claim.month)
    try:
        return abs((datetime.date(year, month, day) - claim).days) <= NEAR_DAYS
    except ValueError:
        return False


def _parts(date: str) -> tuple:
    """An ISO date's year, month and day, None where it gives none ("--01-27", "2025-01")."""
    parts = ([None] + date[2:].split("-")) if date.startswith("--") else date.split("-")
    return tuple(int(p) if p and p.isdigit() else None for p in (parts + [None, None])[:3])


def corroborated(findings: list, pending: list, claims: dict) -> bool:
    """Whether a text's figures place figures that nothing else places (UNANCHORED) on their claims' day:
    figures of the text agree with claims tied to that day (for a claim tied to a year, to any of its
    days), or their own words place them there whatever their verdict ("closed down 13% on Monday" under
    a byline of the 28th), at least one and at least half as many as the figures in doubt. A market report of another
    session agrees with the day's claims by chance at most once in a while ("近3.1%" beside a dozen figures that do not); a story of the day whose one
    figure is wrong has others that are right; a bound far from the day's figure ("more than $200 billion")
    agrees with any big day. `findings` are the text's findings, `pending` those in doubt, `claims` each claim by id."""
    from dsfact.matching.passage import loose_bound
    from dsfact.model import SUPPORTED

    days: dict[str, list[int]] = {}
    for f in pending:
        days.setdefault(claims[f.claim].time, [0, 0])[1] += 1
    doubted = {id(f) for f in pending}
    for f in findings:
        time = claims[f.claim].time
        if time and (f.verdict == SUPPORTED or id(f) not in doubted) and not loose_bound(f):  # (placed: any verdict)
            for day, counts in days.items():  # a year is placed by the figures of any of its days
                if time == day or (day.isdigit() and time.startswith(day + "-")):
                    counts[0] += 1
    return all(agree >= 1 and 2 * agree >= doubt for agree, doubt in days.values())

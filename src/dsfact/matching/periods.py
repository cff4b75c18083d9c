"""A move told over a span of time, or on another day, beside a claim of a move with no time of its own: "Meitu's shares
have risen more than 150% this year" (今年以来累计上涨) is not the day's 16.3% rise after DeepSeek's breakthrough that a
claim records, though no date ties that claim to a day. The words are the `span`, `several-days` and `part-year` time
words of dsfact/lang/time.words ("year to date", "since", "over five years", 以来, 累计, 连日来; "in the third quarter",
第三季, 上半年), the words of a whole year ("this year", "last year", 今年), and a count of several days, weeks, months
or years that places the figure ("近九个交易日，金山云涨超67%", "gained 67% in nine trading days", "up 232% in one year"). A move its sentence dates to a day
after every source of the claim was written ("2月3日……大涨31.43%", for a rise its sources told on 28 January) is another
day's: they could not have told it. So is a move in a text written a month or more after every source of the claim
whose sentence does not name the registry's story, nor the sentence before it in its paragraph ("SenseTime rose 4.6%
to HK$2.74 on an HSBC upgrade", "商湯獲匯豐唱好，股價升 4.58%" in a market wrap of September 2025): a later session's move (a
retrospective names the story beside it: "商汤在DeepSeek爆红后曾大涨7.2%" is still judged). And a move in a text written
before every source of the claim (its own date), or, with no date of its own, one whose written years all come before
the sources' and that never names the story ("港股在2022年首個交易日……商湯科技一度升20%"): an earlier session's. So is a move listed
right after a sentence that tells the span of such moves ("AI stocks have soared since DeepSeek launched its model.
Kingsoft Cloud soared 61%.")."""
from __future__ import annotations

import datetime

from dsfact.model import Claim, Quantity

_SPANS = ("span", "several-days", "part-year")
_SEVERAL = {"day": 2, "week": 1, "month": 1, "year": 1}  # a duration of at least this many of its unit: several days
WRITTEN_LATER = 30  # a text dated this many days after every source of a move's claim reports later sessions


def moved_over_span(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is placed over a span of time by its own time words, or on a day after its claim's
    sources were written, while its claim, a move, has no time: it may agree with the claim but never
    contradicts it. `text`: the TextMatcher that bound q."""
    if claim.time or not any(st.direction for st in claim.statements):
        return False
    if text._quantities is None:
        return False
    from dsfact.matching.when import year_kind

    times = text.reader().times(q)
    if any(tag in _SPANS or year_kind(tag)[0] is not None for tag in times):
        return True
    return counted_span(text, q, times) or _dated_after_sources(text, times, claim) or _written_later(text, q, claim) \
        or _written_before(text, claim) or led_by_span(text, q)


def led_by_span(text, q: Quantity) -> bool:
    """Whether the sentence right before figure q's, in its paragraph, tells a span (time.words `span`: "AI stocks
    have soared since DeepSeek launched its model", 自DeepSeek发布以来……大涨) and no figure of q's unit, while q's
    own sentence names no time at all ("Kingsoft Cloud soared 61%, and SMIC surged 27%."): the lead's span is
    the span of the moves listed after it."""
    from dsfact.matching.timewords import time_tags

    si = text.sentence_of(q.start)
    if si == 0:
        return False
    sentence, lead = text.sentences[si], text.sentences[si - 1]
    if lead.paragraph != sentence.paragraph or time_tags(text.folded, sentence.start, sentence.end):
        return False
    if any(x.unit == q.unit for x in text.figures_in(lead.start, lead.end)):
        return False
    return "span" in time_tags(text.folded, lead.start, lead.end)


def counted_span(text, q: Quantity, times: tuple[str, ...]) -> bool:
    """Whether a duration of several days places figure q: the nearest amount of its clause, or, at the head of
    q's sentence before its first amount, every figure of the sentence that no time word places (`times`)."""
    reader = text.reader()
    si = text.sentence_of(q.start)
    sentence = text.sentences[si]
    figures = text.figures_in(sentence.start, sentence.end)
    first = next((x for x in figures if x.unit not in _SEVERAL and x.unit not in ("date", "year", "hour")), None)
    for x in figures:
        least = _SEVERAL.get(x.unit)
        if least is None or x.value is None or x.value < least or marks_a_day(text.folded, x.end) \
                or an_age(text.folded, x.start, x.end) or _went_before(text.folded, x):
            continue  # "five days after the launch"; "a 20-month-old start-up", 成立20个月的公司; "after two days of losses"
        if first is not None and x.end <= first.start and not times:
            return True  # "近九个交易日，金山云涨超67%"
        k = reader._nearest_figure(x.start, x.end, amounts_only=True)
        if k is not None and reader.quantities[k].start == q.start:
            return True
    return False


def an_age(folded: str, start: int, end: int) -> bool:
    """Whether the count of days or months at folded[start:end] is the age of something, not a span a move is
    told over: a founding word before it, perhaps hedged ("founded just 20 months", 成立仅20个月, 成立不到20个月), or
    an age word after it ("20 months old", "a 20-month-old start-up", 有20个月历史): time.words [age-mark]."""
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import word_ending, word_starting

    if word_starting(folded[end:end + 16].lstrip(), words_of("time", "age-mark", "after")):
        return True
    before = folded[max(0, start - 24):start].rstrip()
    for _ in range(2):  # "成立仅约20个月": up to two hedges
        hedge = word_ending(before, words_of("time", "age-mark", "hedge", longest_first=True))
        if hedge is None:
            break
        before = before[:-len(hedge)].rstrip()
    return word_ending(before, words_of("time", "age-mark", "before")) is not None


def _went_before(folded: str, x: Quantity) -> bool:
    """Whether the count x is the span of what went before the move, told after a word of time.words [duration-mark]
    `before` and followed by "of": "rebounded 5% on Tuesday after two days of losses", "after one year of gains"."""
    from dsfact.lang import words_of

    if not folded.startswith(" of ", x.end):
        return False
    head = folded[max(0, x.start - 12):x.start].rstrip().rsplit(" ", 1)[-1]
    return head in words_of("time", "duration-mark", "before")


def marks_a_day(folded: str, end: int) -> bool:
    """Whether the count of days that ends at `end` is a point in time ("five days after", 五天后), not a span:
    time.words [duration-mark] right after it."""
    from dsfact.lang import words_of
    from dsfact.matching.wordtables import word_starting

    return word_starting(folded[end:end + 16].lstrip(), words_of("time", "duration-mark", longest_first=True)) is not None


def _dated_after_sources(text, times: tuple[str, ...], claim: Claim) -> bool:
    """Whether a date of figure q's own (`times`, its time tags) gives a day after every source of its claim
    was written; a date without its year is in the text's year, else in the year of the claim's last source."""
    from dsfact.matching.sourcedays import all_source_days
    from dsfact.matching.when import SHIFTED

    days = all_source_days(claim, text.registry.sources)
    if not days:
        return False
    last = datetime.date.fromisoformat(max(days))
    for tag in times:
        if not tag.startswith("date:"):
            continue
        value = tag[5:].rstrip(SHIFTED)
        if value.startswith("--"):
            value = f"{text.year or last.year}{value[1:]}"
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            continue  # a month or a year: no day of its own
        if day > last:
            return True
    return False


def _written_later(text, q: Quantity, claim: Claim) -> bool:
    """Whether the text (its date, text.day) was written WRITTEN_LATER days or more after every source of the
    claim while neither figure q's sentence nor the one before it in its paragraph names the registry's story
    (dsfact.matching.undated.story_names)."""
    from dsfact.matching.sourcedays import days_after_sources
    from dsfact.matching.undated import story_names

    if not text.day or text.day.startswith("--"):
        return False
    try:
        late = days_after_sources(datetime.date.fromisoformat(text.day[:10]), claim, text.registry.sources)
    except ValueError:
        return False
    if late is None or late < WRITTEN_LATER:
        return False
    si = text.sentence_of(q.start)
    start, end = text.sentences[si].start, text.sentences[si].end
    if si and "\n\n" not in text.folded[text.sentences[si - 1].end:start]:
        start = text.sentences[si - 1].start  # the sentence before it in its paragraph names the story: a recap
    return not any(start <= at < end for at in story_names(text))


def _written_before(text, claim: Claim) -> bool:
    """Whether the text was written before every source of the claim (its date, text.day), or, with no date of its
    own, names years of this century that all come before the sources' first year and never names the story."""
    from dsfact.matching.sourcedays import all_source_days
    from dsfact.matching.undated import story_names
    from dsfact.matching.when import written_years

    days = all_source_days(claim, text.registry.sources)
    if not days:
        return False
    if text.day:
        if text.day.startswith("--"):
            return False
        return text.day[:10] < min(days)
    years = written_years(text)
    return bool(years) and max(int(y) for y in years) < int(min(days)[:4]) and not story_names(text)

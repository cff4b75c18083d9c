"""Time (issue 9): "that day" points back to the nearest day named before it, and a date written without its
year takes the year the context implies (the document's date, the dates of its paragraph, the claim's year
when the text tells the registry's story), never one assumed. Sentences written for these tests."""
import pytest
from budget_registry import registry_text

from dsfact.check import check_text
from dsfact.errors import RegistryError
from dsfact.matching import TextMatcher
from dsfact.matching.thatday import referred_day
from dsfact.matching.timewords import time_tags
from dsfact.matching.undated import tells_story, undated_year
from dsfact.registry import merge_registries, parse_registry

# ── the registry's story names ──


def _mini(story_line: str) -> bytes:
    text = registry_text()
    return (story_line + "\n" + text).encode() if story_line else text.encode()


def test_story_names_are_read():
    registry = parse_registry(_mini("story: [Harbour Bridge, 港湾大桥]"), "r.yaml")
    assert registry.story == ("Harbour Bridge", "港湾大桥")


def test_a_registry_without_story_names_has_none():
    assert parse_registry(_mini(""), "r.yaml").story == ()


@pytest.mark.parametrize("line, words", [
    ("story: {name: Harbour Bridge}", "story must be a list of strings"),
    ("story: [Harbour Bridge, '  ']", "story: a name must not be empty"),
])
def test_a_bad_story_is_a_fault_at_its_line(line, words):
    with pytest.raises(RegistryError) as err:
        parse_registry(_mini(line), "r.yaml")
    assert any(at == 1 and words in message for at, message in err.value.problems), err.value.problems


def test_merged_registries_keep_every_story_name(bundled_registry):
    other = parse_registry(_mini("story: [Harbour Bridge, DeepSeek]"), "r.yaml")
    merged = merge_registries([bundled_registry, other])
    assert merged.story == (*bundled_registry.story, "Harbour Bridge")


def test_the_bundled_registry_names_its_story(bundled_registry):
    assert {"DeepSeek", "深度求索", "幻方"} <= set(bundled_registry.story)


@pytest.mark.parametrize("text, told", [
    ("DeepSeek's app topped the charts.", True),
    ("深度求索發布了新模型。", True),  # folded to Simplified, as the registry's names are
    ("Shares of deepseeker corp rose.", False),  # a Latin name is matched whole
    ("道指当天下跌1%。", False),
])
def test_tells_story(bundled_registry, text, told):
    assert tells_story(TextMatcher(text, bundled_registry)) is told


def test_a_registry_without_story_names_tells_every_story(bundled_registry):
    assert tells_story(TextMatcher("道指当天下跌1%。", bundled_registry._replace(story=())))


# ── the year of a date written without one ──


def _matcher(text, registry, day=None):
    m = TextMatcher(text, registry)
    m.day = day
    return m


def test_undated_year_takes_the_documents_date(bundled_registry):
    m = _matcher("1月27日，道指下跌1%。", bundled_registry, day="2026-01-28")
    assert undated_year(m, "--01-27", 3, 2025) == 2026


def test_undated_year_follows_the_paragraphs_dated_day(bundled_registry):
    text = "2024年12月26日，某公司发布了新模型。1月27日，道指下跌1%。"
    m = _matcher(text, bundled_registry)
    assert undated_year(m, "--01-27", text.index("1月27日"), 2025) == 2025  # the January after that December
    text = "2026年1月5日，市场开盘。1月27日，道指下跌1%。"
    m = _matcher(text, bundled_registry)
    assert undated_year(m, "--01-27", text.index("1月27日"), 2025) == 2026


def test_undated_year_reads_only_its_own_paragraph(bundled_registry):
    text = "In January 2026 the index opened higher.\n\nOn January 27 the Dow fell 1%."
    m = _matcher(text, bundled_registry)
    assert undated_year(m, "--01-27", text.index("January 27"), 2025) is None


def test_undated_year_is_the_claims_only_when_the_story_is_told(bundled_registry):
    told = _matcher("After DeepSeek's launch, on January 27 the Dow fell 1%.", bundled_registry)
    untold = _matcher("On January 27 the Dow fell 1%.", bundled_registry)
    assert undated_year(told, "--01-27", 30, 2025) == 2025
    assert undated_year(untold, "--01-27", 3, 2025) is None


# ── "that day" points back ──


def test_that_day_points_to_the_nearest_named_day(bundled_registry):
    text = "On March 3 tariffs were announced. Markets were rattled. That day the S&P 500 fell 1.8%."
    m = TextMatcher(text, bundled_registry)
    day, at = referred_day(m, 2)
    assert day == ("date:--03-03",) and at == 0


def test_that_day_reaches_one_paragraph_back_only(bundled_registry):
    text = "On March 3 tariffs were announced.\n\nMarkets were rattled.\n\nThat day the S&P 500 fell 1.8%."
    m = TextMatcher(text, bundled_registry)
    assert referred_day(m, len(m.sentences) - 1) is None
    text = "On March 3 tariffs were announced.\n\nThat day the S&P 500 fell 1.8%."
    m = TextMatcher(text, bundled_registry)
    assert referred_day(m, len(m.sentences) - 1)[0] == ("date:--03-03",)


def test_a_record_since_a_year_leaves_that_day_in_place():
    text = "当天标普500指数下跌1.8%,创下2025年以来的最大单日跌幅"
    assert "that-day" in time_tags(text, 0, len(text))


# ── end to end ──


def test_that_day_of_another_date_never_contradicts(bundled_registry):
    text = ("DeepSeek shook the market in January. On March 3 new tariffs were announced. "
            "Investors fretted. That day the S&P 500 fell 4.8%, and the Nasdaq slid 2.6%.")
    assert not check_text(text, bundled_registry)


def test_that_day_of_the_claims_day_still_contradicts(bundled_registry):
    text = ("DeepSeek shook the market. On January 27 investors sold chip stocks. "
            "Traders were stunned. That day the S&P 500 fell 4.8%.")
    found = [(f.claim, f.verdict) for f in check_text(text, bundled_registry)]
    assert ("C34", "contradicted") in found


def test_an_undated_day_in_a_text_of_no_story_never_contradicts(bundled_registry):
    text = "1月27日晚间，道琼斯工业指数跌幅逾1%。"
    assert not check_text(text, bundled_registry)
    found = check_text("DeepSeek引发抛售。" + text, bundled_registry)
    assert [(f.claim, f.verdict) for f in found] == [("C37", "contradicted")]


# ── the day after the one named before ──


@pytest.mark.parametrize("tags, follows_it", [
    (("date:2025-01-27",), True),
    (("date:--01-27",), True),  # its year from the context
    (("date:2025-01-24",), False),  # a Friday: its next session is the 27th
    (("weekday:0",), True),
    (("weekday:4",), False),
    (("date:--01-28~",), True),  # told in East Asian time: the 27th in New York
    (("yesterday",), None),  # no date nor weekday: nothing to count from
])
def test_follows_counts_the_day_after(tags, follows_it):
    from dsfact.matching.thatday import follows

    assert follows(tags, "2025-01-28", lambda date: 2025) is follows_it


def test_follows_a_friday_to_its_next_session():
    from dsfact.matching.thatday import follows

    assert follows(("date:2025-01-24",), "2025-01-27", lambda date: 2025) is True
    assert follows(("date:--01-24",), "2025-01-27", lambda date: None) is False  # no year implied


def test_the_next_day_after_the_claims_day_is_another_day(bundled_registry):
    text = "Nvidia fell 17% on January 27 after DeepSeek's launch. The next day the Nasdaq Composite rose 2%."
    assert not [f for f in check_text(text, bundled_registry) if f.claim == "C30"]


def test_a_year_a_sentence_opens_with_is_its_paragraphs(bundled_registry):
    text = "In 2026, memory makers led the market. On January 27 the Dow slipped 1.1%."
    m = _matcher(text, bundled_registry)
    assert undated_year(m, "--01-27", text.index("January 27"), 2025) == 2026
    text = "Founded in 2023, DeepSeek rattled Wall Street. On January 27 the Dow slipped 1.1%."
    m = _matcher(text, bundled_registry)  # a year inside a sentence is no time of its paragraph
    assert undated_year(m, "--01-27", text.index("January 27"), 2025) == 2025


def test_a_weekday_beside_the_date_names_its_year(bundled_registry):
    m = _matcher("On Monday, January 27, the Dow rose 1.65%.", bundled_registry)  # a Monday in 2025
    assert undated_year(m, "--01-27", 15, 2025) == 2025
    m = _matcher("On Tuesday, January 27, the Dow slipped 1.1%.", bundled_registry)  # a Tuesday in 2026
    assert undated_year(m, "--01-27", 16, 2025) == 2026


def test_a_weekday_of_the_paragraph_names_the_year_of_its_date(bundled_registry):
    text = "Chip stocks slid on January 27 as DeepSeek loomed. Nvidia fell 2%. The Dow lost 0.6% in Saturday's trading."
    m = _matcher(text, bundled_registry)  # 27 January was a Saturday in 2024 only, of 2024-2026
    assert undated_year(m, "--01-27", text.index("January 27"), 2025) == 2024
    text = "Chip stocks slid on January 27 as DeepSeek loomed. Nvidia fell 2%. The Dow lost 0.6% in Tuesday's session."
    m = _matcher(text, bundled_registry)  # a Tuesday in 2026, and the day after 27 January 2025: no year is implied,
    assert undated_year(m, "--01-27", text.index("January 27"), 2025) is None  # not even the story's
    text = "Chip stocks slid on January 27 as DeepSeek loomed. Nvidia fell 17%. The next day, Tuesday, it rose 9%."
    m = _matcher(text, bundled_registry)  # a weekday of the next day names no year of the date
    assert undated_year(m, "--01-27", text.index("January 27"), 2025) == 2025
    text = "On Monday, January 27, DeepSeek's app topped the charts.\n\nOn January 27 chip stocks slid. On Tuesday they rose."
    m = _matcher(text, bundled_registry)  # a weekday beside a date of the text wins over one on its own
    assert undated_year(m, "--01-27", text.rindex("January 27"), 2025) == 2025
    text = "Chip stocks slid on January 27 as DeepSeek loomed. Stocks rose on Monday and fell on Tuesday."
    m = _matcher(text, bundled_registry)  # two years fit: none is named
    assert undated_year(m, "--01-27", text.index("January 27"), 2025) == 2025


def test_last_month_is_the_latest_such_month_before_the_documents():
    from dsfact.matching.when import last_month_fits

    assert last_month_fits("last-month-01", "2025-01-27", "2026-01-20")  # in January 2026: January 2025
    assert last_month_fits("last-month-01", "2025-01-27", "2025-12-01")  # in December 2025: January 2025
    assert not last_month_fits("last-month-01", "2025-01-27", "2025-01-30")  # in January 2025: January 2024
    assert not last_month_fits("last-month-01", "2025-01-27", None)  # no document date: no day
    assert not last_month_fits("last-month-01", "2025-01-27", "--01-30")


def test_a_year_ago_today_is_counted_from_the_documents_date():
    from dsfact.matching.when import year_ago_fits

    assert year_ago_fits("2025-01-27", "2026-01-27")
    assert not year_ago_fits("2025-01-27", "2026-01-28")
    assert year_ago_fits("2025", "2026-03-01")
    assert not year_ago_fits("2025-01-27", None)


def test_a_year_ago_is_some_weeks_either_side_of_the_day_a_year_before():
    from dsfact.matching.when import ABOUT_DAYS, year_ago_fits

    assert year_ago_fits("2025-01-27", "2026-02-20", ABOUT_DAYS)
    assert not year_ago_fits("2025-01-27", "2026-06-15", ABOUT_DAYS)
    assert year_ago_fits("2025-02", "2026-06-15", ABOUT_DAYS)  # a month's claim: the year before the document's
    assert not year_ago_fits("2025-01-27", "--01-27", ABOUT_DAYS)  # no year: no day


def test_a_state_as_of_a_day_takes_the_first_day_it_may_be_of():
    import datetime

    from dsfact.matching.when import state_day

    text = "as of december 31, 2025, colossus had 200,000 gpus"
    assert state_day(text, 6, 23, "2025-12-31") == datetime.date(2025, 12, 31)
    text = "截至2025年底，幻方拥有1万块gpu"
    assert state_day(text, 2, 7, "2025") == datetime.date(2025, 12, 1)
    text = "by the end of 2025, colossus had 200,000 gpus"
    assert state_day(text, 14, 18, "2025") == datetime.date(2025, 12, 1)
    text = "in 2025, colossus had 200,000 gpus"  # no word of a state's time
    assert state_day(text, 3, 7, "2025") is None

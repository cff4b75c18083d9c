"""A document's own date (dsfact.document.dated): from Markdown front matter, HTML meta tags, a dateline, an
archive record or `check --date`, and what it changes: "last year", 昨日 and "on Monday" count from it."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.document import read_document
from dsfact.document.dated import dateline_date, document_date, front_matter_date, html_date, valid_date


def _date(name: str, text: str) -> str | None:
    return read_document(name, data=text.encode()).date


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: A day on the market\ndate: 2025-01-28\n---\n\nNvidia fell.\n", "2025-01-28"),
    ("---\ndate: \"2026-03-02T08:00:00Z\"\n---\nBody.\n", "2026-03-02"),
    ("---\npublished: 2025-1-8\ntags: [ai]\n---\nBody.\n", "2025-01-08"),
    ("+++\ndate = 2025-02-11\n+++\nBody.\n", "2025-02-11"),
    ("---\ntitle: no date here\n---\nBody.\n", None),
    ("---\ndate: 2025-02-30\n---\nBody.\n", None),  # no such day
    ("Body first.\n\nMore body.\n\nAnd more.\n\ndate: 2025-01-28\n", None),  # not front matter
])
def test_front_matter(text, expected):
    assert _date("story.md", text) == expected
    assert front_matter_date(text) == expected


@pytest.mark.parametrize("head, expected", [
    ('<meta property="article:published_time" content="2025-01-28T03:15:00+08:00">', "2025-01-28"),
    ("<meta name='pubdate' content='2025-01-29'>", "2025-01-29"),
    ('<meta content="2026-02-01" itemprop="datePublished">', "2026-02-01"),
    ('<script type="application/ld+json">{"datePublished": "2025-02-03T10:00:00Z"}</script>', "2025-02-03"),
    ('<meta name="description" content="2024-01-01 was a year ago">', None),
])
def test_html_meta(head, expected):
    page = f"<html><head>{head}</head><body><p>Nvidia fell on Monday.</p></body></html>"
    assert _date("story.html", page) == expected
    assert html_date(page) == expected


def test_html_time_element():
    page = '<html><body><p>By a staff writer, <time datetime="2025-01-28T09:00">Jan 28</time></p><p>Text.</p></body></html>'
    assert _date("story.html", page) == "2025-01-28"


@pytest.mark.parametrize("text, expected", [
    ("2025年1月28日 國際財經\n\n輝達昨日市值蒸發5890億美元。", "2025-01-28"),
    ("Staff writer 2026-01-09 13:20\n\nNvidia fell on Thursday.", "2026-01-09"),
    ("財經新聞網編譯王小明 綜合外電 2026-01-28 06:01\n\n道指周二下跌。", "2026-01-28"),
    ("Markets   2025-01-28 10:32   Beijing\n\nText.", "2025-01-28"),
    ("香港2025年2月11日電（記者）歐盟公布計劃。", "2025-02-11"),
    ("新华社北京1月28日电 英伟达股价周一暴跌。", "--01-28"),
    ("BEIJING, Jan. 28 (Reuters) - Nvidia shares fell.", "--01-28"),
    ("NEW YORK, January 27, 2025 (AP) — Stocks fell.", "2025-01-27"),
    # a digest's dateline: its weekday and full date, then a dash
    ("Tuesday, January 28, 2025 - Nvidia saw its stock plummet 17% on Monday.", "2025-01-28"),
    ("January 28, 2025 — Nvidia fell.", "2025-01-28"),
    ("Jan 27, 2025: Nvidia loses $589 billion.", None),
    # a first line that says more than a date is no dateline
    ("On 27 January 2025 Nvidia lost $589 billion.\n\nMore.", None),
    ("2025年1月27日英伟达市值蒸发5890亿美元\n\n正文。", None),
    ("Nvidia fell 17% on Monday.", None),
])
def test_dateline(text, expected):
    assert dateline_date(text) == expected
    assert _date("story.txt", text) == expected


def test_document_date_prefers_the_metadata_to_a_dateline():
    text = "---\ndate: 2026-01-05\n---\n2025年1月28日 國際財經\n\n正文。\n"
    assert _date("story.md", text) == "2026-01-05"
    assert document_date(text, "2025年1月28日 國際財經\n\n正文。", "text") == "2025-01-28"


def test_valid_date():
    assert valid_date("2025-01-28") == "2025-01-28"
    assert valid_date("2025-13-01") is None
    assert valid_date("28/01/2025") is None


# what the date changes


def test_a_document_date_places_relative_words(bundled_registry):
    from dsfact.check import check_document

    def verdicts(text: str, name: str = "story.md"):
        doc = read_document(name, data=text.encode())
        return [(f.text, f.claim, f.verdict) for f in check_document(doc, bundled_registry).findings]

    body = "Nvidia lost $400 billion of market value yesterday.\n"
    assert verdicts("---\ndate: 2025-01-28\n---\n" + body) == [("$400 billion", "C25", "contradicted")]
    assert verdicts("---\ndate: 2025-03-11\n---\n" + body) == []
    # the option is the date of a document that gives none of its own
    doc = read_document("story.txt", data=body.encode())
    assert [f.verdict for f in check_document(doc, bundled_registry, date="2025-01-28").findings] == ["contradicted"]
    dated = read_document("story.md", data=("---\ndate: 2025-03-11\n---\n" + body).encode())
    assert check_document(dated, bundled_registry, date="2025-01-28").findings == []


def _check(args, capsys):
    from dsfact.cli import main

    code = main(["check", "--format", "json", "--no-config", *args])
    return code, capsys.readouterr()


def test_cli_date_option(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text("輝達昨日市值蒸發4000億美元。\n", encoding="utf-8")
    code, out = _check(["--date", "2025-01-28", str(path)], capsys)
    assert code == 1 and json.loads(out.out)["summary"]["contradicted"] == 1
    code, out = _check(["--date", "2025-02-04", str(path)], capsys)
    assert code == 0 and json.loads(out.out)["files"][0]["findings"] == []
    code, out = _check([str(path)], capsys)  # no date: 昨日 places nothing, and nothing anchors the day
    assert code == 0


def test_cli_date_option_is_checked(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text("Text.\n", encoding="utf-8")
    code, out = _check(["--date", "28/01/2025", str(path)], capsys)
    assert code == 2 and "--date" in out.err and "YYYY-MM-DD" in out.err


def test_cli_date_option_is_in_help(capsys):
    from dsfact.cli import main

    assert main(["check", "-h"]) == 0
    assert "--date YYYY-MM-DD" in capsys.readouterr().out


def test_archive_record_date_is_passed_through(tmp_path):
    from dsfact.archive import read_partition

    source = tmp_path / "a.jsonl"
    records = [{"id": "a.txt", "text": "輝達昨日市值蒸發4000億美元。", "date": "2025-01-28T06:00:00Z"},
               {"id": "b.txt", "text": "Text.", "date": "last week"},
               {"id": "c.txt", "text": "Text."}]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    refs, offset = [], 0
    for number, line in enumerate(source.read_bytes().splitlines(keepends=True), 1):
        refs.append(("jsonl", str(source), offset, number))
        offset += len(line)
    docs = read_partition(refs)
    assert [d[4] for d in docs] == ["2025-01-28", None, None]


# the day a time word names (dsfact.matching.when)


def test_east_asian_time_names_the_day_before_too():
    from dsfact.matching.when import date_fits, east_of

    assert east_of("北京时间1月28日凌晨", 4, 10) and east_of("1月28日凌晨", 0, 5) and east_of("周二（清晨）", 0, 2)
    assert east_of("on january 28, beijing time", 3, 13) and not east_of("1月28日晚间", 0, 5)
    assert date_fits("--01-28~", "2025-01-27") and date_fits("2025-01-28~", "2025-01-28")
    assert not date_fits("--01-28", "2025-01-27") and not date_fits("--01-29~", "2025-01-27")
    assert date_fits("--03-01~", "2024-02-29")  # a year without one has every day


def test_weekdays_and_relative_days_count_from_the_document_date():
    import datetime

    from dsfact.matching.when import relative_day_fits, weekday_fits, year_word_fits_day

    monday = datetime.date(2025, 1, 27)
    assert weekday_fits("weekday:0", monday, "2025-01-28", dated=False)
    assert weekday_fits("weekday:0", monday, None, dated=False)  # no date: the day of the week alone
    assert not weekday_fits("weekday:0", monday, "2025-02-04", dated=False)
    assert weekday_fits("weekday:0", monday, "2025-02-04", dated=True)  # "on Monday, January 27"
    assert weekday_fits("weekday:0<", monday, "2025-02-04", dated=False)  # last Monday
    assert weekday_fits("weekday:1~", monday, "--01-28", dated=False)  # 北京时间周二凌晨, a dateline of the 28th
    assert not weekday_fits("weekday:1", monday, None, dated=False)
    assert relative_day_fits("yesterday", monday, "2025-01-28", dated=False)
    assert not relative_day_fits("today", monday, "2025-01-28", dated=False)
    assert relative_day_fits("overnight", monday, "2025-01-28", dated=False)
    assert year_word_fits_day("previous-year-early", monday, 2026, dated=False)
    assert not year_word_fits_day("previous-year-late", monday, 2026, dated=False)
    assert not year_word_fits_day("previous-year", monday, 2026, dated=False)  # a whole year is no day
    assert year_word_fits_day("previous-year", monday, 2026, dated=True)  # 去年1月27日
    # without the document's year the word names no year: the part of a year decides alone (去年初 may hold
    # 27 January, 去年底 never does), and the figure is judged as one without a date
    assert year_word_fits_day("previous-year-early", monday, None, dated=False)
    assert not year_word_fits_day("previous-year-late", monday, None, dated=False)
    assert not year_word_fits_day("previous-year", monday, None, dated=False)
    assert not year_word_fits_day("whole-year", monday, 2025, dated=True)


def test_library_check_text_takes_a_date(bundled_registry):
    import dsfact

    text = "輝達昨日市值蒸發4000億美元。"
    assert [f.verdict for f in dsfact.check_text(text, bundled_registry, date="2025-01-28")] == ["contradicted"]
    assert dsfact.check_text(text, bundled_registry, date="2025-02-20") == []


def test_written_before_and_later_state(bundled_registry):
    from dsfact.matching.when import later_state, written_before

    assert written_before("2025-01-20", "2025-01-27") and not written_before("2025-01-27", "2025-01-27")
    assert not written_before("--01-20", "2025-01-27") and not written_before(None, "2025-01-27")
    capex = bundled_registry.claim("C04")  # tied to 2025, stated by sources of late January 2025
    sources = bundled_registry.sources
    assert not later_state("2025-02-15", capex, sources)
    assert later_state("2025-10-30", capex, sources)
    assert not later_state("2025-10-30", bundled_registry.claim("C25"), sources)  # a day's event stays
    assert not later_state(None, capex, sources) and not later_state("--10-30", capex, sources)


_PIECES = ["Jan. 28", "27 January", "Sept 3", "MAY", "may", "Christmas", "christmas", "1/27/2025", "1/27 (AP)",
           "2025-01-28", "5.6 million", "6 mil", "3 of them", "$589 billion", "the 27th", "Q1", "(Reuters)",
           "BEIJING, ", " - ", "on ", "27", "2025", ".", "/", "-", " ", "Xmas", "jun", "DEC", "Oct.", "12.5.3"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_a_head_the_month_gate_turns_away_holds_no_date(pieces):
    """dateline_date skips the numbers engine on an ASCII line in which _may_name_month finds nothing: the
    engine's parse_dates must find no date there ("DeepSeek's $5.6 million" has the shape of "27 Jan")."""
    from dsfact.document.dated import _may_name_month
    from dsfact.numbers.date_spans import parse_dates

    head = "".join(pieces)
    if not _may_name_month(head):
        assert parse_dates(head) == []


def test_a_wire_dateline_is_still_read_beside_a_figure():
    assert dateline_date("BEIJING, Jan. 28 (Reuters) - DeepSeek's 5.6 million\n\nBody.") == "--01-28"
    assert dateline_date("WASHINGTON, 27 January (AP) - 5 million\n\nBody.") == "--01-27"
    assert dateline_date("DeepSeek-V3 cost $5.6 million to train.\n") is None

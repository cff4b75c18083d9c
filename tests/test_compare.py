"""dsfact compare: rows, cells, agreement labels, topic selection, charts, JSON, and tables that fit."""
import io
import json

import pytest

from dsfact.compare import (
    AGREE,
    DIFFER,
    NOT_COMPARABLE,
    WITHIN_ROUNDING,
    bar_length,
    compare_pair,
    compare_topic,
)
from dsfact.errors import UsageError
from dsfact.model import LESS_THAN, MORE_THAN, Statement


@pytest.fixture(scope="module")
def bundled_registry(seeds_registry):
    """These tests pin what the seeds alone say of one another (tests/test_authority.py covers the
    primary records, which settle several of these figures)."""
    return seeds_registry

def row(registry, claim_id):
    [r] = [r for r in compare_topic(registry, claim_id).rows if r.claim == claim_id]
    return r


# ───────────────────────────── rows and labels on the bundled registry ─────────────────────────────

def test_c01_cells_hold_each_sources_words_and_value(bundled_registry):
    r = row(bundled_registry, "C01")
    assert list(r.cells) == ["etnet", "tkp", "aena", "yu"]
    assert [(s.quote, s.text) for s in r.cells["etnet"]] == [("被揭訓練成本低至560萬美元", "$5.6 million")]
    assert [s.text for s in r.cells["tkp"]] == ["$5.576 million", "$5.576 million", "<$6 million"]
    assert r.cells["tkp"][0].attributed_to == "DeepSeek-R1"
    assert [s.text for s in r.cells["aena"]] == ["$5.5 million", "$5.5 million"]
    # 560萬, 557.6萬, 550萬 and 不到600萬 are different figures whose readings overlap
    assert r.agreement.kind == WITHIN_ROUNDING
    assert r.agreement.label == "agree within rounding"


@pytest.mark.parametrize("claim_id, kind, label", [
    ("C25", WITHIN_ROUNDING, "agree within rounding; not comparable with C26: close vs intraday"),
    ("C26", "single", "only tkp; not comparable with C25: intraday vs close"),
    ("C27", AGREE, "agree; not comparable with C28: close vs intraday"),
    ("C28", "single", "only tkp; not comparable with C27: intraday vs close"),
    ("C30", "single", "only yu; not comparable with C31: close vs intraday"),
    ("C45", DIFFER, "differ by 2 days"),
    ("C42", AGREE, "only tkp; agree"),  # 53 days is "more than 50 days"
    ("C07", WITHIN_ROUNDING, "agree within rounding"),  # 2,048 and "2000"
    ("C20", AGREE, "only tkp"),  # the same figure twice
    ("C04", "single", "only etnet"),
    ("C22", AGREE, "only tkp; not comparable with C23: per-token price vs overall API cost; "
                      "not comparable with C24: per-token price vs cost of use"),
])
def test_agreement_labels(bundled_registry, claim_id, kind, label):
    a = row(bundled_registry, claim_id).agreement
    assert (a.kind, a.label) == (kind, label)


def test_siblings_name_the_sibling_figure(bundled_registry):
    [sibling] = row(bundled_registry, "C25").agreement.siblings
    assert (sibling.claim, sibling.text, sibling.reason) == ("C26", "tkp $614.3 billion", "close vs intraday")


def test_a_ratio_written_as_a_percentage_is_shown_as_one(bundled_registry):
    shown = [s.text for s in row(bundled_registry, "C02").cells["tkp"]]
    assert shown == ["~5%", "5%", "5%", "<1/20"]  # tkp wrote 5% three times and 二十分之一 once


def test_other_unit_statements_do_not_make_a_disagreement(bundled_registry):
    # tkp's 6143億美元 and its own 約4.8萬億港元 are one figure in two currencies
    r = row(bundled_registry, "C26")
    assert [s.text for s in r.cells["tkp"]] == ["$614.3 billion", "~HK$4.8 trillion"]
    assert r.agreement.kind == "single"


# ───────────────────────────── the pair rule ─────────────────────────────

def st(value, unit="count", precision=1.0, qualifier=None, attributed_to=None, source="a"):
    return Statement(source=source, value=value, quote="", unit=unit, qualifier=qualifier, precision=precision,
                     attributed_to=attributed_to)


@pytest.mark.parametrize("ref, other, kind", [
    (st(2048), st(2048), AGREE),
    (st(53, "day"), st(50, "day", qualifier=MORE_THAN), AGREE),
    (st(5576000, "USD", 1000), st(6000000, "USD", 1200000, LESS_THAN), AGREE),
    (st(2048), st(2000, precision=400), WITHIN_ROUNDING),
    (st(588.8e9, "USD", 1e8), st(589e9, "USD", 1e9), WITHIN_ROUNDING),
    (st(2000, precision=400), st(2000, precision=400, qualifier=MORE_THAN), WITHIN_ROUNDING),  # 二千多 vs 2000
    (st(2048), st(4096), DIFFER),
    (st("2024-12-27", "date", None), st("2024-12-25", "date", None), DIFFER),
    (st("2024-12-27", "date", None), st("2024-12", "date", None), WITHIN_ROUNDING),
    (st(614.3e9, "USD", 1e8), st(4.8e12, "HKD", 1e11), NOT_COMPARABLE),
    # different figures for different subjects are not a disagreement between sources
    (st(5.576e6, "USD", 1000, attributed_to="DeepSeek-V3"), st(8e6, "USD", 1e6, attributed_to="DeepSeek-R1"),
     NOT_COMPARABLE),
    (st(0.05, "ratio", 0.01), st(5.6, "pct", 0.1), WITHIN_ROUNDING),  # pct and ratio convert
])
def test_compare_pair(ref, other, kind):
    assert compare_pair(ref, other).kind == kind


def test_pair_gaps():
    assert compare_pair(st("2024-12-27", "date", None), st("2024-12-25", "date", None)).gap == -2
    pair = compare_pair(st(2048), st(2000, precision=400))
    assert (pair.gap, round(pair.gap_pct, 2)) == (-48, -2.34)
    pair = compare_pair(st(5.576e6, "USD", 1000, attributed_to="DeepSeek-V3"),
                        st(8e6, "USD", 1e6, attributed_to="DeepSeek-R1"))
    assert pair.reason == "DeepSeek-R1 vs DeepSeek-V3"


# ───────────────────────────── selection ─────────────────────────────

@pytest.mark.parametrize("topic, expected", [
    ("cost", ["C01", "C02", "C03", "C04", "C05", "C06"]),
    ("price", ["C20", "C21", "C22", "C23", "C24"]),
    ("time", ["C42", "C43", "C44", "C45", "C46", "C47", "C48"]),
    ("C07", ["C07"]),
    ("c45", ["C45"]),
])
def test_topic_and_id_selection(bundled_registry, topic, expected):
    assert [r.claim for r in compare_topic(bundled_registry, topic).rows] == expected


def test_all_is_every_claim(bundled_registry):
    assert len(compare_topic(bundled_registry, "all").rows) == len(bundled_registry.claims)


@pytest.mark.parametrize("word", ["nvidia", "英偉達", "英伟达", "輝達"])
def test_a_word_selects_by_subject_and_cues_in_either_script(bundled_registry, word):
    chosen = [r.claim for r in compare_topic(bundled_registry, word).rows]
    assert {"C25", "C26", "C27", "C28", "C29"} <= set(chosen)
    assert "C01" not in chosen


def test_traditional_and_simplified_select_the_same_claims(bundled_registry):
    assert ([r.claim for r in compare_topic(bundled_registry, "英偉達").rows]
            == [r.claim for r in compare_topic(bundled_registry, "英伟达").rows])


def test_a_word_matching_nothing_is_a_usage_error(bundled_registry):
    with pytest.raises(UsageError, match="no claim matches 'zeppelin'"):
        compare_topic(bundled_registry, "zeppelin")


def test_sources_are_only_those_that_speak(bundled_registry):
    assert [s for s, _ in compare_topic(bundled_registry, "cost").sources] == ["etnet", "tkp", "aena", "yu"]
    assert [s for s, _ in compare_topic(bundled_registry, "C45").sources] == ["tkp", "aena"]


def test_a_newsroom_registry_compares_too(city_registry):
    r = row(city_registry, "B3")  # 2,150 and "about 2,100" employees
    assert r.agreement.label == "agree within rounding"
    assert list(r.cells) == ["gazette", "herald"]


# ───────────────────────────── charts ─────────────────────────────

def test_gpus_chart_is_log_scale_and_largest_first(bundled_registry):
    [chart] = compare_topic(bundled_registry, "gpus").charts  # counts only: 1/8 and 15× are not charted
    assert chart.unit == "count" and chart.log
    bars = [(b.claim, b.label, b.text) for b in chart.bars]
    assert bars[0] == ("C12", "Meta", "1.3 million")
    assert bars[-1] == ("C07", "DeepSeek-V3", "2,048")
    assert ("C15", "Stargate", "700,000–1 million") in bars
    assert ("C10", "leading AI labs", ">16,000") in bars
    assert {"C11", "C13", "C16", "C19"} <= {b[0] for b in bars}


def test_cost_chart_in_dollars(bundled_registry):
    [chart] = compare_topic(bundled_registry, "cost").charts  # the one EUR and the one ratio claim stand alone
    assert chart.unit == "USD" and chart.log
    assert [b.claim for b in chart.bars] == ["C05", "C04", "C03", "C01"]


def test_bar_lengths(bundled_registry):
    assert compare_topic(bundled_registry, "C25").charts == []  # one claim: nothing to chart
    assert bar_length(50, 10, 100, 41, log=False) == pytest.approx(20.5)
    assert bar_length(10, 10, 1000, 41, log=True) == 1.0
    assert bar_length(100, 10, 1000, 41, log=True) == pytest.approx(21.0)


# ───────────────────────────── rendering ─────────────────────────────

def render(registry, topic, width, chart=False):
    from rich.console import Console

    from dsfact.render.compare import render_comparison

    console = Console(width=width, record=True, file=io.StringIO(), no_color=True)
    text = render_comparison(compare_topic(registry, topic), console, chart=chart)
    assert console.file.getvalue() == ""  # a renderer returns its text and prints nothing
    return text


def assert_fits(text, width):
    from rich.cells import cell_len

    too_wide = [line for line in text.splitlines() if cell_len(line.rstrip()) > width]
    assert not too_wide, too_wide[:3]


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("topic, cells", [
    ("cost", ["C01", "C06", "$5.576 million", "$5.5 million", "€200 billion", "only yu"]),
    ("gpus", ["C07", "C19", "2,048", ">16,000", "1.3 million", "only yin"]),
    ("price", ["C20", "C24", "$0.14", "98%", "~96%", "only aena"]),
    ("market", ["C25", "C41", "$588.8 billion", "$614.3 billion", "+16.3%"]),
    ("time", ["C42", "C48", "2024-12-27", "2024-12-25", "differ by 2 days"]),
    ("all", ["C01", "C51", "2,048", "2024-12-25"]),
])
def test_tables_fit_80_and_160_columns(bundled_registry, width, topic, cells):
    text = render(bundled_registry, topic, width)
    assert_fits(text, width)
    for cell in cells:
        assert cell in text, cell


def test_narrow_terminal_gets_a_line_per_source(bundled_registry):
    narrow, wide = render(bundled_registry, "cost", 80), render(bundled_registry, "cost", 160)
    assert "Source" in narrow.splitlines()[2] and "etnet" not in narrow.splitlines()[2]
    header = wide.splitlines()[2]
    assert all(s in header for s in ("etnet", "tkp", "aena", "yu", "Agreement"))


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("topic, title, longest_first", [
    ("gpus", "count, log scale", ["Meta", "Meta's Llama 4", "xAI's Grok 3", "GPT-4o", "DeepSeek-V3"]),
    ("cost", "US dollars, log scale", ["Stargate", "Meta", "GPT-4o", "DeepSeek-V3"]),
])
def test_charts_render_within_the_width(bundled_registry, width, topic, title, longest_first):
    text = render(bundled_registry, topic, width, chart=True)
    assert_fits(text, width)
    chart = text[text.index(title):]
    bars = {line.split("█")[0].strip(): line.count("█") for line in chart.splitlines() if "█" in line}
    lengths = [bars[label] for label in longest_first]
    assert lengths == sorted(lengths, reverse=True) and lengths[0] > lengths[-1] == 1


def test_chart_says_so_when_nothing_shares_a_unit(bundled_registry):
    assert "nothing to chart" in render(bundled_registry, "C45", 80, chart=True)


# ───────────────────────────── JSON and the command ─────────────────────────────

def test_json_has_the_same_content(bundled_registry):
    from dsfact.render.compare import render_comparison_json

    doc = json.loads(render_comparison_json(compare_topic(bundled_registry, "market")))
    assert doc["version"] == 1 and doc["topic"] == "market"
    rows = {r["claim"]: r for r in doc["rows"]}
    c25 = rows["C25"]
    assert c25["cells"]["yu"] == [{"quote": "其實市值蒸發了5,888億美元", "value": 588800000000.0, "unit": "USD",
                                   "text": "$588.8 billion", "qualifier": None, "high": None, "attributed_to": None}]
    assert c25["agreement"]["kind"] == "agree within rounding"
    assert c25["agreement"]["siblings"] == [{"claim": "C26", "says": "tkp $614.3 billion", "reason": "close vs intraday"}]
    assert [s["id"] for s in doc["sources"]] == ["etnet", "tkp", "yu", "yin"]
    assert [c["unit"] for c in doc["charts"]] == ["USD"]


def test_unknown_format_is_a_usage_error(capsys):
    from dsfact.cli import main

    assert main(["compare", "cost", "-f", "yaml"]) == 2
    assert "'yaml' is not one of 'table', 'json'" in capsys.readouterr().err


def test_cli_compare(monkeypatch, capsys):
    from dsfact.cli import main

    monkeypatch.setenv("COLUMNS", "80")
    assert main(["compare", "gpus", "--chart"]) == 0
    out = capsys.readouterr().out
    assert "C07" in out and "count, log scale" in out
    assert main(["compare", "nosuchthing"]) == 2
    assert "no claim matches" in capsys.readouterr().err


def test_importing_compare_and_audit_loads_neither_rich_nor_yaml():
    import subprocess
    import sys

    code = "import sys, dsfact.compare, dsfact.audit; print(sorted(m for m in ('rich', 'yaml', 'rapidfuzz') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

"""End to end on the bundled DeepSeek registry: articles in English, Traditional and Simplified Chinese."""
import json

import pytest
from conftest import FIXTURES

from dsfact.cli import main

ARTICLES = FIXTURES / "articles"

EXPECTED = {
    "en_desk.md": [
        (3, 22, "2,048", "C07", "supported"),
        (3, 56, "$5.58M", "C01", "supported"),
        (5, 19, "60 days", "C42", "contradicted"),  # tkp: 53 days (and "more than 50")
        (7, 10, "55 cents per million tokens", "C57", "supported"),  # R1's cache-miss input price (tkp's generic C20: 0.14)
        (9, 25, "17 per cent", "C27", "supported"),
        (9, 55, "$589bn", "C25", "supported"),
        (11, 14, "0.2%", "C37", "contradicted"),  # the Dow rose 0.2%
        (15, 20, "1.3 million", "C12", "supported"),
    ],
    "zh_hant_desk.md": [
        (3, 6, "2048顆", "C07", "supported"),
        (3, 25, "550萬美元", "C01", "supported"),
        (5, 9, "6143億美元", "C26", "supported"),  # the intraday figure; no word says close or intraday
        (5, 22, "17%", "C27", "supported"),
        (7, 9, "3.5%", "C30", "contradicted"),  # the close was −3.07%; tkp's "intraday up to 3.6%" cannot overturn it
        (7, 25, "2.9%", "C34", "contradicted"),  # S&P 500 fell 1.46% (標準普爾500 is a name)
        (11, 9, "二十萬個", "C16", "contradicted"),  # Grok 3: 十萬
    ],
    "zh_hans_desk.md": [
        (3, 13, "2024年12月26日", "C45", "supported"),  # the release commit; tkp's 12-27 and aena's 12-25 differ
        (3, 32, "557.6万美元", "C01", "supported"),
        (5, 17, "0.14美元", "C72", "supported"),  # the sentence before names V3 alone: V3's $0.14 (promotional)
        (5, 33, "90%", "C22", "disputed"),  # 98% per token; about 95% for the API overall
        (7, 8, "4年", "C43", "supported"),
        (7, 13, "5000亿美元", "C05", "supported"),
        (9, 8, "2000亿欧元", "C06", "supported"),
        (9, 28, "1万块", "C19", "supported"),
    ],
}


def run_json(capsys, *args):
    code = main(["check", "--format", "json", *map(str, args)])
    out = capsys.readouterr().out
    return code, json.loads(out)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_articles(name, capsys):
    code, report = run_json(capsys, ARTICLES / name)
    [entry] = report["files"]
    got = [(f["line"], f["column"], f["text"], f["claim"], f["verdict"]) for f in entry["findings"]]
    assert got == EXPECTED[name]
    assert code == (1 if any(f["severity"] == "error" for f in entry["findings"]) else 0)
    for f in entry["findings"]:
        assert f["severity"] == {"supported": "info", "disputed": "warning"}.get(f["verdict"], f["severity"])
        assert f["severity"] in ("error", "warning", "info")


def test_unrelated_figures_are_not_judged(capsys):
    # Microsoft's $80bn and 微软's 800亿 sit in the fixtures beside registered figures; Apple's 3萬億 too
    for name in EXPECTED:
        _, report = run_json(capsys, ARTICLES / name)
        texts = {f["text"] for f in report["files"][0]["findings"]}
        assert not texts & {"$80bn", "800亿美元", "3萬億美元"}


def test_json_document_shape(capsys):
    code, report = run_json(capsys, ARTICLES / "en_desk.md", ARTICLES / "zh_hans_desk.md")
    assert report["version"] == 1
    assert [f["path"] for f in report["files"]] == [str(ARTICLES / "en_desk.md"), str(ARTICLES / "zh_hans_desk.md")]
    assert report["summary"] == {"supported": 13, "contradicted": 2, "disputed": 1}
    finding = report["files"][0]["findings"][2]
    assert set(finding) >= {"line", "column", "end_line", "end_column", "text", "claim", "value", "unit",
                            "verdict", "sources", "message"}
    assert finding["end_column"] - finding["column"] == len(finding["text"])
    assert finding["sources"] == {"tkp": "contradicts"}
    assert finding["value"] == 60 and finding["unit"] == "day"


def test_dates_are_iso_strings(capsys):
    _, report = run_json(capsys, ARTICLES / "zh_hans_desk.md")
    date = report["files"][0]["findings"][0]
    assert date["value"] == "2024-12-26" and date["unit"] == "date"


def test_disputed_message_names_who_says_what(tmp_path, capsys):
    # "收盤" in the figure's clause says close: the intraday source's 614.3 billion disputes it, no more
    article = tmp_path / "close.md"
    article.write_text("輝達周一收盤市值蒸發6143億美元。\n", encoding="utf-8")
    _, report = run_json(capsys, article)
    finding = next(f for f in report["files"][0]["findings"] if f["claim"] == "C25")
    # the wire's "about $593 billion" fits etnet's exact $589 billion too: only consistent, it settles nothing
    assert finding["sources"] == {"close-0127": "consistent", "etnet": "contradicts", "yu": "contradicts",
                                  "tkp": "supports"}
    assert finding["verdict"] == "disputed"
    assert finding["severity"] == "warning" and "close-0127" not in finding["settled_by"]
    assert "intraday" in finding["message"] and "tkp" in finding["message"] and "etnet" in finding["message"]


def test_library_call_uses_the_bundled_registry():
    import dsfact

    [finding] = dsfact.check_text("DeepSeek trained V3 on 4,096 H800 chips.")
    assert (finding.claim, finding.verdict, finding.value) == ("C07", "contradicted", 4096)
    assert (finding.location.line, finding.location.column) == (1, 24)


@pytest.mark.parametrize("text, claim, verdict", [
    # typos and variants of the names still match
    ("Deepseek trained V3 on 2,048 H-800 chips.", "C07", "supported"),
    ("Nvidea lost $589 billion in market value on Monday.", "C25", "supported"),
    ("英伟达市值蒸发5890亿美元。", "C25", "supported"),
    ("輝達週一市值蒸發7890億美元。", "C25", "contradicted"),
    # qualifiers and rounding
    ("DeepSeek used over 2,000 Nvidia chips.", "C07", "supported"),
    ("DeepSeek trained the model for under $6 million.", "C01", "supported"),
    ("DeepSeek trained the model for $6.5 million.", "C01", "contradicted"),
    ("Nvidia shares fell nearly 17% on Monday.", "C27", "supported"),
    ("The Nasdaq rose 3.5% on Monday.", "C30", "contradicted"),  # it fell 3.5%
    # the subject two sentences back
    ("DeepSeek's newest model impressed engineers. It was trained on 4,096 chips.", "C07", "contradicted"),
])
def test_single_sentences(text, claim, verdict):
    import dsfact

    findings = dsfact.check_text(text)
    assert [(f.claim, f.verdict) for f in findings] == [(claim, verdict)]


@pytest.mark.parametrize("text", [
    "Microsoft said it would spend $80 billion on AI data centres.",
    "Oracle's shares fell 14% on Monday.",
    "OpenAI was founded in 2015.",
    "Apple sold 50 million iPhones.",
    "The S&P 500 index is a benchmark.",
    "GPT-4o and Llama 3.1 405B are large models; H800 and H100 are chips.",
    "Meta's capital spending was $39 billion in 2024.",
])
def test_figures_about_something_else_are_not_judged(text):
    import dsfact

    assert [(f.text, f.claim) for f in dsfact.check_text(text) if f.verdict != "supported"] == []


@pytest.mark.parametrize("text, claim, verdict", [
    ("DeepSeek trained V3 for $6 million.", "C01", "supported"),  # a round figure
    # aena's 550萬 reaches that low, but it fits tkp's exact 557.6萬 too: it cannot outvote it
    ("DeepSeek trained V3 for $5 million.", "C01", "contradicted"),
    ("The Chinese start-up used only 2,000 chips.\n\nDeepSeek is based in Hangzhou.", None, None),
])
def test_round_figures(text, claim, verdict):
    import dsfact

    expected = [(claim, verdict)] if claim else []
    assert [(f.claim, f.verdict) for f in dsfact.check_text(text)] == expected


def test_a_founder_born_in_1985_is_not_the_founding_date():
    import dsfact

    assert dsfact.check_text("DeepSeek's founder Liang Wenfeng was born in 1985.") == []


def test_the_nearest_subject_wins_over_the_direction_of_the_move():
    import dsfact

    findings = dsfact.check_text("週一納斯達克指數下跌3.5%，道瓊斯指數則下跌0.2%。")
    assert [(f.text, f.claim, f.verdict) for f in findings] == [
        ("3.5%", "C30", "contradicted"), ("0.2%", "C37", "contradicted")]  # closes: −3.07%, +0.65%


@pytest.mark.parametrize("seed", sorted(p.name for p in (FIXTURES.parent.parent / "seeds").iterdir()))
def test_each_seed_agrees_with_itself(seed, capsys):
    """A source checked against the registry built from it is contradicted only where a primary record
    settles the figure otherwise (yu's index moves, the seeds' V3 release dates)."""
    _, report = run_json(capsys, FIXTURES.parent.parent / "seeds" / seed)
    findings = report["files"][0]["findings"]
    assert findings, "every seed states registered figures"
    records = {"v3-report", "v3-release", "r1-release", "deepseek-pricing", "close-0127"}
    for f in findings:
        if f["verdict"] != "supported":
            assert set(f["settled_by"]) & records, f  # a primary record, never a fellow seed, overturns it


@pytest.mark.parametrize("text, claim", [
    ("今年1月20日，DeepSeek正式開源R1推理模型。", "C46"),  # a date leads its clause; the subject follows
    ("中國DeepSeek震撼全球 成本僅為OpenAI 5% 英偉達股價急插", "C02"),  # not 英偉達, after it past a break
])
def test_names_after_a_figure(text, claim):
    import dsfact

    assert [f.claim for f in dsfact.check_text(text)] == ([claim] if claim else [])


@pytest.mark.parametrize("text", [
    "OpenAI's o1-pro costs $600 per million output tokens.",  # another model's price (not registered)
    "Nvidia's stock lost nearly a fifth of its value on Monday.",  # a fraction is not a percentage move
    "DeepSeek is about 20 to 40 times cheaper than OpenAI.",  # a multiple is not a saving in per cent
])
def test_other_metrics_are_not_judged(text):
    import dsfact

    assert dsfact.check_text(text) == []


def test_each_figure_takes_the_variant_word_nearest_to_it():
    import dsfact

    findings = dsfact.check_text("英伟达的市值曾一度蒸发超过6000亿美元，收盘时跌幅为17%。")
    assert [(f.claim, f.verdict) for f in findings] == [("C26", "supported"), ("C27", "supported")]


def test_a_first_phase_is_not_the_whole_plan():
    import dsfact

    assert dsfact.check_text("星际之门项目首期投资1000亿美元。") == []


def test_an_exclude_word_reaches_only_the_figures_near_it():
    import dsfact

    # "owned" rules out the training-GPU claim for its own figure ...
    assert dsfact.check_text("About 50,000 Hopper GPUs are said to be owned by DeepSeek.") == []
    # ... but not for a figure a long, comma-laden sentence away (tkp's and etnet's own wording)
    text = ("Meta的朱克伯格上周拋出「年底擁有130萬顆GPU」的震撼彈,短短三天後,AI界的敘事即畫風驟變,皆因"
            "DeepSeek-R1大模型,被揭訓練成本低至560萬美元,使用的英偉達GPU數量僅2048顆,且型號是上一代H800。")
    assert [(f.text, f.claim, f.verdict) for f in dsfact.check_text(text)] == [
        ("130萬顆", "C12", "supported"), ("560萬美元", "C01", "supported"), ("2048顆", "C07", "supported")]

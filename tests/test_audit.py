"""dsfact audit: every derived figure recomputed, every finding pinned to its quote; a newsroom's own
registry audited the same way; faults in `derived:` reported at their registry line."""
import io
import json
import pathlib

import pytest

from dsfact.audit import (
    CONSISTENT,
    INCONSISTENT,
    NOT_COMPARABLE,
    WITHIN_ROUNDING,
    RelationError,
    audit_registry,
    derived_faults,
    evaluate,
)
from dsfact.errors import RegistryError
from dsfact.registry import load_registry

AUDIT = pathlib.Path(__file__).resolve().parent / "fixtures" / "audit"



@pytest.fixture(scope="module")
def bundled_registry(seeds_registry):
    """These tests pin what the seeds alone say of one another (tests/test_authority.py covers the
    primary records, which settle several of these figures)."""
    return seeds_registry

@pytest.fixture(scope="module")
def bundled_audit(bundled_registry):
    return audit_registry(bundled_registry)


def rows_for(audit, claim, quote, check=None):
    found = [r for r in audit.rows if r.claim == claim and r.quote == quote and (check is None or r.check == check)]
    assert found, f"no audit row for {claim} {quote!r}"
    return found


# ───────────────────────────── the bundled registry: one finding per quote ─────────────────────────────

@pytest.mark.parametrize("claim, check, quote, verdict, recomputed", [
    # 557.6萬 / 約1億 = 5.58%: "約5%" and "5%" only by reading 5% as truncated; "less than 1/20" not at all
    ("C02", "relation", "訓練費用約為GPT-4o的5%", WITHIN_ROUNDING, 0.05576),
    ("C02", "relation", "成本僅為OpenAI 5%", WITHIN_ROUNDING, 0.05576),
    ("C02", "relation", "研發費用5%", WITHIN_ROUNDING, 0.05576),
    ("C02", "relation", "訓練成本不到GPT-4o的二十分之一", INCONSISTENT, 0.05576),
    # 2048 / 16000+ = 1/7.8: "1/8"
    ("C08", "relation", "硬件要求1/8", CONSISTENT, 0.128),
    # 2000 / 25000 = 1/12.5: "1/11" only if "2000" is about 2,200 (GPU counts stand in for compute)
    ("C09", "relation", "DeepSeek-V3模型以1/11的算力", WITHIN_ROUNDING, 0.08),
    # 1 − 0.14/7.50 = 98.13%
    ("C22", "relation", "OpenAI成本為7.50美元,便宜98%", CONSISTENT, 98.1333),
    ("C22", "relation", "服務定價便宜98%", CONSISTENT, 98.1333),
    ("C22", "relation", "成本降幅高達驚人的98%", CONSISTENT, 98.1333),
    # 6143億美元 at the HK$ peg
    ("C26", "relation", "6143億美元(約4.8萬億港元)", CONSISTENT, 4.79154e12),
    # 720 / (19234 + 720) = 3.608%: "最多急跌3.6%"
    ("C31", "relation", "觸發納指開市早段最多急跌3.6%", CONSISTENT, 3.6083),
])
def test_relation_findings(bundled_audit, claim, check, quote, verdict, recomputed):
    [r] = rows_for(bundled_audit, claim, quote, check)
    assert r.verdict == verdict
    assert r.recomputed == pytest.approx(recomputed, rel=1e-4)


@pytest.mark.parametrize("claim, source, quote, verdict, against", [
    ("C01", "etnet", "被揭訓練成本低至560萬美元", WITHIN_ROUNDING, 5576000),
    ("C01", "tkp", "以不到600萬美元的極低成本", CONSISTENT, 5576000),
    ("C01", "aena", "DeepSeek-V3 的訓練成本為 550 萬美元", WITHIN_ROUNDING, 5576000),
    ("C01", "yu", "深度求索宣稱僅投資了560萬美元", WITHIN_ROUNDING, 5576000),
    ("C07", "tkp", "僅僅2000塊芯片", WITHIN_ROUNDING, 2048),
    ("C07", "aena", "他們只需要 2000 個 GPU(圖形處理單元)或芯片就能訓練出他們的模型", WITHIN_ROUNDING, 2048),
    ("C07", "yu", "採用了二千多片比較低端的H800圖形處理器", CONSISTENT, 2048),
    ("C25", "etnet", "AI股王英偉達輝周一(27日)市值蒸發5890億美元", WITHIN_ROUNDING, 588.8e9),
    ("C42", "tkp", "運行逾50天完成", CONSISTENT, 53),
    ("C45", "aena", "在聖誕節當天發佈的 DeepSeek-V3", INCONSISTENT, "2024-12-27"),
])
def test_statement_findings(bundled_audit, claim, source, quote, verdict, against):
    [r] = rows_for(bundled_audit, claim, quote, "statements")
    assert (r.source, r.verdict, r.recomputed) == (source, verdict, against)


@pytest.mark.parametrize("claim, quote, reason, against", [
    ("C26", "市值蒸發掉6143億美元", "intraday vs close", 588.8e9),
    ("C28", "股價更曾大挫逾17.6%", "intraday vs close", 17),
    ("C31", "觸發納指開市早段最多急跌3.6%", "intraday vs close", 3.5),
    ("C35", "標普500指數亦曾急跌2.27%", "intraday vs close", 1.9),
    ("C23", "總體API調用成本卻低95%左右", "overall API cost vs per-token price", 98),
    ("C24", "使用成本低約 96%", "cost of use vs per-token price", 98),
])
def test_group_rows_are_not_comparable_and_say_why(bundled_audit, claim, quote, reason, against):
    [r] = rows_for(bundled_audit, claim, quote, "group")
    assert (r.verdict, r.reason, r.recomputed) == (NOT_COMPARABLE, reason, against)


def test_the_inconsistencies_are_exactly_these(bundled_audit):
    found = {(r.claim, r.source, r.quote) for r in bundled_audit.inconsistent}
    assert found == {
        ("C02", "tkp", "訓練成本不到GPT-4o的二十分之一"),  # tkp contradicts its own 557.6萬 and 約1億
        ("C45", "aena", "在聖誕節當天發佈的 DeepSeek-V3"),  # 25 December against tkp's 27 December
    }


def test_identical_figures_are_not_listed(bundled_audit):
    audited = {r.claim for r in bundled_audit.rows}
    # each states one figure however often it is quoted: nothing to audit
    assert not audited & {"C03", "C20", "C21", "C27", "C46"}


def test_gaps_are_stated_minus_recomputed(bundled_audit):
    [r] = rows_for(bundled_audit, "C02", "訓練成本不到GPT-4o的二十分之一", "relation")
    assert r.gap == pytest.approx(0.05 - 0.05576) and r.gap_text == "−0.58 pp"
    [r] = rows_for(bundled_audit, "C45", "在聖誕節當天發佈的 DeepSeek-V3")
    assert (r.gap, r.gap_text) == (-2, "2 days")
    [r] = rows_for(bundled_audit, "C22", "服務定價便宜98%")
    assert r.recomputed_text == "98.13%" and r.formula == "1 − ($0.14 / $7.5)"


def test_relation_rows_carry_their_inputs_with_quotes(bundled_audit):
    [r] = rows_for(bundled_audit, "C31", "觸發納指開市早段最多急跌3.6%", "relation")
    assert [(i.ref, i.quote) for i in r.inputs] == [
        ("C32@tkp", "最多急跌3.6%,或720點"), ("C33@tkp", "低見19234點"), ("C32@tkp", "最多急跌3.6%,或720點")]
    assert r.recomputed_text == "−3.608%"


def test_every_audited_quote_is_a_registry_quote(bundled_audit, bundled_registry):
    quotes = {(c.id, st.source, st.quote, st.line) for c in bundled_registry.claims for st in c.statements}
    assert all((r.claim, r.source, r.quote, r.line) in quotes for r in bundled_audit.rows)


def run_audit(path) -> int:
    """`dsfact audit -f json -r PATH`: its exit code."""
    from dsfact.cli import main

    return main(["audit", "-f", "json", "-r", str(path)])


def test_bundled_audit_has_inconsistent_rows_and_json_has_the_same_rows(bundled_audit):
    from dsfact.render.audit import render_audit_json

    assert bundled_audit.inconsistent  # what makes `dsfact audit` exit 1
    doc = json.loads(render_audit_json(bundled_audit))
    assert doc["version"] == 1
    assert len(doc["rows"]) == len(bundled_audit.rows)
    assert doc["summary"] == bundled_audit.summary
    row = next(r for r in doc["rows"] if r["quote"] == "訓練成本不到GPT-4o的二十分之一" and r["check"] == "relation")
    assert set(row) == {"check", "claim", "subject", "metric", "source", "quote", "line", "stated", "formula",
                        "recomputed", "recomputed_text", "verdict", "gap", "gap_text", "reason", "note", "inputs"}
    assert row["verdict"] == "inconsistent"
    assert [i["ref"] for i in row["inputs"]] == ["C01@tkp=5576000", "C03@tkp"]


# ───────────────────────────── a newsroom's own registry ─────────────────────────────

def test_newsroom_registry_consistent(capsys):
    registry = load_registry(AUDIT / "consistent.yaml", use_cache=False)
    audit = audit_registry(registry)
    assert [(r.claim, r.verdict, r.recomputed) for r in audit.rows] == [("R3", CONSISTENT, 25.0),
                                                                        ("R6", CONSISTENT, 20.0)]
    assert run_audit(AUDIT / "consistent.yaml") == 0


def test_newsroom_registry_inconsistent():
    registry = load_registry(AUDIT / "inconsistent.yaml", use_cache=False)
    audit = audit_registry(registry)
    got = [(r.claim, r.check, r.source, r.quote, r.verdict) for r in audit.rows]
    assert got == [
        ("R3", "relation", "ledger", "transit takes 25% of the budget", CONSISTENT),  # $30M / $120M
        ("R3", "relation", "courier", "交通開支佔預算的30%", INCONSISTENT),
        ("R3", "statements", "courier", "交通開支佔預算的30%", INCONSISTENT),
        ("R7", "statements", "courier", "將於9月16日通車", INCONSISTENT),
    ]
    assert run_audit(AUDIT / "inconsistent.yaml") == 1


@pytest.mark.parametrize("name", ["consistent.yaml", "inconsistent.yaml", "unknown-id.yaml"])
def test_fixture_registries_are_valid(name):
    from dsfact.registry import validate_registry

    assert validate_registry(load_registry(AUDIT / name, use_cache=False)) == []


def test_cli_exit_codes(capsys):
    from dsfact.cli import main

    assert main(["audit", "-r", str(AUDIT / "consistent.yaml")]) == 0
    assert "2 checks: 2 consistent" in capsys.readouterr().out
    assert main(["audit", "-r", str(AUDIT / "inconsistent.yaml")]) == 1
    assert main(["audit", "-r", str(AUDIT / "unknown-id.yaml")]) == 2
    assert "unknown-id.yaml:20: claim R3: derived: unknown claim id 'R2'" in capsys.readouterr().err


# ───────────────────────────── faults in derived: ─────────────────────────────

def test_unknown_claim_id_is_an_error_at_the_derived_line():
    registry = load_registry(AUDIT / "unknown-id.yaml", use_cache=False)
    line = next(i for i, text in enumerate((AUDIT / "unknown-id.yaml").read_text().splitlines(), 1)
                if text.strip().startswith("derived:"))
    with pytest.raises(RegistryError) as caught:
        audit_registry(registry)
    assert caught.value.problems == [(line, "claim R3: derived: unknown claim id 'R2' in 'R2'")]


def with_derived(registry, claim_id, derived):
    claims = tuple(c._replace(derived=derived) if c.id == claim_id else c for c in registry.claims)
    return registry._replace(claims=claims)


@pytest.mark.parametrize("derived, message", [
    ({"ratio_of": ["C99", "C11"]}, "unknown claim id 'C99'"),
    ({"ratio_of": ["C07@nyt", "C11"]}, "unknown source 'nyt'"),
    ({"ratio_of": ["C07@tkp", "C11"]}, "names 2 different figures (2,048; 2,000): add @SOURCE or =VALUE"),
    ({"ratio_of": ["C07@tkp=4096", "C11"]}, "names no statement of C07"),
    ({"ratio_of": ["C07@etnet"]}, "ratio_of takes a list of 2 operands"),
    ({"quotient_of": ["C07@etnet", "C11"]}, "needs exactly one of ratio_of"),
    ({"ratio_of": ["C07@etnet", "C11"], "as": "percent"}, "unknown as: 'percent'"),
    ({"sum_of": ["C07@etnet", "C01@tkp=5576000"]}, "adds figures in different units"),
    ({"ratio_of": ["C45@tkp", "C11"]}, "cannot use a date"),
    ({"ratio_of": ["C09", "C11"]}, "refers to the claim itself"),
])
def test_relation_faults(bundled_registry, derived, message):
    registry = with_derived(bundled_registry, "C09", derived)
    errors, _ = derived_faults(registry)
    assert any(message in text for _, text in errors), errors
    line = next(number for number, _ in errors)
    assert line > registry.claim("C09").line  # the derived: line, not the claim's first line


def test_unknown_key_is_a_warning(bundled_registry):
    registry = with_derived(bundled_registry, "C08", {"ratio_of": ["C07@tkp=2048", "C10"], "because": "x"})
    errors, warnings = derived_faults(registry)
    assert errors == [] and any("unknown key 'because'" in w for _, w in warnings)


def test_constants_and_nesting(bundled_registry):
    value = evaluate(bundled_registry, {"product_of": ["C26@tkp=614300000000", 7.8], "unit": "HKD"})
    assert (value.value, value.unit) == (pytest.approx(4.79154e12), "HKD")
    assert value.low == pytest.approx(614.25e9 * 7.75) and value.high == pytest.approx(614.35e9 * 7.85)
    value = evaluate(bundled_registry, {"difference_of": ["C33", {"product_of": ["C32", 0]}]})
    assert value.value == 19234


def test_same_as_judges_two_written_figures(bundled_registry):
    registry = with_derived(bundled_registry, "C26", {"same_as": "C25@yu", "sources": ["tkp"]})
    rows = [r for r in audit_registry(registry).rows if r.claim == "C26" and r.check == "relation"]
    # 6143億 intraday is not the close: not comparable, and not inconsistent either
    assert [(r.quote, r.verdict, r.reason) for r in rows] == [
        ("市值蒸發掉6143億美元", NOT_COMPARABLE, "intraday vs close")]
    registry = with_derived(bundled_registry, "C25", {"same_as": "C25@yu=588800000000", "sources": ["etnet"]})
    rows = [r for r in audit_registry(registry).rows if r.claim == "C25" and r.check == "relation"]
    assert [(r.source, r.verdict) for r in rows] == [("etnet", WITHIN_ROUNDING)]


def test_relation_error_is_raised_for_bad_operands(bundled_registry):
    with pytest.raises(RelationError):
        evaluate(bundled_registry, {"ratio_of": ["C07@etnet", True]})


# ───────────────────────────── check agrees with the audit ─────────────────────────────

def test_check_calls_a_figure_that_takes_one_side_disputed(bundled_registry):
    from dsfact.check import check_text

    [finding] = check_text("DeepSeek-V3於2024年12月25日發佈。", bundled_registry)
    assert (finding.claim, finding.verdict) == ("C45", "disputed")
    assert finding.sources == {"aena": "supports", "tkp": "contradicts"}
    assert "aena 2024-12-25" in finding.message and "tkp 2024-12-27" in finding.message


# ───────────────────────────── rendering ─────────────────────────────

@pytest.mark.parametrize("width", [80, 160])
def test_audit_table_fits(bundled_audit, width):
    from rich.cells import cell_len
    from rich.console import Console

    from dsfact.render.audit import render_audit

    console = Console(width=width, record=True, file=io.StringIO(), no_color=True)
    text = render_audit(bundled_audit, console)
    assert console.file.getvalue() == ""  # a renderer returns its text and prints nothing
    assert all(cell_len(line.rstrip()) <= width for line in text.splitlines())
    for cell in ("C02", "C45", "1/17.9", "98.13%", "inconsistent", "2024-12-25", "2 days", "1/7.81"):
        assert cell in text, cell
    assert text.rstrip().endswith("28 checks: 9 consistent, 11 within rounding, 2 inconsistent, 6 not comparable")

"""Labelled cases (tests/cases/**/*.yaml): each figure in a sentence of our own, and whether dsfact must judge it.

A case names one figure of its text (the first occurrence of `figure`) and what dsfact must say of it:
"not judged" (no finding overlaps the figure), or a verdict (supported / contradicted / disputed) with the
claim the finding carries. `rule` names the phenomenon the case is about (its role, a binding rule, recall)
and `lang` the script (en, zh-Hant, zh-Hans); `date`, when given, is the document's own date (as `check
--date` gives it). A case the engine does not yet read right carries
`known: <why>`: it runs as a strict expected failure, so fixing it fails the suite until the mark is removed.
tests/cases/claims/ is the per-claim table: every claim of the bundled registry has a sentence that supports
it and one that contradicts it, in English and in Chinese (test_every_claim_has_cases).
"""
from __future__ import annotations

import pathlib
from collections import Counter, defaultdict

import pytest
import yaml

CASES_DIR = pathlib.Path(__file__).resolve().parent / "cases"
VERDICTS = ("supported", "contradicted", "disputed")
EXPECTS = (*VERDICTS, "not judged")
LANGS = ("en", "zh-Hant", "zh-Hans")


def load_cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES_DIR.rglob("*.yaml")):
        name = path.relative_to(CASES_DIR).as_posix()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        assert isinstance(data, list), f"{name}: a YAML list of cases"
        for n, case in enumerate(data, 1):
            out.append((f"{name}:{n}-{case.get('rule')}-{case.get('lang')}", case))
    return out


CASES = load_cases()


def _param(case_id: str, case: dict):
    marks = [pytest.mark.xfail(strict=True, reason=case["known"])] if case.get("known") else []
    return pytest.param(case, id=case_id, marks=marks)


@pytest.mark.parametrize("case", [_param(i, c) for i, c in CASES])
def test_case(case, bundled_registry):
    from dsfact.check import check_text

    text, figure = case["text"], case["figure"]
    date = case.get("date")  # the document's date, as `check --date` gives it
    if case.get("format"):  # read as a document of that format (headings, lists), as `dsfact check` does
        from dsfact.check import check_document
        from dsfact.document import read_document

        doc = read_document(f"case.{case['format']}", data=text.encode(), format=case["format"])
        text, found = doc.text, check_document(doc, bundled_registry, date=date).findings
    else:
        found = check_text(text, bundled_registry, date=date)
    start = text.find(figure)
    assert start >= 0, f"figure {figure!r} is not in the text"
    end = start + len(figure)
    findings = [f for f in found if f.start < end and start < f.end]
    got = [(f.verdict, f.claim, f.text) for f in findings]
    if case["expect"] == "not judged":
        assert not findings, f"{figure!r} should not be judged; got {got}"
    else:
        assert len(findings) == 1, f"{figure!r}: expected {case['expect']} {case['claim']}; got {got}"
        assert (findings[0].verdict, findings[0].claim) == (case["expect"], case["claim"]), (
            f"{figure!r}: expected {case['expect']} {case['claim']}; got {got}")


def test_cases_are_well_formed():
    assert len(CASES) >= 150
    problems = []
    for cid, case in CASES:
        missing = {"text", "figure", "expect", "rule", "lang"} - set(case)
        if missing:
            problems.append(f"{cid}: missing {sorted(missing)}")
            continue
        if case["expect"] not in EXPECTS:
            problems.append(f"{cid}: expect {case['expect']!r}")
        if case["expect"] in VERDICTS and not str(case.get("claim", "")).startswith("C"):
            problems.append(f"{cid}: a verdict needs the claim id")
        if case["lang"] not in LANGS:
            problems.append(f"{cid}: lang {case['lang']!r}")
        if (case["lang"] == "en") != (_script(case["text"]) == "en"):
            problems.append(f"{cid}: lang {case['lang']} but the text's script says {_script(case['text'])}")
        if case["figure"] not in case["text"]:
            problems.append(f"{cid}: figure {case['figure']!r} is not in its text")
    assert not problems, "\n".join(problems)


def test_cases_cover_scripts_and_rules(bundled_registry):
    by_lang = Counter(case["lang"] for _, case in CASES)
    for lang in LANGS:
        assert by_lang[lang] >= 30, f"only {by_lang[lang]} {lang} cases"
    langs_of_rule = defaultdict(set)
    for _, case in CASES:
        langs_of_rule[case["rule"]].add(case["lang"])
    thin = {rule: sorted(langs) for rule, langs in langs_of_rule.items() if len(langs) < 2}
    assert not thin, f"rules with cases in fewer than two scripts: {thin}"
    ids = {c.id for c in bundled_registry.claims}
    unknown = {case["claim"] for _, case in CASES if case["expect"] in VERDICTS} - ids
    assert not unknown, f"claims not in the registry: {unknown}"


def _script(text: str) -> str:
    """en or zh, from the text itself: any CJK ideograph makes it Chinese."""
    return "zh" if any("\u3400" <= ch <= "\u9fff" for ch in text) else "en"


def uncovered(claim_ids, cases) -> dict[str, list[str]]:
    """Per claim of the registry: which of supported/contradicted x en/zh no case shows (known cases,
    which the engine does not yet read right, do not count)."""
    shown = {(c.get("claim"), c["expect"], _script(c["text"])) for _, c in cases if not c.get("known")}
    needed = [(v, s) for v in ("supported", "contradicted") for s in ("en", "zh")]
    out = {}
    for cid in claim_ids:
        lacking = [f"{v} {s}" for v, s in needed if (cid, v, s) not in shown]
        if lacking:
            out[cid] = lacking
    return out


def test_every_claim_has_cases(bundled_registry):
    missing = uncovered([c.id for c in bundled_registry.claims], CASES)
    assert not missing, "claims without a case for: " + "; ".join(f"{k}: {', '.join(v)}" for k, v in missing.items())
    assert uncovered(["C999"], CASES) == {"C999": ["supported en", "supported zh", "contradicted en",
                                                    "contradicted zh"]}, "a claim only in the registry must fail"

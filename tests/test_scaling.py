"""The cue index when a newsroom's registry grows: the bundled claims plus hundreds of generated ones
(bench/registry.py). Correctness, not timing (bench/ times it): adding unrelated claims changes no
verdict, every generated claim is found by its own cues, and the index agrees with a scan of every cue."""
from __future__ import annotations

import importlib.util
import random
import re

import pytest
from conftest import ROOT

from dsfact.check import check_text
from dsfact.fold import fold_text
from dsfact.matching import CueIndex, cue_index
from dsfact.registry import load_registry, validate_registry

CLAIMS = 600


def _generator():
    spec = importlib.util.spec_from_file_location("bench_registry", ROOT / "bench" / "registry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    out = tmp_path_factory.mktemp("big")
    path = _generator().write_registry(out, claims_total=CLAIMS, seed=7)
    return load_registry(path, use_cache=False)


@pytest.fixture(scope="module")
def bundled():
    return load_registry(ROOT / "data" / "claims.yaml", use_cache=False)


def test_the_generated_registry_is_valid(big):
    assert len(big.claims) == CLAIMS
    assert validate_registry(big) == []


@pytest.mark.parametrize("article", ["draft_en.md", "draft_zh_hant.md", "draft_zh_hans.md"])
def test_unrelated_claims_change_no_verdict(article, big, bundled):
    text = (ROOT / "examples" / article).read_text(encoding="utf-8")
    small = [(f.start, f.claim, f.verdict) for f in check_text(text, bundled)]
    large = [(f.start, f.claim, f.verdict) for f in check_text(text, big)]
    assert small and small == large


def test_every_generated_claim_is_found_by_its_own_words(big):
    """Each generated statement, quoted in a sentence, is judged as its own claim and supported; the same
    sentence with another figure is contradicted."""
    generated = [c for c in big.claims if c.id.startswith("S")]
    rng = random.Random(1)
    for claim in rng.sample(generated, 120):
        st = claim.statements[0]
        text = st.quote + "."
        found = [(f.claim, f.verdict) for f in check_text(text, big)]
        agreed = all(abs(s.value - st.value) <= 1e-6 * st.value for s in claim.statements)
        assert found == [(claim.id, "supported" if agreed else "disputed")], (text, found)
        wrong = re.sub(r"\d", lambda m: str(int(m.group()) % 9 + 1), st.quote, count=1)  # another first digit
        found = [(f.claim, f.verdict) for f in check_text(wrong + ".", big)]
        assert [c for c, _ in found] == [claim.id] and found[0][1] in ("contradicted", "disputed"), (wrong, found)


def test_a_figure_only_reaches_claims_of_its_unit(big):
    index = cue_index(big)
    for unit in ("USD", "count", "pct", "CNY"):
        family = index.family(unit)
        # beside its own unit's claims: a bare count may state an index level in points, and a price in
        # one currency a price recorded in another (judged only against a statement in its own)
        assert family and all(
            big.claims[i].unit == unit or unit in {s.unit for s in big.claims[i].statements}
            or {unit, big.claims[i].unit} == {"pct", "ratio"}
            or (unit == "count" and big.claims[i].unit == "point" and big.claims[i].kind == "level")
            or (unit != "count" and big.claims[i].per is not None) for i in family)


def _scan(registry, folded: str) -> set[tuple[int, int, str]]:
    """Every cue occurrence found the slow way: each key of the index looked for at every position.
    Chinese keys as substrings; Latin keys as exact runs of whole tokens (no stems, no fuzzy matching)."""
    index = CueIndex.build(registry)
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[a-z0-9]+", folded)]
    found = set()
    for key in index.roles:
        if re.search(r"[\u3400-\u9fff\uf900-\ufaff]", key):
            at = folded.find(key)
            while at >= 0:
                found.add((at, at + len(key), key))
                at = folded.find(key, at + 1)
            continue
        for i in range(len(tokens)):
            joined = ""
            for j in range(i, min(i + 5, len(tokens))):
                if j > i and not re.fullmatch(r"[\s\-_.&/'’]{0,2}", folded[tokens[j - 1][1]:tokens[j][0]]):
                    break
                joined += tokens[j][2]
                if joined == key:
                    found.add((tokens[i][0], tokens[j][1], key))
    return found


@pytest.mark.parametrize("article", ["draft_en.md", "draft_zh_hant.md", "draft_zh_hans.md"])
def test_the_index_finds_what_a_scan_of_every_cue_finds(article, big):
    text = (ROOT / "examples" / article).read_text(encoding="utf-8")
    companies = [c for c in big.claims if c.id.startswith("S")][:40]
    text += "\n\n" + " ".join(st.quote + ("." if st.quote.isascii() else "。") for c in companies for st in c.statements)
    folded = fold_text(text)
    hits = {(h.start, h.end, h.cue) for h in cue_index(big).find(folded)}
    scanned = _scan(big, folded)
    assert scanned <= hits  # the index may find more (stems, near spellings), never less
    extra = {h for h in hits - scanned}
    for start, end, cue in extra:  # and what more it finds is a stem or a near spelling of the cue
        words = "".join(re.findall(r"[a-z0-9]+", folded[start:end]))
        assert words[:3] == cue[:3] or words[0] == cue[0], (folded[start:end], cue)


def test_the_index_does_not_depend_on_the_order_of_claims(big):

    shuffled = list(big.claims)
    random.Random(3).shuffle(shuffled)
    other = big._replace(claims=tuple(shuffled))
    text = " ".join(st.quote + "." for c in shuffled[:80] for st in c.statements)
    folded = fold_text(text)
    assert sorted((h.start, h.end, h.cue) for h in cue_index(big).find(folded)) == sorted(
        (h.start, h.end, h.cue) for h in cue_index(other).find(folded))
    assert sorted((f.start, f.claim, f.verdict) for f in check_text(text, big)) == sorted(
        (f.start, f.claim, f.verdict) for f in check_text(text, other))


def test_chinese_cues_that_begin_with_latin_letters_are_found(bundled):
    """"SK海力士", "GPU小時": a Chinese cue may begin with a Latin word."""
    folded = fold_text("SK海力士的股價上升，訓練用了2.8億GPU小時。")
    cues = {h.cue for h in cue_index(bundled).find(folded)}
    assert "sk海力士" in cues and "gpu小时" in cues


def test_typos_in_long_names_are_still_matched(bundled):
    folded = fold_text("Nvidea and Deepseak and Microsofft")
    cues = {h.cue for h in cue_index(bundled).find(folded)}
    assert {"nvidia", "deepseek", "microsoft"} <= cues

"""The figure reader on products of counts and on bounds of shares and multiples (issue 9): a product is
read as one count, never as its factors; a qualifier before a share or a multiple bounds it, across the
name of the comparison's base (不到GPT-4o的十分之一), and the inverse of a bounded multiple is bounded the
other way ("more than 10 times cheaper" is under a tenth)."""
import pytest

from dsfact.model import APPROXIMATELY, LESS_THAN, MORE_THAN
from dsfact.numbers import parse_quantities


def _read(text):
    return [(q.text, q.value, q.unit, q.qualifier) for q in parse_quantities(text)]


@pytest.mark.parametrize("text, figure, value", [
    ("trained on 64×8 H800 chips", "64×8", 512.0),
    ("trained on 64x8 H800 GPUs.", "64x8", 512.0),
    ("on 64 × 8 H800s", "64 × 8", 512.0),
    ("on 64 x 8 H800s", "64 x 8", 512.0),
    ("on 64*8 H800 GPUs", "64*8", 512.0),
    ("用了64台×8卡H800", "64台×8", 512.0),
    ("用了64臺×8卡H800", "64臺×8", 512.0),
    ("64个节点×8张卡", "64个节点×8张", 512.0),
    ("64 nodes x 8 GPUs", "64 nodes x 8", 512.0),
    ("a rack of 2 x 4 x 8 chips", "2 x 4 x 8", 64.0),
])
def test_a_product_of_counts_is_one_count(text, figure, value):
    assert _read(text) == [(figure, value, "count", None)]


@pytest.mark.parametrize("text", ["64×8GB of memory", "a 3x8% rise"])
def test_a_product_with_another_unit_is_no_count_and_never_its_factors(text):
    assert all(q.unit != "count" for q in parse_quantities(text))
    assert not [q for q in parse_quantities(text) if q.value in (64.0, 8.0, 3.0)]


@pytest.mark.parametrize("text, value, unit", [
    ("8x H100 nodes", 8.0, "factor"),  # a multiple, no product
    ("10x cheaper", 0.1, "ratio"),
    ("2048 GPUs", 2048.0, "count"),
])
def test_what_is_no_product_reads_as_before(text, value, unit):
    [q] = parse_quantities(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text, figure, qualifier", [
    ("成本不到OpenAI GPT-4o模型的十分之一", "十分之一", LESS_THAN),
    ("成本不到OpenAIGPT-4o模型的十分之一", "十分之一", LESS_THAN),
    ("成本不足美國同行的三分之一", "三分之一", LESS_THAN),
    ("算力超过前代Grok 2模型的十倍", "十倍", MORE_THAN),
    ("份额不到全球市场的5%", "5%", LESS_THAN),
])
def test_a_bound_holds_across_the_base_of_a_comparison(text, figure, qualifier):
    [q] = parse_quantities(text)
    assert (q.text, q.qualifier) == (figure, qualifier)


def test_a_bound_does_not_reach_past_other_words_to_an_amount():
    # the base's words reach a share or a multiple only: an amount after "不到 ... 的" keeps its own reading
    [q] = parse_quantities("不到那家美国科技大公司当年花掉的1000万美元")
    assert q.qualifier is None


@pytest.mark.parametrize("text, qualifier", [
    ("more than 10 times cheaper", LESS_THAN),
    ("less than 10 times cheaper", MORE_THAN),
    ("up to 10 times cheaper", MORE_THAN),
    ("nearly 10 times cheaper", APPROXIMATELY),
    ("10 times cheaper", None),
])
def test_a_bound_on_a_multiple_bounds_its_inverse_the_other_way(text, qualifier):
    [q] = parse_quantities(text)
    assert (q.value, q.unit, q.qualifier, q.below) == (0.1, "ratio", qualifier, False)


# ── a claim its sources estimate (the registry's `estimate: true`) is read as "about" ──

def _estimate_registry(tmp_path, estimate: str):
    import shutil

    from budget_registry import registry_text
    from conftest import FIXTURES

    from dsfact.registry import load_registry

    shutil.copy(FIXTURES / "city" / "gazette.txt", tmp_path / "gazette.txt")
    text = registry_text().replace("    unit: USD\n", f"    unit: USD\n    estimate: {estimate}\n", 1)
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    return load_registry(path, use_cache=False)


def test_an_estimated_claim_is_read_as_about(tmp_path):
    from dsfact.model import Quantity
    from dsfact.verdict import claim_sources

    registry = _estimate_registry(tmp_path, "true")
    claim = registry.claims[0]
    assert claim.estimate and claim.unit == "USD"
    value = claim.statements[0].value
    near = Quantity("x", 0, 1, value * 1.1, "USD", precision=value * 0.0001)  # $132M: 120 read to 115-130
    far = Quantity("x", 0, 1, value * 1.2, "USD", precision=value * 0.0001)
    assert set(claim_sources(near, claim).values()) == {"supports"}  # within five per cent more of the estimate
    assert set(claim_sources(far, claim).values()) == {"contradicts"}
    exact = claim._replace(estimate=False)
    assert set(claim_sources(near, exact).values()) == {"contradicts"}  # the same figure, measured: too far


def test_estimate_must_be_true_or_false(tmp_path):
    from dsfact.errors import RegistryError

    with pytest.raises(RegistryError, match="estimate is true or false"):
        _estimate_registry(tmp_path, "maybe")


def test_a_letter_x_makes_a_product_only_glued_or_spaced_on_both_sides():
    # "2x 4090" is a multiple and then a number, as before; the sign × may be spaced either way
    assert [(q.text, q.unit) for q in parse_quantities("a 2x 4090 rig")] == [("2x", "factor"), ("4090", "count")]
    assert _read("on 64 ×8 GPUs") == [("64 ×8", 512.0, "count", None)]

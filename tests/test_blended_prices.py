"""dsfact.matching.blended keeps a subject's list prices per registry: another registry (a changed file, a
test's own) reads its own prices, not those kept for the one before."""
from dsfact.matching.blended import _list_prices


def _with_output_price(registry, claim_id: str, value: float):
    claims = tuple(c._replace(statements=tuple(st._replace(value=value) for st in c.statements))
                   if c.id == claim_id else c for c in registry.claims)
    return registry._replace(claims=claims)


def test_list_prices_follow_the_registry(bundled_registry):
    claim = next(c for c in bundled_registry.claims if c.id == "C58")  # R1's output price
    before = _list_prices(bundled_registry, claim)
    assert before[("after", "USD")] == [2.19]
    changed = _with_output_price(bundled_registry, "C58", 3.0)
    assert _list_prices(changed, claim)[("after", "USD")] == [3.0]
    assert _list_prices(bundled_registry, claim)[("after", "USD")] == [2.19]
    assert _list_prices(bundled_registry, claim) is _list_prices(bundled_registry, claim)  # read once

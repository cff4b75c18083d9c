"""memo.held_for: what a module works out of one registry is kept for that registry object alone."""
from __future__ import annotations

from dsfact.matching.memo import OWNERS, held_for


class _Owner:
    pass


def test_a_registry_is_worked_out_once_and_another_on_its_own():
    store: dict = {}
    built = []
    first, second = _Owner(), _Owner()

    def build(owner):
        built.append(owner)
        return [id(owner)]

    assert held_for(store, first, build) is held_for(store, first, build)
    assert held_for(store, second, build) == [id(second)]
    assert built == [first, second]


def test_an_object_given_a_freed_id_is_not_taken_for_the_old_one():
    store: dict = {}
    old, new = _Owner(), _Owner()
    store[id(new)] = (old, "old's")  # as if `old` had been held at the address `new` now has
    assert held_for(store, new, lambda owner: "new's") == "new's"


def test_a_full_store_starts_again():
    store: dict = {}
    owners = [_Owner() for _ in range(OWNERS + 1)]
    for owner in owners[:OWNERS]:
        held_for(store, owner, lambda owner: 1)
    assert len(store) == OWNERS
    held_for(store, owners[OWNERS], lambda owner: 2)
    assert list(store) == [id(owners[OWNERS])]


def test_each_registry_has_its_own_cue_index_and_member_groups(bundled_registry, city_registry):
    from dsfact.matching.cues import cue_index
    from dsfact.matching.joint import _groups

    assert cue_index(bundled_registry) is cue_index(bundled_registry)
    assert cue_index(city_registry) is not cue_index(bundled_registry)
    stargate = [names for names, _, _ in _groups(bundled_registry) if any("softbank" in n for n in names)]
    assert stargate  # the venture's members name it (OpenAI, SoftBank, Oracle...)
    assert _groups(bundled_registry) is _groups(bundled_registry)
    assert not any("softbank" in n for names, _, _ in _groups(city_registry) for n in names)

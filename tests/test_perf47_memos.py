"""What perf47 keeps once per set of words or per text answers as the work it replaced did, for each set or text
asked in turn."""
from __future__ import annotations

from dsfact.matching import counted
from dsfact.matching.aside import CHIP_CODE_WORD


def _codes_read_again(words: frozenset[str]) -> frozenset[str]:
    return frozenset(m.group(1) for w in words for m in CHIP_CODE_WORD.finditer(w))


def test_a_claims_chip_codes_are_its_own_words():
    h100 = frozenset({"h100", "h100s", "nvidia h100 gpus", "gpus"})
    h800 = frozenset({"h800", "chips"})
    none = frozenset({"gpus", "graphics processing units"})
    for words in (h100, h800, none, h100, frozenset(set(h800)), none):  # (an equal set made anew: the same codes)
        assert counted._codes_of(words) == _codes_read_again(words)
    assert counted._codes_of(h100) == {"h100"} and counted._codes_of(none) == frozenset()


def test_the_store_of_codes_starts_again_when_full():
    counted._codes_of.cache_clear()
    sets = [frozenset({f"h{100 + k}"}) for k in range(70)]
    for words in sets:
        assert counted._codes_of(words) == {next(iter(words))}
    assert counted._codes_of.cache_info().currsize <= 64
    assert counted._codes_of(sets[0]) == {"h100"}

"""CueIndex._find_cjk looks cues up only where its pattern of places says a Chinese cue may begin (a character
that begins one and, unless it is a cue alone, a character that is some cue's second after it): the hits must
be those a look-up at every place finds."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.matching.cues import CueIndex, _starts_pattern

_KEYS = ["芯片", "芯片制造商", "英伟达", "英", "达", "万亿", "亿", "gpu小时", "sk海力士", "h800芯片", "成本", "成"]


def _index() -> CueIndex:
    index = CueIndex()
    for key in _KEYS:
        index.cjk_by_prefix.setdefault(key[:2], []).append(key)
    index.cjk_singles = frozenset(k for k in index.cjk_by_prefix if len(k) == 1)
    return index


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("芯片制造商英伟达万亿成本的 gpusk海力士h800小时")), max_size=20).map("".join))
def test_hits_as_at_every_place(text):
    index = _index()
    found: list = []
    index._find_cjk(text, found)
    everywhere = _index()
    everywhere._cjk_starts = re.compile(".", re.S)
    expected: list = []
    everywhere._find_cjk(text, expected)
    assert found == expected


def test_a_leading_character_is_a_place_only_before_a_second():
    pattern = _starts_pattern(_index().cjk_by_prefix)
    assert [m.start() for m in pattern.finditer("芯的芯片英")] == [2, 4]  # 英 is a cue alone; 芯 before 的 begins none

"""session.stamped looks for an hour and its minutes (_HOUR_MINUTE) before it compiles a stamp's pattern: every
stamp holds them, so a text without them has none; and _clock_words builds its pattern without the stamp's."""
from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.matching import session

_PIECES = ["", " ", "\n", "[", "【", "（", "(", "monday ", "星期一", "周一", "北京时间", "美东时间", "1月27日", "上午", "下午",
           "10", "4", "23", ":", "：", ".", "42", "05", "60", " am", " p.m.", " et", " —", "-", "]", "】", "）", "|", "x", "涨3%"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join))
def test_every_stamp_holds_what_the_gate_looks_for(text):
    for pattern in (session._stamp(False), session._stamp(True)):
        for m in pattern.finditer(text):
            assert session._HOUR_MINUTE.search(text, m.start(), m.end()) is not None


def test_a_text_without_hour_and_minutes_compiles_no_stamp(monkeypatch):
    monkeypatch.setattr(session, "_CLOCK", [])  # a process that has built neither form
    monkeypatch.setattr(session, "_STAMP_ASCII", [])
    monkeypatch.setattr(session, "_CLOCK_WORDS", [])
    text = SimpleNamespace(folded="英伟达股价下跌3.5%，美东时间上午10时")
    assert session.stamped(text) == ([], set())
    assert session._clock_words().search(text.folded) is not None  # 美东时间上午10时: a clock in words
    assert session._CLOCK == [] and session._STAMP_ASCII == []  # neither stamp form compiled


def test_a_stamp_is_still_found_past_the_gate():
    assert session._HOUR_MINUTE.search("10:42 et — x") and session._HOUR_MINUTE.search("北京时间23：45 —")
    assert session._stamp(False).search("北京时间23：45 —") and session._stamp(True).search("10:42 et — x")

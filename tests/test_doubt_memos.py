"""The shortcuts of the doubt chain give the answers worked out in full: a group of writing words is ruled out
only where its anchor, which each of its words holds, is missing; a weekday is ruled out only where no time
word of its kind can begin; what a text's opening dates and days say is worked out for that text alone."""
from __future__ import annotations

from dsfact.matching import session
from dsfact.matching.matcher import TextMatcher
from dsfact.matching.roles import lexicon
from dsfact.matching.when import _may_name, names_day


def test_every_writing_word_holds_its_anchor():
    table = session._words()[2]
    words = set(table.get("hour", ()) + table.get("forecast", ()) + table.get("present", ()) + table.get("premarket", ()))
    grouped = [w for anchor, group in session._writing_anchored() for w in group if anchor in w]
    assert sorted(grouped) == sorted(words)


def test_written_during_finds_marks_of_either_language(bundled_registry):
    for text in ("Nvidia's shares are down 13% in early trading. Its rivals fell too.", "英伟达股价盘中下跌13%。"):
        assert 0 in session._written_during(TextMatcher(text, bundled_registry))
    assert not session._written_during(TextMatcher("Nvidia's shares fell 17% on Monday.", bundled_registry))


def test_weekday_rule_out_keeps_every_weekday_word():
    lex = lexicon()
    for word, kind in lex.time_kinds.items():
        if kind.startswith("weekday:"):
            assert _may_name(f"shares fell on {word} as", lex, kind)
    assert names_day("nvidia fell 17% on monday.", "2025-01-27")
    assert not names_day("nvidia fell 17% on tuesday.", "2025-01-27")


def test_opening_and_writing_day_are_each_texts_own(bundled_registry):
    from dsfact.matching.opening import opened_on
    from dsfact.matching.yearcontrast import written_no_earlier

    dated = TextMatcher("On Oct. 10, 2025, Wall Street had its worst day. Nvidia lost $229 billion.", bundled_registry)
    plain = TextMatcher("Wall Street had its worst day. Nvidia lost $229 billion.", bundled_registry)
    for _ in range(2):  # asked again, each text gives its own answer
        assert opened_on(dated, 1) == ["2025-10-10"]
        assert opened_on(plain, 1) == []
        assert written_no_earlier(dated) == "2025-10-10"
        assert written_no_earlier(plain) is None

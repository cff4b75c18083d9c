"""The shortcuts of the doubt chain give the answers worked out in full: a group of writing words is ruled out
only where its anchor, which each of its words holds, is missing; a weekday is ruled out only where no time
word of its kind can begin; a price family's agreement, remembered per figure as written and claim, is that
figure's own in another text too."""
from __future__ import annotations

from dsfact.matching import session, siblings
from dsfact.matching.matcher import TextMatcher
from dsfact.matching.roles import lexicon
from dsfact.matching.when import _may_name, names_day
from dsfact.numbers import parse_quantities


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


def _price_text(text: str, registry):
    matcher = TextMatcher(text, registry)
    matcher.use(parse_quantities(text))
    return matcher


def test_family_agreement_is_each_figures_own(bundled_registry):
    claim = next(c for c in bundled_registry.claims if c.id == "C58")  # R1's output price, of a price family
    first = _price_text("R1 charges $0.14 per million tokens.", bundled_registry)
    second = _price_text("R1 charges $77 per million tokens.", bundled_registry)
    a, b = parse_quantities(first.text)[0], parse_quantities(second.text)[0]
    fresh_a = siblings.family_agrees(a, claim, first)
    fresh_b = siblings.family_agrees(b, claim, second)
    assert fresh_a and not fresh_b
    assert siblings.family_agrees(a._replace(start=a.start + 5, end=a.end + 5), claim, first) is fresh_a
    siblings._FAMILY.clear()
    assert siblings.family_agrees(b, claim, second) == fresh_b


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

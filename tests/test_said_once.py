"""What a figure's rules ask of a sentence's words and figures is worked out once and remembered: the answers
remembered are those worked out afresh, whichever figure asks first."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.lang import words_by_script, words_of
from dsfact.matching import basemodel
from dsfact.matching.cues import CueHit
from dsfact.matching.matcher import TextMatcher
from dsfact.matching.pairedlists import listed_kinds
from dsfact.matching.roles import fits
from dsfact.matching.timefits import time_fits
from dsfact.numbers import parse_quantities

ROOT = Path(__file__).resolve().parent.parent


def _built_on_as_written(folded: str, start: int, end: int) -> bool:
    """basemodel.built_on as it read before its Latin words became a set: each word tried against the words
    before the name, whole or after a space (names.words [base-of] and [version-of])."""
    latin, chinese, after = [], [], []
    for table in ("base-of", "version-of"):
        latin += words_by_script("names", table, "before")[0]
        chinese += words_by_script("names", table, "before")[1]
        after += words_of("names", table, "after")
    after = tuple(sorted(after, key=len, reverse=True))
    before = folded[max(0, start - basemodel._BEFORE_REACH):start]
    if chinese and before.endswith(tuple(chinese)) or after and folded.startswith(after, end):
        return True
    words = before.rstrip().split()
    if words and words[-1] in ("the", "a", "an"):
        words.pop()
    tail = " ".join(words)
    return any(tail == w or tail.endswith(" " + w) for w in latin)


_LATIN = sorted({*words_by_script("names", "base-of", "before")[0], *words_by_script("names", "version-of", "before")[0]})
_PIECES = st.sampled_from(_LATIN + ["the", "a", "an", "top", "on", "built", "of", "was", "R1,", "基于", "的基础上",
                                    "", " ", "  ", "\t", "\n", "-", "model"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=6), st.sampled_from([" ", "", "  "]), st.lists(_PIECES, max_size=3))
def test_built_on_says_what_the_word_by_word_reading_said(before, gap, after):
    name = "v3"
    head = " ".join(before) + gap
    folded = head + name + "".join(after)
    hit = CueHit(len(head), len(head) + len(name), name)
    expected = _built_on_as_written(folded, hit.start, hit.end)
    assert basemodel.built_on(folded, hit) == expected
    assert basemodel.built_on(folded, hit) == expected  # asked again of the same text: the answer remembered


def test_built_on_forgets_the_last_text():
    hit = CueHit(9, 11, "v3")
    assert basemodel.built_on("built on v3 it ran", CueHit(9, 11, "v3"))
    assert not basemodel.built_on("based in v3 it ran", hit)  # same place in another text: asked afresh


def _matcher(text: str, registry):
    matcher = TextMatcher(text, registry)
    matcher.use(parse_quantities(text))
    return matcher


_TEXTS = [
    "DeepSeek's spending rose from $39 billion in 2024 to $65 billion in 2025, while V3 cost $5.6 million to train.",
    "R1's cache-hit, cache-miss and output prices are $0.14, $0.55 and $2.19 per million tokens.",
    "2024年V3的训练成本从600万美元降到560万美元，使用2048块H800 GPU。",
    *((ROOT / "examples" / name).read_text(encoding="utf-8") for name in ("draft_en.md", "draft_zh_hans.md")),
]


def _could_state_afresh(matcher, x, claim) -> bool:
    reader = matcher.reader()
    return bool(fits(claim.kind, reader.roles(x))) and (
        not claim.time or bool(time_fits(claim.time, reader.times(x), matcher.year, matcher.day)))


def test_could_state_remembers_what_it_works_out_for_each_figure_and_claim(bundled_registry):
    claims = bundled_registry.claims
    for text in _TEXTS:
        forward, backward = _matcher(text, bundled_registry), _matcher(text, bundled_registry)
        pairs = [(k, c) for k in range(len(forward._quantities)) for c in claims]
        ahead = {(k, c.id): forward._could_state(forward._quantities[k], c) for k, c in pairs}
        behind = {(k, c.id): backward._could_state(backward._quantities[k], c) for k, c in reversed(pairs)}
        assert ahead == behind
        assert forward.reader().could_state  # remembered ...
        assert {(k, c.id): bool(forward._could_state(forward._quantities[k], c)) for k, c in pairs} == \
            {(k, c.id): _could_state_afresh(forward, forward._quantities[k], c) for k, c in pairs}  # ... as worked out


def test_could_state_follows_the_documents_date(bundled_registry):
    # "yesterday", "last month" place a figure by the document's date: a matcher told another date asks afresh
    text = "Nvidia lost $589 billion on Monday, and its shares fell 17% last month."
    claims = bundled_registry.claims
    said = []
    for day in ("2025-01-28", "2023-06-01"):
        dated, fresh = _matcher(text, bundled_registry), _matcher(text, bundled_registry)
        for x in dated._quantities:
            for c in claims:
                dated._could_state(x, c)  # asked before the date is known
        dated.day, dated.year = day, int(day[:4])
        fresh.day, fresh.year = day, int(day[:4])
        said.append([[bool(fresh._could_state(x, c)) for c in claims] for x in fresh._quantities])
        assert [[bool(dated._could_state(x, c)) for c in claims] for x in dated._quantities] == said[-1]
    assert said[0] != said[1]  # the date decides some answer here


def test_listed_kinds_gives_each_figure_its_own_kind_whichever_asks_first(bundled_registry):
    text = _TEXTS[1]
    forward, backward = _matcher(text, bundled_registry), _matcher(text, bundled_registry)
    prices = [x for x in forward._quantities if x.unit == "USD"]
    assert len(prices) == 3
    ahead = [listed_kinds(forward, x, 0) for x in prices]
    behind = [listed_kinds(backward, x, 0) for x in reversed([x for x in backward._quantities if x.unit == "USD"])]
    assert ahead == behind[::-1]
    assert len({own for own, _ in ahead}) == 3  # three kinds, one a figure
    for own, others in ahead:
        assert own is not None and own not in others and len(others) == 2


def test_listed_kinds_of_another_text_are_its_own(bundled_registry):
    listed = _matcher(_TEXTS[1], bundled_registry)
    assert listed_kinds(listed, listed._quantities[0], 0)[0] is not None
    plain = _matcher("R1's prices are $0.14 and $0.55 and $2.19 per million tokens.", bundled_registry)
    assert all(listed_kinds(plain, x, 0) == (None, ()) for x in plain._quantities)

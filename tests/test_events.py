"""The event a claim's figure is about (dsfact.matching.events, lang/events.words): which event a claim has,
how the registry names one, and how a figure's clause tells another event."""
import shutil

import pytest
from conftest import FIXTURES

from dsfact.check import check_text
from dsfact.errors import RegistryError
from dsfact.lang import load_words
from dsfact.matching.events import NO_EVENT, _Words, event_of, events
from dsfact.registry import load_registry

MINI = """\
sources:
  - {id: gazette, file: gazette.txt, publisher: Gazette, title: Budget, date: "2024-03-01", language: en}
claims:
  - id: B1
    topic: cost
    subject: Shelbyville
    metric: budget
    unit: USD
    EVENT
    cues: {subject: [Shelbyville], metric: [budget]}
    statements:
      - source: gazette
        value: 120000000
        quote: "approved a budget of $120 million for 2024"
"""


def _mini(tmp_path, event: str):
    shutil.copy(FIXTURES / "city" / "gazette.txt", tmp_path / "gazette.txt")
    path = tmp_path / "claims.yaml"
    path.write_text(MINI.replace("EVENT", event), encoding="utf-8")
    return path


def test_every_event_names_known_others():
    table = load_words("events")
    for name, entry in table.items():
        for other in entry.get("others", ()):
            assert other in table and other != name, (name, other)


def test_claims_take_their_event_from_their_metric_unless_the_registry_names_one(bundled_registry):
    by_id = {c.id: c for c in bundled_registry.claims}
    assert event_of(by_id["C01"]) == "training"  # "training cost of the final training run"
    assert event_of(by_id["C07"]) == "training"
    assert event_of(by_id["C44"]) == "founding"
    assert event_of(by_id["C46"]) == "release"
    assert event_of(by_id["C19"]) == "order"
    assert event_of(by_id["C06"]) == "plan"
    assert by_id["C16"].event == NO_EVENT and event_of(by_id["C16"]) is None  # holding GPUs is its own event
    assert event_of(by_id["C27"]) is None  # a day's move: no event of this table


def test_registry_reads_and_checks_a_claims_event(tmp_path):
    registry = load_registry(_mini(tmp_path, "event: training"), use_cache=False)
    assert registry.claims[0].event == "training" and event_of(registry.claims[0]) == "training"
    assert load_registry(_mini(tmp_path, "event: none"), use_cache=False).claims[0].event == NO_EVENT
    with pytest.raises(RegistryError) as err:
        load_registry(_mini(tmp_path, "event: gossip"), use_cache=False)
    assert "unknown event 'gossip'" in str(err.value)


def test_a_guarded_character_is_not_read_after_its_guard():
    words = _Words(("有 (not after 只仅)", "拥有"))
    assert words.ends("大约有", 3, True)
    assert not words.ends("只有", 2, True) and not words.ends("仅有", 2, True)
    assert words.ends("只拥有", 3, True)  # a longer word is its own
    after = _Words(("生 (not before 产)",))
    assert after.begins("生，广东人", True) and not after.begins("生产的", True)


def test_event_tables_hold_words_of_english_and_chinese():
    # Chinese words are written in Simplified characters; Traditional text is folded to Simplified
    for name in ("holding", "spending", "birth", "target", "share", "since"):
        event = events()[name]
        listed = [w for words in (event.words, event.before, event.after) if words.words is not None
                  for w in words.words.listed()]
        assert any(w.isascii() for w in listed), name
        assert any(not w.isascii() for w in listed), name


@pytest.mark.parametrize("text, figure", [
    ("DeepSeek has about 52,000 Hopper GPUs, a consultancy reckons.", "52,000"),
    ("DeepSeek擁有約5.2萬塊GPU。", "5.2萬塊"),
    ("DeepSeek的服务器资本支出接近15亿美元。", "15亿美元"),
    ("South Korea wants 22,000 GPUs next year.", "22,000"),
])
def test_a_disagreeing_figure_of_another_event_is_not_judged(text, figure, bundled_registry):
    start = text.index(figure)
    assert not [f for f in check_text(text, bundled_registry) if f.start < start + len(figure) and start < f.end]


@pytest.mark.parametrize("text, figure, claim", [
    ("DeepSeek has 2,048 H800 GPUs.", "2,048", "C07"),
    ("DeepSeek大約有2048塊H800。", "2048塊", "C07"),
])
def test_an_agreeing_figure_of_another_event_stays_supported(text, figure, claim, bundled_registry):
    found = [(f.verdict.value, f.claim) for f in check_text(text, bundled_registry) if f.text == figure]
    assert found == [("supported", claim)]


def test_the_claims_own_event_in_the_clause_keeps_a_figure_judged(bundled_registry):
    text = "DeepSeek has 4,096 H800 GPUs and trained V3 on them."
    found = [(f.verdict.value, f.claim) for f in check_text(text, bundled_registry) if f.text == "4,096"]
    assert found == [("contradicted", "C07")]


def test_a_figure_in_brackets_takes_the_words_of_the_clause_they_open_in(bundled_registry):
    quiet = "The EU tops public investment (€12 billion), ahead of France."
    assert not [f for f in check_text(quiet, bundled_registry) if f.text == "€12 billion"]
    told = "The EU's plan (€120 billion) was unveiled in Paris."
    assert [(f.verdict.value, f.claim) for f in check_text(told, bundled_registry) if f.text == "€120 billion"] \
        == [("contradicted", "C06")]


def test_a_title_that_lists_another_spending_is_not_judged(tmp_path, bundled_registry):
    from dsfact.check import check_document
    from dsfact.document import read_document

    data = "DeepSeek in numbers\n\n60,000 Hopper GPUs, investment over $700 million\n\n" \
           "DeepSeek trained V3 on 2,048 GPUs.\n"
    doc = read_document("notes.md", data=data.encode(), format="md")
    found = [(f.text, f.verdict.value) for f in check_document(doc, bundled_registry).findings]
    assert found == [("2,048", "supported")]

"""What the matcher works out once instead of once per (figure, claim) or per figure gives what it gave when worked
out each time: a sentence's opening words looked up by their first character (pointednoun.opens_with), whether a
figure's sentence names someone before it kept for the last figure asked (namedbefore), and whether a name is an
officer of another body or listed after a comparison kept per name of a text (aside)."""
from __future__ import annotations

from pathlib import Path

from dsfact.matching import aside, namedbefore, pointednoun
from dsfact.matching.matcher import TextMatcher
from dsfact.matching.pointedexclude import _referents
from dsfact.matching.wordedges import word_starting
from dsfact.numbers import parse_quantities

ROOT = Path(__file__).resolve().parent.parent


def _plain_opens_with(folded: str, start: int, end: int, words) -> bool:  # opens_with as it read every word
    while start < end and folded[start] in pointednoun._LEAD:
        start += 1
    return word_starting(folded[start:end], words) is not None


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8").lower() for folder in ("examples", "seeds")
            for p in sorted((ROOT / folder).iterdir()) if p.suffix in (".md", ".txt")]


def test_opens_with_reads_as_every_word_did():
    lists = [_referents(), *pointednoun._words()]
    made = ["该项目 cost", "the project", "the projects", "this bid would", "  “the initiative”", "该倡议将", "this",
            "these chips", "the", "its", "it", "其V3", "新模型", "*该中心*", "- the venture"]
    for folded in made + _texts():
        starts = [0] + [i + 1 for i, c in enumerate(folded) if c in ".。\n"]
        for start in starts[:400]:
            for end in {min(start + n, len(folded)) for n in (0, 1, 3, 8, 40, len(folded))}:
                for words in lists:
                    assert pointednoun.opens_with(folded, start, end, words) == \
                        _plain_opens_with(folded, start, end, words), (folded[start:end], words[:3])


def test_named_before_is_the_figures_own_in_any_order(bundled_registry):
    for text in [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").iterdir()) if p.suffix == ".md"]:
        quantities = parse_quantities(text)
        kept, fresh = TextMatcher(text, bundled_registry), TextMatcher(text, bundled_registry)
        kept.use(quantities)
        fresh.use(quantities)
        for q in quantities + quantities[::-1]:  # (each figure asked twice running, and after others)
            si = kept.sentence_of(q.start)
            assert kept._named_before(q, si) == kept._named_before(q, si) == namedbefore._named_before(fresh, q, si)


def test_officer_and_list_kept_per_text_not_across_texts(bundled_registry):
    one = TextMatcher("Tesla CEO Elon Musk said xAI spent $1 billion, rivalling OpenAI and Meta.", bundled_registry)
    two = TextMatcher("xAI founder Elon Musk said xAI spent $1 billion. OpenAI and Meta spent more.", bundled_registry)
    for text in (one, two, one):
        for hit in text.hits:
            assert aside._officer_of_other(text, hit) == aside.officer_of_other(text, hit)
            assert aside._listed_after_comparison(text, hit) == aside._listed_after(text, hit)

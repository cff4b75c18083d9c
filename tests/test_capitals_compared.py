"""The capitalised words of a sentence (dsfact.matching.capitals) are asked whether they are only a comparison
("than Netflix", "a ChatGPT-level model") when a figure's reading reaches them, not all at once: what each
figure is told is what it was told when every word was asked first (written out here as it stood), in written
and made-up text."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from dsfact.matching import capitals
from dsfact.matching.comparison import is_comparison
from dsfact.matching.epithets import in_epithet
from dsfact.matching.matcher import TextMatcher
from dsfact.matching.others import not_names
from dsfact.numbers import parse_quantities

ROOT = Path(__file__).resolve().parent.parent


def _asked_first(text, si: int) -> list[tuple[int, int, str]]:
    """capitals._capitalised as it read a sentence, each capitalised word asked first whether it is a comparison."""
    sentence = text.sentences[si]
    hits = text.sentence_hits(si)
    words = text.text[sentence.start:sentence.end]
    covered = bytearray(len(words))
    for h in hits:
        covered[h.start - sentence.start:h.end - sentence.start] = b"\x01" * (h.end - h.start)
    first = len(words) - len(words.lstrip(" \t\r\n-*•·–\"“‘'「『(（"))
    first = capitals.past_question_mark(words, first)
    names = []
    for m in capitals._PROPER_NAME.finditer(words):
        if m.start() == first or covered[m.start()] or capitals._ANSWER_LEAD.match(words, m.end()) \
                and capitals.after_question(words, m.start()) \
                or is_comparison(text.folded, m.start() + sentence.start, m.end() + sentence.start):
            continue
        names.append((m.start() + sentence.start, m.end() + sentence.start, m.group().lower()))
    return names


def _named_before(text, q, si: int) -> bool:  # TextMatcher._named_before, over the words asked first
    first_cue, _ = capitals.sentence_names(text, si, q.unit)
    if first_cue <= q.start:
        return True
    for start, end, word in _asked_first(text, si):
        if start + 2 > q.start:
            break
        if end > q.start:
            word = text.text[start:q.start].lower()
        if word not in not_names() and not in_epithet(text, si, q.start, start) \
                and not capitals.in_aside(text, start, end, q.start):
            return True
    return False


_SUBJECTS = ["Nvidia", "DeepSeek", "Apple", "Cardano", "Broadcom", "Alibaba", "The Dow", "Microsoft", "Netflix"]
_FRAMES = ["{a} shipped 50 million GPUs, more than {b} did", "a {b}-level model from {a} cost $6 million",
           "{a}, which rivals {b}, fell 17% as {b} sank 9%", "a plan announced by {b} and {a} to invest $500 billion",
           "{a} charges $2.19, 3.6% of what {b} charges", "{a} lost $589 billion, the Nasdaq's biggest loser {b} 3%",
           "shares of {a} rose 8.9% while {b} slid 2.1%", "Q: What did {a} spend? About $6 million, {b} said"]


def _made_up(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_FRAMES).format(a=rng.choice(_SUBJECTS), b=rng.choice(_SUBJECTS)) + "."
                    for _ in range(8))


def _texts() -> list[str]:
    written = [p.read_text(encoding="utf-8") for folder in ("examples", "seeds") for p in sorted((ROOT / folder).iterdir())
               if p.suffix in (".md", ".txt")]
    return written + [_made_up(seed) for seed in range(16)]


@pytest.mark.parametrize("k", range(len(_texts())))
def test_each_figure_is_told_of_the_capitalised_words_what_it_was_told_before(bundled_registry, k):
    text = _texts()[k]
    quantities = parse_quantities(text)
    late, first = TextMatcher(text, bundled_registry), TextMatcher(text, bundled_registry)
    late.use(quantities)
    first.use(quantities)
    for q in reversed(quantities):  # (the last figure of a sentence first: it reaches the most words)
        si = late.sentence_of(q.start)
        if late.sentences[si].end <= late.sentences[si].start:
            continue
        assert late._named_before(q, si) == _named_before(first, q, si)
        asked = [n[:3] for n in capitals.sentence_names(late, si, q.unit)[1] if n[1] <= q.start
                 and not capitals.compared(late.folded, n)]
        assert [tuple(n) for n in asked] == [n for n in _asked_first(first, si) if n[1] <= q.start]
    for si in range(len(late.sentences)):  # and every word, asked at last, is what it was
        names = [n for n in capitals.sentence_names(late, si, "usd")[1] if not capitals.compared(late.folded, n)]
        assert [tuple(n[:3]) for n in names] == _asked_first(first, si)


def test_the_made_up_text_holds_comparisons_and_names(bundled_registry):
    told = set()
    for seed in range(16):
        text = TextMatcher(_made_up(seed), bundled_registry)
        for si in range(len(text.sentences)):
            told.update(capitals.compared(text.folded, n) for n in capitals.sentence_names(text, si, "usd")[1])
    assert told == {True, False}

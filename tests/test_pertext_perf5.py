"""What perf5 keeps per text or per registry (sentencewords._supposes, makermodel._makers) answers for its own
text or registry only."""
from __future__ import annotations

from dsfact.matching import sentencewords
from dsfact.matching.makermodel import _makers


def test_a_texts_suppositions_do_not_answer_for_another():
    sentencewords._condition_words()
    word = sentencewords._CONDITION[2][0]
    said = f"The lab spent $5 million, {word} the run took two weeks."
    plain = "The lab spent $5 million, and the run took two weeks."
    assert sentencewords._supposes(said)
    assert not sentencewords._supposes(plain)
    assert sentencewords._supposes(said)


def test_makers_are_the_registrys_own(bundled_registry):
    first = {c.id: _makers(bundled_registry, c) for c in bundled_registry.claims}
    assert any(first.values())
    assert first == {c.id: _makers(bundled_registry, c) for c in bundled_registry.claims}
    story = {"".join(ch for ch in n.lower() if ch.isascii() and ch.isalnum()) for n in bundled_registry.story}
    assert all(set(m) <= story for m in first.values())

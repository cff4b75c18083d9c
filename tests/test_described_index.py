"""dsfact.matching.described finds where a text's maker names and words of release stand once per text (_Index):
what one text holds must never answer for another, and a sentence's answer is that of its own words alone."""
from __future__ import annotations

from dsfact.matching import TextMatcher
from dsfact.matching.described import described_in

RELEASED = "DeepSeek released on Jan. 20 a cheap reasoning model. Shares fell."
PLAIN = "Shares fell on Jan. 20. DeepSeek said little about it."


def _said(matcher) -> list[frozenset[int]]:
    return [described_in(matcher, i) for i in range(len(matcher.sentences))]


def test_a_texts_places_do_not_answer_for_another(bundled_registry):
    released = _said(TextMatcher(RELEASED, bundled_registry))
    plain = _said(TextMatcher(PLAIN, bundled_registry))
    assert released[0] and not released[1]  # the maker and a word of release in one sentence
    assert not any(plain)  # the maker here, a word of release only in the other text
    assert _said(TextMatcher(RELEASED, bundled_registry)) == released


def test_words_apart_in_two_sentences_describe_nothing(bundled_registry):
    assert not any(_said(TextMatcher("DeepSeek was quiet. It released on Jan. 20 a model.", bundled_registry)))


def test_a_latin_texts_release_words_do_not_answer_for_a_chinese_one(bundled_registry):
    assert any(_said(TextMatcher(RELEASED, bundled_registry)))  # the registry's Latin words of release kept
    chinese = _said(TextMatcher("DeepSeek于1月20日发布了一款新模型。股价下跌。", bundled_registry))
    assert chinese[0] and not chinese[1]  # its Chinese words of release, read for a text of Chinese

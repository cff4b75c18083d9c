"""Epithets (dsfact.matching.epithets), wrapped lines and answered questions (dsfact.matching.sentences)."""
from __future__ import annotations

import pytest

from dsfact.fold import fold_text
from dsfact.matching.epithets import epithet_at
from dsfact.matching.sentences import continues, split_sentences


def _epithet(text: str) -> str | None:
    folded = fold_text(text)
    span = epithet_at(folded, 0, len(folded))
    return None if span is None else text[span[0]:span[1]]


@pytest.mark.parametrize("text, found", [
    ("The chip giant rose 9%.", "The chip giant"),
    ("Then the Silicon Valley chipmaker's shares rose 9%.", "the Silicon Valley chipmaker"),
    ("The Hangzhou start-up said it spent $6 million.", "The Hangzhou start-up"),
    ("the Chinese firm said", "the Chinese firm"),  # a generic noun after a word of what it is
    ("The bloc will allocate €200 billion.", "The bloc"),
    ("這家AI晶片巨頭週二收漲9%。", "這家AI晶片巨頭"),
    ("这家杭州初创公司表示", "这家杭州初创公司"),
    ("这家杭州公司表示", "这家杭州公司"),
])
def test_an_epithet_is_found(text, found):
    assert _epithet(text) == found


@pytest.mark.parametrize("text", [
    "The company said it spent $6 million.",  # a pronoun (names.words [pronoun]), not an epithet
    "He said that the company spent $6 million.",  # "that the company": no word of a trade
    "The same company said so.",
    "该公司表示",  # 该公司 alone is a pronoun
    "A chip giant rose 9%.",  # not definite: a company not named before
    "The tech giants lost $1 trillion.",  # a group, not one company
    "这家公司2024年的收入",  # no word of a trade before 公司, and a figure is no modifier
])
def test_no_epithet(text):
    assert _epithet(text) is None


@pytest.mark.parametrize("text, joined", [
    ("Shares of Nvidia,\nplunged by nearly\n17% on the day.", True),
    ("wiping out about\n$600 billion of its value", True),
    ("Nvidia fell.\nIt lost 17%.", False),  # a stop ends the line's sentence
    ("such as\nBroadcom, whose shares fell", False),  # a capital may open a sentence of its own
    ("The costs include\n1. $5.6 million for the final run", False),  # a numbered list
    ("训练成本：\n557.6万美元", False),  # a Chinese line that ends in a mark
    ("英伟达股价大幅下挫，\n跌幅达17%。", True),  # a Chinese comma never ends a sentence
    ("trained V3 on 2,048 GPUs\nfor $6.5 million", False),  # a break before a word: Markdown's hard break
])
def test_a_line_break_that_only_wraps_a_sentence(text, joined):
    i = text.index("\n")
    assert continues(text, i, i + 1) is joined


def test_wrapped_lines_join_only_inside_a_paragraph():
    text = "Shares of Nvidia plunged by nearly\n17% on the day."
    assert len(split_sentences(text)) == 1
    assert len(split_sentences(text, lambda pos: False)) == 2  # between blocks: a list item, a cell


@pytest.mark.parametrize("text, sentences", [
    ("What did the final run cost? A mere $5.6 million, by its account.", 1),
    ("最後一輪訓練花了多少錢？僅560萬美元。", 1),
    ("Was it cheap? Analysts doubt it. The run cost $5.6 million.", 3),
    ("What did it cost? Nobody knows.", 2),
])
def test_a_question_answered_by_its_figure_is_one_sentence(text, sentences):
    assert len(split_sentences(text)) == sentences


@pytest.mark.parametrize("text, joined", [
    ("发布时间\n2024年12月（V3版本）", True),
    ("Training cost\n$5.576 million (final run)", True),
    ("GPU Hours\n~2.788M", True),
    ("训练成本\n2024年是预算紧张的一年，分析师至今仍在争论它究竟花了多少钱，众说纷纭，莫衷一是，各执一词，难有定论。", False),
    ("训练成本\n557.6万美元", True),
    ("Key facts for 2024\n$5.576 million (final run)", False),  # a digit: no label
    ("Our costs\n1. $5.6 million for the final run", False),  # a numbered list
    ("It was cheap.\n$5.576 million, in all", False),  # a sentence, not a label
])
def test_a_label_over_its_value_is_one_sentence(text, joined):
    i = text.index("\n")
    assert continues(text, i, i + 1) is joined


def test_bare_heads_of_either_script_in_one_process():
    """bare_head tries its Chinese pattern only where a Chinese character follows the sentence's head (the pattern
    then compiles only for such a text): an English head before and after a Chinese one is found as before."""
    from dsfact.fold import fold_text
    from dsfact.matching.epithets import bare_head

    def head(text):
        folded = fold_text(text)
        return bare_head(folded, 0, len(folded))

    for _ in range(2):
        assert head("The company, founded in 2023, spent $6 million.") == (0, 11)
        assert head("该公司表示，训练成本为600万美元。") == (0, 3)
        assert head("“这家公司”花了600万美元。") == (1, 5)
        assert head("Nvidia said it spent $6 million.") is None

"""Photo captions and their credits (dsfact.matching.captions)."""
from dsfact.matching.captions import CAPTION_CHARS, _captions


def _texts(raw: str) -> list[str]:
    return [raw[a:b] for a, b in _captions(raw)]


def test_credit_on_the_line_after_marks_both():
    raw = "The logo is seen in Tokyo, January 28, 2025.\nJane Doe | Reuters\nShares fell 9% on Friday."
    assert _texts(raw) == ["The logo is seen in Tokyo, January 28, 2025.", "Jane Doe | Reuters"]


def test_credit_at_a_line_end_marks_that_line():
    raw = "Traders in New York, January 27, 2025. REUTERS/Jane Doe\n\nNvidia fell 17%."
    assert _texts(raw) == ["Traders in New York, January 27, 2025. REUTERS/Jane Doe"]
    assert _texts("图为交易员。图片来源：路透社\n英伟达下跌5%。") == ["图为交易员。图片来源：路透社"]


def test_plain_text_and_long_paragraphs_hold_no_caption():
    assert _captions("Nvidia fell 17% on Monday, January 27, 2025.\nThe Nasdaq lost 3.1%.") == ()
    long = "Nvidia fell. " * (CAPTION_CHARS // 10) + "REUTERS/Jane Doe"
    assert _captions(long) == ()


def test_an_agency_named_in_a_sentence_is_no_credit():
    assert _captions("Nvidia fell 17%, according to Reuters.\nThe Nasdaq lost 3.1%.") == ()

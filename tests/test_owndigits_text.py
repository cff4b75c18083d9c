"""dsfact.matching.owndigits keeps the registry's digit signatures per registry and, per text, only those the
text can give: one text's signatures never answer for another's sentences."""
from __future__ import annotations

from dsfact.matching import TextMatcher
from dsfact.matching.owndigits import digit_claims

GIVEN = "The $5.576 billion training cost was worked out from rental rates."
OTHER = "The $5.2 billion training cost was worked out from rental rates."


def _claims(text: str, registry) -> frozenset[int]:
    return digit_claims(TextMatcher(text, registry), 0, len(text))


def test_a_texts_signatures_do_not_answer_for_another(bundled_registry):
    given = _claims(GIVEN, bundled_registry)
    assert given  # V3's $5.576 million, to the last digit
    assert not _claims(OTHER, bundled_registry)
    assert _claims(GIVEN, bundled_registry) == given
    assert _claims("It cost 5,576,000 dollars.", bundled_registry) == given  # its digits, commas between


def test_digits_apart_in_the_text_are_no_signature(bundled_registry):
    assert not _claims("Spent 55 and 76 then 5.5, 76.", bundled_registry)

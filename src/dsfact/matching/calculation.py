"""A calculation written out ("200,000 GPUs x $25,000 = $5B", "2048块GPU × 57天 = 280万GPU小时"): its figures are
the writer's own inputs and result, an estimate's assumptions rather than a report of a claim. A figure in a
sentence that holds an equals sign and a sign of an operation between two figures may agree with a claim but
never contradicts it. The signs are language data (roles.words [calculation])."""
from __future__ import annotations

import re

from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

_SIGNS: list = []  # [(the pattern of an operation between figures, the pattern of an equals sign)], read once


def _signs() -> tuple[re.Pattern, re.Pattern]:
    if not _SIGNS:
        from dsfact.lang import load_words

        table = load_words("roles").get("calculation", {})
        # a Latin sign ("x") stands between spaces; a symbol may stand without them
        ops = "|".join(rf"\s{re.escape(w)}\s" if w.isalpha() else rf"\s?{re.escape(w)}\s?"
                       for w in table.get("before", ())) or "(?!)"
        equals = "|".join(map(re.escape, table.get("clause", ()))) or "(?!)"
        # the operation's pattern is compiled when first searched: only a sentence with an equals sign asks it
        _SIGNS.append((lazy(rf"[0-9a-z%)）](?:{ops})(?:[$£¥(]|(?=[€（]).)?[0-9]"), re.compile(equals)))
    return _SIGNS[0]


def calculated(text, q: Quantity) -> bool:
    """Whether figure q stands in a calculation written out: its sentence (a line of its own, as a rule) holds
    an equals sign and a sign of an operation between two figures (`text`: a TextMatcher)."""
    sentence = text.sentences[text.sentence_of(q.start)]
    operation, equals = _signs()
    folded, start, end = text.folded, sentence.start, sentence.end
    return equals.search(folded, start, end) is not None and operation.search(folded, start, end) is not None

"""A bare number right after the name of the things a claim counts: a stray digit, not a count of them.
English puts a count before its noun ("2,048 H800s"); a number that follows the chip's code or the claim's
noun with nothing between but a space, and is followed by a word that opens another phrase (counts.words
`after-name`), names no count of them: "moved the full V3 training run onto its H800 10 to the company" keeps a
footnote's digit a page's scraping left. Chinese writes a count after its noun only with a measure word
("H800芯片2048块"): "在H800 10上训练" or "用H800 GPU 10训练", with none, counts nothing either. Such a figure
never contradicts a claim of the count; the words live in dsfact/lang/counts.words."""
from __future__ import annotations

from dsfact.matching.aside import CHIP_CODE_WORD
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

_BEFORE = lazy(r"([a-z0-9][a-z0-9'’-]*|[\u3400-\u9fff]+)( ?)$")  # the word right before the number, folded
_LATIN_AFTER = lazy(r" ([a-z]+)(?![a-z0-9'’-])")  # the word right after it
_REACH = 24  # characters read before the number for the name
_AFTER_MEASURE = frozenset("多余来几")  # "2000多块": a measure word may follow these


def trails_name(text: str, q: Quantity, allowed: frozenset[str], measure: frozenset[str]) -> bool:
    """Whether count q stands right after the name of a claim's things (its chip's code, or a word of `allowed`,
    the folded words that name them) and before no noun: a stray digit, not a count (module docstring)."""
    from dsfact.fold import fold_text
    from dsfact.lang import word_set
    from dsfact.matching.cues import is_cjk

    if not q.text[:1].isdigit() or not q.text[-1:].isdigit():
        return False
    before = _BEFORE.search(fold_text(text[max(0, q.start - _REACH):q.start]))
    if before is None:
        return False
    name = before.group(1)
    named = CHIP_CODE_WORD.fullmatch(name) is not None or name in allowed or name.rstrip("s") in allowed
    if not named and any(is_cjk(c) for c in name):
        named = any(name.endswith(w) for w in allowed if w and not w.isascii())
    if not named:
        return False
    after = fold_text(text[q.end:q.end + 12])
    if not before.group(2) and not (name[-1:].isascii() and name[-1:].isalpha()):
        return False  # "芯片2048": the name and the number glued, read as the count's own row
    word = _LATIN_AFTER.match(after)
    if word is not None:
        return before.group(2) == " " and word.group(1) in word_set("counts", "counts", "after-name")
    bare = after.lstrip(" ")
    return bool(bare) and is_cjk(bare[0]) and bare[0] not in measure and bare[0] not in _AFTER_MEASURE

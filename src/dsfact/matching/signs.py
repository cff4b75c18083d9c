"""The currency of a figure written with a sign that more than one currency writes: ¥ is the yen and the yuan.

The figure reader reads ¥ as its sign's currency (numbers.words [currency-signs]: the yen); numbers.words
[shared-signs] lists the other currencies the sign is written for. Which one a text means, it says:

- a text that names one of them and not the other means that one: "prices in yuan", "CNY Pricing", 人民币,
  "yen", 日元, 円 (the currency words of numbers.words), or Japanese writing (kana), which is the yen's;
- a Chinese text that names neither means the yuan: ¥ is how the mainland writes its own currency;
- an English text that names neither leaves it to the claim the figure states: a Chinese company's price
  list recorded in yuan ("¥2 per million input tokens" of DeepSeek's API) is read in yuan, a claim recorded
  in yen in yen (`claimed_currency`);
- a text that names both leaves it to the claim too, but such a figure is only guessed: it may agree with the
  claim, never contradict it (the spans `shared_signs` returns as guessed).
"""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

_LATIN_WORD = lazy(r"[A-Za-z]{2,}")
_KANA = lazy(r"[\u3041-\u3096\u30a1-\u30fa]")  # hiragana and katakana: Japanese writing


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[re.Pattern | None, re.Pattern | None]]]:
    """(sign -> its currencies, currency -> the patterns of the words that name it in a text: its Latin words,
    asked of the text as written, and its Chinese ones, asked of the folded text)."""
    from dsfact.numbers.words import load

    words = load()
    shared = words.shared_signs
    named: dict[str, list[str]] = {}
    for table in (words.iso_codes, words.zh_currency, words.en_currency):
        for word, cur in table.items():
            named.setdefault(cur, []).append(word)
    out = {}
    for cur in {c for currencies in shared.values() for c in currencies}:
        latin = sorted((w for w in named.get(cur, ()) if w.isascii()), key=len, reverse=True)
        cjk = sorted((w for w in named.get(cur, ()) if not w.isascii()), key=len, reverse=True)
        # Latin words as written: a code in capitals, a word in lower case ("Yuan" is also a name)
        # compiled when first searched: only a text with a figure in a shared sign asks them
        out[cur] = (lazy(r"(?<![A-Za-z])(?:%s)(?![A-Za-z])" % "|".join(map(re.escape, latin))) if latin else None,
                    lazy("|".join(map(re.escape, cjk))) if cjk else None)
    return shared, out


def _sign_of(q: Quantity, shared: dict[str, tuple[str, ...]]) -> str | None:
    """The shared sign figure q is written with, when the figure reader read it as the sign's own currency
    (a prefix or a currency word, RMB¥ or "¥5 yuan", already decided it otherwise)."""
    for sign, currencies in shared.items():
        k = q.text.find(sign)
        if k >= 0 and q.unit == currencies[0] and not q.text[max(0, k - 1):k].isalpha():
            return sign
    return None


def shared_signs(text: str, folded: str, quantities: list[Quantity]
                 ) -> tuple[list[Quantity], frozenset[tuple[int, int]], frozenset[tuple[int, int]]]:
    """The figures with a shared sign read in the currency their text names (see the module), the spans of those
    whose text names none (`claimed_currency` reads them by their claim), and of those whose text names more
    than one (read by their claim too, but never to contradict it)."""
    shared, named = _tables()
    signed = [(i, s) for i, q in enumerate(quantities) if (s := _sign_of(q, shared)) is not None]
    if not signed:
        return quantities, frozenset(), frozenset()
    said = {cur for cur, (latin, cjk) in named.items()
            if latin is not None and latin.search(text) or cjk is not None and cjk.search(folded)}
    if _KANA.search(text):
        said.add("JPY")
    out, unsaid, both = list(quantities), set(), set()
    for i, sign in signed:
        q = quantities[i]
        told = [c for c in shared[sign] if c in said]
        if len(told) == 1:
            out[i] = q._replace(unit=told[0])
        elif told:
            unsaid.add((q.start, q.end))
            both.add((q.start, q.end))
        elif _chinese(text) and "CNY" in shared[sign]:
            out[i] = q._replace(unit="CNY")
        else:
            unsaid.add((q.start, q.end))
    return out, frozenset(unsaid), frozenset(both)


def _chinese(text: str) -> bool:
    """Whether a text is written in Chinese: more Chinese characters than Latin words (an English text may
    quote a Chinese name)."""
    from dsfact.matching.cues import is_cjk

    return sum(map(is_cjk, text)) > len(_LATIN_WORD.findall(text))


def claimed_currency(q: Quantity, matcher, quantities: list[Quantity]) -> Quantity:
    """Figure q, written with a shared sign its text does not tell, read in the one currency of its sign that
    the claim it states records (its unit or a statement's); q as it is when none does, or more than one."""
    shared, _ = _tables()
    sign = next((s for s in shared if s in q.text), None)
    if sign is None:
        return q
    fits = []
    for cur in shared[sign]:
        reading = q._replace(unit=cur)
        found = matcher.candidates(reading, quantities)
        if found and cur in matcher.index.units[matcher.index.position[found[0].claim.id]]:
            fits.append(reading)
    return fits[0] if len(fits) == 1 else q

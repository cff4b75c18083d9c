"""The base of a Chinese multiple named right after 倍 by a Latin name: "GB200性能≈5倍H100 GPU", "算力约为10倍A100".
A noun of Chinese characters after 倍 is most often the quantity multiplied ("10倍算力": ten times the compute,
base unsaid), but a Latin model or chip name there is the thing the multiple compares with: dsfact.matching.family
reads it as the multiple's base (other_base), as it reads "是H100的5倍" or "5 times an H100"."""
from __future__ import annotations

from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

_NAME = lazy(r"\s?([a-z][a-z0-9\-\.]*\d[a-z0-9\-\.]*|[a-z]+-?\d+[a-z0-9\-\.]*)(?![a-z0-9])")


def name_after_times(folded: str, q: Quantity, start: int, end: int) -> tuple[int, int] | None:
    """The span of a Latin name (letters with a digit: "h100", "gb200", "a100") right after Chinese multiple q
    ("5倍h100") within the clause folded[start:end], or None."""
    if q.unit != "factor" or not folded[q.end - 1:q.end] == "倍":
        return None
    m = _NAME.match(folded, q.end, end)
    return (m.start(1), m.end(1)) if m is not None else None

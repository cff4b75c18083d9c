"""Another product's launch: "V3 was released in December; the company launched its app on January 10",
"DeepSeek-V3 powers the assistant app it launched on January 10", "公司在1月10日上线了手机应用". A date whose
clause names a product that is no model (names.words [product]: an app) where the model would stand -- the
clause names no registered name, or the product stands between the last name before the date and the date --
is the product's date, not a model's release or a company's founding. "The App Store", 应用商店 and "应用于"
(applied to) name no product (names.words [product]: store, bare, bare-not-before)."""
from __future__ import annotations

from dsfact.matching.cues import has_cjk
from dsfact.matching.wordtables import Pattern

_PRODUCT: list = []  # the pattern of names.words [product], built when first asked


def _pattern() -> Pattern:
    if not _PRODUCT:
        from dsfact.lang import words_of

        groups = [words_of("names", "product", key) for key in ("words", "bare", "bare-not-before", "store")]
        _PRODUCT.append(Pattern("(?:{0}|(?:{1})(?!{2}))(?!\\s*(?:{3}))", *groups, plain="(?:{0})(?!\\s*(?:{3}))"))
    return _PRODUCT[0]


def other_launch(text, q) -> bool:
    """Whether date q (`text`: a TextMatcher) is the launch of a product its clause names (module doc)."""
    lo, hi = text.reader().clause_span(q.start)
    folded = text.folded
    products = [m.start() for m in _pattern().get(has_cjk(folded[lo:hi])).finditer(folded, lo, hi)]
    if not products:
        return False
    names = [h for h in text.hits_in(lo, hi) if text.index.names(h.cue)]
    if not names:
        return True
    last = max((h.end for h in names if h.end <= q.start), default=lo)
    return any(last <= at < q.start for at in products)

"""Another product's launch: "V3 was released in December; the company launched its app on January 10",
"DeepSeek-V3 powers the assistant app it launched on January 10", "公司在1月10日上线了手机应用". A date whose
clause names a product that is no model (names.words [product]: an app) where the model would stand -- the
clause names no registered name, or the product stands between the last name before the date and the date --
is the product's date, not a model's release or a company's founding; a product after the date in a clause of its
own ("R1 was released on January 20 and has become the top free app") is not. "The App Store", 应用商店 and "应用于"
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
    products = [m.start() for m in _pattern().get(has_cjk(folded[lo:hi])).finditer(folded, lo, hi)
                if m.start() < q.start or not _joined(folded, q.end, m.start())]
    if not products:
        return False
    names = [h for h in text.hits_in(lo, hi) if text.index.names(h.cue)]
    if not names:
        return True
    last = max((h.end for h in names if h.end <= q.start), default=lo)
    return any(last <= at < q.start for at in products)


def _joined(folded: str, start: int, end: int) -> bool:
    """Whether a word that opens a clause of its own (names.words [new-clause]: "and", "but", 而) stands between a
    date and the product after it: "R1 was released on January 20 and has become the top free app" tells the
    model's release and then the app's rank; the app is no object of the release."""
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import any_word_in

    return any_word_in(folded, words_of("names", "new-clause"), start, end)


STORE_REACH = 12  # characters after a name within which a store word makes it a shop's name ("Apple's App Store")


def names_store(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] names a shop where apps are sold, not a body that holds a figure: a
    store word (names.words [product] `store`) follows it within STORE_REACH characters, after its possessive or
    an app word ("the top free app on the Apple Store", "on Apple's App Store", 登上苹果应用商店榜首). A figure
    beside it is not the shop's."""
    from dsfact.lang import words_of
    from dsfact.matching.wordedges import any_word_in

    after = folded[end:end + STORE_REACH]
    cut = min((k for k in (after.find(","), after.find("，"), after.find(".")) if k >= 0), default=len(after))
    return any_word_in(after[:cut], words_of("names", "product", "store"))

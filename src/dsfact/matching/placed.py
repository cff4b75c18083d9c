"""One site named by where it stands: "the data center Meta plans to build in Texas will cost $40 billion",
"Meta计划在得克萨斯州建设的数据中心预计总投资额将高达400亿美元" give one site's cost, not the company's capital
expenditure for the year, whose figure may then agree but never contradict (events.words [one-site], read by
dsfact.matching.events). A site noun (names.words [site-place]) with, in the figure's clause before the figure, a
place: in Chinese a word that opens one (在, 位于) then a name ending in 州, 省, 市 before the noun; in English "in" and
a capitalised name, not a month, after it. A place of several ("in several states", 多个州) names no one site."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.lang import load_words, words_by_script
from dsfact.matching.wordtables import Alternation
from dsfact.numbers.patterns import lazy

PLACE_REACH = 16  # characters a Chinese place may span between 在 and the word that ends it (州)
NAME_REACH = 48  # characters between an English site noun and its "in <Place>"


@lru_cache(maxsize=None)
def _words() -> tuple:
    """(site nouns, a pattern of a Chinese place before a site, the words of a place of several, the month
    names), read once."""
    tables = load_words("names")
    table = tables.get("site-place", {})
    opens = "|".join(map(re.escape, table.get("before", ())))
    ends = "".join(map(re.escape, table.get("after", ())))
    place = lazy(rf"(?:{opens})[^，。,；;]{{1,{PLACE_REACH}}}?[{ends}]") if opens and ends else None
    months = frozenset(w.lower() for names in load_words("numbers").get("months", {}).values() for w in names)
    return (Alternation(table.get("words", ())), place,
            Alternation(tables.get("site-place-not", {}).get("words", ())), months)


def placed_site(text, start: int, q) -> bool:
    """Whether the clause of figure q (starting at `start`; `text`: a TextMatcher) names one site by its place
    before q."""
    sites, place, several, _ = _words()
    folded = text.folded
    latin, chinese = words_by_script("names", "site-place")
    if not any(w in folded[start:q.start] for w in latin + chinese):
        return False
    for m in sites.get(True).finditer(folded, start, q.start):
        if m.group() in chinese and place is not None:
            found = [p for p in place.finditer(folded, start, m.start()) if not _parted(folded, p.end(), m.start())]
            if found and several.get(True).search(folded, found[-1].start(), m.start()) is None:
                return True
        elif m.group() in latin and _named_place(text, m.end(), q.start):
            return True
    return False


def _named_place(text, at: int, end: int) -> bool:
    """Whether "in" and a capitalised name (not a month) follow an English site noun ending at `at`, before `end`
    and in its clause: "the data center Meta plans to build in Texas"."""
    _, _, several, months = _words()
    raw = text.text
    for m in re.finditer(r"\bin ([A-Z][A-Za-z.]+)", raw[at:min(end, at + NAME_REACH)]):
        between = text.folded[at:at + m.start()]
        if m.group(1).lower().rstrip(".") in months or any(c in between for c in ",;()"):
            continue
        if several.get(False).search(text.folded, at, at + m.end()) is None:
            return True
    return False


def _parted(folded: str, a: int, b: int) -> bool:
    """Whether a clause mark stands between a place and its site noun."""
    return any(c in folded[a:b] for c in ",，;；。")

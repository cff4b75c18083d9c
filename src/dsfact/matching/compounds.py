"""Words inside a compound: a role's word found where a reader sees another word ("multi-stage", "two-phase",
多阶段, 分阶段: made in several stages, not one stage of it). The prefixes are language data
(dsfact/lang/roles.words [compound])."""
from __future__ import annotations

from dsfact.matching.wordtables import word_places, word_starting

_PREFIXES: tuple[frozenset[str], tuple[str, ...]] | None = None


def _prefixes() -> tuple[frozenset[str], tuple[str, ...]]:
    global _PREFIXES
    if _PREFIXES is None:
        from dsfact.lang import load_words

        words = load_words("roles").get("compound", {}).get("before", ())
        _PREFIXES = (frozenset(w for w in words if w.isascii()), tuple(w for w in words if not w.isascii()))
    return _PREFIXES


def in_compound(folded: str, start: int) -> bool:
    """Whether the word found at `start` of folded text is the second half of a compound: a Latin word after
    a prefix of [compound] (or a number) and a hyphen ("multi-stage", "3-stage"), a Chinese one right after
    a Chinese prefix that does not follow 第 (多阶段, 两阶段; not 第三阶段)."""
    if start < 2:
        return start == 1 and folded[0] in _prefixes()[1]
    latin, chinese = _prefixes()
    c = folded[start]
    if c.isascii():
        if folded[start - 1] != "-":
            return False
        k = start - 1
        while k > 0 and folded[k - 1].isascii() and folded[k - 1].isalnum():
            k -= 1
        head = folded[k:start - 1]
        return bool(head) and (head in latin or head.isdigit())
    return any(folded.startswith(p, start - len(p)) and folded[start - len(p) - 1:start - len(p)] != "第"
               for p in chinese if len(p) <= start)


_ATTRIBUTIVE: tuple[str, ...] | None = None


def in_attribute(folded: str, start: int, end: int) -> bool:
    """Whether the word folded[start:end] is part of a fixed attribute that holds it (roles.words [attributive]):
    "the most valuable publicly traded company" names a kind of company, and its "traded" is no quote of the
    moment; "shares traded 12% lower" stays one."""
    global _ATTRIBUTIVE
    if _ATTRIBUTIVE is None:
        from dsfact.lang import words_of

        _ATTRIBUTIVE = tuple(words_of("roles", "attributive"))
    word = folded[start:end]
    for phrase in _ATTRIBUTIVE:
        at = phrase.find(word)
        while at >= 0:
            lo = start - at
            if lo >= 0 and folded.startswith(phrase, lo) and _whole(folded, lo, lo + len(phrase)):
                return True
            at = phrase.find(word, at + 1)
    return False


def _whole(folded: str, lo: int, hi: int) -> bool:
    """Whether folded[lo:hi] stands whole: a Latin end not glued to a letter or digit (a Chinese phrase, 市值最高的,
    has no word ends to keep: the characters around it belong to other words, 全球市值最高的上市公司)."""
    return (lo == 0 or not folded[lo].isascii() or not folded[lo - 1].isalnum()) \
        and (hi >= len(folded) or not folded[hi - 1].isascii() or not folded[hi].isalnum())


_WHOLE: tuple[tuple[str, ...], tuple[str, ...]] | None = None


def holds_whole(before: str, after: str) -> bool:
    """Whether a figure is all that a thing named after it holds, not a part of something (roles.words
    [whole-content]): a word of containing right before it (`before`, the words before the figure in its
    clause) and the holder after it, joined by 的 ("一个包含2048块H800 GPU的集群": the cluster's whole count)."""
    global _WHOLE
    if _WHOLE is None:
        from dsfact.lang import load_words

        table = load_words("roles").get("whole-content", {})
        _WHOLE = (tuple(table.get("before", ())), tuple(table.get("after", ())))
    containing, holders = _WHOLE
    return before.rstrip().endswith(containing) and any(after.find(w) >= 0 for w in holders)


_TRAINED: dict = {}  # roles.words [trained-count] and [trained-stage] words, compiled once each
# what a training run used, and the words by which a clause makes a part of it all its run or a stage used: the chips
# of a run told by any word of training, the GPU hours of a stage named as one (预训练阶段耗费266.4万GPU小时), and the
# months it lasted ("在预训练阶段只用了不到2个月", "the pre-training phase took under two months": a stage a claim is of)
_RUN_UNITS = {"count": "trained-count", "gpu_hour": "trained-stage", "month": "trained-stage"}
_KEYED = {"built-stage-plan": ("built-stage", "clause")}  # a look-up of another key than `words` of a table


def run_stage(folded: str, start: int, end: int, unit: str) -> bool:
    """Whether the clause folded[start:end] of a figure in `unit` tells it as all a training run, or a named stage
    of one, used (_RUN_UNITS): then a word of a stage or phase beside it makes it no part of a total."""
    table = _RUN_UNITS.get(unit)
    return table is not None and _names_any(folded, start, end, table)


def _names_any(folded: str, start: int, end: int, table: str) -> bool:
    """Whether folded[start:end] holds a word of roles.words [table] ([trained-count]: any word of training, which
    makes a count all its run used at once; [trained-stage]: a stage of training a claim may be of, 预训练)."""
    found = _TRAINED.get(table)
    if found is None:
        import re

        from dsfact.lang import words_of

        words = sorted(words_of("roles", *_KEYED.get(table, (table,))), key=len, reverse=True)
        found = _TRAINED[table] = re.compile("|".join(r"(?<![a-z])%s(?![a-z])" % re.escape(w) if w.isascii()
                                                      else re.escape(w) for w in words) or "(?!)")
    return found.search(folded, start, end) is not None


_COMPANY_NOUNS: dict[str, tuple[tuple[str, int], ...]] = {}  # a cue's words -> company nouns holding them, at
_TRADES: list[tuple[str, ...]] = []  # nouns.words [epithet] words: the nouns that name a company by its trade


def in_company_noun(folded: str, start: int, end: int) -> bool:
    """Whether the cue word at folded[start:end] is part of a noun naming a company by its trade (nouns.words
    [epithet] words: 芯片 in 芯片制造商, "chip" in "chip maker"): the noun names a company, not its chips."""
    word = folded[start:end]
    holders = _COMPANY_NOUNS.get(word)
    if holders is None:
        if not _TRADES:
            from dsfact.lang import words_of

            _TRADES.append(tuple(" ".join(w.split()) for w in words_of("nouns", "epithet")))
        holders = _COMPANY_NOUNS[word] = tuple((noun, at) for noun in _TRADES[0] if noun != word
                                               for at in word_places(noun, word))
    return any(start >= at and word_starting(folded, (noun,), start - at) for noun, at in holders)




def built_stage(folded: str, before: str, start: int, end: int, unit: str) -> bool:
    """Whether a count whose clause is folded[start:end], with `before` the words before it in that clause, is the
    first stage of a build told done (roles.words [built-stage]): a first-stage word right before it and a word
    of installing in its clause, and no word of a plan still to come there ("deploy the first 100,000 GPUs":
    all the cluster held then, not a tranche of a sum)."""
    if unit != "count":
        return False
    from dsfact.lang import words_of

    firsts = words_of("roles", "built-stage", "before")
    if not before.rstrip().endswith(firsts) or not _names_any(folded, start, end, "built-stage"):
        return False
    return not _names_any(folded, start, end, "built-stage-plan")

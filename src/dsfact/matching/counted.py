"""The noun a count counts: "300,000 households" beside a cluster's GPUs is a count of households.
Asked only for a claim that counts things made (GPUs, chips: the [gpu] family of lang/synonyms.words).

The words right after a count (in Chinese, after its measure word) are read up to a mark or a word that
names nothing; when they name something and none of it is the claim's (its cue words, their synonym
family, a model name with a digit in it, or a word of `also`), the count is of another thing; so is a
count of a chip named by another code than the claim's ("200,000 H200 GPUs" beside a claim of H100s), or by
two joined codes, one not the claim's ("200,000 H100/H200 chips": a mix). A count hyphened to a compound counts
the compound's thing ("a 2,048-GPU cluster", "a one-million-square-foot site"). The words live in
dsfact/lang/counts.words."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.aside import CHIP_CODE_WORD as _CODE
from dsfact.matching.trailingcount import trails_name
from dsfact.matching.wordtables import word_places
from dsfact.model import Claim, Quantity
from dsfact.numbers.patterns import lazy

_WORDS: dict | None = None  # the words and the two patterns, made on first use (not at start-up)
_CLAIMS: dict[tuple, frozenset[str] | None] = {}  # a claim's cue words -> what names its thing (None: no thing made)


def _words() -> dict:
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import load_words

        table = load_words("counts")["counts"]
        _WORDS = {
            "latin": re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*|[^\w\s]"),
            "function": frozenset(table.get("function", ())),
            "measure": frozenset(table.get("measure", ())),
            "cjk-function": tuple(sorted(table.get("cjk-function", ()), key=len, reverse=True)),
            "cjk-kind": tuple(table.get("cjk-kind", ())),
            "also": frozenset(table.get("also", ())),
            "hyphen-open": frozenset(table.get("hyphen-open", ())),
            "hyphened": re.compile(r"-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)"),
            "container": tuple(table.get("container", ())),
            "collective": tuple(table.get("collective", ())),
            "piece": frozenset(table.get("piece", ())),
            "modifier-end": tuple(table.get("modifier-end", ())),
            "time": tuple(table.get("time", ())),
            "per-time": re.compile(r"\s?[^\s,，。;；:：、/]{0,12}/\s*(?:%s)(?![a-z])" % "|".join(
                map(re.escape, sorted(table.get("per-time", ()), key=len, reverse=True))), re.I),
        }
    return _WORDS


def _thing_words(claim: Claim, words: dict) -> frozenset[str] | None:
    """The folded words that name what claim counts (its cue words, their synonym families, `also`), or
    None when it counts no thing made (no metric cue of the [gpu] family); worked out once per claim."""
    key = (claim.metric_cues, claim.subject_cues)
    if key in _CLAIMS:
        return _CLAIMS[key]
    from dsfact.fold import fold_text
    from dsfact.matching.cues import _cue_key, _product_words, _synonym_families

    found = None
    if any(_cue_key(cue)[0] in _product_words() for cue in claim.metric_cues):
        families = _synonym_families()
        out = set(words["also"])
        for cue in (*claim.metric_cues, *claim.subject_cues):
            out.add(fold_text(cue))
            out.update(fold_text(w) for w in families.get(_cue_key(cue)[0], ()))
        found = frozenset(out)
    _CLAIMS[key] = found
    return found


def counted_in_place(matcher, q: Quantity, claim: Claim) -> bool:
    """counts_another_thing, read within figure q's table cell when it stands in one: the words of the next cell
    or row ("| DeepSeek (V3 training) | 4,000 |" over "| Meta (end of 2025) | ... |") are no noun of the count."""
    from dsfact.matching.tables import cell_spans

    text = matcher.text
    if cell_spans(matcher, q) is None:
        return counts_another_thing(text, q, claim)
    ends = [k for k in (text.find("\n", q.end), text.find("|", q.end)) if k >= 0]
    return counts_another_thing(text[:min(ends)] if ends else text, q, claim)


def counts_another_thing(text: str, q: Quantity, claim: Claim) -> bool:
    """Whether the count q, by the words right after it, counts something other than claim's thing.
    Only a claim that counts things made and counted (a cue of the [gpu] family of synonyms.words) is
    asked: a claim of a count of people ("employs 3,000 people") is often cued by its verb alone."""
    from dsfact.fold import fold_text
    from dsfact.matching.cues import has_cjk, is_cjk

    words = _words()
    allowed = _thing_words(claim, words)
    if allowed is None:
        return False
    if trails_name(text, q, allowed, words["measure"]):
        return True  # "onto its H800 10 to the company": a stray digit after the name, no count of it
    after = fold_text(text[q.end:q.end + 40])
    cut = re.match(r"[A-Za-z-]+", text[q.end + 40:q.end + 60])
    if cut and after[-1:].isalpha():
        after += cut.group().lower()  # a word the window cut is read whole: "graphics processing units"
    if words["per-time"].match(after):
        return True  # "2美金/小时", "$2/GPU/hour" garbled: a rate per unit of time, no count of the things
    # "2048块": a measure word of pieces (chips, cards), not of wholes, after the count or as its last character
    last = fold_text(q.text[-1:])  # the measure word a count ends in, folded: 顆 and 塊 are 颗 and 块
    piece = after[:1] in words["piece"] or last in words["piece"]
    if after[:1] in words["measure"]:
        after = after[1:]
    elif last not in words["measure"] and after[:1] and is_cjk(after[0]):
        return False  # a Chinese count with no measure word: the characters after it are not its noun
    if _mixed_codes(after, allowed):
        return True  # "200,000 Nvidia H100/H200 chips", "20万块H100和H200": a count of a mix of chips
    run = _run(after)
    if has_cjk(run):
        # Chinese after it, maybe with a Latin name: Nvidia显卡; after a measure word of pieces, the noun the
        # pieces are is the head after a modifier and 的 (2048块英伟达的H800芯片)
        return _cjk_other(run, words, allowed, piece, isinstance(q.value, (int, float)) and q.value >= _MANY) \
            and not (piece and _head_after_modifier(after, words, allowed))
    return _latin_other(after, words, allowed)


def _hyphened_other(after: str, words: dict, allowed: frozenset[str]) -> bool | None:
    """What a count hyphened to the compound right after it counts ("a 2,048-GPU cluster", "a 1-million-square-foot
    site"): the compound's own thing, not the noun it qualifies. True when that is another thing than the claim's,
    False when it is the claim's (a word of it, or a chip by its code); None when no compound follows, or one that
    names nothing (counts.words `hyphen-open`: "a 100,000-strong cluster of GPUs"), read as with no hyphen."""
    m = words["hyphened"].match(after)
    if m is None:
        return None
    compound = m.group(1)
    parts = compound.split("-")
    if parts[0] in words["hyphen-open"] or compound in words["hyphen-open"]:
        return None
    code = _other_code(compound.replace("-", " "), allowed)
    if code is not None:
        return code  # "a 200,000-H200 cluster" beside a claim of H100s; "a 2,048-H800 cluster"
    if any(ch.isdigit() for ch in compound):
        return False  # a chip's code, where the claim names none: read as the claim's, as with no hyphen
    return not (compound in allowed or any(p in allowed or p.rstrip("s") in allowed for p in parts))


_MANY = 100  # a count of so many things made before the claim's chip code and 集群 counts the chips, not clusters
_MODIFIER_REACH = 24  # characters of a modifier a measure word of pieces may stand before its 的 and noun


def _head_after_modifier(after: str, words: dict, allowed: frozenset[str]) -> bool:
    """Whether the noun after the first word that ends a modifier (counts.words `modifier-end`: 的) in the words
    after a measure word of pieces names the claim's thing (a word of it, or a chip by the claim's code):
    "2048块英伟达的H800芯片", "2000块英伟达相对落后的H800晶片", "2048块英伟达(辉达)用于内地市场的低配版H800 GPU". A
    piece (块, 张, 颗) is no measure of a maker or a market: the words before 的 say whose or what kind the pieces
    are, and the noun after it is what they are. Within the noun phrase only: no mark of a clause before it."""
    ends = [(k, w) for w in words["modifier-end"] if (k := after.find(w, 0, _MODIFIER_REACH)) >= 0]
    if not ends:
        return False
    at, word = min(ends)
    if any(c in _CLAUSE_MARKS for c in after[:at]):
        return False
    head = _run(after[at + len(word):])[:12]
    if not head:
        return False
    code = _other_code(head, allowed)
    if code is not None:
        return not code
    return any(w in head for w in allowed if w and w not in words["measure"])


_CLAUSE_MARKS = frozenset(",，。;；:：、!！?？\n")


# the words after a count up to a slash and a unit of time: what the count is, per hour or day
_RUN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -")


def _run(after: str) -> str:
    """The Chinese characters (U+3400 to U+9FFF), Latin letters, digits, spaces and hyphens `after` opens
    with: a Chinese noun may hold a Latin name (英伟达H100芯片). Compared in Python: a regex class of the
    Chinese range costs milliseconds to compile."""
    for i, c in enumerate(after):
        if c not in _RUN and not "\u3400" <= c <= "\u9fff":
            return after[:i]
    return after


_LATIN_HEAD = lazy(r" ?(?:[a-z0-9][a-z0-9 -]*)?")  # the Latin words that open a Chinese run ("gpu" of "gpu时间")


_JOIN = lazy(r"\s*(?:/|&|and|or|和|与|及|或|、)\s*")  # what joins two chips' codes named together (all the gap)
_MIX_REACH = 12  # characters after a count (its measure word, a maker's name) where the first code may begin


def _mixed_codes(after: str, allowed: frozenset[str]) -> bool:
    """Whether the words after a count name, joined, chips by two or more codes, one the claim's and one not
    ("200,000 Nvidia H100/H200 chips", "H100s and H200s", "20万块H100和H200"): the count is of the mix, not of the
    claim's chip alone, and never contradicts a claim of one of them. Only when the claim names its chip by
    a code."""
    own = _codes_of(allowed)
    if not own:
        return False
    from dsfact.matching.mixedchips import code_runs

    runs = code_runs(after, 0, _MIX_REACH + 40, _JOIN)
    chain = runs[0][2] if runs and runs[0][0] <= _MIX_REACH else set()
    return len(chain) > 1 and bool(own & chain) and bool(chain - own)


def _other_code(noun: str, allowed: frozenset[str]) -> bool | None:
    """Whether the noun of a count names a chip by a code (H200, A100, GB200) that none of the claim's codes
    is, when the claim names its chip by one ("20万台H200" beside a claim of H100 GPUs): True; False when
    it names one of the claim's codes; None when either names no code."""
    codes = {m.group(1) for m in _CODE.finditer(noun)}
    if not codes:
        return None
    own = _codes_of(allowed)
    if not own:
        return None
    return not codes & own


@lru_cache(maxsize=64)
def _codes_of(allowed: frozenset[str]) -> frozenset[str]:
    """The chip codes (H100, GB200) that the words naming a claim's thing hold, found once per set of words: a
    count's every test asked them again of each of the words (some fifty), the same for every count of the claim.
    Kept by the words themselves (a set equal in value holds the same codes); a registry's claims have a few such
    sets, so 64 are kept (a process that loads many registries)."""
    return frozenset(m.group(1) for w in allowed for m in _CODE.finditer(w))


def _cjk_other(run: str, words: dict, allowed: frozenset[str], piece: bool = False, many: bool = False) -> bool:
    """Whether the Chinese noun at the head of `run` (the words right after a count) is no word of `allowed`;
    `piece`: the count's measure word is one of pieces (块, 张), not of wholes; `many`: the count is a hundred or more."""
    run = run[:12]
    bare = run[len(_LATIN_HEAD.match(run).group()):]
    if bare.startswith(tuple(w for w in words["time"] if not w.isascii())):
        return True  # "约5000 GPU时间", "5000卡时": time on the chips, not the chips
    if run.startswith(words["cjk-function"]):
        return False
    inside = {at + i for w in words["cjk-kind"] for at in word_places(run, w) for i in range(1, len(w))}
    for k in range(1, len(run)):  # the noun ends where a word that names nothing begins (not inside 专用)
        if k not in inside and run[k:].startswith(words["cjk-function"]):
            run = run[:k]
            break
    code = _other_code(run, allowed)
    if (piece and not code or many and code is False and _CODE.match(run)) and _forms_whole(run, words, allowed):
        # "2048块H800 GPU集群": a cluster of 2048 GPUs, the GPUs counted; so "2048个H800 GPU集群", whose 个 counts
        # anything, when the claim's own chip code opens the noun and the count is `many` (a hundred or more: no
        # one counts clusters so), while "2个H800集群" may be two clusters
        return False
    if code or any(w in run for w in words["container"] if not w.isascii() and w not in allowed):
        return True  # "20万台H200" beside a claim of H100s; "256台GPU服务器": servers
    if code is not None:
        return False
    return not (any(ch.isdigit() for ch in run) or any(w in run for w in allowed if w))


def _forms_whole(run: str, words: dict, allowed: frozenset[str]) -> bool:
    """Whether a Chinese noun after a count names the claim's thing and then the one whole those things form
    (counts.words `collective`: 集群): after a measure word of pieces, "2048块H800 GPU集群" is one cluster of
    2048 GPUs, while "256台GPU服务器" counts servers and "2个GPU集群" may count clusters."""
    for w in words["collective"]:
        at = run.find(w)
        if at > 0 and any(a and a in run[:at] for a in allowed if not a.isascii() or a.isalnum()):
            return True
    return False


def _latin_other(after: str, words: dict, allowed: frozenset[str]) -> bool:
    hyphened = _hyphened_other(after, words, allowed)
    if hyphened is not None:
        return hyphened
    tokens = words["latin"].findall(after)[:5]
    phrase = f" {' '.join(tokens)} "
    code = _other_code(" ".join(tokens[:3]), allowed)
    if code:
        return True  # "200,000 H200 GPUs" beside a claim of H100s
    head = []
    for token in tokens[:4]:
        if not token[0].isalnum() or token in words["function"]:
            break
        head.append(token)
    if any(t in words["container"] and t not in allowed for t in head):
        return True  # "64 eight-way H800 boxes", "256 GPU servers": the holders, not the GPUs
    if len(head) > 1 and head[-1] in words["time"]:
        return True  # "about 5,000 GPU time": time on the chips, not the chips
    if code is not None:
        return False  # the claim's own chip: "2,048 H800s"
    if any(" " in w and f" {w} " in phrase for w in allowed):
        return False  # "1.3 million graphics processing units"
    named = []
    for token in tokens[:4]:
        if not (token[0].isalnum()) or token in words["function"]:
            break
        named.append(token)
    if not named:
        return False
    for token in named:
        bare = token.strip("-'")
        if any(ch.isdigit() for ch in bare) or bare in allowed or bare.rstrip("s") in allowed:
            return False
        if any(part in allowed for part in bare.split("-")):
            return False
    return True

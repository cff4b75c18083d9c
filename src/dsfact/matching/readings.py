"""What a figure's context says about its unit, beyond what the figure reader reads in it.

A bare 元 in Simplified Chinese is the yuan: the figure reader reads "16元" as the unit 元, yuan or New
Taiwan dollars, unsaid (dsfact.numbers); in Taiwan's Traditional text 元 is the New Taiwan dollar, in
Simplified text, written on the mainland, the yuan. A text is Simplified when it writes Chinese and no
character of it is folded to another (a Traditional text's 價, 萬, 輸 are).

A price per token in a bare 元 ("每百萬tokens 16元") is read as the yuan in a Traditional text too: the labs
whose token prices are news list them in yuan (DeepSeek's own price list does), so the figure may agree with a
price recorded in yuan; but it may be in New Taiwan dollars, so it never contradicts one (`guessed_yuan`).

A count is of tokens when a token noun (synonyms.words [token]) ends the words that qualify it ("14.8 trillion
diverse, high-quality tokens", "14.8万亿高质量词元"), or when it stands bare, with a scale word, after a count
of tokens in its sentence, whose noun it leaves out ("15 trillion tokens, while DeepSeek-V3 used 14.8
trillion"), a decimal point being no stop; and when it stands bare in brackets right after a token noun ("fewer
tokens (14.8T)", "词元（14.8万亿）").

Hours by the hundred thousand are GPU hours: "2.788 million hours on H800 GPUs", "总训练时长高达2亿小时".
No run is timed in decades of wall-clock hours; a count that large is of processor hours.

A sum of money written without its currency is read in its claims' one currency (dsfact.matching.bareamount)."""
from __future__ import annotations

from dsfact.matching.bareamount import bare_amounts  # noqa: F401 (read with the other units, by dsfact.check)
from dsfact.model import Quantity

YUAN = "元"
GPU_HOURS_FROM = 100_000  # hours: over eleven years of wall-clock time
TOKENS_FROM = 1e9  # a count read as tokens from the words around it is of billions at least
_QUALIFYING_WORDS = 4  # Latin words between a count and its token noun: "diverse, high-quality"
_QUALIFYING_CJK = 6  # Chinese characters between them: 高质量
_NOUN_BEFORE = 16  # characters before a bracketed count where its token noun may stand
_TOKEN_BASES = (1_000.0, 1_000_000.0)  # "每千tokens", "百萬tokens": the base a price is told per
_BASE_GAP = 16  # characters from a base of tokens to its price: "輸入（緩存未命中）為"
_CLAUSE_STOPS = frozenset("。；;！？!?\n，,")
_SENTENCE_STOPS = frozenset("。！？!?\n")
_TOKEN_RX: list = []


def is_simplified(text: str, folded: str) -> bool:
    """Whether a text writes Chinese in Simplified characters only (folded: dsfact.fold.fold_text(text))."""
    from dsfact.fold import fold_width_case
    from dsfact.matching.cues import has_cjk

    if len(folded) == len(text) and folded == fold_width_case(text):  # no character converted (compared at once)
        return has_cjk(text)
    return simplified_by_character(text, folded)


def simplified_by_character(text: str, folded: str) -> bool:
    """is_simplified asked character by character: every Chinese character left as it is by folding."""
    from dsfact.matching.cues import is_cjk

    chinese = False
    for a, b in zip(text, folded):
        if is_cjk(a):
            if a != b:
                return False
            chinese = True
    return chinese


def read_units(text: str, folded: str, quantities: list[Quantity]) -> tuple[list[Quantity], frozenset]:
    """The figures of a text, with a bare 元 read as CNY when the text is Simplified Chinese (and a price per
    token in 元 in any text), counts of tokens and hours by the hundred thousand as GPU hours; and the
    spans of the figures whose yuan is only guessed (`guessed_yuan`)."""
    quantities = _listed_yuan(folded, quantities)
    priced = _token_priced(folded, quantities)
    return _read_units(text, folded, quantities, priced), guessed_yuan(text, folded, quantities, priced)


def _listed_yuan(folded: str, quantities: list[Quantity]) -> list[Quantity]:
    """A bare 元 listed right after a figure in 人民币 ("人民幣2元和4元", 人民币8元、16元) is in 人民币 too: its
    currency is written once for the list (names.words [list-joiners], or a comma)."""
    if not any(q.unit == YUAN for q in quantities):
        return quantities
    from dsfact.lang import words_of

    joiners = {w for w in words_of("names", "list-joiners")} | {"、", ",", "，", "or", "或"}
    out = list(quantities)
    for k in range(1, len(out)):
        q, before = out[k], out[k - 1]
        if q.unit == YUAN and before.unit == "CNY" and folded[before.end:q.start].strip() in joiners:
            out[k] = q._replace(unit="CNY")
    return out


def _read_units(text: str, folded: str, quantities: list[Quantity], priced: set[int]) -> list[Quantity]:
    hours = any(q.unit == "hour" and _large(q) for q in quantities)
    bare = any(q.unit == YUAN for q in quantities)
    yuan = bare and is_simplified(text, folded)
    if any(q.unit == "count" and q.value >= TOKENS_FROM for q in quantities):
        quantities = _tokens(folded, quantities)
    if not hours and not bare:
        return quantities
    return [q._replace(unit="CNY") if q.unit == YUAN and (yuan or k in priced)
            else q._replace(unit="gpu_hour") if q.unit == "hour" and _large(q) else q for k, q in enumerate(quantities)]


def points_as_percent(quantities: list[Quantity]) -> tuple[list[Quantity], set[int]]:
    """The figures with the moves told in percentage points read as moves in per cent ("Nvidia's shares fell
    nearly 17 percentage points", "下跌近17个百分点": a price moves in per cent, and copy that says points of
    one means the other), and where those stand: such a figure may agree with a claim of a move but never
    contradicts one (a true move in points is of a rate or a share, no price)."""
    loose = {q.start for q in quantities if q.unit == "pp" and q.direction and not isinstance(q.value, str)}
    if not loose:
        return quantities, loose
    return [q._replace(unit="pct") if q.start in loose else q for q in quantities], loose


def _token_priced(folded: str, quantities: list[Quantity]) -> set[int]:
    """The indexes of the figures in a bare 元 that are prices per token: read with a per-unit after them
    ("每百萬tokens 16元" too), or right after a base of tokens in their clause, as Chinese puts a price
    ("百萬tokens輸出為16元", "百萬tokens輸入（緩存命中）為1元"): a round count of tokens, then a few words (the kind);
    or listed right after such a price in its sentence ("每百萬tokens輸入4元，輸出16元")."""
    out = set()
    for k, q in enumerate(quantities):
        if q.unit != YUAN:
            continue
        if q.per is not None and q.per.unit.lower() == "token":
            out.add(k)
            continue
        base = quantities[k - 1] if k else None
        if (base is not None and base.unit == "token" and base.value in _TOKEN_BASES
                and q.start - base.end <= _BASE_GAP and not _CLAUSE_STOPS.intersection(folded[base.end:q.start])):
            out.add(k)
        elif k - 1 in out and q.start - base.end <= _BASE_GAP and not _SENTENCE_STOPS.intersection(folded[base.end:q.start]):
            out.add(k)  # the list goes on: "每百萬tokens輸入4元，輸出16元" prices the output per million tokens too
    return out


def guessed_yuan(text: str, folded: str, quantities: list[Quantity], priced: set[int]) -> frozenset[tuple[int, int]]:
    """The spans of the figures (as the figure reader gives them, before read_units) that read_units takes
    for yuan from a bare 元 outside Simplified text: they may agree with a yuan price, never contradict one.
    `priced`: the indexes of the prices per token in a bare 元 (_token_priced)."""
    if not priced or is_simplified(text, folded):
        return frozenset()
    return frozenset((quantities[k].start, quantities[k].end) for k in priced)


def _large(q: Quantity) -> bool:
    return isinstance(q.value, float) and q.value >= GPU_HOURS_FROM


def _token_patterns():
    """(after a count: qualifying words then a token noun; a bare count's end: a clause mark or the end)."""
    if not _TOKEN_RX:
        import re

        from dsfact.lang import words_of
        from dsfact.numbers.patterns import lazy

        nouns = words_of("synonyms", "token", longest_first=True)
        latin = "|".join(re.escape(w) for w in nouns if w.isascii())
        cjk = "|".join(re.escape(w) for w in nouns if not w.isascii())
        # (a quotation may open before the words: '14.8 trillion "carefully filtered tokens"', quoting its source)
        _TOKEN_RX.append(lazy(r"(?:\s+[\"“‘']?[a-z][a-z-]*,?){1,%d}\s+(?:%s)(?![a-z])" % (_QUALIFYING_WORDS, latin)))
        _TOKEN_RX.append(lazy(r"\s*(?:$|[.,;:!?，。；：！？)）])"))
        # a token noun right before the bracket a bare count opens: "fewer tokens (14.8T)", "词元（14.8万亿）"
        _TOKEN_RX.append(lazy(r"(?:(?<![a-z])(?:%s)|%s)\s*[(（]\s*$" % (latin, cjk)))
        _TOKEN_RX.append(lazy(r"[.!?](?:\s|$)|[。！？\n]"))  # a sentence's end (no decimal point)
        _TOKEN_RX.append(lazy(r"(?:%s|%s)" % (cjk, latin)))  # the noun after Chinese qualifying characters
    return _TOKEN_RX


def _tokens(folded: str, quantities: list[Quantity]) -> list[Quantity]:
    """The figures, with counts of billions or more read as tokens where the words around them say so."""
    after, bare, bracketed, stop, noun = _token_patterns()
    out, last_tokens = [], -1  # where the last count of tokens ends
    for q in quantities:
        if q.unit == "token":
            last_tokens = q.end
        elif q.unit == "count" and q.value >= TOKENS_FROM and q.per is None:
            words = _token_words(folded, q.end, after, noun)
            if words is not None and not any(c.isdigit() for c in words) and _qualifying(words):
                q = q._replace(unit="token")
            elif not q.text[-1:].isdigit() and bare.match(folded, q.end) and (
                    bracketed.search(folded, max(0, q.start - _NOUN_BEFORE), q.start) is not None
                    or last_tokens >= 0 and stop.search(folded, last_tokens, q.start) is None):
                q = q._replace(unit="token")  # "15 trillion tokens, while V3 used 14.8 trillion"; "tokens (14.8T)"
        out.append(q)
    return out


_QUOTED = "“”「」『』、"  # the quotation marks a page may set around the words it quotes, and their list's comma


def _token_words(folded: str, end: int, after, noun) -> str | None:
    """The words after a count up to its token noun: Latin words, or the fewest Chinese characters (up to
    _QUALIFYING_CJK) before a noun, stepped over in Python (a class of their range costs a millisecond to
    compile); None when no token noun follows. A quotation may open before them ('14.8 trillion "high-quality and
    diverse tokens"', 14.8万亿个“高质量、多样化的词元”)."""
    m = after.match(folded, end)
    if m is not None:
        return m.group()
    i = end
    while i < end + _QUALIFYING_CJK and ("\u4e00" <= folded[i:i + 1] <= "\u9fff" or folded[i:i + 1] in _QUOTED):
        i += 1
        m = noun.match(folded, i)
        if m is not None:
            return folded[end:m.end()]
    return None


def _qualifying(words: str) -> bool:
    """Whether the words between a count and its token noun only qualify it: none is a word that names
    no one (names.words [not-names]: "of", "on", "the", "its"), which would open another phrase ("671
    billion parameters, trained on tokens"), but "and" between two qualifiers; and none makes the noun a rate's
    base (synonyms.words [token-rate]: "37 billion activated per token", "370亿在每个词元上激活")."""
    from dsfact.lang import word_set
    from dsfact.matching.others import not_names

    stop = not_names()
    latin = words.replace(",", " ").split()[:-1]
    rate = word_set("synonyms", "token-rate")
    if any(w in rate for w in latin) or any(r in words for r in rate if not r.isascii()):
        return False
    return not any(w in stop and w != "and" for w in latin)

"""Whether a claim's exclude word, near a figure, rules that claim out for it."""
from __future__ import annotations

from dsfact.matching.aside import describes_subject
from dsfact.matching.bodies import governs_other
from dsfact.matching.glossname import name_gloss_end
from dsfact.matching.sizedmember import names_size, sized_before
from dsfact.matching.text import TextCues
from dsfact.matching.timewords import POSSESSIVE
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy


def rules_out(text: TextCues, q: Quantity, hit, near: bool, respectively_own: bool) -> bool:
    """Whether an exclude word rules its claims out for figure q: `near` it, governing no other figure, with no
    figure between (or, with 分别, in q's clause: `respectively_own`), and not in an appositive that describes
    the name before it ("DeepSeek, a start-up spun out of High-Flyer, says it spent ...": High-Flyer, one of
    C01's exclude words, speaks of DeepSeek there, not of the figure's metric)."""
    # (the test of a figure between, cheap and the one most often false, first: every test is of truth only)
    # a member's size names the subject of the figures after it in its sentence, however far ("Llama 3, which counts
    # 405 billion parameters, burned 30.8 million GPU hours, about 11 times DeepSeek-V3's": dsfact.matching.sizedmember)
    # ("4050億參數的Llama 3，……計算量是……的11倍": the subject's size rules the family's claim out past a metric word too)
    sized = sized_before(text, q, hit)
    return (near or sized) and (sized or not text._figure_between(q, hit) or respectively_own
                                or _restated_between(text, q, hit) or _counts_the_word(text, q, hit)) \
        and not governs_other(text, q, hit) and (names_size(text.folded, hit.start, hit.end)
                                                 or not describes_subject(text, hit, q.start)) \
        and not _owns_next(text, q, hit) and not _turned_after(text, q, hit) and not _past_gloss(text, q, hit) \
        and not _base_of_other_rate(text, q, hit) and not _both_parts(text.folded, hit) \
        and (sized or not _metric_between(text, q, hit)) \
        and not _own_verb_before(text, q, hit)


_COUNT_GAP = lazy(r"\s*(?:[a-z][a-z'’-]*\s+){0,2}$")  # a count's gap to the word it counts: "12 new AI factories"


def _counts_the_word(text: TextCues, q: Quantity, hit) -> bool:
    """Whether the one figure between q and an exclude word after it only counts the things that word names, of
    another unit than q's: "invest €10 billion in its 12 new AI factories", "投入100億歐元建設12座AI工廠". The count
    is the word's own, and the word still tells what q is spent on. A bracket right after q that restates it in
    another currency is q's own and stands aside ("mobilise €20 billion ($22bn) for up to five AI gigafactories",
    "调动200亿欧元（约220亿美元）建设5座AI超级工厂")."""
    if hit.start < q.end:
        return False
    m = _RESTATED.match(text.folded, q.end)  # "€20 billion ($22bn) investment for up to five AI gigafactories"
    after = m.end() if m is not None and m.end() <= hit.start else q.end  # (q restated in a bracket first)
    between = [x for x in text._quantities or () if after <= x.start and x.end <= hit.start]
    if len(between) != 1 or between[0].unit == q.unit or between[0].unit not in ("count", None):
        return False
    gap = text.folded[between[0].end:hit.start]
    return len(gap) <= 3 or _COUNT_GAP.match(gap) is not None


# the words between a figure and the base of its rate: "37B parameters per token", "$0.27 per million input tokens"
_RATE_GAP = lazy(r"\s*(?:[^\W\d_][\w'’-]*\s+){0,2}?(?:per|a|an|each|every|for each|for every)"
                 r"(?:\s+[^\W\d_][\w'’-]*){0,2}\s+$")


def _base_of_other_rate(text: TextCues, q: Quantity, hit) -> bool:
    """Whether an exclude word before figure q, in an earlier clause of its sentence, is the base of the rate of
    another figure there ("activating ~37B parameters per token; trained for approximately $5.6M", "charges $0.27
    per million input tokens; its training cost was $5.6M"): it tells what that figure counts per unit, and rules
    nothing out for q in the clause after. (In Chinese the base follows 每 before its figure, "每个token激活370亿参数",
    and stays with it already.)"""
    import bisect

    if hit.end > q.start or bisect.bisect_right(text._marks, hit.start) == bisect.bisect_right(text._marks, q.start):
        return False
    k = bisect.bisect_left(text._quantity_starts, hit.start) - 1
    if k < 0:
        return False
    x = text._quantities[k]
    if x is q or x.end > hit.start or text.sentence_of(x.start) != text.sentence_of(hit.start) \
            or bisect.bisect_right(text._marks, x.start) != bisect.bisect_right(text._marks, hit.start):
        return False
    return _RATE_GAP.match(text.folded[x.end:hit.start]) is not None


def _past_gloss(text: TextCues, q: Quantity, hit) -> bool:
    """Whether the exclude word stands after the closing bracket of figure q told in passing after a name
    ("DeepSeek-V3 ($1.10 per million output tokens) sits far below OpenAI's models"): the name owns the figure,
    and what the sentence goes on to say of another body rules nothing out for it."""
    if hit.start < q.end:
        return False
    close = name_gloss_end(text.text, q)
    return 0 <= close < hit.start


def _owns_next(text: TextCues, q: Quantity, hit) -> bool:
    """Whether a name after figure q, in a later clause, owns the figure right after its possessive ("用了512块H800；
    加上V3的557.6万美元", "..., and V3's $5.6 million"): it names that figure's subject, and rules nothing out for q."""
    import bisect

    if hit.start < q.end or bisect.bisect_right(text._marks, hit.start) == bisect.bisect_right(text._marks, q.start):
        return False
    entity, subjects = text.index.naming(hit.cue)
    if not (entity or subjects):
        return False
    folded = text.folded
    k = hit.end
    for mark in POSSESSIVE:
        if folded.startswith(mark, k):
            k += len(mark)
            break
    else:
        return False
    while k < len(folded) and folded[k] == " ":
        k += 1
    starts = text._quantity_starts
    at = bisect.bisect_left(starts, k)
    return at < len(starts) and starts[at] == k


# a bracketed aside right after a figure: its restatement in another currency or unit ("$35 billion (about 250
# billion yuan) of financing", "350亿美元（约合人民币2556亿元）的融资")
_RESTATED = lazy(r"[ \u3000]*[(（][^()（）]{1,40}[)）]")


def _restated_between(text: TextCues, q: Quantity, hit) -> bool:
    """Whether the only figures between q and an exclude word after it stand in a bracket right after q, a
    restatement of q: the word is still q's, not the bracketed figure's."""
    if hit.start < q.end:
        return False
    m = _RESTATED.match(text.folded, q.end)
    if m is None or m.end() > hit.start:
        return False
    return not _figures_in(text, m.end(), hit.start) and _figures_in(text, q.end, m.end())


def _figures_in(text: TextCues, a: int, b: int) -> bool:
    import bisect

    starts = text._quantity_starts
    lo = bisect.bisect_left(starts, a)
    return lo < len(starts) and starts[lo] < b


def _turned_after(text: TextCues, q: Quantity, hit) -> bool:
    """Whether a word after figure q stands in a later clause that opens with a word of a new clause (names.words
    [new-clause]: but, while, 而, 却, 但): "不及GPT-4o训练成本1/10的模型，却有能力执行……的推理任务" turns to what the
    subject can do, and its words (推理) rule nothing out for the figure before it."""
    import bisect

    marks = text._marks
    at = bisect.bisect_right(marks, hit.start)
    if hit.start < q.end or at == bisect.bisect_right(marks, q.start) or at == 0:
        return False
    head = text.folded[marks[at - 1] + 1:hit.start].lstrip(" ,，;；:：")
    return head.startswith(_openers())


_OPENERS: list[tuple[str, ...]] = []


def _openers() -> tuple[str, ...]:
    if not _OPENERS:
        from dsfact.lang import words_of

        _OPENERS.append(tuple(w + " " if w.isascii() else w for w in words_of("names", "new-clause")))
    return _OPENERS[0]


_PAIR_REACH = 20  # characters around an exclude word searched for the pair of parts it stands in


def _both_parts(folded: str, hit) -> bool:
    """Whether an exclude word of one part stands in a pair that names both (roles.words [both-parts]: "public and
    private investment", 公共和私营投资): the pair names the whole the claim is of, not the part the word rules out."""
    from dsfact.lang import words_of

    lo = max(0, hit.start - _PAIR_REACH)
    window = folded[lo:hit.end + _PAIR_REACH]
    for w in words_of("roles", "both-parts"):
        k = window.find(w)
        while k >= 0:
            if lo + k <= hit.start < lo + k + len(w):  # ("private investment" begins in the pair)
                return True
            k = window.find(w, k + 1)
    return False


def _metric_between(text: TextCues, q: Quantity, hit) -> bool:
    """Whether a metric word of a claim the exclude word rules out stands between it and figure q, before q, in a
    clause of its own (past a comma or a semicolon, or opening a relative clause; not past a label's colon:
    "输出价格:每百万 Token 16 元" is still an output price): the figure's own words then say what it
    is, past the exclude word's reach ("trying to recoup losses from the Monday sell-off that wiped almost
    $600 billion from its market value": the sum is what was wiped, not what was recouped; "市值回升，但周一
    抛售中蒸发的9000亿美元"). A metric word in the exclude word's own phrase ("内存消耗降低30%": the memory's
    fall) does not end its reach; an exclude word after the figure is not asked, nor one of a price per unit."""
    if hit.end > q.start:
        return False
    claims = text.registry.claims
    ruled = _ruled(text, hit)
    if any(claims[ci].per is not None for ci in ruled):
        return False  # a price's kind word ("output" against an input price) reaches past a clause: prices come in pieces
    folded = text.folded
    return any(any(c in folded[hit.end:h.start] for c in ",，;；")
               or folded[max(hit.end, h.start - 7):h.start].rstrip().endswith((" that", " which"))
               for h in _metric_hits(text, ruled, hit.end, q.start))


# between a claim's metric word and the figure its relative clause describes: 的 (after 了 or 掉), a qualifier
# ("蒸发的9000亿美元", "蒸發掉的約9000億美元")
_OWN_VERB_GAP = lazy(r"\s*(?:了|掉)?的\s*(?:约|約|近|逾|超过|超過)?\s*\Z")


def _own_verb_before(text: TextCues, q: Quantity, hit) -> bool:
    """Whether figure q, with an exclude word of a claim of a change after it, is the head of a relative clause
    whose verb is that claim's metric word ("周一蒸发的9000亿美元远未收回", "週一蒸發掉的5890億美元至今仍未挽回"):
    the figure is what that verb says (the sum lost), and the exclude word after it tells what became of the sum,
    not what the sum is. Only a change's: an amount a relative clause describes may still be one part of a plan
    ("投入的200亿欧元将用于AI超级工厂": the gigafactories' part), and a figure with no such clause of its own
    ("回升2600億美元，收復部分失地") keeps the exclude word's reading."""
    if hit.start < q.end:
        return False
    claims = text.registry.claims
    ruled = {ci for ci in _ruled(text, hit) if claims[ci].kind == "change"}
    folded = text.folded
    return bool(ruled) and any(_OWN_VERB_GAP.match(folded, h.end, q.start) is not None
                               for h in _metric_hits(text, ruled, max(0, q.start - 40), q.start))


def _ruled(text: TextCues, hit) -> set[int]:
    """The claims whose exclude word `hit` is."""
    from dsfact.matching.cues import EXCLUDE

    return {ci for ci, role in text.roles_of(hit) if role == EXCLUDE}


def _metric_hits(text: TextCues, ruled: set[int], start: int, end: int):
    """The cue hits in text[start:end] that are a metric word of one of the claims `ruled`, in order (a hit once
    for each such claim it is a metric word of)."""
    from dsfact.matching.cues import METRIC

    return (h for h in text.hits_in(start, end) for ci, role in text.roles_of(h) if role == METRIC and ci in ruled)

"""A first tranche's word governs its own clause: "Stargate will start immediately and eventually expand to
$500 billion", 星际之门将立即启动，并最终扩展至5000亿美元. A claim's exclusion word of a first tranche (立即,
首期, initial, immediately) before an eventual word (最终, eventually) does not rule out the whole the eventual
word gives the figure after it. The words are language data (dsfact/lang/roles.words [first-tranche])."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.matching.wordtables import Alternation

_WORDS: list = []  # [first tranche's words (cue keys), eventual words, joining words (Alternations)], read once
_CLAUSE_MARKS = ",，;；、"


def _words() -> tuple[frozenset[str], Alternation, Alternation]:
    if not _WORDS:
        from dsfact.lang import load_words
        from dsfact.matching.cues import _cue_key

        table = load_words("roles").get("first-tranche", {})
        _WORDS[:] = [frozenset(_cue_key(w, w.lower())[0] for w in table.get("before", ())),  # written folded
                     Alternation(tuple(table.get("words", ()))), Alternation(tuple(table.get("after", ())))]
    return _WORDS[0], _WORDS[1], _WORDS[2]


def tranche_word_apart(text, q, hit) -> bool:
    """Whether exclusion word `hit`, before figure q, is a first tranche's word with an eventual word between
    it and q that gives q the whole: the tranche's word is its own clause's, no exclusion of q."""
    tranche, eventual, joining = _words()
    if hit.end > q.start or hit.cue not in tranche:
        return False
    folded = text.folded
    chinese = has_han(folded[hit.end:q.start])
    found = eventual.get(chinese).search(folded, hit.end, q.start)
    if found is None or any(x.unit == q.unit for x in text.figures_in(found.end(), q.start)):
        return False
    gap = folded[hit.end:found.start()]
    return any(c in gap for c in _CLAUSE_MARKS) or joining.get(chinese).search(folded, hit.end, found.start()) is not None


_AT_ONCE: list = []  # [announced-at-once] verbs (an Alternation), read once
_QUOTES = " \t\"'“”‘’「」『』"


def told_at_once(text, q, hit) -> bool:
    """Whether exclusion word `hit`, before figure q, is a first tranche's word right before a verb of announcing
    (roles.words [announced-at-once]): "特朗普马上“安排”5000亿美元「星际之门」大项目", "Trump immediately unveiled a
    $500 billion Stargate venture" tell how soon the plan was announced, not a tranche of it deployed at once."""
    return hit.end <= q.start and hit.cue in _words()[0] and announced_after(text.folded, hit.end, q.start)


def announced_after(folded: str, at: int, end: int) -> bool:
    """Whether a verb of announcing (roles.words [announced-at-once]) starts at offset `at` of folded text, past
    spaces and quotes, before `end`: the first tranche's word before it tells how soon, not a part (also asked
    of the part role's clause words, dsfact.matching.roles)."""
    if not _AT_ONCE:
        from dsfact.lang import words_of

        _AT_ONCE.append(Alternation(words_of("roles", "announced-at-once")))
    while at < end and folded[at] in _QUOTES:
        at += 1
    found = _AT_ONCE[0].get(has_han(folded[at:at + 2])).search(folded, at, min(end, at + 24))
    return found is not None and found.start() == at


def whole_kept(kept: list, best: dict, folded: str = "") -> None:
    """Where one clause states a claim twice, a figure that disagrees with it first and a larger one that agrees
    after it ("is set to invest $100 billion and plans to allocate up to $500 billion", 先投入1000亿美元，最终达到
    5000亿美元), the larger keeps the claim (`best`: (clause, claim) -> (score, index into `kept`), the nearest
    figure's by default): the smaller before it is a first part of the whole the writer goes on to state
    rightly, not a misstatement of it. A larger wrong figure after a right one ("from $5.6 million to $10
    million"), or a smaller right one after a wrong one (the cost brought down "from $10 million to $5.6
    million"), changes nothing. The order and the sizes tell the part and the whole, not the claim's value: a
    larger figure after the first that disagrees too, and is in no doubt, keeps the claim as well ("is set to
    invest $100 billion and plans to allocate up to $800 billion" misstates the whole, not the part) when a joining
    word ([first-tranche] `after`: and, 并) leads on to it, outside brackets (`folded`: the text, folded): not a base
    ("wiped $700 billion off its $3.5 trillion value") nor a gloss ("US$294,000 (≈ R$1.6 million)")."""
    from dsfact.model import SUPPORTED

    for key, (_, i) in list(best.items()):
        first = kept[i][0]
        if first.verdict == SUPPORTED or not isinstance(first.value, (int, float)):
            continue
        for j, (f, other, score, doubt) in enumerate(kept):
            if other == key and (f.verdict == SUPPORTED or not doubt and _goes_on(folded, first.end, f.start)) \
                    and f.start > first.start and isinstance(f.value, (int, float)) and f.value > first.value:
                best[key] = (score, j)
                break


def _goes_on(folded: str, start: int, end: int) -> bool:
    """Whether a joining word ([first-tranche] `after`) stands in folded[start:end], and no bracket opens there
    unclosed (what follows would stand in an aside)."""
    part = folded[start:end]
    if part.count("(") + part.count("（") > part.count(")") + part.count("）"):
        return False
    return _words()[2].get(has_han(part)).search(folded, start, end) is not None


def tranche_before(text, q, si: int):
    """The first tranche a sum grown to (figure q, in sentence si of `text`, a TextMatcher) follows from the
    sentence right before it in its paragraph ("... will commit an initial $100 billion. The investment could grow
    to $500 billion over four years", 首期投入1000亿美元。该计划四年内将扩大至5000亿美元): that sentence's last
    figure of q's unit, told as a part and smaller than q, with no figure of that unit before q in its own
    sentence; None when there is none. The sum grown to is then the plan's whole, as in one sentence."""
    if si == 0:
        return None
    here, before = text.sentences[si], text.sentences[si - 1]
    if before.paragraph != here.paragraph or any(x.unit == q.unit for x in text.figures_in(here.start, q.start)):
        return None
    told = [x for x in text.figures_in(before.start, before.end) if x.unit == q.unit]
    if not told or not isinstance(told[-1].value, float) or not isinstance(q.value, float) \
            or told[-1].value >= q.value or "part" not in text.reader().roles(told[-1]):
        return None
    return told[-1]


_GROWTH: list = []  # roles.words [grown-to] (an Alternation), read once
GROWTH_REACH = 40  # characters after a sum within which the word of growth stands ("，并在四年内扩大到")
GROWN_GAP = 12  # characters between the word of growth and the sum grown to


def grows_after(text, q) -> bool:
    """Whether sum q is the start of a plan its sentence goes on to tell grown to a larger sum of its unit, after a
    word of growth (roles.words [grown-to]) with no other sum between: "Stargate will invest $100 billion,
    expanding to $500 billion over four years", "这些公司将投资1000亿美元成立星际之门，并在四年内扩大到5000亿美元". q is
    the first stage, a part of the whole told after it: it may agree with a claim, never contradict it."""
    after = _grown(text, q)
    return after is not None and isinstance(after.value, (int, float)) and after.value > q.value


def grown_to(text, x, q) -> bool:
    """Whether sum q is the sum the plan whose first stage is x grows to (_grown: the first sum of x's unit right after
    a word of growth that follows x), whatever its size: the words that govern x ("合资企业最初将获得1000亿美元") do
    not keep the plan's metric from q ("未来四年金额将扩增至5000亿美元"), which tells the plan whole, right or wrong."""
    return _grown(text, x) is q


def grown_whole(text, q) -> bool:
    """Whether sum q is the sum a first sum of its sentence grows to (grown_to): "初期投资额为1000亿美元，4年之内最高可
    扩大至5000亿美元" binds the 5000亿 by the first sum's metric word, across the word of growth, as firmly as that sum."""
    sentence = text.sentences[text.sentence_of(q.start)]
    return any(x.unit == q.unit and grown_to(text, x, q) for x in text.figures_in(sentence.start, q.start))


def _grown(text, q):
    """The first sum of q's unit within GROWN_GAP after a word of growth ([grown-to]) that follows sum q within its
    sentence (GROWTH_REACH), with no other sum of its unit between; None when there is none."""
    from dsfact.numbers.words import is_money

    if not is_money(q.unit) or isinstance(q.value, str) or not q.value:
        return None
    if not _GROWTH:
        from dsfact.lang import words_of

        _GROWTH.append(Alternation(words_of("roles", "grown-to", longest_first=True)))
    folded = text.folded
    end = min(text.sentences[text.sentence_of(q.start)].end, q.end + GROWTH_REACH)
    found = _GROWTH[0].get(has_han(folded[q.end:end])).search(folded, q.end, end)
    if found is None or any(x.unit == q.unit for x in text.figures_in(q.end, found.start())):
        return None
    after = [x for x in text.figures_in(found.end(), found.end() + GROWN_GAP) if x.unit == q.unit]
    return after[0] if after else None

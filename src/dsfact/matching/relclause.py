"""A figure told in a clause that describes a noun is that noun's, not the sentence's subject's.

English sets the describing clause after its noun, opened by a comma and a relative word (names.words
[relative]: "R1 rivals OpenAI's top model, which cost about $100 million to build", "trained on H800 chips,
which came out in 2023", "set against Meta's newest model, whose training run cost $60 million"); Chinese sets it
before its noun and closes it with 的 ("使用2023年推出的H800芯片训练R1", "可媲美OpenAI耗资约1亿美元打造的旗舰模型").
The noun the clause describes, its antecedent, is the words right before the comma back to a word that ends a noun
phrase (names.words [relative-antecedent]: a preposition, "using"; at most a few words), or in Chinese the
words right after 的. When the last name there (a name the registry knows, or a product code of letters and digits:
H800, A100) is neither the claim's subject nor a name of the story (DeepSeek, the maker of its subjects), the clause's figure is that thing's: it may agree with the claim by chance,
never contradict it. In Chinese a name that opens the describing clause right before its figure owns it the same
way ("OpenAI耗资约1亿美元打造的": OpenAI's spending). A clause whose noun names the claim's subject ("DeepSeek's V3
model, which cost $6.5 million", "2025年1月20日发布的R1") or names nothing ("a new model, which cost ...") is
judged as before."""
from __future__ import annotations

from dsfact.lang import word_set, words_of
from dsfact.matching.cues import has_cjk
from dsfact.matching.memo import held_for
from dsfact.numbers.patterns import lazy

_MARKS = frozenset(",;:()。!?;:\n\"“”「」")  # a clause's marks in folded text (the full-width ones fold to these)
_ANTECEDENT_WORDS = 6  # words before the comma an English antecedent may run to
_REL_REACH = 120  # characters from the relative word to the figure
_MODIFIER_GAP = 6  # Chinese characters between a figure and the 的 that closes its describing clause (推出, 耗资打造)
_HEAD_REACH = 12  # characters after 的 in which the described noun's name is looked for
_HEAD_OPENS = 3  # characters after 的 within which that name must begin (推出的H800芯片; not 的模型可媲美OpenAI)
_OPENER_GAP = 4  # characters between a name that opens a describing clause and its figure (耗资约)
_CODE = lazy(r"(?<![a-z0-9])[a-z]{1,4}-?[0-9]{2,4}[a-z]?(?![a-z0-9])")  # a product code: h800, a100, 910c is none
_NOUN_CHARS = 4  # characters of the noun a pointing word names (晶片, 芯片, 模型, 显卡)
_NAME_TO_NOUN = 2  # characters between a name and the noun it gives (英伟达H800芯片, 辉达的芯片)
_HAN_GAP = lazy(r"[\u3400-\u9fff]*")
_STORIES: dict = {}  # the story's folded names, per registry (_story)


def of_antecedent(text, q, claim) -> bool:
    """Whether figure q stands in a clause that describes a noun other than claim's subject (see the module)."""
    ci = text.index.position.get(claim.id)
    if ci is None:
        return False
    folded = text.folded
    sentence = text.sentences[text.sentence_of(q.start)]
    if has_cjk(folded[max(sentence.start, q.start - 20):q.end + 20]):
        return _prenominal(text, q, ci, sentence.start, sentence.end) or _pointed(text, q, ci, sentence.start)
    return _relative(text, q, ci, sentence.start)


def _relative(text, q, ci: int, first: int) -> bool:
    """English: q's clause opens with ", which" (", whose", ", who") after a noun phrase whose last name is another's."""
    folded = text.folded
    if (comma := _clause_comma(folded, q, first)) < 0:
        return False
    words = folded[comma + 1:q.start].split(None, 1)
    if not words or words[0] not in word_set("names", "relative"):
        return False
    start = comma
    for _ in range(_ANTECEDENT_WORDS):  # back over the antecedent's words, to a word that ends it
        at = folded.rfind(" ", first, start)
        word = folded[at + 1:start].strip(" '’")
        if at < first or word in word_set("names", "relative-antecedent") or any(c in _MARKS for c in word):
            break
        start = at
    return _other_named(text, ci, start, comma, last=True)


def _clause_comma(folded: str, q, first: int) -> int:
    """The comma that opens q's clause, within _REL_REACH characters before it and no earlier than `first` (no other
    clause mark between it and q); -1 when there is none."""
    comma = folded.rfind(",", max(first, q.start - _REL_REACH), q.start)
    return -1 if comma < 0 or any(c in _MARKS for c in folded[comma + 1:q.start]) else comma


def _prenominal(text, q, ci: int, first: int, end: int) -> bool:
    """Chinese: q is followed by a few characters and 的, and the noun after 的, or the name right before q that
    opens the describing clause, is another's."""
    folded = text.folded
    if q.unit == "count":
        return False  # "20万个使用液冷的H100 GPU": a count of the noun itself, not a figure inside its modifier
    m = _HAN_GAP.match(folded, q.end)
    close = folded.find("的", q.end, min(end, q.end + _MODIFIER_GAP + 1))
    if close < 0 or close >= m.end() or close == q.end:
        return False  # no verb between the figure and 的 ("1亿美元的成本" is the figure's own noun)
    head_end = next((i for i in range(close + 1, min(end, close + 1 + _HEAD_REACH)) if folded[i] in _MARKS),
                    min(end, close + 1 + _HEAD_REACH))
    head = _other_named(text, ci, close + 1, head_end, last=False, within=_HEAD_OPENS)
    if head is not None:
        return head
    opener = [h for h in text.hits_in(max(first, q.start - 20), q.start) if any(text.index.naming(h.cue))]
    if not opener or not _HAN_GAP.fullmatch(folded, opener[-1].end, q.start) \
            or q.start - opener[-1].end > _OPENER_GAP:
        return False
    return _another(text, ci, opener[-1])


def _story(text) -> frozenset[str]:
    """The names of the story the registry tells (DeepSeek, 深度求索), folded: the maker of every claim's subject, whose
    own clause ("深度求索于2024年12月16日发布的……模型", "DeepSeek, which released R1 on ...") is no other thing's; folded once
    per registry."""
    return held_for(_STORIES, text.registry, lambda registry: frozenset(name.lower() for name in registry.story))


def _another(text, ci: int, hit) -> bool:
    """Whether the name at `hit` is another's than claim ci's subject: it names no subject of ci, nor the story."""
    return ci not in text.index.naming(hit.cue)[1] and text.folded[hit.start:hit.end] not in _story(text)


def _pointed(text, q, ci: int, first: int) -> bool:
    """Chinese: q's clause opens, right after a comma, with a word that points back to a noun ([relative-antecedent]
    `comma`: 这款晶片), and where the clause before names that noun, the name right before it is another's."""
    folded = text.folded
    if (comma := _clause_comma(folded, q, first)) < 0:
        return False
    at = comma + 1
    word = next((w for w in words_of("names", "relative-antecedent", "comma", longest_first=True)
                 if folded.startswith(w, at)), None)
    if word is None:
        return False
    at += len(word)
    for size in range(_NOUN_CHARS, 1, -1):  # the longest noun the clause before names: 晶片 in "H800晶片"
        noun = folded[at:at + size]
        named = folded.rfind(noun, max(first, comma - _REL_REACH), comma) if _HAN_GAP.fullmatch(noun) else -1
        if named >= 0:
            return bool(_other_named(text, ci, max(first, named - _OPENER_GAP - 4), named, last=True, near=named))
    return False


def _other_named(text, ci: int, start: int, end: int, last: bool, within: int | None = None, near: int | None = None):
    """Whether the name in folded[start:end] (the last one, or the first, which must begin `within` characters of
    start; the last must end `near` the noun at `near`) is another's than claim ci's subject; None (falsy) when none
    is named there."""
    folded = text.folded
    named = [h for h in text.hits_in(start, end) if any(text.index.naming(h.cue))]
    names = [(h.start, h.end, _another(text, ci, h)) for h in named]
    names += [(m.start(), m.end(), True) for m in _CODE.finditer(folded, start, end)
              if not any(h.start <= m.start() < h.end for h in named)]
    if not names:
        return None
    names.sort()
    if not last and within is not None and names[0][0] - start > within:
        return None
    if near is not None and (near - names[-1][1] > _NAME_TO_NOUN or not _HAN_GAP.fullmatch(folded, names[-1][1], near)):
        return None  # (only a name the noun follows: "英伟达H800芯片", not "R1用的芯片")
    return names[-1][2] if last else names[0][2]

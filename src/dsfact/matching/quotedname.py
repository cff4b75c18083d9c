"""A figure that sizes a quoted name of something else: "backed a new €150 billion “EU AI Champions Initiative”",
"支持一项1500亿欧元的「欧盟AI冠军倡议」". A sum written right before a name in quotation marks (white space, a hyphen
or 的 between) is the size of the thing that name names. When the quoted name is none of the claim's own names
(its subject and metric cues, whole: “InvestAI”, 「星际之门」 name the claim's plan), it names another venture, though
a word of the claim's subject stands inside it ("EU" in the initiative's name): the figure may agree with the
claim, never contradict it. The quoted name ends with a noun of a venture (names.words [quoted-venture]:
Initiative, Fund, 倡议, 基金); a quoted phrase that ends otherwise ("以5500万美元的“极致性价比”") names none. Quoted
speech is no name either: the quoted span is short (at most NAME_WORDS words or
NAME_CHARS Chinese characters), holds no mark that ends or parts a sentence, and in English is written as a title."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.numbers.patterns import lazy

NAME_WORDS = 6  # words at most in a quoted name ("EU AI Champions Initiative")
NAME_CHARS = 14  # characters at most in a quoted Chinese name (欧盟AI冠军倡议)
_PAIRS = {"“": "”", '"': '"', "「": "」", "『": "』"}
_GAP = lazy(r"[ \t\u00a0-]*(?:的[ \t\u00a0]*)?")  # between the figure and the quote: "€150bn “", "1500亿欧元的「"
_SPEECH = ".。!！?？;；:：\n,，"  # (a comma inside: "“EU AI Champions Initiative,”" ends with one, stripped)
_SMALL = frozenset("of for and the in on to de a an".split())  # words a title leaves small, but for its first


def sizes_quoted_name(text, q, claim) -> bool:
    """Whether figure q (of `text`, a TextMatcher) stands right before a quoted name that is none of `claim`'s own
    names: the size of another venture."""
    folded = text.folded
    at = _GAP.match(folded, q.end).end()
    if at >= len(folded) or folded[at] not in _PAIRS:
        return False
    close = folded.find(_PAIRS[folded[at]], at + 1)
    if close < 0:
        return False
    name = folded[at + 1:close].strip(" ,，、")  # "“EU AI Champions Initiative,”": the comma inside the quote
    if not name or any(c in _SPEECH for c in name) \
            or (len(name) > NAME_CHARS if has_han(name) else len(name.split()) > NAME_WORDS
                or not _titled(text.text[at + 1:close])):
        return False
    if not name.endswith(_venture_nouns()):
        return False  # "以5500万美元的“极致性价比”": a quoted phrase, no venture's name
    cues = text.registry.folded_cues
    own = {cues.get(c) or c.lower() for c in (*claim.subject_cues, *claim.metric_cues)}
    return name not in own


_NOUNS: list = []  # names.words [quoted-venture], folded, read once


def _venture_nouns() -> tuple[str, ...]:
    if not _NOUNS:
        from dsfact.fold import fold_text
        from dsfact.lang import words_of

        _NOUNS.append(tuple(fold_text(w) for w in words_of("names", "quoted-venture")))
    return _NOUNS[0]


def _titled(raw: str) -> bool:
    """Whether an English quoted span is written as a name: its first word and every word but the small ones open
    with a capital or a digit ("EU AI Champions Initiative", "Fund for the Future"); "so Europe becomes an AI continent" is
    speech."""
    words = [w for w in raw.replace(",", " ").split() if any(c.isalpha() or c.isdigit() for c in w)]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() or (k and w.lower() in _SMALL)
                               for k, w in enumerate(words))

"""Whether a word that may turn a sentence to another subject ("rivals", "rival": names.words [shift]) is a verb
where it stands, and so turns to no one: after a word that leads a verb ("capabilities that rival the best", "a
model to rival o1": `verb-after`), or before what only a verb's object opens with: a determiner (`after`: "rivals
the best US models", "rivals a model ten times its cost"), a possessive ("rivals Meta's Llama 3.1", "rivals
OpenAI’s o1"), or a model's name, whose version holds a digit ("rivals GPT-4o", "rivals Llama 3.1", "rivals
Claude 3.5 Sonnet"). A noun stands after a determiner or an owner and is followed by a verb or a stop ("Nvidia's
rivals fell", "its rivals, OpenAI and Google,", "US rivals such as Meta"). Chinese writes the verb (媲美, 比肩)
and the noun (对手) apart, so only English words are read here."""
from __future__ import annotations

from dsfact.lang import word_set, words_of

_POSSESSIVE = ("'s", "’s", "s'", "s’")


def verb_use(folded: str, m, lex) -> bool:
    """Whether the shift word matched by `m` in folded is a verb there (the module's docstring); `lex` is the role
    reader's word tables (rolewords)."""
    if m.group() not in lex.shift_verbs:
        return False
    before = folded[max(0, m.start() - 16):m.start()].split()
    if before and before[-1] in lex.shift_verb_after:
        return True
    if before and before[-1].endswith(_POSSESSIVE):
        return False  # "Nvidia's rivals the next day ...": an owner's noun
    return opens_object(folded, m.end())


def opens_object(folded: str, at: int) -> bool:
    """Whether folded after `at` (right after a word of rivalry) opens what only a verb's object opens with: a word
    of names.words [shift] `after`, a possessive, or a model's name with its version ("GPT-4o", "Llama 3.1")."""
    after = folded[at:at + 40].split()
    if not after:
        return False
    head = after[0]
    return head in word_set("names", "shift", "after") or head.endswith(_POSSESSIVE) \
        or any(c.isdigit() for c in head) or len(after) > 1 and head.isalpha() and after[1][:1].isdigit()


def rival_verb(folded: str, at: int) -> bool:
    """Whether a word of rivalry (names.words [shift] `verbs`) begins at `at` right after a name (no 's between)
    and is a verb there: what follows opens its object ("DeepSeek-V3 rivals GPT-4o", not "DeepSeek rivals fell")."""
    for word in words_of("names", "shift", "verbs", longest_first=True):
        if folded.startswith(word + " ", at):
            return opens_object(folded, at + len(word))
    return False

"""The words before a name that make it another member of its family (roles.words [member] `before`: "the
second Colossus", 新一代Colossus, and an edition for another place: "中东版星际之门", 阿联酋版星际之门), read
through the marks that may stand between: an opening quote ("海外版「星际之门」计划", "中東版“星際之門”") and, for a
name given again in brackets right after another ("海外版「星際之門（Stargate）」"), the words before the first
name: the alias is that name's, and so another member as it is. dsfact.matching.family asks it of each name."""
from __future__ import annotations

_QUOTES = "「『“‘《\"'"  # opening marks that may stand between the words and the name
_BRACKETS = ("(", "（")
_REACH = 24  # characters before a name read for its words


def member_before(text, hit, floor: int, ends) -> bool:
    """Whether the words before the name at `hit` (no earlier than `floor`, the sentence's start) end with a
    word that `ends(window)` finds, past an opening quote, or those before the name whose alias in brackets
    the name is."""
    folded = text.folded
    window = folded[max(floor, hit.start - _REACH):hit.start]
    if ends(window.rstrip(_QUOTES)):
        return True
    stripped = window.rstrip()
    if not stripped.endswith(_BRACKETS):
        return False
    close = hit.start - (len(window) - len(stripped)) - 1  # the offset of the bracket
    for before in text.hits_in(max(floor, close - _REACH), close):
        if before.end == close or folded[before.end:close].strip(" 」』”’》\"'") == "":
            if ends(folded[max(floor, before.start - _REACH):before.start].rstrip(_QUOTES)):
                return True
    return False

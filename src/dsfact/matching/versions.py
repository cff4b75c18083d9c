"""Another member of a model's family, told by a version after the model's name: "DeepSeek-V3.1", "V3.2",
"R1-Lite", or by the word of another model after the company's: "DeepSeek Coder" (names.words [version]). Such a name is another body's, as a registered entity is: the
figures it owns are not the claims' of the model it is a version of ("DeepSeek-V3.1 was trained on ...").
A size tag after a model's name (digits and letters: "Llama 3 405B", "Llama-3 70B") names another member only when
the registry says so, as an exclude word of the claims the name is the subject of (C14's "405B": the 405B model
alone is not the Llama 3 models together); "DeepSeek-V3 671B" is V3 itself."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.cues import EXCLUDE, VERSION, CueHit
from dsfact.matching.wordtables import Pattern
from dsfact.numbers.patterns import lazy

_SIZE_TAG = lazy(r"[ \-]([0-9]+[a-z]+)(?![a-z0-9])")  # "Llama 3 405B": a size after a model's name
_NUMBERED = re.compile(r"\.[0-9]")  # "V3.1": a point release (a dated snapshot, "R1-0528", is the same API model)


@lru_cache(maxsize=1)
def _worded() -> re.Pattern:
    """A hyphen and a word of names.words [version] `after`, whole: "-lite", "-preview"."""
    from dsfact.lang import words_of

    return Pattern("-(?:{})", words_of("names", "version", "after")).get(True)


@lru_cache(maxsize=1)
def _family() -> re.Pattern:
    """A space or a hyphen and a word of names.words [version] `family`, whole: " coder", "-math"."""
    from dsfact.lang import words_of

    return Pattern("[ -](?:{})(?![a-z0-9])", words_of("names", "version", "family")).get(True)


def versioned(index, folded: str, hits: list[CueHit]) -> list[CueHit]:
    """The cue hits of a text, with a name of another version for each registered name with a digit ("v3",
    "deepseek-r1") that a version follows, and for a registered name without one ("deepseek") that a word of
    another model of its family follows ("DeepSeek Coder", "DeepSeek LLM 67B"): a hit of key VERSION over both,
    which outreaches the name's own hits (TextCues._longest_names drops those inside it). The same list when no
    name is followed by one."""
    out = None
    for hit in hits:
        entity, subjects = index.naming(hit.cue)
        if not subjects:
            continue
        if _excluded_size(index, folded, hit, subjects):
            m = _SIZE_TAG.match(folded, hit.end)
        elif entity:
            continue
        elif not any(c.isdigit() for c in folded[hit.start:hit.end]):
            m = _family().match(folded, hit.end)
        else:
            m = _NUMBERED.match(folded, hit.end) or _worded().match(folded, hit.end)
        if m is None:
            continue
        end = m.end()
        while end < len(folded) and folded[end].isdigit():  # "V3.14", "V3.2"
            end += 1
        if out is None:
            out = list(hits)
        out.append(CueHit(hit.start, end, VERSION))
    if out is None:
        return hits
    out.sort(key=lambda h: (h.start, -h.end))
    return out


def _excluded_size(index, folded: str, hit: CueHit, subjects: tuple[int, ...]) -> bool:
    """Whether a size tag follows a model's name with a digit ("Llama 3 405B", "Llama 3.1 405B") that is an exclude
    word of a claim the name is the subject of: that member is not the claim's subject."""
    if folded[hit.end:hit.end + 1] not in (" ", "-") or not any(c.isdigit() for c in folded[hit.start:hit.end]):
        return False
    m = _SIZE_TAG.match(folded, hit.end)
    return m is not None and any(role == EXCLUDE and ci in subjects for ci, role in index.roles.get(m.group(1), ()))

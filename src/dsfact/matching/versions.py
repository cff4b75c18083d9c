"""Another member of a model's family, told by a version after the model's name: "DeepSeek-V3.1", "V3.2",
"R1-Lite", or by the word of another model after the company's: "DeepSeek Coder" (names.words [version]). Such a name is another body's, as a registered entity is: the
figures it owns are not the claims' of the model it is a version of ("DeepSeek-V3.1 was trained on ...")."""
from __future__ import annotations

import re
from functools import lru_cache

from dsfact.matching.cues import VERSION, CueHit
from dsfact.matching.wordtables import Pattern

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
        if entity or not subjects:
            continue
        if not any(c.isdigit() for c in folded[hit.start:hit.end]):
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

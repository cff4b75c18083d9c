"""A page's stamp of its time of writing told in a zone other than New York's: "Last Updated : Jan 27 2025 | 9:38 PM
IST" is 11:08 a.m. in New York, in the middle of that day's session, so the page, and its headline ("Nvidia's $465 bn
plunge ..."), tells the session's moves, not the close's (dsfact.matching.session). The words and the zones' hours
are language data (time.words [updated-stamp])."""
from __future__ import annotations

import re

_PATTERN: list = []  # (the stamp's pattern, hours behind by zone word), built once
_REACH = 40  # characters between the opening words and the hour (the date between them)
OPEN, CLOSE = 9.5, 16.0  # New York's session, in hours of its clock


def _pattern() -> tuple[re.Pattern, dict[str, float]]:
    if not _PATTERN:
        from dsfact.lang import load_words

        table = load_words("time").get("updated-stamp", {})
        behind = {w: float(key[len("behind-"):]) for key, words in table.items() if key.startswith("behind-")
                  for w in words}

        def alt(words) -> str:
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or "(?!)"

        _PATTERN.append((re.compile(r"(?<![a-z])(?:" + alt(table.get("before", ())) + r")(?![a-z])[^\n]{0,"
                                    + str(_REACH) + r"}?(?:(?P<zb>" + alt(behind) + r")\s*)?(?<![0-9])(?P<h>[0-9]{1,2})[:.](?P<m>[0-5][0-9])\s*"
                                    r"(?:(?P<am>a\.?m\.?)|(?P<pm>p\.?m\.?))?\s*(?P<zone>" + alt(behind) + r")?(?![a-z])"),
                         behind))
    return _PATTERN[0]


def stamped_in_session(text) -> list[int]:
    """The sentences that hold a stamp of the time of writing whose hour, in New York, falls in the session."""
    folded = text.folded
    if not any(w in folded for w in ("updated", "published", "posted", "modified", "更新", "发布", "發布", "發佈", "发稿", "發稿")):
        return []
    pattern, behind = _pattern()
    out = []
    for m in pattern.finditer(folded):
        zone = m["zone"] or m["zb"]
        if zone is None:
            continue  # a stamp with no zone: its hour may be any place's
        hour = int(m["h"]) % 12 + 12 * bool(m["pm"]) if m["am"] or m["pm"] else int(m["h"])
        new_york = (hour + int(m["m"]) / 60 - behind[" ".join(zone.split())]) % 24
        if OPEN <= new_york < CLOSE:
            out.append(text.sentence_of(m.start()))
    return out

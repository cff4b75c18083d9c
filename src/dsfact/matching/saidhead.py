"""Where the clause begins that a speaker's lead with no comma reports, or the thing it speaks of: "Trump said the
venture will invest ...", "Son promised the project would get ...", "Trump described the venture as a company
that will invest ...", 特朗普表示该合资企业将投资……, 孙正义承诺该项目将获得……, 特朗普将该合资企业形容为…….

The name before the word of saying is the speaker, not the subject of the figure after it; the noun right after
the lead may point back (dsfact.matching.referents: referred_back, spoken_lead). Two kinds of leads:
- a word that tells who said something (names.words [speaker]: said, told, 表示), perhaps with "reporters" and
  "that", right before a word that opens a clause's subject (the, its, their; 该, 这, 其); and apart, a verb by
  which a finding tells something ([finding-lead]) right before a pronoun (pronoun_after_lead: "Benchmarks show
  it ...");
- a word that describes or promises something of a thing (names.words [speaker-lead] `verbs`: described,
  promised, 形容, 承诺), right before that thing, and only when a word that goes on with what is said of it
  (`verb-after`: as, would, will; 将, 为, 是) stands between it and the figure: "Son promised the venture $19
  billion" gives the venture a sum of his firm's own, not the venture's size. A Chinese lead may put the thing
  before the verb with 将 or 把 (`before`), the verb after it (`after`: 形容为, 描述为)."""
from __future__ import annotations

from dsfact.fold import has_han
from dsfact.numbers.patterns import lazy

_LEAD_LATIN = 4  # a speaker's name: at most this many Latin words ...
_LEAD_CJK = 6  # ... or Chinese characters
_REACH = 60  # characters of the lead and what opens the clause

_PATTERNS: dict = {}  # whether Chinese -> the patterns (_patterns)


def said_head(folded: str, start: int, end: int) -> int:
    """Where the clause or thing that a lead with no comma speaks of begins, in folded[start:end] (`end`: the
    figure's start); `start` when the sentence opens with no such lead."""
    stop = min(end, start + _REACH)
    said, described, cjk_object, going_on, cjk_going_on, object_after, _ = _patterns(has_han(folded[start:stop]))
    m = said.match(folded, start, stop)
    if m is not None:
        return m.end()
    m = described.match(folded, start, stop)
    if m is not None:
        gap = folded[m.end():end]
        if going_on.search(gap) or any(w in gap for w in cjk_going_on):
            return m.end()
        return start
    m = cjk_object.match(folded, start, stop) if cjk_object is not None else None
    if m is not None and any(w in folded[m.end():end] for w in object_after):
        return m.end()
    return start


def pronoun_after_lead(folded: str, start: int, end: int) -> int:
    """Where a pronoun begins that opens the clause an English finding's lead with no comma reports ("Evaluations
    indicate that it outperforms ...", "Benchmarks show it ...": names.words [finding-lead]); `start` when there is
    none. The caller asks that the lead name no one ("SoftBank's figures show it ...": SoftBank's own)."""
    m = _patterns(False)[6].match(folded, start, min(end, start + _REACH))
    return start if m is None else m.end()


def _patterns(chinese: bool) -> tuple:
    """The patterns of the leads (made on first use: they are built from language data). Without `chinese` (no
    Chinese character where they match), the plain ones: a Chinese lead opens with a class of the Chinese range,
    which cannot match there and costs milliseconds to compile; the Chinese object's pattern is then None."""
    found = _PATTERNS.get(chinese)
    if found is None:
        import re

        from dsfact.lang import words_of

        def alternatives(words, ascii_: bool) -> str:
            return "|".join(re.escape(w) for w in words if w.isascii() == ascii_) or "(?!)"  # none: never

        lead = r"[^\W\d_]+(?:(?:[ '-]|’)[^\W\d_]+){0,%d}\s+(?:%%s)%%s\s+" % (_LEAD_LATIN - 1)
        latin = lead + r"(?=(?:the|its|their)\s)"
        han = r"|[\u3400-\u9fff]{1,%d}?(?:%%s)(?=[该該这這其])" % _LEAD_CJK if chinese else "%.0s"  # takes its words, writes none
        name = r"\s*(?:" + latin + han + ")"
        speech = words_of("names", "speaker", longest_first=True)
        verbs = words_of("names", "speaker-lead", "verbs", longest_first=True)
        cjk_object = (re.compile(r"\s*[\u3400-\u9fff]{1,%d}?(?:%s)(?=[该該这這其])"
                                 % (_LEAD_CJK, alternatives(words_of("names", "speaker-lead", "before"), False)))
                      if chinese else None)
        found = _PATTERNS[chinese] = (
            re.compile(name % (alternatives(speech, True), r"(?:\s+reporters)?(?:\s+that)?", alternatives(speech, False))),
            re.compile(name % (alternatives(verbs, True), "", alternatives(verbs, False))),
            cjk_object,
            lazy(r"\b(?:%s)\b" % alternatives(words_of("names", "speaker-lead", "verb-after"), True)),  # (rarely asked)
            tuple(w for w in words_of("names", "speaker-lead", "verb-after") if not w.isascii()),
            words_of("names", "speaker-lead", "after"),
            re.compile(r"\s*" + lead % (alternatives(words_of("names", "finding-lead", longest_first=True), True),
                                         r"(?:\s+that)?") + r"(?=(?:its|their|it|they)\s)"),
        )
    return found

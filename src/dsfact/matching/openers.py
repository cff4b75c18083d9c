"""Subjects a participle opener takes from its main clause: "Trained on 14.8 trillion tokens, DeepSeek-V3 beats
...", "Originally launched with 100,000 GPUs, xAI doubled ...", "经过14.8万亿个词元的预训练，DeepSeek-V3……". Used by
dsfact.matching.matcher (TextMatcher._cues), as structure.means_clause is for a clause of means. A phrase of
concession is one too ("Despite Monday's 17% drop, Nvidia ...", 尽管周一重挫17%，英伟达……), and its main clause may
open with a view of that subject ("Despite a 17% drop, analysts believe Nvidia ...", 儘管……，分析師認為輝達……)."""
from __future__ import annotations

import bisect

from dsfact.lang import words_by_script, words_of

_OPENER_MARKS = 2  # clause marks a participle opener may reach across to the clause whose subject it takes
_OPENER_HEAD = 40  # characters: at most this much of the opener stands before its figure


def opener_reach(matcher, q, si: int, after_q: int) -> int:
    """"Trained on 14.8 trillion tokens, DeepSeek-V3 beats ...", "Originally launched with 100,000 GPUs, xAI
    doubled ...", "经过14.8万亿token的预训练，DeepSeek-V3……": a sentence that opens with a participle phrase
    (roles.words [opener]: a past participle, after an adverb or not; in Chinese a word of passing through)
    names no subject of its own; its subject is the one its main clause opens with. For a figure in such an
    opener, with no name before it: how many clause marks it may reach across to the name that opens a later
    clause of its sentence (at most _OPENER_MARKS, no other name on the way); 0 when it is no such figure. A
    comparison ("Compared with $100 million, ...") opens no such phrase."""
    marks, folded = matcher._marks, matcher.folded
    sentence = matcher.sentences[si]
    start = sentence.start + len(folded[sentence.start:q.start]) - len(folded[sentence.start:q.start].lstrip(
        " \t\n\"'“‘「*#-•·–"))
    if after_q >= len(marks) or q.start - start > _OPENER_HEAD or bisect.bisect_left(marks, start) != \
            bisect.bisect_left(marks, q.start) or not opens_participle(folded, start, q.start):
        return 0
    from dsfact.matching.aside import qualifies_product
    from dsfact.matching.relaside import _determiners

    hits = matcher.sentence_hits(si)
    names = matcher.index.names
    if any(names(h.cue) and h.start < q.start for h in hits):
        return 0  # the opener names its own subject
    for k in range(after_q, min(after_q + _OPENER_MARKS, len(marks))):
        if marks[k] >= sentence.end:
            return 0
        after = marks[k] + 1
        opening = after + len(folded[after:sentence.end]) - len(folded[after:sentence.end].lstrip(" \t,，、"))
        # "Released on January 20, the DeepSeek-R1 assistant topped ...": a determiner may stand before the name
        named_at = opening + next((len(w) for w in _determiners() if folded.startswith(w, opening)), 0)
        if k == after_q and conceded(folded, start, q.start):  # "Despite a 17% drop, analysts believe Nvidia ..."
            opening = named_at = _after_view(folded, opening, sentence.end)
        for i, h in enumerate(hits):
            if q.end <= h.start < opening and names(h.cue) and not qualifies_product(matcher, h, hits[i + 1:i + 3]):
                return 0  # a name on the way ("Nvidia H100 GPUs" only says whose chips): the figure is not the main clause's
            if h.start in (opening, named_at) and names(h.cue):
                return k + 1 - after_q
    return 0


def opens_participle(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] opens with a participle phrase (roles.words [opener]): in English a word
    ending in -ed or one of its irregular participles, an adverb in -ly before it or not; in Chinese one of
    its opening words. Not a word of comparison (names.words [comparison] `before`: "compared with")."""
    head = folded[start:end]
    if conceded(folded, start, end):
        return True
    latin, chinese = _opener_words()
    if head.startswith(chinese):  # (a tuple: any of them)
        return True
    words = head.split()
    if len(words) > 1 and words[0].endswith("ly") and words[0].isalpha():
        words = words[1:]
    word = words[0] if words else ""
    if not word.isalpha() or head.startswith(_comparisons()) or " ".join(words).startswith(_comparisons()):
        return False
    if word in words_of("roles", "opener-gerund") and len(words) > 1:  # "By shedding $589 billion, Nvidia ..."
        return words[1].endswith("ing") and len(words[1]) > 4 and words[1].isalpha()
    return (word.endswith("ed") and len(word) > 4) or word in latin


_OPENERS: tuple[tuple[str, ...], tuple[str, ...]] | None = None
_COMPARED: tuple[str, ...] | None = None


def _opener_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    global _OPENERS
    if _OPENERS is None:
        from dsfact.lang import words_by_script

        _OPENERS = words_by_script("roles", "opener", longest_first=True)
    return _OPENERS


def _comparisons() -> tuple[str, ...]:
    global _COMPARED
    if _COMPARED is None:
        _COMPARED = tuple(w for w in words_of("names", "comparison", "before") if w.isascii())
    return _COMPARED


def conceded(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] opens with a word of concession (roles.words [opener-concession]): "Despite
    Monday's 17% drop, Nvidia ...", 尽管周一重挫17%，英伟达……, 儘管週一重挫17%，輝達……."""
    latin, chinese = words_by_script("roles", "opener-concession")
    head = folded[start:end]
    return head.startswith(chinese) or any(head.startswith(w + " ") for w in latin)


def _after_view(folded: str, at: int, end: int) -> int:
    """Where the clause a view speaks of begins when folded[at:end] opens with one ("analysts believe Nvidia",
    "some say that Nvidia", 分析师认为英伟达: at most _VIEW_WORDS words or _VIEW_CJK characters before a word of
    roles.words [opener-concession] `after`); `at` when it opens with none."""
    latin, chinese = words_by_script("roles", "opener-concession", "after", longest_first=True)
    words = folded[at:min(end, at + 60)].split(" ")
    for n in range(1, min(_VIEW_WORDS, len(words) - 1) + 1):
        if words[n] in latin and all(w.isalpha() for w in words[:n]):
            i = at + len(" ".join(words[:n + 1])) + 1
            return i + 5 if folded.startswith("that ", i) else i
    head = folded[at:at + _VIEW_CJK + 2]
    for w in chinese:
        k = head.find(w)
        if 0 < k <= _VIEW_CJK and all("\u3400" <= c <= "\u9fff" for c in head[:k]):
            return at + k + len(w)
    return at


_VIEW_WORDS = 2  # "analysts believe", "some analysts say"
_VIEW_CJK = 4  # 分析师认为, 部分分析师认为

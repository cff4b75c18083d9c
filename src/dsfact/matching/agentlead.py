"""A sentence that opens with a noun pointing back, its doers named after a word of agency: "该计划由软银与OpenAI于1月
宣布，规模达5000亿美元", "這個計畫起初由軟銀董事長孫正義和OpenAI老闆奧特曼一同公布，日後擴大到5000億美元", "The plan,
announced by SoftBank and OpenAI, is worth $500 billion". The names after 由, 被 or "by" tell who did the verb of the
head's clause, not what the figure is of: the sentence's subject is the noun that points back ("the plan", 该计划:
dsfact.matching.referents.referred_back), as when a speaker's lead names someone before it ("孙正义表示，他们的计画
……": referents.spoken_lead). The words of agency are language data (names.words [agent] `before`).

Only when the agent's phrase ends its clause, and no name stands before it past the pointing noun or after it before
the figure: "該計畫由軟銀主導，OpenAI負責營運，規模達……" names OpenAI in the figure's run of clauses, and the
ordinary rules read it. A word of agency that names no one after it is none; nor is 由于/由於 (because).
"""
from __future__ import annotations

import bisect
import functools

from dsfact.numbers.patterns import lazy

AGENT_REACH = 12  # characters between the pointing noun's sentence head and the word of agency ("這項計畫最初由")
_CAPITAL = lazy(r"(?<![\w'’])[A-Z]")  # a capitalised word: an English name the cue words may not know


@functools.cache
def _agent_words() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return words_of("names", "agent", "before", longest_first=True)


def agent_lead(text, si: int, q) -> bool:
    """Whether sentence si (of `text`, a TextMatcher) opens with a noun that points back and names, before figure q,
    only the doers of its first clause's verb, after a word of agency (module docstring)."""
    from dsfact.matching.referents import head_after_lead, head_noun
    from dsfact.matching.wordtables import word_starting

    sentence, folded = text.sentences[si], text.folded
    if head_noun(text, si, q) is None:
        return False
    head = head_after_lead(folded, sentence.start, q.start)
    for at in range(head, min(q.start, head + AGENT_REACH + 8)):
        word = word_starting(folded, _agent_words(), at)
        if word is not None and not folded.startswith(("由于", "由此", "由来"), at):
            break
    else:
        return False
    marks = text._marks
    k = bisect.bisect_right(marks, at)
    close = marks[k] if k < len(marks) else sentence.end
    if close >= q.start:
        return False
    naming = text.index.naming
    named = [h for h in text.hits_in(head, q.start) if any(naming(h.cue))]
    if not named or any(h.start < at or h.start > close for h in named):
        return False  # (no one after the word, or a name outside the agent's phrase)
    return _CAPITAL.search(text.text, close, q.start) is None and _CAPITAL.search(text.text, head + 1, at) is None

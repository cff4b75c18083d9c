"""A further move is not the move a claim records: "Meitu rose another 5% on Tuesday", "Kingsoft Cloud climbed a
further 4%", "美图周二再涨5%", "美圖股價又漲了5%". The words are time.words [another] (a further move, an earlier
record); for a claim tied to a day they already place the figure on another day (dsfact.matching.timefits). A
claim of a move told with no day of its own (the Hong Kong rises after DeepSeek's breakthrough, how much cheaper
R1 is) is no less one move: a figure its own words tell as a further one may agree with it by chance, never
contradicts it. Asked only of a figure that disagrees (dsfact.matching.otherthing)."""
from __future__ import annotations

from dsfact.model import Claim, Quantity


def further_move(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q, bound to claim (a move with no day of its own), is told as a further move (`text`: the
    TextMatcher that bound it)."""
    if claim.kind != "change" or claim.time:
        return False
    return "another" in text.reader().times(q) or _told_further(text, q)


_CLAUSE_MARKS = ",，;；:：、。"
_FURTHER: list = []  # [longest-first words, words that tell no move] of time.words [further-move]


def _told_further(text, q: Quantity) -> bool:
    """Whether a word of time.words [further-move] stands before figure q in its clause, with nothing but the
    figure's own modifiers between ("金山云周三再升4%", 美圖股價再升約4%), and is no longer word that tells no move
    (再升级)."""
    if not _FURTHER:
        from dsfact.lang import words_of

        _FURTHER.extend((words_of("time", "further-move", longest_first=True), words_of("time", "further-move", "not")))
    words, nots = _FURTHER
    folded = text.folded
    start = text.sentences[text.sentence_of(q.start)].start
    for end in range(q.start, max(start, q.start - 12), -1):
        if folded[end - 1] in _CLAUSE_MARKS:
            return False
        for word in words:
            at = end - len(word)
            if at >= start and folded.startswith(word, at):
                return not any(folded.startswith(n, at) for n in nots)
    return False

"""A market figure told with its cause (issue 9's recall): "Nvidia shed a record $589 billion as investors took
in DeepSeek's cheap model", "DeepSeek引发恐慌，纳斯达克指数当日下跌3.1%". A figure of a claim tied to a day that
nothing else places on any day (dsfact.matching.doubt.doubts_time: UNANCHORED) waits for the text's other figures
to place it: a market report of another session looks the same. A sentence that names the registry's story
(its `story` names, DeepSeek, 深度求索) as what moved the market tells the story's day, the day its claims of a
move are tied to: its figures are placed there, in a text of no date of its own or one dated the claim's day or
the morning after. Not when the story is only the reference point of a record ("its worst day since the
DeepSeek rout", 创下自DeepSeek冲击以来最大跌幅: a later day measured against it), nor the cause of another move
named between the figure and the story (roles.words [move-noun]: "regained 90%, following the losses it
suffered after DeepSeek's debut": a later recovery), nor in a text dated days after the claim's day (a later
session's slide "as DeepSeek fears linger")."""
from __future__ import annotations

import datetime

from dsfact.fold import has_han
from dsfact.lang import words_of
from dsfact.matching.timewords import references
from dsfact.matching.undated import story_names
from dsfact.matching.wordtables import Alternation

MORNING_AFTER = 1  # days after a claim's day that a text dated then still tells that day's move without naming it


def cause_told(text, q, time: str) -> bool:
    """Whether figure q's sentence (by `text`, a TextMatcher) names the registry's story as its move's cause,
    other than as a record's reference point, in a text dated nowhere or within MORNING_AFTER days after the
    claim's day `time` ("2025-01-27")."""
    if text.day and not _morning_after(text.day, time):
        return False
    names = story_names(text)
    if not names:
        return False  # (a registry that names no story tells no cause)
    sentence = text.sentences[text.sentence_of(q.start)]
    told = [at for at in names if sentence.start <= at < sentence.end]
    if not told:
        return False
    folded = text.folded
    spans = references(folded, sentence.start, sentence.end)
    return any(not any(a <= at < b for a, b in spans) and not (at >= q.end and _other_move(folded, q.end, at))
               for at in told)


def cause_in(text, sentence, time: str) -> bool:
    """Whether `sentence` (of `text`, a TextMatcher) names the registry's story other than as a record's reference
    point, in a text dated nowhere or within MORNING_AFTER days after the claim's day `time`: the cause it tells
    of a move in a sentence that goes on with it (dsfact.matching.storyday.cause_carried)."""
    if text.day and not _morning_after(text.day, time):
        return False
    spans = references(text.folded, sentence.start, sentence.end)
    return any(sentence.start <= at < sentence.end and not any(a <= at < b for a, b in spans)
               for at in story_names(text))


_MOVE_NOUNS: list = []


def _other_move(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] names a move (roles.words [move-noun]: losses, 跌幅), the one the story caused."""
    if not _MOVE_NOUNS:
        _MOVE_NOUNS.append(Alternation(words_of("roles", "move-noun")))
    return _MOVE_NOUNS[0].get(has_han(folded[start:end])).search(folded, start, end) is not None


def _morning_after(day: str, time: str) -> bool:
    try:
        gap = (datetime.date.fromisoformat(day[:10]) - datetime.date.fromisoformat(time[:10])).days
    except ValueError:
        return False
    return 0 <= gap <= MORNING_AFTER
